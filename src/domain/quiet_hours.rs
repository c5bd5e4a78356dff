//! Quiet hours: a daily local-time window in which the bot does not ping.
//!
//! The quiet window is `[start, end)` in local wall-clock time and may wrap
//! midnight (`21:00-08:00`); the allowed window is `[end, start)`. A message
//! at exactly `start` is quiet; one at exactly `end` is allowed.
//! `start == end` means no quiet hours.
//!
//! DST: the window is read on the wall clock. When the local `start` (or
//! `end`) does not exist that day (spring-forward gap), the window begins
//! (ends) at the clock jump. When it occurs twice (fall back), the window is
//! still read on the wall clock: it begins at the last reading of `start` at
//! or before the instant in question and ends at the first reading of `end`
//! at or after it (normally the earlier occurrence).

use std::fmt;

use chrono::{DateTime, Days, Duration, NaiveDate, NaiveTime, Timelike, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::{
    local_time::{resolve_local, resolve_local_lenient, to_local},
    text::short,
};
use crate::tr;

/// A daily quiet window in local time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct QuietHours {
    start: NaiveTime,
    end: NaiveTime,
}

/// Why quiet hours could not be parsed. The messages are user-facing.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QuietHoursError {
    /// Not of the form `HH:MM-HH:MM`.
    #[error("{}", tr!("domain-quiet-hours-format", input = short(.input)))]
    Format {
        /// The input as typed.
        input: String,
    },
    /// One side is not a valid time of day.
    #[error("{}", tr!("domain-quiet-hours-time", text = short(.text)))]
    InvalidTime {
        /// The offending side as typed.
        text: String,
    },
}

impl QuietHours {
    /// Quiet from `start` (inclusive) to `end` (exclusive), seconds dropped.
    #[must_use]
    pub fn new(start: NaiveTime, end: NaiveTime) -> Self {
        Self { start: whole_minute(start), end: whole_minute(end) }
    }

    /// No quiet hours at all.
    #[must_use]
    pub const fn none() -> Self {
        Self { start: NaiveTime::MIN, end: NaiveTime::MIN }
    }

    /// Parses `21:00-08:00` (spaces and an en dash tolerated; `9:00` and `9`
    /// are read as 09:00), or `off` / `none` for no quiet hours.
    ///
    /// # Errors
    /// [`QuietHoursError`] naming what to write instead.
    pub fn parse(input: &str) -> Result<Self, QuietHoursError> {
        let trimmed = input.trim();
        if matches!(trimmed.to_lowercase().as_str(), "off" | "none") {
            return Ok(Self::none());
        }
        let Some((start, end)) = trimmed.split_once(['-', '–']) else {
            return Err(QuietHoursError::Format { input: input.into() });
        };
        Ok(Self::new(parse_hhmm(start.trim())?, parse_hhmm(end.trim())?))
    }

    /// When quiet hours begin (local).
    #[must_use]
    pub fn start(&self) -> NaiveTime {
        self.start
    }

    /// When quiet hours end (local).
    #[must_use]
    pub fn end(&self) -> NaiveTime {
        self.end
    }

    /// True when there are no quiet hours (`start == end`).
    #[must_use]
    pub fn is_none(&self) -> bool {
        self.start == self.end
    }

    /// Whether `local` (a wall-clock time) is quiet.
    #[must_use]
    pub fn contains(&self, local: NaiveTime) -> bool {
        if self.start <= self.end {
            self.start <= local && local < self.end
        } else {
            local >= self.start || local < self.end
        }
    }

    /// The local date on which the quiet period containing `local` began.
    fn began_on(&self, date: NaiveDate, local: NaiveTime) -> NaiveDate {
        if self.start > self.end && local < self.end {
            date.checked_sub_days(Days::new(1)).unwrap_or(date)
        } else {
            date
        }
    }

    /// The local date on which the quiet period containing `local` ends.
    fn ends_on(&self, date: NaiveDate, local: NaiveTime) -> NaiveDate {
        if self.start > self.end && local >= self.start {
            date.checked_add_days(Days::new(1)).unwrap_or(date)
        } else {
            date
        }
    }
}

impl Default for QuietHours {
    fn default() -> Self {
        Self::none()
    }
}

impl fmt::Display for QuietHours {
    /// `21:00-08:00`, or `off`; round-trips through [`QuietHours::parse`], so it is written as
    /// typed (`off` in every language).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_none() {
            f.write_str("off")
        } else {
            write!(f, "{}-{}", self.start.format("%H:%M"), self.end.format("%H:%M"))
        }
    }
}

fn whole_minute(t: NaiveTime) -> NaiveTime {
    t.with_second(0).and_then(|t| t.with_nanosecond(0)).unwrap_or(t)
}

fn parse_hhmm(text: &str) -> Result<NaiveTime, QuietHoursError> {
    let invalid = || QuietHoursError::InvalidTime { text: text.into() };
    let (h, m) = text.split_once(':').unwrap_or((text, "00"));
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.chars().all(|c| c.is_ascii_digit());
    if !digits(h) || !digits(m) || m.len() != 2 {
        return Err(invalid());
    }
    let (h, m) = (h.parse().map_err(|_| invalid())?, m.parse().map_err(|_| invalid())?);
    NaiveTime::from_hms_opt(h, m, 0).ok_or_else(invalid)
}

/// `instant` if it is allowed; otherwise the last allowed minute before the
/// current quiet period began: the instant of local `start` minus one minute.
///
/// Examples with `21:00-08:00`: 23:30 → 20:59 the same evening; 06:00 →
/// 20:59 the previous evening. If `start` falls into a spring-forward gap,
/// quiet hours begin at the clock jump and the result is one minute before
/// the jump; if it is ambiguous, the last occurrence at or before `instant`.
#[must_use]
pub fn latest_allowed_at_or_before(instant: DateTime<Utc>, zone: Tz, quiet: &QuietHours) -> DateTime<Utc> {
    let local = to_local(instant, zone);
    if !quiet.contains(local.time()) {
        return instant;
    }
    let began = quiet.began_on(local.date(), local.time());
    let local_start = began.and_time(quiet.start);
    let quiet_start = match resolve_local(local_start, zone) {
        Ok(r) => match r.ambiguity {
            Some(a) if a.other <= instant => a.other,
            _ => r.instant,
        },
        Err(_) => resolve_local_lenient(local_start, zone),
    };
    (quiet_start - Duration::minutes(1)).min(instant)
}

/// `instant` if it is allowed; otherwise the moment the current quiet
/// period ends (local `end`, e.g. "the next morning" at 08:00). If `end`
/// falls into a spring-forward gap, that is the clock jump; if it is
/// ambiguous, the first occurrence at or after `instant`.
#[must_use]
pub fn next_allowed_at_or_after(instant: DateTime<Utc>, zone: Tz, quiet: &QuietHours) -> DateTime<Utc> {
    let local = to_local(instant, zone);
    if !quiet.contains(local.time()) {
        return instant;
    }
    let ends = quiet.ends_on(local.date(), local.time());
    let local_end = ends.and_time(quiet.end);
    let quiet_end = match resolve_local(local_end, zone) {
        Ok(r) => match r.ambiguity {
            Some(a) if a.chosen < instant => a.other,
            _ => r.instant,
        },
        Err(_) => resolve_local_lenient(local_end, zone),
    };
    quiet_end.max(instant)
}

#[cfg(test)]
mod tests;
