-- PostgreSQL version of the SQLite migration of the same name: keep the two in step.
-- Privacy and per-server administration.
-- programs gains: coordinator_role_id (members with this role administer the program, besides
-- Manage Server) and retain_ended_secs (this program's override of `privacy.retain_ended`:
-- the content of a pairing that ended longer ago is deleted; NULL = the configured default).
ALTER TABLE programs ADD COLUMN coordinator_role_id BIGINT;
ALTER TABLE programs ADD COLUMN retain_ended_secs BIGINT CHECK (retain_ended_secs IS NULL OR retain_ended_secs >= 86400);

-- When retention deleted the content of an ended pairing (its sessions and counts stay).
ALTER TABLE pairings ADD COLUMN content_erased_at BIGINT;
CREATE INDEX pairings_ended ON pairings (ended_at) WHERE active = 0 AND content_erased_at IS NULL;

-- A member who asked to be forgotten is replaced, in that server, by a stand-in row with a
-- small id no Discord user has (below 2^22): the partner's history keeps its sessions and shows
-- "a former member"; nothing links the stand-in to the person.
ALTER TABLE members ADD COLUMN forgotten_at BIGINT;
