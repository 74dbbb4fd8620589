/** Check profiles: a business's configuration of a liveness check (retries, challenges, link lifetime, retention, branding, e-mail). */
// Not @NullMarked (JSpecify) like the other packages: Spring Data would then reject every null argument and null
// result of this package's repositories at run time, and their nullable parameters are not annotated yet.
package dev.livecheck.persistence.profiles;
