-- Wake-ups of the job runner. PostgreSQL only: a trigger there notifies the channel
-- 'mentor_bot_jobs' (LISTEN/NOTIFY) whenever jobs are inserted or their due_at or state change;
-- nothing to do on SQLite.

-- A per-second request counter shared by every bot process on one PostgreSQL database (the
-- Discord rate budget): the row of a second (unix seconds) counts the requests made in it. Used
-- only on PostgreSQL; created here too so both backends have the same tables.
CREATE TABLE rate_budget (
    window_start INTEGER PRIMARY KEY NOT NULL,
    used         INTEGER NOT NULL
) STRICT;
