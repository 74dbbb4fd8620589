package dev.livecheck.portal.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.business.Businesses;
import dev.livecheck.persistence.outbox.EmailOutbox;
import dev.livecheck.persistence.outbox.Outbox;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.persistence.users.PortalUsers;
import dev.livecheck.persistence.users.Role;
import dev.livecheck.portal.TestData;
import dev.livecheck.portal.security.PortalPrincipal;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Poison in e-mails, against a real SMTP server (GreenMail; the same context as {@link OutboxDeliveryTest}): a
 * recipient name carrying header breaks, placeholders and a forged sealed link; a stored e-mail that cannot be rendered;
 * a template that cannot be. Each ends as a clean e-mail or a FAILED row with its reason, never a retry loop or a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:mail;DB_CLOSE_DELAY=-1",
        "spring.mail.host=localhost",
        "spring.mail.port=3025",
        "spring.mail.properties.mail.smtp.connectiontimeout=2000",
        "spring.mail.properties.mail.smtp.timeout=2000"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OutboxPoisonTest {
    private static final Pattern LINK = Pattern.compile("http://localhost:8080/c/[A-Za-z0-9_-]{43}");
    /** Base64 that decodes, but to 3 bytes: no IV, no tag. Before the fix the outbox page answered 500 on it. */
    private static final String FORGED_SEAL = "[[sealed-link:AAAA]]";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PortalUsers users;
    @Autowired
    CheckProfiles profiles;
    @Autowired
    ApplicationContext context;
    @Autowired
    Outbox outbox;

    Business business;
    PortalPrincipal admin;
    CheckProfile profile;

    @BeforeEach
    void tenant() {
        TestData data = new TestData(context);
        business = data.business("Poison " + UUID.randomUUID());
        admin = data.user(business, Role.ADMIN);
        profile = data.profile(business);
    }

    @Test
    void aPoisonedNameIsSentCleanOnOneSubjectLineWithOneLinkAndNoExtraRecipient() throws Exception {
        String recipient = "rita-" + UUID.randomUUID() + "@example.test";
        String name = "Rita\r\nBcc: evil@example.test\r\n\r\n{link} {li{link}nk} " + FORGED_SEAL;
        mvc.perform(post("/sessions").with(user(admin)).with(csrf()).param("recipientName", name)
                        .param("recipientEmail", recipient).param("profileId", profile.id().toString()))
                .andExpect(status().is3xxRedirection());

        await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length == 1);
        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(message.getRecipients(Message.RecipientType.TO)).hasSize(1);
        assertThat(message.getRecipients(Message.RecipientType.BCC)).isNull();
        assertThat(Arrays.stream(message.getAllRecipients()).map(Object::toString)).containsExactly(recipient);
        assertThat(message.getHeader("Bcc")).isNull();
        assertThat(message.getSubject()).doesNotContain("\r", "\n", "{link}", "[[", "]]").startsWith("Check for Rita");
        String body = GreenMailUtil.getBody(message);
        assertThat(LINK.matcher(body).results().count())
                .as("the link once in the text part and once in the HTML anchor (href and text): none from the name")
                .isEqualTo(3);
        assertThat(body).doesNotContain("[[sealed-link", "{link}", "[[", "]]");
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(statusOf(recipient)));
    }

    @Test
    void aStoredEmailThatCannotBeRenderedFailsAtItsFirstTryAndTheOutboxStillAnswers() throws Exception {
        // A row as an earlier version stored it: the name's forged seal in the body, next to nothing openable.
        String recipient = "kim-" + UUID.randomUUID() + "@example.test";
        outbox.insert(EmailOutbox.pending(business.id(), null, recipient, "Check for Kim",
                "Hello " + FORGED_SEAL + ", open [[sealed-link:%%%]] please.", null, Instant.now()));

        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(statusOf(recipient)));
        assertThat(jdbc.sql("SELECT attempt_count FROM email_outbox WHERE to_address = ?").param(recipient)
                .query(Integer.class).single()).as("never retried").isEqualTo(1);
        assertThat(lastError(recipient)).startsWith("cannot be rendered").contains("malformed sealed link");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE business_id = ? AND action = 'EMAIL_FAILED'")
                .param(business.id()).query(Long.class).single()).isEqualTo(1);

        String page = mvc.perform(get("/outbox").with(user(admin))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains(recipient).contains("cannot be rendered").doesNotContain("sealed-link:");
    }

    @Test
    void aPendingForgedSealIsListedNotA500() throws Exception {
        // Without a send (e.g. no SMTP) the page must still list it; the sender is told to wait a day.
        String recipient = "lee-" + UUID.randomUUID() + "@example.test";
        outbox.insert(EmailOutbox.pending(business.id(), null, recipient, "Check for Lee", "Open " + FORGED_SEAL,
                null, Instant.now().plus(Duration.ofDays(1))));
        jdbc.sql("UPDATE email_outbox SET next_attempt_at = ? WHERE to_address = ?")
                .param(Instant.now().plus(Duration.ofDays(1))).param(recipient).update();

        String page = mvc.perform(get("/outbox").with(user(admin))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains(recipient).contains("sealed with another link key");
    }

    @Test
    void aTemplateThatCannotBeRenderedIsStoredFailedWithTheReason() throws Exception {
        CheckProfile broken = profiles.insert(CheckProfile.create(business.id(), "Broken", "https://example.test/done",
                "Check for {name}", "Hello {name}, " + FORGED_SEAL + " then {link}", Instant.now()));
        String recipient = "ann-" + UUID.randomUUID() + "@example.test";
        mvc.perform(post("/sessions").with(user(admin)).with(csrf()).param("recipientName", "Ann")
                        .param("recipientEmail", recipient).param("profileId", broken.id().toString()))
                .andExpect(status().is3xxRedirection());

        assertThat(statusOf(recipient)).isEqualTo("FAILED");
        assertThat(lastError(recipient)).startsWith("cannot be rendered");
        mvc.perform(get("/outbox").with(user(admin))).andExpect(status().isOk());
        Thread.sleep(1000); // several sender polls (200 ms)
        assertThat(jdbc.sql("SELECT attempt_count FROM email_outbox WHERE to_address = ?").param(recipient)
                .query(Integer.class).single()).as("the sender leaves it alone").isZero();
    }

    private String statusOf(String recipient) {
        return jdbc.sql("SELECT status FROM email_outbox WHERE to_address = ?").param(recipient).query(String.class)
                .single();
    }

    private String lastError(String recipient) {
        return jdbc.sql("SELECT last_error FROM email_outbox WHERE to_address = ?").param(recipient)
                .query(String.class).single();
    }
}
