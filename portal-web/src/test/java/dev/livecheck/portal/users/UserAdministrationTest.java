package dev.livecheck.portal.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.business.Businesses;
import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.persistence.users.PortalUsers;
import dev.livecheck.persistence.users.Role;
import dev.livecheck.portal.TestData;
import dev.livecheck.portal.security.PortalPrincipal;
import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** /users end to end on H2: each OWNER action, roles, tenant isolation, the last-owner rule and validation. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:users-tests;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class UserAdministrationTest {
    private static final String PASSWORD = TestData.PASSWORD;

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    TestData data;
    @Autowired
    Businesses businesses;
    @Autowired
    PortalUsers users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

    Business business;
    PortalPrincipal owner;
    PortalPrincipal admin;
    PortalPrincipal reviewer;
    PortalPrincipal otherOwner;

    @BeforeEach
    void tenants() {
        data = new TestData(context);
        business = businesses.insert(Business.create("Acme", Instant.now()));
        owner = data.user(business, Role.OWNER);
        admin = data.user(business, Role.ADMIN);
        reviewer = data.user(business, Role.REVIEWER);
        otherOwner = data.user(businesses.insert(Business.create("Other", Instant.now())), Role.OWNER);
    }

    @Test
    void theOwnerSeesTheBusinessesUsersOnly() throws Exception {
        mvc.perform(get("/users").with(as(owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(admin.getUsername())))
                .andExpect(content().string(containsString(reviewer.getUsername())))
                .andExpect(content().string(containsString("href=\"/users/" + admin.userId() + "\"")))
                .andExpect(content().string(not(containsString(otherOwner.getUsername()))));
    }

    @Test
    void theOwnerCreatesAUserWithAnEncodedPasswordAndItIsAudited() throws Exception {
        mvc.perform(post("/users").with(as(owner)).with(csrf()).params(newUser(" New.Admin@Acme.test ")))
                .andExpect(redirectedUrl("/users"))
                .andExpect(flash().attribute("flashMessage", "user.created"));
        PortalUser created = users.findByLoginEmail("new.admin@acme.test").orElseThrow();
        assertThat(created.businessId()).isEqualTo(business.id());
        assertThat(created.role()).isEqualTo(Role.ADMIN);
        assertThat(created.displayName()).isEqualTo("Nora New");
        assertThat(created.enabled()).isTrue();
        assertThat(created.passwordChangeRequired()).as("the owner knows it: the user must choose their own").isTrue();
        assertThat(created.passwordHash()).startsWith("{bcrypt}$2");
        assertThat(encoder.matches(PASSWORD, created.passwordHash())).isTrue();
        assertThat(auditDetails("USER_CREATED", created.id())).containsExactly("new.admin@acme.test as ADMIN");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE details LIKE ?").param("%" + PASSWORD + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void validationErrorsAreShownNextToTheFields() throws Exception {
        MultiValueMap<String, String> form = newUser("not-an-address");
        form.set("displayName", " ");
        form.set("password", "too short");
        form.set("passwordRepeat", "too short");
        mvc.perform(post("/users").with(as(owner)).with(csrf()).params(form))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This is not a valid e-mail address.")))
                .andExpect(content().string(containsString("Please fill this in.")))
                .andExpect(content().string(containsString("The password must have at least 12 characters.")))
                .andExpect(content().string(containsString("is-invalid")))
                // The submitted password is never echoed back into the page.
                .andExpect(content().string(not(containsString("too short"))));

        MultiValueMap<String, String> mismatch = newUser("mismatch@acme.test");
        mismatch.set("passwordRepeat", "something else entirely");
        mvc.perform(post("/users").with(as(owner)).with(csrf()).params(mismatch))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The two passwords differ.")));
        assertThat(users.findByLoginEmail("mismatch@acme.test")).isEmpty();
    }

    @Test
    void anEmailInUseAnywhereIsAFieldError() throws Exception {
        // Logins are global: an address of another business is taken too.
        mvc.perform(post("/users").with(as(owner)).with(csrf()).params(newUser(otherOwner.getUsername().toUpperCase())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This e-mail address is already in use.")))
                .andExpect(content().string(containsString("is-invalid")));
        assertThat(users.findAllByBusinessIdOrderByEmail(business.id())).hasSize(3);
    }

    @Test
    void theOwnerChangesARoleAndItIsAudited() throws Exception {
        mvc.perform(post("/users/" + reviewer.userId() + "/role").with(as(owner)).with(csrf()).param("role", "ADMIN"))
                .andExpect(redirectedUrl("/users/" + reviewer.userId()))
                .andExpect(flash().attribute("flashMessage", "user.roleChanged"));
        assertThat(stored(reviewer).role()).isEqualTo(Role.ADMIN);
        assertThat(auditDetails("USER_UPDATED", reviewer.userId())).containsExactly("role REVIEWER -> ADMIN");
    }

    @Test
    void theOwnerDisablesAndEnablesAUser() throws Exception {
        mvc.perform(post("/users/" + admin.userId() + "/disable").with(as(owner)).with(csrf()))
                .andExpect(redirectedUrl("/users/" + admin.userId()));
        assertThat(stored(admin).enabled()).isFalse();
        mvc.perform(get("/users/" + admin.userId()).with(as(owner)))
                .andExpect(content().string(containsString("/users/" + admin.userId() + "/enable")));
        mvc.perform(post("/users/" + admin.userId() + "/enable").with(as(owner)).with(csrf()))
                .andExpect(redirectedUrl("/users/" + admin.userId()));
        assertThat(stored(admin).enabled()).isTrue();
        assertThat(auditDetails("USER_UPDATED", admin.userId())).containsExactlyInAnyOrder("disabled", "enabled");
    }

    @Test
    void disablingAUserEndsTheSessionsTheyAreSignedInWith() throws Exception {
        Cookie session = signIn(reviewer);
        mvc.perform(get("/dashboard").cookie(session)).andExpect(status().isOk());
        mvc.perform(post("/users/" + reviewer.userId() + "/disable").with(as(owner)).with(csrf()))
                .andExpect(redirectedUrl("/users/" + reviewer.userId()));
        mvc.perform(get("/dashboard").cookie(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/login").with(csrf()).param("email", reviewer.getUsername()).param("password", PASSWORD))
                .andExpect(redirectedUrl("/login?error=disabled"));
    }

    @Test
    void theOwnerLiftsASignInDelay() throws Exception {
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/login").with(csrf()).with(from("198.51.100." + i)).param("email", admin.getUsername())
                    .param("password", "not the password"));
        }
        mvc.perform(post("/login").with(csrf()).with(from("198.51.100.9")).param("email", admin.getUsername())
                .param("password", PASSWORD)).andExpect(redirectedUrl("/login?error=throttled&wait=1"));
        mvc.perform(get("/users/" + admin.userId()).with(as(owner))).andExpect(content().string(containsString("UTC")))
                .andExpect(content().string(containsString("/users/" + admin.userId() + "/unlock")));
        mvc.perform(post("/users/" + admin.userId() + "/unlock").with(as(owner)).with(csrf()))
                .andExpect(redirectedUrl("/users/" + admin.userId()))
                .andExpect(flash().attribute("flashMessage", "user.unlocked"));
        assertThat(auditDetails("USER_UPDATED", admin.userId())).containsExactly("sign-in delay cleared");
        mvc.perform(post("/login").with(csrf()).with(from("198.51.100.9")).param("email", admin.getUsername())
                .param("password", PASSWORD)).andExpect(redirectedUrl("/"));
    }

    @Test
    void theOwnerResetsAPasswordAndTheOldOneStopsWorking() throws Exception {
        Cookie oldSession = signIn(admin);
        String newPassword = "a brand new passphrase";
        mvc.perform(post("/users/" + admin.userId() + "/password").with(as(owner)).with(csrf())
                        .param("password", newPassword).param("passwordRepeat", newPassword))
                .andExpect(redirectedUrl("/users/" + admin.userId()))
                .andExpect(flash().attribute("flashMessage", "user.passwordReset"));
        assertThat(encoder.matches(newPassword, stored(admin).passwordHash())).isTrue();
        assertThat(auditDetails("USER_UPDATED", admin.userId())).containsExactly("password reset");
        mvc.perform(get("/dashboard").cookie(oldSession)).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/login").with(csrf()).param("email", admin.getUsername()).param("password", PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        // the owner knows the new password: the user must replace it before anything else
        assertThat(stored(admin).passwordChangeRequired()).isTrue();
        mvc.perform(post("/login").with(csrf()).param("email", admin.getUsername()).param("password", newPassword))
                .andExpect(redirectedUrl("/account/password"));
    }

    @Test
    void aResetPasswordIsValidatedNextToItsField() throws Exception {
        mvc.perform(post("/users/" + admin.userId() + "/password").with(as(owner)).with(csrf())
                        .param("password", "short").param("passwordRepeat", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The password must have at least 12 characters.")))
                .andExpect(content().string(containsString("is-invalid")));
        assertThat(stored(admin).passwordHash()).isEqualTo(admin.getPassword());
    }

    @Test
    void adminsAndReviewersAreForbidden() throws Exception {
        for (PortalPrincipal notOwner : List.of(admin, reviewer)) {
            for (MockHttpServletRequestBuilder request : List.of(get("/users"), get("/users/new"),
                    get("/users/" + owner.userId()),
                    post("/users").params(newUser("sneaky@acme.test")),
                    post("/users/" + notOwner.userId() + "/role").param("role", "OWNER"),
                    post("/users/" + owner.userId() + "/disable"),
                    post("/users/" + owner.userId() + "/enable"),
                    post("/users/" + owner.userId() + "/unlock"),
                    post("/users/" + owner.userId() + "/password").param("password", PASSWORD)
                            .param("passwordRepeat", PASSWORD))) {
                mvc.perform(request.with(as(notOwner)).with(csrf())).andExpect(status().isForbidden());
            }
        }
        assertThat(stored(admin).role()).isEqualTo(Role.ADMIN);
        assertThat(stored(owner).enabled()).isTrue();
        assertThat(users.findByLoginEmail("sneaky@acme.test")).isEmpty();
    }

    @Test
    void anotherBusinessesUserIsNotFoundAndStaysUnchanged() throws Exception {
        String foreign = "/users/" + otherOwner.userId();
        mvc.perform(get(foreign).with(as(owner))).andExpect(status().isNotFound());
        for (MockHttpServletRequestBuilder request : List.of(post(foreign + "/role").param("role", "REVIEWER"),
                post(foreign + "/disable"), post(foreign + "/enable"), post(foreign + "/unlock"),
                post(foreign + "/password").param("password", "hijacked password").param("passwordRepeat",
                        "hijacked password"))) {
            mvc.perform(request.with(as(owner)).with(csrf())).andExpect(status().isNotFound());
        }
        PortalUser untouched = stored(otherOwner);
        assertThat(untouched.role()).isEqualTo(Role.OWNER);
        assertThat(untouched.enabled()).isTrue();
        assertThat(untouched.passwordHash()).isEqualTo(otherOwner.getPassword());
    }

    @Test
    void theLastEnabledOwnerCannotDemoteOrDisableThemselves() throws Exception {
        mvc.perform(post("/users/" + owner.userId() + "/role").with(as(owner)).with(csrf()).param("role", "ADMIN"))
                .andExpect(redirectedUrl("/users/" + owner.userId()))
                .andExpect(flash().attribute("errorMessage", "user.lastOwner"));
        mvc.perform(post("/users/" + owner.userId() + "/disable").with(as(owner)).with(csrf()))
                .andExpect(redirectedUrl("/users/" + owner.userId()))
                .andExpect(flash().attribute("errorMessage", "user.lastOwner"));
        assertThat(stored(owner).role()).isEqualTo(Role.OWNER);
        assertThat(stored(owner).enabled()).isTrue();
        assertThat(auditDetails("USER_UPDATED", owner.userId())).isEmpty();

        // A disabled second owner does not count.
        PortalPrincipal disabledOwner = data.user(business, Role.OWNER);
        users.updateAccount(business.id(), disabledOwner.userId(), "Dormant", Role.OWNER, false);
        mvc.perform(post("/users/" + owner.userId() + "/role").with(as(owner)).with(csrf()).param("role", "ADMIN"))
                .andExpect(flash().attribute("errorMessage", "user.lastOwner"));
        assertThat(stored(owner).role()).isEqualTo(Role.OWNER);
    }

    @Test
    void withAnotherEnabledOwnerTheOwnerMayStepDownAndIsSignedOut() throws Exception {
        PortalPrincipal secondOwner = data.user(business, Role.OWNER);
        mvc.perform(post("/users/" + owner.userId() + "/role").with(as(owner)).with(csrf()).param("role", "ADMIN"))
                .andExpect(redirectedUrl("/login?logout"));
        assertThat(stored(owner).role()).isEqualTo(Role.ADMIN);
        // Now the second owner is the last one.
        mvc.perform(post("/users/" + secondOwner.userId() + "/disable").with(as(secondOwner)).with(csrf()))
                .andExpect(flash().attribute("errorMessage", "user.lastOwner"));
        assertThat(stored(secondOwner).enabled()).isTrue();
    }


    /** Each test signs in from addresses of its own, so the per-address sign-in throttle of one never slows another. */
    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static RequestPostProcessor as(PortalPrincipal principal) {
        return user(principal);
    }

    /** Signs in through the login form, so the session is a real, stored Spring Session. */
    private Cookie signIn(PortalPrincipal principal) throws Exception {
        Cookie cookie = mvc.perform(post("/login").with(csrf()).param("email", principal.getUsername())
                        .param("password", PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie("SESSION");
        assertThat(cookie).isNotNull();
        return cookie;
    }

    private PortalUser stored(PortalPrincipal principal) {
        return users.findByBusinessIdAndId(principal.businessId(), principal.userId()).orElseThrow();
    }

    private List<String> auditDetails(String action, UUID userId) {
        return jdbc.sql("SELECT details FROM audit_event WHERE action = ? AND target_type = 'USER' AND target_id = ?")
                .param(action).param(userId.toString()).query(String.class).list();
    }

    private static MultiValueMap<String, String> newUser(String email) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("email", email);
        form.add("displayName", "Nora New");
        form.add("role", "ADMIN");
        form.add("password", PASSWORD);
        form.add("passwordRepeat", PASSWORD);
        return form;
    }
}
