package dev.livecheck.portal.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The setup code of a fresh installation: where it appears, who may read it, and guessing it. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:setup-code;DB_CLOSE_DELAY=-1",
        "livecheck.setup-code-file=target/setup-code-tests/setup-code",
        "livecheck.public-base-url=https://portal.example:8443"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SetupCodeTest {
    private static final Path FILE = Path.of("target/setup-code-tests/setup-code");
    private static final Pattern LOG_LINE = Pattern.compile(
            "Setup code: ([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}) \\(open https://portal.example:8443/setup and enter it");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theCodeIsLoggedWithTheUrlAndWrittenForTheOwnerOnly(CapturedOutput output) throws Exception {
        Matcher logged = LOG_LINE.matcher(output.getAll());
        assertThat(logged.find()).as("one log line with the code and the URL to open").isTrue();
        assertThat(Files.readString(FILE).strip()).isEqualTo(logged.group(1));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(FILE))).isEqualTo("rw-------");

        // ten wrong codes replace the code, so guessing never gets past ten tries per code
        String before = logged.group(1);
        for (int i = 0; i < SetupCode.MAX_WRONG_ENTRIES; i++) {
            mvc.perform(attempt("WRONG-CODE-" + i)).andExpect(status().isOk())
                    .andExpect(content().string(containsString("not the setup code")));
        }
        String after = Files.readString(FILE).strip();
        assertThat(after).isNotEqualTo(before);
        assertThat(output.getAll()).contains("Setup code: " + after);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(FILE))).isEqualTo("rw-------");
        // the old code, even when right all along, no longer opens setup
        mvc.perform(attempt(before)).andExpect(content().string(containsString("not the setup code")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM business").query(Long.class).single()).isZero();
        // the new one does
        mvc.perform(attempt(after)).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM business").query(Long.class).single()).isOne();
        assertThat(FILE).doesNotExist();
    }

    private static MockHttpServletRequestBuilder attempt(String code) {
        return post("/setup").with(csrf()).param("setupCode", code).param("businessName", "Acme")
                .param("ownerName", "Olivia").param("email", "olivia@acme.test")
                .param("password", "a long enough pass").param("passwordRepeat", "a long enough pass");
    }
}
