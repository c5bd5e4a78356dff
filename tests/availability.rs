//! Availability end to end: /availability set|show|away, and away periods blocking bookings.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

mod common;

use common::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_sets_weekly_slots_and_anyone_sees_them_in_their_own_zone() {
    let w = paired_world().await;
    let text = say(&w, MIA, "availability set", &[("slots", "mon 18:00-20:00, thu 12:00-13:30, sat 10-12")]).await;
    assert!(text.contains("in Europe/Berlin"), "{text}");
    assert!(text.contains("Mon 18:00-20:00\nThu 12:00-13:30\nSat 10:00-12:00"), "{text}");
    // Mo is in New York, six hours behind Berlin in November.
    let text = say(&w, MO, "availability show", &[("user", &MIA.to_string())]).await;
    assert!(text.contains("in your zone America/New_York (set in Europe/Berlin)"), "{text}");
    assert!(text.contains("Mon 12:00-14:00\nThu 06:00-07:30\nSat 04:00-06:00"), "{text}");
    let own = say(&w, MIA, "availability show", &[]).await;
    assert!(own.contains("Your weekly availability, in Europe/Berlin") && own.contains("Mon 18:00-20:00"), "{own}");
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_slot_list_names_the_piece_it_could_not_read_and_changes_nothing() {
    let w = paired_world().await;
    say(&w, MIA, "availability set", &[("slots", "mon 18:00-20:00")]).await;
    let text = say(&w, MIA, "availability set", &[("slots", "tue 9-10, thu noon")]).await;
    assert!(text.contains("`thu noon`") && text.contains("mon 18:00-20:00"), "{text}");
    let text = say(&w, MIA, "availability set", &[("slots", "fri 22:00-01:00")]).await;
    assert!(text.contains("`fri 22:00-01:00`") && text.contains("split"), "{text}");
    let text = say(&w, MIA, "availability set", &[("slots", &hostile(300))]).await;
    assert_quoted_safely(&text);
    assert_eq!(count(&w, "availability_slots").await, 1);
    assert!(say(&w, MIA, "availability show", &[]).await.contains("Mon 18:00-20:00"));
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn setting_slots_replaces_only_the_callers_own_and_none_clears_them() {
    let w = paired_world().await;
    say(&w, MO, "availability set", &[("slots", "wed 9-11")]).await;
    say(&w, MIA, "availability set", &[("slots", "mon 18-20, tue 18-20")]).await;
    say(&w, MIA, "availability set", &[("slots", "sat 10-12")]).await;
    assert_eq!(count(&w, "availability_slots").await, 2, "Mo's slot and Mia's one new slot");
    let text = say(&w, MIA, "availability show", &[("user", &MO.to_string())]).await;
    assert!(text.contains("Wed 15:00-17:00"), "Mo's New York slot in Mia's Berlin zone: {text}");
    assert!(say(&w, MIA, "availability set", &[("slots", "none")]).await.contains("cleared"));
    assert!(say(&w, MIA, "availability show", &[]).await.contains("not set"));
    let text = say(&w, MIA, "availability show", &[("user", &OTTO.to_string())]).await;
    assert!(text.contains("not in this server's mentoring program"), "{text}");
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn weekly_slots_stay_on_the_owners_wall_time_when_only_the_viewers_clocks_change() {
    let w = paired_world().await;
    say(&w, MIA, "availability set", &[("slots", "mon 18:00-20:00")]).await;
    assert!(say(&w, MO, "availability show", &[("user", &MIA.to_string())]).await.contains("Mon 12:00-14:00"));
    // 20 March 2027: New York is on summer time (since 14 March), Berlin not yet (28 March).
    w.clock.set(utc(2027, 3, 20, 12, 0));
    let text = say(&w, MO, "availability show", &[("user", &MIA.to_string())]).await;
    assert!(text.contains("Mon 13:00-15:00"), "{text}");
    // 3 April 2027: both on summer time again, six hours apart.
    w.clock.set(utc(2027, 4, 3, 12, 0));
    assert!(say(&w, MO, "availability show", &[("user", &MIA.to_string())]).await.contains("Mon 12:00-14:00"));
    assert!(say(&w, MIA, "availability show", &[]).await.contains("Mon 18:00-20:00"));
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_away_period_blocks_bookings_and_its_note_stays_private() {
    let w = paired_world().await;
    let text =
        say(&w, MO, "availability away", &[("from", "2026-11-23"), ("to", "2026-11-25"), ("note", "Family visit")])
            .await;
    // Mo's days are New York days: 23 Nov 00:00 EST = 05:00 UTC.
    assert!(text.contains("You are away from <t:1795410000:D>"), "{text}");
    let text = book(&w, MIA, MO, "2026-11-24 15:00").await;
    assert!(text.contains("Mo is away") && text.contains("/availability show"), "{text}");
    let text = book(&w, MO, MIA, "2026-11-24 10:00").await;
    assert!(text.contains("You are away"), "{text}");
    assert_eq!(count(&w, "sessions").await, 0);
    assert!(book(&w, MIA, MO, "2026-11-26 15:00").await.contains("booked"), "after the holiday");
    let seen = say(&w, MIA, "availability show", &[("user", &MO.to_string())]).await;
    assert!(seen.contains("Away:") && !seen.contains("Family visit"), "{seen}");
    assert!(say(&w, MO, "availability show", &[]).await.contains("Family visit"));
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn away_dates_are_validated_with_how_to_fix_them_and_refusals_store_nothing() {
    let w = paired_world().await;
    let text = say(&w, MIA, "availability away", &[("from", "2026-12-10"), ("to", "2026-12-01")]).await;
    assert!(text.contains("`to` is before `from`") && text.contains("from:2026-12-21"), "{text}");
    let text = say(&w, MIA, "availability away", &[("from", "someday"), ("to", "2026-12-01")]).await;
    assert!(text.contains("`from`:") && text.contains("I don't understand"), "{text}");
    let text = say(&w, MIA, "availability away", &[("from", "2026-11-01"), ("to", "2026-12-01")]).await;
    assert!(text.contains("`from`:") && text.contains("in the past"), "{text}");
    let text = say(&w, MIA, "availability away", &[("from", "2026-12-01"), ("to", "2027-12-05")]).await;
    assert!(text.contains("at most 365 days"), "{text}");
    assert_eq!(count(&w, "away_periods").await, 0);
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn going_away_over_a_booked_session_warns_about_it() {
    let w = paired_world().await;
    book_mia(&w, "2026-11-24 15:00").await;
    let text = say(&w, MIA, "availability away", &[("from", "2026-11-24"), ("to", "2026-11-24")]).await;
    assert!(text.contains("1 session booked in that time"), "{text}");
    assert_clean(&w);
    w.stop().await;
}
