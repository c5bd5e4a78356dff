-- PostgreSQL version of the SQLite migration of the same name: keep the two in step.
-- Did a session happen? Each person's answer to the follow-up (and their rating of a session
-- that was held), and what the answers make of the session.

-- NULL: nobody has said yet (unconfirmed once the answer window has passed); 'held': someone
-- said "We met" or notes were written; 'missed': someone said "It didn't happen" and nobody met.
ALTER TABLE sessions ADD COLUMN attendance TEXT CHECK (attendance IN ('held', 'missed'));

-- Sessions with notes were held.
UPDATE sessions SET attendance = 'held'
WHERE status = 'completed' OR EXISTS (SELECT 1 FROM session_notes n WHERE n.session_id = sessions.id);

CREATE TABLE session_answers (
    session_id  BIGINT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    user_id     BIGINT NOT NULL,
    answer      TEXT    NOT NULL CHECK (answer IN ('met', 'missed')),
    -- How useful the session was to this person (1-5); only with 'met'. Never shown per session.
    rating      BIGINT CHECK (rating IS NULL OR (rating BETWEEN 1 AND 5 AND answer = 'met')),
    answered_at BIGINT NOT NULL,
    PRIMARY KEY (session_id, user_id)
);
