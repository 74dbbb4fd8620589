package dev.livecheck.persistence.users;

import static dev.livecheck.persistence.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livecheck.persistence.DatabaseTest;
import dev.livecheck.persistence.Fixtures;
import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.business.Businesses;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

class PortalUsersTest extends DatabaseTest {
    @Autowired
    PortalUsers users;
    @Autowired
    Businesses businesses;
    @Autowired
    Fixtures fixtures;

    @Test
    void loginLookupIsCaseInsensitiveAndEmailsAreUnique() {
        Business b = fixtures.business("Acme");
        PortalUser u = users.insert(PortalUser.create(b.id(), "  Grace.Hopper@Acme.COM ", "Grace", Fixtures.BCRYPT, Role.OWNER, NOW));
        assertThat(u.email()).isEqualTo("grace.hopper@acme.com");
        assertThat(u.version()).isNotNull();

        assertThat(users.findByLoginEmail("GRACE.HOPPER@acme.com")).get().extracting(PortalUser::id).isEqualTo(u.id());
        assertThat(users.findByLoginEmail("nobody@acme.com")).isEmpty();
        assertThat(businesses.findById(b.id())).get().extracting(Business::name).isEqualTo("Acme");

        Business other = fixtures.business("Other");
        assertThatThrownBy(() -> users.insert(PortalUser.create(other.id(), "grace.hopper@ACME.com", "G", Fixtures.BCRYPT, Role.ADMIN, NOW)))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void plainPasswordsAreRefused() {
        assertThatThrownBy(() -> PortalUser.create(fixtures.business("X").id(), "a@b.c", "A", "secret", Role.ADMIN, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accountUpdatesPasswordsSecondFactorAndDeletion() {
        Business b = fixtures.business("Acme");
        PortalUser owner = fixtures.user(b, Role.OWNER);
        PortalUser reviewer = fixtures.user(b, Role.REVIEWER);
        assertThat(users.findAllByBusinessIdOrderByEmail(b.id())).extracting(PortalUser::id)
                .containsExactlyInAnyOrder(owner.id(), reviewer.id());
        assertThat(users.countByBusinessIdAndRoleAndEnabled(b.id(), Role.OWNER, true)).isEqualTo(1);
        assertThat(users.lockEnabledOwners(b.id())).containsExactly(owner.id());

        assertThat(users.updateAccount(b.id(), reviewer.id(), "Rita", Role.ADMIN, false)).isEqualTo(1);
        PortalUser changed = users.findByBusinessIdAndId(b.id(), reviewer.id()).orElseThrow();
        assertThat(changed.displayName()).isEqualTo("Rita");
        assertThat(changed.role()).isEqualTo(Role.ADMIN);
        assertThat(changed.enabled()).isFalse();
        assertThat(changed.version()).isEqualTo(reviewer.version() + 1);

        assertThat(users.recordLoginSuccess(b.id(), owner.id(), NOW.plusSeconds(1000))).isEqualTo(1);
        PortalUser in = users.findByBusinessIdAndId(b.id(), owner.id()).orElseThrow();
        assertThat(in.lastLoginAt()).isEqualTo(NOW.plusSeconds(1000));
        assertThat(in.passwordHash()).isEqualTo(owner.passwordHash());

        String newHash = "{argon2}$argon2id$v=19$m=16384,t=2,p=1$c2FsdA$aGFzaA";
        assertThat(users.changePasswordHash(b.id(), owner.id(), newHash, true)).isEqualTo(1);
        PortalUser reset = users.findByBusinessIdAndId(b.id(), owner.id()).orElseThrow();
        assertThat(reset.passwordHash()).isEqualTo(newHash);
        assertThat(reset.passwordChangeRequired()).isTrue();
        assertThat(users.changePasswordHash(b.id(), owner.id(), newHash, false)).isEqualTo(1);
        assertThat(users.findByBusinessIdAndId(b.id(), owner.id()).orElseThrow().passwordChangeRequired()).isFalse();

        assertThat(users.changeTotpSecret(b.id(), owner.id(), "sealed-secret")).isEqualTo(1);
        assertThat(users.findByBusinessIdAndId(b.id(), owner.id()).orElseThrow().hasTotp()).isTrue();
        assertThat(users.changeTotpSecret(b.id(), owner.id(), null)).isEqualTo(1);
        assertThat(users.findByBusinessIdAndId(b.id(), owner.id()).orElseThrow().totpSecret()).isNull();
    }
}
