-- Version 8: attempts the capture server cut short under load (issue 11). Portable SQL for H2 2.x and PostgreSQL 15.

-- An attempt whose evidence the server cut (frames dropped because the engine fell behind) is answered "error BUSY"
-- and not counted against the person: it is not an attempt row, and the same attempt number is offered again. Each
-- one is recorded here so the session page shows it. Rows go with their session.
CREATE TABLE busy_attempt (
    id              UUID                     NOT NULL,
    business_id     UUID                     NOT NULL,
    session_id      UUID                     NOT NULL,
    attempt_number  INTEGER                  NOT NULL,
    frames_received INTEGER                  NOT NULL,
    frames_dropped  INTEGER                  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT busy_attempt_pk PRIMARY KEY (id),
    CONSTRAINT busy_attempt_session_fk FOREIGN KEY (business_id, session_id)
        REFERENCES verification_session (business_id, id) ON DELETE CASCADE,
    CONSTRAINT busy_attempt_frames_ck CHECK (attempt_number >= 1 AND frames_dropped >= 0
        AND frames_received >= frames_dropped)
);
CREATE INDEX busy_attempt_session_ix ON busy_attempt (business_id, session_id, created_at);
