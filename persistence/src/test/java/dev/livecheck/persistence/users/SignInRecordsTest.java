package dev.livecheck.persistence.users;

import static dev.livecheck.persistence.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.persistence.DatabaseTest;
import dev.livecheck.persistence.Fixtures;
import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.business.Businesses;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The sign-in throttle's counts, trusted browsers, recovery codes and the business's second-factor rule. */
class SignInRecordsTest extends DatabaseTest {
    private static final String A = "64a5e2c1b0f1d3aa0000000000000000000000000000000000000000000000aa";
    private static final String B = "64a5e2c1b0f1d3aa0000000000000000000000000000000000000000000000bb";

    @Autowired
    LoginThrottles throttles;
    @Autowired
    TrustedDevices devices;
    @Autowired
    RecoveryCodes codes;
    @Autowired
    Businesses businesses;
    @Autowired
    Fixtures fixtures;

    @Test
    void failuresCountUpAndStartAgainOnceTheLastOneIsOld() {
        String subject = "address:192.0.2.7";
        assertThat(throttles.countFailure(subject, NOW, NOW.minusSeconds(3600))).isZero();
        throttles.insert(new LoginThrottle(subject, 1, NOW, null));
        assertThat(throttles.countFailure(subject, NOW.plusSeconds(1), NOW.minusSeconds(3600))).isOne();
        assertThat(throttles.find(subject)).get().extracting(LoginThrottle::failures).isEqualTo(2);
        assertThat(throttles.blockUntil(subject, NOW.plusSeconds(60))).isOne();
        assertThat(throttles.find(subject).orElseThrow().blockedAt(NOW.plusSeconds(59))).isTrue();
        assertThat(throttles.find(subject).orElseThrow().blockedAt(NOW.plusSeconds(60))).isFalse();

        // the bug of the old lockout: a count that never forgot. Two hours later the count starts again.
        Duration later = Duration.ofHours(2);
        throttles.countFailure(subject, NOW.plus(later), NOW.plus(later).minusSeconds(3600));
        assertThat(throttles.find(subject).orElseThrow().failures()).isOne();

        assertThat(throttles.deleteStale(NOW.plus(later))).isZero();
        assertThat(throttles.deleteStale(NOW.plus(later).plusSeconds(1))).isOne();
        assertThat(throttles.find(subject)).isEmpty();
        throttles.insert(new LoginThrottle(subject, 1, NOW, null));
        assertThat(throttles.clear(subject)).isOne();
    }

    @Test
    void aTrustedBrowserCountsOnlyForItsUserAndBusinessAndUntilRevoked() {
        Business b = fixtures.business("Acme");
        Business other = fixtures.business("Other");
        PortalUser owner = fixtures.user(b, Role.OWNER);
        PortalUser admin = fixtures.user(b, Role.ADMIN);
        devices.insert(new TrustedDevice(A, b.id(), owner.id(), NOW));
        assertThat(devices.countValid(b.id(), owner.id(), A, NOW.minusSeconds(1))).isOne();
        assertThat(devices.countValid(b.id(), owner.id(), A, NOW)).as("too old").isZero();
        assertThat(devices.countValid(b.id(), admin.id(), A, NOW.minusSeconds(1))).isZero();
        assertThat(devices.countValid(other.id(), owner.id(), A, NOW.minusSeconds(1))).isZero();
        assertThat(devices.countValid(b.id(), owner.id(), B, NOW.minusSeconds(1))).isZero();
        assertThat(devices.deleteAllOf(other.id(), owner.id())).isZero();
        assertThat(devices.deleteAllOf(b.id(), owner.id())).isOne();
        assertThat(devices.countValid(b.id(), owner.id(), A, NOW.minusSeconds(1))).isZero();
    }

    @Test
    void aRecoveryCodeWorksOnceForItsOwnUserOnly() {
        Business b = fixtures.business("Acme");
        Business other = fixtures.business("Other");
        PortalUser owner = fixtures.user(b, Role.OWNER);
        PortalUser admin = fixtures.user(b, Role.ADMIN);
        codes.insert(new RecoveryCode(A, b.id(), owner.id(), NOW));
        codes.insert(new RecoveryCode(B, b.id(), owner.id(), NOW));
        assertThat(codes.countOf(b.id(), owner.id())).isEqualTo(2);
        assertThat(codes.use(b.id(), admin.id(), A)).isZero();
        assertThat(codes.use(other.id(), owner.id(), A)).isZero();
        assertThat(codes.use(b.id(), owner.id(), A)).isOne();
        assertThat(codes.use(b.id(), owner.id(), A)).as("used up").isZero();
        assertThat(codes.deleteAllOf(b.id(), owner.id())).isOne();
    }

    @Test
    void theOwnerCanRequireASecondFactorForTheirBusinessOnly() {
        Business b = fixtures.business("Acme");
        Business other = fixtures.business("Other");
        assertThat(businesses.totpRequired(b.id())).isFalse();
        assertThat(businesses.requireTotp(b.id(), true)).isOne();
        assertThat(businesses.totpRequired(b.id())).isTrue();
        assertThat(businesses.totpRequired(other.id())).isFalse();
    }
}
