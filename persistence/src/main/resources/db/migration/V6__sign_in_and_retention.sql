-- Version 6: sign-in hardening and session-record retention (issue 10; docs/security.md). Portable SQL for H2 2.x and
-- PostgreSQL 15, as V1.

-- Failed sign-ins are throttled, never turned into an account lock an attacker could trigger. One row per subject:
-- 'account:<SHA-256 of the lower-cased login e-mail>' (known or not, so an unknown e-mail behaves like a known one)
-- or 'address:<client IP>'. failures counts the failures since the last success, restarting when the last failure is
-- older than the reset window; blocked_until is when the next try is accepted (the delay grows with failures).
CREATE TABLE login_throttle (
    subject         VARCHAR(100)             NOT NULL,
    failures        INTEGER                  NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT login_throttle_pk PRIMARY KEY (subject),
    CONSTRAINT login_throttle_failures_ck CHECK (failures >= 0)
);

-- A browser where the user signed in before (its cookie holds a random token, only the hash is stored): sign-ins from
-- it are not held back by the account's throttle, so failures from elsewhere cannot keep the owner out.
CREATE TABLE trusted_device (
    token_hash  CHAR(64)                 NOT NULL,
    business_id UUID                     NOT NULL,
    user_id     UUID                     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT trusted_device_pk PRIMARY KEY (token_hash),
    CONSTRAINT trusted_device_user_fk FOREIGN KEY (user_id) REFERENCES portal_user (id) ON DELETE CASCADE
);
CREATE INDEX trusted_device_user_ix ON trusted_device (business_id, user_id);

-- The old lockout (5 failures -> 15 minutes, never reset after it ran out) is gone; an owner disables an account.
ALTER TABLE portal_user DROP CONSTRAINT portal_user_failed_ck;
ALTER TABLE portal_user DROP COLUMN failed_login_count;
ALTER TABLE portal_user DROP COLUMN locked_until;
-- Set by an owner (new user, password reset): the user must choose their own password at the next sign-in.
ALTER TABLE portal_user ADD COLUMN password_change_required BOOLEAN DEFAULT FALSE NOT NULL;
-- RFC 6238 second factor: the shared secret, sealed under the link key (never readable from a database copy alone).
ALTER TABLE portal_user ADD COLUMN totp_secret VARCHAR(300);
-- The last 30-second step whose code was accepted: a code is good once (RFC 6238 section 5.2).
ALTER TABLE portal_user ADD COLUMN totp_last_step BIGINT;

-- Single-use recovery codes for a lost authenticator; only SHA-256 hashes (the codes are random, 50 bits or more).
CREATE TABLE recovery_code (
    code_hash   CHAR(64)                 NOT NULL,
    business_id UUID                     NOT NULL,
    user_id     UUID                     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT recovery_code_pk PRIMARY KEY (code_hash),
    CONSTRAINT recovery_code_user_fk FOREIGN KEY (user_id) REFERENCES portal_user (id) ON DELETE CASCADE
);
CREATE INDEX recovery_code_user_ix ON recovery_code (business_id, user_id);

-- An owner can require the second factor of every ADMIN and OWNER of the business.
ALTER TABLE business ADD COLUMN totp_required BOOLEAN DEFAULT FALSE NOT NULL;

-- Session records (not only their images) are kept this long after creation, then deleted with their attempts,
-- e-mails and notification deliveries. Range: CheckProfile.MIN/MAX_RECORD_RETENTION_DAYS.
ALTER TABLE check_profile ADD COLUMN record_retention_days INTEGER DEFAULT 365 NOT NULL;
ALTER TABLE check_profile ADD CONSTRAINT check_profile_record_retention_ck
    CHECK (record_retention_days BETWEEN 1 AND 3650);
