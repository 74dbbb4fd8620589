package dev.livecheck.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole portal (profile "test") on its own in-memory H2 database with a fixed clock; the test classes of the sessions, reports, session report
 * and lifecycle packages extend this, so they share one application context. Tests isolate themselves by creating their own
 * businesses; the lifecycle jobs are global, so their tests work in the far past ({@link TestData#LONG_AGO}) where no
 * other test's rows are. The scheduled runs are pushed out of the test's lifetime. A real (random) port because the
 * capture module's WebSocket container bean needs the servlet container's {@code ServerContainer}, which the mock
 * servlet environment does not have.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:reports-tests;DB_CLOSE_DELAY=-1",
        "livecheck.lifecycle.initial-delay=P1D"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(PortalWebTest.FixedClock.class)
public abstract class PortalWebTest {
    public static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected TestData data;

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        @Bean
        TestData testData(org.springframework.context.ApplicationContext context) {
            return new TestData(context);
        }
    }

    /** The text of the element with this id in an HTML page (Thymeleaf's HTML is not XML, so no XPath). */
    protected static String textOf(String html, String id) {
        Matcher m = Pattern.compile("<[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no element with id " + id);
        }
        return m.group(1).strip();
    }
}
