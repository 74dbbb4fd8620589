package dev.livecheck.persistence.capacity;

import static dev.livecheck.persistence.Fixtures.NOW;
import static dev.livecheck.persistence.Fixtures.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.livecheck.persistence.DatabaseTest;
import dev.livecheck.persistence.Fixtures;
import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.sessions.VerificationSession;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

class BusyAttemptsTest extends DatabaseTest {

    @Autowired
    BusyAttempts busy;
    @Autowired
    Fixtures fixtures;

    @Test
    void busyAttemptsAreListedPerSessionInOrderAndOnlyWithinTheirBusiness() {
        Business mine = fixtures.business("Busy " + UUID.randomUUID());
        Business other = fixtures.business("Other " + UUID.randomUUID());
        VerificationSession session = fixtures.session(fixtures.profile(mine));
        busy.insert(BusyAttempt.of(mine.id(), session.id(), 1, 90, 40, false, minutes(2)));
        busy.insert(BusyAttempt.of(mine.id(), session.id(), 1, 120, 0, true, minutes(1)));

        assertThat(busy.findAllByBusinessIdAndSessionIdOrderByCreatedAt(mine.id(), session.id()))
                .extracting(BusyAttempt::framesReceived, BusyAttempt::machineSaturated)
                .containsExactly(tuple(120, true), tuple(90, false));
        assertThat(busy.findAllByBusinessIdAndSessionIdOrderByCreatedAt(other.id(), session.id())).isEmpty();
        assertThat(busy.countByBusinessIdAndSessionId(mine.id(), session.id())).isEqualTo(2);
        assertThat(busy.countByBusinessIdAndSessionId(other.id(), session.id())).isZero();
    }

    @Test
    void aRowCannotPointAtAnotherBusinesssSession() {
        Business mine = fixtures.business("Busy " + UUID.randomUUID());
        Business other = fixtures.business("Other " + UUID.randomUUID());
        VerificationSession theirs = fixtures.session(fixtures.profile(other));
        assertThatThrownBy(() -> busy.insert(BusyAttempt.of(mine.id(), theirs.id(), 1, 10, 5, false, NOW)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void impossibleCountsAreRefusedBeforeTheDatabase() {
        assertThatThrownBy(() -> BusyAttempt.of(UUID.randomUUID(), UUID.randomUUID(), 0, 10, 5, false, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BusyAttempt.of(UUID.randomUUID(), UUID.randomUUID(), 1, 10, 11, false, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
