package dev.livecheck.portal;

import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.business.Businesses;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.persistence.users.PortalUsers;
import dev.livecheck.persistence.users.Role;
import dev.livecheck.portal.security.PortalPrincipal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Builds tenants, users and profiles straight through the repositories. */
record TestData(Businesses businesses, PortalUsers users, CheckProfiles profiles, PasswordEncoder encoder) {

    static final String PASSWORD = "correct horse battery";

    Business business(String name) {
        return businesses.insert(Business.create(name, Instant.now()));
    }

    PortalPrincipal user(Business business, Role role) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@" + business.id() + ".test";
        PortalUser user = users.insert(PortalUser.create(business.id(), email, role.name(), encoder.encode(PASSWORD),
                role, Instant.now()));
        return new PortalPrincipal(user.id(), business.id(), user.email(), user.displayName(), role, true, false,
                user.passwordHash());
    }

    CheckProfile profile(Business business) {
        return profiles.insert(CheckProfile.create(business.id(), "Default", "https://example.test/done",
                "Check for {name}", "Hello {name}, open {link} please.", Instant.now()));
    }
}
