//! The jobs queue: planning (insert-or-ignore by dedupe key), atomic claiming with a lease,
//! marking outcomes, and the counts `/program status` shows.

use anyhow::Context as _;
use chrono::{DateTime, Duration, Utc};

use super::{from_ts, ts, Store, Tx};
use crate::domain::{
    ids::{GuildId, UserId},
    jobs::{JobKind, PlannedJob, Subject},
};

/// A claimed (or listed) job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    pub id: i64,
    pub kind: JobKind,
    pub guild_id: GuildId,
    pub subject: Subject,
    pub recipient: Option<UserId>,
    pub channel: Option<u64>,
    pub due_at: DateTime<Utc>,
    pub attempts: u32,
    pub last_error: Option<String>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    kind: String,
    guild_id: i64,
    subject_kind: String,
    subject_id: i64,
    recipient_id: Option<i64>,
    channel_id: Option<i64>,
    due_at: i64,
    attempts: i64,
    last_error: Option<String>,
}

impl Row {
    fn into_job(self) -> anyhow::Result<Job> {
        let subject = match self.subject_kind.as_str() {
            "session" => Subject::Session(self.subject_id),
            "action" => Subject::Action(self.subject_id),
            _ => Subject::Program,
        };
        Ok(Job {
            id: self.id,
            kind: JobKind::parse(&self.kind).with_context(|| format!("stored job kind {:?}", self.kind))?,
            guild_id: GuildId::from_db(self.guild_id),
            subject,
            recipient: self.recipient_id.map(UserId::from_db),
            #[allow(clippy::cast_sign_loss)]
            channel: self.channel_id.map(|c| c as u64),
            due_at: from_ts(self.due_at),
            attempts: u32::try_from(self.attempts).unwrap_or(u32::MAX),
            last_error: self.last_error,
        })
    }
}

fn subject_parts(subject: Subject) -> (&'static str, i64) {
    match subject {
        Subject::Session(id) => ("session", id),
        Subject::Action(id) => ("action", id),
        Subject::Program => ("program", 0),
    }
}

/// Job counts of a guild by state, and the next due job.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JobCounts {
    pub pending: i64,
    pub sent: i64,
    pub failed: i64,
    pub skipped: i64,
    pub next_due: Option<DateTime<Utc>>,
}

impl Store {
    /// Inserts planned jobs. An occurrence planned before (same dedupe key) is left alone, so
    /// nothing is sent twice, unless it was cancelled: then it is planned again.
    pub async fn plan_jobs(
        &self,
        tx: &mut Tx,
        guild: GuildId,
        jobs: &[PlannedJob],
        now: DateTime<Utc>,
    ) -> anyhow::Result<()> {
        for job in jobs {
            let (subject_kind, subject_id) = subject_parts(job.subject);
            sqlx::query(
                "INSERT INTO jobs (kind, guild_id, subject_kind, subject_id, recipient_id, channel_id, due_at,
                                   dedupe_key, created_at, updated_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                 ON CONFLICT (dedupe_key) DO UPDATE SET
                     state = 'pending', due_at = excluded.due_at, recipient_id = excluded.recipient_id,
                     channel_id = excluded.channel_id, attempts = 0, last_error = NULL, finished_at = NULL,
                     updated_at = excluded.updated_at
                 WHERE jobs.state = 'cancelled'",
            )
            .bind(job.kind.as_str())
            .bind(guild.db())
            .bind(subject_kind)
            .bind(subject_id)
            .bind(job.recipient.map(UserId::db))
            .bind(job.channel.and_then(|c| i64::try_from(c).ok()))
            .bind(ts(job.due_at))
            .bind(&job.dedupe_key)
            .bind(ts(now))
            .bind(ts(now))
            .execute(&mut **tx)
            .await
            .context("while planning jobs")?;
        }
        Ok(())
    }

    /// Cancels the pending jobs of a session or action item (before re-planning it).
    pub async fn cancel_jobs_of(&self, tx: &mut Tx, subject: Subject, now: DateTime<Utc>) -> anyhow::Result<u64> {
        let (subject_kind, subject_id) = subject_parts(subject);
        let done = sqlx::query(
            "UPDATE jobs SET state = 'cancelled', updated_at = ?, finished_at = ?
             WHERE subject_kind = ? AND subject_id = ? AND state = 'pending'",
        )
        .bind(ts(now))
        .bind(ts(now))
        .bind(subject_kind)
        .bind(subject_id)
        .execute(&mut **tx)
        .await
        .context("while cancelling jobs")?;
        Ok(done.rows_affected())
    }

    /// Cancels a program's pending jobs of one kind (the weekly nudge when its schedule changes).
    pub async fn cancel_program_jobs(
        &self,
        tx: &mut Tx,
        guild: GuildId,
        kind: JobKind,
        now: DateTime<Utc>,
    ) -> anyhow::Result<()> {
        sqlx::query(
            "UPDATE jobs SET state = 'cancelled', updated_at = ?, finished_at = ?
             WHERE guild_id = ? AND kind = ? AND state = 'pending'",
        )
        .bind(ts(now))
        .bind(ts(now))
        .bind(guild.db())
        .bind(kind.as_str())
        .execute(&mut **tx)
        .await
        .context("while cancelling program jobs")?;
        Ok(())
    }

    /// Atomically claims up to `limit` due jobs (pending and due, or running with an expired
    /// lease, i.e. claimed by a runner that crashed), leasing them until `now + lease`.
    pub async fn claim_due_jobs(&self, now: DateTime<Utc>, lease: Duration, limit: u32) -> anyhow::Result<Vec<Job>> {
        let rows = sqlx::query_as::<_, Row>(
            "UPDATE jobs SET state = 'running', lease_until = ?1, attempts = attempts + 1, updated_at = ?2
             WHERE id IN (
                 SELECT id FROM (
                     SELECT id, due_at FROM jobs WHERE state = 'pending' AND due_at <= ?2
                     UNION ALL
                     SELECT id, due_at FROM jobs WHERE state = 'running' AND lease_until <= ?2
                 ) ORDER BY due_at, id LIMIT ?3
             )
             RETURNING id, kind, guild_id, subject_kind, subject_id, recipient_id, channel_id, due_at, attempts,
                       last_error",
        )
        .bind(ts(now + lease))
        .bind(ts(now))
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await
        .context("while claiming due jobs")?;
        let mut jobs = rows.into_iter().map(Row::into_job).collect::<anyhow::Result<Vec<_>>>()?;
        jobs.sort_by_key(|j| (j.due_at, j.id));
        Ok(jobs)
    }

    /// Records the end of a claimed job: `sent`, `skipped` or `failed` (with the error).
    pub async fn finish_job(
        &self,
        tx: &mut Tx,
        id: i64,
        state: &str,
        error: Option<&str>,
        now: DateTime<Utc>,
    ) -> anyhow::Result<()> {
        sqlx::query(
            "UPDATE jobs SET state = ?, last_error = COALESCE(?, last_error), lease_until = NULL,
                             updated_at = ?, finished_at = ?
             WHERE id = ? AND state = 'running'",
        )
        .bind(state)
        .bind(error)
        .bind(ts(now))
        .bind(ts(now))
        .bind(id)
        .execute(&mut **tx)
        .await
        .context("while recording a job outcome")?;
        Ok(())
    }

    /// Marks many claimed jobs `sent` in one statement.
    pub async fn finish_jobs_sent(&self, tx: &mut Tx, ids: &[i64], now: DateTime<Utc>) -> anyhow::Result<()> {
        if ids.is_empty() {
            return Ok(());
        }
        sqlx::query(
            "UPDATE jobs SET state = 'sent', lease_until = NULL, updated_at = ?1, finished_at = ?1
             WHERE state = 'running' AND id IN (SELECT value FROM json_each(?2))",
        )
        .bind(ts(now))
        .bind(serde_json::to_string(ids)?)
        .execute(&mut **tx)
        .await
        .context("while recording sent jobs")?;
        Ok(())
    }

    /// Puts a claimed job back in the queue to be retried at `due_at`.
    pub async fn retry_job(
        &self,
        tx: &mut Tx,
        id: i64,
        due_at: DateTime<Utc>,
        error: &str,
        now: DateTime<Utc>,
    ) -> anyhow::Result<()> {
        sqlx::query(
            "UPDATE jobs SET state = 'pending', due_at = ?, last_error = ?, lease_until = NULL, updated_at = ?
             WHERE id = ? AND state = 'running'",
        )
        .bind(ts(due_at))
        .bind(error)
        .bind(ts(now))
        .bind(id)
        .execute(&mut **tx)
        .await
        .context("while scheduling a retry")?;
        Ok(())
    }

    /// When the runner must look again: the earliest pending due time or running lease expiry.
    pub async fn next_job_wakeup(&self) -> anyhow::Result<Option<DateTime<Utc>>> {
        let next = sqlx::query_scalar::<_, Option<i64>>(
            "SELECT MIN(t) FROM (
                 SELECT MIN(due_at) AS t FROM jobs WHERE state = 'pending'
                 UNION ALL
                 SELECT MIN(lease_until) AS t FROM jobs WHERE state = 'running'
             )",
        )
        .fetch_one(self.pool())
        .await
        .context("while finding the next due job")?;
        Ok(next.map(from_ts))
    }

    /// Counts by state for one guild, and its next due job.
    pub async fn job_counts(&self, guild: GuildId) -> anyhow::Result<JobCounts> {
        let rows = sqlx::query_as::<_, (String, i64, Option<i64>)>(
            "SELECT state, COUNT(*), MIN(due_at) FROM jobs WHERE guild_id = ? GROUP BY state",
        )
        .bind(guild.db())
        .fetch_all(self.pool())
        .await
        .context("while counting jobs")?;
        let mut counts = JobCounts::default();
        for (state, n, min_due) in rows {
            match state.as_str() {
                "pending" | "running" => {
                    counts.pending += n;
                    let due = min_due.map(from_ts);
                    counts.next_due = match (counts.next_due, due) {
                        (Some(a), Some(b)) => Some(a.min(b)),
                        (a, b) => a.or(b),
                    };
                }
                "sent" => counts.sent = n,
                "failed" => counts.failed = n,
                "skipped" => counts.skipped = n,
                _ => {}
            }
        }
        Ok(counts)
    }

    /// The most recent failed deliveries of a guild.
    pub async fn failed_jobs(&self, guild: GuildId, limit: u32) -> anyhow::Result<Vec<Job>> {
        let rows = sqlx::query_as::<_, Row>(
            "SELECT id, kind, guild_id, subject_kind, subject_id, recipient_id, channel_id, due_at, attempts, last_error
             FROM jobs WHERE guild_id = ? AND state = 'failed' ORDER BY finished_at DESC, id DESC LIMIT ?",
        )
        .bind(guild.db())
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await
        .context("while listing failed jobs")?;
        rows.into_iter().map(Row::into_job).collect()
    }

    /// The pending jobs of a guild (tests and the demo look at the plan).
    pub async fn pending_jobs(&self, guild: GuildId) -> anyhow::Result<Vec<Job>> {
        let rows = sqlx::query_as::<_, Row>(
            "SELECT id, kind, guild_id, subject_kind, subject_id, recipient_id, channel_id, due_at, attempts, last_error
             FROM jobs WHERE guild_id = ? AND state = 'pending' ORDER BY due_at, id",
        )
        .bind(guild.db())
        .fetch_all(self.pool())
        .await
        .context("while listing pending jobs")?;
        rows.into_iter().map(Row::into_job).collect()
    }
}
