package dev.livecheck.persistence.attempts;

/** An image's bytes to serve (never purged ones: those are not found). */
public record MediaContent(String contentType, byte[] bytes, String sha256) {
}
