//! Milestones of a goal: a title and a due day; reminded like action items (before the due
//! time, and the morning after when missed) and counted into the goal's progress when done.

use chrono::{DateTime, Utc};

use super::{
    ids::UserId,
    jobs::{next_morning, JobKind, PlannedJob, Recipient, Subject},
    quiet_hours::latest_allowed_at_or_before,
    settings::Timings,
};

/// A milestone of a goal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Milestone {
    pub id: i64,
    pub goal_id: i64,
    pub pairing_id: i64,
    /// Per pairing: M1, M2, ...
    pub number: i64,
    pub title: String,
    pub due_at: DateTime<Utc>,
    pub done_at: Option<DateTime<Utc>>,
    pub created_by: UserId,
}

impl Milestone {
    /// `M3`.
    pub fn short_id(&self) -> String {
        format!("M{}", self.number)
    }

    /// Whether it is done.
    pub fn is_done(&self) -> bool {
        self.done_at.is_some()
    }
}

/// The goal's progress once `done` of `total` milestones are done: never lower than what was
/// recorded (`current`), at least the share of done milestones.
pub fn progress_with_milestones(current: u8, done: usize, total: usize) -> u8 {
    if total == 0 {
        return current;
    }
    let share = u8::try_from(done.min(total) * 100 / total).unwrap_or(100);
    current.max(share)
}

/// The reminders of an open milestone, to `to`: one before the due time (quiet hours
/// respected; at once when that has passed but the due time has not) and one the morning after.
pub fn plan_milestone(m: &Milestone, pairing: i64, to: Recipient, t: &Timings, now: DateTime<Utc>) -> Vec<PlannedJob> {
    let job = |what: &str, due_at| PlannedJob {
        kind: JobKind::MilestoneReminder,
        subject: Subject::Pairing(pairing),
        recipient: Some(to.id),
        channel: None,
        due_at,
        dedupe_key: format!("milestone_reminder:m{}:{what}:d{}", m.id, m.due_at.timestamp()),
        payload: Some(m.id.to_string()),
    };
    let mut jobs = Vec::new();
    if m.due_at > now {
        let remind = latest_allowed_at_or_before(m.due_at - t.deadline_reminder_before, to.zone, &t.quiet_hours);
        jobs.push(job("due", remind.max(now)));
    }
    jobs.push(job("overdue", next_morning(m.due_at, to.zone, t).max(now)));
    jobs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn done_milestones_raise_progress_but_never_lower_it() {
        assert_eq!(progress_with_milestones(0, 1, 4), 25);
        assert_eq!(progress_with_milestones(60, 1, 4), 60);
        assert_eq!(progress_with_milestones(10, 3, 3), 100);
        assert_eq!(progress_with_milestones(10, 0, 0), 10);
    }
}
