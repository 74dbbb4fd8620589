/** The audit page: a business's audit events, newest first. */
package dev.livecheck.portal.audit;
