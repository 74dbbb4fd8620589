package dev.livecheck.portal.setup;

import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.business.Businesses;
import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.persistence.users.PortalUsers;
import dev.livecheck.persistence.users.Role;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates the first business and its OWNER, once, from the setup page or the bootstrap properties. */
@Service
class FirstRun {
    static final String BUSINESS_CREATED = "BUSINESS_CREATED";

    private final SetupState state;
    private final Businesses businesses;
    private final PortalUsers users;
    private final AuditLog audit;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    FirstRun(SetupState state, Businesses businesses, PortalUsers users, AuditLog audit,
             PasswordEncoder passwordEncoder, Clock clock) {
        this.state = state;
        this.businesses = businesses;
        this.users = users;
        this.audit = audit;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /**
     * @param how "setup page" or "bootstrap", written into the audit events
     * @return false if a business already existed, so nothing was created
     */
    @Transactional
    synchronized boolean createFirstBusiness(String businessName, String ownerName, String ownerEmail,
                                             String rawPassword, String how) {
        if (state.isComplete()) {
            return false;
        }
        Instant now = clock.instant();
        Business business = businesses.insert(Business.create(businessName, now));
        PortalUser owner = users.insert(PortalUser.create(business.id(), ownerEmail, ownerName,
                passwordEncoder.encode(rawPassword), Role.OWNER, now));
        audit.insert(AuditEvent.bySystem(business.id(), BUSINESS_CREATED, "BUSINESS", business.id().toString(),
                "created by " + how, now));
        audit.insert(AuditEvent.bySystem(business.id(), AuditEvent.USER_CREATED, "USER", owner.id().toString(),
                "first OWNER " + owner.email() + " created by " + how, now));
        return true;
    }
}
