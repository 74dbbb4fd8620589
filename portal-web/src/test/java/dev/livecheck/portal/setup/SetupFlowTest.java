package dev.livecheck.portal.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.hamcrest.Matchers.containsString;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * First run on an empty database: everything leads to /setup until the business exists, then /setup is gone; only
 * the setup code from the log and its file opens it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:setup;DB_CLOSE_DELAY=-1",
                "livecheck.setup-code-file=target/setup-flow/setup-code"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SetupFlowTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    static final Path CODE_FILE = Path.of("target/setup-flow/setup-code");

    @Test
    void setupCreatesBusinessAndOwnerOnceThenDisappears() throws Exception {
        String code = Files.readString(CODE_FILE).strip();
        mvc.perform(get("/sessions")).andExpect(redirectedUrl("/setup"));
        mvc.perform(get("/login")).andExpect(redirectedUrl("/setup"));
        // the session API answers programs in JSON, also before the first business exists
        mvc.perform(get("/idverify/v1/sessions/" + java.util.UUID.randomUUID()))
                .andExpect(status().isUnauthorized());
        String form = mvc.perform(get("/setup")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        for (String field : new String[] {"setupCode", "businessName", "ownerName", "email", "password", "passwordRepeat"}) {
            // every field once: a fragment named like an element ("input") would pull in every <input> again
            assertThat(form.split("name=\"" + field + "\"", -1)).as(field).hasSize(2);
        }

        // Whoever merely reaches the port: without the code, or with a wrong one, nothing is created.
        mvc.perform(post("/setup").with(csrf()).param("businessName", "Mallory Inc").param("ownerName", "Mallory")
                        .param("email", "mallory@evil.test").param("password", "long enough pass")
                        .param("passwordRepeat", "long enough pass"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("is-invalid")));
        mvc.perform(post("/setup").with(csrf()).param("setupCode", "AAAA-BBBB-CCCC").param("businessName", "Mallory Inc")
                        .param("ownerName", "Mallory").param("email", "mallory@evil.test")
                        .param("password", "long enough pass").param("passwordRepeat", "long enough pass"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("not the setup code")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM business").query(Long.class).single()).isZero();
        mvc.perform(get("/login")).andExpect(redirectedUrl("/setup"));

        mvc.perform(post("/setup").with(csrf()).param("setupCode", code).param("businessName", "Acme").param("ownerName", "Olivia")
                        .param("email", "olivia@acme.test").param("password", "short").param("passwordRepeat", "short"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("is-invalid")));
        mvc.perform(post("/setup").with(csrf()).param("businessName", "Acme").param("ownerName", "Olivia")
                        .param("email", "olivia@acme.test").param("password", "long enough pass")
                        .param("passwordRepeat", "different pass!").param("setupCode", code))
                .andExpect(status().isOk()).andExpect(content().string(containsString("differ")));

        mvc.perform(post("/setup").with(csrf()).param("businessName", "Acme").param("ownerName", "Olivia")
                        .param("email", "Olivia@Acme.test").param("password", "long enough pass")
                        .param("passwordRepeat", "long enough pass").param("setupCode", code.toLowerCase()))
                .andExpect(redirectedUrl("/login?setup"));
        assertThat(CODE_FILE).as("the used code is deleted").doesNotExist();

        assertThat(jdbc.sql("SELECT role FROM portal_user WHERE email = 'olivia@acme.test'").query(String.class).single())
                .isEqualTo("OWNER");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action IN ('BUSINESS_CREATED', 'USER_CREATED')")
                .query(Long.class).single()).isEqualTo(2);
        mvc.perform(get("/setup")).andExpect(status().isNotFound());
        mvc.perform(post("/setup").with(csrf()).param("businessName", "Evil").param("ownerName", "E")
                .param("email", "e@evil.test").param("password", "long enough pass").param("setupCode", code)
                .param("passwordRepeat", "long enough pass")).andExpect(status().isNotFound());
        mvc.perform(get("/login")).andExpect(status().isOk());
    }
}
