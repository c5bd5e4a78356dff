//! Rendering claimed jobs into messages: read each subject's current state, apply the catch-up
//! rules (and skip what is about an ended pairing), and split a person's action reminders into
//! messages that fit Discord's limits, never dropping one.

use chrono::{DateTime, Utc};

use super::{messages, weeks_around, Scheduler};
use crate::{
    app::{Notice, NoticeKind},
    domain::{
        action::{ActionItem, ActionStatus},
        ids::{ChannelId, UserId},
        jobs::{catch_up, CatchUp, JobKind, Subject, SubjectState},
        session::SessionStatus,
    },
    render::{render_notice, Outgoing},
    store::Job,
};

/// Where a message goes.
#[derive(Debug, Clone, Copy)]
pub(super) enum Target {
    Dm(UserId),
    Channel(ChannelId),
}

/// Jobs delivered by one message (or skipped together).
pub(super) struct Unit {
    pub(super) jobs: Vec<Job>,
    pub(super) plan: Plan,
}

pub(super) enum Plan {
    Send(Target, Outgoing),
    Skip(&'static str),
}

/// What a finished series top-up job records.
pub(super) const TOPPED_UP: &str = "series top-up: planned the reminders that came within range";

/// Action items per message: Discord allows five rows of buttons.
const ITEMS_PER_MESSAGE: usize = 5;
/// Characters of item text per message, well inside Discord's 6,000 per message's embeds.
const CHARS_PER_MESSAGE: usize = 4_500;

pub(super) fn is_action_reminder(kind: JobKind) -> bool {
    matches!(kind, JobKind::DeadlineReminder | JobKind::OverdueReminder)
}

/// Splits action items into messages that fit Discord's limits (never dropping one).
fn chunks(items: Vec<(Job, ActionItem)>) -> Vec<Vec<(Job, ActionItem)>> {
    let mut out: Vec<Vec<(Job, ActionItem)>> = Vec::new();
    let mut size = 0;
    for item in items {
        let len = item.1.title.chars().count() + item.1.success.as_deref().map_or(0, |s| s.chars().count()) + 100;
        match out.last_mut() {
            Some(last) if last.len() < ITEMS_PER_MESSAGE && size + len <= CHARS_PER_MESSAGE => {
                size += len;
                last.push(item);
            }
            _ => {
                size = len;
                out.push(vec![item]);
            }
        }
    }
    out
}

/// The whole group as one unit.
#[allow(clippy::unnecessary_wraps)] // every arm of `prepare` returns through it
fn one(group: &[Job], plan: Plan) -> anyhow::Result<Vec<Unit>> {
    Ok(vec![Unit { jobs: group.to_vec(), plan }])
}

fn anyhow(e: impl std::fmt::Display) -> anyhow::Error {
    anyhow::anyhow!("{e}")
}

impl Scheduler {
    /// Renders a group into messages (or skips), reading the current state of each subject, in
    /// the language of whoever reads them: the recipient of a DM, the server for a channel post
    /// (`Store::reader_locale`; English when not known).
    pub(super) async fn prepare(&self, group: &[Job], now: DateTime<Utc>) -> anyhow::Result<Vec<Unit>> {
        let Some(first) = group.first() else { return Ok(Vec::new()) };
        // A DM that fell back to a channel is read there.
        let reader = if first.kind == JobKind::DmFallback { None } else { first.recipient };
        let locale = self.app.store.reader_locale(first.guild_id, reader).await?;
        crate::catalogue::scope(locale.as_deref(), self.prepare_in_locale(group, first, now)).await
    }

    async fn prepare_in_locale(&self, group: &[Job], first: &Job, now: DateTime<Utc>) -> anyhow::Result<Vec<Unit>> {
        match (first.kind, first.subject) {
            (JobKind::Notice, _) => self.prepare_notice(group, first, now).await,
            // Sends nothing; finishing it plans the series' next reminders (see `record`).
            (JobKind::SeriesTopUp, _) => one(group, Plan::Skip(TOPPED_UP)),
            (JobKind::ReviewPrompt | JobKind::ReviewReminder | JobKind::CheckIn, Subject::Pairing(id)) => {
                self.prepare_shape(group, first, id, now).await
            }
            (JobKind::MilestoneReminder, _) => self.prepare_milestone(group, first, now).await,
            (kind, Subject::Action(_)) if is_action_reminder(kind) => self.prepare_actions(group, now).await,
            (_, Subject::Session(id)) => self.prepare_session(group, first, id, now).await,
            (JobKind::WeeklyNudge, _) => {
                if let CatchUp::Skip(why) = catch_up(first.kind, first.planned_at, now, SubjectState::default()) {
                    return one(group, Plan::Skip(why));
                }
                let Some(program) = self.app.store.program(first.guild_id).await? else {
                    return one(group, Plan::Skip("no program"));
                };
                let timings = self.app.timings(&program).map_err(anyhow)?;
                let weeks = weeks_around(now, program.zone, timings.stale_after);
                let stats = self.app.store.weekly_stats(program.guild_id, &weeks).await?;
                let channel = ChannelId(first.channel.unwrap_or(program.channel_id.0));
                one(group, Plan::Send(Target::Channel(channel), messages::weekly_message(&stats, String::new())))
            }
            (JobKind::AdminDigest, _) => self.prepare_digest(group, first, now).await,
            (JobKind::DmFallback, _) => {
                let (Some(user), Some(channel)) = (first.recipient, first.channel) else {
                    return one(group, Plan::Skip("no recipient"));
                };
                if let CatchUp::Skip(why) = catch_up(first.kind, first.planned_at, now, SubjectState::default()) {
                    return one(group, Plan::Skip(why));
                }
                let message = messages::dm_fallback_message(user, String::new());
                one(group, Plan::Send(Target::Channel(ChannelId(channel)), message))
            }
            _ => one(group, Plan::Skip("not a job this version sends")),
        }
    }

    /// A notice says what its payload says; a shared agenda shows the agenda as it is now.
    async fn prepare_notice(&self, group: &[Job], first: &Job, now: DateTime<Utc>) -> anyhow::Result<Vec<Unit>> {
        let Some(notice) = first.payload.as_deref().and_then(|p| serde_json::from_str::<Notice>(p).ok()) else {
            return one(group, Plan::Skip("an unreadable notice"));
        };
        let state = SubjectState { session_start: notice.session().map(|s| s.starts_at), ..SubjectState::default() };
        if let CatchUp::Skip(why) = catch_up(JobKind::Notice, first.planned_at, now, state) {
            return one(group, Plan::Skip(why));
        }
        let agenda = match &notice.kind {
            NoticeKind::AgendaShared { session, .. } => {
                let store = &self.app.store;
                let Some(facts) = store.session_facts(session.id).await? else {
                    return one(group, Plan::Skip("session gone"));
                };
                if facts.session.status != SessionStatus::Booked {
                    return one(group, Plan::Skip("the session was cancelled"));
                }
                let program = store.program(first.guild_id).await?.ok_or_else(|| anyhow::anyhow!("no program"))?;
                let zone = self.app.zone_of(&program, notice.to).await.map_err(anyhow)?;
                Some((self.app.agenda_view(facts.session, facts.pairing).await.map_err(anyhow)?, zone))
            }
            _ => None,
        };
        match render_notice(&notice, now, agenda.as_ref().map(|(v, z)| (v, *z)), self.app.store.instance()) {
            Some(m) => one(group, Plan::Send(Target::Dm(notice.to), m)),
            None => one(group, Plan::Skip("nothing to say")),
        }
    }

    /// One person's due action reminders: the open items of active pairings, in messages that
    /// fit Discord's limits.
    async fn prepare_actions(&self, group: &[Job], now: DateTime<Utc>) -> anyhow::Result<Vec<Unit>> {
        let store = &self.app.store;
        let Some(to) = group.first().and_then(|j| j.recipient) else { return one(group, Plan::Skip("no recipient")) };
        let mut send = Vec::new();
        let mut skipped = Vec::new();
        for job in group {
            let item = match job.subject {
                Subject::Action(id) => store.action(id).await?,
                _ => None,
            };
            let Some(item) = item else {
                skipped.push(job.clone());
                continue;
            };
            let active = store.pairing(item.pairing_id).await?.is_some_and(|p| p.active);
            let state = SubjectState {
                live: item.status == ActionStatus::Open && active,
                deadline: Some(item.deadline_at),
                ..SubjectState::default()
            };
            if catch_up(job.kind, job.planned_at, now, state) == CatchUp::Send {
                send.push((job.clone(), item));
            } else {
                skipped.push(job.clone());
            }
        }
        let mut units: Vec<Unit> = chunks(send)
            .into_iter()
            .map(|chunk| {
                let items: Vec<(JobKind, ActionItem)> = chunk.iter().map(|(j, a)| (j.kind, a.clone())).collect();
                let message = messages::deadline_message(&items, String::new());
                Unit { jobs: chunk.into_iter().map(|(j, _)| j).collect(), plan: Plan::Send(Target::Dm(to), message) }
            })
            .collect();
        if !skipped.is_empty() {
            units.push(Unit { jobs: skipped, plan: Plan::Skip("the action item is done, changed or ended") });
        }
        Ok(units)
    }

    /// A reminder about a session of an active pairing.
    async fn prepare_session(
        &self,
        group: &[Job],
        first: &Job,
        id: i64,
        now: DateTime<Utc>,
    ) -> anyhow::Result<Vec<Unit>> {
        let store = &self.app.store;
        let Some(facts) = store.session_facts(id).await? else { return one(group, Plan::Skip("session gone")) };
        let Some(to) = first.recipient else { return one(group, Plan::Skip("no recipient")) };
        let status = facts.session.status;
        let live = match first.kind {
            JobKind::FollowUp | JobKind::FollowUpAgain => status != SessionStatus::Cancelled,
            _ => status == SessionStatus::Booked,
        };
        let state = SubjectState {
            live: live && facts.pairing.active,
            session_start: Some(facts.session.starts_at),
            has_agenda: facts.has_agenda,
            has_notes: facts.has_notes,
            attendance: facts.attendance,
            ..SubjectState::default()
        };
        if let CatchUp::Skip(why) = catch_up(first.kind, first.planned_at, now, state) {
            return one(group, Plan::Skip(why));
        }
        // The outline's step for this session: its focus and prompts.
        let step = match first.kind {
            JobKind::MentorPrep | JobKind::AgendaRequest => {
                self.app.step_for(first.guild_id, facts.session.number).await.map_err(anyhow)?
            }
            _ => None,
        };
        let message = if first.kind == JobKind::MentorPrep {
            let program = store.program(first.guild_id).await?.ok_or_else(|| anyhow::anyhow!("no program"))?;
            let zone = self.app.zone_of(&program, to).await.map_err(anyhow)?;
            let open = store.open_actions_of_pairing(facts.pairing.id).await?;
            let view = self.app.agenda_view(facts.session, facts.pairing).await.map_err(anyhow)?;
            Some(messages::prep_message(&view, &open, zone, step.as_ref(), String::new()))
        } else {
            messages::session_message(first.kind, &facts, to, step.as_ref(), String::new())
        };
        match message {
            Some(m) => one(group, Plan::Send(Target::Dm(to), m)),
            None => one(group, Plan::Skip("not a session job")),
        }
    }
}
