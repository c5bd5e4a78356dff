//! `/program report` (admins): twelve weeks of program aggregates as a chart, numbers and CSV,
//! and pair health; and **Nudge both**, which DMs a stale pair a friendly prompt with their next
//! free times, never saying who asked. Metadata and counts only: no pair's content, no rating
//! of a single session.

use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Utc};
use tracing::instrument;

use super::{require_admin, App, AppResult, Caller, Notice, NoticeKind, UserError};
use crate::{
    domain::{
        ids::UserId,
        pairing::Pairing,
        program::Program,
        report::{report_weeks, weekly_rows, PairHealth, WeekRow},
    },
    tr,
};

/// How many free times a nudge offers each person.
const NUDGE_SLOTS: usize = 3;

/// What `/program report` shows.
#[derive(Debug, Clone)]
pub struct ProgramReport {
    pub program: Program,
    pub weeks: Vec<WeekRow>,
    pub pairs: Vec<PairHealth>,
    /// The chart (PNG).
    pub png: Vec<u8>,
    /// How long drawing and encoding the chart took.
    pub render_time: StdDuration,
    pub now: DateTime<Utc>,
}

/// The result of **Nudge both**.
#[derive(Debug, Clone)]
pub struct NudgeBothOutcome {
    pub pairing: Pairing,
    pub notices: Vec<Notice>,
}

impl App {
    /// The program's weekly aggregates, chart and pair health (admins only).
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn program_report(&self, caller: &Caller) -> AppResult<ProgramReport> {
        require_admin(caller)?;
        let program = self.require_program(caller.guild_id).await?;
        let now = self.now();
        let weeks = report_weeks(now, program.zone);
        let (from, to) = match (weeks.first(), weeks.last()) {
            (Some(first), Some(last)) => (first.1, last.2),
            _ => (now, now),
        };
        let sessions = self.store.report_sessions(program.guild_id, from, to).await?;
        let actions = self.store.report_actions(program.guild_id, from, to).await?;
        let weeks = weekly_rows(now, program.zone, &sessions, &actions);
        let pairs = self.pair_health(&program, now).await?;
        let title = tr!("app-report-chart-title", weeks = weeks.len());
        let rows = weeks.clone();
        let locale = crate::catalogue::current_locale();
        let (png, render_time) = tokio::task::spawn_blocking(move || {
            let started = Instant::now();
            // The chart's words in the language of the admin who asked.
            crate::catalogue::sync_scope(locale, || crate::chart::render_png(&title, &rows))
                .map(|png| (png, started.elapsed()))
        })
        .await
        .map_err(anyhow::Error::from)??;
        tracing::info!(render_ms = render_time.as_millis(), png_bytes = png.len(), "drew the program report");
        Ok(ProgramReport { program, weeks, pairs, png, render_time, now })
    }

    /// Health of every active pair: names, dates and counts.
    pub(crate) async fn pair_health(&self, program: &Program, now: DateTime<Utc>) -> AppResult<Vec<PairHealth>> {
        let stale_before = now - self.timings(program)?.stale_after;
        Ok(self.store.pair_health(program.guild_id, now, stale_before).await?)
    }

    /// **Nudge both** (admins only): DMs both people of an active pairing of the caller's program
    /// a prompt to meet, each with their next free times in their own zone. The message does not
    /// say who asked. One nudge per pair a day (a second press the same day sends nothing more).
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id, pairing = pairing_id))]
    pub async fn nudge_pair(&self, caller: &Caller, pairing_id: i64) -> AppResult<NudgeBothOutcome> {
        require_admin(caller)?;
        self.require_program(caller.guild_id).await?;
        let pairing = self
            .store
            .pairing(pairing_id)
            .await?
            .filter(|p| p.guild_id == caller.guild_id && p.active)
            .ok_or(UserError::UnknownPairing)?;
        let now = self.now();
        let day = now.timestamp().div_euclid(86_400);
        let mut notices = Vec::new();
        for (who, partner) in [(pairing.mentee_id, pairing.mentor_id), (pairing.mentor_id, pairing.mentee_id)] {
            let slots = self.free_times_of(caller, who, partner).await?;
            notices.push(Notice {
                to: who,
                kind: NoticeKind::Nudged { pairing: pairing.clone(), partner, free_times: slots, day },
            });
        }
        let mut tx = self.store.begin().await?;
        self.plan_notices(&mut tx, caller.guild_id, &notices, now).await?;
        tx.commit().await.map_err(anyhow::Error::from)?;
        self.jobs_changed();
        Ok(NudgeBothOutcome { pairing, notices })
    }

    /// The next free times of `who` with `partner`, as `who` reads them.
    async fn free_times_of(&self, caller: &Caller, who: UserId, partner: UserId) -> AppResult<Vec<String>> {
        let name = self.store.member(caller.guild_id, who).await?.map(|m| m.display_name).unwrap_or_default();
        let as_them = Caller { guild_id: caller.guild_id, user_id: who, name, is_admin: false };
        match self.free_slot_choices(&as_them, partner, None, "").await {
            Ok(choices) => Ok(choices.into_iter().take(NUDGE_SLOTS).map(|(label, _)| label).collect()),
            // Someone who left has no free times; the pairing check above keeps this rare.
            Err(super::AppError::User(_)) => Ok(Vec::new()),
            Err(e) => Err(e),
        }
    }
}
