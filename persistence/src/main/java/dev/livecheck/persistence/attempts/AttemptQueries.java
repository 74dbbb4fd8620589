package dev.livecheck.persistence.attempts;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of the session page: attempts in order, each with its images' metadata. */
@Service
public class AttemptQueries {
    private final Attempts attempts;
    private final MediaFiles media;

    public AttemptQueries(Attempts attempts, MediaFiles media) {
        this.attempts = attempts;
        this.media = media;
    }

    @Transactional(readOnly = true)
    public List<AttemptView> attemptsOfSession(UUID businessId, UUID sessionId) {
        Map<UUID, List<MediaMetadata>> byAttempt = media.findMetadataBySession(businessId, sessionId).stream()
                .collect(Collectors.groupingBy(MediaMetadata::attemptId));
        return attempts.findAllByBusinessIdAndSessionIdOrderByAttemptNumber(businessId, sessionId).stream()
                .map(a -> new AttemptView(a, byAttempt.getOrDefault(a.id(), List.of())))
                .toList();
    }
}
