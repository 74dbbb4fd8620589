package dev.livecheck.portal;

import dev.livecheck.core.engine.NativeMemory;
import dev.livecheck.persistence.PersistenceConfiguration;
import dev.livecheck.portal.setup.AddBusinessCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The Livecheck portal: one process serving the admin pages, the capture page and the outbox sender job; started with
 * {@code add-business ...} it adds a business instead and exits ({@link AddBusinessCommand}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import(PersistenceConfiguration.class)
public class LivecheckApplication {

    public static void main(String[] args) {
        NativeMemory.configure(); // before anything loads OpenCV
        if (AddBusinessCommand.isInvocation(args)) {
            System.exit(AddBusinessCommand.run(args, System.getenv(), System.out, System.err));
        }
        SpringApplication.run(LivecheckApplication.class, args);
    }
}
