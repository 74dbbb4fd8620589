package dev.livecheck.portal.notifications;

import dev.livecheck.persistence.applications.ApiApplication;
import dev.livecheck.persistence.applications.ApiApplications;
import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.audit.AuditTarget;
import dev.livecheck.persistence.notifications.NotificationDeliveries;
import dev.livecheck.persistence.notifications.NotificationDelivery;
import dev.livecheck.persistence.notifications.NotificationDeliveryTries;
import dev.livecheck.persistence.notifications.NotificationDeliveryTry;
import dev.livecheck.persistence.sessions.SessionApiRequest;
import dev.livecheck.persistence.sessions.SessionApiRequests;
import dev.livecheck.portal.email.LinkSealer;
import dev.livecheck.portal.web.NodeIds;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due notifications, at least once each. Every delivery is claimed right before its try (a conditional UPDATE
 * with this node's id), so with several portal nodes only one sends it at a time. A 2xx answer makes it SENT; any other
 * answer, a timeout or a connection error is retried with exponential backoff until {@code max-attempts}, then it is
 * FAILED and audited. An endpoint refused by {@link NotificationEndpointPolicy}, or a secret that cannot be unsealed,
 * fails it at once: retrying cannot fix either. Each try is logged with its status, error and duration.
 */
@Component
class NotificationSender {
    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

    private final NotificationDeliveries deliveries;
    private final NotificationDeliveryTries tries;
    private final SessionApiRequests requests;
    private final ApiApplications applications;
    private final LinkSealer sealer;
    private final WebhookClient client;
    private final NotificationProperties properties;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String nodeId;

    @Autowired
    NotificationSender(NotificationDeliveries deliveries, NotificationDeliveryTries tries, SessionApiRequests requests,
                       ApiApplications applications, LinkSealer sealer, WebhookClient client,
                       NotificationProperties properties, AuditLog audit, PlatformTransactionManager transactions,
                       Clock clock) {
        this(deliveries, tries, requests, applications, sealer, client, properties, audit, transactions, clock,
                NodeIds.newNodeId());
    }

    /** With an explicit node id: tests run two "nodes" on one database. */
    NotificationSender(NotificationDeliveries deliveries, NotificationDeliveryTries tries, SessionApiRequests requests,
                       ApiApplications applications, LinkSealer sealer, WebhookClient client,
                       NotificationProperties properties, AuditLog audit, PlatformTransactionManager transactions,
                       Clock clock, String nodeId) {
        this.deliveries = deliveries;
        this.tries = tries;
        this.requests = requests;
        this.applications = applications;
        this.sealer = sealer;
        this.client = client;
        this.properties = properties;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.nodeId = nodeId;
    }

    @Scheduled(fixedDelayString = "${livecheck.notifications.poll-interval:PT2S}",
            initialDelayString = "${livecheck.notifications.initial-delay:PT5S}")
    void run() {
        if (properties.enabled()) {
            sendDue();
        }
    }

    /** @return how many deliveries this node tried */
    int sendDue() {
        int tried = 0;
        for (NotificationDelivery delivery : deliveries.findDue(clock.instant(), properties.batchSize())) {
            Instant now = clock.instant();
            if (deliveries.claim(delivery.id(), nodeId, now, now.plus(properties.claimDuration())) == 1) {
                deliver(delivery);
                tried++;
            }
        }
        return tried;
    }

    private void deliver(NotificationDelivery delivery) {
        Instant triedAt = clock.instant();
        long started = System.nanoTime();
        WebhookClient.Result result = tryOnce(delivery, triedAt);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        try {
            transaction.executeWithoutResult(status -> record(delivery, triedAt, result, millis));
        } catch (DataIntegrityViolationException e) {
            // Its session was deleted during the try, and the delivery with it (ON DELETE CASCADE): nothing to record.
            log.info("Notification {} was deleted with its session during its try", delivery.id());
        }
    }

    private WebhookClient.Result tryOnce(NotificationDelivery delivery, Instant triedAt) {
        Map<String, String> headers;
        try {
            headers = headers(delivery, triedAt);
        } catch (IllegalStateException e) {
            return WebhookClient.Result.refused(e.getMessage());
        }
        return client.post(delivery.endpoint(), delivery.payload(), headers);
    }

    /**
     * Content type, the session's {@code Authorization} (BASIC: the token Base64-encoded, as Yoti sends
     * {@code user:password}; BEARER: the token as given) and the signature.
     *
     * @throws IllegalStateException if a sealed secret does not open (sealed under another link key) or is missing
     */
    private Map<String, String> headers(NotificationDelivery delivery, Instant now) {
        SessionApiRequest request = requests.findByBusinessIdAndSessionId(delivery.businessId(), delivery.sessionId())
                .orElseThrow(() -> new IllegalStateException("the session no longer has notification settings"));
        ApiApplication application = applications.findByBusinessIdAndId(delivery.businessId(),
                delivery.applicationId()).orElseThrow(() -> new IllegalStateException("the application is gone"));
        String secret = open(application.notificationSecretSealed(), "the application's notification secret");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "Livecheck-Notifications");
        if (request.notificationAuthTokenSealed() != null) {
            String token = open(request.notificationAuthTokenSealed(), "the session's notification auth token");
            headers.put("Authorization", "BEARER".equals(request.notificationAuthType()) ? "Bearer " + token
                    : "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
        }
        headers.put(NotificationSignature.HEADER,
                NotificationSignature.header(secret, now.getEpochSecond(), delivery.payload()));
        return headers;
    }

    private String open(String sealed, String what) {
        try {
            return sealer.openValue(sealed);
        } catch (RuntimeException e) {
            throw new IllegalStateException(what + " cannot be unsealed: it was sealed under another link key"
                    + " (livecheck.link-key)", e);
        }
    }

    private void record(NotificationDelivery delivery, Instant triedAt, WebhookClient.Result result, long millis) {
        tries.insert(NotificationDeliveryTry.of(delivery, triedAt, result.statusCode(), result.error(), millis));
        Instant now = clock.instant();
        int tried = delivery.attemptCount() + 1;
        int updated;
        if (result.delivered()) {
            updated = deliveries.markSent(delivery.id(), nodeId, now, result.statusCode());
        } else if (result.permanent() || tried >= properties.maxAttempts()) {
            String error = NotificationDelivery.abbreviate(result.error());
            updated = deliveries.markFailed(delivery.id(), nodeId, result.statusCode(), error);
            if (updated == 1) {
                audit.insert(AuditEvent.bySystem(delivery.businessId(), AuditAction.NOTIFICATION_FAILED,
                        AuditTarget.NOTIFICATION, delivery.id().toString(),
                        "gave up after " + tried + " tries: " + error, now));
                log.warn("Notification {} failed for good after {} tries: {}", delivery.id(), tried, error);
            }
        } else {
            updated = deliveries.markRetry(delivery.id(), nodeId, result.statusCode(),
                    NotificationDelivery.abbreviate(result.error()), now.plus(properties.retryDelay(tried)));
            log.info("Notification {} not delivered (try {}), retrying later: {}", delivery.id(), tried,
                    result.error());
        }
        if (updated != 1) {
            log.warn("Notification {}: this node's claim ran out during the try; the try is logged, the state is"
                    + " left to the node that holds the claim now", delivery.id());
        }
    }
}
