//! Reads the scheduler needs: the facts that decide whether a job still applies, and the
//! aggregates of the weekly nudge (counts only, never a pair's content).

use anyhow::Context as _;
use chrono::{DateTime, Utc};

use super::{ts, Store};
use crate::domain::{
    attendance::{Settled, ANSWER_WINDOW},
    ids::GuildId,
    pairing::Pairing,
    session::Session,
};

/// A session with its pairing and whether the pair prepared and recorded it.
#[derive(Debug, Clone)]
pub struct SessionFacts {
    pub session: Session,
    pub pairing: Pairing,
    pub has_agenda: bool,
    pub has_notes: bool,
    /// Whether the session was held or missed, as far as the pair said.
    pub attendance: Option<Settled>,
}

/// The weekly nudge's aggregates for one program.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WeeklyStats {
    /// Sessions of last week that were held (someone said "We met", or notes were written).
    pub held_last_week: i64,
    /// Sessions of last week that the pair said did not happen.
    pub missed_last_week: i64,
    /// Sessions of last week nobody answered for within the answer window.
    pub unconfirmed_last_week: i64,
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
    /// A session, its pairing, whether it has an agenda and notes, and its attendance.
    pub async fn session_facts(&self, session_id: i64) -> anyhow::Result<Option<SessionFacts>> {
        let Some(session) = self.session(session_id).await? else { return Ok(None) };
        let Some(pairing) = self.pairing(session.pairing_id).await? else { return Ok(None) };
        let (agendas, notes) = sqlx::query_as::<_, (i64, i64)>(
            "SELECT (SELECT COUNT(*) FROM agendas WHERE session_id = $1),
                    (SELECT COUNT(*) FROM session_notes WHERE session_id = $1)",
        )
        .bind(session_id)
        .fetch_one(self.pool())
        .await
        .context("while checking a session's agenda and notes")?;
        let attendance = self.session_attendance(session_id).await?;
        Ok(Some(SessionFacts { session, pairing, has_agenda: agendas > 0, has_notes: notes > 0, attendance }))
    }

    /// The weekly nudge's aggregates of one guild's program.
    pub async fn weekly_stats(&self, guild: GuildId, w: &Weeks) -> anyhow::Result<WeeklyStats> {
        let (held, on_time, booked, missed, unconfirmed) = sqlx::query_as::<_, (i64, i64, i64, i64, i64)>(
            "SELECT
                 COUNT(CASE WHEN last_week AND s.attendance = 'held' THEN 1 END),
                 COUNT(CASE WHEN last_week AND s.attendance = 'held'
                              AND EXISTS (SELECT 1 FROM agendas a WHERE a.session_id = s.id
                                          AND a.submitted_at <= s.starts_at) THEN 1 END),
                 COUNT(CASE WHEN s.status = 'booked' AND s.starts_at >= $3 AND s.starts_at < $4 THEN 1 END),
                 COUNT(CASE WHEN last_week AND s.attendance = 'missed' THEN 1 END),
                 COUNT(CASE WHEN last_week AND s.attendance IS NULL
                              AND s.starts_at + s.duration_minutes * 60 <= $6 THEN 1 END)
             FROM (SELECT s.*, (s.status <> 'cancelled' AND s.starts_at >= $2 AND s.starts_at < $3
                                AND s.starts_at + s.duration_minutes * 60 <= $5) AS last_week
                   FROM sessions s) s
             JOIN pairings p ON p.id = s.pairing_id
             WHERE p.guild_id = $1",
        )
        .bind(guild.db())
        .bind(ts(w.last_week_start))
        .bind(ts(w.this_week_start))
        .bind(ts(w.next_week_start))
        .bind(ts(w.now))
        .bind(ts(w.now - ANSWER_WINDOW))
        .fetch_one(self.pool())
        .await
        .context("while counting sessions for the weekly nudge")?;
        let (done, overdue) = sqlx::query_as::<_, (i64, i64)>(
            "SELECT
                 (SELECT COUNT(DISTINCT e.action_id) FROM action_events e
                  JOIN action_items a ON a.id = e.action_id JOIN pairings p ON p.id = a.pairing_id
                  WHERE p.guild_id = $1 AND e.change = 'status' AND e.new_value = 'done'
                    AND e.at >= $2 AND e.at < $3),
                 (SELECT COUNT(*) FROM action_items a JOIN pairings p ON p.id = a.pairing_id
                  WHERE p.guild_id = $1 AND a.status = 'open' AND a.deadline_at < $4)",
        )
        .bind(guild.db())
        .bind(ts(w.last_week_start))
        .bind(ts(w.this_week_start))
        .bind(ts(w.now))
        .fetch_one(self.pool())
        .await
        .context("while counting action items for the weekly nudge")?;
        // A missed session is no meeting: a pair whose sessions keep being missed goes stale.
        // Held and not (yet) answered sessions count as meetings.
        let (active, stale) = sqlx::query_as::<_, (i64, i64)>(
            "SELECT COUNT(*), COUNT(CASE WHEN last_met < $3 THEN 1 END) FROM (
                 SELECT COALESCE((SELECT MAX(s.starts_at) FROM sessions s
                                  WHERE s.pairing_id = p.id AND s.status <> 'cancelled'
                                    AND s.attendance IS DISTINCT FROM 'missed' AND s.starts_at <= $2),
                                 p.created_at) AS last_met
                 FROM pairings p WHERE p.guild_id = $1 AND p.active = 1
             ) AS pairs",
        )
        .bind(guild.db())
        .bind(ts(w.now))
        .bind(ts(w.stale_before))
        .fetch_one(self.pool())
        .await
        .context("while counting stale pairs")?;
        Ok(WeeklyStats {
            held_last_week: held,
            missed_last_week: missed,
            unconfirmed_last_week: unconfirmed,
            agendas_on_time: on_time,
            booked_this_week: booked,
            actions_done_last_week: done,
            actions_overdue: overdue,
            active_pairs: active,
            stale_pairs: stale,
        })
    }
}
