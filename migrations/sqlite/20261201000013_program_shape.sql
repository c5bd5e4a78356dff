-- A program with a shape: its timeline (first and last day, local dates in the program's zone),
-- its session outline, the pre-work a mentee shares, end-of-program reflections, quarterly
-- check-ins after the end, and milestones of goals.

-- 'YYYY-MM-DD' in the program's zone; NULL: no timeline (no automatic reviews).
ALTER TABLE programs ADD COLUMN starts_on TEXT;
ALTER TABLE programs ADD COLUMN ends_on TEXT;
-- The outline as the admin wrote it (one step a line, `Title: prompt`); NULL: the default.
ALTER TABLE programs ADD COLUMN outline TEXT;

-- The pair opted into quarterly check-ins after the program (a button on the final-review DM).
ALTER TABLE pairings ADD COLUMN check_ins INTEGER NOT NULL DEFAULT 0 CHECK (check_ins IN (0, 1));

-- The mentee's background (pre-work), one per pairing; private to the pair.
CREATE TABLE backgrounds (
    pairing_id     INTEGER PRIMARY KEY NOT NULL REFERENCES pairings (id),
    by_user        INTEGER NOT NULL,
    current_role   TEXT    NOT NULL,
    wants          TEXT    NOT NULL DEFAULT '',
    links          TEXT    NOT NULL DEFAULT '',
    communication  TEXT    NOT NULL DEFAULT '',
    frequency      TEXT    NOT NULL DEFAULT '',
    -- Bumped on every edit; the DM to the mentor carries it in its nonce.
    revision       INTEGER NOT NULL DEFAULT 0,
    updated_at     INTEGER NOT NULL
) STRICT;

-- The End-of-Program Reflection's prompts, one per person and pairing (the second step of the
-- final review, after one form per goal).
CREATE TABLE reflections (
    pairing_id    INTEGER NOT NULL REFERENCES pairings (id),
    by_user       INTEGER NOT NULL,
    changed_most  TEXT    NOT NULL DEFAULT '',
    skills        TEXT    NOT NULL DEFAULT '',
    keep_doing    TEXT    NOT NULL DEFAULT '',
    at            INTEGER NOT NULL,
    PRIMARY KEY (pairing_id, by_user)
) STRICT;

-- Milestones of a goal; done ones count into the goal's progress.
CREATE TABLE milestones (
    id          INTEGER PRIMARY KEY NOT NULL,
    goal_id     INTEGER NOT NULL REFERENCES goals (id),
    pairing_id  INTEGER NOT NULL REFERENCES pairings (id),
    -- Short per-pairing number shown to users (M1, M2, ...).
    number      INTEGER NOT NULL,
    title       TEXT    NOT NULL,
    due_at      INTEGER NOT NULL,
    done_at     INTEGER,
    created_by  INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    UNIQUE (pairing_id, number)
) STRICT;
CREATE INDEX milestones_by_goal ON milestones (goal_id);
