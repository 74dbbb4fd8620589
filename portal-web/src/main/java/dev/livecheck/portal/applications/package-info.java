/**
 * API applications (ADMIN and OWNER): a business's integrations with the session API under {@code /idverify/v1}.
 * Create one (its check profile, the origins allowed to embed the capture page, a generated RSA key pair whose private
 * key is shown exactly once, or an uploaded public key), read its SDK ID, base URL, key fingerprint and notification
 * secret, and revoke it. Only the public key is stored; every change is audited.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"api", "email", "security", "web"})
package dev.livecheck.portal.applications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
