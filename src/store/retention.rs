//! Retention: the content of pairings that ended long ago is deleted; the sessions (with their
//! attendance and ratings, which hold no text) and every count stay.

use anyhow::Context as _;
use chrono::{DateTime, Duration, Utc};

use super::{bind_leading, ts, Store};
use crate::domain::ids::GuildId;

/// Ended pairings of `?1` whose content is due for deletion (ended before `?2`).
macro_rules! expired {
    ($sql:literal) => {
        concat!(
            "WITH expired AS (SELECT id FROM pairings WHERE guild_id = $1 AND active = 0
                              AND content_erased_at IS NULL AND ended_at < $2) ",
            $sql
        )
    };
}

/// The statements of one retention pass, children before parents.
const ERASE: &[&str] = &[
    expired!("DELETE FROM action_events WHERE action_id IN (SELECT a.id FROM action_items a JOIN expired e ON e.id = a.pairing_id)"),
    expired!("DELETE FROM action_items WHERE pairing_id IN (SELECT id FROM expired)"),
    expired!("DELETE FROM goal_updates WHERE goal_id IN (SELECT g.id FROM goals g JOIN expired e ON e.id = g.pairing_id)"),
    expired!("DELETE FROM reviews WHERE pairing_id IN (SELECT id FROM expired)"),
    expired!("DELETE FROM goals WHERE pairing_id IN (SELECT id FROM expired)"),
    expired!("DELETE FROM agendas WHERE session_id IN (SELECT s.id FROM sessions s JOIN expired e ON e.id = s.pairing_id)"),
    expired!("DELETE FROM agenda_topics WHERE session_id IN (SELECT s.id FROM sessions s JOIN expired e ON e.id = s.pairing_id)"),
    expired!("DELETE FROM session_notes WHERE session_id IN (SELECT s.id FROM sessions s JOIN expired e ON e.id = s.pairing_id)"),
    expired!("UPDATE sessions SET topic = NULL, cancel_reason = NULL WHERE pairing_id IN (SELECT id FROM expired)"),
    expired!("UPDATE pairings SET content_erased_at = $3 WHERE id IN (SELECT id FROM expired)"),
];

impl Store {
    /// Every program with its own retention of ended pairings (`None`: the configured default).
    pub async fn retention_overrides(&self) -> anyhow::Result<Vec<(GuildId, Option<Duration>)>> {
        let rows = sqlx::query_as::<_, (i64, Option<i64>)>("SELECT guild_id, retain_ended_secs FROM programs")
            .fetch_all(self.pool())
            .await
            .context("while reading retention settings")?;
        Ok(rows.into_iter().map(|(g, secs)| (GuildId::from_db(g), secs.map(Duration::seconds))).collect())
    }

    /// Deletes the content of `guild`'s pairings that ended before `before`, in one transaction;
    /// returns how many pairings it cleared.
    pub async fn erase_ended_content(
        &self,
        guild: GuildId,
        before: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> anyhow::Result<u64> {
        let mut tx = self.begin().await?;
        let mut cleared = 0;
        for sql in ERASE {
            let done = bind_leading(sql, &[guild.db(), ts(before), ts(now)])
                .execute(&mut *tx)
                .await
                .context("while deleting the content of ended pairings")?;
            cleared = done.rows_affected();
        }
        tx.commit().await.context("while committing retention")?;
        Ok(cleared)
    }
}
