-- Version 9: the session report (PDF, evidence bundle) prints a session's audit trail, read by the event's target
-- within the business. Portable SQL for H2 2.x and PostgreSQL 15, as V1.
CREATE INDEX audit_event_target_ix ON audit_event (business_id, target_id, occurred_at);
