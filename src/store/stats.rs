//! Reads the scheduler needs: the facts that decide whether a job still applies, and the
//! aggregates of the weekly nudge (counts only, never a pair's content).

use anyhow::Context as _;
use chrono::{DateTime, Utc};

use super::{ts, Store};
use crate::domain::{ids::GuildId, pairing::Pairing, session::Session};

/// A session with its pairing and whether the pair prepared and recorded it.
#[derive(Debug, Clone)]
pub struct SessionFacts {
    pub session: Session,
    pub pairing: Pairing,
    pub has_agenda: bool,
    pub has_notes: bool,
}

/// The weekly nudge's aggregates for one program.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WeeklyStats {
    pub held_last_week: i64,
    pub agendas_on_time: i64,
    pub booked_this_week: i64,
    pub actions_done_last_week: i64,
    pub actions_overdue: i64,
    pub active_pairs: i64,
    pub stale_pairs: i64,
}

/// The time windows of a weekly nudge, as instants.
#[derive(Debug, Clone, Copy)]
pub struct Weeks {
    pub last_week_start: DateTime<Utc>,
    pub this_week_start: DateTime<Utc>,
    pub next_week_start: DateTime<Utc>,
    pub now: DateTime<Utc>,
    pub stale_before: DateTime<Utc>,
}

impl Store {
    /// A session, its pairing, and whether it has an agenda and notes.
    pub async fn session_facts(&self, session_id: i64) -> anyhow::Result<Option<SessionFacts>> {
        let Some(session) = self.session(session_id).await? else { return Ok(None) };
        let Some(pairing) = self.pairing(session.pairing_id).await? else { return Ok(None) };
        let (has_agenda, has_notes) = sqlx::query_as::<_, (bool, bool)>(
            "SELECT EXISTS (SELECT 1 FROM agendas WHERE session_id = ?1),
                    EXISTS (SELECT 1 FROM session_notes WHERE session_id = ?1)",
        )
        .bind(session_id)
        .fetch_one(self.pool())
        .await
        .context("while checking a session's agenda and notes")?;
        Ok(Some(SessionFacts { session, pairing, has_agenda, has_notes }))
    }

    /// The weekly nudge's aggregates of one guild's program.
    pub async fn weekly_stats(&self, guild: GuildId, w: &Weeks) -> anyhow::Result<WeeklyStats> {
        let (held, on_time, booked) = sqlx::query_as::<_, (i64, i64, i64)>(
            "SELECT
                 COALESCE(SUM(s.status <> 'cancelled' AND s.starts_at >= ?2 AND s.starts_at < ?3
                              AND s.starts_at + s.duration_minutes * 60 <= ?5), 0),
                 COALESCE(SUM(s.status <> 'cancelled' AND s.starts_at >= ?2 AND s.starts_at < ?3
                              AND s.starts_at + s.duration_minutes * 60 <= ?5
                              AND EXISTS (SELECT 1 FROM agendas a WHERE a.session_id = s.id
                                          AND a.submitted_at <= s.starts_at)), 0),
                 COALESCE(SUM(s.status = 'booked' AND s.starts_at >= ?3 AND s.starts_at < ?4), 0)
             FROM sessions s JOIN pairings p ON p.id = s.pairing_id
             WHERE p.guild_id = ?1",
        )
        .bind(guild.db())
        .bind(ts(w.last_week_start))
        .bind(ts(w.this_week_start))
        .bind(ts(w.next_week_start))
        .bind(ts(w.now))
        .fetch_one(self.pool())
        .await
        .context("while counting sessions for the weekly nudge")?;
        let (done, overdue) = sqlx::query_as::<_, (i64, i64)>(
            "SELECT
                 (SELECT COUNT(DISTINCT e.action_id) FROM action_events e
                  JOIN action_items a ON a.id = e.action_id JOIN pairings p ON p.id = a.pairing_id
                  WHERE p.guild_id = ?1 AND e.change = 'status' AND e.new_value = 'done'
                    AND e.at >= ?2 AND e.at < ?3),
                 (SELECT COUNT(*) FROM action_items a JOIN pairings p ON p.id = a.pairing_id
                  WHERE p.guild_id = ?1 AND a.status = 'open' AND a.deadline_at < ?4)",
        )
        .bind(guild.db())
        .bind(ts(w.last_week_start))
        .bind(ts(w.this_week_start))
        .bind(ts(w.now))
        .fetch_one(self.pool())
        .await
        .context("while counting action items for the weekly nudge")?;
        let (active, stale) = sqlx::query_as::<_, (i64, i64)>(
            "SELECT COUNT(*), COALESCE(SUM(last_met < ?3), 0) FROM (
                 SELECT COALESCE((SELECT MAX(s.starts_at) FROM sessions s
                                  WHERE s.pairing_id = p.id AND s.status <> 'cancelled' AND s.starts_at <= ?2),
                                 p.created_at) AS last_met
                 FROM pairings p WHERE p.guild_id = ?1 AND p.active = 1
             )",
        )
        .bind(guild.db())
        .bind(ts(w.now))
        .bind(ts(w.stale_before))
        .fetch_one(self.pool())
        .await
        .context("while counting stale pairs")?;
        Ok(WeeklyStats {
            held_last_week: held,
            agendas_on_time: on_time,
            booked_this_week: booked,
            actions_done_last_week: done,
            actions_overdue: overdue,
            active_pairs: active,
            stale_pairs: stale,
        })
    }
}
