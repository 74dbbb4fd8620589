package dev.livecheck.persistence.attempts;

import static dev.livecheck.persistence.Fixtures.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.persistence.DatabaseTest;
import dev.livecheck.persistence.Fixtures;
import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.sessions.Recommendation;
import dev.livecheck.persistence.sessions.SessionState;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.sessions.VerificationSessions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Several "nodes" store attempts for the same session at once: max_retries is never exceeded. */
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class AttemptRaceTest extends DatabaseTest {
    @Autowired
    AttemptRecorder recorder;
    @Autowired
    Attempts attempts;
    @Autowired
    VerificationSessions sessions;
    @Autowired
    Fixtures fixtures;

    @Test
    void concurrentAttemptsNeverExceedMaxRetries() throws Exception {
        Business b = fixtures.business("Race");
        var profile = fixtures.profile(b, 2);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 10; round++) {
                VerificationSession s = fixtures.session(profile);
                List<Callable<StoredAttempt>> calls = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    calls.add(() -> recorder.record(b.id(), s.id(), null, Fixtures.attempt(Recommendation.REJECT, minutes(1))));
                }
                int stored = 0;
                int refused = 0;
                for (Future<StoredAttempt> f : pool.invokeAll(calls, 60, TimeUnit.SECONDS)) {
                    try {
                        f.get();
                        stored++;
                    } catch (ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(AttemptRefusedException.class);
                        refused++;
                    }
                }
                assertThat(stored).isEqualTo(2);
                assertThat(refused).isEqualTo(2);
                assertThat(attempts.findAllByBusinessIdAndSessionIdOrderByAttemptNumber(b.id(), s.id()))
                        .extracting(Attempt::attemptNumber).containsExactly(1, 2);
                VerificationSession after = sessions.findByBusinessIdAndId(b.id(), s.id()).orElseThrow();
                assertThat(after.attemptsUsed()).isEqualTo(2);
                assertThat(after.state()).isEqualTo(SessionState.COMPLETED);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
