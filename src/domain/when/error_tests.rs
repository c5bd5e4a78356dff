//! Tests for `when`: rejected inputs and their user-facing messages.

use super::*;
use chrono::TimeZone;
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

fn when_err(input: &str) -> WhenError {
    parse_when(input, friday(), Berlin).unwrap_err()
}

#[test]
fn a_us_style_slash_date_is_rejected_as_ambiguous() {
    let err = when_err("11/24 15:00");
    assert_eq!(err, WhenError::SlashDate { text: "11/24".into() });
    assert!(err.to_string().contains("`24.11.` or `2026-11-24`"));
}

#[test]
fn a_time_written_with_a_dot_gets_a_colon_hint() {
    let err = when_err("tomorrow 15.00");
    assert_eq!(err, WhenError::DotTime { text: "15.00".into() });
    assert!(err.to_string().contains("e.g. `15:00`"));
}

#[test]
fn a_date_without_a_time_asks_for_a_time() {
    let err = when_err("tomorrow");
    assert_eq!(err, WhenError::MissingTime { date: "tomorrow".into() });
    assert!(err.to_string().contains("add a time, e.g. `tomorrow 15:00`"));
    assert!(matches!(when_err("in 2 days"), WhenError::MissingTime { .. }));
    assert!(matches!(when_err("2026-12-01"), WhenError::MissingTime { .. }));
}

#[test]
fn a_day_beyond_the_end_of_the_month_is_an_invalid_date() {
    let err = when_err("31.02. 10:00");
    assert_eq!(
        err.to_string(),
        "`31.02.` is not a valid date: February has 29 days. Write e.g. `24.11.` or `2026-11-24`."
    );
    assert!(when_err("31.04.2027 10:00").to_string().contains("April has 30 days"));
    assert!(when_err("2027-13-01 10:00").to_string().contains("there is no month 13"));
    assert!(when_err("0.5. 10:00").to_string().contains("May has 31 days"));
}

#[test]
fn invalid_clock_times_explain_the_valid_range() {
    assert!(when_err("tomorrow 25:00").to_string().contains("hours go from 0 to 23"));
    assert!(when_err("tomorrow 13pm").to_string().contains("from 1 to 12"));
    assert!(when_err("tomorrow 0am").to_string().contains("`12am` is midnight"));
    assert!(when_err("tomorrow 12:60").to_string().contains("00 to 59"));
    assert!(when_err("tomorrow 9:5").to_string().contains("two digits"));
}

#[test]
fn twenty_four_hundred_is_rejected_with_a_midnight_hint() {
    let err = when_err("tomorrow 24:00");
    assert_eq!(
        err.to_string(),
        "`24:00` is not a valid time: hours go from 0 to 23 (write `midnight` or `00:00` for the start of a day). Write e.g. `15:00`, `9:30` or `3pm`."
    );
}

#[test]
fn unknown_words_are_named_and_examples_are_listed() {
    let err = when_err("tomorrow teatime");
    assert_eq!(err, WhenError::Unrecognized { text: "teatime".into() });
    assert!(err.to_string().contains("`tomorrow 15:00`, `mon 9:30`"));
    assert!(matches!(when_err("tomorrow 15"), WhenError::Unrecognized { .. }));
}

#[test]
fn a_malformed_relative_phrase_shows_the_relative_forms() {
    let err = when_err("in 3 fortnights");
    assert_eq!(err, WhenError::BadRelative { text: "in 3 fortnights".into() });
    assert!(err.to_string().contains("`in 90 minutes`"));
    assert!(matches!(when_err("in"), WhenError::BadRelative { .. }));
    assert!(matches!(when_err("in lots of days"), WhenError::BadRelative { .. }));
}

#[test]
fn next_must_be_followed_by_a_weekday_or_week() {
    let err = when_err("next year 10:00");
    assert_eq!(err, WhenError::BadNext { text: "next year".into() });
}

#[test]
fn a_relative_offset_cannot_be_combined_with_a_date_or_time() {
    let err = when_err("in 3 hours 15:00");
    assert_eq!(err, WhenError::RelativeWithDateOrTime { relative: "in 3 hours".into(), other: "15:00".into() });
    assert!(matches!(when_err("tomorrow in 3 hours"), WhenError::RelativeWithDateOrTime { .. }));
}

#[test]
fn two_dates_or_two_times_are_rejected() {
    assert_eq!(when_err("tomorrow mon 15:00"), WhenError::TwoDates { first: "tomorrow".into(), second: "mon".into() });
    assert_eq!(when_err("15:00 16:00"), WhenError::TwoTimes { first: "15:00".into(), second: "16:00".into() });
}

#[test]
fn empty_input_asks_for_a_date_and_time() {
    assert_eq!(when_err(""), WhenError::Empty);
    assert_eq!(when_err("  ,  "), WhenError::Empty);
    assert_eq!(when_err("at"), WhenError::Empty);
}

#[test]
fn more_than_ten_years_ahead_is_too_far() {
    assert_eq!(when_err("in 5000 days 10:00"), WhenError::TooFar);
    assert_eq!(when_err("2040-01-01 10:00"), WhenError::TooFar);
    assert_eq!(when_err("in 4000000000 weeks 10:00"), WhenError::TooFar);
}

#[test]
fn a_past_absolute_date_is_rejected() {
    assert!(matches!(when_err("2025-01-01 10:00"), WhenError::InPast { .. }));
}

#[test]
fn a_deadline_rejects_what_a_session_time_rejects() {
    assert!(matches!(parse_deadline("11/24", friday(), Berlin), Err(WhenError::SlashDate { .. })));
    assert!(matches!(parse_deadline("31.02.", friday(), Berlin), Err(WhenError::InvalidDate { .. })));
}
