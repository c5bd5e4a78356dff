//! Tests for `schedule`: field forms, classic day-of-week numbers, and DST
//! behaviour in Berlin and New York (2026: Berlin switches on 29 Mar and
//! 25 Oct, New York on 8 Mar and 1 Nov).

use super::*;
use chrono::{Datelike, Weekday};
use chrono_tz::America::New_York;
use chrono_tz::Europe::Berlin;

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

fn sched(expr: &str, zone: Tz) -> ZonedSchedule {
    ZonedSchedule::parse(expr, zone).unwrap()
}

fn weekdays(s: &ZonedSchedule, from: DateTime<Utc>, n: usize) -> Vec<Weekday> {
    s.next_n(from, n).into_iter().map(|t| t.with_timezone(&s.zone()).weekday()).collect()
}

#[test]
fn monday_nine_stays_nine_local_across_berlin_spring_forward() {
    let s = sched("0 9 * * Mon", Berlin);
    assert_eq!(
        s.next_n(utc(2026, 3, 20, 0, 0), 3),
        vec![utc(2026, 3, 23, 8, 0), utc(2026, 3, 30, 7, 0), utc(2026, 4, 6, 7, 0)]
    );
}

#[test]
fn monday_nine_stays_nine_local_across_berlin_fall_back() {
    let s = sched("0 9 * * Mon", Berlin);
    assert_eq!(s.next_n(utc(2026, 10, 15, 0, 0), 2), vec![utc(2026, 10, 19, 7, 0), utc(2026, 10, 26, 8, 0)]);
}

#[test]
fn monday_nine_stays_nine_local_across_both_new_york_transitions() {
    let s = sched("0 9 * * Mon", New_York);
    assert_eq!(s.next_n(utc(2026, 3, 1, 0, 0), 2), vec![utc(2026, 3, 2, 14, 0), utc(2026, 3, 9, 13, 0)]);
    assert_eq!(s.next_n(utc(2026, 10, 20, 0, 0), 2), vec![utc(2026, 10, 26, 13, 0), utc(2026, 11, 2, 14, 0)]);
}

#[test]
fn a_daily_time_in_the_berlin_gap_fires_at_the_clock_jump_instead_of_skipping() {
    let s = sched("30 2 * * *", Berlin);
    assert_eq!(
        s.next_n(utc(2026, 3, 27, 12, 0), 3),
        // 02:30 CET, then 03:00 CEST (the jump), then 02:30 CEST.
        vec![utc(2026, 3, 28, 1, 30), utc(2026, 3, 29, 1, 0), utc(2026, 3, 30, 0, 30)]
    );
}

#[test]
fn a_daily_time_in_the_new_york_gap_fires_at_the_clock_jump() {
    let s = sched("30 2 * * *", New_York);
    assert_eq!(
        s.next_n(utc(2026, 3, 7, 0, 0), 3),
        vec![utc(2026, 3, 7, 7, 30), utc(2026, 3, 8, 7, 0), utc(2026, 3, 9, 6, 30)]
    );
}

#[test]
fn several_matches_inside_one_gap_fire_once() {
    let s = sched("*/15 2 * * *", Berlin);
    assert_eq!(s.next_n(utc(2026, 3, 28, 23, 0), 2), vec![utc(2026, 3, 29, 1, 0), utc(2026, 3, 30, 0, 0)]);
}

#[test]
fn an_ambiguous_daily_time_fires_once_on_berlin_fall_back_day() {
    let s = sched("30 2 * * *", Berlin);
    assert_eq!(
        s.next_n(utc(2026, 10, 23, 12, 0), 3),
        // 02:30 CEST, 02:30 CEST (the earlier of two), 02:30 CET.
        vec![utc(2026, 10, 24, 0, 30), utc(2026, 10, 25, 0, 30), utc(2026, 10, 26, 1, 30)]
    );
}

#[test]
fn an_ambiguous_daily_time_fires_once_on_new_york_fall_back_day() {
    let s = sched("30 1 * * *", New_York);
    assert_eq!(
        s.next_n(utc(2026, 10, 31, 0, 0), 3),
        vec![utc(2026, 10, 31, 5, 30), utc(2026, 11, 1, 5, 30), utc(2026, 11, 2, 6, 30)]
    );
}

#[test]
fn asking_during_the_repeated_hour_does_not_fire_the_same_wall_time_again() {
    // 02:10 CET on the second pass; 02:30 already fired as CEST.
    let s = sched("30 2 * * *", Berlin);
    assert_eq!(s.next_after(utc(2026, 10, 25, 1, 10)), Some(utc(2026, 10, 26, 1, 30)));
}

#[test]
fn a_half_hourly_schedule_pauses_during_the_repeated_hour() {
    let s = sched("*/30 * * * *", Berlin);
    assert_eq!(
        s.next_n(utc(2026, 10, 25, 0, 0), 3),
        // 02:30 CEST, then 03:00 CET (02:00 and 02:30 CET are repeats), 03:30 CET.
        vec![utc(2026, 10, 25, 0, 30), utc(2026, 10, 25, 2, 0), utc(2026, 10, 25, 2, 30)]
    );
}

#[test]
fn next_after_is_strictly_after() {
    let s = sched("0 9 * * Mon", Berlin);
    let first = utc(2026, 11, 23, 8, 0);
    assert_eq!(s.next_after(first - chrono::Duration::seconds(1)), Some(first));
    assert_eq!(s.next_after(first), Some(utc(2026, 11, 30, 8, 0)));
}

#[test]
fn a_six_field_expression_has_seconds_first() {
    let s = sched("30 0 9 * * Mon", Berlin);
    assert_eq!(s.next_after(utc(2026, 11, 20, 0, 0)), Some(utc(2026, 11, 23, 8, 0) + chrono::Duration::seconds(30)));
}

#[test]
fn a_seven_field_expression_has_a_year_and_can_end() {
    let s = sched("0 0 9 1 1 * 2027", Berlin);
    let only = utc(2027, 1, 1, 8, 0);
    assert_eq!(s.next_n(utc(2026, 11, 20, 0, 0), 5), vec![only]);
    assert_eq!(s.next_after(only), None);
}

#[test]
fn classic_numeric_days_of_week_count_from_sunday_zero() {
    let from = utc(2026, 11, 20, 12, 0); // a Friday
    assert_eq!(weekdays(&sched("0 9 * * 1", Berlin), from, 1), vec![Weekday::Mon]);
    assert_eq!(weekdays(&sched("0 9 * * 0", Berlin), from, 1), vec![Weekday::Sun]);
    assert_eq!(weekdays(&sched("0 9 * * 7", Berlin), from, 1), vec![Weekday::Sun]);
    assert_eq!(
        weekdays(&sched("0 9 * * 1-5", Berlin), from, 5),
        vec![Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri]
    );
    assert_eq!(weekdays(&sched("0 9 * * 5-7", Berlin), from, 3), vec![Weekday::Sat, Weekday::Sun, Weekday::Fri]);
    assert_eq!(weekdays(&sched("0 9 * * 1,3/2", Berlin), from, 3), vec![Weekday::Mon, Weekday::Wed, Weekday::Fri]);
}

#[test]
fn named_days_of_week_are_passed_through() {
    let from = utc(2026, 11, 20, 12, 0);
    assert_eq!(weekdays(&sched("30 17 * * Mon-Fri", Berlin), from, 3), vec![Weekday::Fri, Weekday::Mon, Weekday::Tue]);
}

#[test]
fn a_six_field_numeric_day_of_week_uses_the_cron_crates_numbering() {
    // In the cron crate 1 = Sunday.
    let from = utc(2026, 11, 20, 12, 0);
    assert_eq!(weekdays(&sched("0 0 9 * * 1", Berlin), from, 1), vec![Weekday::Sun]);
}

#[test]
fn a_wrong_field_count_is_rejected_with_the_accepted_forms() {
    let err = ZonedSchedule::parse("0 9 * *", Berlin).unwrap_err();
    assert_eq!(err, ScheduleError::FieldCount { expr: "0 9 * *".into(), count: 4 });
    assert!(err.to_string().contains("needs 5"), "{err}");
    assert!(err.to_string().contains("`0 9 * * Mon`"), "{err}");
    assert!(matches!(ZonedSchedule::parse("   ", Berlin), Err(ScheduleError::FieldCount { count: 0, .. })));
    assert!(matches!(
        ZonedSchedule::parse("0 0 9 * * * 2027 x", Berlin),
        Err(ScheduleError::FieldCount { count: 8, .. })
    ));
}

#[test]
fn the_cron_crates_objection_is_quoted() {
    let err = ZonedSchedule::parse("0 25 * * *", Berlin).unwrap_err();
    assert_eq!(
        err.to_string(),
        "`0 25 * * *` is not a valid schedule: Hours must be less than 23. ('25' specified.) \
         Example: `0 9 * * Mon` = Mondays at 09:00, `30 17 * * Mon-Fri` = weekdays at 17:30."
    );
    let err = ZonedSchedule::parse("0 9 * * Funday", Berlin).unwrap_err();
    assert!(err.to_string().contains("'Funday' is not a valid day of the week."), "{err}");
}

#[test]
fn a_bad_numeric_day_of_week_is_rejected() {
    for expr in ["0 9 * * 8", "0 9 * * 5-2", "0 9 * * 1/0", "0 9 * * Mon,3"] {
        assert!(matches!(ZonedSchedule::parse(expr, Berlin), Err(ScheduleError::DayOfWeek { .. })), "{expr}");
    }
}

#[test]
fn a_schedule_that_never_matches_has_no_next_time() {
    let s = sched("0 9 30 2 *", Berlin);
    assert_eq!(s.next_after(utc(2026, 1, 1, 0, 0)), None);
    assert!(s.next_n(utc(2026, 1, 1, 0, 0), 3).is_empty());
}

#[test]
fn the_expression_and_zone_are_kept_as_given() {
    let s = sched("0  9 * * 1", New_York);
    assert_eq!(s.expr(), "0  9 * * 1");
    assert_eq!(s.zone(), New_York);
}

#[test]
fn a_leap_day_schedule_waits_for_the_next_leap_year() {
    let s = sched("0 9 29 2 *", Berlin);
    assert_eq!(s.next_after(utc(2026, 3, 1, 0, 0)), Some(utc(2028, 2, 29, 8, 0)));
}

#[test]
fn new_years_midnight_is_local_midnight() {
    let s = sched("0 0 1 1 *", Berlin);
    // 2026-12-31 23:30 CET -> 2027-01-01 00:00 CET = 23:00 UTC on the 31st.
    assert_eq!(s.next_after(utc(2026, 12, 31, 22, 30)), Some(utc(2026, 12, 31, 23, 0)));
}

#[test]
fn schedules_firing_more_than_once_within_an_hour_are_refused_and_hourly_ones_pass() {
    for too_often in ["* * * * * *", "* * * * *", "*/30 * * * *", "0,30 9 * * Mon", "0/10 0 9 * * Mon", "0 */5 * * * *"]
    {
        let err = ZonedSchedule::parse_at_most_hourly(too_often, Berlin).unwrap_err();
        assert!(matches!(err, ScheduleError::TooFrequent { .. }), "{too_often}: {err}");
        assert!(err.to_string().contains("at most hourly"), "{err}");
    }
    for fine in ["0 * * * *", "0 9 * * Mon", "15 9,10 * * *", "30 0 * * * *", "0 0 9 * * Mon"] {
        assert!(ZonedSchedule::parse_at_most_hourly(fine, Berlin).is_ok(), "{fine}");
    }
}
