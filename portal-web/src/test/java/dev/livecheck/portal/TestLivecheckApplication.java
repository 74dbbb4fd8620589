package dev.livecheck.portal;

import dev.livecheck.portal.capture.FixedChallengesConfiguration;
import org.springframework.boot.SpringApplication;

/**
 * The portal as the browser journeys run it, for replaying them by hand or with your own browser scripts: every
 * attempt asks TURN_LEFT then LOOK_UP (the order the test kit's fake-camera recordings perform) instead of random
 * challenges. It lives in test sources, so the shipped jar cannot run this way. Everything else (H2 file database in
 * ./data, port 8080, no SMTP) is the shipped configuration; pass --server.port=... etc. as usual.
 *
 * <pre>
 * ./mvnw -q install -DskipTests -Ddemo.skip
 * ./mvnw -pl portal-web spring-boot:test-run
 * </pre>
 */
public final class TestLivecheckApplication {

    private TestLivecheckApplication() {
    }

    public static void main(String[] args) {
        SpringApplication.from(LivecheckApplication::main).with(FixedChallengesConfiguration.class).run(args);
    }
}
