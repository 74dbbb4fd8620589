package dev.livecheck.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.persistence.users.Role;
import dev.livecheck.portal.e2e.pages.CapturePage;
import dev.livecheck.portal.e2e.pages.NewSessionPage;
import dev.livecheck.portal.e2e.pages.SessionCreatedPage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;

/** Journey 3: an admin sends a capture link; it arrives by e-mail (real SMTP) and opens the capture page. */
class SessionEmailJourneyTest extends BrowserJourney {

    @Test
    void theCaptureLinkArrivesByEmailAndOpensTheCapturePage() {
        WebDriver admin = signedIn(tenants().business("Mail Order Ltd", Role.ADMIN, "Mia Admin"));
        createProfile(admin, "Standard", 3);

        NewSessionPage form = NewSessionPage.open(admin, baseUrl).recipient("Rita Recipient", "rita@recipient.example")
                .trackingId("CUST-0042").profile("Standard");
        DocScreenshots.take(admin, "session-new");
        SessionCreatedPage created = form.createAndSend();
        String shownOnce = created.captureLink();
        DocScreenshots.take(admin, "session-created");

        Mailbox.Received mail = mailbox().awaitMailTo("rita@recipient.example");
        assertThat(mail.body()).contains("Rita Recipient");
        assertThat(mail.captureLink()).isEqualTo(shownOnce).startsWith(baseUrl + "/c/");

        WebDriver recipient = browsers.open(FakeCamera.NONE);
        CapturePage capture = CapturePage.open(recipient, mail.captureLink());
        assertThat(capture.heading()).isEqualTo(Texts.en("capture.title"));
        assertThat(capture.intro()).contains(Texts.en("capture.consent"));
    }
}
