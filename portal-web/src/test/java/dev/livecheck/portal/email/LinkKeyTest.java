package dev.livecheck.portal.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The link-sealing key: a wrong length refused at start with the setting's name; the key file created owner-only,
 * atomically, once even when several processes start together; a database backup alone never unseals.
 */
class LinkKeyTest {
    @TempDir
    Path dir;

    @Test
    void aKeyOfTheWrongLengthOrNotBase64StopsTheStartWithTheSettingsName() {
        String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> new LinkSealer(sixteenBytes, dir.resolve("unused")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("livecheck.link-key").hasMessageContaining("holds 16 bytes")
                .hasMessageContaining("exactly 32");
        assertThatThrownBy(() -> new LinkSealer("not base64 at all!", dir.resolve("unused")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not Base64");
        assertThat(dir.resolve("unused")).doesNotExist();
    }

    @Test
    void aDamagedKeyFileStopsTheStartNamingTheFile() throws Exception {
        Path file = dir.resolve("link.key");
        Files.writeString(file, Base64.getEncoder().encodeToString(new byte[31]));
        assertThatThrownBy(() -> new LinkSealer("", file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("holds 31 bytes");
    }

    @Test
    void theKeyFileIsCreatedOwnerOnlyAndReusedAfterwards() throws Exception {
        Path file = dir.resolve("data").resolve("link.key");
        LinkSealer first = new LinkSealer("", file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        String sealed = first.sealValue("secret");
        assertThat(new LinkSealer("", file).openValue(sealed)).isEqualTo("secret");
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers).as("no temporary file left").containsExactly(file);
        }
    }

    @Test
    void processesStartingTogetherShareOneKey() throws Exception {
        Path file = dir.resolve("link.key");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> starts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                starts.add(() -> new LinkSealer("", file).sealValue("x"));
            }
            Set<String> opened = new HashSet<>();
            LinkSealer survivor = null;
            for (Future<String> sealed : pool.invokeAll(starts)) {
                survivor = survivor == null ? new LinkSealer("", file) : survivor;
                opened.add(survivor.openValue(sealed.get()));
            }
            assertThat(opened).containsExactly("x");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSealedValueDoesNotOpenWithoutTheKeyFileThatIsNotInTheDatabase() throws Exception {
        String sealed = new LinkSealer("", dir.resolve("a.key")).sealValue("https://portal/c/token");
        // a restore of the database alone, on a machine without the key file, gets a new key: nothing opens
        LinkSealer restoredWithoutKey = new LinkSealer("", dir.resolve("b.key"));
        assertThatThrownBy(() -> restoredWithoutKey.openValue(sealed)).isInstanceOf(IllegalStateException.class);
    }
}
