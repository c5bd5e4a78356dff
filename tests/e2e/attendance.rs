//! "Did the session happen?" end to end: the follow-up's attendance buttons, the conflict rule,
//! unconfirmed sessions, private ratings, notes and missed sessions, the counts in `/program
//! status` and the weekly nudge, stale pairs, and presses by people who may not press.

use crate::common::*;
use discord_sim::{Message, Reply};

/// Tuesday 24 Nov: Mia's 15:00 session (Berlin) has ended and both follow-ups are out.
fn after_tuesday() -> chrono::DateTime<chrono::Utc> {
    utc(2026, 11, 24, 16, 1)
}

fn follow_up(w: &World, user: u64, session: i64) -> Message {
    let id = format!("attend:met:{session}");
    w.sim
        .dms(user)
        .into_iter()
        .rev()
        .find(|m| m.buttons().iter().any(|b| b.0 == id))
        .unwrap_or_else(|| panic!("no follow-up about session {session} to {user}: {:#?}", w.sim.dms(user)))
}

/// A press on a DM: the answer, checked to be private and not a form.
async fn press(w: &World, user: u64, message: &Message, button: &str) -> Reply {
    let r = w.sim.actor(user).in_dm().press(message, button).await.unwrap();
    assert!(r.modal().is_err(), "{button} opened a form");
    // Private: an ephemeral answer, or the DM itself updated.
    assert!(r.is_ephemeral() || r.message().is_ok_and(|m| m.id == message.id), "{button}: {}", r.text());
    r
}

async fn attendance(w: &World, session: i64) -> Option<String> {
    sqlx::query_scalar::<_, Option<String>>("SELECT attendance FROM sessions WHERE id = $1")
        .bind(session)
        .fetch_one(w.store.pool())
        .await
        .unwrap()
}

async fn ratings(w: &World) -> Vec<(i64, i64, Option<i64>)> {
    sqlx::query_as::<_, (i64, i64, Option<i64>)>(
        "SELECT session_id, user_id, rating FROM session_answers ORDER BY session_id, user_id",
    )
    .fetch_all(w.store.pool())
    .await
    .unwrap()
}

/// Otto (mentee) and Leo (mentor) join and are paired: a second pair.
async fn second_pair(w: &World) {
    join(w, LEO, "mentor", None).await;
    join(w, OTTO, "mentee", None).await;
    let r = w.actor(ADA).slash("pair", &[("mentor", &LEO.to_string()), ("mentee", &OTTO.to_string())]).await.unwrap();
    assert!(r.text().contains("Paired"), "{}", r.text());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_we_met_counts_the_session_held_even_when_the_other_says_it_did_not_happen() {
    let mut w = paired_world().await;
    book_mia(&w, "tue 15:00").await;
    w.run_until(after_tuesday()).await.unwrap();
    let (mia_dm, mo_dm) = (follow_up(&w, MIA, 1), follow_up(&w, MO, 1));
    for dm in [&mia_dm, &mo_dm] {
        assert!(dm.text().contains("Did the session happen?"), "{}", dm.text());
        let ids: Vec<String> = dm.buttons().into_iter().map(|b| b.0).collect();
        for id in ["attend:met:1", "attend:missed:1", "attend:moved:1", "notes:1"] {
            assert!(ids.iter().any(|i| i == id), "{id} in {ids:?}");
        }
    }

    let r = press(&w, MO, &mo_dm, "attend:missed:1").await;
    assert!(r.text().contains("didn't happen") && r.text().contains("Book again"), "{}", r.text());
    let buttons = r.message().unwrap().buttons();
    assert!(buttons.iter().any(|b| b.0 == "book:next:1" && b.1 == "Another time…"), "{buttons:?}");
    assert!(buttons.iter().any(|b| b.0.starts_with("avail:slot:")), "free times to book again: {buttons:?}");
    assert_eq!(attendance(&w, 1).await.as_deref(), Some("missed"));

    let r = press(&w, MIA, &mia_dm, "attend:met:1").await;
    assert!(r.text().contains("counts as held"), "{}", r.text());
    let rates: Vec<String> =
        r.message().unwrap().buttons().into_iter().map(|b| b.0).filter(|id| id.starts_with("rate:")).collect();
    assert_eq!(rates, ["rate:1:1", "rate:2:1", "rate:3:1", "rate:4:1", "rate:5:1"]);
    assert_eq!(attendance(&w, 1).await.as_deref(), Some("held"));

    // Mo insisting (from an old copy of the message: his button is disabled) changes nothing.
    let r = w.sim.actor(MO).in_dm().press_forged(&mo_dm, "attend:missed:1").await.unwrap();
    assert!(r.text().contains("still counts as held") && r.text().contains(&format!("<@{MIA}>")), "{}", r.text());
    assert_eq!(attendance(&w, 1).await.as_deref(), Some("held"));
    // The answer that came last was Mo's; the second follow-up does not ask again.
    w.run_until(utc(2026, 11, 27, 0, 0)).await.unwrap();
    let again = w.sim.dms(MIA).into_iter().rfind(|m| m.text().contains("Nothing recorded yet")).unwrap();
    assert!(!again.buttons().iter().any(|b| b.0.starts_with("attend:")), "{:?}", again.buttons());
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missed_session_offers_book_again_and_refuses_notes_until_someone_says_it_happened() {
    let mut w = paired_world().await;
    let session = book_mia(&w, "tue 15:00").await;
    w.run_until(after_tuesday()).await.unwrap();
    let mia_dm = follow_up(&w, MIA, 1);
    let r = press(&w, MIA, &mia_dm, "attend:missed:1").await;
    assert_eq!(attendance(&w, 1).await.as_deref(), Some("missed"));

    // "Another time…" opens the booking form.
    let reply = r.message().unwrap().clone();
    let form = w.sim.actor(MIA).in_dm().press(&reply, "book:next:1").await.unwrap();
    let modal = form.modal().unwrap().clone();
    let booked = w.sim.actor(MIA).in_dm().submit(&modal, &[("when", "1.12. 15:00")]).await.unwrap();
    assert!(booked.text().contains("Session #2 booked"), "{}", booked.text());

    // No notes on a session that didn't happen: not by command, not by button.
    let r = say(&w, MO, "notes", &[("session", &session)]).await;
    assert!(r.contains("not having happened") && r.contains("We met"), "{r}");
    let r = press(&w, MIA, &mia_dm, "notes:1").await;
    assert!(r.text().contains("not having happened"), "{}", r.text());
    assert_eq!(count(&w, "session_notes").await, 0);
    // Nothing to record: the second follow-up is skipped.
    w.run_until(utc(2026, 11, 27, 0, 0)).await.unwrap();
    assert!(!w.sim.dms(MIA).iter().any(|m| m.text().contains("Nothing recorded yet")));

    // Mo says it happened after all: notes are welcome again.
    press(&w, MO, &follow_up(&w, MO, 1), "attend:met:1").await;
    assert_eq!(attendance(&w, 1).await.as_deref(), Some("held"));
    let form = w.actor(MO).slash("notes", &[("session", &session)]).await.unwrap();
    let modal = form.modal().unwrap().clone();
    let r = w.actor(MO).submit(&modal, &[("takeaways", "We met in the hallway")]).await.unwrap();
    assert!(r.is_ephemeral(), "{}", r.text());
    assert_eq!(count(&w, "session_notes").await, 1);
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notes_mark_a_session_held_and_one_nobody_answers_for_three_days_is_unconfirmed() {
    let mut w = paired_world().await;
    book_mia(&w, "mon 15:00").await; // 23 Nov: nobody answers
    book_mia(&w, "tue 15:00").await; // 24 Nov: Mia writes notes from the follow-up
    w.run_until(after_tuesday()).await.unwrap();
    let status = say(&w, ADA, "program status", &[]).await;
    assert!(status.contains("held 0 · missed 0 · unconfirmed 0 · awaiting an answer 2"), "{status}");

    let modal = press_form(&w, MIA, &follow_up(&w, MIA, 2), "notes:2").await;
    w.sim.actor(MIA).in_dm().submit(&modal, &[("takeaways", "Write the case as a story")]).await.unwrap();
    assert_eq!(attendance(&w, 2).await.as_deref(), Some("held"));

    // The second follow-up about Monday asks again; three days after its end it is unconfirmed.
    w.run_until(utc(2026, 11, 26, 14, 59)).await.unwrap();
    let again = w.sim.dms(MIA).into_iter().rfind(|m| m.text().contains("Nothing recorded yet")).unwrap();
    assert!(again.buttons().iter().any(|b| b.0 == "attend:met:1"), "{:?}", again.buttons());
    let status = say(&w, ADA, "program status", &[]).await;
    assert!(status.contains("held 1 · missed 0 · unconfirmed 0 · awaiting an answer 1"), "{status}");
    w.run_until(utc(2026, 11, 26, 15, 0)).await.unwrap();
    let status = say(&w, ADA, "program status", &[]).await;
    assert!(status.contains("held 1 · missed 0 · unconfirmed 1 · awaiting an answer 0"), "{status}");
    assert_eq!(attendance(&w, 1).await, None);
    assert_clean(&w);
    w.stop().await;
}

async fn press_form(w: &World, user: u64, message: &Message, button: &str) -> discord_sim::Modal {
    w.sim.actor(user).in_dm().press(message, button).await.unwrap().modal().unwrap().clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ratings_stay_private_and_admins_see_only_an_average_once_five_exist() {
    let mut w = paired_world().await;
    for when in ["tue 15:00", "wed 15:00", "thu 15:00"] {
        book_mia(&w, when).await;
    }
    w.run_until(utc(2026, 11, 26, 16, 1)).await.unwrap();
    let rate = |w: &World, user: u64, session: i64, value: u8| {
        let dm = follow_up(w, user, session);
        let w = w.sim.clone();
        async move {
            let r = w.actor(user).in_dm().press(&dm, &format!("attend:met:{session}")).await.unwrap();
            let reply = r.message().unwrap().clone();
            let r = w.actor(user).in_dm().press(&reply, &format!("rate:{value}:{session}")).await.unwrap();
            assert!(r.is_ephemeral() && r.text().contains(&format!("{value} of 5")), "{}", r.text());
            reply
        }
    };
    rate(&w, MIA, 1, 5).await;
    rate(&w, MO, 1, 4).await;
    rate(&w, MIA, 2, 3).await;
    let mo_rating = rate(&w, MO, 2, 4).await;
    let status = say(&w, ADA, "program status", &[]).await;
    assert!(status.contains("shown once 5 ratings exist") && !status.contains("of 5 on average"), "{status}");

    // Someone who says it didn't happen can't rate (a stale rating button is refused).
    press(&w, MO, &follow_up(&w, MO, 2), "attend:missed:2").await;
    let r = w.sim.actor(MO).in_dm().press_forged(&mo_rating, "rate:1:2").await.unwrap();
    assert!(r.is_ephemeral() && r.text().contains("Only someone who says session #2 happened"), "{}", r.text());
    assert_eq!(ratings(&w).await.iter().filter(|r| r.2.is_some()).count(), 3, "Mo's rating went with his answer");
    rate(&w, MO, 2, 4).await;

    rate(&w, MIA, 3, 5).await;
    let status = say(&w, ADA, "program status", &[]).await;
    assert!(status.contains("4.2 of 5 on average, program-wide"), "{status}");
    // Nobody sees a single rating: not the partner, not the admin, not the session record.
    for user in [MO, MIA] {
        for m in w.sim.dms(user).into_iter().filter(|m| !m.ephemeral) {
            assert!(!m.text().contains("rated"), "{}", m.text());
        }
    }
    let record = say(&w, MO, "session summary", &[("session", "s1")]).await;
    assert!(!record.contains("rated") && !record.contains("of 5"), "{record}");
    assert!(!status.contains("rated") && !status.contains(&format!("<@{MIA}>")), "{status}");
    let refused = say(&w, MIA, "program status", &[]).await;
    assert!(refused.contains("Only program admins"), "{refused}");
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_weekly_nudge_counts_held_missed_and_unconfirmed_and_a_pair_whose_sessions_are_missed_goes_stale() {
    let mut w = paired_world().await;
    second_pair(&w).await;
    book_mia(&w, "tue 15:00").await; // s1, Mia and Mo: missed
    book(&w, OTTO, LEO, "tue 17:00").await; // s2, Otto and Leo: held
    book(&w, OTTO, LEO, "thu 15:00").await; // s3, Otto and Leo: nobody answers
    w.run_until(utc(2026, 11, 24, 18, 5)).await.unwrap();
    press(&w, MIA, &follow_up(&w, MIA, 1), "attend:missed:1").await;
    press(&w, LEO, &follow_up(&w, LEO, 2), "attend:met:2").await;

    w.run_until(utc(2026, 11, 30, 9, 0)).await.unwrap();
    let nudge = w.sim.channel_messages(MENTORING).last().unwrap().text();
    for line in [
        "Sessions held last week\n1",
        "Missed last week\n1",
        "Unconfirmed last week\n1",
        "Agendas on time\n0% (0 of 1)",
    ] {
        assert!(nudge.contains(line), "{line:?} in {nudge}");
    }
    assert!(nudge.contains("haven't met in a while\n0 of 2"), "{nudge}");

    // Three weeks on, Mia and Mo have not met (their only session was missed); Otto and Leo
    // met on Thursday 26 Nov as far as anyone knows.
    w.run_until(utc(2026, 12, 14, 9, 0)).await.unwrap();
    let nudge = w.sim.channel_messages(MENTORING).last().unwrap().text();
    assert!(nudge.contains("haven't met in a while\n1 of 2"), "{nudge}");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn we_moved_it_opens_the_reschedule_form_and_the_session_is_asked_about_again_after_its_new_time() {
    let mut w = paired_world().await;
    book_mia(&w, "tue 15:00").await;
    w.run_until(after_tuesday()).await.unwrap();
    let mia_dm = follow_up(&w, MIA, 1);
    press(&w, MIA, &mia_dm, "attend:missed:1").await;
    let modal = press_form(&w, MIA, &mia_dm, "attend:moved:1").await;
    let bad = w.sim.actor(MIA).in_dm().submit(&modal, &[("when", "yesterday 15:00")]).await.unwrap();
    assert!(bad.is_ephemeral() && !bad.text().contains("moved to"), "{}", bad.text());
    let modal = press_form(&w, MIA, &mia_dm, "attend:moved:1").await;
    let r = w.sim.actor(MIA).in_dm().submit(&modal, &[("when", "fri 15:00")]).await.unwrap();
    assert!(r.message().unwrap().id == mia_dm.id && r.text().contains("Session #1 moved to"), "{}", r.text());
    assert!(!r.message().unwrap().buttons().iter().any(|b| b.0.starts_with("attend:")), "the question is answered");
    assert_eq!(attendance(&w, 1).await, None, "the old answer was about the old time");
    assert_eq!(count(&w, "session_answers").await, 0);
    dm_containing(&w, MO, "moved").await;

    // Before the new time nobody can say whether it happened; after it, the follow-up asks again.
    let r = press(&w, MO, &follow_up(&w, MO, 1), "attend:met:1").await;
    assert!(r.text().contains("once it has started"), "{}", r.text());
    w.run_until(utc(2026, 11, 27, 16, 1)).await.unwrap();
    let fresh = follow_up(&w, MIA, 1);
    assert_ne!(fresh.id, mia_dm.id);
    press(&w, MIA, &fresh, "attend:met:1").await;
    // A held session can't be moved any more.
    let r = press(&w, MIA, &fresh, "attend:moved:1").await;
    assert!(r.text().contains("counts as held"), "{}", r.text());
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn outsiders_pressing_attendance_buttons_are_refused_and_change_nothing() {
    let mut w = paired_world().await;
    second_pair(&w).await;
    book_mia(&w, "tue 15:00").await; // s1: Mia and Mo
    book(&w, OTTO, LEO, "tue 17:00").await; // s2: Otto and Leo
    w.run_until(utc(2026, 11, 24, 18, 5)).await.unwrap();
    let otto_dm = follow_up(&w, OTTO, 2);
    // A forged press on Otto's own DM naming Mia and Mo's session.
    for id in ["attend:met:1", "attend:missed:1", "attend:moved:1", "rate:5:1", "book:next:1"] {
        let r = w.sim.actor(OTTO).in_dm().press_forged(&otto_dm, id).await.unwrap();
        assert!(r.modal().is_err(), "{id} opened a form");
        assert!(r.is_ephemeral() && r.text().contains("I don't know that session"), "{id}: {}", r.text());
    }
    assert_eq!(attendance(&w, 1).await, None);
    assert_eq!(count(&w, "session_answers").await, 0);

    // After the pairing ended, the old buttons answer that it ended.
    confirmed(&w, ADA, "unpair", &[("mentor", &MO.to_string()), ("mentee", &MIA.to_string())]).await;
    let r = press(&w, MIA, &follow_up(&w, MIA, 1), "attend:met:1").await;
    assert!(r.text().contains("has ended"), "{}", r.text());
    assert_eq!(attendance(&w, 1).await, None);
    assert_eq!(count(&w, "session_answers").await, 0);
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn it_didnt_happen_offers_the_free_times_as_buttons_that_book_exactly_that_time() {
    let mut w = paired_world().await;
    book_mia(&w, "tue 15:00").await;
    // Mo (New York) meets Thursdays 9:00-10:00, which is 15:00-16:00 in Berlin.
    say(&w, MO, "availability set", &[("slots", "thu 09:00-10:00")]).await;
    w.run_until(after_tuesday()).await.unwrap();
    let r = press(&w, MIA, &follow_up(&w, MIA, 1), "attend:missed:1").await;
    let offered: Vec<(String, String)> =
        r.message().unwrap().buttons().into_iter().filter(|b| b.0.starts_with("avail:slot:")).collect();
    let labels: Vec<&str> = offered.iter().map(|b| b.1.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Thu 26 Nov 15:00 (Mo: 09:00)",
            "Thu 3 Dec 15:00 (Mo: 09:00)",
            "Thu 10 Dec 15:00 (Mo: 09:00)",
            "Thu 17 Dec 15:00 (Mo: 09:00)"
        ]
    );
    assert_eq!(count(&w, "sessions").await, 1, "offering books nothing");
    let booked = w.sim.actor(MIA).in_dm().press(r.message().unwrap(), &offered[1].0).await.unwrap();
    let at = utc(2026, 12, 3, 14, 0).timestamp();
    assert!(booked.text().contains(&format!("Session #2 booked with <@{MO}> on <t:{at}:F>")), "{}", booked.text());
    assert!(booked.message().unwrap().buttons().is_empty(), "the offer is used up");
    let stored = sqlx::query_as::<_, (i64, i64)>("SELECT starts_at, duration_minutes FROM sessions WHERE number = 2")
        .fetch_one(w.store.pool())
        .await
        .unwrap();
    assert_eq!(stored, (at, 60));
    dm_containing(&w, MO, "Session #2 booked").await;
    let stale = w.sim.actor(MIA).in_dm().press_forged(r.message().unwrap(), &offered[0].0).await.unwrap();
    assert!(stale.text().contains("Already done: Session #2 was booked"), "{}", stale.text());
    assert_eq!(count(&w, "sessions").await, 2);
    assert_clean(&w);
    w.stop().await;
}
