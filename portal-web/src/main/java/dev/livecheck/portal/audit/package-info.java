/** The audit page: a business's audit events, newest first. */
@NullMarked
@ApplicationModule(allowedDependencies = {"security", "web"})
package dev.livecheck.portal.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
