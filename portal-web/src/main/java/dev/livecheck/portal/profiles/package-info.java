/** Check profiles: list, create, edit and archive the liveness-check configurations of a business. */
package dev.livecheck.portal.profiles;
