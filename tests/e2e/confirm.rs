//! Destructive commands ask first: `/leave` (Leave / Stay) and `/unpair` (Unpair / Keep). Nothing
//! changes until the red button; the question is then replaced by the outcome, its buttons gone;
//! a press on an older question answers with what is true now.

use discord_sim::{Reply, ReplyKind};

use crate::common::*;

fn button(reply: &Reply, label: &str) -> String {
    let buttons = reply.message().unwrap().buttons();
    buttons.iter().find(|(_, l)| l == label).cloned().unwrap_or_else(|| panic!("no {label} button in {buttons:?}")).0
}

/// The press was answered by updating the question, whose buttons are gone.
fn assert_updated_without_buttons(r: &Reply) {
    assert!(matches!(r.kind, ReplyKind::Updated(_)), "the question itself is updated: {:?}", r.kind);
    assert!(r.message().unwrap().buttons().is_empty(), "{:?}", r.message().unwrap().buttons());
}

async fn active(w: &World, table_query: &'static str) -> i64 {
    sqlx::query_scalar(table_query).fetch_one(w.store.pool()).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leave_asks_first_stay_changes_nothing_and_leave_ends_everything() {
    let w = paired_world().await;
    book(&w, MIA, MO, "tomorrow 15:00").await;
    let mo_dms = dm_count(&w, MO);
    let ask = w.actor(MIA).slash("leave", &[]).await.unwrap();
    assert!(ask.is_ephemeral());
    let text = ask.text();
    assert!(text.contains(&format!("ends your pairing with <@{MO}>")) && text.contains("1 upcoming session"), "{text}");
    assert!(text.contains("Nothing changes until you press **Leave**"), "{text}");
    assert_eq!(active(&w, "SELECT COUNT(*) FROM pairings WHERE active = 1").await, 1, "nothing changed yet");
    let r = w.actor(MIA).press(ask.message().unwrap(), &button(&ask, "Stay")).await.unwrap();
    assert_updated_without_buttons(&r);
    assert!(r.text().contains("You stayed") && r.text().contains("nothing changed"), "{}", r.text());
    assert_eq!(active(&w, "SELECT COUNT(*) FROM sessions WHERE status = 'booked'").await, 1);
    assert_eq!(active(&w, "SELECT COUNT(*) FROM members WHERE active = 1").await, 2);

    // Two questions open; the first is answered with Leave, the second is then stale.
    let first = w.actor(MIA).slash("leave", &[]).await.unwrap();
    let second = w.actor(MIA).slash("leave", &[]).await.unwrap();
    let r = w.actor(MIA).press(first.message().unwrap(), &button(&first, "Leave")).await.unwrap();
    assert_updated_without_buttons(&r);
    assert!(r.text().contains("You left the mentoring program") && r.text().contains("cancelled upcoming sessions: 1"));
    assert_eq!(active(&w, "SELECT COUNT(*) FROM pairings WHERE active = 1").await, 0);
    dm_containing(&w, MO, "Pairing ended").await;
    assert_eq!(dm_count(&w, MO), mo_dms + 1);
    let r = w.actor(MIA).press(second.message().unwrap(), &button(&second, "Leave")).await.unwrap();
    assert_updated_without_buttons(&r);
    assert!(r.text().contains("/join"), "a stale press says how things are: {}", r.text());
    assert_eq!(dm_count(&w, MO), mo_dms + 1, "nothing happened twice");
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unpair_asks_first_keep_changes_nothing_and_unpair_ends_the_pairing() {
    let w = paired_world().await;
    book(&w, MIA, MO, "tomorrow 15:00").await;
    let (mentor, mentee) = (MO.to_string(), MIA.to_string());
    let options = [("mentor", mentor.as_str()), ("mentee", mentee.as_str())];
    let ask = w.actor(ADA).slash("unpair", &options).await.unwrap();
    let text = ask.text();
    assert!(
        text.contains(&format!("End the pairing of <@{MO}> and <@{MIA}>")) && text.contains("1 upcoming"),
        "{text}"
    );
    let r = w.actor(ADA).press(ask.message().unwrap(), &button(&ask, "Keep")).await.unwrap();
    assert_updated_without_buttons(&r);
    assert!(r.text().contains("stays; nothing changed"), "{}", r.text());
    assert_eq!(active(&w, "SELECT COUNT(*) FROM pairings WHERE active = 1").await, 1);

    let first = w.actor(ADA).slash("unpair", &options).await.unwrap();
    let second = w.actor(ADA).slash("unpair", &options).await.unwrap();
    let r = w.actor(ADA).press(first.message().unwrap(), &button(&first, "Unpair")).await.unwrap();
    assert_updated_without_buttons(&r);
    assert!(r.text().contains("Ended the pairing") && r.text().contains("1 upcoming session(s) cancelled"));
    assert_eq!(active(&w, "SELECT COUNT(*) FROM pairings WHERE active = 1").await, 0);
    let r = w.actor(ADA).press(second.message().unwrap(), &button(&second, "Unpair")).await.unwrap();
    assert_updated_without_buttons(&r);
    assert!(r.text().contains("not paired") || r.text().contains("are not"), "stale: {}", r.text());
    // Not an admin: refused before any question.
    let text = say(&w, OTTO, "unpair", &options).await;
    assert!(!text.contains("Nothing changes until"), "{text}");
    assert_clean(&w);
    w.stop().await;
}
