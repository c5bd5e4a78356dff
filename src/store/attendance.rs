//! Queries on `session_answers` and `sessions.attendance`: each person's answer to "Did the
//! session happen?" and rating, what they settle, and program-wide counts (never a pair's rating).

use anyhow::Context as _;
use chrono::{DateTime, Utc};

use super::{ts, Store, Tx};
use crate::domain::{
    attendance::{Answer, Rating, Settled, ANSWER_WINDOW},
    ids::{GuildId, UserId},
};

/// Program-wide attendance of sessions that have ended.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AttendanceCounts {
    pub held: i64,
    pub missed: i64,
    /// Nobody answered within the answer window.
    pub unconfirmed: i64,
    /// Ended, not answered yet, still within the window.
    pub awaiting: i64,
}

/// How many ratings a program has and their sum (admins see only an average of enough).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RatingTotals {
    pub count: i64,
    pub sum: i64,
}

impl Store {
    /// Every answer given for a session, by person.
    pub async fn session_answers(&self, tx: &mut Tx, session_id: i64) -> anyhow::Result<Vec<(UserId, Answer)>> {
        let rows = sqlx::query_as::<_, (i64, String)>(
            "SELECT user_id, answer FROM session_answers WHERE session_id = $1 ORDER BY user_id",
        )
        .bind(session_id)
        .fetch_all(&mut **tx)
        .await
        .context("while loading a session's attendance answers")?;
        rows.into_iter()
            .map(|(user, answer)| {
                let answer = Answer::parse(&answer).with_context(|| format!("stored answer {answer:?}"))?;
                Ok((UserId::from_db(user), answer))
            })
            .collect()
    }

    /// Whether a session has notes, read inside a change's transaction (so an answer and notes
    /// written at the same moment cannot settle the session as missed).
    pub async fn notes_exist(&self, tx: &mut Tx, session_id: i64) -> anyhow::Result<bool> {
        let n = sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM session_notes WHERE session_id = $1")
            .bind(session_id)
            .fetch_one(&mut **tx)
            .await
            .context("while checking a session's notes")?;
        Ok(n > 0)
    }

    /// What is settled about a session's attendance.
    pub async fn session_attendance(&self, session_id: i64) -> anyhow::Result<Option<Settled>> {
        let stored = sqlx::query_scalar::<_, Option<String>>("SELECT attendance FROM sessions WHERE id = $1")
            .bind(session_id)
            .fetch_optional(self.pool())
            .await
            .context("while loading a session's attendance")?
            .flatten();
        stored.map(|s| Settled::parse(&s).with_context(|| format!("stored attendance {s:?}"))).transpose()
    }

    /// Records a person's answer (replacing their earlier one; "It didn't happen" drops their
    /// rating).
    pub async fn save_answer(
        &self,
        tx: &mut Tx,
        session_id: i64,
        user: UserId,
        answer: Answer,
        now: DateTime<Utc>,
    ) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO session_answers (session_id, user_id, answer, answered_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (session_id, user_id) DO UPDATE SET
                 answer = excluded.answer, answered_at = excluded.answered_at,
                 rating = CASE excluded.answer WHEN 'met' THEN session_answers.rating END",
        )
        .bind(session_id)
        .bind(user.db())
        .bind(answer.as_str())
        .bind(ts(now))
        .execute(&mut **tx)
        .await
        .context("while saving an attendance answer")?;
        Ok(())
    }

    /// Stores what the answers settle about a session.
    pub async fn set_attendance(
        &self,
        tx: &mut Tx,
        session_id: i64,
        settled: Option<Settled>,
        now: DateTime<Utc>,
    ) -> anyhow::Result<()> {
        sqlx::query("UPDATE sessions SET attendance = $1, updated_at = $2 WHERE id = $3")
            .bind(settled.map(Settled::as_str))
            .bind(ts(now))
            .bind(session_id)
            .execute(&mut **tx)
            .await
            .context("while saving a session's attendance")?;
        Ok(())
    }

    /// Forgets every answer and rating of a session (it moved: the answers were about the old time).
    pub async fn clear_attendance(&self, tx: &mut Tx, session_id: i64) -> anyhow::Result<()> {
        sqlx::query("DELETE FROM session_answers WHERE session_id = $1")
            .bind(session_id)
            .execute(&mut **tx)
            .await
            .context("while clearing a session's attendance answers")?;
        sqlx::query("UPDATE sessions SET attendance = NULL WHERE id = $1")
            .bind(session_id)
            .execute(&mut **tx)
            .await
            .context("while clearing a session's attendance")?;
        Ok(())
    }

    /// Stores a person's rating; `false` unless their answer is "We met".
    pub async fn save_rating(
        &self,
        tx: &mut Tx,
        session_id: i64,
        user: UserId,
        rating: Rating,
    ) -> anyhow::Result<bool> {
        let done = sqlx::query(
            "UPDATE session_answers SET rating = $1 WHERE session_id = $2 AND user_id = $3 AND answer = 'met'",
        )
        .bind(i64::from(rating.get()))
        .bind(session_id)
        .bind(user.db())
        .execute(&mut **tx)
        .await
        .context("while saving a rating")?;
        Ok(done.rows_affected() == 1)
    }

    /// Held, missed, unconfirmed and awaiting counts of a program's sessions that started since
    /// `since` and ended by `now` (read through the start-time index, so the cost follows
    /// recent activity, not the program's size).
    pub async fn attendance_counts(
        &self,
        guild: GuildId,
        since: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> anyhow::Result<AttendanceCounts> {
        let (held, missed, unconfirmed, awaiting) =
            sqlx::query_as::<_, (i64, i64, i64, i64)>(sqlx::AssertSqlSafe(format!(
                "SELECT COUNT(CASE WHEN s.attendance = 'held' THEN 1 END),
                    COUNT(CASE WHEN s.attendance = 'missed' THEN 1 END),
                    COUNT(CASE WHEN s.attendance IS NULL AND s.starts_at + s.duration_minutes * 60 <= $3 THEN 1 END),
                    COUNT(CASE WHEN s.attendance IS NULL AND s.starts_at + s.duration_minutes * 60 > $3 THEN 1 END)
             FROM sessions s {hint} JOIN pairings p ON p.id = s.pairing_id
             WHERE s.starts_at >= $4 AND s.starts_at <= $2 AND p.guild_id = $1 AND s.status <> 'cancelled'
               AND s.starts_at + s.duration_minutes * 60 <= $2",
                hint = self.backend().indexed_by("sessions_by_start")
            )))
            .bind(guild.db())
            .bind(ts(now))
            .bind(ts(now - ANSWER_WINDOW))
            .bind(ts(since))
            .fetch_one(self.pool())
            .await
            .context("while counting attendance")?;
        Ok(AttendanceCounts { held, missed, unconfirmed, awaiting })
    }

    /// The number and sum of the ratings of a program's sessions that started since `since`.
    pub async fn rating_totals(
        &self,
        guild: GuildId,
        since: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> anyhow::Result<RatingTotals> {
        let (count, sum) = sqlx::query_as::<_, (i64, i64)>(sqlx::AssertSqlSafe(format!(
            "SELECT COUNT(a.rating), CAST(COALESCE(SUM(a.rating), 0) AS BIGINT)
             FROM sessions s {hint}
             JOIN pairings p ON p.id = s.pairing_id JOIN session_answers a ON a.session_id = s.id
             WHERE s.starts_at >= $2 AND s.starts_at <= $3 AND p.guild_id = $1",
            hint = self.backend().indexed_by("sessions_by_start")
        )))
        .bind(guild.db())
        .bind(ts(since))
        .bind(ts(now))
        .fetch_one(self.pool())
        .await
        .context("while adding up ratings")?;
        Ok(RatingTotals { count, sum })
    }
}
