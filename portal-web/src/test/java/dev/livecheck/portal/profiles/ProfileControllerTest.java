package dev.livecheck.portal.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.portal.TwoTenantsWebTest;
import org.junit.jupiter.api.Test;

/** Check profiles through their pages: validation next to the fields, create, edit with optimistic locking, archive. */
class ProfileControllerTest extends TwoTenantsWebTest {

    @Test
    void profileValidationShowsErrorsNextToFields() throws Exception {
        var form = profileForm("Bad");
        form.set("maxRetries", "0");
        form.set("successRedirectUrl", "javascript:alert(1)");
        mvc.perform(post("/profiles").with(as(adminA)).with(csrf()).params(form))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Must be at least 1.")))
                .andExpect(content().string(containsString("Must be an http:// or https:// address.")))
                .andExpect(content().string(containsString("is-invalid")));
        assertThat(profiles.findAllByBusinessIdAndArchivedOrderByName(businessA.id(), false)).hasSize(1);
    }

    @Test
    void theAbandonedAttemptsLimitIsValidatedInCheckProfilesRange() throws Exception {
        for (int bad : new int[] {CheckProfile.MIN_MAX_ABANDONED_ATTEMPTS - 1, CheckProfile.MAX_MAX_ABANDONED_ATTEMPTS + 1}) {
            var form = profileForm("Abandons " + bad);
            form.set("maxAbandonedAttempts", String.valueOf(bad));
            mvc.perform(post("/profiles").with(as(adminA)).with(csrf()).params(form))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("is-invalid")));
        }
        assertThat(profiles.findAllByBusinessIdAndArchivedOrderByName(businessA.id(), false)).hasSize(1);
    }

    @Test
    void profileCreateEditArchiveAndConflict() throws Exception {
        mvc.perform(post("/profiles").with(as(adminA)).with(csrf()).params(profileForm("KYC")))
                .andExpect(redirectedUrl("/profiles"));
        CheckProfile kyc = profiles.findAllByBusinessIdAndArchivedOrderByName(businessA.id(), false).stream()
                .filter(p -> p.name().equals("KYC")).findFirst().orElseThrow();
        assertThat(kyc.brandColour()).isEqualTo("#aabbcc");
        assertThat(kyc.maxAbandonedAttempts()).isEqualTo(7);
        mvc.perform(post("/profiles/" + kyc.id()).with(as(adminA)).with(csrf()).params(profileForm("KYC 2"))
                .param("version", String.valueOf(kyc.version()))).andExpect(redirectedUrl("/profiles"));
        mvc.perform(post("/profiles/" + kyc.id()).with(as(adminA)).with(csrf()).params(profileForm("Stale"))
                        .param("version", String.valueOf(kyc.version())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Someone else changed")));
        mvc.perform(post("/profiles/" + kyc.id() + "/archive").with(as(adminA)).with(csrf()))
                .andExpect(redirectedUrl("/profiles"));
        assertThat(profiles.findByBusinessIdAndId(businessA.id(), kyc.id()).orElseThrow().archived()).isTrue();
    }
}
