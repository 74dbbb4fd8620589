-- Livecheck schema, version 1. Portable SQL: the same script runs on H2 2.x and PostgreSQL 15.
-- Conventions: UUID ids assigned by the application, TIMESTAMP WITH TIME ZONE for instants,
-- enums as VARCHAR with a CHECK, every tenant-owned table carries business_id, and children refer
-- to their parent through (business_id, parent_id) so a row can never point into another tenant.

CREATE TABLE business (
    id          UUID                     NOT NULL,
    name        VARCHAR(200)             NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT business_pk PRIMARY KEY (id),
    CONSTRAINT business_name_ck CHECK (CHAR_LENGTH(name) > 0)
);

CREATE TABLE portal_user (
    id                 UUID                     NOT NULL,
    business_id        UUID                     NOT NULL,
    email              VARCHAR(320)             NOT NULL,
    display_name       VARCHAR(200)             NOT NULL,
    password_hash      VARCHAR(200)             NOT NULL,
    role               VARCHAR(16)              NOT NULL,
    enabled            BOOLEAN                  NOT NULL,
    failed_login_count INTEGER                  NOT NULL,
    locked_until       TIMESTAMP WITH TIME ZONE,
    last_login_at      TIMESTAMP WITH TIME ZONE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version            BIGINT                   NOT NULL,
    CONSTRAINT portal_user_pk PRIMARY KEY (id),
    CONSTRAINT portal_user_business_fk FOREIGN KEY (business_id) REFERENCES business (id),
    CONSTRAINT portal_user_email_uq UNIQUE (email),
    CONSTRAINT portal_user_email_ck CHECK (email = LOWER(email) AND email LIKE '%_@_%'),
    CONSTRAINT portal_user_role_ck CHECK (role IN ('OWNER', 'ADMIN', 'REVIEWER')),
    CONSTRAINT portal_user_failed_ck CHECK (failed_login_count >= 0)
);
CREATE INDEX portal_user_business_ix ON portal_user (business_id);

CREATE TABLE check_profile (
    id                   UUID                     NOT NULL,
    business_id          UUID                     NOT NULL,
    name                 VARCHAR(200)             NOT NULL,
    liveness_type        VARCHAR(16)              NOT NULL,
    max_retries          INTEGER                  NOT NULL DEFAULT 3,
    challenge_count      INTEGER                  NOT NULL DEFAULT 2,
    link_lifetime_hours  INTEGER                  NOT NULL DEFAULT 72,
    image_retention_days INTEGER                  NOT NULL DEFAULT 30,
    success_redirect_url VARCHAR(2000),
    error_redirect_url   VARCHAR(2000),
    brand_colour         VARCHAR(7)               NOT NULL,
    locale               VARCHAR(16)              NOT NULL,
    email_subject        VARCHAR(300)             NOT NULL,
    email_body_text      TEXT                     NOT NULL,
    email_body_html      TEXT,
    archived             BOOLEAN                  NOT NULL DEFAULT FALSE,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    version              BIGINT                   NOT NULL,
    CONSTRAINT check_profile_pk PRIMARY KEY (id),
    CONSTRAINT check_profile_tenant_uq UNIQUE (business_id, id),
    CONSTRAINT check_profile_business_fk FOREIGN KEY (business_id) REFERENCES business (id),
    CONSTRAINT check_profile_type_ck CHECK (liveness_type IN ('ACTIVE', 'PASSIVE')),
    CONSTRAINT check_profile_retries_ck CHECK (max_retries BETWEEN 1 AND 10),
    CONSTRAINT check_profile_challenges_ck CHECK (challenge_count BETWEEN 2 AND 3),
    CONSTRAINT check_profile_lifetime_ck CHECK (link_lifetime_hours BETWEEN 1 AND 720),
    CONSTRAINT check_profile_retention_ck CHECK (image_retention_days BETWEEN 1 AND 3650),
    CONSTRAINT check_profile_colour_ck CHECK (CHAR_LENGTH(brand_colour) = 7
        AND SUBSTRING(brand_colour FROM 1 FOR 1) = '#'
        AND TRANSLATE(SUBSTRING(brand_colour FROM 2 FOR 6), '0123456789abcdef', '                ') = '      '),
    CONSTRAINT check_profile_locale_ck CHECK (CHAR_LENGTH(locale) BETWEEN 2 AND 16),
    CONSTRAINT check_profile_name_ck CHECK (CHAR_LENGTH(name) > 0)
);
CREATE INDEX check_profile_business_ix ON check_profile (business_id, archived);

CREATE TABLE verification_session (
    id                    UUID                     NOT NULL,
    business_id           UUID                     NOT NULL,
    profile_id            UUID                     NOT NULL,
    recipient_name        VARCHAR(200)             NOT NULL,
    recipient_email       VARCHAR(320)             NOT NULL,
    tracking_id           VARCHAR(200),
    capture_token_hash    CHAR(64)                 NOT NULL,
    state                 VARCHAR(16)              NOT NULL,
    close_reason          VARCHAR(24),
    latest_recommendation VARCHAR(16),
    attempts_used         INTEGER                  NOT NULL,
    max_retries           INTEGER                  NOT NULL,
    expires_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at          TIMESTAMP WITH TIME ZONE,
    link_opened_at        TIMESTAMP WITH TIME ZONE,
    final_decision        VARCHAR(16),
    decided_by            UUID,
    decided_at            TIMESTAMP WITH TIME ZONE,
    decision_note         VARCHAR(2000),
    version               BIGINT                   NOT NULL,
    CONSTRAINT verification_session_pk PRIMARY KEY (id),
    CONSTRAINT verification_session_tenant_uq UNIQUE (business_id, id),
    CONSTRAINT verification_session_token_uq UNIQUE (capture_token_hash),
    CONSTRAINT verification_session_profile_fk FOREIGN KEY (business_id, profile_id) REFERENCES check_profile (business_id, id),
    CONSTRAINT verification_session_state_ck CHECK (state IN ('ONGOING', 'COMPLETED', 'EXPIRED')),
    CONSTRAINT verification_session_reason_ck CHECK (close_reason IN ('APPROVED', 'RETRIES_EXHAUSTED', 'LINK_EXPIRED', 'CANCELLED')),
    CONSTRAINT verification_session_rec_ck CHECK (latest_recommendation IN ('APPROVE', 'REJECT', 'NOT_AVAILABLE')),
    CONSTRAINT verification_session_attempts_ck CHECK (attempts_used >= 0 AND attempts_used <= max_retries AND max_retries >= 1),
    CONSTRAINT verification_session_decision_ck CHECK (final_decision IN ('APPROVED', 'REJECTED')),
    CONSTRAINT verification_session_decided_ck CHECK ((final_decision IS NULL AND decided_at IS NULL AND decided_by IS NULL)
        OR (final_decision IS NOT NULL AND decided_at IS NOT NULL AND decided_by IS NOT NULL)),
    CONSTRAINT verification_session_hash_ck CHECK (CHAR_LENGTH(capture_token_hash) = 64)
);
CREATE INDEX verification_session_list_ix ON verification_session (business_id, created_at);
CREATE INDEX verification_session_expiry_ix ON verification_session (state, expires_at);

CREATE TABLE attempt (
    id                    UUID                     NOT NULL,
    business_id           UUID                     NOT NULL,
    session_id            UUID                     NOT NULL,
    attempt_number        INTEGER                  NOT NULL,
    recommendation        VARCHAR(16)              NOT NULL,
    liveness_auth         VARCHAR(4)               NOT NULL,
    reason                VARCHAR(500),
    challenges            VARCHAR(200)             NOT NULL,
    sub_checks_json       TEXT,
    frames                INTEGER                  NOT NULL,
    analyzed_frames       INTEGER                  NOT NULL,
    duration_ms           BIGINT                   NOT NULL,
    decision_ms           BIGINT                   NOT NULL,
    started_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT attempt_pk PRIMARY KEY (id),
    CONSTRAINT attempt_tenant_uq UNIQUE (business_id, id),
    CONSTRAINT attempt_number_uq UNIQUE (session_id, attempt_number),
    CONSTRAINT attempt_session_fk FOREIGN KEY (business_id, session_id)
        REFERENCES verification_session (business_id, id) ON DELETE CASCADE,
    CONSTRAINT attempt_number_ck CHECK (attempt_number >= 1),
    CONSTRAINT attempt_rec_ck CHECK (recommendation IN ('APPROVE', 'REJECT', 'NOT_AVAILABLE')),
    CONSTRAINT attempt_auth_ck CHECK (liveness_auth IN ('PASS', 'FAIL')),
    CONSTRAINT attempt_counts_ck CHECK (frames >= 0 AND analyzed_frames >= 0 AND duration_ms >= 0 AND decision_ms >= 0)
);
CREATE INDEX attempt_completed_ix ON attempt (business_id, completed_at);

CREATE TABLE media (
    id           UUID                     NOT NULL,
    business_id  UUID                     NOT NULL,
    attempt_id   UUID                     NOT NULL,
    role         VARCHAR(16)              NOT NULL,
    content_type VARCHAR(100)             NOT NULL,
    bytes        BYTEA,
    size_bytes   INTEGER                  NOT NULL,
    sha256       CHAR(64)                 NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    purged_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT media_pk PRIMARY KEY (id),
    CONSTRAINT media_role_uq UNIQUE (attempt_id, role),
    CONSTRAINT media_attempt_fk FOREIGN KEY (business_id, attempt_id)
        REFERENCES attempt (business_id, id) ON DELETE CASCADE,
    CONSTRAINT media_role_ck CHECK (role IN ('FRONTAL_START', 'CHALLENGE', 'FRONTAL_END')),
    CONSTRAINT media_purge_ck CHECK ((bytes IS NULL) = (purged_at IS NOT NULL))
);
CREATE INDEX media_business_ix ON media (business_id, created_at);

CREATE TABLE email_outbox (
    id              UUID                     NOT NULL,
    business_id     UUID                     NOT NULL,
    session_id      UUID,
    to_address      VARCHAR(320)             NOT NULL,
    subject         VARCHAR(300)             NOT NULL,
    body_text       TEXT                     NOT NULL,
    body_html       TEXT,
    status          VARCHAR(8)               NOT NULL,
    attempt_count   INTEGER                  NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(2000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    claimed_by      VARCHAR(100),
    claimed_until   TIMESTAMP WITH TIME ZONE,
    version         BIGINT                   NOT NULL,
    CONSTRAINT email_outbox_pk PRIMARY KEY (id),
    CONSTRAINT email_outbox_business_fk FOREIGN KEY (business_id) REFERENCES business (id),
    CONSTRAINT email_outbox_session_fk FOREIGN KEY (session_id) REFERENCES verification_session (id) ON DELETE SET NULL,
    CONSTRAINT email_outbox_status_ck CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    CONSTRAINT email_outbox_count_ck CHECK (attempt_count >= 0)
);
CREATE INDEX email_outbox_due_ix ON email_outbox (status, next_attempt_at);
CREATE INDEX email_outbox_business_ix ON email_outbox (business_id, created_at);

CREATE TABLE audit_event (
    id          UUID                     NOT NULL,
    business_id UUID                     NOT NULL,
    actor       VARCHAR(64)              NOT NULL,
    action      VARCHAR(64)              NOT NULL,
    target_type VARCHAR(64),
    target_id   VARCHAR(64),
    details     VARCHAR(1000),
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT audit_event_pk PRIMARY KEY (id),
    CONSTRAINT audit_event_business_fk FOREIGN KEY (business_id) REFERENCES business (id)
);
CREATE INDEX audit_event_business_ix ON audit_event (business_id, occurred_at);
