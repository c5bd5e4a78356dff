-- Programs, members, pairings and sessions.
-- Instants are INTEGER unix seconds (UTC); zones are IANA names. Discord ids are INTEGER.

CREATE TABLE programs (
    guild_id    INTEGER PRIMARY KEY NOT NULL,
    channel_id  INTEGER NOT NULL,
    time_zone   TEXT    NOT NULL,
    -- JSON object of per-program overrides of configured settings.
    settings    TEXT    NOT NULL DEFAULT '{}',
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE members (
    guild_id     INTEGER NOT NULL REFERENCES programs (guild_id) ON DELETE CASCADE,
    user_id      INTEGER NOT NULL,
    role         TEXT    NOT NULL CHECK (role IN ('mentor', 'mentee')),
    -- NULL: the program's zone applies.
    time_zone    TEXT,
    display_name TEXT    NOT NULL,
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    joined_at    INTEGER NOT NULL,
    PRIMARY KEY (guild_id, user_id)
) STRICT;

CREATE TABLE pairings (
    id          INTEGER PRIMARY KEY NOT NULL,
    guild_id    INTEGER NOT NULL,
    mentor_id   INTEGER NOT NULL,
    mentee_id   INTEGER NOT NULL,
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  INTEGER NOT NULL,
    ended_at    INTEGER,
    CHECK (mentor_id <> mentee_id),
    FOREIGN KEY (guild_id, mentor_id) REFERENCES members (guild_id, user_id),
    FOREIGN KEY (guild_id, mentee_id) REFERENCES members (guild_id, user_id)
) STRICT;

CREATE UNIQUE INDEX pairings_one_active ON pairings (guild_id, mentor_id, mentee_id) WHERE active = 1;
CREATE INDEX pairings_by_mentee ON pairings (guild_id, mentee_id);

CREATE TABLE sessions (
    id               INTEGER PRIMARY KEY NOT NULL,
    pairing_id       INTEGER NOT NULL REFERENCES pairings (id),
    number           INTEGER NOT NULL,
    starts_at        INTEGER NOT NULL,
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
    status           TEXT    NOT NULL CHECK (status IN ('booked', 'cancelled', 'completed')),
    topic            TEXT,
    booked_by        INTEGER NOT NULL,
    cancelled_by     INTEGER,
    cancel_reason    TEXT,
    -- Bumped on every reschedule; calendar files carry it as SEQUENCE.
    revision         INTEGER NOT NULL DEFAULT 0,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    UNIQUE (pairing_id, number)
) STRICT;

CREATE INDEX sessions_by_start ON sessions (starts_at);
