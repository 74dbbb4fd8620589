package dev.livecheck.persistence.attempts;

import static dev.livecheck.persistence.support.Sql.ts;

import dev.livecheck.persistence.support.Sql;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

class MediaQueriesImpl implements MediaQueries {
    private final JdbcClient jdbc;

    MediaQueriesImpl(NamedParameterJdbcOperations jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    @Override
    public List<MediaMetadata> findMetadataBySession(UUID businessId, UUID sessionId) {
        return jdbc.sql("""
                        SELECT m.id, m.attempt_id, m.role, m.content_type, m.size_bytes, m.sha256, m.created_at, m.purged_at
                        FROM media m JOIN attempt a ON a.business_id = m.business_id AND a.id = m.attempt_id
                        WHERE m.business_id = :businessId AND a.session_id = :sessionId
                        ORDER BY a.attempt_number, m.role""")
                .param("businessId", businessId).param("sessionId", sessionId)
                .query((rs, n) -> new MediaMetadata(rs.getObject("id", UUID.class),
                        rs.getObject("attempt_id", UUID.class), MediaRole.valueOf(rs.getString("role")),
                        rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("sha256"),
                        Sql.instant(rs, "created_at"), Sql.instant(rs, "purged_at")))
                .list();
    }

    @Override
    public Optional<MediaContent> findContent(UUID businessId, UUID attemptId, MediaRole role) {
        return jdbc.sql("""
                        SELECT content_type, bytes, sha256 FROM media
                        WHERE business_id = :businessId AND attempt_id = :attemptId AND role = :role AND bytes IS NOT NULL""")
                .param("businessId", businessId).param("attemptId", attemptId).param("role", role.name())
                .query((rs, n) -> new MediaContent(rs.getString("content_type"), rs.getBytes("bytes"),
                        rs.getString("sha256")))
                .optional();
    }

    @Override
    public Optional<MediaContent> findContentById(UUID businessId, UUID sessionId, UUID mediaId) {
        return jdbc.sql("""
                        SELECT m.content_type, m.bytes, m.sha256
                        FROM media m JOIN attempt a ON a.business_id = m.business_id AND a.id = m.attempt_id
                        WHERE m.business_id = :businessId AND a.session_id = :sessionId AND m.id = :mediaId
                          AND m.bytes IS NOT NULL""")
                .param("businessId", businessId).param("sessionId", sessionId).param("mediaId", mediaId)
                .query((rs, n) -> new MediaContent(rs.getString("content_type"), rs.getBytes("bytes"),
                        rs.getString("sha256")))
                .optional();
    }

    @Override
    public int purgeById(UUID businessId, UUID sessionId, UUID mediaId, Instant now) {
        return jdbc.sql("""
                        UPDATE media SET bytes = NULL, purged_at = :now
                        WHERE business_id = :businessId AND id = :mediaId AND purged_at IS NULL
                          AND attempt_id IN (SELECT a.id FROM attempt a
                                             WHERE a.business_id = :businessId AND a.session_id = :sessionId)""")
                .param("now", ts(now)).param("businessId", businessId).param("mediaId", mediaId)
                .param("sessionId", sessionId)
                .update();
    }

    @Override
    public List<UUID> findBusinessesWithExpiredApiResources(Instant now) {
        return jdbc.sql("""
                        SELECT DISTINCT r.business_id
                        FROM session_api_request r
                        JOIN attempt a ON a.business_id = r.business_id AND a.session_id = r.session_id
                        JOIN media m ON m.business_id = a.business_id AND m.attempt_id = a.id
                        WHERE r.resources_expire_at < :now AND m.purged_at IS NULL""")
                .param("now", ts(now))
                .query((rs, n) -> rs.getObject("business_id", UUID.class))
                .list();
    }

    @Override
    public int purgeExpiredApiResources(UUID businessId, Instant now) {
        return jdbc.sql("""
                        UPDATE media SET bytes = NULL, purged_at = :now
                        WHERE business_id = :businessId AND purged_at IS NULL
                          AND attempt_id IN (SELECT a.id FROM attempt a JOIN session_api_request r
                                               ON r.business_id = a.business_id AND r.session_id = a.session_id
                                             WHERE a.business_id = :businessId AND r.resources_expire_at < :now)""")
                .param("now", ts(now)).param("businessId", businessId)
                .update();
    }

    @Override
    public List<RetentionPolicy> findAllRetentionPolicies() {
        return jdbc.sql("SELECT business_id, id, image_retention_days FROM check_profile ORDER BY business_id, id")
                .query((rs, n) -> new RetentionPolicy(rs.getObject("business_id", UUID.class),
                        rs.getObject("id", UUID.class), rs.getInt("image_retention_days")))
                .list();
    }

    @Override
    public int purgeCreatedBefore(UUID businessId, UUID profileId, Instant cutoff, Instant now) {
        return jdbc.sql("""
                        UPDATE media SET bytes = NULL, purged_at = :now
                        WHERE business_id = :businessId AND purged_at IS NULL AND created_at < :cutoff
                          AND attempt_id IN (SELECT a.id FROM attempt a JOIN verification_session s
                                               ON s.business_id = a.business_id AND s.id = a.session_id
                                             WHERE a.business_id = :businessId AND s.profile_id = :profileId)""")
                .param("now", ts(now)).param("businessId", businessId).param("cutoff", ts(cutoff))
                .param("profileId", profileId)
                .update();
    }
}
