package dev.livecheck.portal.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.business.Businesses;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.persistence.sessions.CaptureTokens;
import dev.livecheck.persistence.users.PortalUsers;
import dev.livecheck.persistence.users.Role;
import dev.livecheck.portal.TestData;
import dev.livecheck.portal.security.PortalPrincipal;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
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

/** The outbox sender against a real SMTP server (GreenMail): delivery with the link, and nothing lost while SMTP is down. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:mail;DB_CLOSE_DELAY=-1",
        "spring.mail.host=localhost",
        "spring.mail.port=3025",
        "spring.mail.properties.mail.smtp.connectiontimeout=2000",
        "spring.mail.properties.mail.smtp.timeout=2000"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OutboxDeliveryTest {
    private static final Pattern LINK = Pattern.compile("http://localhost:8080/c/([A-Za-z0-9_-]{43})");

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

    PortalPrincipal admin;
    CheckProfile profile;

    @BeforeEach
    void tenant() {
        TestData data = new TestData(context);
        Business business = data.business("Mail " + UUID.randomUUID());
        admin = data.user(business, Role.ADMIN);
        profile = data.profile(business);
    }

    @Test
    void theCaptureEmailArrivesWithTheLink() throws Exception {
        String recipient = createSession();
        await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length == 1);
        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo(recipient);
        assertThat(message.getSubject()).isEqualTo("Check for Rita");
        String body = GreenMailUtil.getBody(message);
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as("link in %s", body).isTrue();
        assertThat(body).doesNotContain("sealed-link");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM verification_session WHERE capture_token_hash = ?")
                .param(CaptureTokens.hash(link.group(1))).query(Long.class).single()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(statusOf(recipient)));
    }

    @Test
    void whileSmtpIsDownTheEmailStaysPendingAndIsSentOnRetry() throws Exception {
        smtp.stop();
        String recipient = createSession();
        await().atMost(Duration.ofSeconds(20)).until(() -> attemptsOf(recipient) >= 1);
        assertThat(statusOf(recipient)).isEqualTo("PENDING");
        assertThat(jdbc.sql("SELECT last_error FROM email_outbox WHERE to_address = ?").param(recipient)
                .query(String.class).single()).isNotBlank();

        smtp.start();
        // The back-off put the next try a minute ahead; move it to now instead of waiting.
        jdbc.sql("UPDATE email_outbox SET next_attempt_at = next_attempt_at - INTERVAL '2' MINUTE WHERE to_address = ?")
                .param(recipient).update();
        await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(statusOf(recipient)));
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[0])).containsPattern(LINK);
    }

    private String createSession() throws Exception {
        String recipient = "rita-" + UUID.randomUUID() + "@example.test";
        mvc.perform(post("/sessions").with(user(admin)).with(csrf()).param("recipientName", "Rita")
                .param("recipientEmail", recipient).param("profileId", profile.id().toString()))
                .andExpect(status().is3xxRedirection());
        return recipient;
    }

    private String statusOf(String recipient) {
        return jdbc.sql("SELECT status FROM email_outbox WHERE to_address = ?").param(recipient).query(String.class).single();
    }

    private int attemptsOf(String recipient) {
        return jdbc.sql("SELECT attempt_count FROM email_outbox WHERE to_address = ?").param(recipient)
                .query(Integer.class).single();
    }
}
