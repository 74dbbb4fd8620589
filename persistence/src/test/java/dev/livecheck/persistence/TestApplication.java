package dev.livecheck.persistence;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Import;

/** The configuration the test slices find: just this module's configuration. */
@SpringBootConfiguration
@Import(PersistenceConfiguration.class)
public class TestApplication {
}
