//! Tests for `quiet_hours`, including DST days in Berlin and New York.

use super::*;
use chrono::TimeZone;
use chrono_tz::America::New_York;
use chrono_tz::Europe::Berlin;

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

fn night() -> QuietHours {
    QuietHours::parse("21:00-08:00").unwrap()
}

#[test]
fn a_range_is_parsed_with_spaces_en_dashes_and_bare_hours() {
    assert_eq!(night(), QuietHours::new(t(21, 0), t(8, 0)));
    assert_eq!(QuietHours::parse(" 21:00 – 08:00 ").unwrap(), night());
    assert_eq!(QuietHours::parse("21-8").unwrap(), night());
    assert_eq!(night().start(), t(21, 0));
    assert_eq!(night().end(), t(8, 0));
}

#[test]
fn off_none_or_equal_ends_mean_no_quiet_hours() {
    assert!(QuietHours::parse("off").unwrap().is_none());
    assert!(QuietHours::parse("None").unwrap().is_none());
    assert!(QuietHours::parse("22:00-22:00").unwrap().is_none());
    assert!(QuietHours::default().is_none());
}

#[test]
fn malformed_ranges_are_rejected_with_an_example() {
    let err = QuietHours::parse("21:00").unwrap_err();
    assert_eq!(
        err.to_string(),
        "`21:00` is not a quiet-hours range; write it as `21:00-08:00` (start-end, may run past midnight) or `off`."
    );
    let err = QuietHours::parse("25:00-08:00").unwrap_err();
    assert_eq!(err, QuietHoursError::InvalidTime { text: "25:00".into() });
    assert!(QuietHours::parse("21.00-08.00").is_err());
    assert!(QuietHours::parse("21:0-08:00").is_err());
}

#[test]
fn display_round_trips_through_parse() {
    assert_eq!(night().to_string(), "21:00-08:00");
    assert_eq!(QuietHours::parse(&night().to_string()).unwrap(), night());
    assert_eq!(QuietHours::none().to_string(), "off");
}

#[test]
fn a_window_wrapping_midnight_includes_its_start_and_excludes_its_end() {
    let q = night();
    assert!(q.contains(t(21, 0)));
    assert!(q.contains(t(23, 59)));
    assert!(q.contains(t(0, 0)));
    assert!(q.contains(t(7, 59)));
    assert!(!q.contains(t(8, 0)));
    assert!(!q.contains(t(12, 0)));
    assert!(!q.contains(t(20, 59)));
}

#[test]
fn a_window_within_one_day_contains_only_its_span() {
    let q = QuietHours::parse("13:00-14:00").unwrap();
    assert!(q.contains(t(13, 30)));
    assert!(!q.contains(t(14, 0)));
    assert!(!q.contains(t(12, 59)));
}

#[test]
fn no_quiet_hours_contain_nothing_and_move_nothing() {
    let q = QuietHours::none();
    assert!(!q.contains(t(0, 0)));
    let at = utc(2026, 11, 20, 2, 0);
    assert_eq!(latest_allowed_at_or_before(at, Berlin, &q), at);
    assert_eq!(next_allowed_at_or_after(at, Berlin, &q), at);
}

#[test]
fn an_allowed_instant_is_left_alone() {
    let noon = utc(2026, 11, 20, 11, 0);
    assert_eq!(latest_allowed_at_or_before(noon, Berlin, &night()), noon);
    assert_eq!(next_allowed_at_or_after(noon, Berlin, &night()), noon);
    let eight = utc(2026, 11, 20, 7, 0); // 08:00 CET, the end is allowed
    assert_eq!(latest_allowed_at_or_before(eight, Berlin, &night()), eight);
}

#[test]
fn a_late_evening_instant_moves_back_to_one_minute_before_quiet_hours() {
    // 23:30 CET -> 20:59 CET the same evening.
    let late = utc(2026, 11, 20, 22, 30);
    assert_eq!(latest_allowed_at_or_before(late, Berlin, &night()), utc(2026, 11, 20, 19, 59));
    // Exactly 21:00 is quiet.
    let start = utc(2026, 11, 20, 20, 0);
    assert_eq!(latest_allowed_at_or_before(start, Berlin, &night()), utc(2026, 11, 20, 19, 59));
}

#[test]
fn an_early_morning_instant_moves_back_to_the_previous_evening() {
    // 06:00 CET on the 21st -> 20:59 CET on the 20th.
    let early = utc(2026, 11, 21, 5, 0);
    assert_eq!(latest_allowed_at_or_before(early, Berlin, &night()), utc(2026, 11, 20, 19, 59));
}

#[test]
fn quiet_hours_are_read_in_the_recipients_zone() {
    // 03:00 UTC is 04:00 in Berlin (quiet) but 22:00 in New York (quiet from 21:00).
    let at = utc(2026, 11, 21, 3, 0);
    assert_eq!(latest_allowed_at_or_before(at, New_York, &night()), utc(2026, 11, 21, 1, 59));
    // 14:00 UTC is 09:00 in New York: allowed there.
    let at = utc(2026, 11, 21, 14, 0);
    assert_eq!(latest_allowed_at_or_before(at, New_York, &night()), at);
}

#[test]
fn across_the_berlin_spring_forward_night_the_evening_is_still_winter_time() {
    // Sun 2026-03-29 07:00 CEST -> Sat 20:59 CET.
    let at = utc(2026, 3, 29, 5, 0);
    assert_eq!(latest_allowed_at_or_before(at, Berlin, &night()), utc(2026, 3, 28, 19, 59));
}

#[test]
fn a_quiet_start_inside_the_gap_begins_at_the_clock_jump() {
    let q = QuietHours::parse("02:30-06:00").unwrap();
    // 04:00 CEST; 02:30 did not exist, quiet began at the 03:00 CEST jump (01:00 UTC).
    let at = utc(2026, 3, 29, 2, 0);
    assert_eq!(latest_allowed_at_or_before(at, Berlin, &q), utc(2026, 3, 29, 0, 59));
}

#[test]
fn an_ambiguous_quiet_start_uses_the_last_occurrence_before_the_instant() {
    let q = QuietHours::parse("02:30-06:00").unwrap();
    // First pass: 02:40 CEST -> 02:29 CEST.
    assert_eq!(latest_allowed_at_or_before(utc(2026, 10, 25, 0, 40), Berlin, &q), utc(2026, 10, 25, 0, 29));
    // Second pass: 02:40 CET; the wall clock read 02:10 CET a moment ago (allowed).
    assert_eq!(latest_allowed_at_or_before(utc(2026, 10, 25, 1, 40), Berlin, &q), utc(2026, 10, 25, 1, 29));
    // 02:10 CET on the second pass is outside 02:30-06:00 on the wall clock.
    let allowed = utc(2026, 10, 25, 1, 10);
    assert_eq!(latest_allowed_at_or_before(allowed, Berlin, &q), allowed);
}

#[test]
fn across_the_new_york_spring_forward_night_the_evening_is_still_standard_time() {
    let q = QuietHours::parse("22:00-07:00").unwrap();
    // Sun 2026-03-08 06:00 EDT -> Sat 21:59 EST (02:59 UTC).
    let at = utc(2026, 3, 8, 10, 0);
    assert_eq!(latest_allowed_at_or_before(at, New_York, &q), utc(2026, 3, 8, 2, 59));
}

#[test]
fn next_allowed_is_the_end_of_quiet_hours_the_next_morning() {
    // 23:30 CET -> 08:00 CET next day; 06:00 CET -> 08:00 CET same day.
    let late = utc(2026, 11, 20, 22, 30);
    assert_eq!(next_allowed_at_or_after(late, Berlin, &night()), utc(2026, 11, 21, 7, 0));
    let early = utc(2026, 11, 21, 5, 0);
    assert_eq!(next_allowed_at_or_after(early, Berlin, &night()), utc(2026, 11, 21, 7, 0));
}

#[test]
fn next_allowed_across_the_berlin_fall_back_night_is_eight_in_winter_time() {
    // Sat 2026-10-24 23:00 CEST -> Sun 08:00 CET (07:00 UTC).
    let at = utc(2026, 10, 24, 21, 0);
    assert_eq!(next_allowed_at_or_after(at, Berlin, &night()), utc(2026, 10, 25, 7, 0));
}

#[test]
fn next_allowed_across_the_new_york_fall_back_night_is_seven_in_standard_time() {
    let q = QuietHours::parse("22:00-07:00").unwrap();
    // Sat 2026-10-31 23:00 EDT (03:00 UTC) -> Sun 07:00 EST (12:00 UTC).
    let at = utc(2026, 11, 1, 3, 0);
    assert_eq!(next_allowed_at_or_after(at, New_York, &q), utc(2026, 11, 1, 12, 0));
}

#[test]
fn a_quiet_end_inside_the_gap_ends_at_the_clock_jump() {
    let q = QuietHours::parse("22:00-02:30").unwrap();
    // 01:30 CET on 2026-03-29 -> 03:00 CEST (01:00 UTC).
    let at = utc(2026, 3, 29, 0, 30);
    assert_eq!(next_allowed_at_or_after(at, Berlin, &q), utc(2026, 3, 29, 1, 0));
}

#[test]
fn an_ambiguous_quiet_end_uses_the_first_occurrence_after_the_instant() {
    let q = QuietHours::parse("22:00-02:30").unwrap();
    // 01:00 CEST -> 02:30 CEST (00:30 UTC).
    let at = utc(2026, 10, 24, 23, 0);
    assert_eq!(next_allowed_at_or_after(at, Berlin, &q), utc(2026, 10, 25, 0, 30));
    // 02:10 CET on the second pass -> 02:30 CET (01:30 UTC).
    let at = utc(2026, 10, 25, 1, 10);
    assert_eq!(next_allowed_at_or_after(at, Berlin, &q), utc(2026, 10, 25, 1, 30));
}
