package dev.livecheck.portal.durability;

import dev.livecheck.persistence.attempts.AttemptRecorder;
import dev.livecheck.persistence.attempts.LivenessAuth;
import dev.livecheck.persistence.attempts.MediaRole;
import dev.livecheck.persistence.attempts.NewAttempt;
import dev.livecheck.persistence.attempts.NewMedia;
import dev.livecheck.persistence.attempts.StoredAttempt;
import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.business.Businesses;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.persistence.sessions.CaptureTokens;
import dev.livecheck.persistence.sessions.Recommendation;
import dev.livecheck.persistence.sessions.SessionState;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.sessions.VerificationSessions;
import dev.livecheck.portal.LivecheckApplication;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Child process of {@link PortalDurabilityTest}: the whole portal, started with its shipped configuration (the
 * working directory is a fresh folder, so the default H2 file database lands in its {@code ./data}), storing decided
 * attempts through the same {@link AttemptRecorder} the capture endpoint uses and printing "ACK id" after each
 * commit, until it is killed.
 */
public final class PortalProcess {

    public static void main(String[] args) {
        PrintStream out = System.out;
        ConfigurableApplicationContext app = SpringApplication.run(LivecheckApplication.class, "--server.port=0",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN");
        Businesses businesses = app.getBean(Businesses.class);
        CheckProfiles profiles = app.getBean(CheckProfiles.class);
        VerificationSessions sessions = app.getBean(VerificationSessions.class);
        AttemptRecorder recorder = app.getBean(AttemptRecorder.class);
        Instant now = Instant.now();
        Business business = businesses.insert(Business.create("Durable portal", now));
        CheckProfile profile = profiles.insert(CheckProfile.create(business.id(), "Durable", null, "S", "T", now)
                .withLimits(10, 2, 72, 30));
        Random random = new Random(7);
        VerificationSession session = null;
        while (true) {
            if (session == null) {
                session = sessions.insert(VerificationSession.open(profile, "R", "r@example.com", null,
                        CaptureTokens.hash(CaptureTokens.newToken()), Instant.now()));
            }
            StoredAttempt stored = recorder.record(business.id(), session.id(), null, attempt(random));
            out.println("ACK " + stored.attempt().id());
            out.flush();
            if (stored.session().state() != SessionState.ONGOING) {
                session = null;
            }
        }
    }

    private static NewAttempt attempt(Random random) {
        List<NewMedia> images = List.of(MediaRole.FRONTAL_START, MediaRole.CHALLENGE, MediaRole.FRONTAL_END).stream()
                .map(role -> {
                    byte[] bytes = new byte[20_000 + random.nextInt(20_000)];
                    random.nextBytes(bytes);
                    return new NewMedia(role, "image/jpeg", bytes);
                }).toList();
        Instant t = Instant.now();
        return new NewAttempt(Recommendation.REJECT, LivenessAuth.FAIL, "CHALLENGE_TIMEOUT", "TURN_LEFT,LOOK_UP",
                "{}", 30, 30, 2000, 5, t.minusSeconds(2), t, images);
    }
}
