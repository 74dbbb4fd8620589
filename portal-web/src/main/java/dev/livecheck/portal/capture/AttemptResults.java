package dev.livecheck.portal.capture;

import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.report.AttemptImage;
import dev.livecheck.core.report.LivenessReport;
import dev.livecheck.core.report.ReportJson;
import dev.livecheck.core.engine.LiveFrames;
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
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * From the engine's decision to the {@code result} the client gets: which decided attempts are stored at all
 * ({@link #disposition}), storing one (report, sub-check details, the three images) through {@link AttemptRecorder},
 * which takes the session's attempt slot in the same transaction, publishing {@link AttemptStored} inside that
 * transaction (so the notifications it causes commit with it, or not at all), and turning the stored state into what
 * the client may learn ({@link #outcome}).
 */
@Component
class AttemptResults {

    /** Kept images are live frames, within the capture protocol's limits. */

    /** What becomes of a decided attempt. */
    enum Disposition {
        /** The server, not the person, lost the evidence ({@link ServerCut}): not stored, not counted, offered again. */
        BUSY,
        /** Started but no frame came: nothing was judged (and no challenge issued), so it uses up no attempt. */
        NO_FRAMES,
        /** Judged on the person's frames: stored, and counted against the session's attempts. */
        COUNTED
    }

    private final AttemptRecorder recorder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AttemptResults(AttemptRecorder recorder, ApplicationEventPublisher events, Clock clock) {
        this.recorder = recorder;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param offered frames handed to the attempt; {@code dropped} of them because the engine fell behind
     * @param machineSaturated the machine's CPU was saturated while it ran ({@link MachineLoad})
     * @param busyAnswers BUSY answers the session had before this attempt (at most
     *     {@link ServerCut#MAX_BUSY_PER_SESSION}); asked only of an attempt the server cut, as it reads the database
     */
    static Disposition disposition(LivenessReport report, int offered, int dropped, boolean machineSaturated,
            LongSupplier busyAnswers) {
        if (ServerCut.cut(report, offered, dropped, machineSaturated)
                && busyAnswers.getAsLong() < ServerCut.MAX_BUSY_PER_SESSION) {
            return Disposition.BUSY;
        }
        return report.frames() == 0 ? Disposition.NO_FRAMES : Disposition.COUNTED;
    }

    /**
     * Stores a {@link Disposition#COUNTED} attempt in one transaction (the recorder's joins it, and the
     * {@link AttemptStored} listeners run in it) and ends {@code leaseOwner}'s lease with it.
     *
     * @throws dev.livecheck.persistence.attempts.AttemptRefusedException if the session cannot take it any more
     */
    @Transactional
    AttemptOutcome store(CaptureBinding binding, String leaseOwner, LivenessReport report, Instant startedAt) {
        Instant completedAt = clock.instant();
        StoredAttempt stored = recorder.record(binding.businessId(), binding.sessionId(), leaseOwner,
                newAttempt(report, startedAt, completedAt));
        events.publishEvent(new AttemptStored(binding.businessId(), binding.sessionId(), stored.attempt().id(),
                stored.session().state() != SessionState.ONGOING));
        return outcome(binding, stored.attempt().recommendation(), stored.session(), completedAt);
    }

    static NewAttempt newAttempt(LivenessReport report, Instant startedAt, Instant completedAt) {
        return new NewAttempt(recommendation(report.recommendation()), livenessAuth(report.livenessAuth()),
                report.reason(), report.challenges().stream().map(Challenge::name).collect(Collectors.joining(",")),
                ReportJson.toJson(report, false), report.frames(), report.analyzedFrames(), report.durationMillis(),
                report.decisionMillis(), startedAt, completedAt, media(report.images()));
    }

    /** The engine's values as stored: a value added on one side and not the other fails compilation here. */
    static Recommendation recommendation(dev.livecheck.core.report.Recommendation engine) {
        return switch (engine) {
            case APPROVE -> Recommendation.APPROVE;
            case REJECT -> Recommendation.REJECT;
            case NOT_AVAILABLE -> Recommendation.NOT_AVAILABLE;
        };
    }

    static LivenessAuth livenessAuth(dev.livecheck.core.report.LivenessAuth engine) {
        return switch (engine) {
            case PASS -> LivenessAuth.PASS;
            case FAIL -> LivenessAuth.FAIL;
        };
    }

    static MediaRole mediaRole(AttemptImage.Role engine) {
        return switch (engine) {
            case FRONTAL_START -> MediaRole.FRONTAL_START;
            case CHALLENGE -> MediaRole.CHALLENGE;
            case FRONTAL_END -> MediaRole.FRONTAL_END;
        };
    }

    /**
     * The three images as the server encodes them, never the client's bytes: what a business downloads (portal,
     * API, export) cannot carry a client's metadata, trailing data or crafted entropy data.
     */
    private static List<NewMedia> media(List<AttemptImage> images) {
        return images.stream()
                .map(i -> new NewMedia(mediaRole(i.role()), "image/jpeg", reencoded(i.jpeg())))
                .toList();
    }

    private static byte[] reencoded(byte[] clientJpeg) {
        try {
            return LiveFrames.reencode(clientJpeg);
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
