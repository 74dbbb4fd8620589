/** The portal application: its entry point; every feature is an application module in a sub-package. */
@NullMarked
package dev.livecheck.portal;

import org.jspecify.annotations.NullMarked;
