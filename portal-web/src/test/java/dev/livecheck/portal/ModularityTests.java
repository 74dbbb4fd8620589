package dev.livecheck.portal;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The feature packages are application modules: no cycles, no reaching into another module's internals. */
class ModularityTests {

    @Test
    void modulesAreWellFormed() {
        ApplicationModules.of(LivecheckApplication.class).verify();
    }
}
