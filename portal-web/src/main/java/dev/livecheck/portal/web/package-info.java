/** Shared web pieces: the layout, the home page and advice common to every controller. */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package dev.livecheck.portal.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
