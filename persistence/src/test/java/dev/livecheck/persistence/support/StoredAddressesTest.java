package dev.livecheck.persistence.support;

import static dev.livecheck.persistence.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livecheck.persistence.DatabaseTest;
import dev.livecheck.persistence.Fixtures;
import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.outbox.EmailOutbox;
import dev.livecheck.persistence.outbox.Outbox;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.sessions.VerificationSessions;
import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.persistence.users.PortalUsers;
import dev.livecheck.persistence.users.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows stored under the laxer address rule of earlier versions (a quoted local part, an address literal) still load:
 * the records check only the stored shape when a row is read back, and the full rule where an address is entered.
 */
class StoredAddressesTest extends DatabaseTest {

    /** Accepted by every earlier version (an "@" with text on both sides), refused by {@link EmailAddresses#isValid}. */
    private static final String OLD_RULE_ADDRESS = "\"grace hopper\"@[10.0.0.1]";

    @Autowired
    Fixtures fixtures;
    @Autowired
    PortalUsers users;
    @Autowired
    VerificationSessions sessions;
    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient jdbc;

    @Test
    void rowsWithAnAddressTheNewRuleRefusesStillLoad() {
        assertThat(EmailAddresses.isValid(OLD_RULE_ADDRESS)).isFalse();
        Business b = fixtures.business("Acme");
        PortalUser user = fixtures.user(b, Role.ADMIN);
        CheckProfile profile = fixtures.profile(b);
        VerificationSession session = fixtures.session(profile);
        EmailOutbox mail = outbox.insert(EmailOutbox.pending(b.id(), session.id(), "ok@example.com", "Subject", "Body",
                null, NOW));
        jdbc.sql("UPDATE portal_user SET email = ? WHERE id = ?").params(OLD_RULE_ADDRESS, user.id()).update();
        jdbc.sql("UPDATE verification_session SET recipient_email = ? WHERE id = ?")
                .params(OLD_RULE_ADDRESS, session.id()).update();
        jdbc.sql("UPDATE email_outbox SET to_address = ? WHERE id = ?").params(OLD_RULE_ADDRESS, mail.id()).update();

        assertThat(users.findByBusinessIdAndId(b.id(), user.id())).get().extracting(PortalUser::email)
                .isEqualTo(OLD_RULE_ADDRESS);
        assertThat(sessions.findByBusinessIdAndId(b.id(), session.id())).get().extracting(VerificationSession::recipientEmail)
                .isEqualTo(OLD_RULE_ADDRESS);
        assertThat(outbox.findByBusinessIdAndId(b.id(), mail.id())).get().extracting(EmailOutbox::toAddress).isEqualTo(OLD_RULE_ADDRESS);
    }

    @Test
    void newRecordsAreHeldToTheFullRule() {
        Business b = fixtures.business("Acme");
        assertThatThrownBy(() -> PortalUser.create(b.id(), OLD_RULE_ADDRESS, "Grace", Fixtures.BCRYPT, Role.ADMIN, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        CheckProfile profile = fixtures.profile(b);
        assertThatThrownBy(() -> VerificationSession.open(profile, "Grace", OLD_RULE_ADDRESS, null,
                "0".repeat(64), NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmailOutbox.pending(b.id(), null, OLD_RULE_ADDRESS, "Subject", "Body", null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
