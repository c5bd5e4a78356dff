//! The jobs queue: planning (insert-or-ignore by dedupe key), atomic claiming with a lease and a
//! fencing token, marking each job's outcome (only by the claim that holds it), setting aside
//! kinds this binary does not know, pruning finished rows, and the counts `/program status` shows.

use anyhow::Context as _;
use chrono::{DateTime, Duration, Utc};

use super::{from_ts, ts, Backend, Store, Tx};
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
    /// When it was first due (retries move `due_at`; catch-up rules read this).
    pub planned_at: DateTime<Utc>,
    pub attempts: u32,
    pub last_error: Option<String>,
    /// The fencing token of the claim that returned this job (0 when only listed).
    pub claim_token: i64,
    /// A previous claim of this job expired unfinished: it may have been sent.
    pub in_flight: bool,
    /// The end of this claim's lease.
    pub lease_until: Option<DateTime<Utc>>,
    /// What a notice says (JSON), for notice kinds.
    pub payload: Option<String>,
}

/// The columns every job query returns.
const COLUMNS: &str = "id, kind, guild_id, subject_kind, subject_id, recipient_id, channel_id, due_at, planned_at, \
                       attempts, last_error, claim_token, in_flight, lease_until, payload";

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
    planned_at: i64,
    attempts: i64,
    last_error: Option<String>,
    claim_token: Option<i64>,
    in_flight: i64,
    lease_until: Option<i64>,
    payload: Option<String>,
}

impl Row {
    fn into_job(self) -> anyhow::Result<Job> {
        let subject = match self.subject_kind.as_str() {
            "session" => Subject::Session(self.subject_id),
            "action" => Subject::Action(self.subject_id),
            "pairing" => Subject::Pairing(self.subject_id),
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
            planned_at: from_ts(self.planned_at),
            attempts: u32::try_from(self.attempts).unwrap_or(u32::MAX),
            last_error: self.last_error,
            claim_token: self.claim_token.unwrap_or(0),
            in_flight: self.in_flight != 0,
            lease_until: self.lease_until.map(from_ts),
            payload: self.payload,
        })
    }
}

fn subject_parts(subject: Subject) -> (&'static str, i64) {
    match subject {
        Subject::Session(id) => ("session", id),
        Subject::Action(id) => ("action", id),
        Subject::Pairing(id) => ("pairing", id),
        Subject::Program => ("program", 0),
    }
}

/// What a claim returned: the jobs to deliver, and how many rows of unknown kinds it set aside.
#[derive(Debug, Default)]
pub struct Claimed {
    pub jobs: Vec<Job>,
    pub set_aside: usize,
}

/// Where one job stands (commands wait on their notices with this).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct JobOutcome {
    pub dedupe_key: String,
    pub state: String,
    pub last_error: Option<String>,
}

impl JobOutcome {
    /// Sent, skipped or failed: nothing more will happen.
    pub fn finished(&self) -> bool {
        matches!(self.state.as_str(), "sent" | "skipped" | "failed" | "cancelled")
    }
}

/// Job counts of a guild by state, and the next due job.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JobCounts {
    pub pending: i64,
    pub sent: i64,
    pub failed: i64,
    pub skipped: i64,
    pub set_aside: i64,
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
                                   planned_at, payload, dedupe_key, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9, $10, $10)
                 ON CONFLICT (dedupe_key) DO UPDATE SET
                     state = 'pending', due_at = excluded.due_at, planned_at = excluded.planned_at,
                     recipient_id = excluded.recipient_id, channel_id = excluded.channel_id,
                     payload = excluded.payload, attempts = 0, last_error = NULL, finished_at = NULL,
                     in_flight = 0, updated_at = excluded.updated_at
                 WHERE jobs.state = 'cancelled'",
            )
            .bind(job.kind.as_str())
            .bind(guild.db())
            .bind(subject_kind)
            .bind(subject_id)
            .bind(job.recipient.map(UserId::db))
            .bind(job.channel.and_then(|c| i64::try_from(c).ok()))
            .bind(ts(job.due_at))
            .bind(job.payload.as_deref())
            .bind(&job.dedupe_key)
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
            "UPDATE jobs SET state = 'cancelled', updated_at = $1, finished_at = $2
             WHERE subject_kind = $3 AND subject_id = $4 AND state = 'pending'",
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
            "UPDATE jobs SET state = 'cancelled', updated_at = $1, finished_at = $2
             WHERE guild_id = $3 AND kind = $4 AND state = 'pending'",
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
    /// lease, i.e. claimed by a runner that crashed or hung), leasing them until `now + lease`
    /// under a new fencing token. Jobs of paused programs (the bot was removed from the server)
    /// wait, and so do the due jobs of a person who is away (moved to the end of their away period).
    /// Rows of a kind this binary does not know are set aside, never returned. Claims take the
    /// writers' lock ([`Store::begin`]).
    pub async fn claim_due_jobs(&self, now: DateTime<Utc>, lease: Duration, limit: u32) -> anyhow::Result<Claimed> {
        // Under the writers' lock: a command's transaction that changes due jobs in several
        // statements holds the job counters between them; a claim that locked some of those jobs
        // first and then waited for the counters would deadlock with it.
        let mut tx = self.begin().await?;
        // A person who is away gets nothing: their due jobs wait until the away period ends
        // (`planned_at` stays, so the usual catch-up rules decide what is still sent then).
        sqlx::query(
            "UPDATE jobs SET updated_at = $1, due_at = (
                 SELECT MAX(a.ends_at) FROM away_periods a
                 WHERE a.guild_id = jobs.guild_id AND a.user_id = jobs.recipient_id
                   AND a.starts_at <= $1 AND a.ends_at > $1)
             WHERE state = 'pending' AND due_at <= $1 AND recipient_id IS NOT NULL
               AND EXISTS (SELECT 1 FROM away_periods a
                           WHERE a.guild_id = jobs.guild_id AND a.user_id = jobs.recipient_id
                             AND a.starts_at <= $1 AND a.ends_at > $1)",
        )
        .bind(ts(now))
        .execute(&mut *tx)
        .await
        .context("while holding the jobs of people who are away")?;
        let token: i64 = rand::random::<i64>().abs().max(1);
        let claim = match self.backend() {
            Backend::Sqlite => format!(
                "UPDATE jobs SET state = 'running', lease_until = $1, attempts = attempts + 1, updated_at = $2,
                             claim_token = $4, in_flight = (state = 'running')
             WHERE id IN (
                 SELECT id FROM (
                     SELECT id, due_at, guild_id FROM jobs WHERE state = 'pending' AND due_at <= $2
                     UNION ALL
                     SELECT id, due_at, guild_id FROM jobs WHERE state = 'running' AND lease_until <= $2
                 ) AS due
                 WHERE guild_id NOT IN (SELECT guild_id FROM programs WHERE paused = 1)
                 ORDER BY due_at, id LIMIT $3
             )
             RETURNING {COLUMNS}"
            ),
            // Several processes claim at once: each skips the rows another is claiming.
            Backend::Postgres => format!(
                "UPDATE jobs SET state = 'running', lease_until = $1, attempts = attempts + 1, updated_at = $2,
                                 claim_token = $4, in_flight = CASE WHEN state = 'running' THEN 1 ELSE 0 END
                 WHERE id IN (
                     SELECT id FROM jobs
                     WHERE ((state = 'pending' AND due_at <= $2) OR (state = 'running' AND lease_until <= $2))
                       AND guild_id NOT IN (SELECT guild_id FROM programs WHERE paused = 1)
                     ORDER BY due_at, id LIMIT $3
                     FOR UPDATE SKIP LOCKED
                 )
                 RETURNING {COLUMNS}"
            ),
        };
        let rows = sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(claim))
            .bind(ts(now + lease))
            .bind(ts(now))
            .bind(i64::from(limit))
            .bind(token)
            .fetch_all(&mut *tx)
            .await
            .context("while claiming due jobs")?;
        let mut claimed = Claimed::default();
        let mut unknown = Vec::new();
        for row in rows {
            let (id, kind) = (row.id, row.kind.clone());
            if let Ok(job) = row.into_job() {
                claimed.jobs.push(job);
            } else {
                tracing::warn!(job = id, kind, "a job of a kind this version does not know is set aside");
                unknown.push(id);
            }
        }
        if !unknown.is_empty() {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "UPDATE jobs SET state = 'set_aside', lease_until = NULL, last_error = 'unknown job kind',
                                 updated_at = $1
                 WHERE CAST(id AS TEXT) IN ({})",
                self.backend().json_values(2)
            )))
            .bind(ts(now))
            .bind(serde_json::to_string(&unknown.iter().map(ToString::to_string).collect::<Vec<_>>())?)
            .execute(&mut *tx)
            .await
            .context("while setting aside unknown jobs")?;
        }
        tx.commit().await.context("while committing a claim")?;
        claimed.set_aside = unknown.len();
        claimed.jobs.sort_by_key(|j| (j.due_at, j.id));
        Ok(claimed)
    }

    /// Records the end of a claimed job: `sent`, `skipped` or `failed` (with the error). Only the
    /// claim holding `token` may; returns whether it still held the job.
    pub async fn finish_job(
        &self,
        tx: &mut Tx,
        job: &Job,
        state: &str,
        error: Option<&str>,
        now: DateTime<Utc>,
    ) -> anyhow::Result<bool> {
        let done = sqlx::query(
            "UPDATE jobs SET state = $1, last_error = COALESCE($2, last_error), lease_until = NULL, in_flight = 0,
                             updated_at = $3, finished_at = $4
             WHERE id = $5 AND state = 'running' AND claim_token = $6",
        )
        .bind(state)
        .bind(error)
        .bind(ts(now))
        .bind(ts(now))
        .bind(job.id)
        .bind(job.claim_token)
        .execute(&mut **tx)
        .await
        .context("while recording a job outcome")?;
        Ok(done.rows_affected() == 1)
    }

    /// Puts a claimed job back in the queue to be tried at `due_at` (only by the claim holding
    /// it); `error` is kept as the last error when given.
    pub async fn retry_job(
        &self,
        tx: &mut Tx,
        job: &Job,
        due_at: DateTime<Utc>,
        error: Option<&str>,
        now: DateTime<Utc>,
    ) -> anyhow::Result<bool> {
        let done = sqlx::query(
            "UPDATE jobs SET state = 'pending', due_at = $1, last_error = COALESCE($2, last_error), lease_until = NULL,
                             in_flight = 0, updated_at = $3
             WHERE id = $4 AND state = 'running' AND claim_token = $5",
        )
        .bind(ts(due_at))
        .bind(error)
        .bind(ts(now))
        .bind(job.id)
        .bind(job.claim_token)
        .execute(&mut **tx)
        .await
        .context("while scheduling a retry")?;
        Ok(done.rows_affected() == 1)
    }

    /// Deletes sent, skipped and cancelled jobs that finished before `before`; returns how many.
    pub async fn prune_jobs(&self, before: DateTime<Utc>) -> anyhow::Result<u64> {
        let done = sqlx::query("DELETE FROM jobs WHERE finished_at < $1 AND state IN ('sent', 'skipped', 'cancelled')")
            .bind(ts(before))
            .execute(self.pool())
            .await
            .context("while pruning finished jobs")?;
        Ok(done.rows_affected())
    }

    /// Where the jobs with these dedupe keys stand.
    pub async fn job_outcomes(&self, keys: &[String]) -> anyhow::Result<Vec<JobOutcome>> {
        sqlx::query_as::<_, JobOutcome>(sqlx::AssertSqlSafe(format!(
            "SELECT dedupe_key, state, last_error FROM jobs WHERE dedupe_key IN ({})",
            self.backend().json_values(1)
        )))
        .bind(serde_json::to_string(keys)?)
        .fetch_all(self.pool())
        .await
        .context("while reading job outcomes")
    }

    /// When the runner must look again: the earliest pending due time or running lease expiry.
    pub async fn next_job_wakeup(&self) -> anyhow::Result<Option<DateTime<Utc>>> {
        let next = sqlx::query_scalar::<_, Option<i64>>(
            "SELECT MIN(t) FROM (
                 SELECT MIN(due_at) AS t FROM jobs
                 WHERE state = 'pending' AND guild_id NOT IN (SELECT guild_id FROM programs WHERE paused = 1)
                 UNION ALL
                 SELECT MIN(lease_until) AS t FROM jobs WHERE state = 'running'
             ) AS due",
        )
        .fetch_one(self.pool())
        .await
        .context("while finding the next due job")?;
        Ok(next.map(from_ts))
    }

    /// Counts by state for one guild, and its next due job. The counts come from
    /// `job_state_counts` (kept by triggers on `jobs`), the next due job from the
    /// `(guild_id, state, due_at)` index: neither grows with the number of jobs.
    pub async fn job_counts(&self, guild: GuildId) -> anyhow::Result<JobCounts> {
        let rows = sqlx::query_as::<_, (String, i64)>("SELECT state, n FROM job_state_counts WHERE guild_id = $1")
            .bind(guild.db())
            .fetch_all(self.pool())
            .await
            .context("while counting jobs")?;
        let next_due = sqlx::query_scalar::<_, Option<i64>>(
            "SELECT MIN(t) FROM (
                 SELECT MIN(due_at) AS t FROM jobs WHERE guild_id = $1 AND state = 'pending'
                 UNION ALL
                 SELECT MIN(due_at) AS t FROM jobs WHERE guild_id = $1 AND state = 'running'
             ) AS due",
        )
        .bind(guild.db())
        .fetch_one(self.pool())
        .await
        .context("while finding a guild's next due job")?;
        let mut counts = JobCounts { next_due: next_due.map(from_ts), ..JobCounts::default() };
        for (state, n) in rows {
            match state.as_str() {
                "pending" | "running" => counts.pending += n,
                "sent" => counts.sent = n,
                "failed" => counts.failed = n,
                "skipped" => counts.skipped = n,
                "set_aside" => counts.set_aside = n,
                _ => {}
            }
        }
        Ok(counts)
    }

    /// Jobs of every guild by state, from `job_state_counts` (kept by triggers).
    pub async fn job_state_totals(&self) -> anyhow::Result<Vec<(String, i64)>> {
        sqlx::query_as::<_, (String, i64)>("SELECT state, CAST(SUM(n) AS BIGINT) FROM job_state_counts GROUP BY state")
            .fetch_all(self.pool())
            .await
            .context("while counting jobs by state")
    }

    /// The most recent failed deliveries of a guild.
    pub async fn failed_jobs(&self, guild: GuildId, limit: u32) -> anyhow::Result<Vec<Job>> {
        let rows = sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM jobs WHERE guild_id = $1 AND state = 'failed' ORDER BY finished_at DESC, id DESC LIMIT $2"
        )))
        .bind(guild.db())
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await
        .context("while listing failed jobs")?;
        rows.into_iter().map(Row::into_job).collect()
    }

    /// The pending jobs of a guild (tests and the demo look at the plan).
    pub async fn pending_jobs(&self, guild: GuildId) -> anyhow::Result<Vec<Job>> {
        let rows = sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM jobs WHERE guild_id = $1 AND state = 'pending' ORDER BY due_at, id"
        )))
        .bind(guild.db())
        .fetch_all(self.pool())
        .await
        .context("while listing pending jobs")?;
        rows.into_iter().map(Row::into_job).collect()
    }
}
