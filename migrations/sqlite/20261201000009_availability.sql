-- Weekly availability (local wall times in the member's zone) and away periods (holidays).

CREATE TABLE availability_slots (
    guild_id     INTEGER NOT NULL,
    user_id      INTEGER NOT NULL,
    -- 0 = Monday ... 6 = Sunday, in the member's zone.
    weekday      INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    -- Minutes after local midnight; the end may be 1440 (midnight at the end of the day).
    start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    end_minute   INTEGER NOT NULL CHECK (end_minute > start_minute AND end_minute <= 1440),
    PRIMARY KEY (guild_id, user_id, weekday, start_minute, end_minute),
    FOREIGN KEY (guild_id, user_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE
) STRICT;

CREATE TABLE away_periods (
    id         INTEGER PRIMARY KEY NOT NULL,
    guild_id   INTEGER NOT NULL,
    user_id    INTEGER NOT NULL,
    -- [starts_at, ends_at) in unix seconds: local midnights of the first and the day after the last day.
    starts_at  INTEGER NOT NULL,
    ends_at    INTEGER NOT NULL CHECK (ends_at > starts_at),
    -- Private to the member.
    note       TEXT,
    created_at INTEGER NOT NULL,
    FOREIGN KEY (guild_id, user_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE
) STRICT;

CREATE INDEX away_periods_by_member ON away_periods (guild_id, user_id, ends_at);
