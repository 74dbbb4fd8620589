/** First-run setup: while no business exists every page leads to /setup, which creates the business and its OWNER; also the unattended bootstrap from livecheck.bootstrap.* properties, and the operator's add-business command for every further business. */
@NullMarked
@ApplicationModule(allowedDependencies = {"web"})
package dev.livecheck.portal.setup;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
