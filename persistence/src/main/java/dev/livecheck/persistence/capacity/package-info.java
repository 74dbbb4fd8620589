/**
 * What capacity shaping leaves behind: attempts the capture server cut short under load ("error BUSY"), recorded so
 * the session page shows them although they never count against the person.
 */
// Not @NullMarked (JSpecify) like the other packages: Spring Data would then reject every null argument and null
// result of this package's repositories at run time, and their nullable parameters are not annotated yet.
package dev.livecheck.persistence.capacity;
