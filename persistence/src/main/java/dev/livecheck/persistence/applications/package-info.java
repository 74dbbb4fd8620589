/**
 * API applications: a business's integrations with the session API. Each is identified by its SDK ID, authenticated
 * by RSA-SHA256 request signatures checked against the stored public key (the private key is never stored), and
 * guarded against replays by {@link dev.livecheck.persistence.applications.ApiNonces}.
 */
// Not @NullMarked (JSpecify) like the other packages: Spring Data would then reject every null argument and null
// result of this package's repositories at run time, and their nullable parameters are not annotated yet.
package dev.livecheck.persistence.applications;
