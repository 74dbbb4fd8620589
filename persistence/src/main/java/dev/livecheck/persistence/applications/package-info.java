/**
 * API applications: a business's integrations with the session API. Each is identified by its SDK ID, authenticated
 * by RSA-SHA256 request signatures checked against the stored public key (the private key is never stored), and
 * guarded against replays by {@link dev.livecheck.persistence.applications.ApiNonces}.
 */
@NullMarked
package dev.livecheck.persistence.applications;

import org.jspecify.annotations.NullMarked;
