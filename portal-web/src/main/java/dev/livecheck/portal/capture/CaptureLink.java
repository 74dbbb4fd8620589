package dev.livecheck.portal.capture;

import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.sessions.CloseReason;
import dev.livecheck.persistence.sessions.SessionApiRequest;
import dev.livecheck.persistence.sessions.SessionState;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.portal.web.HttpUrl;
import java.time.Instant;
import java.util.Locale;

/**
 * A capture link that matched a session, with the session's profile and, for a session created through the API,
 * what the caller asked for ({@code apiRequest}, else null). The caller's {@code sdk_config} overrides the profile's
 * presentation value by value; this record is the one place that decides which applies.
 */
record CaptureLink(VerificationSession session, CheckProfile profile, SessionApiRequest apiRequest) {

    /** Why a link no longer opens the capture page; the page tells the person in these terms. */
    enum Closed { APPROVED, NO_ATTEMPTS_LEFT, EXPIRED, CANCELLED }

    CaptureLink(VerificationSession session, CheckProfile profile) {
        this(session, profile, null);
    }

    boolean isOpenAt(Instant now) {
        return session.acceptsAttemptsAt(now);
    }

    /** Only meaningful when {@link #isOpenAt} is false. */
    Closed closedReasonAt(Instant now) {
        if (session.state() == SessionState.ONGOING) {
            // The expiry sweep may not have run yet, or (never in practice) the counters say "used up".
            return session.expiresAt().isAfter(now) ? Closed.NO_ATTEMPTS_LEFT : Closed.EXPIRED;
        }
        CloseReason reason = session.closeReason();
        if (reason == null) {
            return session.state() == SessionState.EXPIRED ? Closed.EXPIRED : Closed.NO_ATTEMPTS_LEFT;
        }
        return switch (reason) {
            case APPROVED -> Closed.APPROVED;
            case RETRIES_EXHAUSTED, TOO_MANY_ABANDONED -> Closed.NO_ATTEMPTS_LEFT;
            case LINK_EXPIRED -> Closed.EXPIRED;
            case CANCELLED -> Closed.CANCELLED;
        };
    }

    /**
     * {@code #rrggbb}: the caller's {@code primary_colour} when it is one (the API validates it; the check here keeps
     * a stored value from ever reaching a stylesheet unless it has the profile's format), else the profile's.
     */
    String brandColour() {
        String requested = apiRequest == null || apiRequest.primaryColour() == null ? null
                : apiRequest.primaryColour().strip().toLowerCase(Locale.ROOT);
        return requested != null && CheckProfile.COLOUR.matcher(requested).matches() ? requested
                : profile.brandColour();
    }

    /** The caller's {@code locale}, else the profile's; {@link CaptureLocales} picks the page language from it. */
    String locale() {
        return apiRequest != null && apiRequest.locale() != null ? apiRequest.locale() : profile.locale();
    }

    String successRedirectUrl() {
        return apiRequest != null && apiRequest.successUrl() != null ? apiRequest.successUrl()
                : profile.successRedirectUrl();
    }

    String errorRedirectUrl() {
        return apiRequest != null && apiRequest.errorUrl() != null ? apiRequest.errorUrl()
                : profile.errorRedirectUrl();
    }

    /** The caller's privacy policy for the consent screen, only if it is an http(s) URL (it becomes a link). */
    String privacyPolicyUrl() {
        String url = apiRequest == null ? null : apiRequest.privacyPolicyUrl();
        return url != null && !url.isBlank() && new HttpUrl.Validator().isValid(url, null) ? url.strip() : null;
    }
}
