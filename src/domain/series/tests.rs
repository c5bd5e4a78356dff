//! Tests for `series`: weekly steps across the Berlin and New York DST changes, the nth
//! weekday of the month (a 5th one meaning the last), DST gaps, the RRULE text, options.

use chrono::{NaiveDate, NaiveDateTime, TimeZone, Timelike};
use chrono_tz::{America::New_York, Europe::Berlin};

use super::*;

fn local(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, min, 0).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn a_weekly_series_keeps_its_local_time_across_the_berlin_spring_change() {
    // Tuesdays 17:00 from 16 March 2027; Berlin moves to CEST on 28 March.
    let occurrences = expand(Repeat::Weekly { weeks: 1 }, local(2027, 3, 16, 17, 0), Berlin, 4);
    let utc: Vec<_> = occurrences.iter().map(|o| o.instant().unwrap()).collect();
    assert_eq!(utc[0], Utc.with_ymd_and_hms(2027, 3, 16, 16, 0, 0).unwrap());
    assert_eq!(utc[1], Utc.with_ymd_and_hms(2027, 3, 23, 16, 0, 0).unwrap());
    assert_eq!(utc[2], Utc.with_ymd_and_hms(2027, 3, 30, 15, 0, 0).unwrap(), "17:00 CEST");
    for o in &occurrences {
        assert_eq!(o.instant().unwrap().with_timezone(&Berlin).hour(), 17);
    }
}

#[test]
fn a_weekly_series_keeps_its_local_time_across_the_new_york_changes() {
    // Mondays 9:00 in New York from 2 Nov 2026 (EST) to spring 2027 (EDT from 14 March).
    let occurrences = expand(Repeat::Weekly { weeks: 1 }, local(2026, 11, 2, 9, 0), New_York, 24);
    assert!(occurrences.iter().all(|o| o.instant().unwrap().with_timezone(&New_York).hour() == 9));
    assert_eq!(occurrences[0].instant().unwrap().hour(), 14);
    assert_eq!(occurrences[23].local, local(2027, 4, 12, 9, 0));
    assert_eq!(occurrences[23].instant().unwrap().hour(), 13);
}

#[test]
fn every_two_and_three_weeks_step_by_fourteen_and_twenty_one_days() {
    let two = expand(Repeat::Weekly { weeks: 2 }, local(2026, 11, 24, 17, 0), Berlin, 3);
    assert_eq!(two[2].local, local(2026, 12, 22, 17, 0));
    let three = expand(Repeat::Weekly { weeks: 3 }, local(2026, 11, 24, 17, 0), Berlin, 3);
    assert_eq!(three[2].local, local(2027, 1, 5, 17, 0));
}

#[test]
fn monthly_means_the_same_weekday_of_the_month() {
    // 8 Dec 2026 is the 2nd Tuesday of December.
    let dates: Vec<_> =
        expand(Repeat::Monthly, local(2026, 12, 8, 17, 0), Berlin, 4).iter().map(|o| o.local.date()).collect();
    assert_eq!(dates, [date(2026, 12, 8), date(2027, 1, 12), date(2027, 2, 9), date(2027, 3, 9)]);
    assert_eq!(Repeat::Monthly.rrule(date(2026, 12, 8)), "FREQ=MONTHLY;BYDAY=2TU");
    assert_eq!(Repeat::Monthly.describe(local(2026, 12, 8, 17, 0)), "monthly, 2nd Tue 17:00");
}

#[test]
fn a_fifth_weekday_means_the_last_one_of_each_month() {
    // 29 Dec 2026 is the 5th (and last) Tuesday; January's last Tuesday is the 26th.
    let dates: Vec<_> =
        expand(Repeat::Monthly, local(2026, 12, 29, 17, 0), Berlin, 3).iter().map(|o| o.local.date()).collect();
    assert_eq!(dates, [date(2026, 12, 29), date(2027, 1, 26), date(2027, 2, 23)]);
    assert_eq!(Repeat::Monthly.rrule(date(2026, 12, 29)), "FREQ=MONTHLY;BYDAY=-1TU");
}

#[test]
fn an_occurrence_in_a_dst_gap_has_no_instant() {
    // Sundays 02:30 in Berlin; 28 March 2027 02:30 does not exist.
    let occurrences = expand(Repeat::Weekly { weeks: 1 }, local(2027, 3, 21, 2, 30), Berlin, 3);
    assert!(occurrences[0].instant().is_some());
    assert!(matches!(occurrences[1].resolved, Err(LocalTimeError::Gap { .. })));
    assert!(occurrences[2].instant().is_some());
}

#[test]
fn the_rrule_names_the_interval() {
    assert_eq!(Repeat::Weekly { weeks: 1 }.rrule(date(2026, 11, 24)), "FREQ=WEEKLY");
    assert_eq!(Repeat::Weekly { weeks: 2 }.rrule(date(2026, 11, 24)), "FREQ=WEEKLY;INTERVAL=2");
    assert_eq!(Repeat::Weekly { weeks: 2 }.describe(local(2026, 11, 24, 17, 0)), "every 2 weeks, Tue 17:00");
}

#[test]
fn the_offered_choices_parse_and_round_trip() {
    for choice in CHOICES {
        assert_eq!(Repeat::parse(choice).unwrap().as_str(), choice);
    }
    assert_eq!(Repeat::parse(" Every  2 Weeks ").unwrap(), Repeat::Weekly { weeks: 2 });
    assert_eq!(Repeat::parse("daily"), Err(SeriesError::UnknownRepeat));
}

#[test]
fn counts_outside_two_to_fifty_two_are_refused() {
    assert_eq!(check_count(1), Err(SeriesError::CountOutOfRange { given: 1 }));
    assert_eq!(check_count(53), Err(SeriesError::CountOutOfRange { given: 53 }));
    assert_eq!(check_count(2), Ok(2));
    assert_eq!(check_count(52), Ok(52));
}

#[test]
fn until_counts_the_occurrences_on_or_before_its_date() {
    let weekly = Repeat::Weekly { weeks: 1 };
    assert_eq!(count_until(weekly, date(2026, 11, 24), date(2026, 12, 15)), 4);
    assert_eq!(count_until(weekly, date(2026, 11, 24), date(2026, 11, 30)), 1);
    assert_eq!(count_until(weekly, date(2026, 11, 24), date(2030, 1, 1)), MAX_COUNT + 1);
}

#[test]
fn one_session_is_singular() {
    assert_eq!(sessions_count(1), "1 session");
    assert_eq!(sessions_count(3), "3 sessions");
}
