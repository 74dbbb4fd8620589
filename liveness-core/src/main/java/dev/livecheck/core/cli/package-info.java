/** The command line ({@code liveness-cli}): {@code evaluate} judges recordings, {@code bench} measures the engine. */
@NullMarked
package dev.livecheck.core.cli;

import org.jspecify.annotations.NullMarked;
