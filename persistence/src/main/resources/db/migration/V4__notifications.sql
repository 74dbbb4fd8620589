-- Version 4: notifications to API applications (docs/api.md). Portable SQL for H2 2.x and PostgreSQL 15, as V1.

-- The notification outbox: one row per topic a session asked for, inserted in the same transaction as the change
-- that causes it (an attempt stored, a session expired or cancelled) and sent later by the notification sender,
-- which claims a row with a conditional UPDATE (claimed_by, claimed_until) so two portal nodes never send it at once.
-- The auth token and the signing secret are not copied here: the sender reads them, sealed, from
-- session_api_request and api_application. Deleting a session deletes its deliveries.
CREATE TABLE notification_delivery (
    id               UUID                     NOT NULL,
    business_id      UUID                     NOT NULL,
    session_id       UUID                     NOT NULL,
    application_id   UUID                     NOT NULL,
    topic            VARCHAR(32)              NOT NULL,
    endpoint         VARCHAR(2000)            NOT NULL,
    payload          VARCHAR(200)             NOT NULL,
    status           VARCHAR(8)               NOT NULL,
    attempt_count    INTEGER                  NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_status_code INTEGER,
    last_error       VARCHAR(1000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE,
    claimed_by       VARCHAR(100),
    claimed_until    TIMESTAMP WITH TIME ZONE,
    version          BIGINT                   NOT NULL,
    CONSTRAINT notification_delivery_pk PRIMARY KEY (id),
    CONSTRAINT notification_delivery_tenant_uq UNIQUE (business_id, id),
    CONSTRAINT notification_delivery_session_fk FOREIGN KEY (business_id, session_id)
        REFERENCES verification_session (business_id, id) ON DELETE CASCADE,
    CONSTRAINT notification_delivery_application_fk FOREIGN KEY (business_id, application_id)
        REFERENCES api_application (business_id, id),
    CONSTRAINT notification_delivery_topic_ck CHECK (topic IN ('RESOURCE_UPDATE', 'CHECK_COMPLETION',
        'SESSION_COMPLETION', 'CLIENT_SESSION_TOKEN_DELETED')),
    CONSTRAINT notification_delivery_status_ck CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    CONSTRAINT notification_delivery_count_ck CHECK (attempt_count >= 0),
    CONSTRAINT notification_delivery_code_ck CHECK (last_status_code BETWEEN 100 AND 599)
);
CREATE INDEX notification_delivery_due_ix ON notification_delivery (status, next_attempt_at);
CREATE INDEX notification_delivery_business_ix ON notification_delivery (business_id, created_at);
CREATE INDEX notification_delivery_session_ix ON notification_delivery (business_id, session_id);

-- Every try of a delivery, for the Deliveries page: when, how long, the HTTP status (null when no response came:
-- refused endpoint, timeout, connection error) and the error text.
CREATE TABLE notification_delivery_try (
    id          UUID                     NOT NULL,
    business_id UUID                     NOT NULL,
    delivery_id UUID                     NOT NULL,
    tried_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    status_code INTEGER,
    error       VARCHAR(1000),
    duration_ms BIGINT                   NOT NULL,
    CONSTRAINT notification_delivery_try_pk PRIMARY KEY (id),
    CONSTRAINT notification_delivery_try_delivery_fk FOREIGN KEY (business_id, delivery_id)
        REFERENCES notification_delivery (business_id, id) ON DELETE CASCADE,
    CONSTRAINT notification_delivery_try_code_ck CHECK (status_code BETWEEN 100 AND 599),
    CONSTRAINT notification_delivery_try_duration_ck CHECK (duration_ms >= 0)
);
CREATE INDEX notification_delivery_try_delivery_ix ON notification_delivery_try (business_id, delivery_id, tried_at);
