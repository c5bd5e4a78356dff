//! Weekly availability and free slots.
//!
//! A member's availability is a list of weekly slots such as `mon 18:00-20:00`, read as local
//! wall-clock times in the member's own zone, so "Monday 18:00" stays 18:00 across DST. A slot
//! lies within one day; its end may be `24:00` (midnight at the end of that day).
//!
//! [`free_slots`] finds the next start instants at which a pair could meet: inside the partner's
//! weekly slots (anytime when they set none), clear of busy intervals (both people's booked
//! sessions and away periods), outside the partner's quiet hours, for the whole duration.
//! Candidates start on the slot's own start and every 30 minutes after it (on the hour and half
//! hour when the partner set no slots). A slot start in a DST gap is skipped; an ambiguous one
//! (clocks fall back) takes the earlier instant.

use std::fmt;

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;

use super::{
    dates::weekday_short,
    local_time::{resolve_local, resolve_local_lenient, to_local},
    text::short,
};
use crate::tr;

/// The most weekly slots one member may set.
pub const MAX_SLOTS: usize = 50;

/// How far apart candidate start times lie, in minutes.
pub const STEP_MINUTES: u32 = 30;

const DAY_MINUTES: u32 = 24 * 60;

/// One weekly slot: a weekday and a local time range `[start, end)` in minutes after midnight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct WeeklySlot {
    weekday: u8,
    start: u32,
    end: u32,
}

/// Why a slot list could not be read. The messages are user-facing.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SlotError {
    /// Nothing usable was typed.
    #[error("{}", tr!("domain-slots-empty"))]
    Empty,
    /// A piece is not `<day> <start>-<end>`.
    #[error("{}", tr!("domain-slots-format", piece = short(.piece)))]
    Format {
        /// The piece as typed.
        piece: String,
    },
    /// The weekday of a piece is unknown.
    #[error("{}", tr!("domain-slots-weekday", piece = short(.piece), day = short(.day)))]
    Weekday {
        /// The piece as typed.
        piece: String,
        /// The word that should have been a weekday.
        day: String,
    },
    /// A time of a piece is invalid.
    #[error("{}", tr!("domain-slots-time", piece = short(.piece), time = short(.time)))]
    Time {
        /// The piece as typed.
        piece: String,
        /// The time as typed.
        time: String,
    },
    /// The end is not after the start.
    #[error("{}", tr!("domain-slots-order", piece = short(.piece)))]
    Order {
        /// The piece as typed.
        piece: String,
    },
    /// Too many slots.
    #[error("{}", tr!("domain-slots-too-many", count = *.count, max = MAX_SLOTS))]
    TooMany {
        /// How many were given.
        count: usize,
    },
}

impl WeeklySlot {
    /// A slot on `weekday` from `start` to `end` minutes after local midnight.
    ///
    /// Returns `None` unless `start < end <= 1440`.
    #[must_use]
    pub fn new(weekday: Weekday, start: u32, end: u32) -> Option<Self> {
        let day = u8::try_from(weekday.num_days_from_monday()).ok()?;
        (start < end && end <= DAY_MINUTES).then_some(Self { weekday: day, start, end })
    }

    /// The weekday.
    #[must_use]
    pub fn weekday(&self) -> Weekday {
        weekday_from_monday(self.weekday)
    }

    /// The weekday as 0 (Monday) to 6 (Sunday), as stored.
    #[must_use]
    pub fn weekday_index(&self) -> u8 {
        self.weekday
    }

    /// Start, in minutes after local midnight.
    #[must_use]
    pub fn start_minute(&self) -> u32 {
        self.start
    }

    /// End, in minutes after local midnight (at most 1440).
    #[must_use]
    pub fn end_minute(&self) -> u32 {
        self.end
    }

    /// Rebuilds a stored slot (weekday 0 = Monday); `None` when the values are out of range.
    #[must_use]
    pub fn from_stored(weekday: i64, start: i64, end: i64) -> Option<Self> {
        let day = u8::try_from(weekday).ok().filter(|d| *d < 7)?;
        Self::new(weekday_from_monday(day), u32::try_from(start).ok()?, u32::try_from(end).ok()?)
    }

    /// The slot's occurrence on `date` (which must be its weekday) as instants in `zone`:
    /// `None` when its start falls into a DST gap.
    fn on(&self, date: NaiveDate, zone: Tz) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        let start = resolve_local(local_at(date, self.start)?, zone).ok()?.instant;
        let end = resolve_local_lenient(local_at(date, self.end)?, zone);
        Some((start, end))
    }
}

impl fmt::Display for WeeklySlot {
    /// `Mon 18:00-20:00`; round-trips through [`parse_slots`], so it is written as typed (English
    /// weekday names) in every language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}-{}", self.weekday(), hhmm(self.start), hhmm(self.end))
    }
}

fn weekday_from_monday(day: u8) -> Weekday {
    match day {
        0 => Weekday::Mon,
        1 => Weekday::Tue,
        2 => Weekday::Wed,
        3 => Weekday::Thu,
        4 => Weekday::Fri,
        5 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

fn hhmm(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

fn local_at(date: NaiveDate, minutes: u32) -> Option<NaiveDateTime> {
    if minutes >= DAY_MINUTES {
        return date.checked_add_days(Days::new(1)).map(|d| d.and_time(NaiveTime::MIN));
    }
    NaiveTime::from_hms_opt(minutes / 60, minutes % 60, 0).map(|t| date.and_time(t))
}

/// Parses a slot list such as `mon 18:00-20:00, thu 12:00-13:30, sat 10-12` (commas or
/// semicolons between pieces; `9`, `9:30`, `09:30` as times; an en dash tolerated). `none`,
/// `off` or `clear` give an empty list. Slots are sorted; duplicates are dropped.
///
/// # Errors
/// A [`SlotError`] that names the piece it could not read.
pub fn parse_slots(input: &str) -> Result<Vec<WeeklySlot>, SlotError> {
    let trimmed = input.trim();
    if matches!(trimmed.to_lowercase().as_str(), "none" | "off" | "clear") {
        return Ok(Vec::new());
    }
    let pieces: Vec<&str> = trimmed.split([',', ';']).map(str::trim).filter(|p| !p.is_empty()).collect();
    if pieces.is_empty() {
        return Err(SlotError::Empty);
    }
    if pieces.len() > MAX_SLOTS {
        return Err(SlotError::TooMany { count: pieces.len() });
    }
    let mut slots = pieces.into_iter().map(parse_piece).collect::<Result<Vec<_>, _>>()?;
    slots.sort_unstable();
    slots.dedup();
    Ok(slots)
}

fn parse_piece(piece: &str) -> Result<WeeklySlot, SlotError> {
    let format = || SlotError::Format { piece: piece.into() };
    let (day, range) = piece.split_once(char::is_whitespace).ok_or_else(format)?;
    let weekday = parse_weekday(day).ok_or_else(|| SlotError::Weekday { piece: piece.into(), day: day.into() })?;
    let (start, end) = range.split_once(['-', '–']).ok_or_else(format)?;
    let time = |text: &str| {
        parse_time(text.trim()).ok_or_else(|| SlotError::Time { piece: piece.into(), time: text.trim().into() })
    };
    let (start, end) = (time(start)?, time(end)?);
    if start >= DAY_MINUTES || end <= start {
        return Err(SlotError::Order { piece: piece.into() });
    }
    WeeklySlot::new(weekday, start, end).ok_or(SlotError::Order { piece: piece.into() })
}

fn parse_weekday(word: &str) -> Option<Weekday> {
    let word = word.trim().to_lowercase();
    let days = [
        ("mon", "monday", Weekday::Mon),
        ("tue", "tuesday", Weekday::Tue),
        ("wed", "wednesday", Weekday::Wed),
        ("thu", "thursday", Weekday::Thu),
        ("fri", "friday", Weekday::Fri),
        ("sat", "saturday", Weekday::Sat),
        ("sun", "sunday", Weekday::Sun),
    ];
    days.iter().find(|(short, long, _)| word == *short || word == *long).map(|(_, _, d)| *d)
}

/// `9`, `09`, `9:30`, `09:30`, `24`/`24:00`, in minutes after midnight.
fn parse_time(text: &str) -> Option<u32> {
    let (h, m) = text.split_once(':').unwrap_or((text, "00"));
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.chars().all(|c| c.is_ascii_digit());
    if !digits(h) || !digits(m) || m.len() != 2 {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    let minutes = h * 60 + m;
    (m < 60 && minutes <= DAY_MINUTES).then_some(minutes)
}

/// Shows `slots` (local to `owner_zone`) as wall times in `viewer_zone`, at the week of `now`:
/// e.g. `Mon 18:00-20:00` becomes `Mon 12:00-14:00` for a viewer in New York. A slot that
/// crosses midnight for the viewer is shown as `Fri 23:00-01:00`.
#[must_use]
pub fn show_in_zone(slots: &[WeeklySlot], owner_zone: Tz, viewer_zone: Tz, now: DateTime<Utc>) -> Vec<String> {
    let today = to_local(now, owner_zone).date();
    let mut shown: Vec<(NaiveDateTime, String)> = slots
        .iter()
        .filter_map(|slot| {
            let date = next_weekday(today, slot.weekday());
            let (start, end) = slot.on(date, owner_zone).or_else(|| slot.on(date + Days::new(7), owner_zone))?;
            let (s, e) = (to_local(start, viewer_zone), to_local(end, viewer_zone));
            let end_text = if e.time() == NaiveTime::MIN && e.date() > s.date() {
                "24:00".to_string()
            } else {
                e.format("%H:%M").to_string()
            };
            let key = NaiveDate::from_isoywd_opt(2001, 1, s.weekday()).map_or(s, |d| d.and_time(s.time()));
            let text = tr!(
                "domain-weekly-slot",
                weekday = weekday_short(s.weekday()),
                start = s.format("%H:%M").to_string(),
                end = end_text,
            );
            Some((key, text))
        })
        .collect();
    shown.sort();
    shown.into_iter().map(|(_, text)| text).collect()
}

fn next_weekday(from: NaiveDate, day: Weekday) -> NaiveDate {
    let ahead = (day.num_days_from_monday() + 7 - from.weekday().num_days_from_monday()) % 7;
    from + Days::new(u64::from(ahead))
}

/// A holiday: no bookings in `[start, end)`; the note is private to its owner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AwayPeriod {
    /// Local midnight at the start of the first day away.
    pub start: DateTime<Utc>,
    /// Local midnight at the end of the last day away.
    pub end: DateTime<Utc>,
    /// Why (shown only to the owner).
    pub note: Option<String>,
}

mod free;

pub use free::{choice_label, free_slots, within_slots, Busy, FreeSlotQuery};

#[cfg(test)]
mod tests;
