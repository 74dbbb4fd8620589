package dev.livecheck.portal.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.livecheck.persistence.attempts.MediaRetention;
import dev.livecheck.persistence.attempts.StoredAttempt;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.sessions.Recommendation;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.portal.PortalWebTest;
import dev.livecheck.portal.TestData;
import dev.livecheck.portal.TestData.Tenant;
import java.awt.Color;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

class SessionImageControllerTest extends PortalWebTest {
    private static final String IMAGE = "/sessions/{sid}/attempts/{aid}/images/{role}";

    @Autowired
    MediaRetention retention;

    @Test
    void servesTheImageUncachedWithItsContentType() throws Exception {
        Tenant a = data.tenant("A");
        VerificationSession s = data.session(a, "Grace Hopper", "T-42");
        StoredAttempt attempt = data.attempt(s, Recommendation.APPROVE, NOW);

        byte[] body = mvc.perform(get(IMAGE, s.id(), attempt.attempt().id(), "CHALLENGE").with(user(a.reviewer())))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/jpeg"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(body).isEqualTo(TestData.jpeg(Color.GREEN));
        String cacheControl = mvc.perform(get(IMAGE, s.id(), attempt.attempt().id(), "frontal_start")
                        .with(user(a.reviewer())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getHeader(HttpHeaders.CACHE_CONTROL);
        assertThat(cacheControl).contains("private").contains("no-store").doesNotContain("max-age=3");
    }

    @Test
    void anotherBusinessesImageAMismatchedSessionAndAnUnknownRoleAreNotFound() throws Exception {
        Tenant a = data.tenant("A");
        Tenant b = data.tenant("B");
        VerificationSession s = data.session(a, "Grace Hopper", "T-42");
        UUID attemptId = data.attempt(s, Recommendation.APPROVE, NOW).attempt().id();
        VerificationSession other = data.session(a, "Someone Else", "T-43");

        mvc.perform(get(IMAGE, s.id(), attemptId, "CHALLENGE").with(user(b.owner())))
                .andExpect(status().isNotFound());
        mvc.perform(get(IMAGE, other.id(), attemptId, "CHALLENGE").with(user(a.owner())))
                .andExpect(status().isNotFound());
        mvc.perform(get(IMAGE, s.id(), attemptId, "SELFIE").with(user(a.owner())))
                .andExpect(status().isNotFound());
        mvc.perform(get(IMAGE, s.id(), UUID.randomUUID(), "CHALLENGE").with(user(a.owner())))
                .andExpect(status().isNotFound());
        mvc.perform(get(IMAGE, s.id(), attemptId, "CHALLENGE")).andExpect(status().is3xxRedirection());
    }

    @Test
    void aPurgedImageIsNotFoundAndTheReportSaysWhy() throws Exception {
        Tenant a = data.tenant("A");
        // Far in the past with a one-day retention, so the global purge touches no other test's images.
        CheckProfile shortRetention = data.profile(a, 72, 1);
        VerificationSession s = data.session(shortRetention, "Grace Hopper", "grace@example.com", "T-42",
                TestData.LONG_AGO);
        UUID attemptId = data.attempt(s, Recommendation.APPROVE, TestData.LONG_AGO.plusSeconds(60)).attempt().id();
        retention.purgeExpired(TestData.LONG_AGO.plus(Duration.ofDays(2)));

        mvc.perform(get(IMAGE, s.id(), attemptId, "CHALLENGE").with(user(a.reviewer())))
                .andExpect(status().isNotFound());
        String html = mvc.perform(get("/sessions/{id}/report", s.id()).with(user(a.reviewer())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("/images/CHALLENGE").contains("Deleted after the profile&#39;s retention period");
    }
}
