/** E-mail: rendering a profile's template into an outbox message, the outbox sender job and the outbox page. */
@NullMarked
@ApplicationModule(allowedDependencies = {"security", "web"})
package dev.livecheck.portal.email;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
