//! Keeping the job queue in step with the data: every change that implies reminders (re)plans
//! them in the same transaction, and wakes the scheduler afterwards.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::{App, AppResult, Notice, UserError};
use crate::{
    domain::{
        action::{ActionItem, ActionStatus},
        ids::GuildId,
        jobs::{
            plan_action, plan_series_top_up, plan_session, ActionDue, JobKind, PlannedJob, Recipient, Subject,
            SERIES_HORIZON_DAYS,
        },
        pairing::Pairing,
        program::Program,
        schedule::ZonedSchedule,
        session::{Session, SessionStatus},
        settings::Timings,
    },
    store::Tx,
};

impl App {
    /// The effective scheduler settings of a program.
    pub fn timings(&self, program: &Program) -> AppResult<Timings> {
        self.default_timings.with_overrides(&program.overrides).map_err(|e| UserError::Setting(e).into())
    }

    /// The weekly nudge schedule of a program, if nudges are on.
    pub fn nudge_schedule(&self, program: &Program) -> AppResult<Option<ZonedSchedule>> {
        let o = &program.overrides;
        if !o.nudges_enabled.unwrap_or(self.config.scheduler.weekly_nudge_enabled) {
            return Ok(None);
        }
        let expr = o.nudge_schedule.as_deref().unwrap_or(&self.config.scheduler.weekly_nudge);
        ZonedSchedule::parse(expr, program.zone).map(Some).map_err(|e| UserError::Schedule(e).into())
    }

    /// Replaces a session's pending jobs with those its current state implies.
    pub(crate) async fn replan_session(
        &self,
        tx: &mut Tx,
        program: &Program,
        pairing: &Pairing,
        session: &Session,
        now: DateTime<Utc>,
    ) -> AppResult<()> {
        self.store.cancel_jobs_of(tx, Subject::Session(session.id), now).await?;
        if session.status != SessionStatus::Booked {
            return Ok(());
        }
        let horizon = chrono::Duration::days(SERIES_HORIZON_DAYS);
        if let Some(series) = session.series_id.filter(|_| session.starts_at > now + horizon) {
            // Far ahead in a series: its top-up job plans the reminders when they come near.
            return self.ensure_series_top_up(tx, program, series, pairing.id, session.starts_at - horizon, now).await;
        }
        let mentor = Recipient { id: pairing.mentor_id, zone: self.zone_of_in(tx, program, pairing.mentor_id).await? };
        let mentee = Recipient { id: pairing.mentee_id, zone: self.zone_of_in(tx, program, pairing.mentee_id).await? };
        let jobs = plan_session(session, mentor, mentee, &self.timings(program)?, now);
        self.store.plan_jobs(tx, program.guild_id, &jobs, now).await?;
        Ok(())
    }

    /// Makes sure a top-up job of `series` is pending at `due` or earlier.
    async fn ensure_series_top_up(
        &self,
        tx: &mut Tx,
        program: &Program,
        series: i64,
        pairing: i64,
        due: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> AppResult<()> {
        if self.store.pending_series_top_up(tx, series).await?.is_some_and(|pending| pending <= due) {
            return Ok(());
        }
        self.store.cancel_series_top_ups(tx, series, now).await?;
        self.store.plan_jobs(tx, program.guild_id, &[plan_series_top_up(series, pairing, due)], now).await?;
        Ok(())
    }

    /// What a series' top-up job does (in the transaction that finishes it): plans the reminders
    /// of the series' sessions that now start within the horizon, and the next top-up. Nothing for
    /// a series whose pairing has ended.
    pub(crate) async fn top_up_series(&self, tx: &mut Tx, series_id: i64, now: DateTime<Utc>) -> AppResult<()> {
        let Some(series) = self.store.series_in(tx, series_id).await? else { return Ok(()) };
        let Some(pairing) = self.store.pairing_in(tx, series.pairing_id).await?.filter(|p| p.active) else {
            return Ok(());
        };
        let Some(program) = self.store.program_in(tx, pairing.guild_id).await? else { return Ok(()) };
        let horizon = chrono::Duration::days(SERIES_HORIZON_DAYS);
        for id in self.store.series_sessions_between(tx, series_id, now, now + horizon).await? {
            if let Some(session) = self.store.session_in(tx, id).await? {
                self.replan_session(tx, &program, &pairing, &session, now).await?;
            }
        }
        if let Some(next) = self.store.next_series_start(tx, series_id, now + horizon).await? {
            self.ensure_series_top_up(tx, &program, series_id, pairing.id, next - horizon, now).await?;
        }
        Ok(())
    }

    /// Replaces an action item's pending reminders with those its current state implies: a
    /// reminder before the deadline and one the morning after, while the item is open.
    pub(crate) async fn replan_action(
        &self,
        tx: &mut Tx,
        program: &Program,
        item: &ActionItem,
        owner_zone: Tz,
        now: DateTime<Utc>,
    ) -> AppResult<()> {
        self.store.cancel_jobs_of(tx, Subject::Action(item.id), now).await?;
        if item.status != ActionStatus::Open {
            return Ok(());
        }
        let owner = Recipient { id: item.owner_id, zone: owner_zone };
        let due = ActionDue { action_id: item.id, revision: item.revision, deadline: item.deadline_at, owner };
        let jobs = plan_action(&due, &self.timings(program)?, now);
        self.store.plan_jobs(tx, program.guild_id, &jobs, now).await?;
        Ok(())
    }

    /// Cancels every pending job about an ending pairing's content: the reminders of its open
    /// action items and what is left for its sessions (follow-ups of past ones, anything still
    /// queued about them). Call in the transaction that ends the pairing, before planning the
    /// notices about the ending, which are still sent.
    pub(crate) async fn cancel_jobs_of_ended(&self, tx: &mut Tx, pairing_id: i64, now: DateTime<Utc>) -> AppResult<()> {
        for id in self.store.pending_action_ids_of_pairing(tx, pairing_id).await? {
            self.store.cancel_jobs_of(tx, Subject::Action(id), now).await?;
        }
        for id in self.store.session_ids_of_pairing(tx, pairing_id).await? {
            self.store.cancel_jobs_of(tx, Subject::Session(id), now).await?;
        }
        // Review prompts and milestone reminders end with the pairing (check-ins, which the pair
        // chose, still come).
        self.store.cancel_shape_jobs(tx, None, Some(pairing_id), &super::shape::PAIR_TIMELINE_KINDS, now).await?;
        Ok(())
    }

    /// Plans the next weekly nudge of a program after `after` (cancelling any other pending one).
    pub(crate) async fn replan_weekly_nudge(
        &self,
        tx: &mut Tx,
        program: &Program,
        after: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> AppResult<()> {
        self.store.cancel_program_jobs(tx, program.guild_id, JobKind::WeeklyNudge, now).await?;
        let Some(schedule) = self.nudge_schedule(program)? else { return Ok(()) };
        if let Some(due_at) = schedule.next_after(after) {
            let channel = program.overrides.nudge_channel.unwrap_or(program.channel_id.0);
            let job = PlannedJob {
                kind: JobKind::WeeklyNudge,
                subject: Subject::Program,
                recipient: None,
                channel: Some(channel),
                due_at,
                dedupe_key: format!("weekly_nudge:g{}:t{}", program.guild_id, due_at.timestamp()),
                payload: None,
            };
            self.store.plan_jobs(tx, program.guild_id, &[job], now).await?;
        }
        Ok(())
    }

    /// Writes notices as jobs in the change's transaction; the scheduler sends them at once
    /// after the commit (call `jobs_changed`).
    pub(crate) async fn plan_notices(
        &self,
        tx: &mut Tx,
        guild: GuildId,
        notices: &[Notice],
        now: DateTime<Utc>,
    ) -> AppResult<()> {
        let jobs = notices.iter().map(|n| n.job(now)).collect::<anyhow::Result<Vec<_>>>()?;
        self.store.plan_jobs(tx, guild, &jobs, now).await?;
        Ok(())
    }

    /// Tells the scheduler that jobs changed (call after committing).
    pub fn jobs_changed(&self) {
        self.wake.notify_one();
    }
}
