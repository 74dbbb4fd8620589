package dev.livecheck.persistence.sessions;

import static dev.livecheck.persistence.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.persistence.DatabaseTest;
import dev.livecheck.persistence.Fixtures;
import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.users.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two "nodes" (threads, each with its own connection and transaction) decide the same session at once; both pass the
 * domain check on their own stale read, and only the conditional update lets exactly one through.
 */
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class FinalDecisionRaceTest extends DatabaseTest {
    @Autowired
    VerificationSessions sessions;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Fixtures fixtures;

    @Test
    void onlyOneOfTwoConcurrentDecisionsIsRecorded() throws Exception {
        Business b = fixtures.business("Race");
        UUID u1 = fixtures.user(b, Role.ADMIN).id();
        UUID u2 = fixtures.user(b, Role.ADMIN).id();
        for (int round = 0; round < 10; round++) {
            VerificationSession s = fixtures.session(fixtures.profile(b));
            CountDownLatch bothRead = new CountDownLatch(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (UUID user : List.of(u1, u2)) {
                    results.add(pool.submit(() -> tx.execute(status -> {
                        VerificationSession read = sessions.findByBusinessIdAndId(b.id(), s.id()).orElseThrow();
                        read.withFinalDecision(FinalDecision.REJECTED, user, NOW, null); // passes for both
                        bothRead.countDown();
                        await(bothRead);
                        return sessions.recordFinalDecision(b.id(), s.id(), FinalDecision.REJECTED, user, NOW, null) == 1;
                    })));
                }
                int recorded = 0;
                for (Future<Boolean> f : results) {
                    recorded += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(recorded).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(sessions.findByBusinessIdAndId(b.id(), s.id()).orElseThrow().decidedBy()).isIn(u1, u2);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
