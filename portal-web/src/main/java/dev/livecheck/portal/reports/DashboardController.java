package dev.livecheck.portal.reports;

import dev.livecheck.persistence.attempts.Attempts;
import dev.livecheck.persistence.attempts.DailyPassRate;
import dev.livecheck.persistence.sessions.SessionFilter;
import dev.livecheck.persistence.sessions.VerificationSessions;
import dev.livecheck.portal.security.PortalPrincipal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** The dashboard: session counts of the business, its latest sessions and the data behind its pass-rate chart. */
@Controller
class DashboardController {
    static final int MAX_DAYS = 365;
    static final int RECENT_SESSIONS = 8;

    private final VerificationSessions sessions;
    private final Attempts attempts;
    private final Clock clock;

    DashboardController(VerificationSessions sessions, Attempts attempts, Clock clock) {
        this.sessions = sessions;
        this.attempts = attempts;
        this.clock = clock;
    }

    @GetMapping("/dashboard")
    String dashboard(@AuthenticationPrincipal PortalPrincipal principal, Model model) {
        model.addAttribute("stateCounts", sessions.countByState(principal.businessId()));
        model.addAttribute("recommendationCounts", sessions.countByLatestRecommendation(principal.businessId()));
        model.addAttribute("recentSessions", sessions.search(principal.businessId(), SessionFilter.none(),
                PageRequest.of(0, RECENT_SESSIONS)).getContent());
        return "reports/dashboard";
    }

    /**
     * One entry per day, today included, oldest first. Days are cut in the clock's zone (UTC in production), the same
     * zone the portal shows instants in, so a bar and the report page agree on the day of an attempt.
     */
    @GetMapping(value = "/dashboard/pass-rate.json", produces = "application/json")
    @ResponseBody
    List<PassRateDay> passRate(@AuthenticationPrincipal PortalPrincipal principal,
                               @RequestParam(defaultValue = "30") int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "days must be 1-" + MAX_DAYS);
        }
        LocalDate today = LocalDate.now(clock);
        return attempts.passRateByDay(principal.businessId(), today.minusDays(days - 1L), today, clock.getZone())
                .stream().map(PassRateDay::of).toList();
    }

    /** The JSON shape the chart module reads; {@code rate} is approved / decided, 0 on days without decisions. */
    record PassRateDay(String day, long approved, long decided, long total, double rate) {
        static PassRateDay of(DailyPassRate d) {
            return new PassRateDay(d.day().toString(), d.approved(), d.decided(), d.total(), d.rate());
        }
    }
}
