//! Action items: what one of the pair agreed to do by when, with a short per-pair id (`A3`) and
//! a history of every change.

use std::fmt;

use chrono::{DateTime, Days, Utc};
use chrono_tz::Tz;

use super::{
    ids::UserId,
    local_time::{resolve_local_lenient, to_local},
};

/// Where an action item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionStatus {
    Open,
    Done,
    Blocked,
    Dropped,
}

impl ActionStatus {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Done => "done",
            Self::Blocked => "blocked",
            Self::Dropped => "dropped",
        }
    }

    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "open" => Some(Self::Open),
            "done" => Some(Self::Done),
            "blocked" => Some(Self::Blocked),
            "dropped" => Some(Self::Dropped),
            _ => None,
        }
    }

    /// Whether the item still needs doing (open or blocked).
    pub fn is_pending(self) -> bool {
        matches!(self, Self::Open | Self::Blocked)
    }
}

/// The status as a person reads it (from the catalogue); [`ActionStatus::as_str`] is the stored name.
impl fmt::Display for ActionStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::tr!("domain-action-status", status = self.as_str()))
    }
}

/// One action item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionItem {
    pub id: i64,
    pub pairing_id: i64,
    /// Shown as `A{number}`.
    pub number: i64,
    pub title: String,
    pub owner_id: UserId,
    pub deadline_at: DateTime<Utc>,
    pub success: Option<String>,
    pub session_id: Option<i64>,
    pub goal_id: Option<i64>,
    pub status: ActionStatus,
    pub status_reason: Option<String>,
    pub created_by: UserId,
    pub created_at: DateTime<Utc>,
    /// Bumped on every change of deadline or status.
    pub revision: i64,
}

impl ActionItem {
    /// `A3`.
    pub fn short_id(&self) -> String {
        format!("A{}", self.number)
    }

    /// Pending and past its deadline at `now`.
    pub fn is_overdue(&self, now: DateTime<Utc>) -> bool {
        self.status.is_pending() && self.deadline_at <= now
    }
}

/// What changed in one history entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Created,
    Deadline,
    Status,
}

impl ChangeKind {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Created => "created",
            Self::Deadline => "deadline",
            Self::Status => "status",
        }
    }

    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "created" => Some(Self::Created),
            "deadline" => Some(Self::Deadline),
            "status" => Some(Self::Status),
            _ => None,
        }
    }
}

/// One entry of an item's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionEvent {
    pub action_id: i64,
    pub by: UserId,
    pub change: ChangeKind,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub reason: Option<String>,
    pub at: DateTime<Utc>,
}

/// A per-pair number typed as `A3`, `a3`, `#3` or `3`.
pub fn parse_short_id(text: &str) -> Option<i64> {
    let t = text.trim();
    let t = t.strip_prefix(['A', 'a', '#']).unwrap_or(t);
    t.parse::<i64>().ok().filter(|n| *n > 0)
}

/// The deadline `days` calendar days later in `zone`, keeping the local time of day (so 23:59
/// stays 23:59 across a daylight-saving change).
pub fn later_by_days(deadline: DateTime<Utc>, days: u64, zone: Tz) -> DateTime<Utc> {
    let local = to_local(deadline, zone);
    local.checked_add_days(Days::new(days)).map_or(deadline, |l| resolve_local_lenient(l, zone))
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn short_ids_are_read_in_several_spellings() {
        for s in ["A3", "a3", "#3", "3", " A3 "] {
            assert_eq!(parse_short_id(s), Some(3), "{s}");
        }
        for s in ["", "A", "A0", "B3", "s3", "A-1"] {
            assert_eq!(parse_short_id(s), None, "{s}");
        }
    }

    #[test]
    fn three_days_later_keeps_the_local_time_across_a_dst_change() {
        // Berlin's clocks go back on Sun 25 Oct 2026: Thu 22 Oct 23:59 CEST -> Sun 25 Oct 23:59 CET.
        let berlin = chrono_tz::Europe::Berlin;
        let deadline = Utc.with_ymd_and_hms(2026, 10, 22, 21, 59, 0).unwrap();
        let later = later_by_days(deadline, 3, berlin);
        assert_eq!(later, Utc.with_ymd_and_hms(2026, 10, 25, 22, 59, 0).unwrap());
        assert_eq!(later - deadline, chrono::Duration::hours(73));
    }

    #[test]
    fn overdue_means_pending_and_past_the_deadline() {
        let t = Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap();
        let item = ActionItem {
            id: 1,
            pairing_id: 1,
            number: 1,
            title: "x".into(),
            owner_id: UserId(1),
            deadline_at: t,
            success: None,
            session_id: None,
            goal_id: None,
            status: ActionStatus::Blocked,
            status_reason: None,
            created_by: UserId(1),
            created_at: t,
            revision: 0,
        };
        assert!(item.is_overdue(t));
        assert!(!ActionItem { status: ActionStatus::Done, ..item.clone() }.is_overdue(t));
        assert_eq!(item.short_id(), "A1");
    }
}
