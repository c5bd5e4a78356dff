-- Recurring sessions. A series is a local wall time in an IANA zone plus a rule, expanded in
-- that zone; each occurrence is an ordinary session (its own number, agenda, notes, reminders)
-- that points at its series and says which occurrence of the rule it is (0 = the first), so a
-- calendar file can name it (RECURRENCE-ID) even after it moved.
CREATE TABLE series (
    id               INTEGER PRIMARY KEY NOT NULL,
    pairing_id       INTEGER NOT NULL REFERENCES pairings (id),
    repeat           TEXT    NOT NULL CHECK (repeat IN ('weekly', 'every 2 weeks', 'every 3 weeks', 'monthly')),
    zone             TEXT    NOT NULL,
    -- The first occurrence's local wall time, 'YYYY-MM-DDTHH:MM:SS' in `zone`.
    first_local      TEXT    NOT NULL,
    -- Occurrences of the rule, including those left out (overlaps, DST gaps).
    count            INTEGER NOT NULL CHECK (count BETWEEN 1 AND 52),
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
    booked_by        INTEGER NOT NULL,
    -- Bumped on every change to the series; calendar files carry it as SEQUENCE.
    revision         INTEGER NOT NULL DEFAULT 0,
    created_at       INTEGER NOT NULL
) STRICT;

ALTER TABLE sessions ADD COLUMN series_id INTEGER REFERENCES series (id);
ALTER TABLE sessions ADD COLUMN occurrence INTEGER;
CREATE INDEX sessions_by_series ON sessions (series_id, occurrence) WHERE series_id IS NOT NULL;
