package dev.livecheck.portal.loadtest;

import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.business.Businesses;
import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.persistence.users.PortalUsers;
import dev.livecheck.persistence.users.Role;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * For the load tool's tests on a real port ({@code @Import} it): a new business whose owner signs in over HTTP and
 * creates capture links as an admin would.
 */
final class TestBusinesses {

    private static final String PASSWORD = "live load test password";

    private final Businesses businesses;
    private final PortalUsers users;
    private final PasswordEncoder encoder;

    TestBusinesses(Businesses businesses, PortalUsers users, PasswordEncoder encoder) {
        this.businesses = businesses;
        this.users = users;
        this.encoder = encoder;
    }

    /** A fresh owner e-mail, so tests sharing one database never meet. */
    static String newAdmin() {
        return "owner-" + System.nanoTime() + "@example.test";
    }

    /** A new business whose owner {@code admin} created {@code count} sessions over HTTP; their capture links. */
    List<URI> linksOfNewBusiness(URI base, String name, String admin, int count) {
        Instant now = Instant.now();
        Business business = businesses.insert(Business.create(name, now));
        users.insert(PortalUser.create(business.id(), admin, "Load Owner", encoder.encode(PASSWORD), Role.OWNER, now));
        return new PortalSessions(base).signIn(admin, PASSWORD).createLinks(count);
    }
}
