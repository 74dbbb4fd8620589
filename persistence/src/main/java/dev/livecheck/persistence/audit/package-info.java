/** The audit log: append-only events of a business (who did what to which target, when). */
package dev.livecheck.persistence.audit;
