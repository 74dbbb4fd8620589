package dev.livecheck.persistence.attempts;

import java.util.Objects;

/** An image to store with a new attempt. */
public record NewMedia(MediaRole role, String contentType, byte[] bytes) {
    public NewMedia {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(bytes, "bytes");
    }
}
