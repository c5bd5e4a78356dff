-- PostgreSQL version of the SQLite migration of the same name: keep the two in step.
-- A random id of this database, mixed into message nonces: a fresh database (a wiped volume)
-- never reuses the nonces of the previous one while Discord still remembers them.
CREATE TABLE instance (
    id TEXT NOT NULL
);
-- SQLite: lower(hex(randomblob(3))), six lower-case hex digits; gen_random_uuid() (built in since
-- PostgreSQL 13) draws from a strong random source and its first six characters are random hex.
INSERT INTO instance (id) VALUES (substr(gen_random_uuid()::text, 1, 6));
