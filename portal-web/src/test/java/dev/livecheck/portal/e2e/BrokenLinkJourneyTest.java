package dev.livecheck.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.persistence.users.Role;
import dev.livecheck.portal.e2e.pages.LinkUnavailablePage;
import dev.livecheck.portal.e2e.pages.NewSessionPage;
import dev.livecheck.portal.e2e.pages.SessionCreatedPage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Journey 7: an expired link and a tampered token each get a clear page and no way to start a capture. */
class BrokenLinkJourneyTest extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anExpiredLinkAndATamperedTokenShowAClearPageAndNoCapture() {
        WebDriver admin = signedIn(tenants().business("Late Comers", Role.ADMIN, "Lee Admin"));
        createProfile(admin, "Default", 3);
        SessionCreatedPage created = NewSessionPage.open(admin, baseUrl).recipient("Ed Expired", "ed@expired.example")
                .profile("Default").createAndSend();
        String link = mailbox().awaitMailTo("ed@expired.example").captureLink();
        String token = link.substring(link.lastIndexOf('/') + 1);

        WebDriver recipient = browsers.open(FakeCamera.BONA_FIDE);
        LinkUnavailablePage tampered = LinkUnavailablePage.open(recipient, baseUrl + "/c/" + flipLastCharacter(token));
        assertThat(tampered.reason()).isEqualTo("UNKNOWN");
        assertThat(tampered.message()).isEqualTo(Texts.en("capture.unavailable.UNKNOWN"));
        assertThat(tampered.offersCapture()).isFalse();
        DocScreenshots.take(recipient, "capture-link-invalid");

        LinkUnavailablePage truncated = LinkUnavailablePage.open(recipient, link.substring(0, link.length() - 5));
        assertThat(truncated.reason()).isEqualTo("UNKNOWN");

        // the link's lifetime runs out (the clock cannot be turned here, so its end is moved into the past)
        jdbc.sql("UPDATE verification_session SET expires_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(60)), UUID.fromString(created.sessionId()))
                .update();
        LinkUnavailablePage expired = LinkUnavailablePage.open(recipient, link);
        assertThat(expired.reason()).isEqualTo("EXPIRED");
        assertThat(expired.message()).isEqualTo(Texts.en("capture.unavailable.EXPIRED"));
        assertThat(expired.offersCapture()).isFalse();
    }

    private static String flipLastCharacter(String token) {
        char last = token.charAt(token.length() - 1);
        return token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    }
}
