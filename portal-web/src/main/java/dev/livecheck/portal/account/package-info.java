/** The signed-in user's own account: changing one's password (also the step a password set by an owner requires) and, with the second factor, setting up TOTP and recovery codes. */
@NullMarked
@ApplicationModule(allowedDependencies = {"email", "security", "web"})
package dev.livecheck.portal.account;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
