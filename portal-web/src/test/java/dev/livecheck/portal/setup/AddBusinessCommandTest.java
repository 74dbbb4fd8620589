package dev.livecheck.portal.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The operator's command that adds businesses, run as the jar runs it (the portal's own configuration, no web server)
 * against a fresh H2 file database, then read back with plain JDBC.
 */
class AddBusinessCommandTest {
    private static final Map<String, String> PASSWORD = Map.of(AddBusinessCommand.PASSWORD_VARIABLE,
            "correct horse battery staple");

    @TempDir
    Path dir;
    String url;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void database() {
        url = "jdbc:h2:file:" + dir.resolve("livecheck") + ";WRITE_DELAY=0";
    }

    @Test
    void addsBusinessesWithTheirOwnersAndAuditsThem() throws Exception {
        assertThat(run(PASSWORD, "--name", "Alpha", "--owner-name", "Ann Alpha", "--owner-email", "Ann@Alpha.example"))
                .isZero();
        assertThat(text(out)).contains("Created business 'Alpha'", "OWNER ann@alpha.example");
        assertThat(run(PASSWORD, "--name", "Beta", "--owner-name", "Bea Beta", "--owner-email", "bea@beta.example"))
                .isZero();

        List<String> owners = query("SELECT b.name || ' ' || u.email || ' ' || u.role FROM portal_user u "
                + "JOIN business b ON b.id = u.business_id ORDER BY b.name");
        assertThat(owners).containsExactly("Alpha ann@alpha.example OWNER", "Beta bea@beta.example OWNER");
        String hash = query("SELECT password_hash FROM portal_user WHERE email = 'bea@beta.example'").get(0);
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("correct horse battery staple", hash)).isTrue();
        assertThat(query("SELECT details FROM audit_event WHERE action = 'BUSINESS_CREATED'"))
                .containsOnly("created by add-business command").hasSize(2);
    }

    @Test
    void anEmailThatIsAlreadyAnAccountIsRefusedAndNothingIsCreated() throws Exception {
        run(PASSWORD, "--name", "Alpha", "--owner-name", "Ann", "--owner-email", "ann@alpha.example");

        assertThat(run(PASSWORD, "--name", "Copycat", "--owner-name", "Ann", "--owner-email", "ann@alpha.example"))
                .isEqualTo(1);
        assertThat(text(err)).contains("ann@alpha.example is already an account", "nothing was created");
        assertThat(query("SELECT name FROM business")).containsExactly("Alpha");
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsReportedInOneLineAndNothingIsCreated() {
        url = "jdbc:postgresql://127.0.0.1:1/nothing-listens-here";
        assertThat(run(PASSWORD, "--name", "Alpha", "--owner-name", "Ann", "--owner-email", "ann@alpha.example"))
                .isEqualTo(1);
        assertThat(text(err)).startsWith("add-business: could not open the database: ")
                .contains("Nothing was created").doesNotContain("\tat ");
        assertThat(text(out)).isEmpty();
    }

    @Test
    void wrongArgumentsGetTheUsageAndTouchNoDatabase() {
        assertThat(run(PASSWORD, "--name", "Alpha", "--owner-name", "Ann")).isEqualTo(2);
        assertThat(text(err)).contains("--owner-email is required", "usage:");
        assertThat(run(PASSWORD, "--name", "Alpha", "--owner-name", "Ann", "--owner-email", "not-an-address"))
                .isEqualTo(2);
        assertThat(run(Map.of(AddBusinessCommand.PASSWORD_VARIABLE, "short"), "--name", "Alpha", "--owner-name",
                "Ann", "--owner-email", "ann@alpha.example")).isEqualTo(2);
        assertThat(text(err)).contains("the owner's password must have at least 12 characters");
        // the setup page's whole policy: not a common password, at most 72 bytes in UTF-8
        assertThat(run(Map.of(AddBusinessCommand.PASSWORD_VARIABLE, "qwerty123456"), "--name", "Alpha",
                "--owner-name", "Ann", "--owner-email", "ann@alpha.example")).isEqualTo(2);
        assertThat(text(err)).contains("is one of the 10,000 most common passwords");
        assertThat(run(Map.of(AddBusinessCommand.PASSWORD_VARIABLE, "é".repeat(37)), "--name", "Alpha",
                "--owner-name", "Ann", "--owner-email", "ann@alpha.example")).isEqualTo(2);
        assertThat(text(err)).contains("at most 72 bytes in UTF-8");
        assertThat(run(PASSWORD, "--name", "--owner-name", "Ann", "--owner-email", "ann@alpha.example")).isEqualTo(2);
        assertThat(text(err)).contains("--name needs a value");
        assertThat(run(PASSWORD, "--name", "Alpha", "--colour", "red")).isEqualTo(2);
        assertThat(text(err)).contains("unknown argument --colour");
        assertThat(dir.resolve("livecheck.mv.db")).doesNotExist();
    }

    private int run(Map<String, String> environment, String... options) {
        List<String> args = new ArrayList<>(List.of(AddBusinessCommand.NAME));
        args.addAll(List.of(options));
        args.add("--spring.datasource.url=" + url);
        args.add("--livecheck.link-key-file=" + dir.resolve("link.key"));
        return AddBusinessCommand.run(args.toArray(String[]::new), environment,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); ResultSet rs = c.createStatement()
                .executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
