package dev.livecheck.portal.web;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans shared by every feature. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    /** One clock for the whole portal, so tests can reason about time and every instant is UTC. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
