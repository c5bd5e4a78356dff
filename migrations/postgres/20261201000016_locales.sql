-- PostgreSQL version of the SQLite migration of the same name: keep the two in step.
-- The language people and servers read the bot in: the Discord locale their client (a member)
-- or the server (a program) last showed, so the scheduler's DMs and channel posts use it too.
-- NULL: not seen yet, English.
ALTER TABLE members ADD COLUMN locale TEXT;
ALTER TABLE programs ADD COLUMN locale TEXT;
