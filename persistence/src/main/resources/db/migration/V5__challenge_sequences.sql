-- Version 5: challenges that cannot be re-rolled (docs/capture.md). Portable SQL for H2 2.x and PostgreSQL 15, as V1.

-- How many attempts abandoned after a challenge was issued a session tolerates before it closes as REJECT. On the
-- profile (the default for new sessions) and copied to each session at creation, like max_retries. The range is
-- CheckProfile.MIN_MAX_ABANDONED_ATTEMPTS..MAX_MAX_ABANDONED_ATTEMPTS.
ALTER TABLE check_profile ADD COLUMN max_abandoned_attempts INTEGER DEFAULT 5 NOT NULL;
ALTER TABLE check_profile ADD CONSTRAINT check_profile_abandoned_ck CHECK (max_abandoned_attempts BETWEEN 1 AND 20);

-- pending_challenges: the challenge sequence of the session's next counted attempt (Challenge names, comma-separated),
-- drawn once and kept across cancels, reconnects, tabs and nodes; cleared when an attempt is counted.
-- attempt_lease_owner/until: the one running attempt of the session; a crashed node's lease runs out by itself.
-- abandoned_attempts, last_abandoned_at, last_abandoned_step: attempts abandoned after a challenge was issued.
ALTER TABLE verification_session ADD COLUMN pending_challenges VARCHAR(100);
ALTER TABLE verification_session ADD COLUMN attempt_lease_owner VARCHAR(100);
ALTER TABLE verification_session ADD COLUMN attempt_lease_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE verification_session ADD COLUMN abandoned_attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE verification_session ADD COLUMN max_abandoned_attempts INTEGER DEFAULT 5 NOT NULL;
ALTER TABLE verification_session ADD COLUMN last_abandoned_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE verification_session ADD COLUMN last_abandoned_step INTEGER;
ALTER TABLE verification_session ADD CONSTRAINT verification_session_abandoned_ck
    CHECK (abandoned_attempts >= 0 AND abandoned_attempts <= max_abandoned_attempts
        AND max_abandoned_attempts BETWEEN 1 AND 20 AND (last_abandoned_step IS NULL OR last_abandoned_step >= 1));
ALTER TABLE verification_session ADD CONSTRAINT verification_session_lease_ck
    CHECK ((attempt_lease_owner IS NULL) = (attempt_lease_until IS NULL));

-- A session closed by too many abandoned attempts: the reason list grows (dropped and re-added, portably).
ALTER TABLE verification_session DROP CONSTRAINT verification_session_reason_ck;
ALTER TABLE verification_session ADD CONSTRAINT verification_session_reason_ck
    CHECK (close_reason IN ('APPROVED', 'RETRIES_EXHAUSTED', 'LINK_EXPIRED', 'CANCELLED', 'TOO_MANY_ABANDONED'));
