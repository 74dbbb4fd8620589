/** Check profiles: list, create, edit and archive the liveness-check configurations of a business. */
@NullMarked
@ApplicationModule(allowedDependencies = {"security", "web"})
package dev.livecheck.portal.profiles;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
