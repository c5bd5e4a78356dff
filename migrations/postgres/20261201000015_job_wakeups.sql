-- PostgreSQL version of the SQLite migration of the same name: keep the two in step.
-- Wake-ups of the job runner: every statement that inserts jobs or changes their due_at or state
-- notifies the channel 'mentor_bot_jobs' (empty payload), so a runner that LISTENs there looks at
-- the queue at once instead of at its next poll. Notifications are sent when the transaction
-- commits (none on rollback), and identical ones of one transaction are folded into one.

CREATE FUNCTION jobs_notify_wakeup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('mentor_bot_jobs', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER jobs_wakeup AFTER INSERT OR UPDATE OF due_at, state ON jobs
FOR EACH STATEMENT EXECUTE FUNCTION jobs_notify_wakeup();

-- A per-second request counter shared by every bot process on one PostgreSQL database (the
-- Discord rate budget): the row of a second (unix seconds) counts the requests made in it. Used
-- only on PostgreSQL; the SQLite migration creates it too so both backends have the same tables.
CREATE TABLE rate_budget (
    window_start BIGINT PRIMARY KEY NOT NULL,
    used         BIGINT NOT NULL
);
