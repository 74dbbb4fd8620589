-- Version 10: why the capture server cut an attempt short (issue 11). Portable SQL for H2 2.x and PostgreSQL 15.

-- Besides frames its engine dropped, the server also answers BUSY when the whole machine's CPU was saturated while
-- the attempt ran and it failed on a reason that late or sparse frames cause (a camera client starved on a busy host).
-- Rows recorded before this version were all cut for dropped frames.
ALTER TABLE busy_attempt ADD COLUMN machine_saturated BOOLEAN DEFAULT FALSE NOT NULL;
