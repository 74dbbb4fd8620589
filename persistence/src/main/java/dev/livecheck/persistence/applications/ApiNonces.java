package dev.livecheck.persistence.applications;

import java.time.Instant;
import java.util.UUID;
import dev.livecheck.persistence.support.Sql;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nonces of signed requests. The primary key (application, nonce) decides a replay, so the rule holds across portal
 * nodes and between two threads at once: exactly one insert wins. Registered by
 * {@link dev.livecheck.persistence.PersistenceConfiguration}.
 */
public class ApiNonces {

    private final JdbcClient jdbc;

    public ApiNonces(NamedParameterJdbcOperations jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    /**
     * Records the nonce in its own transaction (a later failure of the request must not free it for a replay).
     *
     * @return true the first time this application presents this nonce; false for a replay, and for an application
     *     that is not this business's (nothing is recorded then)
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean claim(UUID businessId, UUID applicationId, String nonce, Instant seenAt) {
        try {
            return jdbc.sql("""
                    INSERT INTO api_nonce (application_id, nonce, seen_at)
                    SELECT id, :nonce, :seenAt FROM api_application WHERE business_id = :businessId AND id = :id""")
                    .param("nonce", nonce).param("seenAt", Sql.ts(seenAt))
                    .param("businessId", businessId).param("id", applicationId).update() == 1;
        } catch (DuplicateKeyException replay) {
            return false;
        }
    }

    /** GLOBAL housekeeping: nonces older than the timestamp window can no longer be replayed (their timestamp fails). */
    @Transactional
    public int purgeSeenBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM api_nonce WHERE seen_at < :cutoff")
                .param("cutoff", Sql.ts(cutoff)).update();
    }
}
