package dev.livecheck.portal.api;

import dev.livecheck.persistence.attempts.Attempt;
import dev.livecheck.persistence.attempts.AttemptView;
import dev.livecheck.persistence.attempts.MediaMetadata;
import dev.livecheck.persistence.sessions.SessionApiRequest;
import dev.livecheck.persistence.sessions.SessionState;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.portal.sessions.SubCheckRow;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Maps stored sessions to the IDV answers: {@link SessionResult} and {@link SessionConfiguration}. */
final class SessionResults {

    private SessionResults() {
    }

    static SessionResult of(ApiSessions.Found found, Instant now) {
        VerificationSession s = found.session();
        List<SessionResult.LivenessResource> resources = new ArrayList<>();
        List<SessionResult.Check> checks = new ArrayList<>();
        for (AttemptView view : found.attempts()) {
            resources.add(resource(view));
            checks.add(check(view.attempt()));
        }
        return new SessionResult(s.id().toString(), state(s, now).name(), remainingTokenSeconds(s, now),
                s.trackingId(), instant(s.biometricConsentAt()), new SessionResult.Resources(resources), checks);
    }

    /**
     * The state as of {@code now}: a session whose token ran out is EXPIRED even before the expiry sweep writes so,
     * as the capture page already refuses it.
     */
    static SessionState state(VerificationSession s, Instant now) {
        return s.state() == SessionState.ONGOING && !s.expiresAt().isAfter(now) ? SessionState.EXPIRED : s.state();
    }

    static int remainingTokenSeconds(VerificationSession s, Instant now) {
        if (state(s, now) != SessionState.ONGOING) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE, Duration.between(now, s.expiresAt()).toSeconds());
    }

    /** A check's id, distinct from its resource's (the attempt id) and stable across reads. */
    static String checkId(UUID attemptId) {
        return UUID.nameUUIDFromBytes(("LIVENESS_CHECK:" + attemptId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static SessionResult.LivenessResource resource(AttemptView view) {
        List<SessionResult.Frame> frames = view.media().stream()
                .sorted(Comparator.comparing(MediaMetadata::role))
                .map(m -> new SessionResult.Frame(new SessionResult.Media(m.id().toString(), Wire.IMAGE,
                        instant(m.createdAt()), instant(m.purged() ? m.purgedAt() : m.createdAt()))))
                .toList();
        return new SessionResult.LivenessResource(view.attempt().id().toString(), Wire.ZOOM, List.of(), frames);
    }

    private static SessionResult.Check check(Attempt a) {
        String recommendation = a.recommendation().name();
        SessionResult.Recommendation verdict = new SessionResult.Recommendation(recommendation,
                a.reason() == null || a.reason().isBlank() ? null : a.reason());
        return new SessionResult.Check(Wire.LIVENESS, checkId(a.id()), Wire.DONE, List.of(a.id().toString()),
                List.of(), new SessionResult.Report(verdict, breakdown(a)), instant(a.startedAt()),
                instant(a.completedAt()));
    }

    /** {@code liveness_auth} with the attempt's own figures, then the report page's sub-check rows. */
    private static List<SessionResult.Breakdown> breakdown(Attempt a) {
        List<SessionResult.Breakdown> breakdown = new ArrayList<>();
        List<SessionResult.Detail> figures = new ArrayList<>();
        if (!a.challenges().isBlank()) {
            figures.add(new SessionResult.Detail("challenges", a.challenges()));
        }
        figures.add(new SessionResult.Detail("frames", Integer.toString(a.frames())));
        figures.add(new SessionResult.Detail("analyzed_frames", Integer.toString(a.analyzedFrames())));
        figures.add(new SessionResult.Detail("duration_ms", Long.toString(a.durationMs())));
        breakdown.add(new SessionResult.Breakdown(Wire.LIVENESS_AUTH, a.livenessAuth().name(), Wire.AUTOMATED,
                figures));
        for (SubCheckRow row : SubCheckRow.ofReportJson(a.subChecksJson()).orElse(List.of())) {
            List<SessionResult.Detail> details = new ArrayList<>();
            if (row.reason() != null) {
                details.add(new SessionResult.Detail(Wire.REASON, row.reason()));
            }
            row.details().forEach(d -> details.add(new SessionResult.Detail(d.key(), d.value())));
            breakdown.add(new SessionResult.Breakdown(row.name(), row.outcome(), Wire.AUTOMATED, details));
        }
        return breakdown;
    }

    static SessionConfiguration configuration(ApiSessions.Found found) {
        VerificationSession s = found.session();
        SessionApiRequest r = found.request();
        var check = new SessionConfiguration.RequestedCheck(Wire.LIVENESS,
                new SessionConfiguration.LivenessConfig(Wire.ZOOM, s.maxAttempts(), s.maxAbandonedAttempts()));
        var resource = new SessionConfiguration.RequiredResource(Wire.LIVENESS, s.id().toString(),
                s.state() == SessionState.COMPLETED ? Wire.COMPLETE : Wire.REQUIRED, Wire.ZOOM,
                List.of(new SessionConfiguration.AllowedSource(Wire.END_USER)));
        var capture = new SessionConfiguration.Capture(s.biometricConsentAt() == null ? Wire.REQUIRED : Wire.CONSENTED,
                List.of(resource));
        int tokenTtl = r != null ? r.clientSessionTokenTtl()
                : (int) Duration.between(s.createdAt(), s.expiresAt()).toSeconds();
        return new SessionConfiguration(s.id().toString(), tokenTtl, r == null ? tokenTtl : r.resourcesTtl(),
                s.trackingId(), List.of(check), capture, notifications(r), sdkConfig(r));
    }

    private static SessionConfiguration.@Nullable Notifications notifications(SessionApiRequest r) {
        if (r == null || r.notificationEndpoint() == null) {
            return null;
        }
        List<String> topics = r.notificationTopics() == null || r.notificationTopics().isBlank() ? List.of()
                : Arrays.asList(r.notificationTopics().split(","));
        return new SessionConfiguration.Notifications(r.notificationEndpoint(), topics, r.notificationAuthType());
    }

    private static SessionConfiguration.@Nullable SdkConfig sdkConfig(SessionApiRequest r) {
        if (r == null) {
            return null;
        }
        return new SessionConfiguration.SdkConfig(r.primaryColour(), r.locale(), r.successUrl(), r.errorUrl(),
                r.privacyPolicyUrl());
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
