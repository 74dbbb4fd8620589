package dev.livecheck.persistence.attempts;

/** Which of an attempt's three images. */
public enum MediaRole {
    FRONTAL_START, CHALLENGE, FRONTAL_END
}
