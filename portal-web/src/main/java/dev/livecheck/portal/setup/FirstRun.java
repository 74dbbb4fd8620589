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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the first business and its OWNER, once, from the setup page or the bootstrap properties.
 *
 * <p>Once across portal nodes, too: "no business yet" is checked and the business inserted in one SERIALIZABLE
 * transaction, so when two nodes set up at the same moment (two setup forms, or every node bootstrapping at startup)
 * the database lets one commit and fails the other (serialization failure, or the owner e-mail's unique key). The
 * loser then sees the business and reports "already set up" instead of creating a second one or failing.
 */
@Service
class FirstRun {
    static final String BUSINESS_CREATED = "BUSINESS_CREATED";
    private static final Logger log = LoggerFactory.getLogger(FirstRun.class);

    private final SetupState state;
    private final Businesses businesses;
    private final PortalUsers users;
    private final AuditLog audit;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final TransactionTemplate serializable;

    FirstRun(SetupState state, Businesses businesses, PortalUsers users, AuditLog audit,
             PasswordEncoder passwordEncoder, Clock clock, PlatformTransactionManager transactions) {
        this.state = state;
        this.businesses = businesses;
        this.users = users;
        this.audit = audit;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.serializable = new TransactionTemplate(transactions);
        this.serializable.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
    }

    /**
     * @param how "setup page" or "bootstrap", written into the audit events
     * @return false if a business already existed (here or, just now, created by another node), so nothing was created
     */
    synchronized boolean createFirstBusiness(String businessName, String ownerName, String ownerEmail,
                                             String rawPassword, String how) {
        if (state.isComplete()) {
            return false;
        }
        String passwordHash = passwordEncoder.encode(rawPassword);
        try {
            return Boolean.TRUE.equals(serializable.execute(tx ->
                    insertIfNone(businessName, ownerName, ownerEmail, passwordHash, how)));
        } catch (ConcurrencyFailureException | DataIntegrityViolationException e) {
            if (state.isComplete()) {
                log.info("Another portal node created the first business at the same moment; nothing created here ({})",
                        e.getClass().getSimpleName());
                return false;
            }
            throw e;
        }
    }

    private boolean insertIfNone(String businessName, String ownerName, String ownerEmail, String passwordHash,
                                 String how) {
        if (state.isComplete()) {
            return false;
        }
        Instant now = clock.instant();
        Business business = businesses.insert(Business.create(businessName, now));
        PortalUser owner = users.insert(PortalUser.create(business.id(), ownerEmail, ownerName, passwordHash,
                Role.OWNER, now));
        audit.insert(AuditEvent.bySystem(business.id(), BUSINESS_CREATED, "BUSINESS", business.id().toString(),
                "created by " + how, now));
        audit.insert(AuditEvent.bySystem(business.id(), AuditEvent.USER_CREATED, "USER", owner.id().toString(),
                "first OWNER " + owner.email() + " created by " + how, now));
        return true;
    }
}
