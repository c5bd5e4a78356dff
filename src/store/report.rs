//! Reads of the program report: the sessions and action items of a time range and per-pairing
//! health, as counts and dates only (never what a pair wrote, never a single rating).

use anyhow::Context as _;
use chrono::{DateTime, Utc};

use super::{ts, Store};
use crate::domain::{
    attendance::Settled,
    ids::{GuildId, UserId},
    report::{is_stale, ActionFact, PairHealth, SessionFact},
};

fn instant(t: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(t, 0).unwrap_or_default()
}

impl Store {
    /// Sessions of a guild that started in `[from, to)` and were not cancelled.
    pub async fn report_sessions(
        &self,
        guild: GuildId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> anyhow::Result<Vec<SessionFact>> {
        let rows = sqlx::query_as::<_, (i64, i64, Option<String>, i64, i64, i64)>(sqlx::AssertSqlSafe(format!(
            "SELECT s.starts_at, s.starts_at + s.duration_minutes * 60, s.attendance,
                    (SELECT COUNT(*) FROM agendas a WHERE a.session_id = s.id AND a.submitted_at <= s.starts_at),
                    (SELECT COUNT(r.rating) FROM session_answers r WHERE r.session_id = s.id),
                    (SELECT CAST(COALESCE(SUM(r.rating), 0) AS BIGINT) FROM session_answers r WHERE r.session_id = s.id)
             FROM sessions s {hint} JOIN pairings p ON p.id = s.pairing_id
             WHERE s.starts_at >= $2 AND s.starts_at < $3 AND p.guild_id = $1 AND s.status <> 'cancelled'",
            hint = self.backend().indexed_by("sessions_by_start")
        )))
        .bind(guild.db())
        .bind(ts(from))
        .bind(ts(to))
        .fetch_all(self.pool())
        .await
        .context("while reading sessions for the program report")?;
        Ok(rows
            .into_iter()
            .map(|(start, end, attendance, on_time, ratings, sum)| SessionFact {
                starts_at: instant(start),
                ends_at: instant(end),
                attendance: attendance.as_deref().and_then(Settled::parse),
                agenda_on_time: on_time > 0,
                ratings,
                rating_sum: sum,
            })
            .collect())
    }

    /// Action items of a guild due in `[from, to)` or done in it, with when they were done.
    pub async fn report_actions(
        &self,
        guild: GuildId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> anyhow::Result<Vec<ActionFact>> {
        let rows = sqlx::query_as::<_, (i64, String, Option<i64>)>(
            "SELECT deadline_at, status, done_at FROM (
                 SELECT a.deadline_at, a.status,
                        CASE WHEN a.status = 'done' THEN
                            (SELECT MAX(e.at) FROM action_events e WHERE e.action_id = a.id
                             AND e.change = 'status' AND e.new_value = 'done') END AS done_at
                 FROM action_items a JOIN pairings p ON p.id = a.pairing_id
                 WHERE p.guild_id = $1) AS facts
             WHERE (deadline_at >= $2 AND deadline_at < $3) OR (done_at >= $2 AND done_at < $3)",
        )
        .bind(guild.db())
        .bind(ts(from))
        .bind(ts(to))
        .fetch_all(self.pool())
        .await
        .context("while reading action items for the program report")?;
        Ok(rows
            .into_iter()
            .map(|(deadline, status, done_at)| ActionFact {
                deadline: instant(deadline),
                done_at: done_at.map(instant),
                dropped: status == "dropped",
            })
            .collect())
    }

    /// Health of every active pairing of a guild, oldest pairing first; stale when nothing was
    /// held since `stale_before` ([`is_stale`]).
    pub async fn pair_health(
        &self,
        guild: GuildId,
        now: DateTime<Utc>,
        stale_before: DateTime<Utc>,
    ) -> anyhow::Result<Vec<PairHealth>> {
        type Row = (i64, i64, i64, String, String, i64, Option<i64>, Option<i64>, i64, i64, i64, i64, i64);
        let rows = sqlx::query_as::<_, Row>(
            "SELECT p.id, p.mentor_id, p.mentee_id,
                    COALESCE(mr.display_name, ''), COALESCE(me.display_name, ''), p.created_at,
                    (SELECT MAX(s.starts_at) FROM sessions s WHERE s.pairing_id = p.id
                       AND s.attendance = 'held' AND s.status <> 'cancelled'),
                    (SELECT MIN(s.starts_at) FROM sessions s WHERE s.pairing_id = p.id
                       AND s.status = 'booked' AND s.starts_at > $2),
                    (SELECT COUNT(*) FROM sessions s WHERE s.pairing_id = p.id
                       AND s.attendance = 'held' AND s.status <> 'cancelled'),
                    (SELECT COUNT(*) FROM sessions s WHERE s.pairing_id = p.id
                       AND s.attendance = 'missed' AND s.status <> 'cancelled'),
                    (SELECT COUNT(*) FROM sessions s JOIN agendas a ON a.session_id = s.id
                       WHERE s.pairing_id = p.id AND s.attendance = 'held' AND a.submitted_at <= s.starts_at),
                    (SELECT COUNT(*) FROM action_items a WHERE a.pairing_id = p.id
                       AND a.status IN ('open', 'blocked')),
                    (SELECT COUNT(*) FROM action_items a WHERE a.pairing_id = p.id
                       AND a.status IN ('open', 'blocked') AND a.deadline_at < $2)
             FROM pairings p
             LEFT JOIN members mr ON mr.guild_id = p.guild_id AND mr.user_id = p.mentor_id
             LEFT JOIN members me ON me.guild_id = p.guild_id AND me.user_id = p.mentee_id
             WHERE p.guild_id = $1 AND p.active = 1
             ORDER BY p.id",
        )
        .bind(guild.db())
        .bind(ts(now))
        .fetch_all(self.pool())
        .await
        .context("while reading pair health")?;
        Ok(rows
            .into_iter()
            .map(|r| PairHealth {
                stale: is_stale(r.6.map(instant), instant(r.5), stale_before),
                pairing_id: r.0,
                mentor_id: UserId::from_db(r.1).0,
                mentee_id: UserId::from_db(r.2).0,
                mentor: r.3,
                mentee: r.4,
                since: instant(r.5),
                last_held: r.6.map(instant),
                next_booked: r.7.map(instant),
                held: r.8,
                missed: r.9,
                agendas_on_time: r.10,
                open_actions: r.11,
                overdue_actions: r.12,
            })
            .collect())
    }
}
