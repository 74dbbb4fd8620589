package dev.livecheck.persistence.attempts;

import dev.livecheck.persistence.support.InsertOnly;
import java.util.UUID;
import org.springframework.data.repository.Repository;

/** The images of attempts. Insert them through {@link AttemptRecorder}; read metadata and bytes here. */
public interface MediaFiles extends Repository<Media, UUID>, InsertOnly<Media>, MediaQueries {
}
