-- A random id of this database, mixed into message nonces: a fresh database (a wiped volume)
-- never reuses the nonces of the previous one while Discord still remembers them.
CREATE TABLE instance (
    id TEXT NOT NULL
) STRICT;
INSERT INTO instance (id) VALUES (lower(hex(randomblob(3))));
