package dev.livecheck.persistence.attempts;

import dev.livecheck.persistence.PersistenceConfiguration;
import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.business.Businesses;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.persistence.sessions.CaptureTokens;
import dev.livecheck.persistence.sessions.Recommendation;
import dev.livecheck.persistence.sessions.SessionState;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.sessions.VerificationSessions;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Child process of {@link DurabilityTest}: stores decided attempts (three images each) into the H2 file database
 * given as the first argument, forever, and prints "ACK &lt;attemptId&gt;" after each commit. It is killed with
 * SIGKILL by the test.
 */
public final class DurabilityWriter {

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(PersistenceConfiguration.class)
    static class WriterApplication {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WriterApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .properties("spring.main.banner-mode=off", "logging.level.root=WARN",
                        "spring.datasource.url=" + args[0], "spring.datasource.username=sa")
                .run();
        Businesses businesses = context.getBean(Businesses.class);
        CheckProfiles profiles = context.getBean(CheckProfiles.class);
        VerificationSessions sessions = context.getBean(VerificationSessions.class);
        AttemptRecorder recorder = context.getBean(AttemptRecorder.class);
        Random random = new Random(42);
        Instant now = Instant.now();
        Business business = businesses.insert(Business.create("Durability", now));
        CheckProfile profile = profiles.insert(CheckProfile.create(business.id(), "Durable", null, "S", "T", now)
                .withLimits(10, 2, 72, 30));
        VerificationSession session = null;
        out.println("READY");
        out.flush();
        while (true) {
            if (session == null) {
                session = sessions.insert(VerificationSession.open(profile, "R", "r@example.com", null,
                        CaptureTokens.hash(CaptureTokens.newToken()), Instant.now()));
            }
            byte[][] images = new byte[3][];
            for (int i = 0; i < 3; i++) {
                images[i] = new byte[20_000 + random.nextInt(20_000)];
                random.nextBytes(images[i]);
            }
            Instant t = Instant.now();
            StoredAttempt stored = recorder.record(business.id(), session.id(), null, new NewAttempt(Recommendation.REJECT,
                    LivenessAuth.FAIL, "test", "TURN_LEFT,LOOK_UP", "{\"n\":1}", 30, 30, 2000, 50, t.minusSeconds(2), t,
                    List.of(new NewMedia(MediaRole.FRONTAL_START, "image/jpeg", images[0]),
                            new NewMedia(MediaRole.CHALLENGE, "image/jpeg", images[1]),
                            new NewMedia(MediaRole.FRONTAL_END, "image/jpeg", images[2]))));
            out.println("ACK " + stored.attempt().id());
            out.flush();
            if (stored.session().state() != SessionState.ONGOING) {
                session = null;
            }
        }
    }
}
