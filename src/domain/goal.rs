//! Goals (SMART fields), progress updates and midpoint/final reviews.

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};

use super::{ids::UserId, text::short};
use crate::tr;

/// Where a goal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoalStatus {
    Open,
    Achieved,
    NotAchieved,
}

impl GoalStatus {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Achieved => "achieved",
            Self::NotAchieved => "not_achieved",
        }
    }

    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "open" => Some(Self::Open),
            "achieved" => Some(Self::Achieved),
            "not_achieved" => Some(Self::NotAchieved),
            _ => None,
        }
    }
}

impl fmt::Display for GoalStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&tr!("domain-goal-status", status = self.as_str()))
    }
}

/// A goal of the pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Goal {
    pub id: i64,
    pub pairing_id: i64,
    pub title: String,
    pub why: Option<String>,
    /// The target date: a calendar date, shown the same in every zone.
    pub target: Option<NaiveDate>,
    pub measure: Option<String>,
    /// 0–100.
    pub progress: u8,
    pub status: GoalStatus,
    pub learnings: Option<String>,
    pub created_by: UserId,
    pub created_at: DateTime<Utc>,
}

/// One progress update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalUpdate {
    pub goal_id: i64,
    pub by: UserId,
    pub percent: u8,
    pub evidence: Option<String>,
    pub at: DateTime<Utc>,
}

/// Midpoint or final.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewKind {
    Midpoint,
    Final,
}

impl ReviewKind {
    /// The stored name (also used in custom ids).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Midpoint => "midpoint",
            Self::Final => "final",
        }
    }

    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "midpoint" => Some(Self::Midpoint),
            "final" => Some(Self::Final),
            _ => None,
        }
    }
}

impl fmt::Display for ReviewKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One review entry (for one goal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub kind: ReviewKind,
    pub goal_id: i64,
    pub by: UserId,
    /// Midpoint: current progress.
    pub progress: Option<u8>,
    /// Final: achieved or not.
    pub achieved: Option<bool>,
    pub evidence: Option<String>,
    pub adjustment: Option<String>,
    pub learnings: Option<String>,
    pub next_steps: Option<String>,
    pub at: DateTime<Utc>,
}

/// Why a percentage or a yes/no answer was refused. Messages are shown to users.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error("{}", tr!("domain-answer-bad-percent", text = short(.0)))]
    BadPercent(String),
    #[error("{}", tr!("domain-answer-bad-yes-no", text = short(.0)))]
    BadYesNo(String),
}

/// Reads a percentage: `40`, `40%`, ` 100 `; 0–100 only.
pub fn parse_percent(text: &str) -> Result<u8, AnswerError> {
    let t = text.trim().trim_end_matches('%').trim();
    t.parse::<i64>()
        .ok()
        .and_then(|n| u8::try_from(n).ok())
        .filter(|n| *n <= 100)
        .ok_or_else(|| AnswerError::BadPercent(text.trim().to_owned()))
}

/// Reads `yes`/`no` (also `y`, `n`, `true`, `false`).
pub fn parse_yes_no(text: &str) -> Result<bool, AnswerError> {
    match text.trim().to_lowercase().as_str() {
        "yes" | "y" | "true" | "achieved" => Ok(true),
        "no" | "n" | "false" => Ok(false),
        _ => Err(AnswerError::BadYesNo(text.trim().to_owned())),
    }
}

/// `▰▰▰▱▱▱▱▱▱▱ 30%`.
pub fn progress_bar(percent: u8) -> String {
    let filled = usize::from(percent.min(100) / 10);
    let bar = format!("{}{}", "▰".repeat(filled), "▱".repeat(10 - filled));
    tr!("domain-progress-bar", bar = bar, percent = percent)
}

/// A date as every reader sees it, whatever their zone: `Mon 1 Mar 2027`.
#[must_use]
pub fn show_date(date: NaiveDate) -> String {
    super::dates::date(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_from_0_to_100_are_accepted() {
        assert_eq!(parse_percent("0"), Ok(0));
        assert_eq!(parse_percent(" 40% "), Ok(40));
        assert_eq!(parse_percent("100"), Ok(100));
    }

    #[test]
    fn percentages_outside_0_to_100_or_not_numbers_are_refused() {
        for bad in ["101", "-1", "150", "forty", "", "4.5"] {
            assert!(parse_percent(bad).is_err(), "{bad}");
        }
        assert!(parse_percent("150").unwrap_err().to_string().contains("`150`"));
    }

    #[test]
    fn yes_and_no_are_read_loosely() {
        assert_eq!(parse_yes_no("Yes"), Ok(true));
        assert_eq!(parse_yes_no("n"), Ok(false));
        assert!(parse_yes_no("maybe").is_err());
    }

    #[test]
    fn the_progress_bar_has_ten_cells() {
        assert_eq!(progress_bar(30), "▰▰▰▱▱▱▱▱▱▱ 30%");
        assert_eq!(progress_bar(100).chars().filter(|c| *c == '▰').count(), 10);
    }
}
