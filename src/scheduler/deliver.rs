//! Delivering one claimed job (or one person's group of action reminders): check that it still
//! applies (catch-up rules), render it, send it at the global rate with its stable nonce, and
//! record the outcome.

use chrono::{DateTime, Utc};

use super::{job_nonce, messages, weeks_around, Scheduler};
use crate::{
    domain::{
        action::ActionStatus,
        ids::{ChannelId, UserId},
        jobs::{backoff, catch_up, CatchUp, JobKind, PlannedJob, Subject, SubjectState},
        local_time::to_local,
        session::SessionStatus,
    },
    notify::{DeliveryError, Outgoing},
    store::{Job, Tx},
};

/// How a delivery ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Sent,
    Skipped(&'static str),
    Failed(DeliveryError),
}

enum Target {
    Dm(UserId),
    Channel(ChannelId),
}

enum Prepared {
    Send(Target, Outgoing),
    Skip(&'static str),
}

fn is_action_reminder(kind: JobKind) -> bool {
    matches!(kind, JobKind::DeadlineReminder | JobKind::OverdueReminder)
}

/// Groups a batch: each person's action reminders become one delivery; every other job is
/// delivered alone.
pub(super) fn group(jobs: Vec<Job>) -> Vec<Vec<Job>> {
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
    /// Delivers a group of jobs (one message); does not record anything.
    pub async fn deliver(&self, group: &[Job], now: DateTime<Utc>) -> Outcome {
        let prepared = match self.prepare(group, now).await {
            Ok(p) => p,
            Err(e) => return Outcome::Failed(DeliveryError::Transient(format!("{e:#}"))),
        };
        match prepared {
            Prepared::Skip(why) => Outcome::Skipped(why),
            Prepared::Send(target, message) => {
                self.limiter.acquire().await;
                let sent = match target {
                    Target::Dm(to) => self.notifier.dm(to, message).await,
                    Target::Channel(c) => self.notifier.post(c, message).await,
                };
                match sent {
                    Ok(()) => Outcome::Sent,
                    Err(e) => Outcome::Failed(e),
                }
            }
        }
    }

    async fn prepare(&self, group: &[Job], now: DateTime<Utc>) -> anyhow::Result<Prepared> {
        let Some(first) = group.first() else { return Ok(Prepared::Skip("empty")) };
        let nonce = job_nonce(first, self.app.store.instance());
        let store = &self.app.store;
        match (first.kind, first.subject) {
            (kind, Subject::Action(_)) if is_action_reminder(kind) => {
                let mut items = Vec::new();
                for job in group {
                    let Subject::Action(id) = job.subject else { continue };
                    let Some(item) = store.action(id).await? else { continue };
                    let state = SubjectState { live: item.status == ActionStatus::Open, ..SubjectState::default() };
                    if catch_up(job.kind, job.due_at, now, state) == CatchUp::Send {
                        items.push((job.kind, item));
                    }
                }
                let Some(to) = first.recipient else { return Ok(Prepared::Skip("no recipient")) };
                if items.is_empty() {
                    return Ok(Prepared::Skip("the action items are done or changed"));
                }
                Ok(Prepared::Send(Target::Dm(to), messages::deadline_message(&items, nonce)))
            }
            (kind, Subject::Session(id)) => {
                let Some(facts) = store.session_facts(id).await? else { return Ok(Prepared::Skip("session gone")) };
                let Some(to) = first.recipient else { return Ok(Prepared::Skip("no recipient")) };
                let status = facts.session.status;
                let live = match kind {
                    JobKind::FollowUp | JobKind::FollowUpAgain => status != SessionStatus::Cancelled,
                    _ => status == SessionStatus::Booked,
                };
                let state = SubjectState {
                    live: live && facts.pairing.active,
                    session_start: Some(facts.session.starts_at),
                    has_agenda: facts.has_agenda,
                    has_notes: facts.has_notes,
                };
                if let CatchUp::Skip(why) = catch_up(kind, first.due_at, now, state) {
                    return Ok(Prepared::Skip(why));
                }
                let message = if kind == JobKind::MentorPrep {
                    let program = store.program(first.guild_id).await?.ok_or_else(|| anyhow::anyhow!("no program"))?;
                    let zone = self.app.zone_of(&program, to).await.map_err(|e| anyhow::anyhow!("{e}"))?;
                    let open = store.open_actions_of_pairing(facts.pairing.id).await?;
                    let view =
                        self.app.agenda_view(facts.session, facts.pairing).await.map_err(|e| anyhow::anyhow!("{e}"))?;
                    Some(messages::prep_message(&view, &open, zone, nonce))
                } else {
                    messages::session_message(kind, &facts, to, nonce)
                };
                Ok(message.map_or(Prepared::Skip("not a session job"), |m| Prepared::Send(Target::Dm(to), m)))
            }
            (JobKind::WeeklyNudge, _) => {
                if let CatchUp::Skip(why) = catch_up(JobKind::WeeklyNudge, first.due_at, now, SubjectState::default()) {
                    return Ok(Prepared::Skip(why));
                }
                let Some(program) = store.program(first.guild_id).await? else {
                    return Ok(Prepared::Skip("no program"));
                };
                let timings = self.app.timings(&program).map_err(|e| anyhow::anyhow!("{e}"))?;
                let stats =
                    store.weekly_stats(program.guild_id, &weeks_around(now, program.zone, timings.stale_after)).await?;
                let channel = ChannelId(first.channel.unwrap_or(program.channel_id.0));
                Ok(Prepared::Send(Target::Channel(channel), messages::weekly_message(&stats, nonce)))
            }
            (JobKind::DmFallback, _) => {
                let (Some(user), Some(channel)) = (first.recipient, first.channel) else {
                    return Ok(Prepared::Skip("no recipient"));
                };
                Ok(Prepared::Send(Target::Channel(ChannelId(channel)), messages::dm_fallback_message(user, nonce)))
            }
            _ => Ok(Prepared::Skip("unknown job")),
        }
    }

    /// Records the outcome of a delivered group.
    pub async fn record(&self, tx: &mut Tx, group: &[Job], outcome: Outcome) -> anyhow::Result<()> {
        let store = &self.app.store;
        let now = self.app.now();
        for job in group {
            match &outcome {
                Outcome::Sent => store.finish_job(tx, job.id, "sent", None, now).await?,
                Outcome::Skipped(why) => store.finish_job(tx, job.id, "skipped", Some(why), now).await?,
                Outcome::Failed(e) if e.is_permanent() || job.attempts >= self.settings.max_attempts => {
                    tracing::warn!(job = job.id, kind = %job.kind, error = %e, "delivery failed for good");
                    store.finish_job(tx, job.id, "failed", Some(&e.to_string()), now).await?;
                    if *e == DeliveryError::DmsClosed {
                        self.plan_fallback(tx, job, now).await?;
                    }
                }
                Outcome::Failed(e) => {
                    let wait = backoff(
                        job.attempts,
                        self.settings.retry_base,
                        self.settings.retry_max,
                        0.8 + rand::random::<f64>() * 0.4,
                    );
                    tracing::info!(job = job.id, kind = %job.kind, error = %e, retry_in_s = wait.num_seconds(), "delivery will be retried");
                    store.retry_job(tx, job.id, now + wait, &e.to_string(), now).await?;
                }
            }
        }
        if let Some(first) = group.first().filter(|j| j.kind == JobKind::WeeklyNudge) {
            if let Some(program) = store.program(first.guild_id).await? {
                let retried = matches!(&outcome, Outcome::Failed(e) if !e.is_permanent() && first.attempts < self.settings.max_attempts);
                if !retried {
                    self.app
                        .replan_weekly_nudge(tx, &program, first.due_at.max(now), now)
                        .await
                        .map_err(|e| anyhow::anyhow!("{e}"))?;
                }
            }
        }
        Ok(())
    }

    /// Plans the "please open your DMs" mention in the program channel, once a local day.
    async fn plan_fallback(&self, tx: &mut Tx, job: &Job, now: DateTime<Utc>) -> anyhow::Result<()> {
        let (Some(user), Some(program)) = (job.recipient, self.app.store.program(job.guild_id).await?) else {
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
        };
        self.app.store.plan_jobs(tx, program.guild_id, &[fallback], now).await?;
        Ok(())
    }
}
