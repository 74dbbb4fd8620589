package dev.livecheck.portal.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal process is killed with SIGKILL while it stores attempts into its default database (the shipped
 * application.yml, H2 file with WRITE_DELAY=0): every attempt it acknowledged, with its three images, must be
 * there when the database is opened again.
 */
class PortalDurabilityTest {

    private static final int ACKS_BEFORE_KILL = 60;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void everyAcknowledgedAttemptSurvivesAKilledPortal(@TempDir Path workDir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process portal = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                PortalProcess.class.getName())
                .directory(workDir.toFile())
                .redirectError(workDir.resolve("portal-stderr.txt").toFile())
                .start();
        List<UUID> acknowledged = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(portal.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < ACKS_BEFORE_KILL && (line = lines.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(UUID.fromString(line.substring(4).trim()));
                }
            }
        } finally {
            portal.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, H2 is never closed
            assertThat(portal.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).as("acknowledged before the portal ended; see portal-stderr.txt in " + workDir)
                .hasSize(ACKS_BEFORE_KILL);

        String url = "jdbc:h2:file:" + workDir.resolve("data").resolve("livecheck").toAbsolutePath();
        try (Connection db = DriverManager.getConnection(url, "sa", "");
                PreparedStatement images = db.prepareStatement(
                        "SELECT COUNT(*) FROM media WHERE attempt_id = ? AND bytes IS NOT NULL")) {
            for (UUID id : acknowledged) {
                images.setObject(1, id);
                try (ResultSet rs = images.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("images of acknowledged attempt " + id).isEqualTo(3);
                }
            }
        }
    }
}
