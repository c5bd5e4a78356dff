//! Availability end to end: /availability set|show|away, and away periods blocking bookings.

use crate::common::*;

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

/// Mo (New York) is available on Mondays 12:00-14:00; Mia (Berlin) asks for Tuesday 24 Nov
/// 15:00 with a topic. Returns the question.
async fn ask_outside(w: &World) -> discord_sim::Reply {
    say(w, MO, "availability set", &[("slots", "mon 12:00-14:00")]).await;
    let options = [("with", MO.to_string()), ("when", "2026-11-24 15:00".into()), ("topic", "Career goals".into())];
    let options: Vec<(&str, &str)> = options.iter().map(|(k, v)| (*k, v.as_str())).collect();
    w.actor(MIA).slash("book", &options).await.unwrap()
}

fn button(reply: &discord_sim::Reply, label: &str) -> String {
    let buttons = reply.message().unwrap().buttons();
    buttons.into_iter().find(|(_, l)| l == label).unwrap_or_else(|| panic!("no {label} button")).0
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn booking_outside_the_partners_availability_asks_first_and_book_anyway_books_it() {
    let w = paired_world().await;
    let ask = ask_outside(&w).await;
    let text = ask.text();
    assert!(ask.is_ephemeral());
    assert!(text.contains("outside Mo's weekly availability") && text.contains("Mon 18:00-20:00"), "{text}");
    assert!(text.contains("Nothing is booked yet"), "{text}");
    assert_eq!(count(&w, "sessions").await, 0, "nothing is stored before the answer");
    assert!(w.sim.dms(MO).iter().all(|m| !m.text().contains("booked")), "Mo is told nothing yet");
    let anyway = button(&ask, "Book anyway");
    let r = w.actor(MIA).press(ask.message().unwrap(), &anyway).await.unwrap();
    let text = full_text(&w, &r, |t| t.contains("booked")).await;
    assert!(text.contains("Session #1 booked") && text.contains("<t:1795528800:F>"), "{text}");
    let topic = sqlx::query_scalar::<_, Option<String>>("SELECT topic FROM sessions").fetch_one(w.store.pool()).await;
    assert_eq!(topic.unwrap().as_deref(), Some("Career goals"));
    dm_containing(&w, MO, "Session #1 booked").await;
    // Pressing again is checked again: the time is taken now.
    let r = w.actor(MIA).press(ask.message().unwrap(), &anyway).await.unwrap();
    let text = full_text(&w, &r, |t| t.contains("overlaps")).await;
    assert!(text.contains("overlaps session #1 of yours"), "{text}");
    assert_eq!(count(&w, "sessions").await, 1);
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn show_free_times_instead_books_nothing() {
    let w = paired_world().await;
    let ask = ask_outside(&w).await;
    let r = w.actor(MIA).press(ask.message().unwrap(), &button(&ask, "Show free times")).await.unwrap();
    let text = full_text(&w, &r, |t| t.contains("Nothing was booked")).await;
    assert!(text.contains("Mon 23 Nov 18:00 (Mo: 12:00)") && text.contains("Nothing was booked"), "{text}");
    assert_eq!(count(&w, "sessions").await, 0);
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn book_anyway_checks_everything_again_when_pressed() {
    let w = paired_world().await;
    let ask = ask_outside(&w).await;
    let anyway = button(&ask, "Book anyway");
    say(&w, MO, "availability away", &[("from", "2026-11-24"), ("to", "2026-11-24")]).await;
    let r = w.actor(MIA).press(ask.message().unwrap(), &anyway).await.unwrap();
    let text = full_text(&w, &r, |t| t.contains("away")).await;
    assert!(text.contains("is away"), "{text}");
    assert_eq!(count(&w, "sessions").await, 0);
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_time_inside_the_partners_availability_is_booked_without_asking() {
    let w = paired_world().await;
    say(&w, MO, "availability set", &[("slots", "mon 12:00-14:00")]).await;
    assert!(book(&w, MIA, MO, "2026-11-23 18:00").await.contains("Session #1 booked"));
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_persons_own_reminders_wait_while_they_are_away_and_catch_up_after() {
    let mut w = paired_world().await;
    book(&w, MIA, MO, "2026-11-24 15:00").await;
    // Mia is away all of Monday 23 Nov (Berlin): until 23:00 UTC.
    say(&w, MIA, "availability away", &[("from", "2026-11-23"), ("to", "2026-11-23")]).await;
    w.run_until(utc(2026, 11, 23, 22, 30)).await.unwrap();
    assert!(w.sim.dms(MIA).iter().all(|m| !m.text().contains("Agenda time")), "nothing while away");
    w.run_until(utc(2026, 11, 24, 0, 0)).await.unwrap();
    dm_containing(&w, MIA, "Agenda time").await;
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_series_leaves_out_the_occurrences_in_an_away_period() {
    let w = paired_world().await;
    say(&w, MO, "availability away", &[("from", "2026-11-30"), ("to", "2026-12-02")]).await;
    let options = [
        ("with", MO.to_string()),
        ("when", "2026-11-24 15:00".into()),
        ("repeat", "weekly".into()),
        ("count", "3".into()),
    ];
    let options: Vec<(&str, &str)> = options.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let text = w.actor(MIA).slash("book", &options).await.unwrap().text();
    assert!(text.contains("2 of 3 sessions booked"), "{text}");
    assert!(text.contains(&format!("<t:{}:F>: Mo is away then", utc(2026, 12, 1, 14, 0).timestamp())), "{text}");
    assert_eq!(count(&w, "sessions").await, 2);
    assert_clean(&w);
    w.stop().await;
}
