/**
 * Scheduled lifecycle jobs: expiring sessions whose capture link outlived its lifetime and purging images past their
 * profile's retention. Both run on every portal node; the persistence layer's conditional updates make a second node's
 * run find nothing left to do instead of doing it twice.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"sessions"})
package dev.livecheck.portal.lifecycle;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
