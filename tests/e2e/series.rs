//! Recurring sessions end to end: `/book ... repeat:` books a series at the same local time
//! across DST changes, leaves out overlaps and DST gaps, and sends one calendar event with an
//! RRULE (and EXDATEs) that a calendar parser reads back.

use crate::common::*;
use chrono::{DateTime, Timelike, Utc};
use chrono_tz::Tz;
use icalendar::parser::{read_calendar, unfold};

/// Mia books a series with Mo; returns the reply text.
async fn book_series(w: &World, user: u64, with: u64, when: &str, extra: &[(&str, &str)]) -> String {
    let with = with.to_string();
    let mut options = vec![("with", with.as_str()), ("when", when)];
    options.extend_from_slice(extra);
    say(w, user, "book", &options).await
}

/// The starts of the sessions of the latest series, by start.
async fn series_starts(w: &World) -> Vec<DateTime<Utc>> {
    sqlx::query_scalar::<_, i64>(
        "SELECT starts_at FROM sessions WHERE series_id = (SELECT MAX(id) FROM series) ORDER BY starts_at",
    )
    .fetch_all(w.store.pool())
    .await
    .unwrap()
    .into_iter()
    .map(|t| DateTime::from_timestamp(t, 0).unwrap())
    .collect()
}

/// A property as a calendar parser reads it: name, parameters, value.
type Prop = (String, Vec<(String, String)>, String);

/// The properties of the file's VEVENT, read by a calendar parser.
fn event_properties(ics: &str) -> Vec<Prop> {
    let unfolded = unfold(ics);
    let calendar = read_calendar(&unfolded).unwrap();
    let event = calendar.components.iter().find(|c| c.name == "VEVENT").expect("an event");
    event
        .properties
        .iter()
        .map(|p| {
            let params = p
                .params
                .iter()
                .map(|q| (q.key.to_string(), q.val.as_ref().map(ToString::to_string).unwrap_or_default()))
                .collect();
            (p.name.to_string(), params, p.val.to_string())
        })
        .collect()
}

fn values_of(props: &[Prop], name: &str) -> Vec<String> {
    props.iter().filter(|p| p.0 == name).map(|p| p.2.clone()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_weekly_series_stays_at_the_same_local_time_across_berlin_and_new_york_dst_changes() {
    let w = paired_world().await;
    // Mia (Berlin): Tuesdays 17:00 across 28 March 2027, when Berlin moves to summer time.
    let text = book_series(&w, MIA, MO, "2027-03-16 17:00", &[("repeat", "weekly"), ("count", "4")]).await;
    assert!(text.contains("4 of 4 sessions booked"), "{text}");
    assert!(text.contains("weekly, Tue 17:00, in Europe/Berlin"), "{text}");
    let berlin: Tz = chrono_tz::Europe::Berlin;
    let starts = series_starts(&w).await;
    assert_eq!(starts.len(), 4);
    assert!(starts.iter().all(|s| s.with_timezone(&berlin).hour() == 17), "{starts:?}");
    assert_eq!(starts[0], utc(2027, 3, 16, 16, 0));
    assert_eq!(starts[2], utc(2027, 3, 30, 15, 0));

    // Mo (New York): Mondays 9:00 across 31 Oct (Berlin) and 7 Nov 2027 (New York) in the fall.
    let text = book_series(&w, MO, MIA, "2027-10-25 9:00", &[("repeat", "weekly"), ("count", "3")]).await;
    assert!(text.contains("3 of 3 sessions booked"), "{text}");
    let new_york: Tz = chrono_tz::America::New_York;
    let starts = series_starts(&w).await;
    assert!(starts.iter().all(|s| s.with_timezone(&new_york).hour() == 9), "{starts:?}");
    assert_eq!(starts[0], utc(2027, 10, 25, 13, 0));
    assert_eq!(starts[2], utc(2027, 11, 8, 14, 0));
    // The reply shows the first times as Discord timestamps.
    assert!(text.contains(&format!("<t:{}:F>", starts[0].timestamp())), "{text}");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_overlapping_occurrence_is_left_out_and_the_calendar_file_carries_rrule_and_exdate() {
    let w = paired_world().await;
    assert!(book(&w, MIA, MO, "2026-12-08 17:30").await.contains("Session #1 booked"));
    let text = book_series(
        &w,
        MIA,
        MO,
        "2026-12-01 17:00",
        &[("repeat", "weekly"), ("count", "4"), ("topic", "Weekly check-in")],
    )
    .await;
    assert!(text.contains("3 of 4 sessions booked"), "{text}");
    assert!(text.contains("Left out (1)") && text.contains("overlaps session #1 of yours"), "{text}");
    assert!(text.contains(&format!("<t:{}:F>", utc(2026, 12, 8, 16, 0).timestamp())), "{text}");
    assert_eq!(count(&w, "sessions").await, 4);

    let dm = dm_containing(&w, MO, "3 sessions booked: a series").await;
    assert!(dm.text().contains("weekly, Tue 17:00") && dm.text().contains("overlaps another session"), "{}", dm.text());
    let ics = dm.attachment_text("series-1.ics").unwrap();
    let props = event_properties(&ics);
    assert_eq!(values_of(&props, "RRULE"), ["FREQ=WEEKLY;COUNT=4"], "{ics}");
    assert_eq!(values_of(&props, "EXDATE"), ["20261208T170000"], "{ics}");
    let exdate = props.iter().find(|p| p.0 == "EXDATE").unwrap();
    assert!(exdate.1.contains(&("TZID".to_owned(), "Europe/Berlin".to_owned())), "{ics}");
    let start = props.iter().find(|p| p.0 == "DTSTART").unwrap();
    assert_eq!(start.2, "20261201T170000");
    assert!(start.1.contains(&("TZID".to_owned(), "Europe/Berlin".to_owned())), "{ics}");
    let uid = &values_of(&props, "UID")[0];
    assert!(uid.starts_with("series-1.") && uid.ends_with("@mentor-bot") && uid.len() > 20, "{uid}");
    // The zone is defined in the file itself; no METHOD without an ORGANIZER.
    let unfolded = unfold(&ics);
    let calendar = read_calendar(&unfolded).unwrap();
    assert!(calendar.components.iter().any(|c| c.name == "VTIMEZONE"), "{ics}");
    assert!(!calendar.properties.iter().any(|p| p.name == "METHOD"), "{ics}");
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_monthly_series_meets_on_the_second_tuesday_of_each_month() {
    let w = paired_world().await;
    let text = book_series(&w, MIA, MO, "2026-12-08 17:00", &[("repeat", "monthly"), ("count", "3")]).await;
    assert!(text.contains("3 of 3 sessions booked") && text.contains("monthly, 2nd Tue 17:00"), "{text}");
    let starts = series_starts(&w).await;
    assert_eq!(starts, [utc(2026, 12, 8, 16, 0), utc(2027, 1, 12, 16, 0), utc(2027, 2, 9, 16, 0)]);
    let dm = dm_containing(&w, MO, "3 sessions booked: a series").await;
    let props = event_properties(&dm.attachment_text("series-1.ics").unwrap());
    assert_eq!(values_of(&props, "RRULE"), ["FREQ=MONTHLY;BYDAY=2TU;COUNT=3"]);
    assert!(values_of(&props, "EXDATE").is_empty());
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_occurrence_in_a_dst_gap_is_left_out_and_listed() {
    let w = paired_world().await;
    // Sundays 02:30 in Berlin; 28 March 2027 02:30 does not exist.
    let text = book_series(&w, MIA, MO, "2027-03-21 2:30", &[("repeat", "weekly"), ("until", "2027-04-04")]).await;
    assert!(text.contains("2 of 3 sessions booked"), "{text}");
    assert!(text.contains("Sun 28 Mar 2027 02:30: that local time does not exist"), "{text}");
    let dm = dm_containing(&w, MO, "2 sessions booked: a series").await;
    let props = event_properties(&dm.attachment_text("series-1.ics").unwrap());
    assert_eq!(values_of(&props, "EXDATE"), ["20270328T023000"]);
    assert_eq!(values_of(&props, "RRULE"), ["FREQ=WEEKLY;COUNT=3"]);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn series_options_that_do_not_fit_are_refused_and_change_nothing() {
    let w = paired_world().await;
    // `count:` outside 2–52 is refused by the command's definition: Discord's client does not send it.
    for (count, why) in [("1", "at least 2"), ("53", "at most 52")] {
        let options = [
            ("with", MO.to_string()),
            ("when", "2026-12-01 17:00".into()),
            ("repeat", "weekly".into()),
            ("count", count.into()),
        ];
        let options: Vec<(&str, &str)> = options.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let refused = w.actor(MIA).slash("book", &options).await.unwrap_err();
        assert!(refused.to_string().contains(why), "{count}: {refused}");
    }
    let cases: &[(&[(&str, &str)], &str)] = &[
        (&[("repeat", "weekly")], "Say how long the series runs"),
        (&[("repeat", "weekly"), ("count", "4"), ("until", "2027-01-31")], "either `count:` or `until:`"),
        (&[("count", "4")], "add `repeat:`"),
        (&[("until", "2027-01-31")], "add `repeat:`"),
        (&[("repeat", "weekly"), ("until", "someday")], "I don't understand `someday`"),
        (&[("repeat", "weekly"), ("until", "2026-11-20")], "in the past"),
        (&[("repeat", "weekly"), ("until", "2026-12-03")], "fewer than two sessions"),
        (&[("repeat", "weekly"), ("until", "2028-12-31")], "at most 52"),
        (&[("repeat", "monthly"), ("count", "24")], "more than 365 days ahead"),
    ];
    for (extra, expected) in cases {
        let text = book_series(&w, MIA, MO, "2026-12-01 17:00", extra).await;
        assert!(text.contains(expected), "{extra:?}: {text}");
    }
    assert_eq!(count(&w, "sessions").await, 0);
    assert_eq!(count(&w, "series").await, 0);
    assert_eq!(dm_count(&w, MO), 1, "only the pairing DM");
    // Only the pair can book a series.
    join(&w, OTTO, "mentee", None).await;
    let text = book_series(&w, OTTO, MO, "2026-12-01 17:00", &[("repeat", "weekly"), ("count", "4")]).await;
    assert!(text.contains("not paired with Mo"), "{text}");
    assert_eq!(count(&w, "series").await, 0);
    assert_clean(&w);
    w.stop().await;
}

/// Whether the series session starting at `start` has pending reminders.
async fn has_reminders(w: &World, start: DateTime<Utc>) -> bool {
    sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM jobs WHERE subject_kind = 'session' AND state = 'pending' AND kind <> 'notice'
           AND subject_id = (SELECT id FROM sessions WHERE series_id = 1 AND starts_at = $1)",
    )
    .bind(start.timestamp())
    .fetch_one(w.store.pool())
    .await
    .unwrap()
        > 0
}

/// How many series top-up jobs are pending.
async fn top_ups(w: &World) -> i64 {
    sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM jobs WHERE kind = 'series_top_up' AND state = 'pending'")
        .fetch_one(w.store.pool())
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_series_plans_reminders_only_for_the_next_two_weeks_and_tops_up_as_they_come_near() {
    let mut w = paired_world().await;
    // 52 Tuesdays 17:00 from 24 Nov 2026; now is Sat 21 Nov.
    let text = book_series(&w, MIA, MO, "tue 17:00", &[("repeat", "weekly"), ("count", "52")]).await;
    assert!(text.contains("52 of 52 sessions booked") && text.contains("… and 47 more"), "{text}");
    let tuesday = |d: u32| if d > 30 { utc(2026, 12, d - 30, 16, 0) } else { utc(2026, 11, d, 16, 0) };
    assert!(has_reminders(&w, tuesday(24)).await && has_reminders(&w, tuesday(31)).await);
    assert!(!has_reminders(&w, tuesday(38)).await, "8 Dec is more than 14 days ahead");
    assert_eq!(top_ups(&w).await, 1);
    let rows = count(&w, "jobs").await;
    assert!(rows < 25, "{rows} job rows for a 52-session series");
    // The top-up for 8 Dec runs on 24 Nov (14 days before), and plans the next one.
    w.set_time(utc(2026, 11, 24, 16, 30)).await.unwrap();
    assert!(has_reminders(&w, tuesday(38)).await && !has_reminders(&w, tuesday(45)).await);
    assert_eq!(top_ups(&w).await, 1);
    // The reminders of a topped-up occurrence arrive as for any session.
    w.run_until(utc(2026, 12, 8, 12, 0)).await.unwrap();
    assert!(has_reminders(&w, tuesday(45)).await && !has_reminders(&w, tuesday(52)).await);
    let agenda = w.sim.dms(MIA).iter().filter(|m| m.text().to_lowercase().contains("agenda")).count();
    assert!(agenda >= 3, "agenda requests for 24 Nov, 1 and 8 Dec: {agenda}");
    assert_eq!(top_ups(&w).await, 1);
    assert_clean(&w);
    w.stop().await;
}

/// Every VEVENT of a calendar file, as property lists.
fn all_events(ics: &str) -> Vec<Vec<Prop>> {
    let unfolded = unfold(ics);
    let calendar = read_calendar(&unfolded).unwrap();
    calendar
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .map(|e| {
            e.properties
                .iter()
                .map(|p| {
                    let params = p
                        .params
                        .iter()
                        .map(|q| (q.key.to_string(), q.val.as_ref().map(ToString::to_string).unwrap_or_default()))
                        .collect();
                    (p.name.to_string(), params, p.val.to_string())
                })
                .collect()
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn moving_one_occurrence_sends_a_recurrence_id_and_cancelling_the_following_ends_the_series() {
    let w = paired_world().await;
    let text = book_series(&w, MIA, MO, "2026-12-01 17:00", &[("repeat", "weekly"), ("count", "6")]).await;
    assert!(text.contains("6 of 6 sessions booked"), "{text}");

    // Session #2 (8 Dec) moves to Wednesday 18:00: an update of that occurrence only.
    let text = say(&w, MIA, "reschedule", &[("session", "#2"), ("when", "2026-12-09 18:00"), ("scope", "this")]).await;
    assert!(text.contains("Session #2 moved"), "{text}");
    let dm = dm_containing(&w, MO, "moved your session").await;
    let events = all_events(&dm.attachment_text("session-2.ics").unwrap());
    assert_eq!(events.len(), 1);
    let uid = &values_of(&events[0], "UID")[0];
    assert!(uid.starts_with("series-1."), "{uid}");
    let recurrence = events[0].iter().find(|p| p.0 == "RECURRENCE-ID").expect("a RECURRENCE-ID");
    assert_eq!(recurrence.2, "20261208T170000");
    assert!(recurrence.1.contains(&("TZID".to_owned(), "Europe/Berlin".to_owned())));
    assert_eq!(values_of(&events[0], "DTSTART"), ["20261209T170000Z"]);

    // Cancelling #4 and the following ones ends the series after #3.
    let text = say(&w, MIA, "cancel", &[("session", "#4"), ("scope", "following"), ("reason", "Holidays")]).await;
    assert!(text.contains("Cancelled 3 sessions of the series"), "{text}");
    let dm = dm_containing(&w, MO, "3 sessions of your series cancelled").await;
    assert!(dm.text().contains("Holidays"), "{}", dm.text());
    let events = all_events(&dm.attachment_text("series-1.ics").unwrap());
    assert_eq!(values_of(&events[0], "RRULE"), ["FREQ=WEEKLY;COUNT=3"]);
    assert_eq!(values_of(&events[0], "STATUS"), ["CONFIRMED"]);
    assert_eq!(events.len(), 2, "the master and the moved #2");
    assert_eq!(values_of(&events[1], "RECURRENCE-ID"), ["20261208T170000"]);
    let booked = sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM sessions WHERE status = 'booked'")
        .fetch_one(w.store.pool())
        .await
        .unwrap();
    assert_eq!(booked, 3);

    // Cancelling the whole series cancels what is left; the calendar event is cancelled.
    let text = say(&w, MO, "cancel", &[("session", "#1"), ("scope", "series")]).await;
    assert!(text.contains("Cancelled 3 sessions of the series"), "{text}");
    let dm = dm_containing(&w, MIA, "3 sessions of your series cancelled").await;
    let events = all_events(&dm.attachment_text("series-1.ics").unwrap());
    assert_eq!(values_of(&events[0], "STATUS"), ["CANCELLED"]);
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_series_scope_on_a_single_session_is_refused_and_changes_nothing() {
    let w = paired_world().await;
    book(&w, MIA, MO, "tomorrow 15:00").await;
    let text = say(&w, MIA, "cancel", &[("session", "#1"), ("scope", "following")]).await;
    assert!(text.contains("not part of a series"), "{text}");
    let text = say(&w, MIA, "reschedule", &[("session", "#1"), ("when", "mon 10:00"), ("scope", "following")]).await;
    assert!(text.contains("not part of a series"), "{text}");
    let status =
        sqlx::query_scalar::<_, String>("SELECT status FROM sessions").fetch_one(w.store.pool()).await.unwrap();
    assert_eq!(status, "booked");
    // Only the pair can touch a series.
    book_series(&w, MIA, MO, "2026-12-01 17:00", &[("repeat", "weekly"), ("count", "3")]).await;
    join(&w, OTTO, "mentee", None).await;
    let text = say(&w, OTTO, "cancel", &[("session", "s2"), ("scope", "series")]).await;
    assert!(text.contains("I don't know that session"), "{text}");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn moving_the_following_sessions_splits_the_series_and_keeps_their_numbers() {
    let w = paired_world().await;
    book_series(&w, MIA, MO, "2026-12-01 17:00", &[("repeat", "weekly"), ("count", "6")]).await;
    let text =
        say(&w, MIA, "reschedule", &[("session", "#3"), ("when", "2026-12-17 18:00"), ("scope", "following")]).await;
    assert!(text.contains("4 sessions of the series moved") && text.contains("weekly, Thu 18:00"), "{text}");
    let rows = sqlx::query_as::<_, (i64, i64, i64)>(
        "SELECT number, starts_at, series_id FROM sessions WHERE status = 'booked' ORDER BY starts_at",
    )
    .fetch_all(w.store.pool())
    .await
    .unwrap();
    let numbers: Vec<i64> = rows.iter().map(|r| r.0).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5, 6], "numbers (and their agendas) stay");
    assert_eq!(rows[2].1, utc(2026, 12, 17, 17, 0).timestamp());
    assert_eq!(rows[5].1, utc(2027, 1, 7, 17, 0).timestamp());
    assert_eq!(rows.iter().filter(|r| r.2 == 2).count(), 4);

    let dm = dm_containing(&w, MO, "4 sessions of your series moved").await;
    let old = all_events(&dm.attachment_text("series-1.ics").unwrap());
    assert_eq!(values_of(&old[0], "RRULE"), ["FREQ=WEEKLY;COUNT=2"]);
    let new = all_events(&dm.attachment_text("series-2.ics").unwrap());
    assert_eq!(values_of(&new[0], "RRULE"), ["FREQ=WEEKLY;COUNT=4"]);
    assert_eq!(values_of(&new[0], "DTSTART"), ["20261217T180000"]);
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sessions_shows_a_series_compactly_besides_its_next_sessions() {
    let w = paired_world().await;
    book(&w, MIA, MO, "tomorrow 15:00").await;
    book_series(&w, MIA, MO, "2026-12-01 17:00", &[("repeat", "every 2 weeks"), ("count", "10")]).await;
    say(&w, MIA, "cancel", &[("session", "#2")]).await;
    let text = say(&w, MIA, "sessions", &[]).await;
    assert!(
        text.contains(&format!("**every 2 weeks, Tue 17:00** (Europe/Berlin) with <@{MO}> · 9 of 10 left")),
        "{text}"
    );
    let (upcoming, rest) = text.split_once("Series").unwrap();
    assert!(upcoming.contains("**#1**") && upcoming.contains("**#3**") && upcoming.contains("**#4**"), "{text}");
    assert!(!upcoming.contains("**#5**"), "only the next two of a series: {text}");
    assert!(rest.contains(&format!("next <t:{}:F>", utc(2026, 12, 15, 16, 0).timestamp())), "{text}");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancelling_one_occurrence_cancels_that_occurrence_in_calendars_and_later_files_exclude_it() {
    let w = paired_world().await;
    book_series(&w, MIA, MO, "2026-12-01 17:00", &[("repeat", "weekly"), ("count", "4")]).await;
    let text = say(&w, MO, "cancel", &[("session", "#2"), ("scope", "this")]).await;
    assert!(text.contains("Cancelled session #2"), "{text}");
    let dm = dm_containing(&w, MIA, "Session #2 cancelled").await;
    let events = all_events(&dm.attachment_text("session-2.ics").unwrap());
    assert_eq!(values_of(&events[0], "RECURRENCE-ID"), ["20261208T170000"]);
    assert_eq!(values_of(&events[0], "STATUS"), ["CANCELLED"]);
    assert!(values_of(&events[0], "UID")[0].starts_with("series-1."));
    // The series' next calendar file leaves the cancelled occurrence out.
    say(&w, MO, "cancel", &[("session", "#4"), ("scope", "following")]).await;
    let dm = dm_containing(&w, MIA, "1 session of your series cancelled").await;
    let events = all_events(&dm.attachment_text("series-1.ics").unwrap());
    assert_eq!(values_of(&events[0], "RRULE"), ["FREQ=WEEKLY;COUNT=3"]);
    assert_eq!(values_of(&events[0], "EXDATE"), ["20261208T170000"]);
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn moving_the_following_sessions_onto_another_session_is_refused_and_changes_nothing() {
    let w = paired_world().await;
    assert!(book(&w, MIA, MO, "2026-12-09 18:00").await.contains("Session #1 booked"));
    book_series(&w, MIA, MO, "2026-12-01 17:00", &[("repeat", "weekly"), ("count", "4")]).await;
    let text =
        say(&w, MIA, "reschedule", &[("session", "#3"), ("when", "2026-12-09 18:30"), ("scope", "following")]).await;
    assert!(text.contains("overlaps session #1"), "{text}");
    assert_eq!(count(&w, "series").await, 1);
    let moved = sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM sessions WHERE series_id = 1 AND status = 'booked'")
        .fetch_one(w.store.pool())
        .await
        .unwrap();
    assert_eq!(moved, 4);
    assert_eq!(series_starts(&w).await[1], utc(2026, 12, 8, 16, 0));
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_occurrence_in_the_repeated_fall_back_hour_takes_the_earlier_instant_and_says_so() {
    let w = paired_world().await;
    // Sundays 02:30 in Berlin; 31 Oct 2027 02:30 happens twice (CEST, then CET).
    let text = book_series(&w, MIA, MO, "2027-10-24 2:30", &[("repeat", "weekly"), ("count", "2")]).await;
    assert!(text.contains("2 of 2 sessions booked"), "{text}");
    let earlier = utc(2027, 10, 31, 0, 30);
    assert_eq!(series_starts(&w).await[1], earlier);
    assert!(text.contains("happen twice") && text.contains(&format!("<t:{}:F>", earlier.timestamp())), "{text}");
    w.stop().await;
}

/// The custom id of the button labelled `label` (exactly, or by prefix).
fn button_of(reply: &discord_sim::Reply, label: &str) -> String {
    let buttons = reply.message().unwrap().buttons();
    buttons
        .iter()
        .find(|b| b.1 == label || b.1.starts_with(label))
        .unwrap_or_else(|| panic!("no {label} button in {buttons:?}"))
        .0
        .clone()
}

/// `/book` (or any command) as Mia, the whole reply.
async fn ask(w: &World, command: &str, options: &[(&str, &str)]) -> discord_sim::Reply {
    let r = w.actor(MIA).slash(command, options).await.unwrap();
    assert!(r.is_ephemeral(), "{}", r.text());
    r
}

/// The start of session number `n`.
async fn start_of(w: &World, n: i64) -> DateTime<Utc> {
    let t = sqlx::query_scalar::<_, i64>("SELECT starts_at FROM sessions WHERE number = $1 AND status = 'booked'")
        .bind(n)
        .fetch_one(w.store.pool())
        .await
        .unwrap();
    DateTime::from_timestamp(t, 0).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_series_outside_the_partners_availability_asks_first_and_says_how_many_fall_outside() {
    let w = paired_world().await;
    // Mo (New York) meets Tuesdays 12:00-13:00. Mia's Tuesdays 18:00 (Berlin) are 12:00 in New York
    // until 14 March 2027, 13:00 after (New York has moved its clocks, Berlin not yet).
    say(&w, MO, "availability set", &[("slots", "tue 12:00-13:00")]).await;
    let with = MO.to_string();
    let options = [("with", with.as_str()), ("when", "2027-03-02 18:00"), ("repeat", "weekly"), ("count", "4")];
    let question = ask(&w, "book", &options).await;
    let text = question.text();
    assert!(text.contains("2 of the 4 sessions of this series") && text.contains("Nothing is booked yet"), "{text}");
    assert!(text.contains("outside Mo's weekly availability"), "{text}");
    assert_eq!((count(&w, "sessions").await, count(&w, "series").await), (0, 0), "nothing stored yet");
    let anyway = button_of(&question, "Book anyway");
    let r = w.actor(MIA).press(question.message().unwrap(), &anyway).await.unwrap();
    assert!(r.text().contains("4 of 4 sessions booked") && r.text().contains("weekly, Tue 18:00"), "{}", r.text());
    assert!(r.message().unwrap().buttons().is_empty());
    assert_eq!(series_starts(&w).await[0], utc(2027, 3, 2, 17, 0));
    dm_containing(&w, MO, "series").await;
    let stale = w.actor(MIA).press_forged(question.message().unwrap(), &anyway).await.unwrap();
    assert!(stale.text().contains("Already done: The series was booked (4 of 4 sessions"), "{}", stale.text());
    assert_eq!(count(&w, "sessions").await, 4, "no second series");
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn show_free_times_for_a_series_starts_it_at_the_time_picked() {
    let w = paired_world().await;
    say(&w, MO, "availability set", &[("slots", "mon 12:00-14:00")]).await;
    let with = MO.to_string();
    let options = [("with", with.as_str()), ("when", "2026-11-24 15:00"), ("repeat", "weekly"), ("count", "3")];
    let question = ask(&w, "book", &options).await;
    assert!(question.text().contains("3 of the 3 sessions"), "{}", question.text());
    let free = w.actor(MIA).press(question.message().unwrap(), &button_of(&question, "Show free times")).await.unwrap();
    assert!(free.text().contains("start the series then"), "{}", free.text());
    assert_eq!(count(&w, "sessions").await, 0);
    let monday = button_of(&free, "Mon 23 Nov 18:00 (Mo: 12:00)");
    let r = w.actor(MIA).press(free.message().unwrap(), &monday).await.unwrap();
    assert!(r.text().contains("3 of 3 sessions booked") && r.text().contains("weekly, Mon 18:00"), "{}", r.text());
    assert_eq!(series_starts(&w).await, [utc(2026, 11, 23, 17, 0), utc(2026, 11, 30, 17, 0), utc(2026, 12, 7, 17, 0)]);
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rescheduling_outside_the_partners_availability_asks_first_for_one_and_for_the_following() {
    let w = paired_world().await;
    // Mo meets Tuesdays 9:00-10:00 New York = 15:00-16:00 Berlin: the series is inside.
    say(&w, MO, "availability set", &[("slots", "tue 09:00-10:00")]).await;
    let text = book_series(&w, MIA, MO, "2026-12-01 15:00", &[("repeat", "weekly"), ("count", "4")]).await;
    assert!(text.contains("4 of 4 sessions booked"), "{text}");

    // One session to a Wednesday: asked first, nothing moves until answered.
    let question = ask(&w, "reschedule", &[("session", "#2"), ("when", "2026-12-09 18:00")]).await;
    let text = question.text();
    assert!(text.contains("Moving session #2 to") && text.contains("Nothing is moved yet"), "{text}");
    assert_eq!(start_of(&w, 2).await, utc(2026, 12, 8, 14, 0));
    let free = w.actor(MIA).press(question.message().unwrap(), &button_of(&question, "Show free times")).await.unwrap();
    assert!(
        free.text().contains("Nothing was moved") && free.text().contains("move the session there"),
        "{}",
        free.text()
    );
    let r = w.actor(MIA).press(free.message().unwrap(), &button_of(&free, "Tue 24 Nov 15:00")).await.unwrap();
    assert!(r.text().contains("Session #2 moved"), "{}", r.text());
    assert_eq!(start_of(&w, 2).await, utc(2026, 11, 24, 14, 0));

    // The following ones to Wednesdays: the question counts them; Book anyway moves them.
    let options = [("session", "#3"), ("when", "2026-12-16 18:00"), ("scope", "following")];
    let question = ask(&w, "reschedule", &options).await;
    let text = question.text();
    assert!(
        text.contains("Moving session #3 and the following ones") && text.contains("2 of the 2 sessions"),
        "{text}"
    );
    assert_eq!(start_of(&w, 3).await, utc(2026, 12, 15, 14, 0));
    let r = w.actor(MIA).press(question.message().unwrap(), &button_of(&question, "Move anyway")).await.unwrap();
    assert!(r.text().contains("2 sessions of the series moved"), "{}", r.text());
    assert_eq!((start_of(&w, 3).await, start_of(&w, 4).await), (utc(2026, 12, 16, 17, 0), utc(2026, 12, 23, 17, 0)));
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn moving_the_following_sessions_respects_away_periods_without_showing_their_notes() {
    let w = paired_world().await;
    book_series(&w, MIA, MO, "2026-12-01 17:00", &[("repeat", "weekly"), ("count", "4")]).await;
    say(&w, MO, "availability away", &[("from", "2026-12-16"), ("to", "2026-12-16"), ("note", "Secret surgery")]).await;
    let before = series_starts(&w).await;
    // The session picked would land in Mo's away day: refused, nothing changes.
    let options = [("session", "#2"), ("when", "2026-12-16 18:00"), ("scope", "following")];
    let text = say(&w, MIA, "reschedule", &options).await;
    assert!(text.contains("Mo is away from") && text.contains("no sessions can be booked then"), "{text}");
    assert!(!text.contains("Secret surgery"), "{text}");
    assert_eq!(count(&w, "series").await, 1, "the series did not split");
    assert_eq!(series_starts(&w).await, before);
    // A later one landing there is left out (cancelled) and listed; the others move.
    let options = [("session", "#2"), ("when", "2026-12-09 18:00"), ("scope", "following")];
    let text = say(&w, MIA, "reschedule", &options).await;
    assert!(
        text.contains("2 sessions of the series moved") && text.contains("Cancelled, could not move (1)"),
        "{text}"
    );
    let away_start = utc(2026, 12, 16, 17, 0).timestamp();
    assert!(text.contains(&format!("<t:{away_start}:F>: Mo is away then")), "{text}");
    assert!(!text.contains("Secret surgery"), "{text}");
    assert_eq!((start_of(&w, 2).await, start_of(&w, 4).await), (utc(2026, 12, 9, 17, 0), utc(2026, 12, 23, 17, 0)));
    let cancelled = sqlx::query_scalar::<_, String>("SELECT status FROM sessions WHERE number = 3")
        .fetch_one(w.store.pool())
        .await
        .unwrap();
    assert_eq!(cancelled, "cancelled");
    assert_clean(&w);
    w.stop().await;
}
