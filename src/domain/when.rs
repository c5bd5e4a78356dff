//! What users type for a session time or a deadline, read in their zone.
//!
//! Accepted forms (case-insensitive, extra spaces and commas tolerated, the
//! filler words `at`/`on`/`by` ignored, date and time in either order):
//!
//! * dates: `2026-11-24`, `24.11.2026`, `24.11.26` (= 2026), `24.11.` or
//!   `24.11` (no year: the next 24 Nov that is today or later), `today`,
//!   `tomorrow`, weekdays `mon`…`sun` / `monday`…`sunday` (optionally after
//!   `next`), `in 2 days`, `in 1 week`, `next week` (= in 7 days);
//! * times: `15:00`, `9:30`, `3pm`, `3:30pm`, `10am`, `12am` (midnight),
//!   `12pm` (noon), `noon`, `midnight` (00:00, the START of the day given);
//! * ISO `2026-11-24T15:00`;
//! * offsets from now: `in 3 hours`, `in 90 minutes`, `in 3h`, `in an hour`
//!   (exact durations; these cannot be combined with a date or a time);
//! * an exact instant `@<unix seconds>` (session times only, not deadlines),
//!   which is what a suggested free time carries when picked from autocomplete
//!   (validated like any other time).
//!
//! Decisions:
//!
//! * A weekday means the next such day STRICTLY after today: typing `mon` on
//!   a Monday means next week's Monday (write `today 9:30` for today).
//!   `next mon` means exactly the same as `mon`; `next` never skips a week.
//! * A time without a date means today if that is still ahead, else tomorrow.
//! * `today 9:00` typed after 9:00, or `24.11. 15:00` typed on 24 Nov after
//!   15:00, is an error ([`WhenError::InPast`]), never silently moved a day
//!   or a year ahead.
//! * US-style `11/24` is rejected (is it 11 Nov or 24 Nov?); `15.00` is
//!   rejected with a hint to write `15:00`.
//! * A year-less `29.02.` in a year without 29 February is an invalid date
//!   rather than a jump of several years.
//! * A time inside a daylight-saving gap is [`WhenError::Gap`]; an ambiguous
//!   one (clocks fall back) takes the EARLIER instant and reports it in
//!   [`When::ambiguity`].
//! * Results must lie in the future and at most ten years ahead.
//! * [`parse_deadline`] accepts a date alone and reads it as the END of that
//!   day, 23:59 local (not 23:59:59, so it displays as the time users see).

use chrono::{DateTime, Datelike, Days, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use chrono_tz::Tz;

use super::local_time::{format_instant, resolve_local, to_local, Ambiguous, LocalTimeError};
use super::text::short;
use super::when_grammar::{exact_date, parse_phrase, DateSpec};
use crate::tr;

/// Accepted examples, quoted in error messages (typed input, so the same in every language).
pub const EXAMPLES: &str =
    "`tomorrow 15:00`, `mon 9:30`, `24.11. 3pm`, `2026-11-24 15:00`, `in 2 days 10am`, `in 3 hours`";

/// How far ahead a time may lie.
pub const MAX_DAYS_AHEAD: i64 = 3653;

/// A resolved time typed by a user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct When {
    /// The instant meant.
    pub instant: DateTime<Utc>,
    /// The wall-clock reading in `zone` (what the user typed, resolved).
    pub local: NaiveDateTime,
    /// The zone the input was read in.
    pub zone: Tz,
    /// Set when the local time occurs twice; the earlier instant was chosen.
    pub ambiguity: Option<Ambiguous>,
}

/// Why an input could not be read as a time. The messages are user-facing.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WhenError {
    /// Nothing was typed.
    #[error("{}", tr!("domain-when-empty", examples = EXAMPLES))]
    Empty,
    /// A word that is not part of the grammar.
    #[error("{}", tr!("domain-when-unrecognized", text = short(.text), examples = EXAMPLES))]
    Unrecognized {
        /// The word.
        text: String,
    },
    /// `parse_when` got a date but no time.
    #[error("{}", tr!("domain-when-missing-time", date = short(.date)))]
    MissingTime {
        /// The date as typed.
        date: String,
    },
    /// `11/24`: month/day or day/month?
    #[error("{}", tr!("domain-when-slash-date", text = short(.text)))]
    SlashDate {
        /// The date as typed.
        text: String,
    },
    /// `15.00`: a time written with a dot.
    #[error("{}", tr!("domain-when-dot-time", text = short(.text)))]
    DotTime {
        /// The word as typed.
        text: String,
    },
    /// A date that does not exist (`31.02.`, `29.02.2027`, month 13).
    #[error("{}", tr!("domain-when-invalid-date", text = short(.text), reason = .reason.as_str()))]
    InvalidDate {
        /// The date as typed.
        text: String,
        /// What is wrong, e.g. "February has 29 days".
        reason: String,
    },
    /// A time that does not exist (`25:00`, `13pm`).
    #[error("{}", tr!("domain-when-invalid-time", text = short(.text), reason = .reason.as_str()))]
    InvalidTime {
        /// The time as typed.
        text: String,
        /// What is wrong.
        reason: String,
    },
    /// `in ...` that is not `in N minutes/hours/days/weeks`.
    #[error("{}", tr!("domain-when-bad-relative", text = short(.text)))]
    BadRelative {
        /// The phrase as typed.
        text: String,
    },
    /// `next` not followed by a weekday or `week`.
    #[error("{}", tr!("domain-when-bad-next", text = short(.text)))]
    BadNext {
        /// The phrase as typed.
        text: String,
    },
    /// Two dates in one input.
    #[error("{}", tr!("domain-when-two-dates", first = short(.first), second = short(.second)))]
    TwoDates {
        /// The first date as typed.
        first: String,
        /// The second date as typed.
        second: String,
    },
    /// Two times in one input.
    #[error("{}", tr!("domain-when-two-times", first = short(.first), second = short(.second)))]
    TwoTimes {
        /// The first time as typed.
        first: String,
        /// The second time as typed.
        second: String,
    },
    /// `in 3 hours` combined with a date or time.
    #[error("{}", tr!("domain-when-relative-with-date", relative = short(.relative), other = short(.other)))]
    RelativeWithDateOrTime {
        /// The relative part as typed.
        relative: String,
        /// The conflicting date or time as typed.
        other: String,
    },
    /// The time has already passed.
    #[error("{}", tr!("domain-when-in-past", shown = .shown.as_str()))]
    InPast {
        /// The resolved time, formatted for the user.
        shown: String,
    },
    /// More than ten years ahead (or beyond the calendar).
    #[error("{}", tr!("domain-when-too-far"))]
    TooFar,
    /// `@...` that is not `@<unix seconds>` on a whole minute.
    #[error("{}", tr!("domain-when-bad-instant", text = short(.text), examples = EXAMPLES))]
    BadInstant {
        /// The input as typed.
        text: String,
    },
    /// The local time falls into a daylight-saving gap.
    #[error("{}", gap_message(*.local, *.zone, *.next_valid))]
    Gap {
        /// The local time that was asked for.
        local: NaiveDateTime,
        /// The zone it was read in.
        zone: Tz,
        /// The first valid local time after the gap.
        next_valid: NaiveDateTime,
    },
}

fn gap_message(local: NaiveDateTime, zone: Tz, next_valid: NaiveDateTime) -> String {
    LocalTimeError::Gap { local, zone, next_valid }.to_string()
}

impl From<LocalTimeError> for WhenError {
    fn from(e: LocalTimeError) -> Self {
        match e {
            LocalTimeError::Gap { local, zone, next_valid } => WhenError::Gap { local, zone, next_valid },
        }
    }
}

/// Parses a session time: a date needs a time.
///
/// # Errors
/// A [`WhenError`] whose message tells the user how to fix the input.
pub fn parse_when(input: &str, now: DateTime<Utc>, zone: Tz) -> Result<When, WhenError> {
    parse(input, now, zone, false)
}

/// Parses a deadline: like [`parse_when`], but a date alone (`fri`,
/// `1.12.`, `in 3 days`, `next week`) means 23:59 local on that day.
///
/// # Errors
/// A [`WhenError`] whose message tells the user how to fix the input.
pub fn parse_deadline(input: &str, now: DateTime<Utc>, zone: Tz) -> Result<When, WhenError> {
    parse(input, now, zone, true)
}

fn parse(input: &str, now: DateTime<Utc>, zone: Tz, date_alone_ok: bool) -> Result<When, WhenError> {
    if let Some(digits) = input.trim().strip_prefix('@').filter(|_| !date_alone_ok) {
        let when = exact_instant(digits, zone).ok_or_else(|| WhenError::BadInstant { text: input.trim().into() })?;
        return in_range(when, now);
    }
    let phrase = parse_phrase(input)?;
    let today = to_local(now, zone).date();
    let when = if let Some((offset, _)) = phrase.offset {
        let instant = now.checked_add_signed(offset).ok_or(WhenError::TooFar)?;
        When { instant, local: to_local(instant, zone), zone, ambiguity: None }
    } else {
        match (phrase.date, phrase.time) {
            (Some((spec, text)), Some((time, _))) => at(place(spec, &text, today)?, time, zone)?,
            (Some((spec, text)), None) if date_alone_ok => {
                let end_of_day = NaiveTime::from_hms_opt(23, 59, 0).unwrap_or(NaiveTime::MIN);
                at(place(spec, &text, today)?, end_of_day, zone)?
            }
            (Some((_, date)), None) => return Err(WhenError::MissingTime { date }),
            (None, Some((time, _))) => next_at(time, now, zone, today)?,
            (None, None) => return Err(WhenError::Empty),
        }
    };
    in_range(when, now)
}

/// Refuses a time that is not in the future or more than ten years ahead.
fn in_range(when: When, now: DateTime<Utc>) -> Result<When, WhenError> {
    if when.instant <= now {
        return Err(WhenError::InPast { shown: format_instant(when.instant, when.zone) });
    }
    if when.instant - now > Duration::days(MAX_DAYS_AHEAD) {
        return Err(WhenError::TooFar);
    }
    Ok(when)
}

/// `<unix seconds>` (digits only, a whole minute) as a [`When`] read in `zone`.
fn exact_instant(digits: &str, zone: Tz) -> Option<When> {
    if digits.is_empty() || digits.len() > 12 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let secs: i64 = digits.parse().ok()?;
    if secs % 60 != 0 {
        return None;
    }
    let instant = DateTime::from_timestamp(secs, 0)?;
    Some(When { instant, local: to_local(instant, zone), zone, ambiguity: None })
}

/// The option value that stands for exactly `instant` (see [`parse_when`]).
#[must_use]
pub fn instant_value(instant: DateTime<Utc>) -> String {
    format!("@{}", instant.timestamp())
}

/// Places a typed date relative to `today` (the local date at "now").
fn place(spec: DateSpec, text: &str, today: NaiveDate) -> Result<NaiveDate, WhenError> {
    match spec {
        DateSpec::Exact(date) => Ok(date),
        DateSpec::DaysAhead(n) => today.checked_add_days(Days::new(u64::from(n))).ok_or(WhenError::TooFar),
        DateSpec::Weekday(day) => {
            let ahead = (day.num_days_from_monday() + 7 - today.weekday().num_days_from_monday()) % 7;
            let ahead = if ahead == 0 { 7 } else { ahead };
            today.checked_add_days(Days::new(u64::from(ahead))).ok_or(WhenError::TooFar)
        }
        DateSpec::DayMonth { day, month } => {
            let this_year = u32::try_from(today.year()).map_err(|_| WhenError::TooFar)?;
            let year = if (month, day) >= (today.month(), today.day()) { this_year } else { this_year + 1 };
            exact_date(text, year, month, day)
        }
    }
}

fn at(date: NaiveDate, time: NaiveTime, zone: Tz) -> Result<When, WhenError> {
    let local = date.and_time(time);
    let resolved = resolve_local(local, zone)?;
    Ok(When { instant: resolved.instant, local, zone, ambiguity: resolved.ambiguity })
}

/// A time without a date: today if still ahead, otherwise tomorrow.
fn next_at(time: NaiveTime, now: DateTime<Utc>, zone: Tz, today: NaiveDate) -> Result<When, WhenError> {
    match at(today, time, zone) {
        Ok(when) if when.instant > now => return Ok(when),
        Err(gap) if today.and_time(time) > to_local(now, zone) => return Err(gap),
        _ => {}
    }
    let tomorrow = today.checked_add_days(Days::new(1)).ok_or(WhenError::TooFar)?;
    at(tomorrow, time, zone)
}

#[cfg(test)]
mod error_tests;
#[cfg(test)]
mod tests;
