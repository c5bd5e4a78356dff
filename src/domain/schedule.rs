//! Cron schedules evaluated on the wall clock of an IANA zone.
//!
//! `0 9 * * Mon` means 09:00 local every Monday, whatever the UTC offset is
//! that week. Expressions:
//!
//! * five fields, `minute hour day-of-month month day-of-week`, as in
//!   classic cron. A seconds field `0` is prepended. Numeric days of the week
//!   follow classic cron (`0` and `7` = Sunday, `1` = Monday, `1-5` =
//!   Monday–Friday) and are rewritten to names, because the `cron` crate
//!   numbers days differently (`1` = Sunday … `7` = Saturday);
//! * six or seven fields, `second minute hour day-of-month month
//!   day-of-week [year]`, passed to the `cron` crate unchanged (so numeric
//!   days use ITS numbering, `1` = Sunday; names are unambiguous).
//!
//! DST (the `cron` crate skips local times in a gap and, through its
//! iterator, fires ambiguous times twice; this module decides otherwise):
//!
//! * a match whose local time falls into a spring-forward gap fires ONCE at
//!   the clock jump (e.g. `30 2 * * *` in Berlin fires at 03:00 CEST on the
//!   last Sunday of March), so a daily reminder never silently skips a day;
//!   several matches inside one gap collapse into that one firing;
//! * a match whose local time occurs twice (fall back) fires once, at the
//!   EARLIER instant; during the repeated hour nothing fires a second time.

use chrono::{DateTime, LocalResult, TimeZone, Utc};
use chrono_tz::Tz;

use super::{
    local_time::{resolve_local_lenient, to_local},
    text::{excerpt, short},
};
use crate::tr;

/// How many wall-clock matches [`ZonedSchedule::next_after`] inspects before
/// giving up (only matches inside a repeated fall-back hour are skipped, so
/// this is far above what any real schedule needs).
const MAX_CANDIDATES: usize = 10_000;

/// A cron schedule read in a zone's local time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZonedSchedule {
    expr: String,
    schedule: cron::Schedule,
    zone: Tz,
}

/// Why a schedule expression was rejected. The messages are user-facing.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    /// Not 5, 6 or 7 fields.
    #[error("{}", tr!("domain-schedule-field-count", expr = short(.expr), count = *.count))]
    FieldCount {
        /// The expression as given.
        expr: String,
        /// How many whitespace-separated fields it has.
        count: usize,
    },
    /// The day-of-week field of a five-field expression is malformed.
    #[error("{}", tr!("domain-schedule-day-of-week", field = short(.field)))]
    DayOfWeek {
        /// The field as given.
        field: String,
    },
    /// The `cron` crate rejected the expression.
    #[error("{}", tr!("domain-schedule-invalid", expr = short(.expr), reason = excerpt(.reason, 200)))]
    Invalid {
        /// The expression as given.
        expr: String,
        /// The `cron` crate's explanation (its last line, without the
        /// echoed expression and caret, whose positions would count the
        /// prepended seconds field).
        reason: String,
    },
    /// It fires more than once within some hour (the weekly nudge's floor).
    #[error("{}", tr!("domain-schedule-too-frequent", expr = short(.expr)))]
    TooFrequent {
        /// The expression as given.
        expr: String,
    },
}

impl ZonedSchedule {
    /// Parses a 5-, 6- or 7-field cron expression for `zone`.
    ///
    /// # Errors
    /// [`ScheduleError`] explaining the field count or the `cron` crate's objection.
    pub fn parse(expr: &str, zone: Tz) -> Result<Self, ScheduleError> {
        let fields: Vec<&str> = expr.split_whitespace().collect();
        let normalized = match fields.as_slice() {
            [minute, hour, dom, month, dow] => {
                let dow = classic_day_of_week(dow)?;
                format!("0 {minute} {hour} {dom} {month} {dow}")
            }
            [_, _, _, _, _, _] | [_, _, _, _, _, _, _] => fields.join(" "),
            _ => return Err(ScheduleError::FieldCount { expr: expr.into(), count: fields.len() }),
        };
        let schedule = normalized
            .parse::<cron::Schedule>()
            .map_err(|e| ScheduleError::Invalid { expr: expr.into(), reason: crate_reason(&e.to_string()) })?;
        Ok(Self { expr: expr.into(), schedule, zone })
    }

    /// Parses like [`ZonedSchedule::parse`] and refuses a schedule that fires more than once
    /// within an hour (see [`ZonedSchedule::check_at_most_hourly`]).
    ///
    /// # Errors
    /// [`ScheduleError`], [`ScheduleError::TooFrequent`] included.
    pub fn parse_at_most_hourly(expr: &str, zone: Tz) -> Result<Self, ScheduleError> {
        let schedule = Self::parse(expr, zone)?;
        schedule.check_at_most_hourly()?;
        Ok(schedule)
    }

    /// Refuses a schedule with two firings less than an hour apart. A cron's fields combine as a
    /// product, so that is exactly a schedule with more than one second or more than one minute
    /// value (two firings in the same hour); with one of each, firings lie whole hours apart.
    ///
    /// # Errors
    /// [`ScheduleError::TooFrequent`].
    pub fn check_at_most_hourly(&self) -> Result<(), ScheduleError> {
        use cron::TimeUnitSpec as _;
        if self.schedule.seconds().count() > 1 || self.schedule.minutes().count() > 1 {
            return Err(ScheduleError::TooFrequent { expr: self.expr.clone() });
        }
        Ok(())
    }

    /// The expression as the user gave it.
    #[must_use]
    pub fn expr(&self) -> &str {
        &self.expr
    }

    /// The zone the schedule is read in.
    #[must_use]
    pub fn zone(&self) -> Tz {
        self.zone
    }

    /// The first firing strictly after `t`, or `None` if the schedule never
    /// fires again (e.g. `0 9 30 2 *`, or a year field in the past).
    #[must_use]
    pub fn next_after(&self, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
        // Search the wall clock: run the schedule in UTC over the local
        // reading, then map each wall-clock match back into the zone.
        let wall = to_local(t, self.zone).and_utc();
        for candidate in self.schedule.after(&wall).take(MAX_CANDIDATES) {
            let local = candidate.naive_utc();
            let instant = match self.zone.from_local_datetime(&local) {
                LocalResult::Single(x) => x.with_timezone(&Utc),
                LocalResult::Ambiguous(a, b) => a.min(b).with_timezone(&Utc),
                LocalResult::None => resolve_local_lenient(local, self.zone),
            };
            if instant > t {
                return Some(instant);
            }
        }
        None
    }

    /// The next `n` firings strictly after `t` (fewer if the schedule ends).
    #[must_use]
    pub fn next_n(&self, t: DateTime<Utc>, n: usize) -> Vec<DateTime<Utc>> {
        let mut out = Vec::with_capacity(n.min(1024));
        let mut cursor = t;
        while out.len() < n {
            let Some(next) = self.next_after(cursor) else {
                break;
            };
            out.push(next);
            cursor = next;
        }
        out
    }
}

/// The last non-empty line of a `cron` crate error, ending in punctuation.
fn crate_reason(message: &str) -> String {
    let Some(line) = message.lines().map(str::trim).rfind(|l| !l.is_empty()) else {
        return tr!("domain-schedule-unknown-reason");
    };
    if line.ends_with(['.', ')', '!']) {
        line.to_string()
    } else {
        format!("{line}.")
    }
}

const DAY_NAMES: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/// Rewrites a classic-cron day-of-week field (`0`/`7` = Sunday) into day
/// names the `cron` crate reads unambiguously. Fields without digits
/// (`*`, `Mon-Fri`) are left alone.
fn classic_day_of_week(field: &str) -> Result<String, ScheduleError> {
    if !field.chars().any(|c| c.is_ascii_digit()) {
        return Ok(field.to_string());
    }
    let bad = || ScheduleError::DayOfWeek { field: field.to_string() };
    let mut days = [false; 7];
    for item in field.split(',') {
        let (base, step) = match item.split_once('/') {
            Some((base, step)) => (base, Some(step.parse::<usize>().map_err(|_| bad())?)),
            None => (item, None),
        };
        let day = |s: &str| s.parse::<usize>().ok().filter(|d| *d <= 7).ok_or_else(bad);
        let (first, last) = match base.split_once('-') {
            _ if base == "*" => (0, 6),
            Some((a, b)) => (day(a)?, day(b)?),
            None if step.is_some() => (day(base)?, 6),
            None => (day(base)?, day(base)?),
        };
        if first > last || step == Some(0) {
            return Err(bad());
        }
        for d in (first..=last).step_by(step.unwrap_or(1)) {
            days[d % 7] = true;
        }
    }
    let names: Vec<&str> = DAY_NAMES.iter().zip(days).filter_map(|(name, on)| on.then_some(*name)).collect();
    Ok(names.join(","))
}

#[cfg(test)]
mod tests;
