package dev.livecheck.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.business.Businesses;
import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.persistence.users.PortalUsers;
import dev.livecheck.persistence.users.Role;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Attacks on the sign-in, each performed and shown to fail: guessing (throttled per account and per address, growing
 * delays), locking the owner out (impossible: no lock, a trusted browser is not held back, counts forget), telling
 * accounts apart (same answers, BCrypt on every path), over-long passwords, and sessions that never end. The clock is
 * injected, so delays pass without waiting.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:sign-in-attacks;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(SignInAttacksTest.Fakes.class)
class SignInAttacksTest {
    static final String PASSWORD = "correct horse battery";

    @TestConfiguration
    static class Fakes {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
        }

        /** The portal's encoder, counting how often a password is checked. */
        @Bean
        @Primary
        CountingEncoder countingEncoder() {
            return new CountingEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        }
    }

    record CountingEncoder(PasswordEncoder real, AtomicInteger checks) implements PasswordEncoder {
        CountingEncoder(PasswordEncoder real) {
            this(real, new AtomicInteger());
        }

        @Override
        public String encode(CharSequence raw) {
            return real.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return real.matches(raw, encoded);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MutableClock clock;
    @Autowired
    CountingEncoder encoder;
    @Autowired
    Businesses businesses;
    @Autowired
    PortalUsers users;
    @Autowired
    JdbcClient jdbc;

    PortalUser owner;
    int nextAddress;

    @BeforeEach
    void owner() {
        Business business = businesses.insert(Business.create("Acme " + UUID.randomUUID(), clock.instant()));
        owner = users.insert(PortalUser.create(business.id(), "owner-" + UUID.randomUUID() + "@acme.test", "Olivia",
                encoder.encode(PASSWORD), Role.OWNER, clock.instant()));
        // a day later, so no count of another test's address is still running
        clock.advance(Duration.ofDays(1));
    }

    @Test
    void guessingAnAccountWaitsLongerAfterEachFailureUpToTheCap() throws Exception {
        for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            signIn(owner.email(), "guess " + i, newAddress()).andExpect(redirectedUrl("/login?error"));
        }
        long[] expected = {1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300};
        for (long wait : expected) {
            signIn(owner.email(), "another guess", newAddress()).andExpect(redirectedUrl("/login?error"));
            // the next try, even with the right password, waits; and waiting tries count nothing
            for (int i = 0; i < 3; i++) {
                signIn(owner.email(), PASSWORD, newAddress())
                        .andExpect(redirectedUrl("/login?error=throttled&wait=" + wait));
            }
            clock.advance(Duration.ofSeconds(wait));
        }
        assertThat(auditCount("LOGIN_THROTTLED")).isEqualTo(expected.length);
        // the wait over, the right password works (no lock to lift) and clears the count
        signIn(owner.email(), PASSWORD, newAddress()).andExpect(redirectedUrl("/"));
        signIn(owner.email(), "one more guess", newAddress()).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void failuresElsewhereDoNotKeepTheOwnerOutOfTheirOwnBrowser() throws Exception {
        Cookie ownBrowser = signIn(owner.email(), PASSWORD, "203.0.113.10").andExpect(redirectedUrl("/"))
                .andReturn().getResponse().getCookie(TrustedBrowsers.COOKIE);
        assertThat(ownBrowser).isNotNull();
        assertThat(ownBrowser.isHttpOnly()).isTrue();
        for (int i = 0; i < 13; i++) {
            clock.advance(Duration.ofMinutes(5));
            signIn(owner.email(), "attacker " + i, newAddress()).andExpect(redirectedUrl("/login?error"));
        }
        signIn(owner.email(), PASSWORD, newAddress()).andExpect(redirectedUrl("/login?error=throttled&wait=300"));
        // a made-up cookie earns nothing
        mvc.perform(post("/login").with(csrf()).with(from("203.0.113.11"))
                .cookie(new Cookie(TrustedBrowsers.COOKIE, "made-up")).param("email", owner.email())
                .param("password", PASSWORD)).andExpect(redirectedUrl("/login?error=throttled&wait=300"));
        // the owner's own browser is not held back (and the success clears the count)
        mvc.perform(post("/login").with(csrf()).with(from("203.0.113.10")).cookie(ownBrowser)
                .param("email", owner.email()).param("password", PASSWORD)).andExpect(redirectedUrl("/"));
    }

    @Test
    void oneGuessEveryFifteenMinutesNoLongerKeepsTheOwnerOutForGood() throws Exception {
        // The old bug: after the first lock the count was never reset, so each single failure locked for 15 minutes.
        for (int round = 0; round < 16; round++) {
            signIn(owner.email(), "attacker's guess", newAddress());
            clock.advance(Duration.ofMinutes(6));
            // a new browser on a new address: at most the capped wait (5 minutes) after the attacker's try
            signIn(owner.email(), PASSWORD, newAddress()).andExpect(redirectedUrl("/"));
            clock.advance(Duration.ofMinutes(9));
        }
    }

    @Test
    void oneAddressSprayingManyAccountsWaitsToo() throws Exception {
        String sprayer = "192.0.2.66";
        for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            signIn("victim" + i + "@acme.test", "Summer2026!!", sprayer).andExpect(redirectedUrl("/login?error"));
        }
        signIn("victim9@acme.test", "Summer2026!!", sprayer).andExpect(redirectedUrl("/login?error"));
        signIn(owner.email(), PASSWORD, sprayer).andExpect(redirectedUrl("/login?error=throttled&wait=1"));
        // other addresses are not held back by this one
        signIn(owner.email(), PASSWORD, newAddress()).andExpect(redirectedUrl("/"));
    }

    @Test
    void unknownDisabledAndKnownAccountsAnswerAlikeAndAllRunBcrypt() throws Exception {
        PortalUser disabled = users.insert(PortalUser.create(owner.businessId(), "gone-" + UUID.randomUUID()
                + "@acme.test", "Gone", encoder.encode(PASSWORD), Role.ADMIN, clock.instant()));
        users.updateAccount(owner.businessId(), disabled.id(), "Gone", Role.ADMIN, false);
        for (String email : new String[] {owner.email(), "nobody-" + UUID.randomUUID() + "@acme.test",
                disabled.email()}) {
            for (int i = 0; i < SignInThrottle.FREE_FAILURES + 1; i++) {
                int before = encoder.checks().get();
                signIn(email, "wrong password", newAddress()).andExpect(redirectedUrl("/login?error"));
                assertThat(encoder.checks().get() - before).as("BCrypt ran for " + email).isEqualTo(1);
            }
            // the same wait for every kind of account: the answer tells nothing about the e-mail
            signIn(email, "wrong password", newAddress()).andExpect(redirectedUrl("/login?error=throttled&wait=1"));
            clock.advance(Duration.ofMinutes(1));
        }
        // only the right password of a disabled account learns that it is disabled (after the same BCrypt work)
        clock.advance(Duration.ofHours(2));
        int before = encoder.checks().get();
        signIn(disabled.email(), PASSWORD, newAddress()).andExpect(redirectedUrl("/login?error=disabled"));
        assertThat(encoder.checks().get() - before).isEqualTo(1);
    }

    @Test
    void aPasswordOverBcryptsSeventyTwoBytesGetsAClearAnswerNotAnError() throws Exception {
        String seventyThreeBytes = "é".repeat(36) + "x";
        int before = encoder.checks().get();
        signIn(owner.email(), seventyThreeBytes, newAddress()).andExpect(redirectedUrl("/login?error=tooLong"));
        assertThat(encoder.checks().get() - before).isEqualTo(1);
        mvc.perform(get("/login").param("error", "tooLong")).andExpect(status().isOk())
                .andExpect(content().string(containsString("at most 72 bytes")));
        mvc.perform(get("/login").param("error", "throttled").param("wait", "<script>"))
                .andExpect(content().string(containsString("Wait 1 seconds")));
    }

    @Test
    void aSignInEndsTwelveHoursAfterItBeganHoweverActive() throws Exception {
        MockHttpServletResponse signedIn = signIn(owner.email(), PASSWORD, newAddress()).andReturn().getResponse();
        Cookie session = signedIn.getCookie("SESSION");
        for (int hour = 0; hour < 11; hour++) {
            clock.advance(Duration.ofHours(1));
            mvc.perform(get("/dashboard").cookie(session)).andExpect(status().isOk());
        }
        clock.advance(Duration.ofMinutes(59));
        mvc.perform(get("/dashboard").cookie(session)).andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(1));
        mvc.perform(get("/dashboard").cookie(session)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/dashboard").cookie(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login").param("expired", "")).andExpect(content().string(containsString("12 hours")));
    }

    /** The session cookie's Secure flag over https (also behind a TLS proxy) is ForwardedHeadersTest' subject. */
    @Test
    void theTrustedBrowserCookieIsSecureOverHttpsAndOnlyForTheSignInPage() throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/login").secure(true).with(csrf()).with(from(newAddress()))
                .param("email", owner.email()).param("password", PASSWORD)).andReturn().getResponse();
        assertThat(response.getHeaders("Set-Cookie")).filteredOn(c -> c.startsWith(TrustedBrowsers.COOKIE + "="))
                .singleElement().satisfies(c -> assertThat(c).contains("; Secure").contains("; HttpOnly")
                        .contains("; SameSite=Strict").contains("Path=/login;"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM trusted_device WHERE token_hash = ?")
                .param(response.getCookie(TrustedBrowsers.COOKIE).getValue()).query(Long.class).single())
                .as("only the hash is stored").isZero();
    }

    private ResultActions signIn(String email, String password, String address) throws Exception {
        return mvc.perform(post("/login").with(csrf()).with(from(address)).param("email", email)
                .param("password", password));
    }

    private String newAddress() {
        nextAddress++;
        return "10.20." + (nextAddress / 250) + "." + (nextAddress % 250 + 1);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private long auditCount(String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = ? AND target_id = ?").param(action)
                .param(owner.id().toString()).query(Long.class).single();
    }
}
