//! Tests for `availability`: reading slot lists, showing them in another zone, free slots
//! (including a DST change in Berlin) and choice labels.

use super::*;
use crate::domain::quiet_hours::QuietHours;
use chrono::{Duration, TimeZone};
use chrono_tz::America::New_York;
use chrono_tz::Europe::Berlin;

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

fn slot(day: Weekday, start: u32, end: u32) -> WeeklySlot {
    WeeklySlot::new(day, start, end).unwrap()
}

fn query<'a>(slots: &'a [WeeklySlot], busy: &'a [Busy], now: DateTime<Utc>) -> FreeSlotQuery<'a> {
    FreeSlotQuery {
        partner_slots: slots,
        partner_zone: Berlin,
        partner_quiet: QuietHours::none(),
        busy,
        duration: Duration::minutes(60),
        now,
        horizon: Duration::days(14),
        limit: 25,
    }
}

#[test]
fn a_slot_list_is_read_with_bare_hours_full_day_names_and_semicolons() {
    let slots = parse_slots("mon 18:00-20:00, thu 12:00-13:30; Saturday 10-12").unwrap();
    assert_eq!(
        slots,
        vec![
            slot(Weekday::Mon, 18 * 60, 20 * 60),
            slot(Weekday::Thu, 12 * 60, 13 * 60 + 30),
            slot(Weekday::Sat, 600, 720)
        ]
    );
    let shown: Vec<String> = slots.iter().map(ToString::to_string).collect();
    assert_eq!(shown, ["Mon 18:00-20:00", "Thu 12:00-13:30", "Sat 10:00-12:00"]);
}

#[test]
fn a_slot_may_end_at_midnight_and_duplicates_are_dropped() {
    let slots = parse_slots("fri 22:00-24:00, fri 22-24").unwrap();
    assert_eq!(slots, vec![slot(Weekday::Fri, 22 * 60, 24 * 60)]);
    assert_eq!(slots[0].to_string(), "Fri 22:00-24:00");
}

#[test]
fn none_clears_the_list() {
    assert_eq!(parse_slots("none").unwrap(), vec![]);
    assert_eq!(parse_slots(" Clear ").unwrap(), vec![]);
}

#[test]
fn an_empty_list_is_refused_with_an_example() {
    let err = parse_slots(" , ").unwrap_err();
    assert_eq!(err, SlotError::Empty);
    assert!(err.to_string().contains("mon 18:00-20:00"));
}

#[test]
fn a_bad_piece_is_named_in_the_error() {
    let err = parse_slots("mon 18:00-20:00, thu noon, sat 10-12").unwrap_err();
    assert_eq!(err, SlotError::Format { piece: "thu noon".into() });
    assert!(err.to_string().contains("`thu noon`"), "{err}");
}

#[test]
fn an_unknown_weekday_is_named_with_its_piece() {
    let err = parse_slots("mon 18-20, mnd 9-10").unwrap_err();
    assert!(err.to_string().contains("`mnd 9-10`: `mnd` is not a weekday"), "{err}");
}

#[test]
fn an_invalid_time_is_named_with_its_piece() {
    let err = parse_slots("tue 25:00-26:00").unwrap_err();
    assert_eq!(err, SlotError::Time { piece: "tue 25:00-26:00".into(), time: "25:00".into() });
    let err = parse_slots("tue 9.30-10").unwrap_err();
    assert!(err.to_string().contains("`9.30` is not a valid time"), "{err}");
}

#[test]
fn an_end_before_the_start_is_refused_with_how_to_split_it() {
    let err = parse_slots("fri 22:00-01:00").unwrap_err();
    assert_eq!(err, SlotError::Order { piece: "fri 22:00-01:00".into() });
    assert!(err.to_string().contains("split"), "{err}");
}

#[test]
fn more_than_the_maximum_number_of_slots_is_refused() {
    let many = vec!["mon 9-10"; MAX_SLOTS + 1].join(", ");
    assert_eq!(parse_slots(&many).unwrap_err(), SlotError::TooMany { count: MAX_SLOTS + 1 });
}

#[test]
fn slots_are_shown_in_the_viewers_zone() {
    let slots = parse_slots("mon 18:00-20:00, sat 00:00-02:00").unwrap();
    let now = utc(2026, 12, 1, 9, 0);
    assert_eq!(show_in_zone(&slots, Berlin, New_York, now), ["Mon 12:00-14:00", "Fri 18:00-20:00"]);
    assert_eq!(show_in_zone(&slots, Berlin, Berlin, now), ["Mon 18:00-20:00", "Sat 00:00-02:00"]);
}

#[test]
fn free_slots_start_every_half_hour_inside_the_partners_slots() {
    let slots = parse_slots("tue 18:00-20:00").unwrap();
    let now = utc(2026, 12, 1, 9, 0); // Tue 1 Dec, 10:00 in Berlin
    let mut q = query(&slots, &[], now);
    q.limit = 4;
    assert_eq!(
        free_slots(&q),
        [utc(2026, 12, 1, 17, 0), utc(2026, 12, 1, 17, 30), utc(2026, 12, 1, 18, 0), utc(2026, 12, 8, 17, 0)]
    );
}

#[test]
fn weekly_slots_keep_their_wall_time_across_the_spring_dst_change() {
    let slots = parse_slots("mon 18:00-19:00").unwrap();
    let q = query(&slots, &[], utc(2027, 3, 20, 12, 0));
    // 18:00 CET is 17:00 UTC before 28 March 2027; 18:00 CEST is 16:00 UTC after it.
    assert_eq!(free_slots(&q), [utc(2027, 3, 22, 17, 0), utc(2027, 3, 29, 16, 0)]);
}

#[test]
fn a_slot_start_in_the_dst_gap_is_skipped() {
    let slots = parse_slots("sun 02:00-04:00").unwrap();
    let mut q = query(&slots, &[], utc(2027, 3, 27, 12, 0));
    q.horizon = Duration::days(2);
    // 02:00 and 02:30 do not exist on 28 March 2027 in Berlin; 03:00 CEST is 01:00 UTC.
    assert_eq!(free_slots(&q), [utc(2027, 3, 28, 1, 0)]);
}

#[test]
fn free_slots_avoid_busy_intervals_of_either_person() {
    let slots = parse_slots("tue 18:00-20:00").unwrap();
    let busy = [(utc(2026, 12, 1, 17, 30), utc(2026, 12, 1, 18, 0))];
    let mut q = query(&slots, &busy, utc(2026, 12, 1, 9, 0));
    q.horizon = Duration::days(1);
    // 17:00 and 17:30 UTC would overlap the busy half hour; 18:00 fits exactly after it.
    assert_eq!(free_slots(&q), [utc(2026, 12, 1, 18, 0)]);
}

#[test]
fn an_away_period_blocks_whole_days() {
    let slots = parse_slots("tue 18:00-19:00").unwrap();
    let away = [(utc(2026, 11, 30, 23, 0), utc(2026, 12, 7, 23, 0))];
    let mut q = query(&slots, &away, utc(2026, 12, 1, 9, 0));
    q.limit = 1;
    assert_eq!(free_slots(&q), [utc(2026, 12, 8, 17, 0)]);
}

#[test]
fn without_slots_any_half_hour_outside_quiet_hours_is_free() {
    let mut q = query(&[], &[], utc(2026, 12, 1, 18, 10)); // 19:10 in Berlin
    q.partner_quiet = QuietHours::parse("21:00-08:00").unwrap();
    q.limit = 5;
    // 19:30 and 20:00 local fit before 21:00 quiet hours begin; then from 08:00 the next day.
    assert_eq!(
        free_slots(&q),
        [
            utc(2026, 12, 1, 18, 30),
            utc(2026, 12, 1, 19, 0),
            utc(2026, 12, 2, 7, 0),
            utc(2026, 12, 2, 7, 30),
            utc(2026, 12, 2, 8, 0)
        ]
    );
}

#[test]
fn quiet_hours_inside_a_slot_are_left_out() {
    let slots = parse_slots("tue 20:00-23:00").unwrap();
    let mut q = query(&slots, &[], utc(2026, 12, 1, 9, 0));
    q.partner_quiet = QuietHours::parse("22:00-07:00").unwrap();
    q.horizon = Duration::days(1);
    assert_eq!(free_slots(&q), [utc(2026, 12, 1, 19, 0), utc(2026, 12, 1, 19, 30), utc(2026, 12, 1, 20, 0)]);
}

#[test]
fn nothing_is_offered_before_now_or_beyond_the_horizon() {
    let slots = parse_slots("tue 09:00-12:00").unwrap();
    let mut q = query(&slots, &[], utc(2026, 12, 1, 9, 45)); // 10:45 in Berlin
    q.horizon = Duration::days(3);
    assert_eq!(free_slots(&q), [utc(2026, 12, 1, 10, 0)]);
}

#[test]
fn within_slots_checks_the_whole_session() {
    let slots = parse_slots("tue 18:00-20:00").unwrap();
    let d = Duration::minutes(60);
    assert!(within_slots(&slots, Berlin, utc(2026, 12, 1, 17, 0), d));
    assert!(within_slots(&slots, Berlin, utc(2026, 12, 1, 18, 0), d));
    assert!(!within_slots(&slots, Berlin, utc(2026, 12, 1, 18, 30), d));
    assert!(!within_slots(&slots, Berlin, utc(2026, 12, 2, 17, 0), d));
    assert!(within_slots(&[], Berlin, utc(2026, 12, 2, 3, 0), d));
}

#[test]
fn a_choice_label_shows_both_wall_times_within_100_characters() {
    let at = utc(2026, 12, 1, 17, 0);
    assert_eq!(choice_label(at, Berlin, "Mo", New_York), "Tue 1 Dec 18:00 (Mo: 12:00)");
    assert_eq!(choice_label(utc(2026, 12, 1, 23, 30), New_York, "Mo", Berlin), "Tue 1 Dec 18:30 (Mo: Wed 00:30)");
    assert!(choice_label(at, Berlin, &"x".repeat(300), New_York).chars().count() <= 100);
}
