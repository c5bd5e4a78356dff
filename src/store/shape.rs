//! Queries for a program's shape: its timeline and outline (on `programs`), the pairs' check-in
//! opt-in, backgrounds (pre-work), end-of-program reflections and goal milestones.

use anyhow::Context as _;
use chrono::{DateTime, NaiveDate, Utc};

use super::{from_ts, ts, Store, Tx};
use crate::domain::{
    background::{Background, BackgroundInput},
    goal::ReviewKind,
    ids::{GuildId, UserId},
    jobs::JobKind,
    milestone::Milestone,
    pairing::Pairing,
    timeline::Timeline,
};

/// A program's timeline and outline text (`None`: not set).
#[derive(Debug, Clone, Default)]
pub struct ProgramShape {
    pub timeline: Option<Timeline>,
    pub outline: Option<String>,
}

#[derive(sqlx::FromRow)]
struct MilestoneRow {
    id: i64,
    goal_id: i64,
    pairing_id: i64,
    number: i64,
    title: String,
    due_at: i64,
    done_at: Option<i64>,
    created_by: i64,
}

impl From<MilestoneRow> for Milestone {
    fn from(r: MilestoneRow) -> Self {
        Milestone {
            id: r.id,
            goal_id: r.goal_id,
            pairing_id: r.pairing_id,
            number: r.number,
            title: r.title,
            due_at: from_ts(r.due_at),
            done_at: r.done_at.map(from_ts),
            created_by: UserId::from_db(r.created_by),
        }
    }
}

/// A milestone to add.
#[derive(Debug, Clone, Copy)]
pub struct NewMilestone<'a> {
    pub goal_id: i64,
    pub pairing: i64,
    pub title: &'a str,
    pub due_at: DateTime<Utc>,
    pub by: UserId,
}

const MILESTONE_COLUMNS: &str = "id, goal_id, pairing_id, number, title, due_at, done_at, created_by";

impl Store {
    /// A program's timeline and outline.
    pub async fn program_shape(&self, guild: GuildId) -> anyhow::Result<ProgramShape> {
        let row = sqlx::query_as::<_, (Option<String>, Option<String>, Option<String>)>(
            "SELECT starts_on, ends_on, outline FROM programs WHERE guild_id = $1",
        )
        .bind(guild.db())
        .fetch_optional(self.pool())
        .await
        .context("while loading a program's shape")?;
        let Some((starts, ends, outline)) = row else { return Ok(ProgramShape::default()) };
        let date = |s: Option<String>| s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok());
        let timeline = match (date(starts), date(ends)) {
            (Some(starts_on), Some(ends_on)) => Some(Timeline { starts_on, ends_on }),
            _ => None,
        };
        Ok(ProgramShape { timeline, outline })
    }

    /// Saves a program's timeline.
    pub async fn save_timeline(
        &self,
        tx: &mut Tx,
        guild: GuildId,
        t: &Timeline,
        now: DateTime<Utc>,
    ) -> anyhow::Result<()> {
        sqlx::query("UPDATE programs SET starts_on = $1, ends_on = $2, updated_at = $3 WHERE guild_id = $4")
            .bind(t.starts_on.format("%Y-%m-%d").to_string())
            .bind(t.ends_on.format("%Y-%m-%d").to_string())
            .bind(ts(now))
            .bind(guild.db())
            .execute(&mut **tx)
            .await
            .context("while saving a program's timeline")?;
        Ok(())
    }

    /// Saves a program's outline text (validated).
    pub async fn save_outline(
        &self,
        tx: &mut Tx,
        guild: GuildId,
        text: &str,
        now: DateTime<Utc>,
    ) -> anyhow::Result<()> {
        sqlx::query("UPDATE programs SET outline = $1, updated_at = $2 WHERE guild_id = $3")
            .bind(text)
            .bind(ts(now))
            .bind(guild.db())
            .execute(&mut **tx)
            .await
            .context("while saving a program's outline")?;
        Ok(())
    }

    /// When a pairing was formed.
    pub async fn pairing_created_at(&self, tx: &mut Tx, id: i64) -> anyhow::Result<DateTime<Utc>> {
        let t = sqlx::query_scalar::<_, i64>("SELECT created_at FROM pairings WHERE id = $1")
            .bind(id)
            .fetch_one(&mut **tx)
            .await
            .context("while reading when a pairing was formed")?;
        Ok(from_ts(t))
    }

    /// Every active pairing of a guild.
    pub async fn active_pairings_of_guild(&self, guild: GuildId) -> anyhow::Result<Vec<Pairing>> {
        let rows = sqlx::query_as::<_, (i64, i64, i64)>(
            "SELECT id, mentor_id, mentee_id FROM pairings WHERE guild_id = $1 AND active = 1 ORDER BY id",
        )
        .bind(guild.db())
        .fetch_all(self.pool())
        .await
        .context("while listing a program's pairings")?;
        Ok(rows
            .into_iter()
            .map(|(id, mentor, mentee)| Pairing {
                id,
                guild_id: guild,
                mentor_id: UserId::from_db(mentor),
                mentee_id: UserId::from_db(mentee),
                active: true,
            })
            .collect())
    }

    /// Cancels a guild's pending jobs of these kinds (all pairings, or one).
    pub async fn cancel_shape_jobs(
        &self,
        tx: &mut Tx,
        guild: Option<GuildId>,
        pairing: Option<i64>,
        kinds: &[JobKind],
        now: DateTime<Utc>,
    ) -> anyhow::Result<()> {
        let kinds: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE jobs SET state = 'cancelled', updated_at = $1, finished_at = $1
             WHERE ($2 IS NULL OR guild_id = $2) AND state = 'pending' AND kind IN ({})
               AND ($4 IS NULL OR (subject_kind = 'pairing' AND subject_id = $4))",
            self.backend().json_values(3)
        )))
        .bind(ts(now))
        .bind(guild.map(GuildId::db))
        .bind(serde_json::to_string(&kinds)?)
        .bind(pairing)
        .execute(&mut **tx)
        .await
        .context("while cancelling a program's timeline jobs")?;
        Ok(())
    }

    /// Whether a pair opted into quarterly check-ins.
    pub async fn check_ins_of(&self, tx: &mut Tx, pairing: i64) -> anyhow::Result<bool> {
        let n = sqlx::query_scalar::<_, i64>("SELECT check_ins FROM pairings WHERE id = $1")
            .bind(pairing)
            .fetch_one(&mut **tx)
            .await
            .context("while reading a pair's check-in choice")?;
        Ok(n == 1)
    }

    /// Records that a pair opted into quarterly check-ins; returns whether it was new.
    pub async fn opt_into_check_ins(&self, tx: &mut Tx, pairing: i64) -> anyhow::Result<bool> {
        let done = sqlx::query("UPDATE pairings SET check_ins = 1 WHERE id = $1 AND check_ins = 0")
            .bind(pairing)
            .execute(&mut **tx)
            .await
            .context("while opting into check-ins")?;
        Ok(done.rows_affected() == 1)
    }

    /// Whether `user` has done this review for the pair: any goal reviewed this way, or for the
    /// final review the reflection.
    pub async fn review_done(&self, pairing: i64, kind: ReviewKind, user: UserId) -> anyhow::Result<bool> {
        let n = sqlx::query_scalar::<_, i64>(
            "SELECT (SELECT COUNT(*) FROM reviews WHERE pairing_id = $1 AND kind = $2 AND by_user = $3)
                  + (SELECT COUNT(*) FROM reflections WHERE pairing_id = $1 AND by_user = $3 AND $2 = 'final')",
        )
        .bind(pairing)
        .bind(kind.as_str())
        .bind(user.db())
        .fetch_one(self.pool())
        .await
        .context("while checking a review")?;
        Ok(n > 0)
    }

    /// Saves (or replaces) a person's end-of-program reflection.
    pub async fn save_reflection(
        &self,
        pairing: i64,
        by: UserId,
        answers: [&str; 3],
        now: DateTime<Utc>,
    ) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO reflections (pairing_id, by_user, changed_most, skills, keep_doing, at)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (pairing_id, by_user) DO UPDATE SET
                 changed_most = excluded.changed_most, skills = excluded.skills,
                 keep_doing = excluded.keep_doing, at = excluded.at",
        )
        .bind(pairing)
        .bind(by.db())
        .bind(answers[0])
        .bind(answers[1])
        .bind(answers[2])
        .bind(ts(now))
        .execute(self.pool())
        .await
        .context("while saving a reflection")?;
        Ok(())
    }

    /// The reflections of a pair: who, and the three answers.
    pub async fn reflections(&self, pairing: i64) -> anyhow::Result<Vec<(UserId, [String; 3])>> {
        let rows = sqlx::query_as::<_, (i64, String, String, String)>(
            "SELECT by_user, changed_most, skills, keep_doing FROM reflections WHERE pairing_id = $1 ORDER BY at",
        )
        .bind(pairing)
        .fetch_all(self.pool())
        .await
        .context("while reading reflections")?;
        Ok(rows.into_iter().map(|(u, a, b, c)| (UserId::from_db(u), [a, b, c])).collect())
    }

    /// Saves the pair's background; returns its new revision.
    pub async fn save_background(
        &self,
        tx: &mut Tx,
        pairing: i64,
        by: UserId,
        b: &BackgroundInput,
        now: DateTime<Utc>,
    ) -> anyhow::Result<i64> {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO backgrounds (pairing_id, by_user, \"current_role\", wants, links, communication, frequency, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
             ON CONFLICT (pairing_id) DO UPDATE SET
                 by_user = excluded.by_user, \"current_role\" = excluded.\"current_role\", wants = excluded.wants,
                 links = excluded.links, communication = excluded.communication, frequency = excluded.frequency,
                 updated_at = excluded.updated_at, revision = backgrounds.revision + 1
             RETURNING revision",
        )
        .bind(pairing)
        .bind(by.db())
        .bind(&b.current_role)
        .bind(&b.wants)
        .bind(&b.links)
        .bind(&b.communication)
        .bind(&b.frequency)
        .bind(ts(now))
        .fetch_one(&mut **tx)
        .await
        .context("while saving a background")
    }

    /// The pair's background, if shared.
    pub async fn background(&self, pairing: i64) -> anyhow::Result<Option<Background>> {
        let row = sqlx::query_as::<_, (i64, String, String, String, String, String, i64, i64)>(
            "SELECT by_user, \"current_role\", wants, links, communication, frequency, revision, updated_at
             FROM backgrounds WHERE pairing_id = $1",
        )
        .bind(pairing)
        .fetch_optional(self.pool())
        .await
        .context("while reading a background")?;
        Ok(row.map(|(by, current_role, wants, links, communication, frequency, revision, at)| Background {
            pairing_id: pairing,
            by: UserId::from_db(by),
            input: BackgroundInput { current_role, wants, links, communication, frequency },
            revision,
            updated_at: from_ts(at),
        }))
    }

    /// Adds a milestone (numbered per pairing).
    pub async fn insert_milestone(
        &self,
        tx: &mut Tx,
        new: &NewMilestone<'_>,
        now: DateTime<Utc>,
    ) -> anyhow::Result<Milestone> {
        let NewMilestone { goal_id, pairing, title, due_at, by } = *new;
        let row = sqlx::query_as::<_, MilestoneRow>(sqlx::AssertSqlSafe(format!(
            "INSERT INTO milestones (goal_id, pairing_id, number, title, due_at, created_by, created_at)
             VALUES ($1, $2, (SELECT COALESCE(MAX(number), 0) + 1 FROM milestones WHERE pairing_id = $2), $3, $4, $5, $6)
             RETURNING {MILESTONE_COLUMNS}"
        )))
        .bind(goal_id)
        .bind(pairing)
        .bind(title)
        .bind(ts(due_at))
        .bind(by.db())
        .bind(ts(now))
        .fetch_one(&mut **tx)
        .await
        .context("while adding a milestone")?;
        Ok(row.into())
    }

    /// A milestone by id.
    pub async fn milestone(&self, id: i64) -> anyhow::Result<Option<Milestone>> {
        let row = sqlx::query_as::<_, MilestoneRow>(sqlx::AssertSqlSafe(format!(
            "SELECT {MILESTONE_COLUMNS} FROM milestones WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(self.pool())
        .await
        .context("while loading a milestone")?;
        Ok(row.map(Milestone::from))
    }

    /// The milestones of a pair, by goal and number.
    pub async fn milestones_of_pairing(&self, pairing: i64) -> anyhow::Result<Vec<Milestone>> {
        let rows = sqlx::query_as::<_, MilestoneRow>(sqlx::AssertSqlSafe(format!(
            "SELECT {MILESTONE_COLUMNS} FROM milestones WHERE pairing_id = $1 ORDER BY goal_id, number"
        )))
        .bind(pairing)
        .fetch_all(self.pool())
        .await
        .context("while listing milestones")?;
        Ok(rows.into_iter().map(Milestone::from).collect())
    }

    /// Marks a milestone done; returns whether it was open.
    pub async fn complete_milestone(&self, tx: &mut Tx, id: i64, now: DateTime<Utc>) -> anyhow::Result<bool> {
        let done = sqlx::query("UPDATE milestones SET done_at = $1 WHERE id = $2 AND done_at IS NULL")
            .bind(ts(now))
            .bind(id)
            .execute(&mut **tx)
            .await
            .context("while completing a milestone")?;
        Ok(done.rows_affected() == 1)
    }
}
