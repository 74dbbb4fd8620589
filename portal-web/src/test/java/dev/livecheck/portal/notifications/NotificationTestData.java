package dev.livecheck.portal.notifications;

import dev.livecheck.persistence.applications.ApiApplication;
import dev.livecheck.persistence.applications.ApiApplications;
import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.business.Businesses;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.persistence.sessions.CaptureTokens;
import dev.livecheck.persistence.sessions.SessionApiRequest;
import dev.livecheck.persistence.sessions.SessionApiRequests;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.sessions.VerificationSessions;
import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.persistence.users.PortalUsers;
import dev.livecheck.persistence.users.Role;
import dev.livecheck.portal.email.LinkSealer;
import dev.livecheck.portal.security.PortalPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * API tenants and their sessions, made through the real repositories the way the API does it: the application's
 * notification secret and the session's auth token sealed with the portal's {@link LinkSealer}.
 */
public final class NotificationTestData {
    public static final String BCRYPT = "{bcrypt}$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z3ZsHGCsXyPp1RNzvE9TkZS.";

    private final Businesses businesses;
    private final PortalUsers users;
    private final CheckProfiles profiles;
    private final ApiApplications applications;
    private final VerificationSessions sessions;
    private final SessionApiRequests requests;
    private final LinkSealer sealer;

    public NotificationTestData(ApplicationContext context) {
        this.businesses = context.getBean(Businesses.class);
        this.users = context.getBean(PortalUsers.class);
        this.profiles = context.getBean(CheckProfiles.class);
        this.applications = context.getBean(ApiApplications.class);
        this.sessions = context.getBean(VerificationSessions.class);
        this.requests = context.getBean(SessionApiRequests.class);
        this.sealer = context.getBean(LinkSealer.class);
    }

    /** A business with a profile, an API application (its secret as the test knows it) and an admin and reviewer. */
    public record ApiTenant(Business business, CheckProfile profile, ApiApplication application, String secret,
                            PortalPrincipal admin, PortalPrincipal reviewer) {
        public UUID id() {
            return business.id();
        }
    }

    /** What a session asked to be notified of: {@code authType} BASIC or BEARER, {@code topics} comma-separated. */
    public record Notify(String endpoint, String topics, String authType, String authToken) {
        public static Notify bearer(String endpoint, String topics, String token) {
            return new Notify(endpoint, topics, "BEARER", token);
        }

        public static Notify basic(String endpoint, String topics, String token) {
            return new Notify(endpoint, topics, "BASIC", token);
        }
    }

    public ApiTenant tenant(String name, Instant now) {
        Business business = businesses.insert(Business.create(name + " " + UUID.randomUUID(), now));
        CheckProfile profile = profiles.insert(CheckProfile.create(business.id(), "API", "https://example.test/done",
                "Check for {name}", "Hello {name}, open {link} please.", now));
        String secret = "whsec-" + UUID.randomUUID();
        ApiApplication application = applications.insert(ApiApplication.create(business.id(), name + " app",
                profile.id(), "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA", "0".repeat(64), List.of(),
                sealer.sealValue(secret), UUID.randomUUID(), now));
        return new ApiTenant(business, profile, application, secret, principal(business, Role.ADMIN, now),
                principal(business, Role.REVIEWER, now));
    }

    /** An ONGOING API session with {@code maxRetries} attempts whose token lives {@code ttl}; {@code notify} may be null. */
    public VerificationSession session(ApiTenant t, int maxRetries, Instant createdAt, Duration ttl, Notify notify) {
        return session(t, maxRetries, createdAt, ttl, notify, notify == null || notify.authToken() == null ? null
                : sealer.sealValue(notify.authToken()));
    }

    /** The same with the auth token stored exactly as given (e.g. sealed under another key). */
    public VerificationSession session(ApiTenant t, int maxRetries, Instant createdAt, Duration ttl, Notify notify,
                                       String sealedToken) {
        VerificationSession session = sessions.insert(VerificationSession.openForApi(t.profile(),
                t.application().id(), maxRetries, "user-" + UUID.randomUUID(),
                CaptureTokens.hash(CaptureTokens.newToken()), createdAt.plus(ttl), createdAt));
        int seconds = (int) ttl.toSeconds();
        requests.insert(new SessionApiRequest(session.id(), t.id(), seconds, seconds, createdAt.plus(ttl), null, null,
                null, null, null, notify == null ? null : notify.endpoint(), notify == null ? null : notify.topics(),
                notify == null ? null : notify.authType(), notify == null ? null : sealedToken));
        return session;
    }

    /** A portal session (e-mailed link, no API request) of the tenant. */
    public VerificationSession portalSession(ApiTenant t, Instant createdAt) {
        return sessions.insert(VerificationSession.open(t.profile(), "Ada", "ada@example.test", null,
                CaptureTokens.hash(CaptureTokens.newToken()), createdAt));
    }

    public VerificationSessions sessions() {
        return sessions;
    }

    private PortalPrincipal principal(Business b, Role role, Instant now) {
        PortalUser u = users.insert(PortalUser.create(b.id(), role + "." + UUID.randomUUID() + "@example.test",
                "A " + role.name().toLowerCase(), BCRYPT, role, now));
        return new PortalPrincipal(u.id(), b.id(), u.email(), u.displayName(), role, true, false, u.passwordHash());
    }
}
