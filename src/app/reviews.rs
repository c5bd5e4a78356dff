//! Midpoint and final reviews: one form per goal, answered by either member of the pair.

use tracing::instrument;

use super::{
    content::{check_text, optional, MAX_NOTE_CHARS},
    goals::require_open,
    App, AppResult, Caller, UserError,
};
use crate::{
    domain::{
        goal::{parse_percent, parse_yes_no, Goal, GoalStatus, Review, ReviewKind},
        ids::UserId,
    },
    tr,
};

/// The review form for one goal.
#[derive(Debug, Clone)]
pub struct ReviewForm {
    pub kind: ReviewKind,
    pub goal: Goal,
    /// 1-based position among the goals under review, and how many there are.
    pub position: (usize, usize),
}

/// The three answers of a review form, as typed.
#[derive(Debug, Clone, Default)]
pub struct ReviewAnswers {
    /// Midpoint: progress 0–100. Final: achieved yes/no.
    pub first: String,
    /// Midpoint: evidence. Final: key learnings.
    pub second: String,
    /// Midpoint: adjustment needed. Final: next steps.
    pub third: String,
}

/// The result of one review answer.
#[derive(Debug, Clone)]
pub struct ReviewOutcome {
    pub kind: ReviewKind,
    pub goal: Goal,
    /// The next goal still waiting for this review, if any.
    pub next: Option<Goal>,
}

impl App {
    /// The goals a review covers: open ones for the midpoint, all for the final review.
    async fn review_goals(&self, pairing_id: i64, kind: ReviewKind) -> AppResult<Vec<Goal>> {
        Ok(self
            .store
            .goals_of_pairing(pairing_id)
            .await?
            .into_iter()
            .filter(|g| kind == ReviewKind::Final || g.status == GoalStatus::Open)
            .collect())
    }

    /// The first goal the caller has not reviewed yet this way, or `goal` when given.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn review_form(
        &self,
        caller: &Caller,
        kind: ReviewKind,
        with: Option<UserId>,
        goal: Option<&str>,
    ) -> AppResult<ReviewForm> {
        let pairing = match optional(goal) {
            Some(g) => self.goal_to_change(caller, g).await?.1,
            None => self.pick_pairing(caller, with).await?,
        };
        let goals = self.review_goals(pairing.id, kind).await?;
        if goals.is_empty() {
            return Err(UserError::NoGoalsToReview(kind.as_str()).into());
        }
        let chosen = if let Some(g) = optional(goal) {
            let (goal, _) = self.pick_goal(caller, g).await?;
            goals
                .iter()
                .position(|x| x.id == goal.id)
                .ok_or(UserError::GoalClosed { title: goal.title.clone(), status: goal.status.as_str() })?
        } else {
            let reviewed = self.reviewed_goal_ids(pairing.id, kind, caller.user_id).await?;
            goals.iter().position(|g| !reviewed.contains(&g.id)).unwrap_or(0)
        };
        let total = goals.len();
        let goal = goals.into_iter().nth(chosen).ok_or(UserError::UnknownGoal)?;
        Ok(ReviewForm { kind, goal, position: (chosen + 1, total) })
    }

    async fn reviewed_goal_ids(&self, pairing_id: i64, kind: ReviewKind, by: UserId) -> AppResult<Vec<i64>> {
        Ok(self
            .store
            .reviews_of_pairing(pairing_id)
            .await?
            .into_iter()
            .filter(|r| r.kind == kind && r.by == by)
            .map(|r| r.goal_id)
            .collect())
    }

    /// Stores the answers for one goal: a midpoint review also records progress, a final review
    /// closes the goal (when still open) as achieved or not.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id, goal = goal_id))]
    pub async fn submit_review(
        &self,
        caller: &Caller,
        kind: ReviewKind,
        goal_id: i64,
        answers: &ReviewAnswers,
    ) -> AppResult<ReviewOutcome> {
        let (goal, pairing) = self.goal_to_change(caller, &format!("g{goal_id}")).await?;
        let (second, third) = (optional(Some(&answers.second)), optional(Some(&answers.third)));
        for text in [second, third].into_iter().flatten() {
            check_text(&tr!("app-field-an-answer"), text, MAX_NOTE_CHARS * 4)?;
        }
        let now = self.now();
        let mut review = Review {
            kind,
            goal_id: goal.id,
            by: caller.user_id,
            progress: None,
            achieved: None,
            evidence: None,
            adjustment: None,
            learnings: None,
            next_steps: None,
            at: now,
        };
        let mut tx = self.store.begin().await?;
        let goal = match kind {
            ReviewKind::Midpoint => {
                require_open(&goal)?;
                let percent = parse_percent(&answers.first).map_err(UserError::from)?;
                review.progress = Some(percent);
                review.evidence = second.map(str::to_owned);
                review.adjustment = third.map(str::to_owned);
                self.store.record_progress(&mut tx, goal.id, percent, second, caller.user_id, now).await?
            }
            ReviewKind::Final => {
                let achieved = parse_yes_no(&answers.first).map_err(UserError::from)?;
                review.achieved = Some(achieved);
                review.learnings = second.map(str::to_owned);
                review.next_steps = third.map(str::to_owned);
                if goal.status == GoalStatus::Open {
                    self.store.close_goal(&mut tx, goal.id, achieved, second, now).await?
                } else {
                    goal
                }
            }
        };
        self.store.insert_review(&mut tx, pairing.id, &review).await?;
        tx.commit().await.map_err(anyhow::Error::from)?;
        let reviewed = self.reviewed_goal_ids(pairing.id, kind, caller.user_id).await?;
        let next = self.review_goals(pairing.id, kind).await?.into_iter().find(|g| !reviewed.contains(&g.id));
        Ok(ReviewOutcome { kind, goal, next })
    }
}
