-- Delivery that holds against real Discord.
-- jobs gains: planned_at (the original due time; retries move due_at, catch-up rules read this),
-- claim_token (a fencing token: only the claim that holds it may mark the job), in_flight (the
-- job was claimed before and that claim expired: it may have been sent, so it is reconciled
-- before any resend), payload (what a notice says, as JSON) and the state 'set_aside' (a kind
-- this binary does not understand: kept for a newer one, never blocking the queue).
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt.

CREATE TABLE jobs_new (
    id            INTEGER PRIMARY KEY NOT NULL,
    kind          TEXT    NOT NULL,
    guild_id      INTEGER NOT NULL,
    subject_kind  TEXT    NOT NULL CHECK (subject_kind IN ('session', 'action', 'program', 'pairing')),
    subject_id    INTEGER NOT NULL,
    recipient_id  INTEGER,
    channel_id    INTEGER,
    due_at        INTEGER NOT NULL,
    planned_at    INTEGER NOT NULL,
    state         TEXT    NOT NULL DEFAULT 'pending'
                  CHECK (state IN ('pending', 'running', 'sent', 'failed', 'skipped', 'cancelled', 'set_aside')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    lease_until   INTEGER,
    claim_token   INTEGER,
    in_flight     INTEGER NOT NULL DEFAULT 0 CHECK (in_flight IN (0, 1)),
    last_error    TEXT,
    payload       TEXT,
    dedupe_key    TEXT    NOT NULL UNIQUE,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    finished_at   INTEGER
) STRICT;

INSERT INTO jobs_new (id, kind, guild_id, subject_kind, subject_id, recipient_id, channel_id, due_at, planned_at,
                      state, attempts, lease_until, last_error, dedupe_key, created_at, updated_at, finished_at)
SELECT id, kind, guild_id, subject_kind, subject_id, recipient_id, channel_id, due_at, due_at,
       state, attempts, lease_until, last_error, dedupe_key, created_at, updated_at, finished_at
FROM jobs;

DROP TABLE jobs;
ALTER TABLE jobs_new RENAME TO jobs;

CREATE INDEX jobs_pending_due ON jobs (due_at) WHERE state = 'pending';
CREATE INDEX jobs_running_lease ON jobs (lease_until) WHERE state = 'running';
CREATE INDEX jobs_by_subject ON jobs (subject_kind, subject_id) WHERE state = 'pending';
CREATE INDEX jobs_by_guild_state ON jobs (guild_id, state);
CREATE INDEX jobs_finished ON jobs (finished_at) WHERE finished_at IS NOT NULL;

-- DM channel ids, so a DM costs one request after the first.
CREATE TABLE dm_channels (
    user_id     INTEGER PRIMARY KEY NOT NULL,
    channel_id  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
) STRICT;

-- A program whose server removed the bot (GUILD_DELETE) keeps its jobs paused until it returns.
ALTER TABLE programs ADD COLUMN paused INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1));
