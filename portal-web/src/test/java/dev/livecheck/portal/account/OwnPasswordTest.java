package dev.livecheck.portal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
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
import dev.livecheck.portal.TestData;
import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * /account/password: a user changes their own password; a password an owner set must be replaced before anything
 * else; the new one follows the policy (length, 72 UTF-8 bytes, not a common one).
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:own-password;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OwnPasswordTest {
    static final String PASSWORD = "correct horse battery";
    static final String NEW = "a fresh passphrase of mine";

    @Autowired
    MockMvc mvc;
    @Autowired
    Businesses businesses;
    @Autowired
    PortalUsers users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

    Business business;
    PortalUser owner;
    String address;

    @BeforeEach
    void business() {
        business = businesses.insert(Business.create("Acme", Instant.now()));
        owner = users.insert(PortalUser.create(business.id(), "owner-" + UUID.randomUUID() + "@acme.test", "Olivia",
                encoder.encode(PASSWORD), Role.OWNER, Instant.now()));
        // an address per test: the per-address throttle of one test never slows another
        address = "198.18." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250 + 1);
    }

    @Test
    void aPasswordTheOwnerSetMustBeReplacedBeforeAnythingElse() throws Exception {
        String email = "new-" + UUID.randomUUID() + "@acme.test";
        mvc.perform(post("/users").with(user(TestData.principal(owner))).with(csrf()).param("email", email)
                .param("displayName", "Nora").param("role", "ADMIN").param("password", PASSWORD)
                .param("passwordRepeat", PASSWORD)).andExpect(redirectedUrl("/users"));

        Cookie session = signIn(email, PASSWORD).andExpect(redirectedUrl("/account/password")).andReturn()
                .getResponse().getCookie("SESSION");
        // every other page leads back to the change, and the role is not granted yet
        for (String page : new String[] {"/", "/dashboard", "/profiles", "/sessions", "/account/second-factor"}) {
            mvc.perform(get(page).cookie(session)).andExpect(redirectedUrl("/account/password"));
        }
        mvc.perform(get("/account/password").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("An owner set your password")));

        ResultActions changed = mvc.perform(post("/account/password").cookie(session).with(csrf())
                .param("currentPassword", PASSWORD).param("password", NEW).param("passwordRepeat", NEW))
                .andExpect(redirectedUrl("/"));
        Cookie renewed = changed.andReturn().getResponse().getCookie("SESSION");
        assertThat(renewed).as("the session id changes with the step").isNotNull();
        assertThat(renewed.getValue()).isNotEqualTo(session.getValue());
        mvc.perform(get("/profiles").cookie(renewed)).andExpect(status().isOk());
        PortalUser stored = users.findByLoginEmail(email).orElseThrow();
        assertThat(stored.passwordChangeRequired()).isFalse();
        assertThat(encoder.matches(NEW, stored.passwordHash())).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'PASSWORD_CHANGED' AND target_id = ?")
                .param(stored.id().toString()).query(Long.class).single()).isOne();
        // the owner's password no longer opens the account
        signIn(email, PASSWORD).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void theCurrentPasswordIsRequiredAndGuessingItIsThrottled() throws Exception {
        Cookie session = signIn(owner.email(), PASSWORD).andExpect(redirectedUrl("/")).andReturn().getResponse()
                .getCookie("SESSION");
        for (int i = 0; i < 4; i++) {
            change(session, "guess number " + i, NEW).andExpect(status().isOk())
                    .andExpect(content().string(containsString("This is not your current password.")));
        }
        change(session, PASSWORD, NEW).andExpect(status().isOk())
                .andExpect(content().string(containsString("Too many wrong passwords")));
        assertThat(encoder.matches(PASSWORD, users.findByLoginEmail(owner.email()).orElseThrow().passwordHash()))
                .isTrue();
        mvc.perform(post("/account/password").cookie(session).param("currentPassword", PASSWORD)
                .param("password", NEW).param("passwordRepeat", NEW)).andExpect(status().isForbidden());
    }

    @Test
    void theNewPasswordFollowsThePolicy() throws Exception {
        Cookie session = signIn(owner.email(), PASSWORD).andReturn().getResponse().getCookie("SESSION");
        change(session, PASSWORD, "1QAZ2wsx3edc").andExpect(status().isOk())
                .andExpect(content().string(containsString("10,000 most common passwords")));
        change(session, PASSWORD, "ü".repeat(36) + "!").andExpect(status().isOk())
                .andExpect(content().string(containsString("at most 72 bytes in UTF-8")));
        change(session, PASSWORD, "short").andExpect(status().isOk())
                .andExpect(content().string(containsString("at least 12 characters")));
        change(session, PASSWORD, PASSWORD).andExpect(status().isOk())
                .andExpect(content().string(containsString("must differ from the current one")));
        // 72 bytes exactly is fine
        String seventyTwoBytes = "ü".repeat(36);
        change(session, PASSWORD, seventyTwoBytes).andExpect(redirectedUrl("/"));
    }

    @Test
    void changingItEndsTheOtherSessions() throws Exception {
        Cookie elsewhere = signIn(owner.email(), PASSWORD).andReturn().getResponse().getCookie("SESSION");
        Cookie here = signIn(owner.email(), PASSWORD).andReturn().getResponse().getCookie("SESSION");
        Cookie renewed = change(here, PASSWORD, NEW).andExpect(redirectedUrl("/")).andReturn().getResponse()
                .getCookie("SESSION");
        mvc.perform(get("/dashboard").cookie(renewed)).andExpect(status().isOk());
        mvc.perform(get("/dashboard").cookie(elsewhere)).andExpect(redirectedUrl("/login"));
    }

    private ResultActions change(Cookie session, String current, String next) throws Exception {
        return mvc.perform(post("/account/password").cookie(session).with(csrf()).with(from(address))
                .param("currentPassword", current).param("password", next).param("passwordRepeat", next));
    }

    private ResultActions signIn(String email, String password) throws Exception {
        return mvc.perform(post("/login").with(csrf()).with(from(address)).param("email", email)
                .param("password", password));
    }

    private RequestPostProcessor from(String remote) {
        return request -> {
            request.setRemoteAddr(remote);
            return request;
        };
    }
}
