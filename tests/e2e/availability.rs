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
    // The answer replaces the question: same message, no buttons left to press twice.
    assert!(matches!(r.kind, discord_sim::ReplyKind::Updated(_)), "{:?}", r.kind);
    assert_eq!(r.message().unwrap().id, ask.message().unwrap().id);
    let text = r.text();
    assert!(text.contains("Session #1 booked") && text.contains("<t:1795528800:F>"), "{text}");
    assert!(r.message().unwrap().buttons().is_empty(), "{:?}", r.message().unwrap().buttons());
    let topic = sqlx::query_scalar::<_, Option<String>>("SELECT topic FROM sessions").fetch_one(w.store.pool()).await;
    assert_eq!(topic.unwrap().as_deref(), Some("Career goals"));
    dm_containing(&w, MO, "Session #1 booked").await;
    // A stale second press (an old client, a double click) books nothing and says what happened.
    let r = w.actor(MIA).press_forged(ask.message().unwrap(), &anyway).await.unwrap();
    let text = r.text();
    assert!(text.contains("Already done: Session #1 was booked for <t:1795528800:F>"), "{text}");
    assert!(r.is_ephemeral());
    assert_eq!(count(&w, "sessions").await, 1);
    assert_clean(&w);
    w.stop().await;
}

/// The free-time buttons of a reply: (custom id, label).
fn slots(reply: &discord_sim::Reply) -> Vec<(String, String)> {
    reply.message().unwrap().buttons().into_iter().filter(|b| b.0.starts_with("avail:slot:")).collect()
}

/// The instant a free-time button books.
fn slot_instant(id: &str) -> i64 {
    id.rsplit(':').next().unwrap().parse().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn show_free_times_offers_bookable_buttons_and_a_press_books_exactly_that_time() {
    let w = paired_world().await;
    let ask = ask_outside(&w).await;
    let r = w.actor(MIA).press(ask.message().unwrap(), &button(&ask, "Show free times")).await.unwrap();
    assert!(matches!(r.kind, discord_sim::ReplyKind::Updated(_)), "{:?}", r.kind);
    assert!(r.text().contains("Nothing was booked") && r.text().contains("Press one to book it"), "{}", r.text());
    let offered = slots(&r);
    assert_eq!(offered.len(), 5, "{offered:?}");
    assert_eq!(offered[0].1, "Mon 23 Nov 18:00 (Mo: 12:00)", "labels in Mia's zone, then Mo's");
    assert!(r.message().unwrap().buttons().iter().all(|b| b.1 != "Book anyway"), "the question is answered");
    assert_eq!(count(&w, "sessions").await, 0, "showing free times books nothing");
    let second = &offered[1];
    let booked = w.actor(MIA).press(r.message().unwrap(), &second.0).await.unwrap();
    let at = slot_instant(&second.0);
    assert_eq!(at, utc(2026, 11, 23, 17, 30).timestamp());
    assert!(booked.text().contains(&format!("Session #1 booked with <@{MO}> on <t:{at}:F>")), "{}", booked.text());
    assert!(booked.message().unwrap().buttons().is_empty());
    let stored = sqlx::query_as::<_, (i64, Option<String>)>("SELECT starts_at, topic FROM sessions")
        .fetch_one(w.store.pool())
        .await
        .unwrap();
    assert_eq!(stored, (at, Some("Career goals".to_owned())), "exactly that instant, with the topic asked for");
    // Another of the old buttons, pressed late, books nothing more.
    let late = w.actor(MIA).press_forged(r.message().unwrap(), &offered[2].0).await.unwrap();
    assert!(late.text().contains("Already done: Session #1 was booked"), "{}", late.text());
    assert_eq!(count(&w, "sessions").await, 1);
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_free_time_taken_meanwhile_is_refused_and_fresh_free_times_are_offered() {
    let w = paired_world().await;
    let ask = ask_outside(&w).await;
    let r = w.actor(MIA).press(ask.message().unwrap(), &button(&ask, "Show free times")).await.unwrap();
    let first = slots(&r).remove(0);
    // Mia books that very time with /book meanwhile (it is inside Mo's availability).
    assert!(book(&w, MIA, MO, &format!("@{}", slot_instant(&first.0))).await.contains("Session #1 booked"));
    let again = w.actor(MIA).press(r.message().unwrap(), &first.0).await.unwrap();
    let text = again.text();
    assert!(text.contains("overlaps session #1 of yours") && text.contains("Nothing was booked"), "{text}");
    let fresh = slots(&again);
    assert!(!fresh.is_empty() && fresh.iter().all(|b| b.0 != first.0), "{fresh:?}");
    assert_eq!(count(&w, "sessions").await, 1);
    // The request is still open: a fresh time books.
    let booked = w.actor(MIA).press(again.message().unwrap(), &fresh[0].0).await.unwrap();
    assert!(booked.text().contains("Session #2 booked"), "{}", booked.text());
    assert_eq!(count(&w, "sessions").await, 2);
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_question_left_for_a_day_expires_and_books_nothing() {
    let w = paired_world().await;
    let ask = ask_outside(&w).await;
    w.clock.set(t0() + chrono::Duration::hours(25));
    let r = w.actor(MIA).press(ask.message().unwrap(), &button(&ask, "Book anyway")).await.unwrap();
    assert!(r.text().contains("This choice has expired") && r.text().contains("nothing was booked"), "{}", r.text());
    assert!(r.message().unwrap().buttons().is_empty());
    assert_eq!(count(&w, "sessions").await, 0);
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_person_who_asked_can_answer_the_question() {
    let w = paired_world().await;
    let ask = ask_outside(&w).await;
    // Mo forges Mia's buttons onto a message of his own (an ephemeral reply he can press on).
    let own = w.actor(MO).slash("availability show", &[]).await.unwrap();
    for label in ["Book anyway", "Show free times"] {
        let r = w.actor(MO).press_forged(own.message().unwrap(), &button(&ask, label)).await.unwrap();
        assert!(r.text().contains("belong to someone else's booking"), "{label}: {}", r.text());
        assert!(!r.text().contains("Career goals") && !r.text().contains("Mon 23 Nov"), "{}", r.text());
    }
    assert_eq!(count(&w, "sessions").await, 0);
    // Mia's question still works.
    let r = w.actor(MIA).press(ask.message().unwrap(), &button(&ask, "Book anyway")).await.unwrap();
    assert!(r.text().contains("Session #1 booked"), "{}", r.text());
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn away_periods_are_listed_with_a_remove_button_only_their_owner_can_use() {
    let w = paired_world().await;
    say(&w, MO, "availability away", &[("from", "2026-11-23"), ("to", "2026-11-25"), ("note", "Family visit")]).await;
    say(&w, MO, "availability away", &[("from", "2026-12-24"), ("to", "2026-12-26")]).await;
    let own = w.actor(MO).slash("availability show", &[]).await.unwrap();
    assert!(own.text().contains("Family visit"), "{}", own.text());
    let removes = own.message().unwrap().buttons();
    let labels: Vec<&str> = removes.iter().map(|b| b.1.as_str()).collect();
    assert_eq!(labels, ["Remove 23 Nov–25 Nov", "Remove 24 Dec–26 Dec"]);
    // Others see when, never the note, and no buttons.
    let seen = w.actor(MIA).slash("availability show", &[("user", &MO.to_string())]).await.unwrap();
    assert!(!seen.text().contains("Family visit") && seen.message().unwrap().buttons().is_empty());
    // Mia cannot remove Mo's away period, even with a forged press.
    let forged = w.actor(MIA).press_forged(seen.message().unwrap(), &removes[0].0).await.unwrap();
    assert!(forged.text().contains("Only the person who is away"), "{}", forged.text());
    assert!(!forged.text().contains("Family visit"));
    assert_eq!(count(&w, "away_periods").await, 2);
    // Mo removes the first: the list updates in place and the days are bookable again.
    let r = w.actor(MO).press(own.message().unwrap(), &removes[0].0).await.unwrap();
    assert!(matches!(r.kind, discord_sim::ReplyKind::Updated(_)), "{:?}", r.kind);
    assert!(r.text().contains("Away period removed") && !r.text().contains("Family visit"), "{}", r.text());
    let left: Vec<String> = r.message().unwrap().buttons().into_iter().map(|b| b.1).collect();
    assert_eq!(left, ["Remove 24 Dec–26 Dec"]);
    assert_eq!(count(&w, "away_periods").await, 1);
    assert!(book(&w, MIA, MO, "2026-11-24 15:00").await.contains("booked"));
    // A second press of the removed one says so.
    let again = w.actor(MO).press_forged(r.message().unwrap(), &removes[0].0).await.unwrap();
    assert!(again.text().contains("already removed"), "{}", again.text());
    assert_eq!(count(&w, "away_periods").await, 1);
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_presses_at_once_book_once() {
    let w = paired_world().await;
    let ask = ask_outside(&w).await;
    let anyway = button(&ask, "Book anyway");
    let message = ask.message().unwrap();
    let (mia1, mia2) = (w.actor(MIA), w.actor(MIA));
    let (a, b) = tokio::join!(mia1.press_forged(message, &anyway), mia2.press_forged(message, &anyway));
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(count(&w, "sessions").await, 1, "{} / {}", a.text(), b.text());
    dm_containing(&w, MO, "Session #1 booked").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(w.sim.dms(MO).iter().filter(|m| m.text().contains("booked")).count(), 1);
    assert_clean(&w);
    w.stop().await;
}
