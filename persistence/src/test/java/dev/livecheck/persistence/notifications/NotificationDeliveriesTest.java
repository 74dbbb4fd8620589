package dev.livecheck.persistence.notifications;

import static dev.livecheck.persistence.Fixtures.NOW;
import static dev.livecheck.persistence.Fixtures.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livecheck.persistence.DatabaseTest;
import dev.livecheck.persistence.Fixtures;
import dev.livecheck.persistence.applications.ApiApplication;
import dev.livecheck.persistence.applications.ApiApplications;
import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.sessions.CaptureTokens;
import dev.livecheck.persistence.sessions.CloseReason;
import dev.livecheck.persistence.sessions.SessionApiRequest;
import dev.livecheck.persistence.sessions.SessionApiRequests;
import dev.livecheck.persistence.sessions.SessionState;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.sessions.VerificationSessions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

class NotificationDeliveriesTest extends DatabaseTest {
    /** Far in the future so rows of other tests (all due around NOW) are not in the way of these queries. */
    private static final Instant LATER = NOW.plusSeconds(10L * 365 * 24 * 3600);
    private static final String ENDPOINT = "https://rp.example/hook";

    @Autowired
    NotificationDeliveries deliveries;
    @Autowired
    NotificationDeliveryTries tries;
    @Autowired
    VerificationSessions sessions;
    @Autowired
    SessionApiRequests requests;
    @Autowired
    ApiApplications applications;
    @Autowired
    Fixtures fixtures;

    /** A business with an API application and one API session of it that asked for notifications. */
    record ApiSession(Business business, ApiApplication application, VerificationSession session) {
    }

    ApiSession apiSession(String name, Instant createdAt, Duration tokenTtl) {
        Business b = fixtures.business(name);
        CheckProfile p = fixtures.profile(b);
        ApiApplication app = applications.insert(ApiApplication.create(b.id(), name + " app", p.id(), "MIIB",
                "0".repeat(64), List.of(), "sealed-secret", UUID.randomUUID(), createdAt));
        VerificationSession s = sessions.insert(VerificationSession.openForApi(p, app.id(), 3, "user-1",
                CaptureTokens.hash(CaptureTokens.newToken()), createdAt.plus(tokenTtl), createdAt));
        requests.insert(new SessionApiRequest(s.id(), b.id(), (int) tokenTtl.toSeconds(), (int) tokenTtl.toSeconds(),
                createdAt.plus(tokenTtl), null, null, null, null, null, ENDPOINT, "SESSION_COMPLETION", "BEARER",
                "sealed-token"));
        return new ApiSession(b, app, s);
    }

    NotificationDelivery pending(ApiSession a, NotificationTopic topic, Instant due) {
        return deliveries.insert(NotificationDelivery.pending(a.business().id(), a.session().id(),
                a.application().id(), topic, ENDPOINT, due));
    }

    @Test
    void lifecycleClaimRetryFailRequeueSendWithTries() {
        ApiSession a = apiSession("Acme", NOW, Duration.ofHours(1));
        UUID b = a.business().id();
        NotificationDelivery d = pending(a, NotificationTopic.SESSION_COMPLETION, NOW);
        assertThat(d.payload()).isEqualTo("{\"session_id\":\"" + a.session().id() + "\",\"topic\":\"SESSION_COMPLETION\"}");
        assertThat(deliveries.findByBusinessIdAndId(b, d.id())).get().usingRecursiveComparison().isEqualTo(d);
        assertThat(deliveries.findByBusinessIdOrderByCreatedAtDesc(b, PageRequest.of(0, 10)).getTotalElements()).isEqualTo(1);

        assertThat(deliveries.findDue(NOW, 1000)).extracting(NotificationDelivery::id).contains(d.id());
        assertThat(deliveries.claim(d.id(), "node-a", NOW, minutes(1))).isEqualTo(1);
        assertThat(deliveries.claim(d.id(), "node-b", NOW, minutes(1))).isZero();
        assertThat(deliveries.findDue(NOW, 1000)).extracting(NotificationDelivery::id).doesNotContain(d.id());
        assertThat(deliveries.markSent(d.id(), "node-b", NOW, 200)).isZero(); // not the claimer

        tries.insert(NotificationDeliveryTry.of(d, NOW, 500, "HTTP 500", 12));
        assertThat(deliveries.markRetry(d.id(), "node-a", 500, "HTTP 500", minutes(5))).isEqualTo(1);
        NotificationDelivery retry = deliveries.findByBusinessIdAndId(b, d.id()).orElseThrow();
        assertThat(retry.attemptCount()).isEqualTo(1);
        assertThat(retry.lastStatusCode()).isEqualTo(500);
        assertThat(retry.lastError()).isEqualTo("HTTP 500");
        assertThat(retry.claimedBy()).isNull();
        assertThat(deliveries.findDue(minutes(4), 1000)).extracting(NotificationDelivery::id).doesNotContain(d.id());

        // An expired claim (node died) can be taken over; the late node can no longer complete it.
        assertThat(deliveries.claim(d.id(), "node-a", minutes(5), minutes(6))).isEqualTo(1);
        assertThat(deliveries.claim(d.id(), "node-b", minutes(7), minutes(8))).isEqualTo(1);
        assertThat(deliveries.markFailed(d.id(), "node-a", null, "late")).isZero();
        tries.insert(NotificationDeliveryTry.of(d, minutes(7), null, "connect timed out", 10_000));
        assertThat(deliveries.markFailed(d.id(), "node-b", null, "connect timed out")).isEqualTo(1);
        NotificationDelivery failed = deliveries.findByBusinessIdAndId(b, d.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.lastStatusCode()).isNull();

        assertThat(deliveries.requeue(fixtures.business("Intruder").id(), d.id(), minutes(10))).isZero();
        assertThat(deliveries.requeue(b, d.id(), minutes(10))).isEqualTo(1);
        assertThat(deliveries.claim(d.id(), "node-a", minutes(10), minutes(11))).isEqualTo(1);
        tries.insert(NotificationDeliveryTry.of(d, minutes(10), 204, null, 3));
        assertThat(deliveries.markSent(d.id(), "node-a", minutes(10), 204)).isEqualTo(1);
        NotificationDelivery sent = deliveries.findByBusinessIdAndId(b, d.id()).orElseThrow();
        assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(sent.sentAt()).isEqualTo(minutes(10));
        assertThat(sent.attemptCount()).isEqualTo(3);
        assertThat(sent.lastStatusCode()).isEqualTo(204);
        assertThat(sent.lastError()).isNull();

        assertThat(tries.findAllByBusinessIdAndDeliveryIdOrderByTriedAt(b, d.id()))
                .extracting(NotificationDeliveryTry::statusCode).containsExactly(500, null, 204);
        assertThat(tries.findAllByBusinessIdAndDeliveryIdOrderByTriedAt(fixtures.business("Other").id(), d.id())).isEmpty();
    }

    @Test
    void anotherBusinessSeesNothing() {
        ApiSession a = apiSession("Acme", NOW, Duration.ofHours(1));
        NotificationDelivery d = pending(a, NotificationTopic.RESOURCE_UPDATE, NOW);
        UUID intruder = fixtures.business("Intruder").id();
        assertThat(deliveries.findByBusinessIdAndId(intruder, d.id())).isEmpty();
        assertThat(deliveries.findByBusinessIdOrderByCreatedAtDesc(intruder, PageRequest.of(0, 10))).isEmpty();
        assertThat(deliveries.findAllByBusinessIdAndSessionIdOrderByCreatedAt(intruder, a.session().id())).isEmpty();
    }

    @Test
    void aDeliveryCannotPointIntoAnotherBusiness() {
        ApiSession a = apiSession("Acme", NOW, Duration.ofHours(1));
        ApiSession other = apiSession("Other", NOW, Duration.ofHours(1));
        assertThatThrownBy(() -> deliveries.insert(NotificationDelivery.pending(a.business().id(),
                other.session().id(), a.application().id(), NotificationTopic.RESOURCE_UPDATE, ENDPOINT, NOW)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void deletingTheSessionDeletesItsDeliveriesAndTheirTries() {
        ApiSession a = apiSession("Acme", NOW, Duration.ofHours(1));
        ApiSession kept = apiSession("Kept", NOW, Duration.ofHours(1));
        NotificationDelivery d = pending(a, NotificationTopic.RESOURCE_UPDATE, NOW);
        pending(a, NotificationTopic.CHECK_COMPLETION, NOW);
        NotificationDelivery other = pending(kept, NotificationTopic.RESOURCE_UPDATE, NOW);
        tries.insert(NotificationDeliveryTry.of(d, NOW, 503, "HTTP 503", 5));

        assertThat(sessions.deleteByBusinessIdAndId(a.business().id(), a.session().id())).isEqualTo(1);

        assertThat(deliveries.findAllByBusinessIdAndSessionIdOrderByCreatedAt(a.business().id(), a.session().id())).isEmpty();
        assertThat(tries.findAllByBusinessIdAndDeliveryIdOrderByTriedAt(a.business().id(), d.id())).isEmpty();
        assertThat(deliveries.findByBusinessIdAndId(kept.business().id(), other.id())).isPresent();
    }

    @Test
    void overdueApiSessionsAreExpiredOneByOneAndOnlyOnce() {
        Instant created = LATER.minus(Duration.ofHours(2));
        ApiSession overdue = apiSession("Overdue", created, Duration.ofHours(1));
        ApiSession current = apiSession("Current", created, Duration.ofHours(3));
        VerificationSession portal = fixtures.session(fixtures.profile(overdue.business()), "Ada", "ada@example.com",
                null, created.minus(Duration.ofDays(10)));

        // The bulk sweep leaves API sessions to be expired one by one with their notifications.
        assertThat(sessions.expireOverdue(LATER)).isGreaterThanOrEqualTo(1);
        assertThat(state(overdue.session())).isEqualTo(SessionState.ONGOING);
        assertThat(state(portal)).isEqualTo(SessionState.EXPIRED);

        assertThat(sessions.findOverdueCreatedByApi(LATER, 1000)).extracting(VerificationSession::id)
                .contains(overdue.session().id()).doesNotContain(current.session().id(), portal.id());
        UUID b = overdue.business().id();
        assertThat(sessions.expireOverdueSession(fixtures.business("Intruder").id(), overdue.session().id(), LATER)).isZero();
        assertThat(sessions.expireOverdueSession(current.business().id(), current.session().id(), LATER)).isZero();
        assertThat(sessions.expireOverdueSession(b, overdue.session().id(), LATER)).isEqualTo(1);
        assertThat(sessions.expireOverdueSession(b, overdue.session().id(), LATER)).isZero();
        VerificationSession expired = sessions.findByBusinessIdAndId(b, overdue.session().id()).orElseThrow();
        assertThat(expired.state()).isEqualTo(SessionState.EXPIRED);
        assertThat(expired.closeReason()).isEqualTo(CloseReason.LINK_EXPIRED);
        assertThat(expired.completedAt()).isEqualTo(LATER);
        assertThat(sessions.findOverdueCreatedByApi(LATER, 1000)).extracting(VerificationSession::id)
                .doesNotContain(overdue.session().id());
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void twoNodesClaimingConcurrentlyNeverDoubleClaim() throws Exception {
        ApiSession a = fixtures.inNewTransaction(() -> apiSession("Sender", NOW, Duration.ofHours(1)));
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ids.add(pending(a, NotificationTopic.delivered().get(i % NotificationTopic.delivered().size()), LATER).id());
        }
        ConcurrentHashMap<UUID, String> claimedBy = new ConcurrentHashMap<>();
        List<String> doubles = Collections.synchronizedList(new ArrayList<>());
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> nodes = new ArrayList<>();
            for (String node : List.of("node-a", "node-b")) {
                nodes.add(pool.submit(() -> {
                    start.await(20, TimeUnit.SECONDS);
                    int mine = 0;
                    List<NotificationDelivery> due;
                    while (!(due = deliveries.findDue(LATER, 20)).isEmpty()) {
                        for (NotificationDelivery d : due) {
                            if (deliveries.claim(d.id(), node, LATER, LATER.plusSeconds(300)) == 1) {
                                mine++;
                                String previous = claimedBy.putIfAbsent(d.id(), node);
                                if (previous != null) {
                                    doubles.add(d.id() + " by " + previous + " and " + node);
                                }
                            }
                        }
                    }
                    return mine;
                }));
            }
            int total = nodes.get(0).get(60, TimeUnit.SECONDS) + nodes.get(1).get(60, TimeUnit.SECONDS);
            assertThat(doubles).isEmpty();
            assertThat(claimedBy.keySet()).containsAll(ids);
            assertThat(total).isEqualTo(claimedBy.size());
        } finally {
            pool.shutdownNow();
        }
    }

    private SessionState state(VerificationSession s) {
        return sessions.findByBusinessIdAndId(s.businessId(), s.id()).orElseThrow().state();
    }
}
