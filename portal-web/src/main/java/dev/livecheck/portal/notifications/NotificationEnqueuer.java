package dev.livecheck.portal.notifications;

import dev.livecheck.persistence.notifications.NotificationDeliveries;
import dev.livecheck.persistence.notifications.NotificationDelivery;
import dev.livecheck.persistence.notifications.NotificationTopic;
import dev.livecheck.persistence.sessions.SessionApiRequest;
import dev.livecheck.persistence.sessions.SessionApiRequests;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.sessions.VerificationSessions;
import dev.livecheck.portal.capture.AttemptStored;
import dev.livecheck.portal.capture.SessionClosedByAbandons;
import dev.livecheck.portal.lifecycle.SessionExpired;
import dev.livecheck.portal.sessions.SessionCancelled;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox's front: turns what happened to a session into deliveries of the topics that session asked
 * for, inside the transaction of the change itself ({@link Propagation#MANDATORY}: a publisher outside a transaction
 * is a bug, not something to paper over), so a notification is enqueued exactly when its cause commits. Sessions
 * without an API request, or whose request names no endpoint, get nothing.
 */
@Component
class NotificationEnqueuer {
    private final VerificationSessions sessions;
    private final SessionApiRequests requests;
    private final NotificationDeliveries deliveries;
    private final Clock clock;

    NotificationEnqueuer(VerificationSessions sessions, SessionApiRequests requests, NotificationDeliveries deliveries,
                         Clock clock) {
        this.sessions = sessions;
        this.requests = requests;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** The attempt's images are its liveness resource, and storing it decides its check: both, resource first. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void attemptStored(AttemptStored event) {
        List<NotificationTopic> topics = new ArrayList<>(List.of(NotificationTopic.RESOURCE_UPDATE,
                NotificationTopic.CHECK_COMPLETION));
        if (event.sessionCompleted()) {
            topics.add(NotificationTopic.SESSION_COMPLETION);
        }
        enqueue(event.businessId(), event.sessionId(), topics);
    }

    /** Too many abandoned attempts closed the session as REJECT: over like an exhausted one, no check to report. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void sessionClosedByAbandons(SessionClosedByAbandons event) {
        enqueue(event.businessId(), event.sessionId(), List.of(NotificationTopic.SESSION_COMPLETION));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void sessionExpired(SessionExpired event) {
        enqueue(event.businessId(), event.sessionId(), List.of(NotificationTopic.SESSION_COMPLETION,
                NotificationTopic.CLIENT_SESSION_TOKEN_DELETED));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void sessionCancelled(SessionCancelled event) {
        enqueue(event.businessId(), event.sessionId(), List.of(NotificationTopic.SESSION_COMPLETION,
                NotificationTopic.CLIENT_SESSION_TOKEN_DELETED));
    }

    /**
     * One delivery per caused topic the session subscribed to. Their due times are a microsecond apart (both databases
     * keep microseconds), so the sender, which takes due rows in order, sends them in the order they were caused.
     */
    private void enqueue(UUID businessId, UUID sessionId, List<NotificationTopic> caused) {
        Optional<SessionApiRequest> request = requests.findByBusinessIdAndSessionId(businessId, sessionId)
                .filter(r -> r.notificationEndpoint() != null);
        Optional<UUID> application = sessions.findByBusinessIdAndId(businessId, sessionId)
                .map(VerificationSession::apiApplicationId);
        if (request.isEmpty() || application.isEmpty()) {
            return;
        }
        Set<NotificationTopic> wanted = subscribed(request.get().notificationTopics());
        Instant due = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (NotificationTopic topic : caused) {
            if (wanted.contains(topic)) {
                deliveries.insert(NotificationDelivery.pending(businessId, sessionId, application.get(), topic,
                        request.get().notificationEndpoint(), due));
                due = due.plus(1, ChronoUnit.MICROS);
            }
        }
    }

    /** The stored comma-separated topics; names we do not send (e.g. TASK_COMPLETION) are simply never caused. */
    private static Set<NotificationTopic> subscribed(String topics) {
        Set<NotificationTopic> wanted = EnumSet.noneOf(NotificationTopic.class);
        if (topics != null) {
            Arrays.stream(topics.split(",")).map(NotificationTopic::parse).flatMap(Optional::stream)
                    .forEach(wanted::add);
        }
        return wanted;
    }
}
