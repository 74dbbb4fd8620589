/**
 * The business's portal users, for OWNERs only: list, create with an initial password, change role, enable or disable,
 * lift a login lockout and reset a password. Each change is audited, and the business always keeps an enabled OWNER.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"security", "web"})
package dev.livecheck.portal.users;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
