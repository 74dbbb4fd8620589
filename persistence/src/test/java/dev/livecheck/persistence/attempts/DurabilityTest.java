package dev.livecheck.persistence.attempts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.persistence.support.Sha256;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability of the default database: a child JVM stores attempts into an H2 FILE database with WRITE_DELAY=0 and
 * acknowledges each commit on stdout; after about 100 acknowledgements it is killed with SIGKILL. Every acknowledged
 * attempt and its three images must be there afterwards, and the counters must agree with the rows.
 */
class DurabilityTest {
    private static final int ACKS_BEFORE_KILL = 100;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void everyAcknowledgedAttemptSurvivesSigkill(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("data").resolve("livecheck").toAbsolutePath() + ";WRITE_DELAY=0";
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DurabilityWriter.class.getName(), url)
                .redirectError(dir.resolve("child-stderr.txt").toFile())
                .start();
        List<UUID> acknowledged = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < ACKS_BEFORE_KILL && (line = lines.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(UUID.fromString(line.substring(4).trim()));
                }
            }
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no H2 close
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).as("acks before the child ended; see " + new File(dir.toFile(), "child-stderr.txt"))
                .hasSize(ACKS_BEFORE_KILL);

        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (PreparedStatement attempt = c.prepareStatement("SELECT COUNT(*) FROM attempt WHERE id = ?");
                 PreparedStatement media = c.prepareStatement("SELECT role, bytes, sha256, size_bytes FROM media WHERE attempt_id = ?")) {
                for (UUID id : acknowledged) {
                    attempt.setObject(1, id);
                    try (ResultSet rs = attempt.executeQuery()) {
                        rs.next();
                        assertThat(rs.getInt(1)).as("attempt " + id).isEqualTo(1);
                    }
                    media.setObject(1, id);
                    int images = 0;
                    try (ResultSet rs = media.executeQuery()) {
                        while (rs.next()) {
                            images++;
                            byte[] bytes = rs.getBytes("bytes");
                            assertThat(bytes).hasSize(rs.getInt("size_bytes"));
                            assertThat(Sha256.hex(bytes)).isEqualTo(rs.getString("sha256"));
                        }
                    }
                    assertThat(images).as("images of " + id).isEqualTo(3);
                }
            }
            try (Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("""
                        SELECT COUNT(*) FROM verification_session v
                        WHERE v.attempts_used <> (SELECT COUNT(*) FROM attempt a WHERE a.session_id = v.id)""")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("sessions whose counter disagrees with their attempts").isZero();
                }
                try (ResultSet rs = s.executeQuery("""
                        SELECT COUNT(*) FROM attempt a
                        WHERE (SELECT COUNT(*) FROM media m WHERE m.attempt_id = a.id) <> 3""")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("attempts without exactly three images").isZero();
                }
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM attempt")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
                }
            }
        }
    }
}
