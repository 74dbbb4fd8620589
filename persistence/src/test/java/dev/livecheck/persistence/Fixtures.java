package dev.livecheck.persistence;

import dev.livecheck.persistence.attempts.LivenessAuth;
import dev.livecheck.persistence.attempts.MediaRole;
import dev.livecheck.persistence.attempts.NewAttempt;
import dev.livecheck.persistence.attempts.NewMedia;
import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.business.Businesses;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.persistence.sessions.CaptureTokens;
import dev.livecheck.persistence.sessions.Recommendation;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.sessions.VerificationSessions;
import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.persistence.users.PortalUsers;
import dev.livecheck.persistence.users.Role;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Builds real rows through the real repositories. */
public class Fixtures {
    /** A fixed, microsecond-precise clock reading (both databases keep microseconds). */
    public static final Instant NOW = Instant.parse("2026-03-02T10:15:30.123456Z");
    public static final String BCRYPT = "{bcrypt}$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z3ZsHGCsXyPp1RNzvE9TkZS.";

    private final Businesses businesses;
    private final PortalUsers users;
    private final CheckProfiles profiles;
    private final VerificationSessions sessions;
    private final TransactionTemplate requiresNew;

    public Fixtures(Businesses businesses, PortalUsers users, CheckProfiles profiles, VerificationSessions sessions,
                    PlatformTransactionManager transactions) {
        this.businesses = businesses;
        this.users = users;
        this.profiles = profiles;
        this.sessions = sessions;
        this.requiresNew = new TransactionTemplate(transactions);
        this.requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public CheckProfiles profiles() {
        return profiles;
    }

    /** Runs the work in its own transaction, committed or rolled back independently of the test's. */
    public <T> T inNewTransaction(Supplier<T> work) {
        return requiresNew.execute(status -> work.get());
    }

    public Business business(String name) {
        return businesses.insert(Business.create(name, NOW));
    }

    public PortalUser user(Business b, Role role) {
        return users.insert(PortalUser.create(b.id(), "User." + UUID.randomUUID() + "@Example.com", "A User", BCRYPT, role, NOW));
    }

    public CheckProfile profile(Business b) {
        return profile(b, 3);
    }

    public CheckProfile profile(Business b, int maxRetries) {
        return profiles.insert(CheckProfile.create(b.id(), "Default", "https://example.com/ok", "Please verify",
                "Open {link}", NOW).withLimits(maxRetries, 2, 72, 30));
    }

    public VerificationSession session(CheckProfile p, String name, String email, String trackingId, Instant now) {
        return sessions.insert(VerificationSession.open(p, name, email, trackingId,
                CaptureTokens.hash(CaptureTokens.newToken()), now));
    }

    public VerificationSession session(CheckProfile p) {
        return session(p, "Ada Lovelace", "ada@example.com", "T-" + UUID.randomUUID(), NOW);
    }

    public static NewAttempt attempt(Recommendation rec, Instant completedAt) {
        return new NewAttempt(rec, rec == Recommendation.APPROVE ? LivenessAuth.PASS : LivenessAuth.FAIL,
                rec == Recommendation.APPROVE ? null : "parallax too low", "TURN_LEFT,LOOK_UP",
                "{\"parallax\":0.42,\"moire\":0.01}", 90, 88, 5400, 120, completedAt.minusSeconds(6), completedAt,
                List.of(image(MediaRole.FRONTAL_START), image(MediaRole.CHALLENGE), image(MediaRole.FRONTAL_END)));
    }

    public static NewMedia image(MediaRole role) {
        return new NewMedia(role, "image/jpeg", ("jpeg of " + role + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
    }

    public static Instant minutes(long m) {
        return NOW.plus(m, ChronoUnit.MINUTES);
    }
}
