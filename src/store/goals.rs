//! Queries on `goals`, `goal_updates` and `reviews`.

use anyhow::Context as _;
use chrono::{DateTime, Utc};

use super::{from_ts, ts, Store, Tx};
use crate::domain::{
    goal::{Goal, GoalStatus, GoalUpdate, Review, ReviewKind},
    ids::UserId,
};

/// The columns every query returns (a macro, so queries stay static strings).
macro_rules! goal_columns {
    () => {
        "id, pairing_id, title, why, target_date, measure, progress, status, learnings, created_by, created_at"
    };
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    pairing_id: i64,
    title: String,
    why: Option<String>,
    target_date: Option<String>,
    measure: Option<String>,
    progress: i64,
    status: String,
    learnings: Option<String>,
    created_by: i64,
    created_at: i64,
}

impl Row {
    fn into_goal(self) -> anyhow::Result<Goal> {
        Ok(Goal {
            id: self.id,
            pairing_id: self.pairing_id,
            title: self.title,
            why: self.why,
            target: self
                .target_date
                .map(|d| d.parse::<chrono::NaiveDate>().with_context(|| format!("stored target date {d:?}")))
                .transpose()?,
            measure: self.measure,
            progress: u8::try_from(self.progress).context("stored progress")?,
            status: GoalStatus::parse(&self.status).with_context(|| format!("stored status {:?}", self.status))?,
            learnings: self.learnings,
            created_by: UserId::from_db(self.created_by),
            created_at: from_ts(self.created_at),
        })
    }
}

#[derive(sqlx::FromRow)]
struct UpdateRow {
    goal_id: i64,
    by_user: i64,
    percent: i64,
    evidence: Option<String>,
    at: i64,
}

#[derive(sqlx::FromRow)]
struct ReviewRow {
    kind: String,
    goal_id: i64,
    by_user: i64,
    progress: Option<i64>,
    achieved: Option<i64>,
    evidence: Option<String>,
    adjustment: Option<String>,
    learnings: Option<String>,
    next_steps: Option<String>,
    at: i64,
}

/// What adding a goal stores.
#[derive(Debug, Clone)]
pub struct NewGoal<'a> {
    pub pairing_id: i64,
    pub title: &'a str,
    pub why: Option<&'a str>,
    pub target: Option<chrono::NaiveDate>,
    pub measure: Option<&'a str>,
    pub created_by: UserId,
}

impl Store {
    /// A goal by id.
    pub async fn goal(&self, id: i64) -> anyhow::Result<Option<Goal>> {
        sqlx::query_as::<_, Row>(concat!("SELECT ", goal_columns!(), " FROM goals WHERE id = $1"))
            .bind(id)
            .fetch_optional(self.pool())
            .await
            .context("while loading a goal")?
            .map(Row::into_goal)
            .transpose()
    }

    /// The goals of a pairing, oldest first.
    pub async fn goals_of_pairing(&self, pairing_id: i64) -> anyhow::Result<Vec<Goal>> {
        sqlx::query_as::<_, Row>(concat!("SELECT ", goal_columns!(), " FROM goals WHERE pairing_id = $1 ORDER BY id"))
            .bind(pairing_id)
            .fetch_all(self.pool())
            .await
            .context("while listing goals")?
            .into_iter()
            .map(Row::into_goal)
            .collect()
    }

    /// Adds a goal.
    pub async fn insert_goal(&self, tx: &mut Tx, new: &NewGoal<'_>, now: DateTime<Utc>) -> anyhow::Result<Goal> {
        sqlx::query_as::<_, Row>(concat!(
            "INSERT INTO goals (pairing_id, title, why, target_date, measure, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ",
            goal_columns!()
        ))
        .bind(new.pairing_id)
        .bind(new.title)
        .bind(new.why)
        .bind(new.target.map(|d| d.format("%Y-%m-%d").to_string()))
        .bind(new.measure)
        .bind(new.created_by.db())
        .bind(ts(now))
        .fetch_one(&mut **tx)
        .await
        .context("while adding a goal")?
        .into_goal()
    }

    /// Records progress on a goal.
    pub async fn record_progress(
        &self,
        tx: &mut Tx,
        goal_id: i64,
        percent: u8,
        evidence: Option<&str>,
        by: UserId,
        now: DateTime<Utc>,
    ) -> anyhow::Result<Goal> {
        sqlx::query("INSERT INTO goal_updates (goal_id, by_user, percent, evidence, at) VALUES ($1, $2, $3, $4, $5)")
            .bind(goal_id)
            .bind(by.db())
            .bind(i64::from(percent))
            .bind(evidence)
            .bind(ts(now))
            .execute(&mut **tx)
            .await
            .context("while recording goal progress")?;
        sqlx::query_as::<_, Row>(concat!("UPDATE goals SET progress = $1 WHERE id = $2 RETURNING ", goal_columns!()))
            .bind(i64::from(percent))
            .bind(goal_id)
            .fetch_one(&mut **tx)
            .await
            .context("while updating goal progress")?
            .into_goal()
    }

    /// Closes a goal as achieved or not, with learnings.
    pub async fn close_goal(
        &self,
        tx: &mut Tx,
        goal_id: i64,
        achieved: bool,
        learnings: Option<&str>,
        now: DateTime<Utc>,
    ) -> anyhow::Result<Goal> {
        let status = if achieved { GoalStatus::Achieved } else { GoalStatus::NotAchieved };
        sqlx::query_as::<_, Row>(concat!(
            "UPDATE goals SET status = $1, learnings = COALESCE($2, learnings), closed_at = $3,
                              progress = CASE WHEN $4 THEN 100 ELSE progress END
             WHERE id = $5 RETURNING ",
            goal_columns!()
        ))
        .bind(status.as_str())
        .bind(learnings)
        .bind(ts(now))
        .bind(achieved)
        .bind(goal_id)
        .fetch_one(&mut **tx)
        .await
        .context("while closing a goal")?
        .into_goal()
    }

    /// The progress updates of a goal, oldest first.
    pub async fn goal_updates(&self, goal_id: i64) -> anyhow::Result<Vec<GoalUpdate>> {
        let rows = sqlx::query_as::<_, UpdateRow>(
            "SELECT goal_id, by_user, percent, evidence, at FROM goal_updates WHERE goal_id = $1 ORDER BY id",
        )
        .bind(goal_id)
        .fetch_all(self.pool())
        .await
        .context("while loading goal updates")?;
        rows.into_iter()
            .map(|r| {
                Ok(GoalUpdate {
                    goal_id: r.goal_id,
                    by: UserId::from_db(r.by_user),
                    percent: u8::try_from(r.percent).context("stored percent")?,
                    evidence: r.evidence,
                    at: from_ts(r.at),
                })
            })
            .collect()
    }

    /// Stores one review entry.
    pub async fn insert_review(&self, tx: &mut Tx, pairing_id: i64, review: &Review) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO reviews (pairing_id, kind, goal_id, by_user, progress, achieved, evidence, adjustment,
                                  learnings, next_steps, at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(pairing_id)
        .bind(review.kind.as_str())
        .bind(review.goal_id)
        .bind(review.by.db())
        .bind(review.progress.map(i64::from))
        .bind(review.achieved.map(i64::from))
        .bind(review.evidence.as_deref())
        .bind(review.adjustment.as_deref())
        .bind(review.learnings.as_deref())
        .bind(review.next_steps.as_deref())
        .bind(ts(review.at))
        .execute(&mut **tx)
        .await
        .context("while saving a review")?;
        Ok(())
    }

    /// The reviews of a pairing, oldest first.
    pub async fn reviews_of_pairing(&self, pairing_id: i64) -> anyhow::Result<Vec<Review>> {
        let rows = sqlx::query_as::<_, ReviewRow>(
            "SELECT kind, goal_id, by_user, progress, achieved, evidence, adjustment, learnings, next_steps, at
             FROM reviews WHERE pairing_id = $1 ORDER BY id",
        )
        .bind(pairing_id)
        .fetch_all(self.pool())
        .await
        .context("while loading reviews")?;
        rows.into_iter()
            .map(|r| {
                Ok(Review {
                    kind: ReviewKind::parse(&r.kind).with_context(|| format!("stored review kind {:?}", r.kind))?,
                    goal_id: r.goal_id,
                    by: UserId::from_db(r.by_user),
                    progress: r.progress.map(u8::try_from).transpose().context("stored review progress")?,
                    achieved: r.achieved.map(|a| a != 0),
                    evidence: r.evidence,
                    adjustment: r.adjustment,
                    learnings: r.learnings,
                    next_steps: r.next_steps,
                    at: from_ts(r.at),
                })
            })
            .collect()
    }
}
