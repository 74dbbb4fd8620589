package dev.livecheck.core.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The recordings in a directory: its sub-folders in name order, hidden ones (".git", ...) left out. */
final class RecordingFolders {

    private RecordingFolders() {
    }

    static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children
                    .filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        }
    }
}
