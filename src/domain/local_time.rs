//! Resolving local wall-clock times in an IANA time zone.
//!
//! A local time can map to exactly one instant, to none (it falls into the
//! "spring forward" gap when clocks jump ahead) or to two (it falls into the
//! repeated hour when clocks fall back). The rules here are:
//!
//! * **Gap**: [`resolve_local`] rejects the time with [`LocalTimeError::Gap`],
//!   which names the first valid local time after the gap so a message can
//!   suggest it. [`resolve_local_lenient`] instead returns the instant the gap
//!   ends (the moment the clocks jump), which is what background rules such as
//!   quiet hours and cron schedules want.
//! * **Ambiguity**: the EARLIER instant is chosen and the other one is
//!   reported in [`Resolved::ambiguity`].

use chrono::{DateTime, Duration, LocalResult, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetName, Tz};

use crate::tr;

/// A local time that occurs twice (clocks fall back): which instant was used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ambiguous {
    /// The instant that was chosen (always the earlier one).
    pub chosen: DateTime<Utc>,
    /// The other instant with the same wall-clock reading (one offset-change later).
    pub other: DateTime<Utc>,
}

/// The result of resolving a local time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// The instant the local time denotes.
    pub instant: DateTime<Utc>,
    /// Set when the local time occurred twice; `instant == ambiguity.chosen`.
    pub ambiguity: Option<Ambiguous>,
}

/// Why a local time could not be resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LocalTimeError {
    /// The local time does not exist: the clocks jump over it.
    #[error("{}", tr!(
        "domain-time-in-gap",
        local = local.format("%Y-%m-%d %H:%M").to_string(),
        zone = zone.name(),
        next_time = next_valid.format("%H:%M").to_string(),
        next = next_valid.format("%Y-%m-%d %H:%M").to_string(),
    ))]
    Gap {
        /// The local time that was asked for.
        local: NaiveDateTime,
        /// The zone it was read in.
        zone: Tz,
        /// The first local time after the gap (the wall-clock reading right after the jump).
        next_valid: NaiveDateTime,
    },
}

/// Resolves `local` (a wall-clock reading) in `zone`.
///
/// # Errors
/// [`LocalTimeError::Gap`] when `local` falls into a daylight-saving gap.
pub fn resolve_local(local: NaiveDateTime, zone: Tz) -> Result<Resolved, LocalTimeError> {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(t) => Ok(Resolved { instant: t.with_timezone(&Utc), ambiguity: None }),
        LocalResult::Ambiguous(a, b) => {
            let (a, b) = (a.with_timezone(&Utc), b.with_timezone(&Utc));
            let (chosen, other) = if a <= b { (a, b) } else { (b, a) };
            Ok(Resolved { instant: chosen, ambiguity: Some(Ambiguous { chosen, other }) })
        }
        LocalResult::None => {
            let end = gap_end(local, zone);
            Err(LocalTimeError::Gap { local, zone, next_valid: end.with_timezone(&zone).naive_local() })
        }
    }
}

/// Resolves `local` in `zone` without failing: the earlier instant when
/// ambiguous, and the instant the gap ends (the clock jump) when `local`
/// falls into a gap. This is "the first moment the wall clock reads `local`
/// or later, at that point of the day".
#[must_use]
pub fn resolve_local_lenient(local: NaiveDateTime, zone: Tz) -> DateTime<Utc> {
    match resolve_local(local, zone) {
        Ok(r) => r.instant,
        Err(LocalTimeError::Gap { .. }) => gap_end(local, zone),
    }
}

/// The wall-clock reading of `instant` in `zone`.
#[must_use]
pub fn to_local(instant: DateTime<Utc>, zone: Tz) -> NaiveDateTime {
    instant.with_timezone(&zone).naive_local()
}

/// Describes the offset in effect at `instant`, e.g. `CET (UTC+01:00)`.
/// Zones without a letter abbreviation show e.g. `-03 (UTC-03:00)`.
#[must_use]
pub fn describe_offset(instant: DateTime<Utc>, zone: Tz) -> String {
    let local = instant.with_timezone(&zone);
    let offset = local.offset();
    let seconds = offset.fix().local_minus_utc();
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    let numeric = format!("UTC{sign}{:02}:{:02}", minutes / 60, minutes % 60);
    match offset.abbreviation() {
        Some(abbr) if !abbr.is_empty() => format!("{abbr} ({numeric})"),
        _ => numeric,
    }
}

/// Formats `instant` for messages, e.g. `Tue 24 Nov 2026 15:00 CET (UTC+01:00)`.
#[must_use]
pub fn format_instant(instant: DateTime<Utc>, zone: Tz) -> String {
    super::dates::date_time_offset(to_local(instant, zone), &describe_offset(instant, zone))
}

/// The instant at which the gap containing `local` ends (the clock jump).
///
/// The gap lies between the offset in effect before (`before`) and after
/// (`after`) it: `local - after` is earlier than the jump and `local - before`
/// is not, so the jump is found by bisection between them (to the second).
fn gap_end(local: NaiveDateTime, zone: Tz) -> DateTime<Utc> {
    let probe = local.and_utc();
    let before = offset_seconds(zone, probe - Duration::hours(36));
    let after = offset_seconds(zone, probe + Duration::hours(36));
    if before < after {
        let mut lo = probe - Duration::seconds(i64::from(after));
        let mut hi = probe - Duration::seconds(i64::from(before));
        // Invariant: offset(lo) == before, offset(hi) != before.
        if offset_seconds(zone, lo) == before && offset_seconds(zone, hi) != before {
            while hi - lo > Duration::seconds(1) {
                let mid = lo + (hi - lo) / 2;
                if offset_seconds(zone, mid) == before {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return hi;
        }
    }
    // Unusual zone history (several changes within a few days): walk forward
    // minute by minute to the first local time that exists.
    let mut candidate = local;
    for _ in 0..(3 * 24 * 60) {
        candidate += Duration::minutes(1);
        if let Some(t) = zone.from_local_datetime(&candidate).earliest() {
            return t.with_timezone(&Utc);
        }
    }
    probe - Duration::seconds(i64::from(before))
}

fn offset_seconds(zone: Tz, instant: DateTime<Utc>) -> i32 {
    zone.offset_from_utc_datetime(&instant.naive_utc()).fix().local_minus_utc()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use chrono_tz::America::New_York;
    use chrono_tz::Europe::Berlin;

    fn local(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, min, 0).unwrap()
    }

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        local(y, m, d, h, min).and_utc()
    }

    #[test]
    fn an_ordinary_winter_time_in_berlin_is_one_hour_ahead_of_utc() {
        let r = resolve_local(local(2026, 11, 24, 15, 0), Berlin).unwrap();
        assert_eq!(r.instant, utc(2026, 11, 24, 14, 0));
        assert_eq!(r.ambiguity, None);
    }

    #[test]
    fn a_time_in_the_berlin_spring_forward_gap_is_rejected_with_the_first_valid_time() {
        let err = resolve_local(local(2026, 3, 29, 2, 30), Berlin).unwrap_err();
        assert_eq!(
            err,
            LocalTimeError::Gap {
                local: local(2026, 3, 29, 2, 30),
                zone: Berlin,
                next_valid: local(2026, 3, 29, 3, 0),
            }
        );
        let msg = err.to_string();
        assert!(msg.contains("2026-03-29 02:30 does not exist in Europe/Berlin"), "{msg}");
        assert!(msg.contains("`2026-03-29 03:00`"), "{msg}");
    }

    #[test]
    fn a_time_in_the_new_york_spring_forward_gap_is_rejected() {
        let err = resolve_local(local(2026, 3, 8, 2, 15), New_York).unwrap_err();
        let LocalTimeError::Gap { next_valid, .. } = err;
        assert_eq!(next_valid, local(2026, 3, 8, 3, 0));
    }

    #[test]
    fn an_ambiguous_berlin_fall_back_time_chooses_the_earlier_instant() {
        let r = resolve_local(local(2026, 10, 25, 2, 30), Berlin).unwrap();
        assert_eq!(r.instant, utc(2026, 10, 25, 0, 30));
        assert_eq!(r.ambiguity, Some(Ambiguous { chosen: utc(2026, 10, 25, 0, 30), other: utc(2026, 10, 25, 1, 30) }));
    }

    #[test]
    fn an_ambiguous_new_york_fall_back_time_chooses_the_earlier_instant() {
        let r = resolve_local(local(2026, 11, 1, 1, 30), New_York).unwrap();
        assert_eq!(r.instant, utc(2026, 11, 1, 5, 30));
        assert_eq!(r.ambiguity.unwrap().other, utc(2026, 11, 1, 6, 30));
    }

    #[test]
    fn lenient_resolution_maps_a_gap_time_to_the_moment_the_clocks_jump() {
        assert_eq!(resolve_local_lenient(local(2026, 3, 29, 2, 30), Berlin), utc(2026, 3, 29, 1, 0));
        assert_eq!(resolve_local_lenient(local(2026, 3, 8, 2, 0), New_York), utc(2026, 3, 8, 7, 0));
    }

    #[test]
    fn a_whole_skipped_day_in_samoa_points_to_the_next_day() {
        // Samoa skipped 2011-12-30 entirely.
        let err = resolve_local(local(2011, 12, 30, 12, 0), chrono_tz::Pacific::Apia).unwrap_err();
        let LocalTimeError::Gap { next_valid, .. } = err;
        assert_eq!(next_valid, local(2011, 12, 31, 0, 0));
    }

    #[test]
    fn describe_offset_names_the_abbreviation_and_numeric_offset() {
        assert_eq!(describe_offset(utc(2026, 1, 5, 12, 0), Berlin), "CET (UTC+01:00)");
        assert_eq!(describe_offset(utc(2026, 7, 5, 12, 0), Berlin), "CEST (UTC+02:00)");
        assert_eq!(describe_offset(utc(2026, 1, 5, 12, 0), New_York), "EST (UTC-05:00)");
        assert_eq!(describe_offset(utc(2026, 1, 5, 12, 0), chrono_tz::Asia::Kolkata), "IST (UTC+05:30)");
    }

    #[test]
    fn format_instant_shows_weekday_date_time_and_offset() {
        assert_eq!(format_instant(utc(2026, 11, 24, 14, 0), Berlin), "Tue 24 Nov 2026 15:00 CET (UTC+01:00)");
    }
}
