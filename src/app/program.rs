//! A guild's program: setup, scheduler settings, weekly nudges and status (admins only).

use chrono::{DateTime, Duration, Utc};
use tracing::instrument;

use super::{require_admin, App, AppResult, AttendanceSummary, Caller, UserError};
use crate::{
    domain::{
        ids::{ChannelId, GuildId, RoleId},
        program::{parse_zone, Program},
        schedule::ZonedSchedule,
        settings::{Overrides, Timings},
    },
    store::{Job, JobCounts},
};

/// What `/program setup` was given.
#[derive(Debug, Clone, Copy)]
pub struct SetupInput<'a> {
    pub channel: ChannelId,
    pub zone: &'a str,
    /// A new coordinator role (kept when `None`).
    pub coordinator_role: Option<RoleId>,
    /// A new retention of ended pairings' content (`default`: the configured one; kept when `None`).
    pub retain_ended: Option<&'a str>,
}

/// Reads a retention like `365days` (at least a day); `default` means the configured one.
pub fn parse_retention(input: &str) -> Result<Option<Duration>, UserError> {
    let input = input.trim();
    if input.eq_ignore_ascii_case("default") {
        return Ok(None);
    }
    humantime::parse_duration(input)
        .ok()
        .and_then(|d| Duration::from_std(d).ok())
        .filter(|d| *d >= Duration::days(1) && *d <= Duration::days(36_500))
        .map(Some)
        .ok_or_else(|| UserError::BadRetention(input.to_owned()))
}

/// The result of `/program setup`.
#[derive(Debug, Clone)]
pub struct SetupOutcome {
    pub program: Program,
    pub created: bool,
}

/// The result of `/program nudges`.
#[derive(Debug, Clone)]
pub struct NudgeOutcome {
    pub program: Program,
    /// `None` when nudges are off.
    pub schedule: Option<ZonedSchedule>,
    pub channel: ChannelId,
    pub next: Vec<DateTime<Utc>>,
}

/// What `/program status` shows.
#[derive(Debug, Clone)]
pub struct ProgramStatus {
    pub program: Program,
    pub counts: JobCounts,
    pub failed: Vec<Job>,
    /// Held, missed and unconfirmed sessions, and the average rating when enough exist.
    pub attendance: AttendanceSummary,
    /// Where the program's timeline stands, if it has one.
    pub timeline: Option<super::TimelineStatus>,
}

impl App {
    /// Creates or updates the caller's guild program (admins only).
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn setup_program(&self, caller: &Caller, input: SetupInput<'_>) -> AppResult<SetupOutcome> {
        require_admin(caller)?;
        let zone = parse_zone(input.zone).map_err(UserError::from)?;
        let retain = input.retain_ended.map(parse_retention).transpose()?;
        let old = self.store.program(caller.guild_id).await?;
        let program = Program {
            guild_id: caller.guild_id,
            channel_id: input.channel,
            zone,
            overrides: old.as_ref().map(|p| p.overrides.clone()).unwrap_or_default(),
            coordinator_role: input.coordinator_role.or_else(|| old.as_ref().and_then(|p| p.coordinator_role)),
            retain_ended: retain.unwrap_or_else(|| old.as_ref().and_then(|p| p.retain_ended)),
        };
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let created = self.store.upsert_program(&mut tx, &program, now).await?;
        self.replan_weekly_nudge(&mut tx, &program, now, now).await?;
        tx.commit().await.map_err(anyhow::Error::from)?;
        self.jobs_changed();
        Ok(SetupOutcome { program, created })
    }

    /// The caller's program and its effective settings (admins only).
    pub async fn program_settings(&self, caller: &Caller) -> AppResult<(Program, Timings)> {
        require_admin(caller)?;
        let program = self.require_program(caller.guild_id).await?;
        let timings = self.timings(&program)?;
        Ok((program, timings))
    }

    /// Changes one scheduler setting of the program (admins only). Already planned reminders
    /// keep their times; new bookings use the new setting.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn change_setting(&self, caller: &Caller, key: &str, value: &str) -> AppResult<(Program, Timings)> {
        require_admin(caller)?;
        let mut program = self.require_program(caller.guild_id).await?;
        let mut overrides: Overrides = program.overrides.clone();
        overrides.set(key, value).map_err(UserError::from)?;
        program.overrides = overrides;
        let timings = self.timings(&program)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        self.store.save_program_settings(&mut tx, program.guild_id, &program.overrides, now).await?;
        tx.commit().await.map_err(anyhow::Error::from)?;
        Ok((program, timings))
    }

    /// Sets the weekly nudge schedule and channel, or turns nudges off (admins only).
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn set_nudges(
        &self,
        caller: &Caller,
        schedule: Option<&str>,
        channel: Option<ChannelId>,
        off: bool,
    ) -> AppResult<NudgeOutcome> {
        require_admin(caller)?;
        let mut program = self.require_program(caller.guild_id).await?;
        let o = &mut program.overrides;
        if off {
            o.nudges_enabled = Some(false);
        } else {
            if let Some(expr) = schedule {
                ZonedSchedule::parse_at_most_hourly(expr, program.zone).map_err(UserError::from)?;
                o.nudge_schedule = Some(expr.trim().to_owned());
            }
            if let Some(c) = channel {
                o.nudge_channel = Some(c.0);
            }
            o.nudges_enabled = Some(true);
        }
        let now = self.now();
        let mut tx = self.store.begin().await?;
        self.store.save_program_settings(&mut tx, program.guild_id, &program.overrides, now).await?;
        self.replan_weekly_nudge(&mut tx, &program, now, now).await?;
        tx.commit().await.map_err(anyhow::Error::from)?;
        self.jobs_changed();
        let schedule = self.nudge_schedule(&program)?;
        let next = schedule.as_ref().map(|s| s.next_n(now, 3)).unwrap_or_default();
        let channel = ChannelId(program.overrides.nudge_channel.unwrap_or(program.channel_id.0));
        Ok(NudgeOutcome { program, schedule, channel, next })
    }

    /// The bot was removed from a server (`present: false`) or is in it again: the program's
    /// jobs pause or resume. Nothing is lost while paused; catch-up rules decide what is still
    /// worth sending when it comes back.
    pub async fn set_guild_present(&self, guild: GuildId, present: bool) -> AppResult<()> {
        if self.store.set_program_paused(guild, !present).await? {
            if present {
                tracing::info!(%guild, "back in the server: the program's reminders resume");
            } else {
                tracing::warn!(%guild, "removed from the server: the program's reminders pause");
            }
            self.jobs_changed();
        }
        Ok(())
    }

    /// Job counts, recent failed deliveries and program-wide attendance (admins only; no pair
    /// content, no single rating).
    pub async fn program_status(&self, caller: &Caller) -> AppResult<ProgramStatus> {
        require_admin(caller)?;
        let program = self.require_program(caller.guild_id).await?;
        let counts = self.store.job_counts(program.guild_id).await?;
        let failed = self.store.failed_jobs(program.guild_id, 10).await?;
        let attendance = self.attendance_summary(caller).await?;
        let timeline = self.program_timeline(&program).await?;
        Ok(ProgramStatus { program, counts, failed, attendance, timeline })
    }
}
