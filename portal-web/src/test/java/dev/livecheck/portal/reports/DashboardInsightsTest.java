package dev.livecheck.portal.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.livecheck.persistence.attempts.AttemptRecorder;
import dev.livecheck.persistence.attempts.LivenessAuth;
import dev.livecheck.persistence.attempts.NewAttempt;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.sessions.Recommendation;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.portal.PortalWebTest;
import dev.livecheck.portal.TestData.Tenant;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The dashboard's "why people fail" charts: their data, filters, table views and tenant isolation. */
class DashboardInsightsTest extends PortalWebTest {

    @Autowired
    AttemptRecorder recorder;

    void attempt(VerificationSession s, Recommendation r, String reason, long durationMs, Instant at) {
        recorder.record(s.businessId(), s.id(), null, new NewAttempt(r,
                r == Recommendation.APPROVE ? LivenessAuth.PASS : LivenessAuth.FAIL, reason, "TURN_LEFT,LOOK_UP",
                null, 50, 50, durationMs, 100, at.minusMillis(durationMs), at, List.of()));
    }

    record Shop(Tenant tenant, CheckProfile strict) {
    }

    /**
     * Default profile: a session rejected twice (flat surface) then approved, one approved at once, one too dark;
     * "Short-lived" profile: one rejected for screen artefacts, 40 days ago (outside the default period) one more.
     */
    Shop shop() {
        Tenant t = data.tenant("Insights " + UUID.randomUUID());
        CheckProfile strict = data.profile(t, 24, 7);
        VerificationSession third = data.session(t, "Third time lucky", null);
        attempt(third, Recommendation.REJECT, "FLAT_SURFACE", 6000, NOW.minus(3, ChronoUnit.DAYS));
        attempt(third, Recommendation.REJECT, "FLAT_SURFACE", 5000, NOW.minus(2, ChronoUnit.DAYS));
        attempt(third, Recommendation.APPROVE, null, 4000, NOW.minus(1, ChronoUnit.DAYS));
        attempt(data.session(t, "At once", null), Recommendation.APPROVE, null, 3000, NOW);
        attempt(data.session(t, "Dark room", null), Recommendation.NOT_AVAILABLE, "TOO_DARK", 8000, NOW);
        attempt(data.session(strict, "Screen", "s@example.com", null, NOW), Recommendation.REJECT, "SCREEN_MOIRE",
                7000, NOW);
        attempt(data.session(strict, "Long ago", "l@example.com", null, NOW.minus(40, ChronoUnit.DAYS)),
                Recommendation.REJECT, "IDENTITY_CHANGE", 9000, NOW.minus(40, ChronoUnit.DAYS));
        return new Shop(t, strict);
    }

    @Test
    void reasonsPassRatePerProfileMedianTimesAndAttemptsUsedOverTheDefaultPeriod() throws Exception {
        Shop shop = shop();
        data.attempt(data.session(data.tenant("Elsewhere"), "Other", null), Recommendation.REJECT, NOW);

        mvc.perform(get("/dashboard/insights.json").with(user(shop.tenant().reviewer())).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2026-02-01"))
                .andExpect(jsonPath("$.to").value("2026-03-02"))
                .andExpect(jsonPath("$.reasons.length()").value(3))
                .andExpect(jsonPath("$.reasons[0].code").value("FLAT_SURFACE"))
                .andExpect(jsonPath("$.reasons[0].count").value(2))
                .andExpect(jsonPath("$.reasons[0].label")
                        .value("The face moved like a flat picture, not a real head (photo or screen)"))
                .andExpect(jsonPath("$.reasons[1].code").value("SCREEN_MOIRE"))
                .andExpect(jsonPath("$.reasons[2].code").value("TOO_DARK"))
                .andExpect(jsonPath("$.passRateByProfile.length()").value(2))
                .andExpect(jsonPath("$.passRateByProfile[0].name").value("Default"))
                .andExpect(jsonPath("$.passRateByProfile[0].approved").value(2))
                .andExpect(jsonPath("$.passRateByProfile[0].decided").value(4))
                .andExpect(jsonPath("$.passRateByProfile[0].total").value(5))
                .andExpect(jsonPath("$.passRateByProfile[0].rate").value(0.5))
                .andExpect(jsonPath("$.passRateByProfile[1].name").value("Short-lived"))
                .andExpect(jsonPath("$.passRateByProfile[1].rate").value(0.0))
                // first attempts: 6000, 3000, 8000, 7000 -> median 6500; second 5000; third 4000
                .andExpect(jsonPath("$.attemptTimes[0].attempt").value(1))
                .andExpect(jsonPath("$.attemptTimes[0].medianMs").value(6500))
                .andExpect(jsonPath("$.attemptTimes[0].attempts").value(4))
                .andExpect(jsonPath("$.attemptTimes[1].medianMs").value(5000))
                .andExpect(jsonPath("$.attemptTimes[2].medianMs").value(4000))
                // completed: "Third time lucky" (3 attempts) and "At once" (1); the others are still ongoing
                .andExpect(jsonPath("$.attemptsUsed.length()").value(2))
                .andExpect(jsonPath("$.attemptsUsed[0].attempts").value(1))
                .andExpect(jsonPath("$.attemptsUsed[0].sessions").value(1))
                .andExpect(jsonPath("$.attemptsUsed[1].attempts").value(3))
                .andExpect(jsonPath("$.attemptsUsed[1].sessions").value(1));
    }

    @Test
    void theProfileAndPeriodFiltersApplyToEveryChartIncludingThePassRate() throws Exception {
        Shop shop = shop();
        String profile = shop.strict().id().toString();

        mvc.perform(get("/dashboard/insights.json").param("profile", profile).param("from", "2026-01-01")
                        .param("to", "2026-03-02").with(user(shop.tenant().reviewer())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reasons.length()").value(2))
                .andExpect(jsonPath("$.reasons[0].code").value("IDENTITY_CHANGE"))
                .andExpect(jsonPath("$.reasons[1].code").value("SCREEN_MOIRE"))
                .andExpect(jsonPath("$.passRateByProfile.length()").value(1))
                .andExpect(jsonPath("$.attemptTimes[0].medianMs").value(8000))
                .andExpect(jsonPath("$.attemptsUsed.length()").value(0));
        mvc.perform(get("/dashboard/pass-rate.json").param("profile", profile).param("from", "2026-03-01")
                        .param("to", "2026-03-02").with(user(shop.tenant().reviewer())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[1].decided").value(1))
                .andExpect(jsonPath("$[1].approved").value(0));
    }

    @Test
    void reasonsAreInPlainGermanToo() throws Exception {
        Shop shop = shop();
        mvc.perform(get("/dashboard/insights.json").with(user(shop.tenant().reviewer())).locale(Locale.GERMAN))
                .andExpect(jsonPath("$.reasons[2].label").value("Das Bild war zu dunkel"));
    }

    @Test
    void thePageHasTheFiltersAndATableViewForEveryChart() throws Exception {
        Shop shop = shop();
        String html = mvc.perform(get("/dashboard").param("profile", "").param("from", "2026-02-01")
                        .with(user(shop.tenant().reviewer())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"dashboard-filters\"", "value=\"" + shop.strict().id() + "\"",
                "Short-lived", "id=\"reasons-table\"", "id=\"profile-rate-table\"", "id=\"attempt-time-table\"",
                "id=\"attempts-used-table\"", "id=\"pass-rate-table\"",
                "aria-describedby=\"reasons-table\"", "aria-describedby=\"pass-rate-table\"",
                "The face moved like a flat picture, not a real head (photo or screen)", "Screen artefacts");
        assertThat(html).containsPattern("id=\"reason-FLAT_SURFACE\">\\s*<td>.*</td>\\s*<td class=\"text-end\">2</td>");
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>").doesNotContain(" style=");
    }

    @Test
    void anotherBusinessesProfileAndBadPeriodsAreRefused() throws Exception {
        Shop shop = shop();
        Tenant other = data.tenant("Other " + UUID.randomUUID());
        var reviewer = user(shop.tenant().reviewer());

        mvc.perform(get("/dashboard/insights.json").param("profile", other.profile().id().toString()).with(reviewer))
                .andExpect(status().isNotFound());
        mvc.perform(get("/dashboard").param("profile", other.profile().id().toString()).with(reviewer))
                .andExpect(status().isNotFound());
        mvc.perform(get("/dashboard/insights.json").param("profile", "nonsense").with(reviewer))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/dashboard/insights.json").param("from", "2026-03-05").param("to", "2026-03-01")
                .with(reviewer)).andExpect(status().isBadRequest());
        mvc.perform(get("/dashboard/insights.json").param("from", "2024-01-01").param("to", "2026-03-01")
                .with(reviewer)).andExpect(status().isBadRequest());
        mvc.perform(get("/dashboard/insights.json").param("from", "yesterday").with(reviewer))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/dashboard/insights.json")).andExpect(status().is3xxRedirection());
    }
}
