//! Delivering claimed jobs: group each person's action reminders, reconcile jobs a crashed run
//! may have sent, render them (`prepare`), send each message with its nonce and reference under
//! the outage breaker, and record each job's outcome at once, under its claim's fencing token.

use chrono::{DateTime, Duration, Utc};
use futures_util::{stream, StreamExt as _};

use super::{
    breaker::Gate,
    prepare::{is_action_reminder, Plan, Target, Unit},
    reference::{reference, referenced_ids, stamp, unit_nonce},
    Scheduler,
};
use crate::{
    domain::{
        ids::ChannelId,
        jobs::{backoff, JobKind, PlannedJob, Subject},
        local_time::to_local,
    },
    notify::DeliveryError,
    store::{Job, Tx},
};

/// How a delivery ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Sent,
    Skipped(&'static str),
    Failed(DeliveryError),
    /// Not tried: delivery is paused until then (an outage).
    Deferred(DateTime<Utc>),
    /// Not tried: this claim's lease ran out; the job is someone else's now.
    LeaseLost,
}

/// Groups a batch: each person's action reminders are delivered together; every other job alone.
fn group(jobs: Vec<Job>) -> Vec<Vec<Job>> {
    let mut groups: Vec<Vec<Job>> = Vec::new();
    for job in jobs {
        let joinable = is_action_reminder(job.kind);
        let existing = groups.iter_mut().find(|g| {
            joinable && g.first().is_some_and(|f| is_action_reminder(f.kind) && f.recipient == job.recipient)
        });
        match existing {
            Some(g) => g.push(job),
            None => groups.push(vec![job]),
        }
    }
    groups
}

impl Scheduler {
    /// Delivers claimed jobs, at most `max_in_flight` messages at once. When delivery is paused
    /// and a probe is due, the first message goes alone and decides for the rest.
    pub(super) async fn deliver_all(&self, jobs: Vec<Job>) {
        let mut groups = group(jobs).into_iter();
        if self.gate() == Gate::Probe {
            if let Some(first) = groups.next() {
                self.process(first).await;
            }
        }
        stream::iter(groups).for_each_concurrent(self.settings.max_in_flight.max(1), |g| self.process(g)).await;
    }

    /// Delivers claimed jobs as a round does but records nothing, as a run that crashed right
    /// after sending leaves them (tests stage crashes with this).
    pub async fn deliver_unrecorded(&self, jobs: Vec<Job>) -> Vec<Outcome> {
        let now = self.app.now();
        let mut outcomes = Vec::new();
        for group in group(jobs) {
            match self.prepare(&group, now).await {
                Ok(units) => {
                    for unit in units {
                        outcomes.push(self.send(&unit).await);
                    }
                }
                Err(e) => outcomes.push(Outcome::Failed(DeliveryError::Transient(format!("{e:#}")))),
            }
        }
        outcomes
    }

    fn gate(&self) -> Gate {
        let now = self.app.now();
        self.breaker.lock().map_or(Gate::Open, |b| b.gate(now))
    }

    async fn process(&self, group: Vec<Job>) {
        let ids: Vec<i64> = group.iter().map(|j| j.id).collect();
        if let Err(e) = self.process_group(group).await {
            // The jobs stay claimed; when the lease ends they are reconciled and tried again.
            tracing::error!(jobs = ?ids, error = ?e, "could not process jobs");
        }
    }

    async fn process_group(&self, group: Vec<Job>) -> anyhow::Result<()> {
        let now = self.app.now();
        if let Gate::Wait(until) = self.gate() {
            return self.record(&group, Outcome::Deferred(until)).await;
        }
        let group = match self.reconcile(group).await {
            Ok(rest) => rest,
            Err((group, e)) => return self.record(&group, Outcome::Failed(e)).await,
        };
        if group.is_empty() {
            return Ok(());
        }
        let units = match self.prepare(&group, now).await {
            Ok(units) => units,
            Err(e) => return self.record(&group, Outcome::Failed(DeliveryError::Transient(format!("{e:#}")))).await,
        };
        for unit in units {
            let outcome = self.send(&unit).await;
            self.record(&unit.jobs, outcome).await?;
        }
        Ok(())
    }

    /// Jobs whose previous claim expired may have been sent: look for their reference among the
    /// target channel's recent messages, mark the ones found as sent, return the rest.
    async fn reconcile(&self, group: Vec<Job>) -> Result<Vec<Job>, (Vec<Job>, DeliveryError)> {
        if !group.iter().any(|j| j.in_flight) {
            return Ok(group);
        }
        let Some(first) = group.first() else { return Ok(group) };
        let target = match self.target_of(first).await {
            Ok(Some(t)) => t,
            Ok(None) => return Ok(group),
            Err(e) => return Err((group, DeliveryError::Transient(format!("{e:#}")))),
        };
        let channel = match self.channel_of(target).await {
            Ok(c) => c,
            Err(e) => return Err((group, e)),
        };
        let recent = match self.notifier.recent(channel).await {
            Ok(r) => r,
            Err(e) => return Err((group, e)),
        };
        let instance = self.app.store.instance();
        let sent: Vec<i64> = recent.iter().flat_map(|m| referenced_ids(&m.json, instance)).collect();
        let (found, rest): (Vec<Job>, Vec<Job>) = group.into_iter().partition(|j| sent.contains(&j.id));
        if !found.is_empty() {
            tracing::info!(jobs = ?found.iter().map(|j| j.id).collect::<Vec<_>>(), "found already sent after a crash");
            if let Err(e) = self.record(&found, Outcome::Sent).await {
                return Err((rest, DeliveryError::Transient(format!("{e:#}"))));
            }
        }
        Ok(rest)
    }

    /// Where a job's message goes, without rendering it (`None`: nowhere, it will be skipped).
    async fn target_of(&self, job: &Job) -> anyhow::Result<Option<Target>> {
        if job.kind == JobKind::SeriesTopUp {
            return Ok(None);
        }
        if job.kind.is_dm() {
            return Ok(job.recipient.map(Target::Dm));
        }
        if let Some(c) = job.channel {
            return Ok(Some(Target::Channel(ChannelId(c))));
        }
        Ok(self.app.store.program(job.guild_id).await?.map(|p| Target::Channel(p.channel_id)))
    }

    /// The channel of a target: a DM channel comes from the cache (memory, then the database)
    /// and is opened only the first time.
    async fn channel_of(&self, target: Target) -> Result<ChannelId, DeliveryError> {
        let user = match target {
            Target::Channel(c) => return Ok(c),
            Target::Dm(user) => user,
        };
        if let Some(c) = self.dm_channels.lock().await.get(&user) {
            return Ok(*c);
        }
        let transient = |e: anyhow::Error| DeliveryError::Transient(format!("{e:#}"));
        if let Some(c) = self.app.store.dm_channel(user).await.map_err(transient)? {
            self.dm_channels.lock().await.insert(user, ChannelId(c));
            return Ok(ChannelId(c));
        }
        let channel = self.notifier.open_dm(user).await;
        self.note_answer(target, channel.as_ref().map(drop));
        let channel = channel?;
        self.app.store.save_dm_channel(user, channel.0, self.app.now()).await.map_err(transient)?;
        self.dm_channels.lock().await.insert(user, channel);
        Ok(channel)
    }

    /// Tells the breaker and the health flags what Discord answered about `target`.
    fn note_answer(&self, target: Target, result: Result<(), &DeliveryError>) {
        let now = self.app.now();
        let Ok(mut breaker) = self.breaker.lock() else { return };
        match result {
            Err(DeliveryError::Transient(_) | DeliveryError::RateLimited(_)) => {
                let key = match target {
                    Target::Dm(u) => u.0,
                    Target::Channel(c) => c.0,
                };
                breaker.failed(now, key);
            }
            Err(DeliveryError::Unauthorized) => {
                tracing::error!("Discord refused the bot's token (HTTP 401); delivery stops until it is fixed");
                self.app.delivery.set_unauthorized(true);
            }
            _ => breaker.answered(),
        }
        self.app.delivery.set_paused(match breaker.gate(now) {
            Gate::Open => None,
            Gate::Wait(t) => Some(t),
            Gate::Probe => Some(now),
        });
    }

    async fn send(&self, unit: &Unit) -> Outcome {
        let (target, message) = match &unit.plan {
            Plan::Skip(why) => return Outcome::Skipped(why),
            Plan::Send(target, message) => (*target, message),
        };
        if let Gate::Wait(until) = self.gate() {
            return Outcome::Deferred(until);
        }
        let instance = self.app.store.instance();
        let mut message = message.clone();
        message.nonce = unit_nonce(&unit.jobs, instance);
        stamp(&mut message, &reference(&unit.jobs, instance));
        let channel = match self.channel_of(target).await {
            Ok(c) => c,
            Err(e) => return Outcome::Failed(e),
        };
        // Opening the DM channel may have waited for the budget: a claim whose lease ran out
        // meanwhile is someone else's to send.
        let now = self.app.now();
        if unit.jobs.iter().any(|j| j.lease_until.is_some_and(|l| l <= now)) {
            return Outcome::LeaseLost;
        }
        let sent = self.notifier.post(channel, &message).await;
        self.note_answer(target, sent.as_ref().map(drop));
        match sent {
            Ok(_) => Outcome::Sent,
            Err(e) => Outcome::Failed(e),
        }
    }

    /// Records the outcome of one message's jobs in one transaction, each under its claim's
    /// fencing token.
    async fn record(&self, jobs: &[Job], outcome: Outcome) -> anyhow::Result<()> {
        if outcome == Outcome::LeaseLost {
            tracing::warn!(jobs = ?jobs.iter().map(|j| j.id).collect::<Vec<_>>(), "lease ran out before sending");
            return Ok(());
        }
        let store = &self.app.store;
        let now = self.app.now();
        // Outcomes are fenced updates and keyed inserts, which several schedulers may record at
        // once; replanning a program's next nudge, digest or series sessions checks before it
        // writes, so it queues behind the other writers.
        let replans =
            jobs.iter().any(|j| matches!(j.kind, JobKind::WeeklyNudge | JobKind::AdminDigest | JobKind::SeriesTopUp));
        let mut tx = if replans { store.begin().await? } else { store.begin_fenced().await? };
        for job in jobs {
            let held = match &outcome {
                Outcome::Sent => store.finish_job(&mut tx, job, "sent", None, now).await?,
                Outcome::Skipped(why) => store.finish_job(&mut tx, job, "skipped", Some(why), now).await?,
                Outcome::Deferred(until) => store.retry_job(&mut tx, job, *until, None, now).await?,
                Outcome::Failed(DeliveryError::Unauthorized) => {
                    store.retry_job(&mut tx, job, now, Some(&DeliveryError::Unauthorized.to_string()), now).await?
                }
                Outcome::Failed(e) if e.is_permanent() => {
                    tracing::warn!(job = job.id, kind = %job.kind, error = %e, "delivery failed for good");
                    let held = store.finish_job(&mut tx, job, "failed", Some(&e.to_string()), now).await?;
                    // A notice's sender is told in the command's answer; reminders get the mention.
                    if held && *e == DeliveryError::DmsClosed && job.kind != JobKind::Notice {
                        self.plan_fallback(&mut tx, job, now).await?;
                    }
                    held
                }
                Outcome::Failed(e) => {
                    let jitter = 0.8 + rand::random::<f64>() * 0.4;
                    let wait = backoff(job.attempts, self.settings.retry_base, self.settings.retry_max, jitter);
                    let paused = self.app.delivery.paused_until().filter(|t| *t > now);
                    let at = paused.map_or(now + wait, |t| t.max(now + Duration::seconds(1)));
                    tracing::info!(job = job.id, kind = %job.kind, error = %e, retry_at = %at, "delivery will be retried");
                    store.retry_job(&mut tx, job, at, Some(&e.to_string()), now).await?
                }
                Outcome::LeaseLost => false,
            };
            if !held {
                tracing::warn!(job = job.id, "the job's claim was taken over; its outcome is not recorded");
                continue;
            }
            let metrics = &self.app.metrics;
            match &outcome {
                Outcome::Sent => {
                    metrics.delivery("sent");
                    // Lateness against the first due time: retries and outages count.
                    metrics.lateness((now - job.planned_at).as_seconds_f64());
                }
                Outcome::Skipped(_) => metrics.delivery("skipped"),
                Outcome::Deferred(_) => metrics.delivery("deferred"),
                Outcome::Failed(e) if e.is_permanent() => metrics.delivery("failed"),
                Outcome::Failed(_) => metrics.delivery("retry"),
                Outcome::LeaseLost => {}
            }
        }
        let finished = matches!(&outcome, Outcome::Sent | Outcome::Skipped(_))
            || matches!(&outcome, Outcome::Failed(e) if e.is_permanent());
        if let Some(first) = jobs.first().filter(|j| j.kind == JobKind::WeeklyNudge && finished) {
            if let Some(program) = store.program_in(&mut tx, first.guild_id).await? {
                self.app
                    .replan_weekly_nudge(&mut tx, &program, first.planned_at.max(now), now)
                    .await
                    .map_err(|e| anyhow::anyhow!("{e}"))?;
            }
        }
        if let (Some(first), true) = (jobs.first().filter(|j| j.kind == JobKind::AdminDigest), finished) {
            if let Some(user) = first.recipient {
                self.app
                    .replan_digest(&mut tx, first.guild_id, user, first.planned_at.max(now), now)
                    .await
                    .map_err(|e| anyhow::anyhow!("{e}"))?;
            }
        }
        if let Some(first) = jobs.first().filter(|j| j.kind == JobKind::SeriesTopUp && finished) {
            if let Some(series) = first.payload.as_deref().and_then(|p| p.parse::<i64>().ok()) {
                self.app.top_up_series(&mut tx, series, now).await.map_err(|e| anyhow::anyhow!("{e}"))?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// Plans the "please open your DMs" mention in the program channel, once a local day.
    async fn plan_fallback(&self, tx: &mut Tx, job: &Job, now: DateTime<Utc>) -> anyhow::Result<()> {
        let (Some(user), Some(program)) = (job.recipient, self.app.store.program_in(tx, job.guild_id).await?) else {
            return Ok(());
        };
        let day = to_local(now, program.zone).date();
        let fallback = PlannedJob {
            kind: JobKind::DmFallback,
            subject: Subject::Program,
            recipient: Some(user),
            channel: Some(program.channel_id.0),
            due_at: now,
            dedupe_key: format!("dm_fallback:g{}:u{user}:d{day}", program.guild_id),
            payload: None,
        };
        self.app.store.plan_jobs(tx, program.guild_id, &[fallback], now).await?;
        Ok(())
    }
}
