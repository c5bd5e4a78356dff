//! Ended relationships: after `/unpair` or `/leave`, the pair's content stays readable to them but
//! can no longer change (from commands or from the buttons of old DMs), and no reminder about it
//! reaches anyone; only the notice about the ending itself is sent.

use crate::common::*;
use discord_sim::Message;
use mentor_bot::domain::ids::GuildId;

/// The start of the refusal when Mia changes something of her pairing with Mo.
const ENDED_WITH_MO: &str = "Your pairing with Mo has ended";
/// The start of the refusal when Mo changes something of his pairing with Mia.
const ENDED_WITH_MIA: &str = "Your pairing with Mia has ended";

/// What a pair has built before it ends, and the DMs whose buttons are pressed afterwards.
struct Before {
    /// Session #1 (Tue 24 Nov, held), `s<id>`.
    held: String,
    /// Session #2 (Fri 27 Nov, upcoming), `s<id>`.
    upcoming: String,
    /// The follow-up DM of session #1 to Mia.
    follow_up: Message,
    /// The deadline reminder of A1 to Mia.
    reminder: Message,
}

fn dm_with(w: &World, user: u64, needle: &str) -> Message {
    let dms = w.sim.dms(user);
    dms.iter().rev().find(|m| m.text().contains(needle)).cloned().unwrap_or_else(|| panic!("no DM with {needle:?}"))
}

/// Mo and Mia hold session #1, book #2, have a goal and two open items (A1 Mia's, due Wed 25 Nov
/// 18:00 Berlin, reminded already; A2 Mo's, due Sat 28 Nov); the clock is Tue 24 Nov 17:30 UTC.
async fn a_pair_with_history() -> (World, Before) {
    let mut w = paired_world().await;
    let held = book_mia(&w, "tue 15:00").await;
    let r =
        say(&w, MIA, "goal add", &[("why", "It matters"), ("measure", "Progress shows"), ("title", "Ship a Rust CLI")])
            .await;
    assert!(r.contains("Goal added"), "{r}");
    let r = say(
        &w,
        MIA,
        "action add",
        &[("success", "It is done"), ("title", "Draft the case"), ("owner", "me"), ("deadline", "25.11. 18:00")],
    )
    .await;
    assert!(r.contains("A1 added"), "{r}");
    let r = say(
        &w,
        MIA,
        "action add",
        &[("success", "It is done"), ("title", "Review the case"), ("owner", "partner"), ("deadline", "28.11.")],
    )
    .await;
    assert!(r.contains("A2 added"), "{r}");
    w.run_until(utc(2026, 11, 24, 17, 30)).await.unwrap();
    let follow_up = dm_with(&w, MIA, "How did it go?");
    let reminder = dm_with(&w, MIA, "due soon");
    assert!(reminder.text().contains("Draft the case"), "{}", reminder.text());
    let upcoming = book_mia(&w, "fri 15:00").await;
    (w, Before { held, upcoming, follow_up, reminder })
}

/// Rows of every table a change to the pair's content would touch.
async fn content_rows(w: &World) -> Vec<i64> {
    let mut rows = Vec::new();
    for table in [
        "action_items",
        "action_events",
        "session_notes",
        "agendas",
        "agenda_topics",
        "goals",
        "goal_updates",
        "reviews",
    ] {
        rows.push(count(w, table).await);
    }
    rows
}

async fn status_of(w: &World, action: i64) -> String {
    sqlx::query_scalar::<_, String>("SELECT status FROM action_items WHERE id = $1")
        .bind(action)
        .fetch_one(w.store.pool())
        .await
        .unwrap()
}

/// A DM button pressed by `user`: its answer's text, checked to be private.
async fn press(w: &World, user: u64, message: &Message, button: &str) -> discord_sim::Reply {
    let r = w.sim.actor(user).in_dm().press(message, button).await.unwrap();
    assert!(r.modal().is_err(), "{button} opened a form");
    assert!(r.is_ephemeral(), "{button}: {}", r.text());
    r
}

/// The texts of the DMs `user` got after the first `seen`.
fn new_dms(w: &World, user: u64, seen: usize) -> Vec<String> {
    w.sim.dms(user).iter().skip(seen).map(Message::text).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_unpair_adding_completing_noting_writing_an_agenda_or_a_goal_is_refused_and_changes_nothing() {
    let (w, before) = a_pair_with_history().await;
    confirmed(&w, ADA, "unpair", &[("mentor", &MO.to_string()), ("mentee", &MIA.to_string())]).await;
    dm_containing(&w, MIA, "Pairing ended").await;
    let rows = content_rows(&w).await;

    let r = say(
        &w,
        MIA,
        "action add",
        &[("success", "It is done"), ("title", "One more"), ("owner", "me"), ("deadline", "fri")],
    )
    .await;
    assert!(r.contains(ENDED_WITH_MO) && r.contains("can no longer be changed"), "{r}");
    assert!(r.contains("/action list") && r.contains("/sessions"), "says how to read it: {r}");
    let r = say(
        &w,
        MO,
        "action add",
        &[("success", "It is done"), ("title", "One more"), ("owner", "partner"), ("deadline", "fri")],
    )
    .await;
    assert!(r.contains(ENDED_WITH_MIA), "{r}");
    for button in ["action:done:1", "action:later:1", "action:blocked:1"] {
        let r = press(&w, MIA, &before.reminder, button).await;
        assert!(r.text().contains(ENDED_WITH_MO), "{button}: {}", r.text());
    }
    assert!(say(&w, MIA, "action done", &[("item", "A1")]).await.contains(ENDED_WITH_MO));
    assert!(say(&w, MO, "action done", &[("item", "i2")]).await.contains(ENDED_WITH_MIA));
    let r = say(&w, MO, "action update", &[("item", "A2"), ("deadline", "sun")]).await;
    assert!(r.contains(ENDED_WITH_MIA), "{r}");
    assert_eq!(status_of(&w, 1).await, "open");

    for button in ["notes:1", "action:new:1", "book:next:1"] {
        let r = press(&w, MIA, &before.follow_up, button).await;
        assert!(r.text().contains(ENDED_WITH_MO), "{button}: {}", r.text());
    }
    assert!(say(&w, MO, "notes", &[("session", &before.held)]).await.contains(ENDED_WITH_MIA));
    assert!(say(&w, MIA, "agenda edit", &[("session", &before.upcoming)]).await.contains(ENDED_WITH_MO));
    assert!(say(&w, MO, "agenda topic", &[("session", &before.upcoming)]).await.contains(ENDED_WITH_MIA));
    assert!(say(
        &w,
        MIA,
        "goal add",
        &[("why", "It matters"), ("measure", "Progress shows"), ("title", "Another goal")]
    )
    .await
    .contains(ENDED_WITH_MO));
    let r = say(&w, MO, "goal progress", &[("goal", "g1"), ("percent", "50")]).await;
    assert!(r.contains(ENDED_WITH_MIA), "{r}");
    assert!(say(&w, MIA, "review midpoint", &[]).await.contains(ENDED_WITH_MO));
    assert!(say(&w, MIA, "book", &[("with", &MO.to_string()), ("when", "mon 15:00")]).await.contains(ENDED_WITH_MO));

    assert_eq!(content_rows(&w).await, rows, "nothing changed");
    assert_eq!(count(&w, "sessions").await, 2);
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_unpair_the_pair_still_reads_their_actions_sessions_goals_and_summaries() {
    let (w, before) = a_pair_with_history().await;
    confirmed(&w, ADA, "unpair", &[("mentor", &MO.to_string()), ("mentee", &MIA.to_string())]).await;
    for user in [MIA, MO] {
        let r = say(&w, user, "action list", &[]).await;
        assert!(r.contains("A1 · Draft the case") && r.contains("A2 · Review the case"), "{r}");
        let r = say(&w, user, "sessions", &[]).await;
        assert!(r.contains("**#1**") && r.contains("**#2**") && r.contains("cancelled"), "{r}");
        let r = say(&w, user, "goal list", &[]).await;
        assert!(r.contains("Ship a Rust CLI"), "{r}");
        let r = w.actor(user).slash("session summary", &[("session", &before.held)]).await.unwrap();
        assert!(r.is_ephemeral() && !r.text().contains("has ended"), "{}", r.text());
        let r = say(&w, user, "agenda view", &[("session", &before.upcoming)]).await;
        assert!(!r.contains("has ended"), "{r}");
    }
    let r = say(&w, MO, "action list", &[("with", &MIA.to_string())]).await;
    assert!(r.contains("A2 · Review the case"), "{r}");
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_unpair_autocomplete_offers_items_of_the_ended_pairing_only_for_reading() {
    let (w, _) = a_pair_with_history().await;
    confirmed(&w, ADA, "unpair", &[("mentor", &MO.to_string()), ("mentee", &MIA.to_string())]).await;
    let mia = w.actor(MIA);
    assert!(mia.autocomplete("action done", &[("item", "")], "item").await.unwrap().is_empty());
    assert!(mia.autocomplete("notes", &[("session", "")], "session").await.unwrap().is_empty());
    assert!(mia.autocomplete("goal progress", &[("goal", ""), ("percent", "1")], "goal").await.unwrap().is_empty());
    assert!(mia.autocomplete("reschedule", &[("session", "")], "session").await.unwrap().is_empty());
    let choices = mia.autocomplete("session summary", &[("session", "")], "session").await.unwrap();
    assert!(choices.iter().any(|c| c.0.starts_with("#1 with Mo")), "{choices:?}");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_unpair_no_deadline_overdue_or_session_reminder_reaches_either_person() {
    let (mut w, _) = a_pair_with_history().await;
    confirmed(&w, ADA, "unpair", &[("mentor", &MO.to_string()), ("mentee", &MIA.to_string())]).await;
    let ended = dm_containing(&w, MO, "Pairing ended").await;
    assert!(ended.text().contains(&format!("<@{MIA}>")), "{}", ended.text());
    dm_containing(&w, MIA, "Pairing ended").await;
    let seen = (w.sim.dms(MIA).len(), w.sim.dms(MO).len());
    let pending = w.store.pending_jobs(GuildId(GUILD)).await.unwrap();
    assert!(pending.iter().all(|j| j.recipient.is_none()), "only channel posts are left: {pending:#?}");

    // Past A1's overdue morning, A2's reminder and deadline, #2's agenda request and start, and
    // the second follow-up of #1.
    w.run_until(utc(2026, 12, 6, 0, 0)).await.unwrap();
    assert_eq!(new_dms(&w, MIA, seen.0), Vec::<String>::new());
    assert_eq!(new_dms(&w, MO, seen.1), Vec::<String>::new());
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_leave_the_partner_reads_but_changes_nothing_and_no_reminder_reaches_either_person() {
    let (mut w, before) = a_pair_with_history().await;
    let r = confirmed(&w, MIA, "leave", &[]).await;
    assert!(r.contains("Ended pairings: 1"), "{r}");
    let ended = dm_containing(&w, MO, "Pairing ended").await;
    assert!(ended.text().contains("left the mentoring program"), "{}", ended.text());
    let rows = content_rows(&w).await;
    let pending = w.store.pending_jobs(GuildId(GUILD)).await.unwrap();
    assert!(pending.iter().all(|j| j.recipient.is_none()), "only channel posts are left: {pending:#?}");

    // Mo, who stayed: every change is refused, reading works.
    let r = say(
        &w,
        MO,
        "action add",
        &[("success", "It is done"), ("title", "One more"), ("owner", "me"), ("deadline", "fri")],
    )
    .await;
    assert!(r.contains(ENDED_WITH_MIA), "{r}");
    assert!(say(&w, MO, "action done", &[("item", "A2")]).await.contains(ENDED_WITH_MIA));
    assert!(say(&w, MO, "notes", &[("session", &before.held)]).await.contains(ENDED_WITH_MIA));
    assert!(say(&w, MO, "agenda topic", &[("session", &before.upcoming)]).await.contains(ENDED_WITH_MIA));
    assert!(say(
        &w,
        MO,
        "goal add",
        &[("why", "It matters"), ("measure", "Progress shows"), ("title", "Another goal")]
    )
    .await
    .contains(ENDED_WITH_MIA));
    let r = say(&w, MO, "action list", &[]).await;
    assert!(r.contains("A1 · Draft the case") && r.contains("A2 · Review the case"), "{r}");
    assert!(say(&w, MO, "sessions", &[]).await.contains("**#1**"));
    assert!(say(&w, MO, "goal list", &[]).await.contains("Ship a Rust CLI"));
    // Mia, who left: her old DM's buttons change nothing either.
    let r = press(&w, MIA, &before.reminder, "action:done:1").await;
    assert!(r.text().contains("/join"), "{}", r.text());
    assert_eq!(status_of(&w, 1).await, "open");
    assert_eq!(content_rows(&w).await, rows, "nothing changed");

    let seen = (w.sim.dms(MIA).len(), w.sim.dms(MO).len());
    w.run_until(utc(2026, 12, 6, 0, 0)).await.unwrap();
    assert_eq!(new_dms(&w, MIA, seen.0), Vec::<String>::new());
    assert_eq!(new_dms(&w, MO, seen.1), Vec::<String>::new());
    assert_clean(&w);
    w.stop().await;
}
