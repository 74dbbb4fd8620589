package dev.livecheck.core.attempt;

import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * A 64-bit fingerprint of a frame's bytes (two different CRCs side by side), to tell the same image sent again from
 * the next one: two different camera frames share it about once in 2^64. Not a defence against a chosen collision,
 * which would only make the sender's own frame count as a repeat.
 */
final class ImageFingerprint {

    /** The fingerprint before any image. */
    static final long NONE = 0;

    private ImageFingerprint() {
    }

    static long of(byte[] bytes) {
        CRC32C castagnoli = new CRC32C();
        castagnoli.update(bytes);
        CRC32 ieee = new CRC32();
        ieee.update(bytes);
        return castagnoli.getValue() << 32 | ieee.getValue();
    }
}
