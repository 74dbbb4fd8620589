package dev.livecheck.portal.setup;

import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.audit.AuditTarget;
import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.business.Businesses;
import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.persistence.users.PortalUsers;
import dev.livecheck.persistence.users.Role;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a business, its first OWNER and the two audit events that say how they came about. The callers decide when
 * that is allowed: {@link FirstRun} only while no business exists, {@link AddBusinessCommand} for every further one.
 */
@Service
class BusinessRegistration {

    private final Businesses businesses;
    private final PortalUsers users;
    private final AuditLog audit;
    private final Clock clock;

    BusinessRegistration(Businesses businesses, PortalUsers users, AuditLog audit, Clock clock) {
        this.businesses = businesses;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Joins the caller's transaction (FirstRun's SERIALIZABLE one) or starts its own. Fails with a
     * DataIntegrityViolationException when the owner's e-mail is already an account (e-mails are unique).
     *
     * @param how written into the audit events: "setup page", "bootstrap", "add-business command"
     */
    @Transactional(propagation = Propagation.REQUIRED)
    Business register(String businessName, String ownerName, String ownerEmail, String passwordHash, String how) {
        Instant now = clock.instant();
        Business business = businesses.insert(Business.create(businessName.strip(), now));
        PortalUser owner = users.insert(PortalUser.create(business.id(), ownerEmail, ownerName, passwordHash,
                Role.OWNER, now));
        audit.insert(AuditEvent.bySystem(business.id(), AuditAction.BUSINESS_CREATED, AuditTarget.BUSINESS,
                business.id().toString(), "created by " + how, now));
        audit.insert(AuditEvent.bySystem(business.id(), AuditAction.USER_CREATED, AuditTarget.USER,
                owner.id().toString(), "first OWNER " + owner.email() + " created by " + how, now));
        return business;
    }
}
