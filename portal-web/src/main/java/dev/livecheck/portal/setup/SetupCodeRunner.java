package dev.livecheck.portal.setup;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Issues the setup code at start-up, after {@link BootstrapRunner} (which may have made it unnecessary). */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class SetupCodeRunner implements ApplicationRunner {
    private final SetupCode setupCode;

    SetupCodeRunner(SetupCode setupCode) {
        this.setupCode = setupCode;
    }

    @Override
    public void run(ApplicationArguments args) {
        setupCode.issueIfSetupOpen();
    }
}
