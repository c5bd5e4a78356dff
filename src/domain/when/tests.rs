//! Tests for `when`: every accepted form, deadlines, year
//! boundaries, leap days and DST transitions in Berlin and New York.

use super::*;
use chrono::TimeZone;
use chrono_tz::America::New_York;
use chrono_tz::Europe::Berlin;

/// The instant of a local wall-clock time (earlier one if ambiguous).
fn at_local(zone: Tz, y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    zone.with_ymd_and_hms(y, m, d, h, min, 0).earliest().unwrap().with_timezone(&Utc)
}

fn berlin(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    at_local(Berlin, y, m, d, h, min)
}

/// Friday 2026-11-20, 10:00 in Berlin.
fn friday() -> DateTime<Utc> {
    berlin(2026, 11, 20, 10, 0)
}

fn when(input: &str) -> DateTime<Utc> {
    parse_when(input, friday(), Berlin).unwrap().instant
}

fn when_err(input: &str) -> WhenError {
    parse_when(input, friday(), Berlin).unwrap_err()
}

fn deadline(input: &str) -> DateTime<Utc> {
    parse_deadline(input, friday(), Berlin).unwrap().instant
}

#[test]
fn an_iso_date_and_time_is_read_in_the_users_zone() {
    let w = parse_when("2026-11-24 15:00", friday(), Berlin).unwrap();
    assert_eq!(w.instant, Utc.with_ymd_and_hms(2026, 11, 24, 14, 0, 0).unwrap());
    assert_eq!(w.local.to_string(), "2026-11-24 15:00:00");
    assert_eq!(w.zone, Berlin);
    assert_eq!(w.ambiguity, None);
}

#[test]
fn an_iso_date_with_a_t_separator_is_accepted() {
    assert_eq!(when("2026-11-24T15:00"), berlin(2026, 11, 24, 15, 0));
}

#[test]
fn the_same_words_mean_a_different_instant_in_new_york() {
    let w = parse_when("2026-11-24 15:00", friday(), New_York).unwrap();
    assert_eq!(w.instant, Utc.with_ymd_and_hms(2026, 11, 24, 20, 0, 0).unwrap());
}

#[test]
fn dotted_dates_with_four_and_two_digit_years_are_accepted() {
    assert_eq!(when("24.11.2026 15:00"), berlin(2026, 11, 24, 15, 0));
    assert_eq!(when("24.11.26 15:00"), berlin(2026, 11, 24, 15, 0));
}

#[test]
fn a_dotted_date_without_a_year_is_the_next_occurrence() {
    assert_eq!(when("24.11. 15:00"), berlin(2026, 11, 24, 15, 0));
    assert_eq!(when("24.11 15:00"), berlin(2026, 11, 24, 15, 0));
}

#[test]
fn a_year_less_date_of_today_means_today() {
    assert_eq!(when("20.11. 15:00"), berlin(2026, 11, 20, 15, 0));
}

#[test]
fn case_extra_spaces_commas_and_filler_words_are_tolerated() {
    let expected = berlin(2026, 11, 21, 15, 0);
    assert_eq!(when("  TOMORROW    15:00 "), expected);
    assert_eq!(when("Tomorrow, at 15:00"), expected);
    assert_eq!(when("15:00 tomorrow"), expected);
}

#[test]
fn tomorrow_and_today_are_relative_to_the_users_local_date() {
    assert_eq!(when("tomorrow 15:00"), berlin(2026, 11, 21, 15, 0));
    assert_eq!(when("today 17:30"), berlin(2026, 11, 20, 17, 30));
    // 23:30 UTC on the 20th is already the 21st in Berlin.
    let late = Utc.with_ymd_and_hms(2026, 11, 20, 23, 30, 0).unwrap();
    let w = parse_when("tomorrow 9:00", late, Berlin).unwrap();
    assert_eq!(w.instant, berlin(2026, 11, 22, 9, 0));
}

#[test]
fn today_at_a_time_already_passed_is_in_the_past() {
    let err = when_err("today 9:00");
    assert!(matches!(err, WhenError::InPast { .. }));
    assert_eq!(
        err.to_string(),
        "Fri 20 Nov 2026 09:00 CET (UTC+01:00) is in the past. Pick a time in the future, e.g. `tomorrow 15:00`."
    );
}

#[test]
fn a_weekday_means_the_next_such_day_after_today() {
    assert_eq!(when("mon 9:30"), berlin(2026, 11, 23, 9, 30));
    assert_eq!(when("monday 09:30"), berlin(2026, 11, 23, 9, 30));
    assert_eq!(when("thurs 9:30"), berlin(2026, 11, 26, 9, 30));
    assert_eq!(when("sun 9:30"), berlin(2026, 11, 22, 9, 30));
}

#[test]
fn todays_weekday_means_next_week_even_if_the_time_is_still_ahead() {
    assert_eq!(when("fri 15:00"), berlin(2026, 11, 27, 15, 0));
}

#[test]
fn next_before_a_weekday_does_not_skip_a_week() {
    assert_eq!(when("next mon 9:30"), when("mon 9:30"));
    assert_eq!(when("next fri 9:30"), berlin(2026, 11, 27, 9, 30));
}

#[test]
fn in_days_or_weeks_with_a_time_counts_calendar_days() {
    assert_eq!(when("in 2 days 10am"), berlin(2026, 11, 22, 10, 0));
    assert_eq!(when("in 1 week 14:00"), berlin(2026, 11, 27, 14, 0));
    assert_eq!(when("in 1 day at noon"), berlin(2026, 11, 21, 12, 0));
    assert_eq!(when("next week 14:00"), berlin(2026, 11, 27, 14, 0));
}

#[test]
fn in_hours_or_minutes_is_an_exact_duration_from_now() {
    assert_eq!(when("in 3 hours"), friday() + Duration::hours(3));
    assert_eq!(when("in 90 minutes"), friday() + Duration::minutes(90));
    assert_eq!(when("in 3h"), friday() + Duration::hours(3));
    assert_eq!(when("in 45min"), friday() + Duration::minutes(45));
    assert_eq!(when("in an hour"), friday() + Duration::hours(1));
    let w = parse_when("in 3 hours", friday(), Berlin).unwrap();
    assert_eq!(w.local.to_string(), "2026-11-20 13:00:00");
}

#[test]
fn in_three_hours_across_spring_forward_is_three_real_hours() {
    let now = berlin(2026, 3, 29, 1, 30);
    let w = parse_when("in 3 hours", now, Berlin).unwrap();
    assert_eq!(w.instant, now + Duration::hours(3));
    assert_eq!(w.local.to_string(), "2026-03-29 05:30:00");
}

#[test]
fn a_time_alone_means_today_if_still_ahead_else_tomorrow() {
    assert_eq!(when("15:00"), berlin(2026, 11, 20, 15, 0));
    assert_eq!(when("9:00"), berlin(2026, 11, 21, 9, 0));
    assert_eq!(when("3pm"), berlin(2026, 11, 20, 15, 0));
}

#[test]
fn twelve_hour_clock_forms_are_accepted() {
    assert_eq!(when("tomorrow 3pm"), berlin(2026, 11, 21, 15, 0));
    assert_eq!(when("tomorrow 3:30pm"), berlin(2026, 11, 21, 15, 30));
    assert_eq!(when("tomorrow 10am"), berlin(2026, 11, 21, 10, 0));
    assert_eq!(when("tomorrow 3 PM"), berlin(2026, 11, 21, 15, 0));
}

#[test]
fn twelve_am_is_midnight_and_twelve_pm_is_noon() {
    assert_eq!(when("tomorrow 12am"), berlin(2026, 11, 21, 0, 0));
    assert_eq!(when("tomorrow 12pm"), berlin(2026, 11, 21, 12, 0));
    assert_eq!(when("tomorrow 12:30am"), berlin(2026, 11, 21, 0, 30));
}

#[test]
fn noon_and_midnight_are_words_for_12_00_and_00_00() {
    assert_eq!(when("tomorrow noon"), berlin(2026, 11, 21, 12, 0));
    assert_eq!(when("tomorrow midnight"), berlin(2026, 11, 21, 0, 0));
    assert_eq!(when("midnight"), berlin(2026, 11, 21, 0, 0));
}

#[test]
fn the_29th_of_february_needs_a_leap_year() {
    let err = when_err("29.02.2027 10:00");
    assert!(err.to_string().contains("February 2027 has 28 days"), "{err}");
    assert_eq!(when("29.02.2028 10:00"), berlin(2028, 2, 29, 10, 0));
}

#[test]
fn a_year_less_29th_of_february_resolves_only_in_a_leap_year() {
    let in_2027 = berlin(2027, 1, 10, 9, 0);
    let err = parse_when("29.02. 10:00", in_2027, Berlin).unwrap_err();
    assert!(err.to_string().contains("February 2027 has 28 days"), "{err}");
    let in_2028 = berlin(2028, 1, 10, 9, 0);
    let w = parse_when("29.02. 10:00", in_2028, Berlin).unwrap();
    assert_eq!(w.instant, berlin(2028, 2, 29, 10, 0));
}

#[test]
fn tomorrow_on_the_28th_of_february_of_a_leap_year_is_the_leap_day() {
    let now = berlin(2028, 2, 28, 9, 0);
    let w = parse_when("in 1 day 10:00", now, Berlin).unwrap();
    assert_eq!(w.instant, berlin(2028, 2, 29, 10, 0));
}

#[test]
fn a_year_less_date_already_passed_this_year_means_next_year() {
    let december = berlin(2026, 12, 5, 12, 0);
    let w = parse_when("24.11. 15:00", december, Berlin).unwrap();
    assert_eq!(w.instant, berlin(2027, 11, 24, 15, 0));
}

#[test]
fn new_years_eve_late_evening_still_counts_as_today() {
    let now = berlin(2026, 12, 31, 22, 0);
    let w = parse_when("31.12. 23:00", now, Berlin).unwrap();
    assert_eq!(w.instant, berlin(2026, 12, 31, 23, 0));
    let err = parse_when("31.12. 21:00", now, Berlin).unwrap_err();
    assert!(matches!(err, WhenError::InPast { .. }));
}

#[test]
fn dates_after_new_years_eve_roll_into_the_next_year() {
    let now = berlin(2026, 12, 31, 22, 0);
    let in_berlin = |s| parse_when(s, now, Berlin).unwrap().instant;
    assert_eq!(in_berlin("1.1. 10:00"), berlin(2027, 1, 1, 10, 0));
    assert_eq!(in_berlin("tomorrow 10:00"), berlin(2027, 1, 1, 10, 0));
    assert_eq!(in_berlin("mon 10:00"), berlin(2027, 1, 4, 10, 0));
    assert_eq!(in_berlin("9:00"), berlin(2027, 1, 1, 9, 0));
}

#[test]
fn a_time_in_the_berlin_spring_forward_gap_is_rejected() {
    let err = when_err("2027-03-28 02:30");
    assert_eq!(
        err,
        WhenError::Gap {
            local: NaiveDate::from_ymd_opt(2027, 3, 28).unwrap().and_hms_opt(2, 30, 0).unwrap(),
            zone: Berlin,
            next_valid: NaiveDate::from_ymd_opt(2027, 3, 28).unwrap().and_hms_opt(3, 0, 0).unwrap(),
        }
    );
    assert!(err.to_string().contains("try `2027-03-28 03:00`"), "{err}");
}

#[test]
fn a_time_in_the_new_york_spring_forward_gap_is_rejected() {
    let err = parse_when("2027-03-14 2:30am", friday(), New_York).unwrap_err();
    assert!(matches!(err, WhenError::Gap { .. }));
    assert!(err.to_string().contains("America/New_York"), "{err}");
}

#[test]
fn a_bare_time_in_todays_gap_is_rejected_rather_than_moved_to_tomorrow() {
    let early = berlin(2026, 3, 29, 0, 30);
    let err = parse_when("2:30", early, Berlin).unwrap_err();
    assert!(matches!(err, WhenError::Gap { .. }));
}

#[test]
fn an_ambiguous_berlin_time_takes_the_earlier_instant_and_says_so() {
    let now = berlin(2026, 10, 20, 9, 0);
    let w = parse_when("25.10. 02:30", now, Berlin).unwrap();
    assert_eq!(w.instant, Utc.with_ymd_and_hms(2026, 10, 25, 0, 30, 0).unwrap());
    let amb = w.ambiguity.unwrap();
    assert_eq!(amb.chosen, w.instant);
    assert_eq!(amb.other, Utc.with_ymd_and_hms(2026, 10, 25, 1, 30, 0).unwrap());
}

#[test]
fn an_ambiguous_new_york_time_takes_the_earlier_instant() {
    let w = parse_when("2026-11-01 1:30am", berlin(2026, 10, 20, 9, 0), New_York).unwrap();
    assert_eq!(w.instant, Utc.with_ymd_and_hms(2026, 11, 1, 5, 30, 0).unwrap());
    assert!(w.ambiguity.is_some());
}

#[test]
fn a_deadline_date_alone_means_23_59_local_that_day() {
    assert_eq!(deadline("2026-12-01"), berlin(2026, 12, 1, 23, 59));
    assert_eq!(deadline("1.12."), berlin(2026, 12, 1, 23, 59));
    assert_eq!(deadline("tomorrow"), berlin(2026, 11, 21, 23, 59));
    assert_eq!(deadline("today"), berlin(2026, 11, 20, 23, 59));
    assert_eq!(deadline("by fri"), berlin(2026, 11, 27, 23, 59));
    assert_eq!(deadline("in 3 days"), berlin(2026, 11, 23, 23, 59));
    assert_eq!(deadline("next week"), berlin(2026, 11, 27, 23, 59));
    let w = parse_deadline("1.12.", friday(), Berlin).unwrap();
    assert_eq!(w.local.to_string(), "2026-12-01 23:59:00");
}

#[test]
fn a_deadline_with_a_time_or_offset_is_read_like_a_session_time() {
    assert_eq!(deadline("fri 17:00"), berlin(2026, 11, 27, 17, 0));
    assert_eq!(deadline("in 3 hours"), friday() + Duration::hours(3));
    assert_eq!(deadline("15:00"), berlin(2026, 11, 20, 15, 0));
}

#[test]
fn a_deadline_of_today_after_23_59_is_in_the_past() {
    let now = Utc.with_ymd_and_hms(2026, 11, 20, 22, 59, 30).unwrap();
    assert!(matches!(parse_deadline("today", now, Berlin), Err(WhenError::InPast { .. })));
}

#[test]
fn a_deadline_on_fall_back_day_ends_at_23_59_winter_time() {
    let now = berlin(2026, 10, 20, 9, 0);
    let w = parse_deadline("25.10.", now, Berlin).unwrap();
    assert_eq!(w.instant, Utc.with_ymd_and_hms(2026, 10, 25, 22, 59, 0).unwrap());
    let w = parse_deadline("2026-11-01", now, New_York).unwrap();
    assert_eq!(w.instant, Utc.with_ymd_and_hms(2026, 11, 2, 4, 59, 0).unwrap());
}

#[test]
fn an_exact_instant_from_a_suggestion_books_exactly_that_instant() {
    let at = berlin(2026, 11, 24, 18, 0);
    let w = parse_when(&instant_value(at), friday(), New_York).unwrap();
    assert_eq!(w.instant, at);
    assert_eq!(w.local, at_local(New_York, 2026, 11, 24, 12, 0).with_timezone(&New_York).naive_local());
    assert_eq!(w.ambiguity, None);
}

#[test]
fn a_hand_typed_instant_is_validated_like_any_time() {
    for bad in ["@", "@abc", "@12x", "@-60", "@1795356030", "@ 1795356000", "@9999999999999"] {
        let err = parse_when(bad, friday(), Berlin).unwrap_err();
        assert!(matches!(err, WhenError::BadInstant { .. }), "{bad}: {err:?}");
        assert!(err.to_string().contains("pick a time from the list"), "{err}");
    }
    let past = instant_value(berlin(2026, 11, 19, 10, 0));
    assert!(matches!(parse_when(&past, friday(), Berlin).unwrap_err(), WhenError::InPast { .. }));
    let far = instant_value(berlin(2040, 11, 19, 10, 0));
    assert_eq!(parse_when(&far, friday(), Berlin).unwrap_err(), WhenError::TooFar);
}

#[test]
fn a_deadline_does_not_take_an_exact_instant() {
    let err = parse_deadline(&instant_value(berlin(2026, 11, 24, 18, 0)), friday(), Berlin).unwrap_err();
    assert!(matches!(err, WhenError::Unrecognized { .. }), "{err:?}");
}
