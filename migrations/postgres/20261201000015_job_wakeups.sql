-- PostgreSQL version of the SQLite migration of the same name: keep the two in step.
-- Wake-ups of the job runner: a job that becomes pending (inserted, planned again, retried,
-- moved) and a program paused or resumed notify the channel 'mentor_bot_jobs' (empty payload),
-- so every process running the scheduler LISTENs there and looks at the queue at once instead of
-- at its heartbeat. Claiming and finishing jobs notify nobody (no job became due), so the runners
-- do not wake each other in a loop. Notifications are sent when the transaction commits (none
-- on rollback), and identical ones of one transaction are folded into one.

CREATE FUNCTION jobs_notify_wakeup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('mentor_bot_jobs', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER jobs_wakeup AFTER INSERT OR UPDATE OF due_at, state ON jobs
FOR EACH ROW WHEN (NEW.state = 'pending') EXECUTE FUNCTION jobs_notify_wakeup();

CREATE TRIGGER programs_wakeup AFTER UPDATE OF paused ON programs
FOR EACH ROW WHEN (OLD.paused IS DISTINCT FROM NEW.paused) EXECUTE FUNCTION jobs_notify_wakeup();

-- The bot's shared schedule of Discord requests (its global rate limit is per bot token, not per
-- process): the row of a bucket holds the next free slot, in microseconds since the Unix epoch by
-- the database server's clock. Each request takes the slot and moves it one interval on. Used
-- only on PostgreSQL; the SQLite migration creates it too so both backends have the same tables.
CREATE TABLE rate_budget (
    bucket       TEXT PRIMARY KEY NOT NULL,
    next_slot_us BIGINT NOT NULL
);
