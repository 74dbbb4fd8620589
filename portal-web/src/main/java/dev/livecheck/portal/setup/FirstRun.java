package dev.livecheck.portal.setup;

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
    private static final Logger log = LoggerFactory.getLogger(FirstRun.class);

    private final SetupState state;
    private final BusinessRegistration registration;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate serializable;

    FirstRun(SetupState state, BusinessRegistration registration, PasswordEncoder passwordEncoder,
             PlatformTransactionManager transactions) {
        this.state = state;
        this.registration = registration;
        this.passwordEncoder = passwordEncoder;
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
        registration.register(businessName, ownerName, ownerEmail, passwordHash, how);
        return true;
    }
}
