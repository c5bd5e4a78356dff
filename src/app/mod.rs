//! Use cases. Each takes the `App` (store, clock, settings), who is asking and plain inputs, checks
//! permissions and rules, changes the store, and returns domain values plus the notices that the
//! people involved should get. Slash commands, buttons, modals and the scheduler all call these.

mod action_history;
mod actions;
mod agendas;
mod attendance;
mod availability;
mod confirm;
mod content;
mod digest;
mod error;
mod goals;
mod health;
mod locales;
mod matching;
mod membership;
mod milestones;
mod notes;
mod notice;
mod pairing;
mod planning;
mod prework;
mod privacy;
mod program;
mod report;
mod requests;
mod reviews;
mod series;
mod series_move;
mod session_list;
mod sessions;
mod shape;
mod summary;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use tokio::sync::Notify;

pub use action_history::ActionHistory;
pub use actions::{ActionFilter, ActionInput, ActionList, ActionOutcome, Choice, LATER_DAYS};
pub use agendas::{AgendaForm, AgendaOutcome, AgendaView, TopicOutcome};
pub use attendance::{AnswerOutcome, AttendanceSummary, STATUS_WEEKS};
pub use availability::{AvailabilityView, AwayOutcome, FreeTimes, OutsideAvailability, MAX_AWAY_NOTE_CHARS};
pub use confirm::{LeavePreview, UnpairPreview};
pub use content::{SessionPick, MAX_NOTE_CHARS, MAX_TITLE_CHARS};
pub use digest::{DigestOutcome, DIGEST_SCHEDULE};
pub use error::{AppError, AppResult, UserError};
pub use goals::{GoalEntry, GoalInput, GoalList};
pub use health::DeliveryHealth;
pub use matching::{MatchingInput, Suggestions};
pub use membership::{JoinOutcome, LeaveOutcome, Profile};
pub use milestones::MilestoneOutcome;
pub use notes::{NotesForm, NotesOutcome};
pub use notice::{base36, Notice, NoticeKind};
pub use pairing::PairOutcome;
pub use privacy::{ExportData, ForgetOutcome};
pub use program::{parse_retention, NudgeOutcome, ProgramStatus, SetupInput, SetupOutcome};
pub use report::{NudgeBothOutcome, ProgramReport};
pub use requests::{Answered, FreeOffer, OFFERED_TIMES};
pub use reviews::{ReviewAnswers, ReviewForm, ReviewOutcome};
pub use series::{SeriesOptions, SeriesOutcome, SeriesSummary};
pub use session_list::{SessionChoice, SessionLine};
pub use sessions::{BookOutcome, CancelOutcome, RescheduleOutcome};
pub use shape::{ReviewStep, TimelineOptions, TimelineStatus};
pub use summary::SessionRecord;

/// Cuts a label (never user data shown nowhere else) to `max` characters.
pub fn truncate_label(s: &mut String, max: usize) {
    sessions::truncate_chars(s, max);
}

use crate::{
    clock::SharedClock,
    config::Config,
    domain::{
        ids::{GuildId, UserId},
        member::Member,
        program::Program,
        session::BookingLimits,
        settings::Timings,
    },
    store::Store,
};

/// Everything a use case needs.
#[derive(Debug, Clone)]
pub struct App {
    pub store: Store,
    pub clock: SharedClock,
    pub config: Arc<Config>,
    /// Scheduler timings before program overrides (parsed from the config once).
    pub default_timings: Timings,
    /// Woken whenever jobs change, so the scheduler re-reads the queue.
    pub wake: Arc<Notify>,
    /// What the scheduler knows about delivery (shown in `/program status`).
    pub delivery: Arc<DeliveryHealth>,
    /// How long the content of an ended pairing is kept unless its program says otherwise.
    pub retain_ended: chrono::Duration,
    /// The bot's metrics (`GET /metrics`).
    pub metrics: Arc<crate::metrics::Metrics>,
    /// The locales this process stored last (`note_locales`).
    pub stored_locales: Arc<locales::StoredLocales>,
}

/// Who runs a command, as Discord told us.
#[derive(Debug, Clone)]
pub struct Caller {
    pub guild_id: GuildId,
    pub user_id: UserId,
    pub name: String,
    /// Manage Server permission, the program's coordinator role or the (deprecated) global admin role.
    pub is_admin: bool,
}

/// Another person named in a command (from Discord's resolved data).
#[derive(Debug, Clone)]
pub struct Person {
    pub id: UserId,
    pub name: String,
    pub is_bot: bool,
}

impl App {
    /// Bundles the parts; fails only when the scheduler settings do not parse (validated at load).
    pub fn new(store: Store, clock: SharedClock, config: Arc<Config>) -> anyhow::Result<Self> {
        let default_timings = config.scheduler.timings()?;
        let retain_ended = config.privacy.retain_ended()?;
        Ok(Self {
            store,
            clock,
            config,
            default_timings,
            wake: Arc::new(Notify::new()),
            delivery: Arc::default(),
            retain_ended,
            metrics: Arc::default(),
            stored_locales: Arc::default(),
        })
    }

    /// The current instant, from the injected clock.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    fn limits(&self) -> BookingLimits {
        let b = &self.config.booking;
        BookingLimits {
            min_duration_minutes: b.min_duration_minutes,
            max_duration_minutes: b.max_duration_minutes,
            max_days_ahead: b.max_days_ahead,
        }
    }

    /// The guild's program, or the error telling people it is not set up.
    pub async fn require_program(&self, guild: GuildId) -> AppResult<Program> {
        self.store.program(guild).await?.ok_or_else(|| UserError::NoProgram.into())
    }

    /// The caller's active membership, or the error telling them to `/join`.
    pub async fn require_member(&self, caller: &Caller) -> AppResult<(Program, Member)> {
        let program = self.require_program(caller.guild_id).await?;
        match self.store.member(caller.guild_id, caller.user_id).await? {
            Some(m) if m.active => Ok((program, m)),
            _ => Err(UserError::NotJoined.into()),
        }
    }

    /// The zone a user's times are shown in (theirs, else the program's).
    pub async fn zone_of(&self, program: &Program, user: UserId) -> AppResult<Tz> {
        Ok(self.store.member(program.guild_id, user).await?.map_or(program.zone, |m| m.zone_or(program.zone)))
    }

    /// [`App::zone_of`] read inside the transaction `tx`.
    pub(crate) async fn zone_of_in(&self, tx: &mut crate::store::Tx, program: &Program, user: UserId) -> AppResult<Tz> {
        let member = self.store.member_in(tx, program.guild_id, user).await?;
        Ok(member.map_or(program.zone, |m| m.zone_or(program.zone)))
    }
}

fn require_admin(caller: &Caller) -> AppResult<()> {
    if caller.is_admin {
        Ok(())
    } else {
        Err(UserError::NotAdmin.into())
    }
}
