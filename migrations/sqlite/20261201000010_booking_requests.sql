-- Bookings that wait for an answer: a time outside the partner's weekly availability is asked
-- about first ("Book anyway" / "Show free times"), and "It didn't happen" offers free times. The
-- buttons carry this row's id; nothing is booked until one is pressed, and a row is answered once.

CREATE TABLE booking_requests (
    id          INTEGER PRIMARY KEY NOT NULL,
    guild_id    INTEGER NOT NULL,
    -- Who asked; only they may answer.
    user_id     INTEGER NOT NULL,
    partner_id  INTEGER NOT NULL,
    -- 'book' (one session), 'series' (repeat/count/until), 'move' (session_id, scope).
    kind        TEXT NOT NULL CHECK (kind IN ('book', 'series', 'move')),
    -- The instant asked for (unix seconds); NULL when only free times are offered.
    starts_at   INTEGER,
    minutes     INTEGER NOT NULL,
    topic       TEXT,
    repeat      TEXT,
    count       INTEGER,
    until       TEXT,
    session_id  INTEGER,
    scope       TEXT,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    -- Set once when answered (a second press finds it set and books nothing).
    settled_at  INTEGER,
    -- What came of it, in words for a stale press, e.g. "Session #3 was booked".
    outcome     TEXT
) STRICT;

CREATE INDEX booking_requests_by_expiry ON booking_requests (expires_at);
