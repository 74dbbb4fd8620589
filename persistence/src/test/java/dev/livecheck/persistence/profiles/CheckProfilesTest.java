package dev.livecheck.persistence.profiles;

import static dev.livecheck.persistence.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livecheck.persistence.DatabaseTest;
import dev.livecheck.persistence.Fixtures;
import dev.livecheck.persistence.business.Business;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;

class CheckProfilesTest extends DatabaseTest {
    @Autowired
    CheckProfiles profiles;
    @Autowired
    Fixtures fixtures;

    @Test
    void defaultsRoundTripAndDomainValidation() {
        Business b = fixtures.business("Acme");
        CheckProfile p = profiles.insert(CheckProfile.create(b.id(), "Onboarding", "https://acme.test/done", "Verify",
                "Hello, open {link}\n" + "x".repeat(5000), NOW));
        CheckProfile loaded = profiles.findByBusinessIdAndId(b.id(), p.id()).orElseThrow();
        assertThat(loaded).usingRecursiveComparison().isEqualTo(p);
        assertThat(loaded.maxAttempts()).isEqualTo(3);
        assertThat(loaded.challengeCount()).isEqualTo(2);
        assertThat(loaded.linkLifetimeHours()).isEqualTo(72);
        assertThat(loaded.imageRetentionDays()).isEqualTo(30);

        assertThatThrownBy(() -> p.withLimits(0, 2, 72, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.withLimits(3, 4, 72, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.withPresentation("n", null, null, "#GGGGGG", "en")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optimisticUpdateAndArchive() {
        Business b = fixtures.business("Acme");
        CheckProfile p = fixtures.profile(b);
        CheckProfile edited = p.withLimits(5, 3, 24, 7).withPresentation("Renamed", "https://a.test/ok",
                "https://a.test/err", "#ff0000", "de").withEmail("Bitte", "Text", "<p>Html</p>");
        CheckProfile stored = profiles.update(b.id(), edited, NOW.plusSeconds(60));
        assertThat(stored.version()).isEqualTo(p.version() + 1);
        assertThat(profiles.findByBusinessIdAndId(b.id(), p.id()).orElseThrow())
                .usingRecursiveComparison().isEqualTo(stored);

        // A second edit based on the stale copy loses.
        assertThatThrownBy(() -> profiles.update(b.id(), p.withLimits(2, 2, 72, 30), NOW))
                .isInstanceOf(OptimisticLockingFailureException.class);

        CheckProfile other = fixtures.profile(b);
        assertThat(profiles.archive(b.id(), other.id(), NOW)).isEqualTo(1);
        assertThat(profiles.findAllByBusinessIdAndArchivedOrderByName(b.id(), false)).extracting(CheckProfile::id).containsExactly(p.id());
        assertThat(profiles.findAllByBusinessIdAndArchivedOrderByName(b.id(), true)).extracting(CheckProfile::id).containsExactly(other.id());
    }
}
