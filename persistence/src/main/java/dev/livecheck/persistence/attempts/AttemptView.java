package dev.livecheck.persistence.attempts;

import java.util.List;

/** An attempt with the metadata (no bytes) of its images, for the session page. */
public record AttemptView(Attempt attempt, List<MediaMetadata> media) {
}
