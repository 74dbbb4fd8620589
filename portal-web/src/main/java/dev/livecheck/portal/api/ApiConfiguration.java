package dev.livecheck.portal.api;

import dev.livecheck.persistence.applications.ApiApplications;
import dev.livecheck.persistence.applications.ApiNonces;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.Scheduled;

/** Wires the signature filter in front of the API's controllers, and the nonce housekeeping. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    /** Runs after Spring Security's chain (which only keeps sessions and CSRF away from the API path). */
    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(ApiApplications applications,
                                                                           ApiNonces nonces,
                                                                           ApiRateLimiter rateLimiter,
                                                                           ApiProperties properties, Clock clock) {
        FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(
                new ApiAuthenticationFilter(applications, nonces, rateLimiter, properties, clock));
        registration.addUrlPatterns(ApiAuthenticationFilter.BASE_PATH + "/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    @Bean
    NoncePurge noncePurge(ApiNonces nonces, ApiProperties properties, Clock clock) {
        return new NoncePurge(nonces, properties, clock);
    }

    /** Nonces older than twice the window cannot be replayed any more (their timestamps fail), so they go. */
    static class NoncePurge {
        private final ApiNonces nonces;
        private final ApiProperties properties;
        private final Clock clock;

        NoncePurge(ApiNonces nonces, ApiProperties properties, Clock clock) {
            this.nonces = nonces;
            this.properties = properties;
            this.clock = clock;
        }

        @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
        void purge() {
            nonces.purgeSeenBefore(clock.instant().minus(properties.timestampWindow().multipliedBy(2)));
        }
    }
}
