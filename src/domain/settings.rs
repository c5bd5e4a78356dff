//! Scheduler settings of a program: the configured defaults with the program's own overrides.
//! Durations read and print like `24h`, `3h 30m`, `2days`.

use std::collections::BTreeMap;

use chrono::Duration;
use serde::{Deserialize, Serialize};

use super::{quiet_hours::QuietHours, text::short};
use crate::tr;

/// The timing settings `/program settings` can change, by their names.
pub const TIMING_KEYS: [&str; 7] = [
    "agenda_request_before",
    "agenda_nudge_before",
    "mentor_prep_before",
    "follow_up_after",
    "follow_up_again_after",
    "deadline_reminder_before",
    "stale_after",
];

/// Effective scheduler settings of one program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timings {
    pub agenda_request_before: Duration,
    pub agenda_nudge_before: Duration,
    pub mentor_prep_before: Duration,
    pub follow_up_after: Duration,
    pub follow_up_again_after: Duration,
    pub deadline_reminder_before: Duration,
    pub stale_after: Duration,
    pub quiet_hours: QuietHours,
}

/// A program's overrides, stored as JSON in `programs.settings`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overrides {
    /// Timing name -> duration text (`24h`).
    #[serde(default)]
    pub timings: BTreeMap<String, String>,
    /// Quiet hours text (`21:00-08:00` or `off`).
    #[serde(default)]
    pub quiet_hours: Option<String>,
    /// Weekly nudge cron expression.
    #[serde(default)]
    pub nudge_schedule: Option<String>,
    /// Channel for the weekly nudge (default: the program channel).
    #[serde(default)]
    pub nudge_channel: Option<u64>,
    /// Whether the weekly nudge is on.
    #[serde(default)]
    pub nudges_enabled: Option<bool>,
}

/// A setting that cannot be used. Messages are shown to admins.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingError {
    #[error("{}", tr!("domain-setting-unknown-key", key = short(.0), keys = TIMING_KEYS.join(", ")))]
    UnknownKey(String),
    #[error("{}", tr!("domain-setting-bad-duration", value = short(.value), key = short(.key)))]
    BadDuration { key: String, value: String },
    #[error("{}", tr!("domain-setting-out-of-range", key = short(.key), value = short(.value)))]
    OutOfRange { key: String, value: String },
    #[error(transparent)]
    Quiet(#[from] super::quiet_hours::QuietHoursError),
}

/// Reads a duration like `24h` or `2days`.
pub fn parse_duration(key: &str, value: &str) -> Result<Duration, SettingError> {
    let std = humantime::parse_duration(value.trim())
        .map_err(|_| SettingError::BadDuration { key: key.to_owned(), value: value.to_owned() })?;
    let d = Duration::from_std(std)
        .map_err(|_| SettingError::OutOfRange { key: key.to_owned(), value: value.to_owned() })?;
    if d > Duration::days(30) {
        return Err(SettingError::OutOfRange { key: key.to_owned(), value: value.to_owned() });
    }
    Ok(d)
}

/// Prints a duration the way `parse_duration` reads it (typed input, so the same in every
/// language).
pub fn format_duration(d: Duration) -> String {
    d.to_std().map_or_else(|_| "0s".to_owned(), |s| humantime::format_duration(s).to_string())
}

impl Timings {
    /// The value of a timing by name.
    pub fn get(&self, key: &str) -> Option<Duration> {
        Some(match key {
            "agenda_request_before" => self.agenda_request_before,
            "agenda_nudge_before" => self.agenda_nudge_before,
            "mentor_prep_before" => self.mentor_prep_before,
            "follow_up_after" => self.follow_up_after,
            "follow_up_again_after" => self.follow_up_again_after,
            "deadline_reminder_before" => self.deadline_reminder_before,
            "stale_after" => self.stale_after,
            _ => return None,
        })
    }

    fn set(&mut self, key: &str, value: Duration) -> Result<(), SettingError> {
        let slot = match key {
            "agenda_request_before" => &mut self.agenda_request_before,
            "agenda_nudge_before" => &mut self.agenda_nudge_before,
            "mentor_prep_before" => &mut self.mentor_prep_before,
            "follow_up_after" => &mut self.follow_up_after,
            "follow_up_again_after" => &mut self.follow_up_again_after,
            "deadline_reminder_before" => &mut self.deadline_reminder_before,
            "stale_after" => &mut self.stale_after,
            _ => return Err(SettingError::UnknownKey(key.to_owned())),
        };
        *slot = value;
        Ok(())
    }

    /// The defaults with `overrides` applied.
    pub fn with_overrides(&self, overrides: &Overrides) -> Result<Timings, SettingError> {
        let mut t = self.clone();
        for (key, value) in &overrides.timings {
            t.set(key, parse_duration(key, value)?)?;
        }
        if let Some(q) = &overrides.quiet_hours {
            t.quiet_hours = QuietHours::parse(q)?;
        }
        Ok(t)
    }
}

impl Overrides {
    /// Sets one timing or `quiet_hours` after checking the value.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), SettingError> {
        if key == "quiet_hours" {
            QuietHours::parse(value)?;
            self.quiet_hours = Some(value.trim().to_owned());
            return Ok(());
        }
        if !TIMING_KEYS.contains(&key) {
            return Err(SettingError::UnknownKey(key.to_owned()));
        }
        parse_duration(key, value)?;
        self.timings.insert(key.to_owned(), value.trim().to_owned());
        Ok(())
    }
}

/// The documented defaults (`config/default.toml`), for tests of the pure rules.
#[cfg(test)]
pub(crate) fn test_timings() -> Timings {
    Timings {
        agenda_request_before: Duration::hours(24),
        agenda_nudge_before: Duration::hours(3),
        mentor_prep_before: Duration::hours(2),
        follow_up_after: Duration::hours(1),
        follow_up_again_after: Duration::days(2),
        deadline_reminder_before: Duration::hours(24),
        stale_after: Duration::days(21),
        quiet_hours: QuietHours::parse("21:00-08:00").unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defaults() -> Timings {
        test_timings()
    }

    #[test]
    fn overrides_replace_only_what_they_name() {
        let mut o = Overrides::default();
        o.set("agenda_request_before", "36h").unwrap();
        o.set("quiet_hours", "22:00-07:00").unwrap();
        let t = defaults().with_overrides(&o).unwrap();
        assert_eq!(t.agenda_request_before, Duration::hours(36));
        assert_eq!(t.mentor_prep_before, Duration::hours(2));
        assert_eq!(t.quiet_hours, QuietHours::parse("22:00-07:00").unwrap());
    }

    #[test]
    fn unknown_keys_and_bad_durations_are_refused_with_guidance() {
        let mut o = Overrides::default();
        assert!(o.set("agenda_before", "1h").unwrap_err().to_string().contains("Settings: agenda_request_before"));
        assert!(o.set("follow_up_after", "soon").unwrap_err().to_string().contains("`24h`"));
        assert!(matches!(o.set("stale_after", "90days"), Err(SettingError::OutOfRange { .. })));
        assert_eq!(o, Overrides::default());
    }

    #[test]
    fn durations_print_the_way_they_parse() {
        for text in ["24h", "3h 30m", "2days", "90m"] {
            let d = parse_duration("k", text).unwrap();
            assert_eq!(parse_duration("k", &format_duration(d)).unwrap(), d);
        }
    }
}
