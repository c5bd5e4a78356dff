//! Long text goes in forms: `/action add` without `success:` and `/goal add` without `why:` or
//! `measure:` check what was given, then show a form with it pre-filled; submitting it adds.

use discord_sim::Modal;

use crate::common::*;

fn prefilled(modal: &Modal, field: &str) -> Option<String> {
    modal.fields.iter().find(|f| f.custom_id == field).and_then(|f| f.value.clone())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn action_add_without_success_asks_for_it_in_a_form_and_the_form_adds_the_item() {
    let w = paired_world().await;
    let r =
        w.actor(MIA).slash("action add", &[("title", "Draft the case"), ("owner", "me"), ("deadline", "fri")]).await;
    let r = r.unwrap();
    let modal = r.modal().unwrap().clone();
    assert_eq!(prefilled(&modal, "title").as_deref(), Some("Draft the case"));
    assert_eq!(
        (prefilled(&modal, "owner").as_deref(), prefilled(&modal, "deadline").as_deref()),
        (Some("me"), Some("fri"))
    );
    assert_eq!(prefilled(&modal, "success"), None);
    assert_eq!(count(&w, "action_items").await, 0, "nothing is stored before the form");
    let long = "A reviewed draft, shared with Mo. ".repeat(25);
    let r = w.actor(MIA).submit(&modal, &[("success", &long)]).await.unwrap();
    assert!(r.is_ephemeral());
    let text = full_text(&w, &r, |t| t.contains("A1 added")).await;
    assert!(text.contains("A1 added") && text.contains("Draft the case"), "{text}");
    let stored: Option<String> =
        sqlx::query_scalar("SELECT success FROM action_items").fetch_one(w.store.pool()).await.unwrap();
    assert_eq!(stored.as_deref().map(str::trim), Some(long.trim()));
    // A refusal comes before any form.
    let r =
        w.actor(MIA).slash("action add", &[("title", "X"), ("owner", &OTTO.to_string()), ("deadline", "fri")]).await;
    assert!(r.unwrap().modal().is_err(), "an owner outside the pair is refused at once");
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn goal_add_without_why_or_measure_asks_in_a_form_with_the_given_fields_pre_filled() {
    let w = paired_world().await;
    let r = w.actor(MIA).slash("goal add", &[("title", "Give a talk"), ("target", "2027-03-01")]).await.unwrap();
    let modal = r.modal().unwrap().clone();
    assert_eq!(prefilled(&modal, "title").as_deref(), Some("Give a talk"));
    assert_eq!(prefilled(&modal, "target").as_deref(), Some("2027-03-01"));
    assert_eq!(count(&w, "goals").await, 0);
    let r = w
        .actor(MIA)
        .submit(&modal, &[("why", "Share what I learned"), ("measure", "Accepted at a meetup")])
        .await
        .unwrap();
    let text = full_text(&w, &r, |t| t.contains("Goal added")).await;
    assert!(text.contains("Goal added") && text.contains("Target: Mon 1 Mar 2027"), "{text}");
    let (why, measure): (Option<String>, Option<String>) =
        sqlx::query_as("SELECT why, measure FROM goals").fetch_one(w.store.pool()).await.unwrap();
    assert_eq!((why.as_deref(), measure.as_deref()), (Some("Share what I learned"), Some("Accepted at a meetup")));
    // Given inline, no form.
    let r = w
        .actor(MIA)
        .slash("goal add", &[("title", "Ship"), ("why", "Portfolio"), ("measure", "On crates.io")])
        .await
        .unwrap();
    assert!(r.text().contains("Goal added"), "{}", r.text());
    assert_clean(&w);
    w.stop().await;
}
