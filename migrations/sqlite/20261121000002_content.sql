-- Session content: agendas, action items (with history), notes, goals and reviews.
-- Everything here belongs to one pairing and is visible to its two members only.

CREATE TABLE agendas (
    session_id    INTEGER PRIMARY KEY NOT NULL REFERENCES sessions (id),
    goal          TEXT    NOT NULL,
    progress      TEXT    NOT NULL DEFAULT '',
    challenges    TEXT    NOT NULL DEFAULT '',
    -- One topic a line; a leading `!` marks high priority.
    topics        TEXT    NOT NULL DEFAULT '',
    support       TEXT    NOT NULL DEFAULT '',
    submitted_by  INTEGER NOT NULL,
    submitted_at  INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    -- Bumped on every edit; the DM to the mentor carries it in its nonce.
    revision      INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Topics the mentor adds to an agenda.
CREATE TABLE agenda_topics (
    id          INTEGER PRIMARY KEY NOT NULL,
    session_id  INTEGER NOT NULL REFERENCES sessions (id),
    added_by    INTEGER NOT NULL,
    topic       TEXT    NOT NULL,
    high_priority INTEGER NOT NULL DEFAULT 0 CHECK (high_priority IN (0, 1)),
    added_at    INTEGER NOT NULL
) STRICT;
CREATE INDEX agenda_topics_by_session ON agenda_topics (session_id);

CREATE TABLE goals (
    id          INTEGER PRIMARY KEY NOT NULL,
    pairing_id  INTEGER NOT NULL REFERENCES pairings (id),
    title       TEXT    NOT NULL,
    why         TEXT,
    target_at   INTEGER,
    measure     TEXT,
    progress    INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    status      TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'achieved', 'not_achieved')),
    learnings   TEXT,
    created_by  INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    closed_at   INTEGER
) STRICT;
CREATE INDEX goals_by_pairing ON goals (pairing_id);

CREATE TABLE goal_updates (
    id          INTEGER PRIMARY KEY NOT NULL,
    goal_id     INTEGER NOT NULL REFERENCES goals (id),
    by_user     INTEGER NOT NULL,
    percent     INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
    evidence    TEXT,
    at          INTEGER NOT NULL
) STRICT;
CREATE INDEX goal_updates_by_goal ON goal_updates (goal_id);

CREATE TABLE action_items (
    id            INTEGER PRIMARY KEY NOT NULL,
    pairing_id    INTEGER NOT NULL REFERENCES pairings (id),
    -- Short per-pairing number shown to users (A1, A2, ...).
    number        INTEGER NOT NULL,
    title         TEXT    NOT NULL,
    owner_id      INTEGER NOT NULL,
    deadline_at   INTEGER NOT NULL,
    success       TEXT,
    session_id    INTEGER REFERENCES sessions (id),
    goal_id       INTEGER REFERENCES goals (id),
    status        TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'blocked', 'dropped')),
    status_reason TEXT,
    created_by    INTEGER NOT NULL,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    -- Bumped on every change of deadline or status; reminder dedupe keys carry it.
    revision      INTEGER NOT NULL DEFAULT 0,
    UNIQUE (pairing_id, number)
) STRICT;
CREATE INDEX action_items_open_by_deadline ON action_items (deadline_at) WHERE status IN ('open', 'blocked');

-- Who changed what on an action item, and when.
CREATE TABLE action_events (
    id          INTEGER PRIMARY KEY NOT NULL,
    action_id   INTEGER NOT NULL REFERENCES action_items (id),
    by_user     INTEGER NOT NULL,
    change      TEXT    NOT NULL,   -- created | deadline | status
    old_value   TEXT,
    new_value   TEXT,
    reason      TEXT,
    at          INTEGER NOT NULL
) STRICT;
CREATE INDEX action_events_by_action ON action_events (action_id);

-- Post-session notes; one row a session, edited by either member.
CREATE TABLE session_notes (
    session_id   INTEGER PRIMARY KEY NOT NULL REFERENCES sessions (id),
    takeaways    TEXT    NOT NULL DEFAULT '',
    -- One a line: `resource | type | purpose`, type one of tool, article, intro, feedback.
    resources    TEXT    NOT NULL DEFAULT '',
    -- One a line: `challenge | impact | possible solutions`.
    obstacles    TEXT    NOT NULL DEFAULT '',
    next_session TEXT    NOT NULL DEFAULT '',
    updated_by   INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
) STRICT;

-- Midpoint and final reviews, one entry per goal.
CREATE TABLE reviews (
    id          INTEGER PRIMARY KEY NOT NULL,
    pairing_id  INTEGER NOT NULL REFERENCES pairings (id),
    kind        TEXT    NOT NULL CHECK (kind IN ('midpoint', 'final')),
    goal_id     INTEGER NOT NULL REFERENCES goals (id),
    by_user     INTEGER NOT NULL,
    -- midpoint: progress, evidence, adjustment; final: achieved (yes/no), learnings, next steps.
    progress    INTEGER,
    achieved    INTEGER CHECK (achieved IN (0, 1)),
    evidence    TEXT,
    adjustment  TEXT,
    learnings   TEXT,
    next_steps  TEXT,
    at          INTEGER NOT NULL
) STRICT;
CREATE INDEX reviews_by_pairing ON reviews (pairing_id);
