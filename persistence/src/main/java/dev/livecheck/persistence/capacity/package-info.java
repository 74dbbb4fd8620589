/**
 * What capacity shaping leaves behind: attempts the capture server cut short under load ("error BUSY"), recorded so
 * the session page shows them although they never count against the person.
 */
@NullMarked
package dev.livecheck.persistence.capacity;

import org.jspecify.annotations.NullMarked;
