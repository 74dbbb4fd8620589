/**
 * Scheduled lifecycle jobs: expiring sessions whose capture link outlived its lifetime and purging images past their
 * profile's retention. Both run on every portal node; the persistence layer's conditional updates make a second node's
 * run find nothing left to do instead of doing it twice.
 */
package dev.livecheck.portal.lifecycle;
