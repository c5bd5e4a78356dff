//! Goals of a pair: adding them (SMART fields), recording progress, closing them.

use chrono_tz::Tz;
use tracing::instrument;

use super::{
    content::{check_text, optional, MAX_NOTE_CHARS, MAX_TITLE_CHARS},
    App, AppResult, Caller, UserError,
};
use crate::{
    domain::{
        goal::{Goal, GoalStatus, GoalUpdate, Review},
        ids::UserId,
        local_time::to_local,
        pairing::Pairing,
        when::parse_deadline,
    },
    store::NewGoal,
    tr,
};

/// What `/goal add` asks for.
#[derive(Debug, Clone, Copy)]
pub struct GoalInput<'a> {
    pub title: &'a str,
    pub why: Option<&'a str>,
    /// A date, read like a deadline in the caller's zone.
    pub target: Option<&'a str>,
    pub measure: Option<&'a str>,
}

/// One goal with its history.
#[derive(Debug, Clone)]
pub struct GoalEntry {
    /// 1-based position within the pair (shown as `G1`).
    pub number: usize,
    pub goal: Goal,
    pub updates: Vec<GoalUpdate>,
    pub reviews: Vec<Review>,
    pub milestones: Vec<crate::domain::milestone::Milestone>,
}

/// The goals of one pairing.
#[derive(Debug, Clone)]
pub struct GoalList {
    pub pairing: Pairing,
    pub entries: Vec<GoalEntry>,
    pub zone: Tz,
    /// End-of-Program Reflections: who, and what changed most, skills improved, what continues.
    pub reflections: Vec<(UserId, [String; 3])>,
}

/// An autocomplete entry for goals.
pub use super::actions::Choice as GoalChoice;

impl App {
    /// Adds a goal to the pair (the caller's only pairing, or the one with `with`).
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn add_goal(&self, caller: &Caller, with: Option<UserId>, input: GoalInput<'_>) -> AppResult<Goal> {
        let new = self.check_goal(caller, with, input).await?;
        let mut tx = self.store.begin().await?;
        let goal = self.store.insert_goal(&mut tx, &new, self.now()).await?;
        tx.commit().await.map_err(anyhow::Error::from)?;
        Ok(goal)
    }

    /// Everything `add_goal` checks, without storing anything (before a form for the long
    /// fields is shown).
    pub async fn precheck_goal(&self, caller: &Caller, with: Option<UserId>, input: GoalInput<'_>) -> AppResult<()> {
        self.check_goal(caller, with, input).await.map(drop)
    }

    async fn check_goal<'a>(
        &self,
        caller: &Caller,
        with: Option<UserId>,
        input: GoalInput<'a>,
    ) -> AppResult<NewGoal<'a>> {
        let (program, me) = self.require_member(caller).await?;
        let pairing = self.pick_pairing(caller, with).await?;
        let title = input.title.trim();
        if title.is_empty() {
            return Err(UserError::Required(tr!("app-required-title")).into());
        }
        check_text(&tr!("app-field-the-title"), title, MAX_TITLE_CHARS)?;
        let (why, measure) = (optional(input.why), optional(input.measure));
        for (what, text) in [(tr!("app-field-why"), why), (tr!("app-field-measure"), measure)] {
            if let Some(t) = text {
                check_text(&what, t, MAX_NOTE_CHARS)?;
            }
        }
        let now = self.now();
        // A target is a date: read in the setter's zone (`tomorrow`, `2027-03-01`, `in 3 weeks`),
        // kept as that calendar date.
        let zone = me.zone_or(program.zone);
        let target = match optional(input.target) {
            Some(t) => Some(to_local(parse_deadline(t, now, zone).map_err(UserError::from)?.instant, zone).date()),
            None => None,
        };
        Ok(NewGoal { pairing_id: pairing.id, title, why, target, measure, created_by: caller.user_id })
    }

    /// The goals of the pair with their updates and reviews (also of a pairing that has ended).
    pub async fn list_goals(&self, caller: &Caller, with: Option<UserId>) -> AppResult<GoalList> {
        let (program, me) = self.require_member(caller).await?;
        let pairing = self.read_pairing(caller, with).await?;
        self.goal_list(pairing, me.zone_or(program.zone)).await
    }

    pub(crate) async fn goal_list(&self, pairing: Pairing, zone: Tz) -> AppResult<GoalList> {
        let reviews = self.store.reviews_of_pairing(pairing.id).await?;
        let milestones = self.store.milestones_of_pairing(pairing.id).await?;
        let mut entries = Vec::new();
        for (i, goal) in self.store.goals_of_pairing(pairing.id).await?.into_iter().enumerate() {
            let updates = self.store.goal_updates(goal.id).await?;
            let reviews = reviews.iter().filter(|r| r.goal_id == goal.id).cloned().collect();
            let milestones = milestones.iter().filter(|m| m.goal_id == goal.id).cloned().collect();
            entries.push(GoalEntry { number: i + 1, goal, updates, reviews, milestones });
        }
        let reflections = self.store.reflections(pairing.id).await?;
        Ok(GoalList { pairing, entries, zone, reflections })
    }

    /// Records progress (0–100) on an open goal.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn goal_progress(
        &self,
        caller: &Caller,
        typed: &str,
        percent: i64,
        evidence: Option<&str>,
    ) -> AppResult<Goal> {
        let (goal, _) = self.goal_to_change(caller, typed).await?;
        let percent = u8::try_from(percent)
            .ok()
            .filter(|p| *p <= 100)
            .ok_or_else(|| crate::domain::goal::AnswerError::BadPercent(percent.to_string()))
            .map_err(UserError::from)?;
        let evidence = optional(evidence);
        if let Some(e) = evidence {
            check_text(&tr!("app-field-the-evidence"), e, MAX_NOTE_CHARS)?;
        }
        require_open(&goal)?;
        let mut tx = self.store.begin().await?;
        let goal = self.store.record_progress(&mut tx, goal.id, percent, evidence, caller.user_id, self.now()).await?;
        tx.commit().await.map_err(anyhow::Error::from)?;
        Ok(goal)
    }

    /// Closes a goal as achieved or not.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn close_goal(
        &self,
        caller: &Caller,
        typed: &str,
        achieved: bool,
        learnings: Option<&str>,
    ) -> AppResult<Goal> {
        let (goal, _) = self.goal_to_change(caller, typed).await?;
        let learnings = optional(learnings);
        if let Some(l) = learnings {
            check_text(&tr!("app-field-the-learnings"), l, MAX_NOTE_CHARS)?;
        }
        require_open(&goal)?;
        let mut tx = self.store.begin().await?;
        let goal = self.store.close_goal(&mut tx, goal.id, achieved, learnings, self.now()).await?;
        tx.commit().await.map_err(anyhow::Error::from)?;
        Ok(goal)
    }

    /// Autocomplete: the goals of the caller's pairings matching `partial` (open ones first).
    pub async fn goal_choices(&self, caller: &Caller, partial: &str, open_only: bool) -> AppResult<Vec<GoalChoice>> {
        if self.require_member(caller).await.is_err() {
            return Ok(Vec::new());
        }
        let needle = partial.trim().to_lowercase();
        let mut out = Vec::new();
        for pairing in self.store.active_pairings_of(caller.guild_id, caller.user_id).await? {
            for (i, goal) in self.store.goals_of_pairing(pairing.id).await?.into_iter().enumerate() {
                if open_only && goal.status != GoalStatus::Open {
                    continue;
                }
                let mut label = format!("G{} · {} · {}%", i + 1, goal.title, goal.progress);
                super::sessions::truncate_chars(&mut label, 100);
                if needle.is_empty() || label.to_lowercase().contains(&needle) {
                    out.push(GoalChoice { label, value: format!("g{}", goal.id) });
                }
            }
        }
        out.truncate(25);
        Ok(out)
    }
}

pub(crate) fn require_open(goal: &Goal) -> AppResult<()> {
    if goal.status == GoalStatus::Open {
        Ok(())
    } else {
        Err(UserError::GoalClosed { title: goal.title.clone(), status: goal.status.as_str() }.into())
    }
}
