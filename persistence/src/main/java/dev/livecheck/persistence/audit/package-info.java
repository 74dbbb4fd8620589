/** The audit log: append-only events of a business (who did what to which target, when). */
@NullMarked
package dev.livecheck.persistence.audit;

import org.jspecify.annotations.NullMarked;
