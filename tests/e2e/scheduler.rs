//! The scheduler end to end: every reminder at the right local time to the right person,
//! re-planning on changes, and the weekly nudge with aggregates only.

use crate::common::*;
use chrono::{DateTime, Utc};

/// The DMs `user` got after the first `skip`, as (time, text).
fn dms_after(w: &World, user: u64, skip: usize) -> Vec<(DateTime<Utc>, String)> {
    w.sim.dms(user).into_iter().skip(skip).map(|m| (m.timestamp, m.text())).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_gets_every_reminder_at_the_right_local_time_over_a_fortnight() {
    let mut w = paired_world().await;
    // Tuesday 24 Nov 15:00 Berlin = 14:00 UTC = 09:00 New York.
    book(&w, MIA, MO, "tue 15:00").await;
    let (mia0, mo0) = (dm_count(&w, MIA), dm_count(&w, MO));
    w.run_until(utc(2026, 12, 5, 0, 0)).await.unwrap();

    let mia = dms_after(&w, MIA, mia0);
    let mo = dms_after(&w, MO, mo0);
    let at = |v: &[(DateTime<Utc>, String)], needle: &str| {
        let found = v.iter().find(|(_, t)| t.contains(needle));
        found.unwrap_or_else(|| panic!("no DM with {needle:?}: {v:#?}")).0
    };
    // Mia (Berlin): the day before at 15:00, 3h before at 12:00, follow-up 1h after the end.
    assert_eq!(at(&mia, "Agenda time"), utc(2026, 11, 23, 14, 0));
    assert_eq!(at(&mia, "Agenda still missing"), utc(2026, 11, 24, 11, 0));
    assert_eq!(at(&mia, "How did it go?"), utc(2026, 11, 24, 16, 0));
    assert_eq!(at(&mia, "Nothing recorded yet"), utc(2026, 11, 26, 16, 0));
    // Mo (New York): 3h and 2h before fall at 06:00 and 07:00 his time, inside quiet hours, so
    // both move to 20:59 the evening before; the follow-up is at 11:00 his time.
    assert_eq!(at(&mo, "No agenda yet"), utc(2026, 11, 24, 1, 59));
    assert_eq!(at(&mo, "Prep"), utc(2026, 11, 24, 1, 59));
    assert_eq!(at(&mo, "Thanks for mentoring"), utc(2026, 11, 24, 16, 0));
    assert_eq!(mia.len(), 4, "{mia:#?}");
    assert_eq!(mo.len(), 4, "{mo:#?}");

    let request = w.sim.dms(MIA).into_iter().find(|m| m.text().contains("Agenda time")).unwrap();
    assert!(request.text().contains(&format!("<@{MO}>")) || request.text().contains("@Mo"), "{}", request.text());
    assert_eq!(request.buttons(), vec![("agenda:1".to_owned(), "Submit agenda".to_owned())]);
    let follow_up = w.sim.dms(MIA).into_iter().find(|m| m.text().contains("How did it go?")).unwrap();
    let ids: Vec<String> = follow_up.buttons().into_iter().map(|b| b.0).collect();
    assert_eq!(ids, ["attend:met:1", "attend:missed:1", "attend:moved:1", "notes:1", "action:new:1", "book:next:1"]);
    assert!(follow_up.text().contains("Did the session happen?"), "{}", follow_up.text());
    let mo_follow_up = w.sim.dms(MO).into_iter().find(|m| m.text().contains("Thanks for mentoring")).unwrap();
    assert_eq!(mo_follow_up.buttons()[0], ("attend:met:1".to_owned(), "We met".to_owned()));
    assert_eq!(mo_follow_up.buttons()[3], ("resources:1".to_owned(), "Add resources".to_owned()));
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_weekly_nudge_posts_aggregates_without_names_on_monday_morning() {
    let mut w = paired_world().await;
    say(&w, MIA, "book", &[("with", &MO.to_string()), ("when", "tue 15:00"), ("topic", "Secret career plans")]).await;
    w.run_until(utc(2026, 12, 1, 0, 0)).await.unwrap();
    let posts = w.sim.channel_messages(MENTORING);
    assert_eq!(posts.len(), 2, "{posts:#?}");
    // Mondays 09:00 Berlin = 08:00 UTC.
    assert_eq!(posts[0].timestamp, utc(2026, 11, 23, 8, 0));
    assert_eq!(posts[1].timestamp, utc(2026, 11, 30, 8, 0));
    let first = posts[0].text();
    assert!(first.contains("Booked this week\n1") && first.contains("Sessions held last week\n0"), "{first}");
    let second = posts[1].text();
    // Nobody said whether Tuesday's session happened: not held, unconfirmed.
    for line in ["Sessions held last week\n0", "Unconfirmed last week\n1", "Agendas on time\nno sessions held"] {
        assert!(second.contains(line), "{line:?} in {second}");
    }
    assert!(second.contains("/book") && second.contains("/agenda"), "{second}");
    for post in &posts {
        let text = post.text();
        for private in ["Mia", "Mo", &MIA.to_string(), &MO.to_string(), "Secret"] {
            assert!(!text.contains(private), "channel post leaks {private:?}: {text}");
        }
    }
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rescheduling_replans_and_cancelling_stops_the_reminders() {
    let mut w = paired_world().await;
    book(&w, MIA, MO, "tue 15:00").await;
    book(&w, MIA, MO, "fri 15:00").await;
    say(&w, MIA, "reschedule", &[("session", "#1"), ("when", "wed 15:00")]).await;
    say(&w, MIA, "cancel", &[("session", "#2")]).await;
    let mia0 = dm_count(&w, MIA);
    w.run_until(utc(2026, 11, 30, 0, 0)).await.unwrap();
    let mia = dms_after(&w, MIA, mia0);
    let requests: Vec<_> = mia.iter().filter(|(_, t)| t.contains("Agenda time")).collect();
    assert_eq!(requests.len(), 1, "{mia:#?}");
    assert_eq!(requests[0].0, utc(2026, 11, 24, 14, 0), "the day before Wednesday");
    assert!(mia.iter().all(|(_, t)| !t.contains("session #2")), "{mia:#?}");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_weekly_nudge_stays_at_nine_local_across_dst_in_berlin_and_new_york() {
    // Berlin: clocks go back on Sunday 25 Oct 2026.
    let mut w = world_at(utc(2026, 10, 15, 12, 0)).await;
    setup_program(&w).await;
    w.run_until(utc(2026, 11, 3, 0, 0)).await.unwrap();
    let times: Vec<_> = w.sim.channel_messages(MENTORING).iter().map(|m| m.timestamp).collect();
    assert_eq!(times, [utc(2026, 10, 19, 7, 0), utc(2026, 10, 26, 8, 0), utc(2026, 11, 2, 8, 0)]);
    w.stop().await;

    // New York: clocks go forward on Sunday 8 Mar 2026.
    let mut w = world_at(utc(2026, 2, 25, 12, 0)).await;
    say(&w, ADA, "program setup", &[("channel", &MENTORING.to_string()), ("timezone", "America/New_York")]).await;
    w.run_until(utc(2026, 3, 17, 0, 0)).await.unwrap();
    let times: Vec<_> = w.sim.channel_messages(MENTORING).iter().map(|m| m.timestamp).collect();
    assert_eq!(times, [utc(2026, 3, 2, 14, 0), utc(2026, 3, 9, 13, 0), utc(2026, 3, 16, 13, 0)]);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_day_before_request_keeps_24_real_hours_across_spring_forward() {
    // Berlin springs forward on Sunday 29 Mar 2026; a Sunday 10:00 CEST session (08:00 UTC).
    let mut w = world_at(utc(2026, 3, 20, 9, 0)).await;
    setup_program(&w).await;
    join(&w, MO, "mentor", None).await;
    join(&w, MIA, "mentee", None).await;
    say(&w, ADA, "pair", &[("mentor", &MO.to_string()), ("mentee", &MIA.to_string())]).await;
    book(&w, MIA, MO, "29.03. 10:00").await;
    let mia0 = dm_count(&w, MIA);
    w.run_until(utc(2026, 3, 29, 0, 0)).await.unwrap();
    let mia = dms_after(&w, MIA, mia0);
    let request: Vec<_> = mia.iter().filter(|(_, t)| t.contains("Agenda time")).collect();
    // Saturday 09:00 CET = 08:00 UTC: 24 real hours before, one hour earlier on the clock.
    assert_eq!(request.len(), 1, "{mia:#?}");
    assert_eq!(request[0].0, utc(2026, 3, 28, 8, 0));
    w.stop().await;
}
