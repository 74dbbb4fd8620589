package dev.livecheck.portal.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Secrets the portal keeps in files (the link-sealing key, the setup code) are written to a temporary file that is
 * owner-only from its creation, never readable by others for a moment, and then moved or linked into place by the
 * caller, so a reader sees a whole file or none.
 */
public final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {
    }

    /** An empty owner-only temporary file in {@code dir} (created if missing), named {@code prefix…tmp}. */
    public static Path createTemp(Path dir, String prefix) throws IOException {
        Files.createDirectories(dir);
        try {
            return Files.createTempFile(dir, prefix, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Path temp = Files.createTempFile(dir, prefix, ".tmp");
            temp.toFile().setReadable(false, false);
            temp.toFile().setReadable(true, true);
            return temp;
        }
    }
}
