package dev.livecheck.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.persistence.users.Role;
import dev.livecheck.portal.e2e.pages.ProfileFormPage;
import dev.livecheck.portal.e2e.pages.ProfilesPage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;

/** Journey 2: an admin configures a check profile; the form explains what it refuses. */
class CheckProfileJourneyTest extends BrowserJourney {

    @Test
    void adminCreatesAProfileAfterFixingRetriesAndARedirectUrl() {
        WebDriver admin = signedIn(tenants().business("Profile Co", Role.ADMIN, "Pat Admin"));

        ProfileFormPage form = ProfileFormPage.openNew(admin, baseUrl).name("Account opening").maxRetries(0)
                .successRedirect("javascript:alert(1)").errorRedirect(site().url("/sorry"))
                .saveExpectingErrors();
        assertThat(form.errorFor("maxRetries")).isEqualTo(Texts.en("Min").replace("{1}", "1"));
        assertThat(form.errorFor("successRedirectUrl")).isEqualTo(Texts.en("HttpUrl"));
        assertThat(form.errorFor("errorRedirectUrl")).isNull();
        assertThat(form.errorFor("name")).isNull();
        DocScreenshots.take(admin, "profile-errors");
        Accessibility.assertNoSeriousViolations(admin, "profile-form-with-errors");

        ProfilesPage profiles = form.maxRetries(2).successRedirect(site().url("/welcome")).save();
        assertThat(profiles.flash()).isEqualTo(Texts.en("profile.created"));
        // columns: name, type, maximum attempts, link lifetime (hours), locale
        assertThat(profiles.rowOf("Account opening")).containsPattern("\\b2 72 en\\b");
    }
}
