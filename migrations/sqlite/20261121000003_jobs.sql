-- Durable scheduled jobs: every reminder, follow-up and nudge is a row.

CREATE TABLE jobs (
    id            INTEGER PRIMARY KEY NOT NULL,
    kind          TEXT    NOT NULL,
    guild_id      INTEGER NOT NULL,
    -- 'session' | 'action' | 'program', with the row id (0 for 'program').
    subject_kind  TEXT    NOT NULL CHECK (subject_kind IN ('session', 'action', 'program')),
    subject_id    INTEGER NOT NULL,
    recipient_id  INTEGER,
    channel_id    INTEGER,
    due_at        INTEGER NOT NULL,
    state         TEXT    NOT NULL DEFAULT 'pending'
                  CHECK (state IN ('pending', 'running', 'sent', 'failed', 'skipped', 'cancelled')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    lease_until   INTEGER,
    last_error    TEXT,
    -- One row per occurrence: planning the same occurrence twice inserts nothing.
    dedupe_key    TEXT    NOT NULL UNIQUE,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    finished_at   INTEGER
) STRICT;

CREATE INDEX jobs_pending_due ON jobs (due_at) WHERE state = 'pending';
CREATE INDEX jobs_running_lease ON jobs (lease_until) WHERE state = 'running';
CREATE INDEX jobs_by_subject ON jobs (subject_kind, subject_id) WHERE state = 'pending';
CREATE INDEX jobs_by_guild_state ON jobs (guild_id, state);
