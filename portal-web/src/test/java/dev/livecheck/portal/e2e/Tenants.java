package dev.livecheck.portal.e2e;

import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.business.Businesses;
import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.persistence.users.PortalUsers;
import dev.livecheck.persistence.users.Role;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Businesses for journeys that are not about setup, written straight through the repositories (quick, and each
 * journey gets its own). The portal's setup page creates only the first business (the first-run journey proves it);
 * the tenant-isolation journey adds its second business with the operator's add-business command.
 */
record Tenants(Businesses businesses, PortalUsers users, PasswordEncoder encoder) {

    static final String PASSWORD = "correct horse battery staple";

    /** A signed-up business with one user of the given role. */
    Account business(String name, Role role, String displayName) {
        return signUp(name, role, displayName).account();
    }

    /** {@link #business}, with the ids a journey needs to add the business's data through the repositories. */
    SignUp signUp(String name, Role role, String displayName) {
        Business business = businesses.insert(Business.create(name + " " + shortId(), Instant.now()));
        String email = displayName.toLowerCase().replace(' ', '.') + "." + shortId() + "@example.test";
        PortalUser user = users.insert(PortalUser.create(business.id(), email, displayName, encoder.encode(PASSWORD),
                role, Instant.now()));
        return new SignUp(business.id(), user.id(), new Account(business.name(), email, PASSWORD, displayName));
    }

    /** A business and its user as stored, and how the user signs in. */
    record SignUp(UUID businessId, UUID userId, Account account) {
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Who signs in: business name, e-mail, password, display name. */
    record Account(String business, String email, String password, String displayName) {
    }
}
