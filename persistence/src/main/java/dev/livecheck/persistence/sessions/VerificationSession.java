package dev.livecheck.persistence.sessions;

import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.support.EmailAddresses;
import dev.livecheck.persistence.support.StoredAs;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One liveness check sent to one recipient. {@code maxAttempts} (column and API {@code max_retries}: the maximum number
 * of attempts, not of retries) is copied from the profile at creation, so editing
 * the profile never changes running sessions. Counters and state change only through
 * {@link dev.livecheck.persistence.attempts.AttemptRecorder} and the conditional updates of
 * {@link VerificationSessions}.
 */
@Table
public record VerificationSession(@Id UUID id, UUID businessId, UUID profileId, @Nullable String recipientName,
                                  @Nullable String recipientEmail, @Nullable String trackingId, String captureTokenHash,
                                  SessionState state, @Nullable CloseReason closeReason,
                                  @Nullable Recommendation latestRecommendation, int attemptsUsed,
                                  @StoredAs("max_retries") int maxAttempts, Instant expiresAt, Instant createdAt,
                                  @Nullable Instant completedAt, @Nullable Instant linkOpenedAt,
                                  @Nullable FinalDecision finalDecision, @Nullable UUID decidedBy,
                                  @Nullable Instant decidedAt, @Nullable String decisionNote,
                                  @Nullable UUID apiApplicationId, @Nullable Instant biometricConsentAt,
                                  @Version @Nullable Long version, int abandonedAttempts, int maxAbandonedAttempts,
                                  @Nullable Instant lastAbandonedAt, @Nullable Integer lastAbandonedStep) {
    /** {@code recipient_name VARCHAR(200)}; the recipient's e-mail follows {@link EmailAddresses}. */
    public static final int MAX_RECIPIENT_NAME_LENGTH = 200;
    /** {@code tracking_id VARCHAR(200)}: the portal form and the API's {@code user_tracking_id}. */
    public static final int MAX_TRACKING_ID_LENGTH = 200;
    /** {@code decision_note VARCHAR(2000)}. */
    public static final int MAX_DECISION_NOTE_LENGTH = 2000;

    /** The canonical constructor reads rows; the shorter one below is for sessions with no abandoned attempt. */
    @PersistenceCreator
    public VerificationSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(createdAt, "createdAt");
        // A session created through the API names its application instead of a recipient (both, or neither).
        boolean needsRecipient = apiApplicationId == null;
        if ((needsRecipient || recipientName != null)
                && (recipientName == null || recipientName.isBlank()
                    || recipientName.length() > MAX_RECIPIENT_NAME_LENGTH)) {
            throw new IllegalArgumentException("recipient name must be 1-" + MAX_RECIPIENT_NAME_LENGTH + " characters");
        }
        // the constructor also reads rows back: only the stored shape here, the full rule in open(...)
        if ((needsRecipient || recipientEmail != null)
                && !EmailAddresses.isStorable(recipientEmail)) {
            throw new IllegalArgumentException("recipient e-mail is not an address");
        }
        if (trackingId != null && trackingId.length() > MAX_TRACKING_ID_LENGTH) {
            throw new IllegalArgumentException("tracking id must be at most " + MAX_TRACKING_ID_LENGTH + " characters");
        }
        if (captureTokenHash == null || !captureTokenHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("captureTokenHash must be a SHA-256 hex digest (see CaptureTokens.hash)");
        }
        if (maxAbandonedAttempts < CheckProfile.MIN_MAX_ABANDONED_ATTEMPTS
                || maxAbandonedAttempts > CheckProfile.MAX_MAX_ABANDONED_ATTEMPTS
                || abandonedAttempts < 0 || abandonedAttempts > maxAbandonedAttempts) {
            throw new IllegalArgumentException("abandoned attempts must be 0-" + maxAbandonedAttempts
                    + " of at most " + CheckProfile.MAX_MAX_ABANDONED_ATTEMPTS);
        }
    }

    /** A session with no abandoned attempt yet and the default limit for them (rows written before V5, fixtures). */
    public VerificationSession(UUID id, UUID businessId, UUID profileId, @Nullable String recipientName,
                               @Nullable String recipientEmail, @Nullable String trackingId, String captureTokenHash,
                               SessionState state, @Nullable CloseReason closeReason,
                               @Nullable Recommendation latestRecommendation, int attemptsUsed, int maxAttempts,
                               Instant expiresAt, Instant createdAt, @Nullable Instant completedAt,
                               @Nullable Instant linkOpenedAt, @Nullable FinalDecision finalDecision,
                               @Nullable UUID decidedBy, @Nullable Instant decidedAt, @Nullable String decisionNote,
                               @Nullable UUID apiApplicationId, @Nullable Instant biometricConsentAt,
                               @Nullable Long version) {
        this(id, businessId, profileId, recipientName, recipientEmail, trackingId, captureTokenHash, state,
                closeReason, latestRecommendation, attemptsUsed, maxAttempts, expiresAt, createdAt, completedAt,
                linkOpenedAt, finalDecision, decidedBy, decidedAt, decisionNote, apiApplicationId, biometricConsentAt,
                version, 0, CheckProfile.DEFAULT_MAX_ABANDONED_ATTEMPTS, null, null);
    }

    /** A new ONGOING session for the profile; the link expires after the profile's lifetime. */
    public static VerificationSession open(CheckProfile profile, String recipientName, String recipientEmail,
                                           @Nullable String trackingId, String captureTokenHash, Instant now) {
        if (profile.archived()) {
            throw new IllegalArgumentException("profile " + profile.id() + " is archived");
        }
        return new VerificationSession(UUID.randomUUID(), profile.businessId(), profile.id(), recipientName.strip(),
                EmailAddresses.require(recipientEmail.strip(), "the recipient e-mail"), trackingId, captureTokenHash,
                SessionState.ONGOING, null, null, 0,
                profile.maxAttempts(), now.plus(Duration.ofHours(profile.linkLifetimeHours())), now, null, null, null,
                null, null, null, null, null, null, 0, profile.maxAbandonedAttempts(), null, null);
    }

    /**
     * A new ONGOING session requested by an API application: no recipient, the caller's own attempt limit and
     * token lifetime (validated by the API against the same rules as a profile).
     */
    public static VerificationSession openForApi(CheckProfile profile, UUID applicationId, int maxAttempts,
                                                 @Nullable String trackingId, String captureTokenHash,
                                                 Instant expiresAt, Instant now) {
        return openForApi(profile, applicationId, maxAttempts, profile.maxAbandonedAttempts(), trackingId,
                captureTokenHash, expiresAt, now);
    }

    /** As above with the caller's own limit of abandoned attempts (the API's {@code max_abandoned_attempts}). */
    public static VerificationSession openForApi(CheckProfile profile, UUID applicationId, int maxAttempts,
                                                 int maxAbandonedAttempts, @Nullable String trackingId,
                                                 String captureTokenHash,
                                                 Instant expiresAt, Instant now) {
        Objects.requireNonNull(applicationId, "applicationId");
        if (profile.archived()) {
            throw new IllegalArgumentException("profile " + profile.id() + " is archived");
        }
        return new VerificationSession(UUID.randomUUID(), profile.businessId(), profile.id(), null, null, trackingId,
                captureTokenHash, SessionState.ONGOING, null, null, 0, maxAttempts, expiresAt, now, null, null, null,
                null, null, null, applicationId, null, null, 0, maxAbandonedAttempts, null, null);
    }

    public boolean createdByApi() {
        return apiApplicationId != null;
    }

    /** Closed because too many attempts were abandoned after a challenge was issued. */
    public boolean closedByAbandons() {
        return closeReason == CloseReason.TOO_MANY_ABANDONED;
    }

    /**
     * The one rule for attempts left, whatever the time: an ONGOING session has {@code maxAttempts - attemptsUsed}, a
     * closed one none. {@link VerificationSessions#takeAttemptSlot} repeats it in SQL ({@code state = 'ONGOING' AND
     * attempts_used < max_retries}, closing the session when the last one is used); {@code AttemptSlotRuleTest} holds
     * the two together.
     */
    public int attemptsLeft() {
        return state == SessionState.ONGOING ? Math.max(0, maxAttempts - attemptsUsed) : 0;
    }

    /** Attempts left at {@code now}: none once the link has expired, even before the expiry sweep closes it. */
    public int attemptsLeftAt(Instant now) {
        return expiresAt.isAfter(now) ? attemptsLeft() : 0;
    }

    /** True while the capture link may start another attempt at {@code now}. */
    public boolean acceptsAttemptsAt(Instant now) {
        return attemptsLeftAt(now) > 0;
    }

    /**
     * The domain rule: a final decision is recorded once. Returns the session with the decision; the repository's
     * conditional update ({@link VerificationSessions#recordFinalDecision}) enforces the same rule across nodes.
     */
    public VerificationSession withFinalDecision(FinalDecision decision, UUID by, Instant at, @Nullable String note) {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(by, "decidedBy");
        Objects.requireNonNull(at, "at");
        if (finalDecision != null) {
            throw new FinalDecisionAlreadyRecordedException(id);
        }
        if (note != null && note.length() > MAX_DECISION_NOTE_LENGTH) {
            throw new IllegalArgumentException("note must be at most " + MAX_DECISION_NOTE_LENGTH + " characters");
        }
        return new VerificationSession(id, businessId, profileId, recipientName, recipientEmail, trackingId,
                captureTokenHash, state, closeReason, latestRecommendation, attemptsUsed, maxAttempts, expiresAt,
                createdAt, completedAt, linkOpenedAt, decision, by, at, note, apiApplicationId, biometricConsentAt,
                version, abandonedAttempts, maxAbandonedAttempts, lastAbandonedAt, lastAbandonedStep);
    }

    public VerificationSession withVersion(@Nullable Long newVersion) {
        return new VerificationSession(id, businessId, profileId, recipientName, recipientEmail, trackingId,
                captureTokenHash, state, closeReason, latestRecommendation, attemptsUsed, maxAttempts, expiresAt,
                createdAt, completedAt, linkOpenedAt, finalDecision, decidedBy, decidedAt, decisionNote,
                apiApplicationId, biometricConsentAt, newVersion, abandonedAttempts, maxAbandonedAttempts,
                lastAbandonedAt, lastAbandonedStep);
    }
}
