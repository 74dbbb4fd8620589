package dev.livecheck.portal.web;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** Beans shared by every feature. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    /** One clock for the whole portal, so tests can reason about time and every instant is UTC. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The threads of the {@code @Scheduled} jobs (outbox sender, expiry sweep, image retention). Declared because
     * otherwise Spring would run them on the only {@code ScheduledExecutorService} bean, the capture ticker, where a
     * slow SMTP server would hold up every running attempt's timeouts (and the jobs would wait for the ticks).
     */
    @Bean(name = "taskScheduler")
    ThreadPoolTaskScheduler taskScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("portal-jobs-");
        return scheduler;
    }
}
