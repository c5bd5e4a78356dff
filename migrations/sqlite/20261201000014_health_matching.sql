-- Matching: a program's interest tags, the tags each member picked from them (a mentee's
-- interests, a mentor's expertise), a mentor's capacity, and suggestions an admin skipped.

-- JSON array of the program's tags, in the order the admin gave them.
ALTER TABLE programs ADD COLUMN interest_tags TEXT NOT NULL DEFAULT '[]';

-- JSON array of tags (spelt as the program spells them).
ALTER TABLE members ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
-- Most mentees a mentor takes at once (suggestions respect it).
ALTER TABLE members ADD COLUMN capacity INTEGER NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 20);

-- A suggestion an admin skipped is not suggested again.
CREATE TABLE match_skips (
    guild_id   INTEGER NOT NULL REFERENCES programs (guild_id) ON DELETE CASCADE,
    mentor_id  INTEGER NOT NULL,
    mentee_id  INTEGER NOT NULL,
    skipped_by INTEGER NOT NULL,
    skipped_at INTEGER NOT NULL,
    PRIMARY KEY (guild_id, mentor_id, mentee_id)
) STRICT;

-- Admins who get the weekly digest DM (pair health with Nudge both for stale pairs).
CREATE TABLE digest_subscribers (
    guild_id   INTEGER NOT NULL REFERENCES programs (guild_id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL,
    since      INTEGER NOT NULL,
    PRIMARY KEY (guild_id, user_id)
) STRICT;
