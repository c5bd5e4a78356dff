-- Wake-ups of the job runner. PostgreSQL only: triggers there notify the channel
-- 'mentor_bot_jobs' (LISTEN/NOTIFY) whenever a job becomes pending or a program is paused or
-- resumed; nothing to do on SQLite (one process per file: it wakes itself).

-- The bot's shared schedule of Discord requests (its global rate limit is per bot token, not per
-- process): the row of a bucket holds the next free slot, in microseconds since the Unix epoch by
-- the database server's clock. Used only on PostgreSQL; created here too so both backends have
-- the same tables.
CREATE TABLE rate_budget (
    bucket       TEXT PRIMARY KEY NOT NULL,
    next_slot_us INTEGER NOT NULL
) STRICT;
