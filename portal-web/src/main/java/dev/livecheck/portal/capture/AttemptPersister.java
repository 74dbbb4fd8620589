package dev.livecheck.portal.capture;

import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.report.AttemptImage;
import dev.livecheck.core.report.LivenessReport;
import dev.livecheck.core.report.ReportJson;
import dev.livecheck.core.vision.FrameDecoder;
import dev.livecheck.core.vision.FrameRejectedException;
import dev.livecheck.persistence.attempts.AttemptRecorder;
import dev.livecheck.persistence.attempts.LivenessAuth;
import dev.livecheck.persistence.attempts.MediaRole;
import dev.livecheck.persistence.attempts.NewAttempt;
import dev.livecheck.persistence.attempts.NewMedia;
import dev.livecheck.persistence.attempts.StoredAttempt;
import dev.livecheck.persistence.sessions.Recommendation;
import dev.livecheck.persistence.sessions.SessionState;
import dev.livecheck.persistence.sessions.VerificationSession;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a decided attempt (report, sub-check details, the three images) through {@link AttemptRecorder}, which takes
 * the session's attempt slot in the same transaction, publishes {@link AttemptStored} inside that transaction (so the
 * notifications it causes commit with it, or not at all), and turns the stored state into what the client may learn.
 */
@Component
class AttemptPersister {

    /** Kept images are live frames, within the capture protocol's limits. */
    private static final FrameDecoder IMAGES = new FrameDecoder(FrameDecoder.Limits.LIVE);

    private final AttemptRecorder recorder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AttemptPersister(AttemptRecorder recorder, ApplicationEventPublisher events, Clock clock) {
        this.recorder = recorder;
        this.events = events;
        this.clock = clock;
    }

    /**
     * One transaction: the recorder's joins it, and the {@link AttemptStored} listeners run in it.
     *
     * @throws dev.livecheck.persistence.attempts.AttemptRefusedException if the session cannot take it any more
     */
    @Transactional
    AttemptOutcome store(CaptureBinding binding, LivenessReport report, Instant startedAt) {
        Instant completedAt = clock.instant();
        StoredAttempt stored = recorder.record(binding.businessId(), binding.sessionId(),
                newAttempt(report, startedAt, completedAt));
        events.publishEvent(new AttemptStored(binding.businessId(), binding.sessionId(), stored.attempt().id(),
                stored.session().state() != SessionState.ONGOING));
        return outcome(binding, stored.attempt().recommendation(), stored.session(), completedAt);
    }

    static NewAttempt newAttempt(LivenessReport report, Instant startedAt, Instant completedAt) {
        return new NewAttempt(Recommendation.valueOf(report.recommendation().name()),
                LivenessAuth.valueOf(report.livenessAuth().name()), report.reason(),
                report.challenges().stream().map(Challenge::name).collect(Collectors.joining(",")),
                ReportJson.toJson(report, false), report.frames(), report.analyzedFrames(), report.durationMillis(),
                report.decisionMillis(), startedAt, completedAt, media(report.images()));
    }

    /**
     * The three images as the server encodes them, never the client's bytes: what a business downloads (portal,
     * API, export) cannot carry a client's metadata, trailing data or crafted entropy data.
     */
    private static List<NewMedia> media(List<AttemptImage> images) {
        return images.stream()
                .map(i -> new NewMedia(MediaRole.valueOf(i.role().name()), "image/jpeg", reencoded(i.jpeg())))
                .toList();
    }

    private static byte[] reencoded(byte[] clientJpeg) {
        try {
            return IMAGES.reencode(clientJpeg);
        } catch (FrameRejectedException e) {
            // The engine decoded this very frame to analyse it; failing now is a fault, not bad input.
            throw new IllegalStateException("a kept frame no longer decodes: " + e.getMessage(), e);
        }
    }

    /**
     * Final when approved or out of attempts; the redirect is only given when final, and only if configured. A link
     * whose lifetime ran out during the attempt (stored: the session was still ONGOING) has no attempts left either,
     * since no further attempt can start on it.
     */
    static AttemptOutcome outcome(CaptureBinding binding, Recommendation recommendation, VerificationSession after,
                                  Instant now) {
        int left = after.attemptsLeftAt(now);
        boolean approved = recommendation == Recommendation.APPROVE;
        boolean isFinal = approved || left == 0;
        String redirect = !isFinal ? null : approved ? binding.successRedirectUrl() : binding.errorRedirectUrl();
        return new AttemptOutcome(recommendation, left, isFinal, redirect);
    }
}
