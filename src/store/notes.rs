//! Queries on `session_notes`, and marking a session completed (and held) when its notes are
//! written.

use anyhow::Context as _;
use chrono::{DateTime, Utc};

use super::{from_ts, ts, Store, Tx};
use crate::domain::{
    ids::UserId,
    notes::{NotesInput, SessionNotes},
};

#[derive(sqlx::FromRow)]
struct Row {
    session_id: i64,
    takeaways: String,
    resources: String,
    obstacles: String,
    next_session: String,
    updated_by: i64,
    updated_at: i64,
}

impl From<Row> for SessionNotes {
    fn from(r: Row) -> Self {
        SessionNotes {
            session_id: r.session_id,
            takeaways: r.takeaways,
            resources: r.resources,
            obstacles: r.obstacles,
            next_session: r.next_session,
            updated_by: UserId::from_db(r.updated_by),
            updated_at: from_ts(r.updated_at),
        }
    }
}

impl Store {
    /// The notes of a session, if any.
    pub async fn session_notes(&self, session_id: i64) -> anyhow::Result<Option<SessionNotes>> {
        let row = sqlx::query_as::<_, Row>(
            "SELECT session_id, takeaways, resources, obstacles, next_session, updated_by, updated_at
             FROM session_notes WHERE session_id = $1",
        )
        .bind(session_id)
        .fetch_optional(self.pool())
        .await
        .context("while loading session notes")?;
        Ok(row.map(SessionNotes::from))
    }

    /// Whether a session has notes.
    pub async fn session_has_notes(&self, session_id: i64) -> anyhow::Result<bool> {
        let n = sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM session_notes WHERE session_id = $1")
            .bind(session_id)
            .fetch_one(self.pool())
            .await
            .context("while checking for session notes")?;
        Ok(n > 0)
    }

    /// Creates or replaces a session's notes and marks the session completed.
    pub async fn save_notes(
        &self,
        tx: &mut Tx,
        session_id: i64,
        input: &NotesInput,
        by: UserId,
        now: DateTime<Utc>,
    ) -> anyhow::Result<SessionNotes> {
        let row = sqlx::query_as::<_, Row>(
            "INSERT INTO session_notes (session_id, takeaways, resources, obstacles, next_session, updated_by,
                                        created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
             ON CONFLICT (session_id) DO UPDATE SET
                 takeaways = excluded.takeaways, resources = excluded.resources, obstacles = excluded.obstacles,
                 next_session = excluded.next_session, updated_by = excluded.updated_by,
                 updated_at = excluded.updated_at
             RETURNING session_id, takeaways, resources, obstacles, next_session, updated_by, updated_at",
        )
        .bind(session_id)
        .bind(&input.takeaways)
        .bind(&input.resources)
        .bind(&input.obstacles)
        .bind(&input.next_session)
        .bind(by.db())
        .bind(ts(now))
        .fetch_one(&mut **tx)
        .await
        .context("while saving session notes")?;
        sqlx::query(
            "UPDATE sessions SET status = CASE status WHEN 'booked' THEN 'completed' ELSE status END,
                                 attendance = 'held', updated_at = $1
             WHERE id = $2 AND status <> 'cancelled'",
        )
        .bind(ts(now))
        .bind(session_id)
        .execute(&mut **tx)
        .await
        .context("while marking a session completed and held")?;
        Ok(row.into())
    }
}
