//! A program's shape: its timeline (setup, where it stands, the review prompts it plans for
//! every pair, quarterly check-ins for pairs that opt in), the end-of-program reflection, and
//! its session outline (shown to everyone in the program, replaced by admins).

use chrono::{DateTime, NaiveDate, Utc};
use tracing::instrument;

use super::{
    content::{check_text, MAX_NOTE_CHARS},
    require_admin, App, AppResult, Caller, ReviewForm, SetupInput, SetupOutcome, UserError,
};
use crate::{
    domain::{
        goal::{GoalStatus, ReviewKind},
        ids::GuildId,
        jobs::{JobKind, Recipient},
        local_time::to_local,
        outline::{Outline, Step},
        pairing::Pairing,
        program::Program,
        timeline::{plan_check_ins, plan_review_prompts, Position, Timeline},
    },
    store::Tx,
    tr,
};

/// The job kinds of a pair's timeline that end with the pairing.
pub(crate) const PAIR_TIMELINE_KINDS: [JobKind; 3] =
    [JobKind::ReviewPrompt, JobKind::ReviewReminder, JobKind::MilestoneReminder];

/// What `/program setup` gives for the timeline (as typed).
#[derive(Debug, Clone, Copy, Default)]
pub struct TimelineOptions<'a> {
    pub starts: Option<&'a str>,
    pub ends: Option<&'a str>,
    pub length: Option<&'a str>,
}

/// Where a program stands today (for `/program status` and the setup reply).
#[derive(Debug, Clone, Copy)]
pub struct TimelineStatus {
    pub timeline: Timeline,
    pub position: Position,
}

/// What a review button opens for the caller: the next goal's form, or the reflection (the
/// second step of the final review, once every goal is reviewed).
#[derive(Debug, Clone)]
pub enum ReviewStep {
    Goal(ReviewForm),
    Reflection(i64),
}

impl App {
    /// `/program setup` with its timeline: the timeline is checked before anything changes;
    /// then the program is saved and every active pair's review prompts are (re)planned.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn setup_program_shaped(
        &self,
        caller: &Caller,
        input: SetupInput<'_>,
        dates: TimelineOptions<'_>,
    ) -> AppResult<(SetupOutcome, Option<TimelineStatus>)> {
        require_admin(caller)?;
        let current = self.store.program_shape(caller.guild_id).await?.timeline;
        let timeline =
            Timeline::from_options(dates.starts, dates.ends, dates.length, current).map_err(UserError::from)?;
        let old_zone = self.store.program(caller.guild_id).await?.map(|p| p.zone);
        let outcome = self.setup_program(caller, input).await?;
        // New dates, or the same dates in another zone: every pair's prompts move.
        let moved = |t: &Timeline| Some(*t) != current || old_zone != Some(outcome.program.zone);
        if let Some(t) = timeline.filter(moved) {
            let now = self.now();
            let mut tx = self.store.begin().await?;
            self.store.save_timeline(&mut tx, caller.guild_id, &t, now).await?;
            self.replan_timeline(&mut tx, &outcome.program, &t, now).await?;
            tx.commit().await.map_err(anyhow::Error::from)?;
            self.jobs_changed();
        }
        let status = timeline.map(|t| self.timeline_status(&outcome.program, t));
        Ok((outcome, status))
    }

    /// Where a program's timeline stands today, if it has one.
    pub async fn program_timeline(&self, program: &Program) -> AppResult<Option<TimelineStatus>> {
        let t = self.store.program_shape(program.guild_id).await?.timeline;
        Ok(t.map(|t| self.timeline_status(program, t)))
    }

    fn timeline_status(&self, program: &Program, timeline: Timeline) -> TimelineStatus {
        let today = to_local(self.now(), program.zone).date();
        TimelineStatus { timeline, position: timeline.position(today) }
    }

    /// Replans the review prompts of every active pair (and the check-ins of those that opted
    /// in) after the timeline changed.
    async fn replan_timeline(&self, tx: &mut Tx, program: &Program, t: &Timeline, now: DateTime<Utc>) -> AppResult<()> {
        let kinds = [JobKind::ReviewPrompt, JobKind::ReviewReminder, JobKind::CheckIn];
        self.store.cancel_shape_jobs(tx, Some(program.guild_id), None, &kinds, now).await?;
        for pairing in self.store.active_pairings_of_guild(program.guild_id).await? {
            self.plan_pair_prompts(tx, program, t, &pairing, now).await?;
            if self.store.check_ins_of(tx, pairing.id).await? {
                let people = self.people_of(program, &pairing).await?;
                let q = self.timings(program)?.quiet_hours;
                self.store
                    .plan_jobs(tx, program.guild_id, &plan_check_ins(t, pairing.id, people, &q, now), now)
                    .await?;
            }
        }
        Ok(())
    }

    async fn people_of(&self, program: &Program, pairing: &Pairing) -> AppResult<[Recipient; 2]> {
        Ok([
            Recipient { id: pairing.mentee_id, zone: self.zone_of(program, pairing.mentee_id).await? },
            Recipient { id: pairing.mentor_id, zone: self.zone_of(program, pairing.mentor_id).await? },
        ])
    }

    async fn plan_pair_prompts(
        &self,
        tx: &mut Tx,
        program: &Program,
        t: &Timeline,
        pairing: &Pairing,
        now: DateTime<Utc>,
    ) -> AppResult<()> {
        let formed = self.store.pairing_created_at(tx, pairing.id).await?;
        let pair_start: NaiveDate = to_local(formed, program.zone).date();
        let people = self.people_of(program, pairing).await?;
        let quiet = self.timings(program)?.quiet_hours;
        let jobs = plan_review_prompts(t, pairing.id, pair_start, people, &quiet, now);
        self.store.plan_jobs(tx, program.guild_id, &jobs, now).await?;
        Ok(())
    }

    /// Plans a new pair's review prompts (in the transaction that forms it), when the program
    /// has a timeline: a pair formed late gets its midpoint halfway through its own time.
    pub(crate) async fn plan_new_pair_timeline(
        &self,
        tx: &mut Tx,
        program: &Program,
        pairing: &Pairing,
        now: DateTime<Utc>,
    ) -> AppResult<()> {
        if let Some(t) = self.store.program_shape(program.guild_id).await?.timeline {
            self.plan_pair_prompts(tx, program, &t, pairing, now).await?;
        }
        Ok(())
    }

    /// The caller of a button about a pairing (only its two members get anywhere).
    pub async fn caller_for_pairing(
        &self,
        user: crate::domain::ids::UserId,
        name: &str,
        pairing: i64,
    ) -> AppResult<(Caller, Pairing)> {
        let p = self.store.pairing(pairing).await?.filter(|p| p.includes(user)).ok_or(UserError::UnknownPairing)?;
        let caller = Caller { guild_id: p.guild_id, user_id: user, name: name.to_owned(), is_admin: false };
        Ok((caller, p))
    }

    /// What **Start midpoint/final review** opens for the caller: the first goal they have not
    /// reviewed this way; for the final review, the reflection once every goal is done (or when
    /// there are no goals).
    pub async fn review_step(&self, caller: &Caller, kind: ReviewKind, pairing: &Pairing) -> AppResult<ReviewStep> {
        self.require_active(caller, pairing).await?;
        let goals: Vec<_> = self
            .store
            .goals_of_pairing(pairing.id)
            .await?
            .into_iter()
            .filter(|g| kind == ReviewKind::Final || g.status == GoalStatus::Open)
            .collect();
        let reviewed: Vec<i64> = self
            .store
            .reviews_of_pairing(pairing.id)
            .await?
            .into_iter()
            .filter(|r| r.kind == kind && r.by == caller.user_id)
            .map(|r| r.goal_id)
            .collect();
        match goals.iter().position(|g| !reviewed.contains(&g.id)) {
            Some(i) => {
                let total = goals.len();
                let goal = goals.into_iter().nth(i).ok_or(UserError::UnknownGoal)?;
                Ok(ReviewStep::Goal(ReviewForm { kind, goal, position: (i + 1, total) }))
            }
            None if kind == ReviewKind::Final => Ok(ReviewStep::Reflection(pairing.id)),
            None if goals.is_empty() => Err(UserError::NoGoalsToReview(kind.as_str()).into()),
            None => {
                let total = goals.len();
                let goal = goals.into_iter().next().ok_or(UserError::UnknownGoal)?;
                Ok(ReviewStep::Goal(ReviewForm { kind, goal, position: (1, total) }))
            }
        }
    }

    /// Saves the caller's End-of-Program Reflection (what changed most, which skills improved,
    /// what should continue); private to the pair.
    #[instrument(skip_all, fields(user = %caller.user_id, pairing = pairing.id))]
    pub async fn save_reflection(&self, caller: &Caller, pairing: &Pairing, answers: [&str; 3]) -> AppResult<()> {
        if answers.iter().all(|a| a.trim().is_empty()) {
            return Err(UserError::Required(tr!("app-required-reflection")).into());
        }
        for a in answers {
            check_text(&tr!("app-field-an-answer"), a.trim(), MAX_NOTE_CHARS * 4)?;
        }
        let trimmed = answers.map(str::trim);
        self.store.save_reflection(pairing.id, caller.user_id, trimmed, self.now()).await?;
        Ok(())
    }

    /// The pair opts into quarterly check-ins after the program's end (either of them may);
    /// returns the first check-in's day and whether it was new.
    #[instrument(skip_all, fields(user = %caller.user_id, pairing = pairing.id))]
    pub async fn opt_into_check_ins(&self, caller: &Caller, pairing: &Pairing) -> AppResult<(NaiveDate, bool)> {
        let program = self.require_program(pairing.guild_id).await?;
        let t = self.store.program_shape(program.guild_id).await?.timeline.ok_or(UserError::NoTimeline)?;
        let first = t.ends_on.checked_add_months(chrono::Months::new(3)).unwrap_or(t.ends_on);
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let new = self.store.opt_into_check_ins(&mut tx, pairing.id).await?;
        if new {
            let people = self.people_of(&program, pairing).await?;
            let q = self.timings(&program)?.quiet_hours;
            self.store
                .plan_jobs(&mut tx, program.guild_id, &plan_check_ins(&t, pairing.id, people, &q, now), now)
                .await?;
        }
        tx.commit().await.map_err(anyhow::Error::from)?;
        self.jobs_changed();
        Ok((first, new))
    }

    /// A program's outline (the default until an admin replaces it); `true` when replaced.
    pub async fn outline_of(&self, guild: GuildId) -> AppResult<(Outline, bool)> {
        let text = self.store.program_shape(guild).await?.outline;
        Ok(match text.as_deref().map(Outline::parse) {
            Some(Ok(o)) => (o, true),
            _ => (Outline::default(), false),
        })
    }

    /// The step of session `number` in a program's outline.
    pub async fn step_for(&self, guild: GuildId, number: i64) -> AppResult<Option<Step>> {
        Ok(self.outline_of(guild).await?.0.step_for(number).cloned())
    }

    /// `/program outline`: anyone in the server sees it.
    pub async fn program_outline(&self, caller: &Caller) -> AppResult<(Outline, bool)> {
        self.require_program(caller.guild_id).await?;
        self.outline_of(caller.guild_id).await
    }

    /// The outline form's current text (admins only).
    pub async fn outline_form(&self, caller: &Caller) -> AppResult<String> {
        require_admin(caller)?;
        Ok(self.program_outline(caller).await?.0.to_text())
    }

    /// Replaces the outline (admins only); a bad outline changes nothing.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn replace_outline(&self, caller: &Caller, text: &str) -> AppResult<Outline> {
        require_admin(caller)?;
        self.require_program(caller.guild_id).await?;
        let outline = Outline::parse(text).map_err(UserError::from)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        self.store.save_outline(&mut tx, caller.guild_id, &outline.to_text(), now).await?;
        tx.commit().await.map_err(anyhow::Error::from)?;
        Ok(outline)
    }
}
