package dev.livecheck.persistence.sessions;

import dev.livecheck.persistence.support.InsertOnly;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Verification sessions; every method is scoped by business except the capture-link lookup and the expiry sweep. */
public interface VerificationSessions extends Repository<VerificationSession, UUID>, InsertOnly<VerificationSession>,
        SessionQueries {

    Optional<VerificationSession> findByBusinessIdAndId(UUID businessId, UUID id);

    /** GLOBAL by nature: the capture link carries only the token; pass {@link CaptureTokens#hash(String)} of it. */
    @Query("SELECT * FROM verification_session WHERE capture_token_hash = :captureTokenHash")
    Optional<VerificationSession> findByCaptureTokenHash(String captureTokenHash);

    /** Records when the link was first opened (later opens keep the first time). */
    @Modifying
    @Query("""
            UPDATE verification_session SET link_opened_at = :at, version = version + 1
            WHERE business_id = :businessId AND id = :id AND link_opened_at IS NULL""")
    int markLinkOpened(UUID businessId, UUID id, Instant at);

    /**
     * Records the final decision if none is recorded yet: the conditional update makes it once-only across nodes.
     * Prefer {@link FinalDecisions#record}, which also applies the domain rule and writes the audit event.
     *
     * @return 1 if recorded, 0 if the session is unknown in this business or already decided
     */
    @Modifying
    @Query("""
            UPDATE verification_session SET final_decision = :decision, decided_by = :decidedBy, decided_at = :at,
              decision_note = :note, version = version + 1
            WHERE business_id = :businessId AND id = :id AND final_decision IS NULL""")
    int recordFinalDecision(UUID businessId, UUID id, FinalDecision decision, UUID decidedBy, Instant at,
                            @Nullable String note);

    /**
     * Takes one attempt slot for a decided attempt: increments attempts_used, sets the latest recommendation and
     * completes the session on APPROVE or when the last retry is used. The attempt is counted, so its challenge
     * sequence is used up (the next attempt draws a new one) and the lease of {@code leaseOwner} ends; a lease another
     * owner holds meanwhile (this one's ran out and another socket claimed the session) is left alone. Only an ONGOING
     * session with attempts left matches; the row lock of the UPDATE serialises concurrent callers, so max_retries (the
     * maximum number of attempts) is never exceeded.
     * Used by {@link dev.livecheck.persistence.attempts.AttemptRecorder} inside its transaction.
     *
     * @param leaseOwner the capture connection that ran the attempt; null if none held a lease for it
     * @return 1 if a slot was taken, 0 if the session is unknown here, not ONGOING or out of attempts
     */
    @Modifying
    @Query("""
            UPDATE verification_session SET attempts_used = attempts_used + 1,
              latest_recommendation = :recommendation,
              state = CASE WHEN :approve OR attempts_used + 1 >= max_retries THEN 'COMPLETED' ELSE state END,
              close_reason = CASE WHEN :approve THEN 'APPROVED'
                                  WHEN attempts_used + 1 >= max_retries THEN 'RETRIES_EXHAUSTED'
                                  ELSE close_reason END,
              completed_at = CASE WHEN :approve OR attempts_used + 1 >= max_retries THEN :at ELSE completed_at END,
              pending_challenges = NULL,
              attempt_lease_owner = CASE WHEN attempt_lease_owner = :leaseOwner THEN NULL ELSE attempt_lease_owner END,
              attempt_lease_until = CASE WHEN attempt_lease_owner = :leaseOwner THEN NULL ELSE attempt_lease_until END,
              version = version + 1
            WHERE business_id = :businessId AND id = :id AND state = 'ONGOING' AND attempts_used < max_retries""")
    int takeAttemptSlot(UUID businessId, UUID id, @Nullable String leaseOwner, Recommendation recommendation,
                        boolean approve, Instant at);

    /**
     * Claims the session's one running attempt for {@code owner} until {@code until}: only while the link the caller
     * holds ({@code captureTokenHash}) is still the session's (a "Resend with a new link" replaces it), the session
     * accepts attempts at {@code now} (ONGOING, attempts left, not expired, the rule of
     * {@link VerificationSession#acceptsAttemptsAt}) and no other owner holds an unexpired lease (a crashed node's lease
     * runs out by itself). One conditional UPDATE, so a resend or a second start cannot slip in between a check and
     * the claim; its row lock serialises two sockets or nodes starting at once: exactly one gets 1.
     *
     * @return 1 if claimed (or renewed by the same owner), 0 if another attempt runs, the link was replaced or the
     *         session accepts no attempt (read the row to tell which)
     */
    @Modifying
    @Query("""
            UPDATE verification_session SET attempt_lease_owner = :owner, attempt_lease_until = :until
            WHERE business_id = :businessId AND id = :id AND capture_token_hash = :captureTokenHash
              AND state = 'ONGOING' AND attempts_used < max_retries AND expires_at > :now
              AND (attempt_lease_owner IS NULL OR attempt_lease_until <= :now OR attempt_lease_owner = :owner)""")
    int claimAttemptLease(UUID businessId, UUID id, String captureTokenHash, String owner, Instant now,
                          Instant until);

    /**
     * Extends {@code owner}'s lease to {@code until} while its attempt is alive (frames keep coming, a challenge was
     * issued): only the owner's own lease, only while the session is ONGOING, so a lease another socket claimed after
     * this one's ran out is never taken back.
     *
     * @return 1 if renewed, 0 if {@code owner} no longer holds the lease or the session is closed
     */
    @Modifying
    @Query("""
            UPDATE verification_session SET attempt_lease_until = :until
            WHERE business_id = :businessId AND id = :id AND state = 'ONGOING' AND attempt_lease_owner = :owner""")
    int renewAttemptLease(UUID businessId, UUID id, String owner, Instant until);

    /** Ends the lease if {@code owner} still holds it (an attempt that ended without being counted or abandoned). */
    @Modifying
    @Query("""
            UPDATE verification_session SET attempt_lease_owner = NULL, attempt_lease_until = NULL
            WHERE business_id = :businessId AND id = :id AND attempt_lease_owner = :owner""")
    int releaseAttemptLease(UUID businessId, UUID id, String owner);

    /**
     * Stores {@code challenges} as the sequence of the session's next counted attempt, only if none is stored: of two
     * draws racing, the first UPDATE wins and the second matches no row. Read the winner with
     * {@link #findPendingChallenges}.
     *
     * @return 1 if this draw was stored, 0 if a sequence was already stored or the session is not ONGOING
     */
    @Modifying
    @Query("""
            UPDATE verification_session SET pending_challenges = :challenges
            WHERE business_id = :businessId AND id = :id AND state = 'ONGOING' AND pending_challenges IS NULL""")
    int storePendingChallenges(UUID businessId, UUID id, String challenges);

    /** The stored challenge sequence (Challenge names, comma-separated); empty if none is drawn. */
    @Query("SELECT pending_challenges FROM verification_session WHERE business_id = :businessId AND id = :id")
    Optional<String> findPendingChallenges(UUID businessId, UUID id);

    /**
     * Records an attempt abandoned after a challenge was issued (cancel, socket closed): counts it with its time and
     * the last step reached, ends {@code owner}'s lease and keeps the challenge sequence (the next attempt resumes it
     * from its first step). The abandon that reaches max_abandoned_attempts closes the session like an exhausted one:
     * COMPLETED, REJECT, reason TOO_MANY_ABANDONED.
     *
     * @return 1 if recorded, 0 if the session is unknown in this business or no longer ONGOING
     */
    @Modifying
    @Query("""
            UPDATE verification_session SET abandoned_attempts = abandoned_attempts + 1, last_abandoned_at = :at,
              last_abandoned_step = :step,
              state = CASE WHEN abandoned_attempts + 1 >= max_abandoned_attempts THEN 'COMPLETED' ELSE state END,
              close_reason = CASE WHEN abandoned_attempts + 1 >= max_abandoned_attempts THEN 'TOO_MANY_ABANDONED'
                                  ELSE close_reason END,
              latest_recommendation = CASE WHEN abandoned_attempts + 1 >= max_abandoned_attempts THEN 'REJECT'
                                           ELSE latest_recommendation END,
              completed_at = CASE WHEN abandoned_attempts + 1 >= max_abandoned_attempts THEN :at
                                  ELSE completed_at END,
              attempt_lease_owner = CASE WHEN attempt_lease_owner = :owner THEN NULL ELSE attempt_lease_owner END,
              attempt_lease_until = CASE WHEN attempt_lease_owner = :owner THEN NULL ELSE attempt_lease_until END,
              version = version + 1
            WHERE business_id = :businessId AND id = :id AND state = 'ONGOING'
              AND abandoned_attempts < max_abandoned_attempts""")
    int recordAbandonedAttempt(UUID businessId, UUID id, String owner, int step, Instant at);

    /**
     * Resend: an ONGOING session gets a new capture-token hash (the old link stops working) and a new expiry.
     *
     * @return 1 if replaced, 0 if the session is unknown in this business or no longer ONGOING
     */
    @Modifying
    @Query("""
            UPDATE verification_session SET capture_token_hash = :captureTokenHash, expires_at = :expiresAt,
              version = version + 1
            WHERE business_id = :businessId AND id = :id AND state = 'ONGOING'""")
    int replaceCaptureToken(UUID businessId, UUID id, String captureTokenHash, Instant expiresAt);

    /** Cancels an ONGOING session: the link stops working (state EXPIRED, reason CANCELLED). */
    @Modifying
    @Query("""
            UPDATE verification_session SET state = 'EXPIRED', close_reason = 'CANCELLED', completed_at = :at,
              version = version + 1
            WHERE business_id = :businessId AND id = :id AND state = 'ONGOING'""")
    int cancel(UUID businessId, UUID id, Instant at);

    /**
     * GLOBAL lifecycle job: every ONGOING portal session whose link expired before {@code now} becomes EXPIRED. Sessions
     * created through the API are left to {@link #findOverdueCreatedByApi} and {@link #expireOverdueSession}: each of
     * them is expired on its own, so its notifications are enqueued in the same transaction as its expiry.
     */
    @Modifying
    @Query("""
            UPDATE verification_session SET state = 'EXPIRED', close_reason = 'LINK_EXPIRED', completed_at = :now,
              version = version + 1
            WHERE state = 'ONGOING' AND expires_at < :now AND api_application_id IS NULL""")
    int expireOverdue(Instant now);

    /** GLOBAL lifecycle job: ONGOING sessions created through the API whose token expired before {@code now}. */
    @Query("""
            SELECT * FROM verification_session
            WHERE state = 'ONGOING' AND expires_at < :now AND api_application_id IS NOT NULL
            ORDER BY expires_at, id LIMIT :limit""")
    List<VerificationSession> findOverdueCreatedByApi(Instant now, int limit);

    /**
     * Expires one session whose link ran out before {@code now}, if it is still ONGOING: of two nodes sweeping at once,
     * exactly one gets 1 (and enqueues the session's notifications).
     */
    @Modifying
    @Query("""
            UPDATE verification_session SET state = 'EXPIRED', close_reason = 'LINK_EXPIRED', completed_at = :now,
              version = version + 1
            WHERE business_id = :businessId AND id = :id AND state = 'ONGOING' AND expires_at < :now""")
    int expireOverdueSession(UUID businessId, UUID id, Instant now);

    /**
     * Records the end user's biometric consent: the capture page opens its socket only after the person accepted
     * the consent text. Later sockets keep the first time.
     */
    @Modifying
    @Query("""
            UPDATE verification_session SET biometric_consent_at = :at, version = version + 1
            WHERE business_id = :businessId AND id = :id AND biometric_consent_at IS NULL""")
    int recordBiometricConsent(UUID businessId, UUID id, Instant at);

    /** Deletes the session with its attempts and media (ON DELETE CASCADE); outbox rows keep, unlinked. */
    @Modifying
    @Query("DELETE FROM verification_session WHERE business_id = :businessId AND id = :id")
    int deleteByBusinessIdAndId(UUID businessId, UUID id);
}
