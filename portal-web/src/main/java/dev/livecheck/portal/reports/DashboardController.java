package dev.livecheck.portal.reports;

import dev.livecheck.persistence.attempts.Attempts;
import dev.livecheck.persistence.attempts.DailyPassRate;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.persistence.sessions.SessionFilter;
import dev.livecheck.persistence.sessions.VerificationSessions;
import dev.livecheck.portal.security.PortalPrincipal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The dashboard: session counts of the business, its latest sessions, and the charts (pass rate per day, rejection
 * reasons, pass rate per profile, median time per attempt, attempts used per completed session) with their filters
 * (profile, period: {@link DashboardFilter}), which apply to every chart and its table.
 */
@Controller
class DashboardController {
    static final int MAX_DAYS = DashboardFilter.MAX_DAYS;
    static final int RECENT_SESSIONS = 8;

    private final VerificationSessions sessions;
    private final Attempts attempts;
    private final CheckProfiles profiles;
    private final DashboardInsights insights;
    private final Clock clock;

    DashboardController(VerificationSessions sessions, Attempts attempts, CheckProfiles profiles,
                        DashboardInsights insights, Clock clock) {
        this.sessions = sessions;
        this.attempts = attempts;
        this.profiles = profiles;
        this.insights = insights;
        this.clock = clock;
    }

    @GetMapping("/dashboard")
    String dashboard(@AuthenticationPrincipal PortalPrincipal principal,
                     @RequestParam(required = false) String profile, @RequestParam(required = false) String from,
                     @RequestParam(required = false) String to, Locale locale, Model model) {
        DashboardFilter filter = filter(principal.businessId(), profile, from, to);
        model.addAttribute("stateCounts", sessions.countByState(principal.businessId()));
        model.addAttribute("recommendationCounts", sessions.countByLatestRecommendation(principal.businessId()));
        model.addAttribute("recentSessions", sessions.search(principal.businessId(), SessionFilter.none(),
                PageRequest.of(0, RECENT_SESSIONS)).getContent());
        model.addAttribute("filter", filter);
        model.addAttribute("profiles", insights.profilesOf(principal.businessId()));
        model.addAttribute("insights", insights.of(principal.businessId(), filter, clock.getZone(), locale));
        model.addAttribute("passRateDays", passRateDays(principal.businessId(), filter));
        return "reports/dashboard";
    }

    /**
     * One entry per day of the period, oldest first; without {@code from}/{@code to} the last {@code days} days up to
     * today. Days are cut in the clock's zone (UTC in production), the same zone the portal shows instants in, so a
     * bar and the report page agree on the day of an attempt.
     */
    @GetMapping(value = "/dashboard/pass-rate.json", produces = "application/json")
    @ResponseBody
    List<PassRateDay> passRate(@AuthenticationPrincipal PortalPrincipal principal,
                               @RequestParam(defaultValue = "30") int days,
                               @RequestParam(required = false) String profile,
                               @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to) {
        DashboardFilter filter = from == null && to == null && profile == null
                ? DashboardFilter.lastDays(days, LocalDate.now(clock))
                : filter(principal.businessId(), profile, from, to);
        return passRateDays(principal.businessId(), filter);
    }

    /** The charts' data for the filters; the page renders the same as tables. */
    @GetMapping(value = "/dashboard/insights.json", produces = "application/json")
    @ResponseBody
    DashboardInsights.Insights insights(@AuthenticationPrincipal PortalPrincipal principal,
                                        @RequestParam(required = false) String profile,
                                        @RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to, Locale locale) {
        return insights.of(principal.businessId(), filter(principal.businessId(), profile, from, to),
                clock.getZone(), locale);
    }

    private List<PassRateDay> passRateDays(UUID businessId, DashboardFilter filter) {
        return attempts.passRateByDay(businessId, filter.from(), filter.to(), clock.getZone(), filter.profileId())
                .stream().map(PassRateDay::of).toList();
    }

    /** Another business's profile is as unknown as a made-up one: 404. */
    private DashboardFilter filter(UUID businessId, String profile, String from, String to) {
        DashboardFilter filter = DashboardFilter.parse(profile, from, to, LocalDate.now(clock));
        if (filter.profileId() != null && profiles.findByBusinessIdAndId(businessId, filter.profileId()).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return filter;
    }

    /** The JSON shape the chart module reads; {@code rate} is approved / decided, 0 on days without decisions. */
    record PassRateDay(String day, long approved, long decided, long total, double rate) {
        static PassRateDay of(DailyPassRate d) {
            return new PassRateDay(d.day().toString(), d.approved(), d.decided(), d.total(), d.rate());
        }
    }
}
