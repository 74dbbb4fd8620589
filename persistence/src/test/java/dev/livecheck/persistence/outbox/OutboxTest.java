package dev.livecheck.persistence.outbox;

import static dev.livecheck.persistence.Fixtures.NOW;
import static dev.livecheck.persistence.Fixtures.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.persistence.DatabaseTest;
import dev.livecheck.persistence.Fixtures;
import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.sessions.VerificationSessions;
import java.time.Instant;
import java.util.ArrayList;
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
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

class OutboxTest extends DatabaseTest {
    /** Far in the future so rows of other tests (all due around NOW) are not in the way of these queries. */
    private static final Instant LATER = NOW.plusSeconds(10L * 365 * 24 * 3600);

    @Autowired
    Outbox outbox;
    @Autowired
    VerificationSessions sessions;
    @Autowired
    Fixtures fixtures;

    @Test
    void lifecycleClaimSendRetryFailRequeue() {
        Business b = fixtures.business("Acme");
        VerificationSession s = fixtures.session(fixtures.profile(b));
        EmailOutbox mail = outbox.insert(EmailOutbox.pending(b.id(), s.id(), "ada@example.com", "Verify", "Open link", "<a>link</a>", NOW));
        assertThat(outbox.findByBusinessIdAndId(b.id(), mail.id())).get().usingRecursiveComparison().isEqualTo(mail);
        assertThat(outbox.findAllByBusinessIdAndSessionIdOrderByCreatedAt(b.id(), s.id())).hasSize(1);
        assertThat(outbox.findByBusinessIdOrderByCreatedAtDesc(b.id(), PageRequest.of(0, 10)).getTotalElements()).isEqualTo(1);

        assertThat(outbox.findDue(NOW, 1000)).extracting(EmailOutbox::id).contains(mail.id());
        assertThat(outbox.claim(mail.id(), "node-a", NOW, minutes(1))).isEqualTo(1);
        assertThat(outbox.claim(mail.id(), "node-b", NOW, minutes(1))).isZero();
        assertThat(outbox.findDue(NOW, 1000)).extracting(EmailOutbox::id).doesNotContain(mail.id());
        assertThat(outbox.markSent(mail.id(), "node-b", NOW)).isZero(); // not the claimer

        assertThat(outbox.markRetry(mail.id(), "node-a", "SMTP down", minutes(5))).isEqualTo(1);
        EmailOutbox retry = outbox.findByBusinessIdAndId(b.id(), mail.id()).orElseThrow();
        assertThat(retry.attemptCount()).isEqualTo(1);
        assertThat(retry.lastError()).isEqualTo("SMTP down");
        assertThat(retry.claimedBy()).isNull();
        assertThat(outbox.findDue(minutes(4), 1000)).extracting(EmailOutbox::id).doesNotContain(mail.id());

        // An expired claim (node died) can be taken over.
        assertThat(outbox.claim(mail.id(), "node-a", minutes(5), minutes(6))).isEqualTo(1);
        assertThat(outbox.claim(mail.id(), "node-b", minutes(7), minutes(8))).isEqualTo(1);
        assertThat(outbox.markFailed(mail.id(), "node-a", "late")).isZero();
        assertThat(outbox.markFailed(mail.id(), "node-b", "550 no such user")).isEqualTo(1);
        assertThat(outbox.findByBusinessIdAndId(b.id(), mail.id()).orElseThrow().status()).isEqualTo(OutboxStatus.FAILED);

        assertThat(outbox.requeue(b.id(), mail.id(), minutes(10))).isEqualTo(1);
        assertThat(outbox.claim(mail.id(), "node-a", minutes(10), minutes(11))).isEqualTo(1);
        assertThat(outbox.markSent(mail.id(), "node-a", minutes(10))).isEqualTo(1);
        EmailOutbox sent = outbox.findByBusinessIdAndId(b.id(), mail.id()).orElseThrow();
        assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(sent.sentAt()).isEqualTo(minutes(10));
        assertThat(sent.attemptCount()).isEqualTo(3);

        // Deleting the session keeps the e-mail, unlinked.
        sessions.deleteByBusinessIdAndId(b.id(), s.id());
        assertThat(outbox.findByBusinessIdAndId(b.id(), mail.id()).orElseThrow().sessionId()).isNull();
    }

    @Test
    void aSessionsEmailsAreDeletedOnlyByItsOwnBusiness() {
        Business b = fixtures.business("Acme");
        VerificationSession s = fixtures.session(fixtures.profile(b));
        VerificationSession other = fixtures.session(fixtures.profile(b));
        outbox.insert(EmailOutbox.pending(b.id(), s.id(), "ada@example.com", "Verify", "Open", "<a>x</a>", NOW));
        outbox.insert(EmailOutbox.pending(b.id(), s.id(), "ada@example.com", "Verify", "Open", "<a>y</a>", NOW));
        outbox.insert(EmailOutbox.pending(b.id(), other.id(), "bob@example.com", "Verify", "Open", "<a>z</a>", NOW));

        assertThat(outbox.deleteByBusinessIdAndSessionId(fixtures.business("Intruder").id(), s.id())).isZero();
        assertThat(outbox.deleteByBusinessIdAndSessionId(b.id(), s.id())).isEqualTo(2);
        assertThat(outbox.findAllByBusinessIdAndSessionIdOrderByCreatedAt(b.id(), s.id())).isEmpty();
        assertThat(outbox.findAllByBusinessIdAndSessionIdOrderByCreatedAt(b.id(), other.id())).hasSize(1);
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void twoNodesClaimingConcurrentlyNeverDoubleClaim() throws Exception {
        Business b = fixtures.business("Mailer");
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ids.add(outbox.insert(EmailOutbox.pending(b.id(), null, "r" + i + "@example.com", "S", "T", null, LATER)).id());
        }
        ConcurrentHashMap<UUID, String> claimedBy = new ConcurrentHashMap<>();
        List<String> doubles = java.util.Collections.synchronizedList(new ArrayList<>());
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> nodes = new ArrayList<>();
            for (String node : List.of("node-a", "node-b")) {
                nodes.add(pool.submit(() -> {
                    start.await(20, TimeUnit.SECONDS);
                    int mine = 0;
                    List<EmailOutbox> due;
                    while (!(due = outbox.findDue(LATER, 20)).isEmpty()) {
                        for (EmailOutbox e : due) {
                            if (outbox.claim(e.id(), node, LATER, LATER.plusSeconds(300)) == 1) {
                                mine++;
                                String previous = claimedBy.putIfAbsent(e.id(), node);
                                if (previous != null) {
                                    doubles.add(e.id() + " by " + previous + " and " + node);
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
}
