//! Recurring sessions: a local wall time in an IANA zone plus a rule (weekly, every 2 or 3
//! weeks, or the same weekday of the month), expanded in that zone, so 17:00 stays 17:00 across
//! daylight-saving changes. An occurrence whose local time does not exist (a DST gap) is reported
//! as such and left out by the caller; an ambiguous one takes the earlier instant, as for any
//! typed time.

use std::fmt;

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, NaiveDateTime, Utc, Weekday};
use chrono_tz::Tz;

use super::{
    dates::weekday_short,
    ids::UserId,
    local_time::{resolve_local, resolve_local_lenient, LocalTimeError, Resolved},
};
use crate::tr;

/// Fewest sessions in a series.
pub const MIN_COUNT: i64 = 2;
/// Most sessions in a series.
pub const MAX_COUNT: i64 = 52;

/// How a series repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Repeat {
    /// Every `weeks` weeks (1, 2 or 3) on the first occurrence's weekday.
    Weekly { weeks: u32 },
    /// Monthly on the same weekday of the month as the first occurrence (the 2nd Tuesday); a
    /// first occurrence on a 5th weekday means the last such weekday of each month.
    Monthly,
}

/// The choices offered for the `repeat` option, as users read and type them.
pub const CHOICES: [&str; 4] = ["weekly", "every 2 weeks", "every 3 weeks", "monthly"];

/// Why series options are refused. The messages are shown to users.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SeriesError {
    #[error("{}", tr!("domain-series-unknown-repeat"))]
    UnknownRepeat,
    #[error("{}", tr!("domain-series-count-out-of-range", min = MIN_COUNT, max = MAX_COUNT, given = .given.to_string()))]
    CountOutOfRange { given: i64 },
    #[error("{}", tr!("domain-series-count-and-until"))]
    CountAndUntil,
    #[error("{}", tr!("domain-series-no-end"))]
    NoEnd,
    #[error("{}", tr!("domain-series-end-without-repeat"))]
    EndWithoutRepeat,
    #[error("{}", tr!(
        "domain-series-until-too-soon",
        until = .until.timestamp().to_string(),
        second = .second.timestamp().to_string(),
    ))]
    UntilTooSoon { until: DateTime<Utc>, second: DateTime<Utc> },
    #[error("{}", tr!("domain-series-until-too-long", count = *.count, max = MAX_COUNT))]
    UntilTooLong { count: i64 },
    #[error("{}", tr!("domain-series-nothing-free"))]
    NothingFree,
    #[error("{}", tr!("domain-series-not-a-series", number = .number.to_string()))]
    NotASeries { number: i64 },
    #[error("{}", tr!(
        "domain-series-too-far-ahead",
        last = .last.timestamp().to_string(),
        max_days = *.max_days,
    ))]
    TooFarAhead { last: DateTime<Utc>, max_days: u32 },
}

impl Repeat {
    /// Reads an option value (`weekly`, `every 2 weeks`, `every 3 weeks`, `monthly`).
    ///
    /// # Errors
    /// [`SeriesError::UnknownRepeat`] for anything else.
    pub fn parse(text: &str) -> Result<Self, SeriesError> {
        let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
        match words.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
            ["weekly"] | ["every", "week"] => Ok(Repeat::Weekly { weeks: 1 }),
            ["every", "2", "weeks"] | ["biweekly" | "fortnightly"] => Ok(Repeat::Weekly { weeks: 2 }),
            ["every", "3", "weeks"] => Ok(Repeat::Weekly { weeks: 3 }),
            ["monthly"] | ["every", "month"] => Ok(Repeat::Monthly),
            _ => Err(SeriesError::UnknownRepeat),
        }
    }

    /// The stored name (also what is typed; [`Repeat::describe`] shows it in the reader's words).
    pub fn as_str(self) -> &'static str {
        match self {
            Repeat::Weekly { weeks: 1 } => "weekly",
            Repeat::Weekly { weeks: 2 } => "every 2 weeks",
            Repeat::Weekly { .. } => "every 3 weeks",
            Repeat::Monthly => "monthly",
        }
    }

    /// The date of occurrence `index` (0 = the first) of a series starting on `first`.
    pub fn nth_date(self, first: NaiveDate, index: u32) -> Option<NaiveDate> {
        match self {
            Repeat::Weekly { weeks } => first.checked_add_days(Days::new(u64::from(index) * 7 * u64::from(weeks))),
            Repeat::Monthly => {
                let month = first.with_day(1)?.checked_add_months(Months::new(index))?;
                let ordinal = week_of_month(first);
                if ordinal >= 5 {
                    last_weekday_of_month(month, first.weekday())
                } else {
                    NaiveDate::from_weekday_of_month_opt(month.year(), month.month(), first.weekday(), ordinal)
                }
            }
        }
    }

    /// The iCalendar rule (without `COUNT`) of a series starting on `first`.
    pub fn rrule(self, first: NaiveDate) -> String {
        match self {
            Repeat::Weekly { weeks: 1 } => "FREQ=WEEKLY".to_owned(),
            Repeat::Weekly { weeks } => format!("FREQ=WEEKLY;INTERVAL={weeks}"),
            Repeat::Monthly => {
                let ordinal = week_of_month(first);
                let ordinal = if ordinal >= 5 { -1 } else { i32::from(ordinal) };
                format!("FREQ=MONTHLY;BYDAY={ordinal}{}", ical_day(first.weekday()))
            }
        }
    }

    /// How a series reads, e.g. `every 2 weeks, Tue 17:00` or `monthly, 2nd Tue 17:00`.
    pub fn describe(self, first: NaiveDateTime) -> String {
        let repeat = match self {
            Repeat::Weekly { weeks: 1 } => "weekly",
            Repeat::Weekly { weeks: 2 } => "every-2-weeks",
            Repeat::Weekly { .. } => "every-3-weeks",
            Repeat::Monthly => "monthly",
        };
        let week = match week_of_month(first.date()) {
            1 => "first",
            2 => "second",
            3 => "third",
            4 => "fourth",
            _ => "last",
        };
        tr!(
            "domain-series-describe",
            repeat = repeat,
            week = week,
            weekday = weekday_short(first.weekday()),
            time = first.format("%H:%M").to_string(),
        )
    }
}

impl fmt::Display for Repeat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// 1 for days 1–7 of the month, 2 for 8–14, ... 5 for 29–31.
fn week_of_month(date: NaiveDate) -> u8 {
    u8::try_from((date.day() - 1) / 7 + 1).unwrap_or(5)
}

fn last_weekday_of_month(month_start: NaiveDate, weekday: Weekday) -> Option<NaiveDate> {
    let next = month_start.checked_add_months(Months::new(1))?;
    let last = next.pred_opt()?;
    let back = (last.weekday().num_days_from_monday() + 7 - weekday.num_days_from_monday()) % 7;
    last.checked_sub_days(Days::new(u64::from(back)))
}

fn ical_day(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

/// One occurrence of a series: its index, its local wall time, and the instant it denotes (or
/// the gap it falls into).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    /// 0 for the first.
    pub index: u32,
    /// The wall-clock reading in the series' zone.
    pub local: NaiveDateTime,
    /// The instant, or why there is none.
    pub resolved: Result<Resolved, LocalTimeError>,
}

impl Occurrence {
    /// The instant it starts, unless it falls into a DST gap.
    pub fn instant(&self) -> Option<DateTime<Utc>> {
        self.resolved.as_ref().ok().map(|r| r.instant)
    }
}

/// The first `count` occurrences of a series whose first one is at `first` (local, in `zone`).
pub fn expand(repeat: Repeat, first: NaiveDateTime, zone: Tz, count: u32) -> Vec<Occurrence> {
    (0..count)
        .map_while(|index| {
            let local = repeat.nth_date(first.date(), index)?.and_time(first.time());
            Some(Occurrence { index, local, resolved: resolve_local(local, zone) })
        })
        .collect()
}

/// How many occurrences fall on or before the local date `until` (counting at most
/// `MAX_COUNT + 1`, enough to tell a series that is too long).
pub fn count_until(repeat: Repeat, first: NaiveDate, until: NaiveDate) -> i64 {
    let mut n = 0;
    while n <= MAX_COUNT {
        match u32::try_from(n).ok().and_then(|i| repeat.nth_date(first, i)) {
            Some(date) if date <= until => n += 1,
            _ => break,
        }
    }
    n
}

/// A series as stored: the rule, the first occurrence's local wall time and zone, and how many
/// occurrences the rule has (including those left out).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Series {
    pub id: i64,
    pub pairing_id: i64,
    pub repeat: Repeat,
    pub zone: Tz,
    pub first_local: NaiveDateTime,
    pub count: u32,
    pub duration_minutes: u32,
    pub booked_by: UserId,
    /// Bumped on every change; calendar files carry it as SEQUENCE.
    pub revision: i64,
}

impl Series {
    /// Its occurrences.
    pub fn occurrences(&self) -> Vec<Occurrence> {
        expand(self.repeat, self.first_local, self.zone, self.count)
    }

    /// The local wall time of occurrence `index`.
    pub fn local_of(&self, index: u32) -> Option<NaiveDateTime> {
        Some(self.repeat.nth_date(self.first_local.date(), index)?.and_time(self.first_local.time()))
    }

    /// How it reads, e.g. `every 2 weeks, Tue 17:00`.
    pub fn describe(&self) -> String {
        self.repeat.describe(self.first_local)
    }
}

/// An occurrence that was not booked, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LeftOut {
    /// Which occurrence of the rule (0 = the first).
    pub index: u32,
    /// Its local wall time in the series' zone.
    pub local: NaiveDateTime,
    /// The instant it would have started (the clock jump for one in a gap).
    pub instant: DateTime<Utc>,
    pub why: LeftOutWhy,
}

/// Why an occurrence was left out.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LeftOutWhy {
    /// It overlaps session `number` of `who` (`yours`: only the caller's own are numbered).
    Overlap { who: String, number: i64 },
    /// The partner `who` has another session then (which one is not shown).
    PartnerBusy { who: String },
    /// Its local time does not exist: the clocks jump over it.
    Gap,
    /// It falls into an away period; `who` is e.g. `you are` or `Mo is`.
    Away { who: String },
}

impl LeftOut {
    /// An occurrence in a gap.
    pub fn gap(occurrence: &Occurrence, zone: Tz) -> Self {
        LeftOut {
            index: occurrence.index,
            local: occurrence.local,
            instant: resolve_local_lenient(occurrence.local, zone),
            why: LeftOutWhy::Gap,
        }
    }
}

/// Which sessions of a series a change applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    /// Only the session picked.
    #[default]
    This,
    /// The session picked and every later one of its series (this splits the series).
    Following,
    /// Every upcoming session of the series.
    Series,
}

/// `1 session`, `3 sessions`.
pub fn sessions_count(n: usize) -> String {
    tr!("domain-sessions-count", count = n)
}

/// Checks a `count` option.
///
/// # Errors
/// [`SeriesError::CountOutOfRange`] outside 2–52.
pub fn check_count(count: i64) -> Result<u32, SeriesError> {
    if (MIN_COUNT..=MAX_COUNT).contains(&count) {
        u32::try_from(count).map_err(|_| SeriesError::CountOutOfRange { given: count })
    } else {
        Err(SeriesError::CountOutOfRange { given: count })
    }
}

#[cfg(test)]
mod tests;
