/**
 * Notifications to API applications: for each topic a session asked for, a POST of {@code {"session_id","topic"}}
 * to its endpoint with the requested {@code Authorization} and an {@code X-Livecheck-Signature} HMAC, delivered from
 * a transactional outbox (at least once, with backoff; two nodes never send the same one at once), listed on the
 * Deliveries page. {@link dev.livecheck.portal.notifications.NotificationEndpointPolicy} keeps endpoints off private
 * networks. Deliveries are enqueued by listeners of the capture, lifecycle and sessions modules' events, inside the
 * publishers' transactions; those modules know nothing of notifications.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"capture", "email", "lifecycle", "security", "sessions", "web"})
package dev.livecheck.portal.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
