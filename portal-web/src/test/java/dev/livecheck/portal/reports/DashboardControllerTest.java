package dev.livecheck.portal.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.livecheck.persistence.sessions.Recommendation;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.portal.PortalWebTest;
import dev.livecheck.portal.TestData.Tenant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class DashboardControllerTest extends PortalWebTest {

    @Test
    void countsSessionsOfTheOwnBusinessByStateAndLatestRecommendation() throws Exception {
        Tenant a = data.tenant("A");
        Tenant b = data.tenant("B");
        data.session(a, "Still open", "T-1");
        data.attempt(data.session(a, "Approved", "T-2"), Recommendation.APPROVE, NOW);
        data.attempt(data.session(a, "Rejected once", "T-3"), Recommendation.REJECT, NOW);
        data.session(b, "Other business", "T-4");

        String html = mvc.perform(get("/dashboard").with(user(a.reviewer())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(textOf(html, "state-ONGOING")).isEqualTo("2");
        assertThat(textOf(html, "state-COMPLETED")).isEqualTo("1");
        assertThat(textOf(html, "state-EXPIRED")).isEqualTo("0");
        assertThat(textOf(html, "recommendation-APPROVE")).isEqualTo("1");
        assertThat(textOf(html, "recommendation-REJECT")).isEqualTo("1");
        assertThat(textOf(html, "recommendation-NOT_AVAILABLE")).isEqualTo("0");
        // the latest sessions table lists this business's sessions only, each linking to its report
        assertThat(html).contains("id=\"recent-sessions\"", ">Still open<", ">Approved<", ">Rejected once<")
                .doesNotContain("Other business");

        String other = mvc.perform(get("/dashboard").with(user(b.owner())))
                .andReturn().getResponse().getContentAsString();
        assertThat(textOf(other, "state-ONGOING")).isEqualTo("1");
        assertThat(textOf(other, "recommendation-APPROVE")).isEqualTo("0");
    }

    @Test
    void pageLoadsTheChartFromFilesOnly() throws Exception {
        Tenant a = data.tenant("A");
        String html = mvc.perform(get("/dashboard").with(user(a.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("/dist/chart.umd.min.js", "/js/reports/pass-rate-chart.js",
                "/dashboard/pass-rate.json?profile=&amp;from=2026-02-01&amp;to=2026-03-02", "/js/reports/insight-charts.js");
        // The CSP forbids inline script and style: every script has a src, no element has a style attribute.
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>").doesNotContain(" style=");
    }

    /** The five charts come from one fragment (fragments/chart-card.html): each a card with its canvas and its table. */
    @Test
    void everyChartHasItsCardCanvasAndTableView() throws Exception {
        Tenant a = data.tenant("A");
        String html = mvc.perform(get("/dashboard").with(user(a.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        for (String chart : new String[] {"reasons", "profile-rate", "attempt-time", "attempts-used", "pass-rate"}) {
            assertThat(html).containsOnlyOnce("<canvas id=\"" + chart + "-chart\"")
                    .containsOnlyOnce("id=\"" + chart + "-table\"")
                    .contains("aria-describedby=\"" + chart + "-table\"");
        }
        assertThat(html).containsOnlyOnce("id=\"pass-rate-error\"").contains("data-url=\"/dashboard/insights.json");
    }

    @Test
    void chartScriptsAreServed() throws Exception {
        mvc.perform(get("/webjars/chart.js/dist/chart.umd.min.js")).andExpect(status().isOk());
        mvc.perform(get("/js/reports/pass-rate-chart.js")).andExpect(status().isOk());
    }

    @Test
    void passRateHasOneEntryPerDayEndingTodayFromTheOwnAttemptsOnly() throws Exception {
        Tenant a = data.tenant("A");
        Tenant b = data.tenant("B");
        data.attempt(data.session(a, "One", "T-1"), Recommendation.APPROVE, NOW);
        VerificationSession twice = data.session(a, "Two", "T-2");
        data.attempt(twice, Recommendation.REJECT, NOW.minus(2, ChronoUnit.DAYS));
        data.attempt(twice, Recommendation.NOT_AVAILABLE, NOW.minus(2, ChronoUnit.DAYS));
        data.attempt(data.session(b, "Elsewhere", "T-3"), Recommendation.REJECT, NOW);

        mvc.perform(get("/dashboard/pass-rate.json").param("days", "30").with(user(a.reviewer())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(30))
                .andExpect(jsonPath("$[0].day").value("2026-02-01"))
                .andExpect(jsonPath("$[29].day").value("2026-03-02"))
                .andExpect(jsonPath("$[29].approved").value(1))
                .andExpect(jsonPath("$[29].decided").value(1))
                .andExpect(jsonPath("$[29].rate").value(1.0))
                .andExpect(jsonPath("$[27].day").value("2026-02-28"))
                .andExpect(jsonPath("$[27].approved").value(0))
                .andExpect(jsonPath("$[27].decided").value(1))
                .andExpect(jsonPath("$[27].total").value(2))
                .andExpect(jsonPath("$[27].rate").value(0.0));

        mvc.perform(get("/dashboard/pass-rate.json").param("days", "30").with(user(b.reviewer())))
                .andExpect(jsonPath("$[29].approved").value(0))
                .andExpect(jsonPath("$[29].decided").value(1))
                .andExpect(jsonPath("$[27].total").value(0));
    }

    @Test
    void passRateRefusesRangesOutsideOneToAYear() throws Exception {
        Tenant a = data.tenant("A");
        mvc.perform(get("/dashboard/pass-rate.json").param("days", "0").with(user(a.reviewer())))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/dashboard/pass-rate.json").param("days", "366").with(user(a.reviewer())))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/dashboard/pass-rate.json").param("days", "many").with(user(a.reviewer())))
                .andExpect(status().isBadRequest());
    }

    @Test
    void needsSignInAndTheStartPageLeadsSignedInUsersHere() throws Exception {
        Tenant a = data.tenant("A");
        mvc.perform(get("/dashboard")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/dashboard/pass-rate.json")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/").with(user(a.reviewer()))).andExpect(redirectedUrl("/dashboard"));
    }
}
