//! The grammar of date/time phrases users type (`tomorrow 15:00`,
//! `24.11. 3pm`, `in 2 days 10am`, ...), turned into a [`Phrase`] of
//! unresolved parts. This module knows nothing about time zones or "now";
//! [`super::when`] resolves a phrase into an instant.
//!
//! Input is case-insensitive; runs of spaces and commas separate words, and
//! the filler words `at`, `on` and `by` are ignored.

use chrono::{Duration, NaiveDate, NaiveTime, Weekday};

use super::{dates::month_key, when::WhenError};
use crate::tr;

/// A date as typed, not yet placed relative to today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateSpec {
    /// A full calendar date (`2026-11-24`, `24.11.2026`, `24.11.26`).
    Exact(NaiveDate),
    /// Day and month without a year (`24.11.`); already checked to exist in
    /// some year (so `29.02.` passes, `31.02.` does not).
    DayMonth {
        /// Day of month, 1-based.
        day: u32,
        /// Month, 1-based.
        month: u32,
    },
    /// A number of calendar days after today (`today` = 0, `tomorrow` = 1,
    /// `in 3 days`, `in 1 week`, `next week` = 7).
    DaysAhead(u32),
    /// The next such weekday strictly after today (`mon`, `next monday`).
    Weekday(Weekday),
}

/// The parts of a phrase; each comes with the text it was read from, for messages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Phrase {
    /// The date part, if any.
    pub date: Option<(DateSpec, String)>,
    /// The time-of-day part, if any.
    pub time: Option<(NaiveTime, String)>,
    /// A relative offset from now (`in 3 hours`, `in 90 minutes`), if any.
    pub offset: Option<(Duration, String)>,
}

/// Splits `input` into its date, time and offset parts.
///
/// # Errors
/// A [`WhenError`] describing the first word that could not be understood or
/// the first part that was given twice.
pub fn parse_phrase(input: &str) -> Result<Phrase, WhenError> {
    let words = tokenize(input);
    if words.is_empty() {
        return Err(WhenError::Empty);
    }
    let mut phrase = Phrase::default();
    let mut i = 0;
    while i < words.len() {
        let word = words[i].as_str();
        let next = words.get(i + 1).map(String::as_str);
        i += 1;
        match word {
            "at" | "on" | "by" => {}
            "today" => set_date(&mut phrase, DateSpec::DaysAhead(0), word)?,
            "tomorrow" | "tmrw" | "tmr" => set_date(&mut phrase, DateSpec::DaysAhead(1), word)?,
            "noon" => set_time(&mut phrase, NaiveTime::MIN + Duration::hours(12), word)?,
            "midnight" => set_time(&mut phrase, NaiveTime::MIN, word)?,
            "next" => {
                let text = format!("next {}", next.unwrap_or_default()).trim_end().to_string();
                let spec = match next {
                    Some("week") => DateSpec::DaysAhead(7),
                    Some(n) => DateSpec::Weekday(weekday(n).ok_or(WhenError::BadNext { text: text.clone() })?),
                    None => return Err(WhenError::BadNext { text }),
                };
                i += 1;
                set_date(&mut phrase, spec, &text)?;
            }
            "in" => i += parse_relative(&mut phrase, &words[i..])?,
            _ => {
                if let Some(day) = weekday(word) {
                    set_date(&mut phrase, DateSpec::Weekday(day), word)?;
                } else if word.contains(':') || word.ends_with("am") || word.ends_with("pm") {
                    set_time(&mut phrase, parse_clock(word)?, word)?;
                } else if word.contains('/') {
                    return Err(WhenError::SlashDate { text: word.into() });
                } else if word.contains('-') && word.starts_with(|c: char| c.is_ascii_digit()) {
                    set_date(&mut phrase, DateSpec::Exact(parse_iso_date(word)?), word)?;
                } else if word.contains('.') && word.starts_with(|c: char| c.is_ascii_digit()) {
                    set_date(&mut phrase, parse_dotted_date(word)?, word)?;
                } else {
                    return Err(WhenError::Unrecognized { text: word.into() });
                }
            }
        }
    }
    if let Some((_, relative)) = &phrase.offset {
        let other = match (&phrase.date, &phrase.time) {
            (Some((_, text)), _) | (None, Some((_, text))) => Some(text.clone()),
            (None, None) => None,
        };
        if let Some(other) = other {
            return Err(WhenError::RelativeWithDateOrTime { relative: relative.clone(), other });
        }
    }
    Ok(phrase)
}

/// Lower-cases, splits on whitespace and commas, splits `2026-11-24t15:00`
/// into date and time, and glues a separate `am`/`pm` to the number before it.
fn tokenize(input: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for raw in input.to_lowercase().split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()) {
        let iso_t =
            raw.find('t').filter(|&at| at >= 8 && raw[..at].contains('-') && raw[..at].starts_with(char::is_numeric));
        if let Some(at) = iso_t {
            words.push(raw[..at].to_string());
            words.push(raw[at + 1..].to_string());
        } else if matches!(raw, "am" | "pm") && words.last().is_some_and(|w| is_clock_number(w)) {
            if let Some(last) = words.last_mut() {
                last.push_str(raw);
            }
        } else {
            words.push(raw.to_string());
        }
    }
    words
}

fn is_clock_number(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| c.is_ascii_digit() || c == ':')
}

fn set_date(phrase: &mut Phrase, spec: DateSpec, text: &str) -> Result<(), WhenError> {
    if let Some((_, first)) = &phrase.date {
        return Err(WhenError::TwoDates { first: first.clone(), second: text.into() });
    }
    phrase.date = Some((spec, text.into()));
    Ok(())
}

fn set_time(phrase: &mut Phrase, time: NaiveTime, text: &str) -> Result<(), WhenError> {
    if let Some((_, first)) = &phrase.time {
        return Err(WhenError::TwoTimes { first: first.clone(), second: text.into() });
    }
    phrase.time = Some((time, text.into()));
    Ok(())
}

/// Parses what follows `in`; returns how many words it used.
fn parse_relative(phrase: &mut Phrase, rest: &[String]) -> Result<usize, WhenError> {
    let first = rest.first().map_or("", String::as_str);
    let split = first.find(|c: char| !c.is_ascii_digit()).unwrap_or(first.len());
    let (amount, unit, used) = if split > 0 && split < first.len() {
        (&first[..split], &first[split..], 1)
    } else {
        (first, rest.get(1).map_or("", String::as_str), 2)
    };
    let text = format!("in {amount} {unit}").trim_end().to_string();
    let bad = || WhenError::BadRelative { text: text.clone() };
    let n: u32 = match amount {
        "a" | "an" | "one" => 1,
        digits => digits.parse().map_err(|_| bad())?,
    };
    match unit {
        "minute" | "minutes" | "min" | "mins" | "m" => {
            set_offset(phrase, Duration::minutes(i64::from(n)), &text)?;
        }
        "hour" | "hours" | "hr" | "hrs" | "h" => {
            set_offset(phrase, Duration::hours(i64::from(n)), &text)?;
        }
        "day" | "days" | "d" => set_date(phrase, DateSpec::DaysAhead(n), &text)?,
        "week" | "weeks" | "wk" | "wks" | "w" => {
            let days = n.checked_mul(7).ok_or(WhenError::TooFar)?;
            set_date(phrase, DateSpec::DaysAhead(days), &text)?;
        }
        _ => return Err(bad()),
    }
    Ok(used)
}

fn set_offset(phrase: &mut Phrase, offset: Duration, text: &str) -> Result<(), WhenError> {
    if let Some((_, first)) = &phrase.offset {
        return Err(WhenError::TwoTimes { first: first.clone(), second: text.into() });
    }
    phrase.offset = Some((offset, text.into()));
    Ok(())
}

fn weekday(word: &str) -> Option<Weekday> {
    Some(match word {
        "mon" | "monday" => Weekday::Mon,
        "tue" | "tues" | "tuesday" => Weekday::Tue,
        "wed" | "wednesday" => Weekday::Wed,
        "thu" | "thur" | "thurs" | "thursday" => Weekday::Thu,
        "fri" | "friday" => Weekday::Fri,
        "sat" | "saturday" => Weekday::Sat,
        "sun" | "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// `15:00`, `9:30`, `3pm`, `3:30pm`, `12am` (midnight), `12pm` (noon).
fn parse_clock(word: &str) -> Result<NaiveTime, WhenError> {
    let invalid = |reason: String| WhenError::InvalidTime { text: word.into(), reason };
    let (body, meridiem) = match word.strip_suffix("am") {
        Some(body) => (body, Some(false)),
        None => match word.strip_suffix("pm") {
            Some(body) => (body, Some(true)),
            None => (word, None),
        },
    };
    let (hour_text, minute_text) = body.split_once(':').unwrap_or((body, "00"));
    let all_digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !all_digits(hour_text) || hour_text.len() > 2 || !all_digits(minute_text) {
        return Err(WhenError::Unrecognized { text: word.into() });
    }
    if minute_text.len() != 2 {
        return Err(invalid(tr!("domain-time-minute-digits")));
    }
    let hour: u32 = hour_text.parse().map_err(|_| invalid(tr!("domain-time-bad-hour")))?;
    let minute: u32 = minute_text.parse().map_err(|_| invalid(tr!("domain-time-bad-minute")))?;
    if minute > 59 {
        return Err(invalid(tr!("domain-time-minute-range")));
    }
    let hour = match meridiem {
        None if hour > 23 => return Err(invalid(tr!("domain-time-hour-range"))),
        None => hour,
        Some(_) if !(1..=12).contains(&hour) => return Err(invalid(tr!("domain-time-meridiem-hour"))),
        Some(pm) => hour % 12 + if pm { 12 } else { 0 },
    };
    NaiveTime::from_hms_opt(hour, minute, 0).ok_or_else(|| invalid(tr!("domain-time-not-a-time")))
}

/// `2026-11-24`.
fn parse_iso_date(word: &str) -> Result<NaiveDate, WhenError> {
    let parts: Vec<&str> = word.split('-').collect();
    let numbers = numbers(&parts).filter(|_| parts.len() == 3 && parts[0].len() == 4);
    let Some([year, month, day]) = numbers.as_deref().and_then(|n| <[u32; 3]>::try_from(n).ok()) else {
        return Err(WhenError::Unrecognized { text: word.into() });
    };
    exact_date(word, year, month, day)
}

/// `24.11.`, `24.11`, `24.11.2026`, `24.11.26`; rejects `15.00` as a time with a dot.
fn parse_dotted_date(word: &str) -> Result<DateSpec, WhenError> {
    let trimmed = word.strip_suffix('.').unwrap_or(word);
    let parts: Vec<&str> = trimmed.split('.').collect();
    let unrecognized = || WhenError::Unrecognized { text: word.into() };
    let numbers = numbers(&parts).ok_or_else(unrecognized)?;
    match (numbers.as_slice(), parts.as_slice()) {
        ([day, month], [_, m]) => {
            let looks_like_time = !word.ends_with('.') && m.len() == 2 && *day <= 23;
            if looks_like_time && !(1..=12).contains(month) {
                return Err(WhenError::DotTime { text: word.into() });
            }
            check_day_month(word, *day, *month)?;
            Ok(DateSpec::DayMonth { day: *day, month: *month })
        }
        ([day, month, year], [_, _, y]) if y.len() == 2 || y.len() == 4 => {
            let year = if y.len() == 2 { 2000 + year } else { *year };
            Ok(DateSpec::Exact(exact_date(word, year, *month, *day)?))
        }
        _ => Err(unrecognized()),
    }
}

fn numbers(parts: &[&str]) -> Option<Vec<u32>> {
    parts
        .iter()
        .map(
            |p| {
                if p.is_empty() || p.len() > 4 || !p.chars().all(|c| c.is_ascii_digit()) {
                    None
                } else {
                    p.parse().ok()
                }
            },
        )
        .collect()
}

/// Checks day and month in a leap year (so `29.02.` passes).
fn check_day_month(text: &str, day: u32, month: u32) -> Result<(), WhenError> {
    let invalid = |reason: String| WhenError::InvalidDate { text: text.into(), reason };
    if !(1..=12).contains(&month) {
        return Err(invalid(tr!("domain-date-no-month", month = month.to_string())));
    }
    let max = days_in_month(2000, month);
    if day == 0 || day > max {
        return Err(invalid(tr!("domain-date-month-days", month = month_key(month), days = max)));
    }
    Ok(())
}

/// A date in a specific year; explains February in non-leap years.
///
/// # Errors
/// [`WhenError::InvalidDate`] when the date does not exist.
pub fn exact_date(text: &str, year: u32, month: u32, day: u32) -> Result<NaiveDate, WhenError> {
    check_day_month(text, day, month)?;
    let year_i32 = i32::try_from(year).map_err(|_| WhenError::TooFar)?;
    NaiveDate::from_ymd_opt(year_i32, month, day).ok_or_else(|| WhenError::InvalidDate {
        text: text.into(),
        reason: tr!("domain-date-february-days", year = year.to_string(), days = days_in_month(year_i32, month)),
    })
}

fn days_in_month(year: i32, month: u32) -> u32 {
    (28..=31).rev().find(|&d| NaiveDate::from_ymd_opt(year, month, d).is_some()).unwrap_or(28)
}
