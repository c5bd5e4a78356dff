//! Milestones of a goal: added with a title and a due day (read in the caller's zone), reminded
//! like action items (to the mentee, whose goals they are), marked done by button or command,
//! and counted into the goal's progress when done.

use chrono::{DateTime, Utc};
use tracing::instrument;

use super::{
    content::{check_text, MAX_TITLE_CHARS},
    goals::require_open,
    App, AppResult, Caller, UserError,
};
use crate::{
    domain::{
        goal::Goal,
        jobs::Recipient,
        milestone::{plan_milestone, progress_with_milestones, Milestone},
        pairing::Pairing,
        when::parse_deadline,
    },
    store::{NewMilestone, Tx},
    tr,
};

/// A milestone after a change, with its goal as it now stands.
#[derive(Debug, Clone)]
pub struct MilestoneOutcome {
    pub milestone: Milestone,
    pub goal: Goal,
}

/// An autocomplete entry for milestones.
pub use super::actions::Choice as MilestoneChoice;

impl App {
    /// Adds a milestone to an open goal of the caller's pair and plans its reminders.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn add_milestone(
        &self,
        caller: &Caller,
        goal: &str,
        title: &str,
        due: &str,
    ) -> AppResult<MilestoneOutcome> {
        let (program, me) = self.require_member(caller).await?;
        let (goal, pairing) = self.goal_to_change(caller, goal).await?;
        require_open(&goal)?;
        let title = title.trim();
        if title.is_empty() {
            return Err(UserError::Required(tr!("app-required-title")).into());
        }
        check_text(&tr!("app-field-the-title"), title, MAX_TITLE_CHARS)?;
        let now = self.now();
        let due_at = parse_deadline(due, now, me.zone_or(program.zone)).map_err(UserError::from)?.instant;
        let mut tx = self.store.begin().await?;
        let new = NewMilestone { goal_id: goal.id, pairing: pairing.id, title, due_at, by: caller.user_id };
        let milestone = self.store.insert_milestone(&mut tx, &new, now).await?;
        self.plan_milestone_reminders(&mut tx, &pairing, &milestone, now).await?;
        tx.commit().await.map_err(anyhow::Error::from)?;
        self.jobs_changed();
        Ok(MilestoneOutcome { milestone, goal })
    }

    async fn plan_milestone_reminders(
        &self,
        tx: &mut Tx,
        pairing: &Pairing,
        m: &Milestone,
        now: DateTime<Utc>,
    ) -> AppResult<()> {
        let program = self.require_program(pairing.guild_id).await?;
        let to = Recipient { id: pairing.mentee_id, zone: self.zone_of(&program, pairing.mentee_id).await? };
        let jobs = plan_milestone(m, pairing.id, to, &self.timings(&program)?, now);
        self.store.plan_jobs(tx, program.guild_id, &jobs, now).await?;
        Ok(())
    }

    /// The caller of a button about a milestone (only the pair gets anywhere).
    pub async fn caller_for_milestone(
        &self,
        user: crate::domain::ids::UserId,
        name: &str,
        id: i64,
    ) -> AppResult<Caller> {
        let m = self.store.milestone(id).await?.ok_or(UserError::UnknownMilestone)?;
        Ok(self.caller_for_pairing(user, name, m.pairing_id).await.map_err(|_| UserError::UnknownMilestone)?.0)
    }

    /// A milestone of one of the caller's pairings: `m<id>` from autocomplete, or `M2` of their
    /// only pairing.
    async fn pick_milestone(&self, caller: &Caller, typed: &str) -> AppResult<(Milestone, Pairing)> {
        self.require_member(caller).await?;
        let typed = typed.trim();
        let found = if let Some(id) = typed.strip_prefix('m').and_then(|r| r.parse::<i64>().ok()) {
            self.store.milestone(id).await?
        } else {
            let n = typed.trim_start_matches(['M', '#']).parse::<i64>().ok();
            match (n, self.read_pairing(caller, None).await) {
                (Some(n), Ok(p)) => self.store.milestones_of_pairing(p.id).await?.into_iter().find(|m| m.number == n),
                _ => None,
            }
        };
        let m = found.ok_or(UserError::UnknownMilestone)?;
        let pairing = self.store.pairing(m.pairing_id).await?.filter(|p| p.includes(caller.user_id));
        let pairing = pairing.filter(|p| p.guild_id == caller.guild_id).ok_or(UserError::UnknownMilestone)?;
        Ok((m, pairing))
    }

    /// Marks a milestone done and counts it into its goal's progress (the share of done
    /// milestones, never lowering what was recorded).
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn complete_milestone(&self, caller: &Caller, typed: &str) -> AppResult<MilestoneOutcome> {
        let (m, pairing) = self.pick_milestone(caller, typed).await?;
        self.require_active(caller, &pairing).await?;
        if m.is_done() {
            return Err(UserError::MilestoneDone(m.short_id()).into());
        }
        let mut goal = self.store.goal(m.goal_id).await?.ok_or(UserError::UnknownGoal)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        if !self.store.complete_milestone(&mut tx, m.id, now).await? {
            return Err(UserError::MilestoneDone(m.short_id()).into());
        }
        let of_goal: Vec<Milestone> = self
            .store
            .milestones_of_pairing(pairing.id)
            .await?
            .into_iter()
            .filter(|x| x.goal_id == m.goal_id)
            .collect();
        // Read before this transaction commits: this milestone counts as done.
        let done = of_goal.iter().filter(|x| x.is_done() || x.id == m.id).count();
        let percent = progress_with_milestones(goal.progress, done, of_goal.len());
        if percent > goal.progress && require_open(&goal).is_ok() {
            let evidence = tr!("app-milestone-evidence", milestone = m.short_id(), title = m.title.as_str());
            goal = self.store.record_progress(&mut tx, goal.id, percent, Some(&evidence), caller.user_id, now).await?;
        }
        tx.commit().await.map_err(anyhow::Error::from)?;
        let milestone = self.store.milestone(m.id).await?.unwrap_or(m);
        Ok(MilestoneOutcome { milestone, goal })
    }

    /// Autocomplete: the open milestones of the caller's active pairings.
    pub async fn milestone_choices(&self, caller: &Caller, partial: &str) -> AppResult<Vec<MilestoneChoice>> {
        if self.require_member(caller).await.is_err() {
            return Ok(Vec::new());
        }
        let needle = partial.trim().to_lowercase();
        let mut out = Vec::new();
        for pairing in self.store.active_pairings_of(caller.guild_id, caller.user_id).await? {
            for m in self.store.milestones_of_pairing(pairing.id).await?.into_iter().filter(|m| !m.is_done()) {
                let mut label = format!("{} · {}", m.short_id(), m.title);
                super::truncate_label(&mut label, 100);
                if needle.is_empty() || label.to_lowercase().contains(&needle) {
                    out.push(MilestoneChoice { label, value: format!("m{}", m.id) });
                }
            }
        }
        out.truncate(25);
        Ok(out)
    }
}
