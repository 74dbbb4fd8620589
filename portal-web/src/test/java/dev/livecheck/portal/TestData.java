package dev.livecheck.portal;

import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.report.AttemptImage;
import dev.livecheck.core.report.LivenessReport;
import dev.livecheck.core.report.ReportJson;
import dev.livecheck.core.report.SubCheck;
import dev.livecheck.persistence.applications.ApiApplication;
import dev.livecheck.persistence.applications.ApiApplications;
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
import dev.livecheck.persistence.sessions.SessionApiRequest;
import dev.livecheck.persistence.sessions.SessionApiRequests;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.sessions.VerificationSessions;
import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.persistence.users.PortalUsers;
import dev.livecheck.persistence.support.Sha256;
import dev.livecheck.persistence.users.Role;
import dev.livecheck.portal.api.SignedApiClient;
import dev.livecheck.portal.email.LinkSealer;
import dev.livecheck.portal.security.PortalPrincipal;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The one set-up helper of the portal's tests: builds real rows (businesses, users, profiles, sessions, attempts, API
 * applications and the API's sessions with what they asked to be notified of) through the persistence repositories
 * and {@link AttemptRecorder}, as the portal itself does. Every user it creates signs in with {@link #PASSWORD};
 * secrets are sealed with the portal's {@link LinkSealer}, as the API stores them.
 */
public class TestData {
    /** The password of every user made here. */
    public static final String PASSWORD = "correct horse battery";
    /** Far before {@link PortalWebTest#NOW}: the lifecycle tests' own time, where no other test has rows. */
    public static final Instant LONG_AGO = PortalWebTest.NOW.minus(1000, ChronoUnit.DAYS);
    /** RSA key generation costs ~100 ms; API tenants share one pair per JVM unless a test needs another on purpose. */
    public static final KeyPair SHARED_KEYS = SignedApiClient.newRsaKeyPair(2048);

    private final Businesses businesses;
    private final PortalUsers users;
    private final CheckProfiles profiles;
    private final VerificationSessions sessions;
    private final AttemptRecorder recorder;
    private final ApiApplications applications;
    private final SessionApiRequests apiRequests;
    private final LinkSealer sealer;
    /** {@link #PASSWORD} hashed once: bcrypt costs ~100 ms, and a shared salt does not matter in tests. */
    private final String passwordHash;

    public TestData(ApplicationContext context) {
        this.businesses = context.getBean(Businesses.class);
        this.users = context.getBean(PortalUsers.class);
        this.profiles = context.getBean(CheckProfiles.class);
        this.sessions = context.getBean(VerificationSessions.class);
        this.recorder = context.getBean(AttemptRecorder.class);
        this.applications = context.getBean(ApiApplications.class);
        this.apiRequests = context.getBean(SessionApiRequests.class);
        this.sealer = context.getBean(LinkSealer.class);
        this.passwordHash = context.getBean(PasswordEncoder.class).encode(PASSWORD);
    }

    /** A business of its own, created now. */
    public Business business(String name) {
        return businesses.insert(Business.create(name, Instant.now()));
    }

    /** A user of the business with that role, signed in as the returned principal (password {@link #PASSWORD}). */
    public PortalPrincipal user(Business business, Role role) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@" + business.id() + ".test";
        PortalUser user = users.insert(PortalUser.create(business.id(), email, role.name(), passwordHash, role,
                Instant.now()));
        return principal(user);
    }

    /** The principal a sign-in of this stored user yields. */
    public static PortalPrincipal principal(PortalUser user) {
        return new PortalPrincipal(user.id(), user.businessId(), user.email(), user.displayName(), user.role(), true,
                false, user.passwordHash());
    }

    /** The business's default profile, created now. */
    public CheckProfile profile(Business business) {
        return profiles.insert(CheckProfile.create(business.id(), "Default", "https://example.test/done",
                "Check for {name}", "Hello {name}, open {link} please.", Instant.now()));
    }

    /** A business with one user of each role and a default profile. */
    public Tenant tenant(String name) {
        Business b = businesses.insert(Business.create(name, PortalWebTest.NOW));
        CheckProfile profile = profiles.insert(CheckProfile.create(b.id(), "Default", "https://example.com/ok",
                "Please verify", "Open {link}", PortalWebTest.NOW));
        return new Tenant(b, profile, principal(b, Role.OWNER), principal(b, Role.ADMIN), principal(b, Role.REVIEWER));
    }

    /** A profile with its own link lifetime and image retention (for the lifecycle jobs). */
    public CheckProfile profile(Tenant t, int linkLifetimeHours, int imageRetentionDays) {
        return profiles.insert(CheckProfile.create(t.business().id(), "Short-lived", "https://example.com/ok",
                "Please verify", "Open {link}", PortalWebTest.NOW)
                .withLimits(3, 2, linkLifetimeHours, imageRetentionDays));
    }

    private PortalPrincipal principal(Business b, Role role) {
        PortalUser u = users.insert(PortalUser.create(b.id(), role + "." + UUID.randomUUID() + "@example.com",
                "A " + role.name().toLowerCase() + " of " + b.name(), passwordHash, role, PortalWebTest.NOW));
        return principal(u);
    }

    public VerificationSession session(Tenant t, String name, String trackingId) {
        return session(t.profile(), name, "recipient@example.com", trackingId, PortalWebTest.NOW);
    }

    public VerificationSession session(CheckProfile p, String name, String email, String trackingId, Instant at) {
        return sessions.insert(VerificationSession.open(p, name, email, trackingId,
                CaptureTokens.hash(CaptureTokens.newToken()), at));
    }

    /** An API application of the business on its default profile (its key is a placeholder: no request is signed). */
    public ApiApplication apiApplication(Tenant t, String name) {
        return applications.insert(ApiApplication.create(t.id(), name, t.profile().id(), "placeholder-key",
                Sha256.hex(name.getBytes(StandardCharsets.UTF_8)), List.of(),
                "placeholder-secret", t.owner().userId(), PortalWebTest.NOW));
    }

    /**
     * A session created by the application at {@code at}, as the session API stores one: no recipient, a token living
     * an hour, images kept for {@code resourcesTtl}.
     */
    public VerificationSession apiSession(Tenant t, ApiApplication app, String trackingId, Instant at,
                                          Duration resourcesTtl) {
        return insertApiSession(t.profile(), app.id(), 3, trackingId, at, Duration.ofHours(1), resourcesTtl, null,
                null);
    }

    /** As {@link #apiTenant(String, Instant)}, created now. */
    public ApiTenant apiTenant(String name) {
        return apiTenant(name, Instant.now());
    }

    /** A business reached through the API, created at {@code now}, with a fresh notification secret. */
    public ApiTenant apiTenant(String name, Instant now) {
        return apiTenant(name, "whsec-" + UUID.randomUUID(), SHARED_KEYS, List.of("https://shop.example.test"), now);
    }

    /**
     * A business with an "API" profile, an application that signs with {@code keys} (the test holds the private key)
     * and whose notification {@code secret} is stored sealed, and an admin and a reviewer.
     */
    public ApiTenant apiTenant(String name, String secret, KeyPair keys, List<String> allowedOrigins, Instant now) {
        Business business = businesses.insert(Business.create(name, now));
        CheckProfile profile = profiles.insert(CheckProfile.create(business.id(), "API", "https://example.test/done",
                "Check for {name}", "Hello {name}, open {link} please.", now));
        byte[] publicKey = keys.getPublic().getEncoded();
        ApiApplication application = applications.insert(ApiApplication.create(business.id(), name + " app",
                profile.id(), Base64.getEncoder().encodeToString(publicKey), Sha256.hex(publicKey), allowedOrigins,
                sealer.sealValue(secret), UUID.randomUUID(), now));
        return new ApiTenant(business, profile, application, secret, keys, principal(business, Role.ADMIN),
                principal(business, Role.REVIEWER));
    }

    /**
     * An ONGOING session the tenant's application created at {@code createdAt}, with {@code maxAttempts} attempts and
     * a token (and images) living {@code ttl}; {@code notify} (null: none) with its auth token sealed.
     */
    public VerificationSession apiSession(ApiTenant t, int maxAttempts, Instant createdAt, Duration ttl,
                                          @Nullable Notify notify) {
        return apiSession(t, maxAttempts, createdAt, ttl, notify,
                notify == null ? null : sealer.sealValue(notify.authToken()));
    }

    /** The same with the notification's auth token stored exactly as given (e.g. sealed under another key). */
    public VerificationSession apiSession(ApiTenant t, int maxAttempts, Instant createdAt, Duration ttl,
                                          @Nullable Notify notify, @Nullable String sealedToken) {
        return insertApiSession(t.profile(), t.application().id(), maxAttempts, "user-" + UUID.randomUUID(),
                createdAt, ttl, ttl, notify, sealedToken);
    }

    private VerificationSession insertApiSession(CheckProfile profile, UUID applicationId, int maxAttempts,
                                                 String trackingId, Instant createdAt, Duration tokenTtl,
                                                 Duration resourcesTtl, @Nullable Notify notify,
                                                 @Nullable String sealedToken) {
        VerificationSession s = sessions.insert(VerificationSession.openForApi(profile, applicationId, maxAttempts,
                trackingId, CaptureTokens.hash(CaptureTokens.newToken()), createdAt.plus(tokenTtl), createdAt));
        apiRequests.insert(new SessionApiRequest(s.id(), profile.businessId(), (int) tokenTtl.toSeconds(),
                (int) resourcesTtl.toSeconds(), createdAt.plus(resourcesTtl), null, null, null, null, null,
                notify == null ? null : notify.endpoint(), notify == null ? null : notify.topics(),
                notify == null ? null : notify.authType(), notify == null ? null : sealedToken));
        return s;
    }

    /** A decided attempt completed at {@code completedAt}, with three JPEGs and the engine's report JSON. */
    public StoredAttempt attempt(VerificationSession s, Recommendation recommendation, Instant completedAt) {
        byte[] start = jpeg(Color.RED);
        byte[] challenge = jpeg(Color.GREEN);
        byte[] end = jpeg(Color.BLUE);
        boolean approve = recommendation == Recommendation.APPROVE;
        LivenessReport report = report(approve, start, challenge, end);
        return recorder.record(s.businessId(), s.id(), null, new NewAttempt(recommendation,
                approve ? LivenessAuth.PASS : LivenessAuth.FAIL, report.reason(), "TURN_LEFT,LOOK_UP",
                ReportJson.toJson(report, false), report.frames(), report.analyzedFrames(), report.durationMillis(),
                report.decisionMillis(), completedAt.minusSeconds(6), completedAt,
                List.of(new NewMedia(MediaRole.FRONTAL_START, "image/jpeg", start),
                        new NewMedia(MediaRole.CHALLENGE, "image/jpeg", challenge),
                        new NewMedia(MediaRole.FRONTAL_END, "image/jpeg", end))));
    }

    /** What the engine reports: on REJECT the 3D-structure check failed with a flat-surface parallax. */
    public static LivenessReport report(boolean approve, byte[] start, byte[] challenge, byte[] end) {
        Map<String, Object> structure = new LinkedHashMap<>();
        structure.put("parallax_ratio", approve ? 0.231234567 : 0.0412345);
        structure.put("yaw_range_deg", 31.5);
        structure.put("frames_used", 42);
        SubCheck structureCheck = approve ? SubCheck.pass("structure_3d", structure)
                : SubCheck.fail("structure_3d", "FLAT_SURFACE", structure);
        return new LivenessReport(
                approve ? dev.livecheck.core.report.Recommendation.APPROVE : dev.livecheck.core.report.Recommendation.REJECT,
                approve ? null : "FLAT_SURFACE",
                List.of(Challenge.TURN_LEFT, Challenge.LOOK_UP),
                List.of(SubCheck.pass("challenge_response", Map.of("completed", 2)), structureCheck,
                        SubCheck.pass("presentation", Map.of("moire", 0.0123))),
                List.of(new AttemptImage(AttemptImage.Role.FRONTAL_START, 0, start),
                        new AttemptImage(AttemptImage.Role.CHALLENGE, 2500, challenge),
                        new AttemptImage(AttemptImage.Role.FRONTAL_END, 5300, end)),
                90, 88, 5400, 120);
    }

    public static byte[] jpeg(Color colour) {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                image.setRGB(x, y, colour.getRGB());
            }
        }
        return jpeg(image);
    }

    /** The image as JPEG bytes (ImageIO's default quality). */
    public static byte[] jpeg(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public VerificationSessions sessions() {
        return sessions;
    }

    /**
     * A business reached through the API: its application, the notification secret as the test knows it (stored
     * sealed), the key pair it signs with, and an admin and a reviewer of the portal.
     */
    public record ApiTenant(Business business, CheckProfile profile, ApiApplication application, String secret,
                            KeyPair keys, PortalPrincipal admin, PortalPrincipal reviewer) {
        public UUID id() {
            return business.id();
        }

        /** A client of the session API at {@code baseUrl} that signs as this tenant's application. */
        public SignedApiClient client(String baseUrl) {
            return new SignedApiClient(baseUrl, application.id(), keys.getPrivate());
        }
    }

    /** What an API session asked to be notified of: {@code authType} BASIC or BEARER, topics comma-separated. */
    public record Notify(String endpoint, String topics, String authType, String authToken) {
        public static Notify bearer(String endpoint, String topics, String token) {
            return new Notify(endpoint, topics, "BEARER", token);
        }

        public static Notify basic(String endpoint, String topics, String token) {
            return new Notify(endpoint, topics, "BASIC", token);
        }
    }

    /** A business, its default profile and one signed-in user per role. */
    public record Tenant(Business business, CheckProfile profile, PortalPrincipal owner, PortalPrincipal admin,
                         PortalPrincipal reviewer) {
        public UUID id() {
            return business.id();
        }
    }
}
