package dev.livecheck.portal.e2e;

import dev.livecheck.persistence.business.Businesses;
import dev.livecheck.persistence.users.PortalUsers;
import dev.livecheck.persistence.users.Role;
import dev.livecheck.portal.e2e.pages.LoginPage;
import dev.livecheck.portal.e2e.pages.NewSessionPage;
import dev.livecheck.portal.e2e.pages.ProfileFormPage;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The journeys after setup share a running portal (fresh H2 file database, real port, GreenMail as SMTP, the real
 * engine, production configuration: random challenges). Each journey creates its own business, so none depends on
 * another's data or order. Journeys whose camera must answer the challenges extend {@link ScriptedChallengesJourney}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
abstract class BrowserJourney {

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Value("${livecheck.public-base-url}")
    String baseUrl;
    @Autowired
    Businesses businesses;
    @Autowired
    PortalUsers users;
    @Autowired
    PasswordEncoder encoder;

    @DynamicPropertySource
    static void portal(DynamicPropertyRegistry registry) {
        E2eEnvironment.registerPortal(registry, "journeys");
    }

    Tenants tenants() {
        return new Tenants(businesses, users, encoder);
    }

    Mailbox mailbox() {
        return new Mailbox(E2eEnvironment.smtp());
    }

    E2eEnvironment.BusinessSite site() {
        return E2eEnvironment.site();
    }

    /** A browser signed in to the portal as the account. */
    ChromeDriver signedIn(Tenants.Account account) {
        ChromeDriver browser = browsers.open(FakeCamera.NONE);
        LoginPage.open(browser, baseUrl).signIn(account.email(), account.password());
        return browser;
    }

    /**
     * The common start of a capture journey, all through the portal's pages: an admin of a new business signs in,
     * creates a profile with {@code maxRetries} and sends {@code recipient} a capture link, taken from the e-mail.
     */
    Invitation invite(String business, String recipient, String email, int maxRetries) {
        ChromeDriver admin = signedIn(tenants().business(business, Role.ADMIN, "Ada Admin"));
        createProfile(admin, "Default", maxRetries);
        return new Invitation(admin, sendCaptureLink(admin, "Default", recipient, email));
    }

    /** The admin's signed-in browser and the recipient's capture link. */
    record Invitation(ChromeDriver admin, String link) {
    }

    /** Creates a check profile through the portal whose redirects go to the business site's /welcome and /sorry. */
    void createProfile(WebDriver admin, String name, int maxRetries) {
        ProfileFormPage.openNew(admin, baseUrl).name(name).maxRetries(maxRetries)
                .successRedirect(site().url("/welcome")).errorRedirect(site().url("/sorry")).save();
    }

    /** Creates a session through the portal and returns the capture link from the recipient's e-mail. */
    String sendCaptureLink(WebDriver admin, String profile, String recipient, String email) {
        NewSessionPage.open(admin, baseUrl).recipient(recipient, email).profile(profile).createAndSend();
        return mailbox().awaitMailTo(email).captureLink();
    }
}
