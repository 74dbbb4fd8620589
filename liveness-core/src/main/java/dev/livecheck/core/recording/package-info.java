/** The on-disk recording format (docs/recording-format.md): a folder of JPEG frames with timestamps and challenges. */
@NullMarked
package dev.livecheck.core.recording;

import org.jspecify.annotations.NullMarked;
