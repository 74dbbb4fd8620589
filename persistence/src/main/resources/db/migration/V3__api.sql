-- Version 3: the session API (docs/api.md). Portable SQL for H2 2.x and PostgreSQL 15, as V1.

-- An API application: a business's integration, identified by its SDK ID (the id) and authenticated by RSA-SHA256
-- request signatures. Only the public key is stored; the notification secret is sealed under the link key, which
-- lives outside the database (a database backup alone cannot sign notifications).
CREATE TABLE api_application (
    id                         UUID                     NOT NULL,
    business_id                UUID                     NOT NULL,
    name                       VARCHAR(200)             NOT NULL,
    profile_id                 UUID                     NOT NULL,
    public_key                 VARCHAR(2000)            NOT NULL,
    public_key_sha256          CHAR(64)                 NOT NULL,
    allowed_origins            VARCHAR(4000)            NOT NULL,
    notification_secret_sealed VARCHAR(500)             NOT NULL,
    created_by                 UUID                     NOT NULL,
    created_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at                 TIMESTAMP WITH TIME ZONE,
    last_used_at               TIMESTAMP WITH TIME ZONE,
    version                    BIGINT                   NOT NULL,
    CONSTRAINT api_application_pk PRIMARY KEY (id),
    CONSTRAINT api_application_tenant_uq UNIQUE (business_id, id),
    CONSTRAINT api_application_business_fk FOREIGN KEY (business_id) REFERENCES business (id),
    CONSTRAINT api_application_profile_fk FOREIGN KEY (business_id, profile_id) REFERENCES check_profile (business_id, id),
    CONSTRAINT api_application_name_ck CHECK (CHAR_LENGTH(name) > 0),
    CONSTRAINT api_application_key_ck CHECK (CHAR_LENGTH(public_key_sha256) = 64)
);
CREATE INDEX api_application_business_ix ON api_application (business_id, created_at);

-- Nonces seen in signed requests. The primary key decides a replay across portal nodes: the second insert of the same
-- (application, nonce) fails. Rows older than the timestamp window are purged.
CREATE TABLE api_nonce (
    application_id UUID                     NOT NULL,
    nonce          VARCHAR(64)              NOT NULL,
    seen_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT api_nonce_pk PRIMARY KEY (application_id, nonce),
    CONSTRAINT api_nonce_application_fk FOREIGN KEY (application_id) REFERENCES api_application (id) ON DELETE CASCADE
);
CREATE INDEX api_nonce_seen_ix ON api_nonce (seen_at);

-- A session created through the API has no recipient: it names its application instead.
ALTER TABLE verification_session ADD COLUMN api_application_id UUID;
ALTER TABLE verification_session ADD COLUMN biometric_consent_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE verification_session ALTER COLUMN recipient_name DROP NOT NULL;
ALTER TABLE verification_session ALTER COLUMN recipient_email DROP NOT NULL;
ALTER TABLE verification_session ADD CONSTRAINT verification_session_application_fk
    FOREIGN KEY (business_id, api_application_id) REFERENCES api_application (business_id, id);
ALTER TABLE verification_session ADD CONSTRAINT verification_session_origin_ck
    CHECK (api_application_id IS NOT NULL OR (recipient_name IS NOT NULL AND recipient_email IS NOT NULL));

-- What an API caller requested for its session (GET /sessions/{id}/configuration, the capture page's sdk_config,
-- and where to notify it: the auth token is sealed under the link key, like the application's secret).
CREATE TABLE session_api_request (
    session_id               UUID                     NOT NULL,
    business_id              UUID                     NOT NULL,
    client_session_token_ttl INTEGER                  NOT NULL,
    resources_ttl            INTEGER                  NOT NULL,
    resources_expire_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    primary_colour           VARCHAR(7),
    locale                   VARCHAR(16),
    success_url              VARCHAR(2000),
    error_url                VARCHAR(2000),
    privacy_policy_url       VARCHAR(2000),
    notification_endpoint    VARCHAR(2000),
    notification_topics      VARCHAR(200),
    notification_auth_type   VARCHAR(8),
    notification_auth_token_sealed VARCHAR(2000),
    CONSTRAINT session_api_request_pk PRIMARY KEY (session_id),
    CONSTRAINT session_api_request_session_fk FOREIGN KEY (business_id, session_id)
        REFERENCES verification_session (business_id, id) ON DELETE CASCADE,
    CONSTRAINT session_api_request_auth_ck CHECK (notification_auth_type IN ('BASIC', 'BEARER')),
    CONSTRAINT session_api_request_notify_ck CHECK (notification_endpoint IS NOT NULL
        OR (notification_topics IS NULL AND notification_auth_type IS NULL AND notification_auth_token_sealed IS NULL)),
    CONSTRAINT session_api_request_ttl_ck CHECK (client_session_token_ttl > 0 AND resources_ttl >= client_session_token_ttl)
);
