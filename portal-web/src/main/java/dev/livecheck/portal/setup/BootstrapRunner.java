package dev.livecheck.portal.setup;

import dev.livecheck.persistence.support.EmailAddresses;
import dev.livecheck.portal.web.PasswordPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Applies {@link BootstrapProperties} at startup; refuses a password the setup page would refuse. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BootstrapRunner implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(BootstrapRunner.class);

    private final BootstrapProperties properties;
    private final FirstRun firstRun;

    BootstrapRunner(BootstrapProperties properties, FirstRun firstRun) {
        this.properties = properties;
        this.firstRun = firstRun;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.isComplete()) {
            return;
        }
        PasswordPolicy.Problem problem = PasswordPolicy.check(properties.ownerPassword());
        if (problem != null) {
            throw new IllegalStateException("livecheck.bootstrap.owner-password " + problem.describe());
        }
        String email = properties.ownerEmail().strip();
        if (!EmailAddresses.isValid(email)) {
            throw new IllegalStateException("livecheck.bootstrap.owner-email is not an e-mail address: " + email);
        }
        String ownerName = email.substring(0, Math.max(1, email.indexOf('@')));
        if (firstRun.createFirstBusiness(properties.businessName(), ownerName, email, properties.ownerPassword(),
                "bootstrap")) {
            log.info("Bootstrap created business '{}' with OWNER {}", properties.businessName(), email);
        }
    }
}
