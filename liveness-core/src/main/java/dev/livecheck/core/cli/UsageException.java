package dev.livecheck.core.cli;

/** The command line cannot be followed; the CLI prints the message and the usage, then exits with status 2. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }
}
