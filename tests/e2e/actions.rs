//! Action items end to end: /action add|list|done|update, the Done / +3 days / Blocked buttons.

use crate::common::*;
use chrono::{TimeZone, Utc};

async fn add(w: &World, user: u64, title: &str, owner: &str, deadline: &str) -> discord_sim::Reply {
    w.actor(user)
        .slash("action add", &[("success", "It is done"), ("title", title), ("owner", owner), ("deadline", deadline)])
        .await
        .unwrap()
}

async fn status_and_deadline(w: &World, id: i64) -> (String, i64) {
    sqlx::query_as::<_, (String, i64)>("SELECT status, deadline_at FROM action_items WHERE id = $1")
        .bind(id)
        .fetch_one(w.store.pool())
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_action_item_gets_a_short_id_and_a_deadline_at_the_end_of_the_day_in_the_owners_zone() {
    let w = paired_world().await;
    // Saturday 21 Nov 2026; "fri" is 27 Nov.
    let r = add(&w, MIA, "Draft the promotion case", "partner", "fri").await;
    assert!(r.is_ephemeral());
    let text = r.text();
    assert!(text.contains("A1 added"), "{text}");
    // 23:59 in New York (EST, UTC-5) = 04:59 UTC on Saturday.
    let ny = Utc.with_ymd_and_hms(2026, 11, 28, 4, 59, 0).unwrap().timestamp();
    assert!(text.contains(&format!("<t:{ny}:F>")) && text.contains("America/New_York"), "{text}");
    assert!(text.contains(&format!("Owner: <@{MO}>")), "{text}");
    let r = add(&w, MIA, "Read chapter 3", "me", "fri").await;
    // 23:59 in Berlin (CET, UTC+1) = 22:59 UTC.
    let berlin = Utc.with_ymd_and_hms(2026, 11, 27, 22, 59, 0).unwrap().timestamp();
    assert!(r.text().contains("A2 added") && r.text().contains(&format!("<t:{berlin}:F>")), "{}", r.text());
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_date_means_different_instants_when_only_one_owner_is_on_summer_time() {
    let w = paired_world().await;
    // 20 Mar 2027: New York is on daylight time (since 14 Mar), Berlin not yet (28 Mar).
    add(&w, MIA, "For Mo", "partner", "2027-03-20").await;
    add(&w, MIA, "For Mia", "me", "2027-03-20").await;
    let mo = Utc.with_ymd_and_hms(2027, 3, 21, 3, 59, 0).unwrap().timestamp(); // 23:59 EDT (UTC-4)
    let mia = Utc.with_ymd_and_hms(2027, 3, 20, 22, 59, 0).unwrap().timestamp(); // 23:59 CET (UTC+1)
    assert_eq!(status_and_deadline(&w, 1).await.1, mo);
    assert_eq!(status_and_deadline(&w, 2).await.1, mia);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deadline_in_the_past_is_refused_and_nothing_is_added() {
    let w = paired_world().await;
    let r = add(&w, MIA, "Too late", "me", "2026-11-20").await;
    assert!(r.is_ephemeral());
    assert!(r.text().contains("is in the past"), "{}", r.text());
    assert_eq!(count(&w, "action_items").await, 0);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_owner_outside_the_pair_a_long_title_or_a_bad_owner_change_nothing() {
    let w = paired_world().await;
    let r = add(&w, MIA, "Task", &format!("<@{OTTO}>"), "fri").await;
    assert!(r.text().contains("is not part of this pairing"), "{}", r.text());
    let r = add(&w, MIA, &"x".repeat(201), "me", "fri").await;
    assert!(r.text().contains("201 characters long; the limit is 200"), "{}", r.text());
    let r = add(&w, MIA, "Task", "bob", "fri").await;
    assert!(r.text().contains("I can't tell who `bob` is"), "{}", r.text());
    assert_eq!(count(&w, "action_items").await, 0);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_list_has_done_later_and_blocked_buttons_for_my_open_items() {
    let w = paired_world().await;
    add(&w, MIA, "Mine one", "me", "fri").await;
    add(&w, MIA, "For Mo", "partner", "fri").await;
    add(&w, MIA, "Mine two", "me", "sat").await;
    let r = w.actor(MIA).slash("action list", &[]).await.unwrap();
    assert!(r.is_ephemeral());
    let list = r.message().unwrap().clone();
    assert!(r.text().contains("A1 · Mine one") && r.text().contains("A2 · For Mo"), "{}", r.text());
    let labels: Vec<String> = list.buttons().into_iter().map(|(_, l)| l).collect();
    assert_eq!(labels, ["A1 done", "A1 +3 days", "A1 blocked", "A3 done", "A3 +3 days", "A3 blocked"]);
    assert_eq!(list.button_id("A1 done").unwrap(), "action:done:1");

    let r = w.actor(MIA).press(&list, "action:done:1").await.unwrap();
    assert!(r.is_ephemeral());
    assert!(r.text().contains("A1 is done"), "{}", r.text());
    assert_eq!(r.message().unwrap().id, list.id, "the list itself shows the new state");
    assert_eq!(status_and_deadline(&w, 1).await.0, "done");

    let before = status_and_deadline(&w, 3).await.1;
    let r = w.actor(MIA).press(&list, "action:later:3").await.unwrap();
    assert!(r.text().contains("A3 moved 3 days later"), "{}", r.text());
    assert_eq!(status_and_deadline(&w, 3).await.1 - before, 3 * 24 * 3600);

    let r = w.actor(MIA).press(&list, "action:blocked:3").await.unwrap();
    let modal = r.modal().unwrap().clone();
    assert_eq!(modal.title, "A3 is blocked");
    let r = w.actor(MIA).submit(&modal, &[("reason", "Waiting for access")]).await.unwrap();
    assert!(r.text().contains("A3 is blocked") && r.text().contains("Waiting for access"), "{}", r.text());
    assert_eq!(status_and_deadline(&w, 3).await.0, "blocked");

    // Done again (an old copy of the list still showing the button) says so and changes nothing.
    let r = w.actor(MIA).press_forged(&list, "action:done:1").await.unwrap();
    assert!(r.text().contains("A1 is done already"), "{}", r.text());
    let events = w.store.action_events(3).await.unwrap();
    let changes: Vec<&str> = events.iter().map(|e| e.change.as_str()).collect();
    assert_eq!(changes, ["created", "deadline", "status"]);
    assert_eq!(events[2].reason.as_deref(), Some("Waiting for access"));
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn done_and_update_work_by_short_id_and_autocomplete_with_history() {
    let w = paired_world().await;
    add(&w, MIA, "Read chapter 3", "me", "fri").await;
    let choices = w.actor(MO).autocomplete("action done", &[("item", "")], "item").await.unwrap();
    assert_eq!(choices.len(), 1);
    assert!(choices[0].0.starts_with("A1 · Read chapter 3"), "{choices:?}");
    let r = w.actor(MO).slash("action update", &[("item", "A1"), ("deadline", "next week")]).await.unwrap();
    assert!(r.text().contains("A1 has a new deadline"), "{}", r.text());
    let r = w.actor(MO).slash("action update", &[("item", "A1"), ("status", "dropped")]).await.unwrap();
    assert!(r.text().contains("needs a reason"), "{}", r.text());
    assert_eq!(status_and_deadline(&w, 1).await.0, "open");
    let r = w
        .actor(MO)
        .slash("action update", &[("item", "a1"), ("status", "dropped"), ("reason", "Not needed")])
        .await
        .unwrap();
    assert!(r.text().contains("A1 is dropped"), "{}", r.text());
    let r = w.actor(MIA).slash("action done", &[("item", &choices[0].1)]).await.unwrap();
    assert!(r.text().contains("A1 is dropped; reopen it"), "{}", r.text());
    let r = w.actor(MIA).slash("action list", &[("filter", "all")]).await.unwrap();
    assert!(r.text().contains("dropped — Not needed"), "{}", r.text());
    let events = w.store.action_events(1).await.unwrap();
    assert_eq!(events.len(), 3);
    assert!(events.iter().all(|e| e.by.0 == MO || e.change.as_str() == "created"));
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn someone_outside_the_pair_cannot_change_an_item_and_learns_nothing() {
    let w = paired_world().await;
    join(&w, OTTO, "mentee", None).await;
    add(&w, MIA, "Private task", "me", "fri").await;
    let unknown = w.actor(OTTO).slash("action done", &[("item", "i999")]).await.unwrap();
    let r = w.actor(OTTO).slash("action done", &[("item", "i1")]).await.unwrap();
    assert_eq!(r.text(), unknown.text());
    assert!(r.text().contains("I don't know that action item"), "{}", r.text());
    let r = w.actor(OTTO).slash("action done", &[("item", "A1")]).await.unwrap();
    assert_eq!(r.text(), unknown.text());
    assert_eq!(status_and_deadline(&w, 1).await.0, "open");
    let r = w.actor(OTTO).slash("action list", &[]).await.unwrap();
    assert!(r.text().contains("not paired"), "{}", r.text());
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn overdue_and_mine_filters() {
    let w = paired_world().await;
    add(&w, MIA, "Soon", "me", "in 2 hours").await;
    add(&w, MIA, "Later", "partner", "fri").await;
    w.clock.advance(chrono::Duration::hours(3));
    let r = w.actor(MIA).slash("action list", &[("filter", "overdue")]).await.unwrap();
    assert!(r.text().contains("A1 · Soon ⚠️ overdue") && !r.text().contains("Later"), "{}", r.text());
    let r = w.actor(MO).slash("action list", &[("filter", "mine")]).await.unwrap();
    assert!(r.text().contains("A2 · Later") && !r.text().contains("Soon"), "{}", r.text());
    let r = w.actor(MO).slash("action list", &[("filter", "done")]).await.unwrap();
    assert!(r.text().contains("No action items are done yet"), "{}", r.text());
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hostile_owner_or_deadline_is_quoted_as_a_short_defused_excerpt() {
    let w = paired_world().await;
    let r = add(&w, MIA, "Task", &hostile(100), "fri").await;
    assert!(r.text().contains("I can't tell who"), "{}", r.text());
    assert_quoted_safely(&r.text());
    let r = add(&w, MIA, "Task", "me", &hostile(100)).await;
    assert!(r.text().contains("I don't understand"), "{}", r.text());
    assert_quoted_safely(&r.text());
    assert_eq!(count(&w, "action_items").await, 0);
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_owner_list_narrows_to_what_is_typed_in_any_case() {
    let w = paired_world().await;
    let owners = |typed: &'static str| {
        let actor = w.actor(MIA);
        async move {
            let choices = actor.autocomplete("action add", &[("owner", typed)], "owner").await.unwrap();
            choices.into_iter().map(|(label, _)| label).collect::<Vec<_>>()
        }
    };
    assert_eq!(owners("").await, vec!["me", "partner: Mo"]);
    assert_eq!(owners("MO").await, vec!["partner: Mo"]);
    assert_eq!(owners("part").await, vec!["partner: Mo"]);
    assert_eq!(owners("me").await, vec!["me"]);
    assert!(owners("zz").await.is_empty());
    let zones = w.actor(MIA).autocomplete("timezone", &[("zone", "BERL")], "zone").await.unwrap();
    assert!(!zones.is_empty() && zones.iter().all(|(label, _)| label.to_lowercase().contains("berl")), "{zones:?}");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_history_of_an_item_is_shown_to_the_pair_only_in_full_with_discord_timestamps() {
    let w = paired_world().await;
    join(&w, OTTO, "mentee", None).await;
    assert!(add(&w, MIA, "Write the blog post", "me", "fri").await.text().contains("A1"));
    let r = w
        .actor(MIA)
        .slash("action update", &[("item", "A1"), ("deadline", "in 10 days"), ("reason", "Waiting for review")])
        .await
        .unwrap();
    assert!(r.text().contains("new deadline"), "{}", r.text());
    // Long reasons: the history spans several messages and nothing is cut.
    let reason = |i: usize| format!("BEGIN{i} {} END{i}", "blocked by the build ".repeat(40));
    for i in 0..12 {
        let r =
            w.actor(MIA).slash("action update", &[("item", "A1"), ("status", "blocked"), ("reason", &reason(i))]).await;
        assert!(r.unwrap().text().contains("is blocked"));
        let r = w.actor(MIA).slash("action update", &[("item", "A1"), ("status", "open")]).await.unwrap();
        assert!(r.text().contains("is open again"), "{}", r.text());
    }
    let choices = w.actor(MO).autocomplete("action history", &[("item", "blog")], "item").await.unwrap();
    assert_eq!(choices.len(), 1, "{choices:?}");
    for viewer in [MIA, MO] {
        let r = w.actor(viewer).slash("action history", &[("item", &choices[0].1)]).await.unwrap();
        assert!(r.is_ephemeral());
        let text = full_text(&w, &r, |t| t.contains("END11")).await;
        assert!(text.contains("History of A1 · Write the blog post") && text.contains("26 change(s)"), "{text}");
        assert!(
            text.contains("1. Created") && text.contains("2. Deadline moved") && text.contains("Waiting for review")
        );
        assert!(text.contains("3. Status: open → blocked") && text.contains("4. Status: blocked → open"));
        assert!(text.contains(&format!("by <@{MIA}>")) && text.contains(":R>)"), "Discord timestamps");
        for i in 0..12 {
            assert!(text.contains(&reason(i)), "reason {i} whole");
        }
        assert!(!w.sim.followups(r.interaction_id).is_empty(), "a long history takes several messages");
    }
    let outsider = w.actor(OTTO).slash("action history", &[("item", &choices[0].1)]).await.unwrap().text();
    let unknown = w.actor(OTTO).slash("action history", &[("item", "i999")]).await.unwrap().text();
    assert_eq!(outsider, unknown);
    assert!(!outsider.contains("blog"));
    assert!(w.actor(OTTO).autocomplete("action history", &[("item", "")], "item").await.unwrap().is_empty());
    assert_clean(&w);
    w.stop().await;
}
