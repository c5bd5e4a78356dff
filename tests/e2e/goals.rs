//! Goals and reviews end to end: /goal add|list|progress|close, /review midpoint|final.

use crate::common::*;

async fn progress_of(w: &World, id: i64) -> (i64, String) {
    sqlx::query_as::<_, (i64, String)>("SELECT progress, status FROM goals WHERE id = $1")
        .bind(id)
        .fetch_one(w.store.pool())
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_goal_is_added_progressed_listed_and_closed() {
    let w = paired_world().await;
    let r = w
        .actor(MIA)
        .slash(
            "goal add",
            &[
                ("title", "Ship a Rust CLI"),
                ("why", "Portfolio"),
                ("target", "2027-03-01"),
                ("measure", "Published on crates.io"),
            ],
        )
        .await
        .unwrap();
    assert!(r.is_ephemeral());
    assert!(r.text().contains("Goal added") && r.text().contains("Ship a Rust CLI"), "{}", r.text());
    let choices = w.actor(MO).autocomplete("goal progress", &[("goal", ""), ("percent", "1")], "goal").await.unwrap();
    assert_eq!(choices, vec![("G1 · Ship a Rust CLI · 0%".to_owned(), "g1".to_owned())]);
    let r = w
        .actor(MO)
        .slash("goal progress", &[("goal", "g1"), ("percent", "40"), ("evidence", "First release")])
        .await
        .unwrap();
    assert!(r.text().contains("▰▰▰▰▱▱▱▱▱▱ 40%"), "{}", r.text());
    let r = w.actor(MIA).slash("goal list", &[]).await.unwrap();
    let text = r.text();
    assert!(
        text.contains("G1 · Ship a Rust CLI")
            && text.contains("40%: First release")
            && text.contains("Measure: Published"),
        "{text}"
    );
    let r = w
        .actor(MIA)
        .slash("goal close", &[("goal", "g1"), ("achieved", "yes"), ("learnings", "Start small")])
        .await
        .unwrap();
    assert!(r.text().contains("Goal closed") && r.text().contains("achieved"), "{}", r.text());
    assert_eq!(progress_of(&w, 1).await, (100, "achieved".to_owned()));
    let r = w.actor(MIA).slash("goal progress", &[("goal", "g1"), ("percent", "50")]).await.unwrap();
    assert!(r.text().contains("is achieved already"), "{}", r.text());
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_percentage_outside_0_to_100_is_refused_and_changes_nothing() {
    let w = paired_world().await;
    w.actor(MIA)
        .slash("goal add", &[("why", "It matters"), ("measure", "Progress shows"), ("title", "Ship")])
        .await
        .unwrap();
    // The command's definition limits `percent`, so Discord's client does not even send these.
    for (bad, why) in [("150", "at most 100"), ("-5", "at least 0")] {
        let refused = w.actor(MIA).slash("goal progress", &[("goal", "g1"), ("percent", bad)]).await.unwrap_err();
        assert!(refused.to_string().contains(why), "{refused}");
    }
    assert_eq!(progress_of(&w, 1).await, (0, "open".to_owned()));
    assert_eq!(count(&w, "goal_updates").await, 0);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn someone_outside_the_pair_cannot_touch_a_goal_and_learns_nothing() {
    let w = paired_world().await;
    join(&w, OTTO, "mentee", None).await;
    w.actor(MIA)
        .slash("goal add", &[("why", "It matters"), ("measure", "Progress shows"), ("title", "Private goal")])
        .await
        .unwrap();
    let unknown = w.actor(OTTO).slash("goal progress", &[("goal", "g999"), ("percent", "10")]).await.unwrap();
    let r = w.actor(OTTO).slash("goal progress", &[("goal", "g1"), ("percent", "10")]).await.unwrap();
    assert_eq!(r.text(), unknown.text());
    assert!(r.text().contains("I don't know that goal"), "{}", r.text());
    let r = w.actor(OTTO).slash("goal list", &[]).await.unwrap();
    assert!(!r.text().contains("Private goal"));
    assert_eq!(progress_of(&w, 1).await.0, 0);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_midpoint_review_walks_through_every_goal_and_refuses_bad_progress() {
    let w = paired_world().await;
    let r = w.actor(MIA).slash("review midpoint", &[]).await.unwrap();
    assert!(r.text().contains("no goals for a midpoint review"), "{}", r.text());
    w.actor(MIA)
        .slash("goal add", &[("why", "It matters"), ("measure", "Progress shows"), ("title", "Ship a CLI")])
        .await
        .unwrap();
    w.actor(MIA)
        .slash("goal add", &[("why", "It matters"), ("measure", "Progress shows"), ("title", "Give a talk")])
        .await
        .unwrap();

    let r = w.actor(MIA).slash("review midpoint", &[]).await.unwrap();
    let modal = r.modal().unwrap().clone();
    assert!(modal.title.starts_with("Midpoint review 1/2: Ship a CLI"), "{}", modal.title);
    let r = w.actor(MIA).submit(&modal, &[("first", "150")]).await.unwrap();
    assert!(r.text().contains("Progress is a whole number from 0 to 100"), "{}", r.text());
    assert_eq!(count(&w, "reviews").await, 0);

    let r = w.actor(MIA).slash("review midpoint", &[]).await.unwrap();
    let modal = r.modal().unwrap().clone();
    let r =
        w.actor(MIA).submit(&modal, &[("first", "60%"), ("second", "Beta out"), ("third", "Cut scope")]).await.unwrap();
    assert!(r.text().contains("midpoint review of \"Ship a CLI\" saved"), "{}", r.text());
    let message = r.message().unwrap().clone();
    let next = message.button_id("Next goal: Give a talk").unwrap();
    let r = w.actor(MIA).press(&message, &next).await.unwrap();
    let modal = r.modal().unwrap().clone();
    assert!(modal.title.starts_with("Midpoint review 2/2: Give a talk"), "{}", modal.title);
    let r = w.actor(MIA).submit(&modal, &[("first", "10")]).await.unwrap();
    assert!(r.text().contains("That was the last goal"), "{}", r.text());
    assert_eq!(progress_of(&w, 1).await.0, 60);

    let r = w.actor(MO).slash("goal list", &[]).await.unwrap();
    assert!(r.text().contains("Midpoint review by") && r.text().contains("adjustment: Cut scope"), "{}", r.text());
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_final_review_closes_goals_as_achieved_or_not() {
    let w = paired_world().await;
    w.actor(MIA)
        .slash("goal add", &[("why", "It matters"), ("measure", "Progress shows"), ("title", "Ship a CLI")])
        .await
        .unwrap();
    let r = w.actor(MO).slash("review final", &[]).await.unwrap();
    let modal = r.modal().unwrap().clone();
    let r = w.actor(MO).submit(&modal, &[("first", "maybe")]).await.unwrap();
    assert!(r.text().contains("Answer `yes` or `no`"), "{}", r.text());
    let r = w.actor(MO).slash("review final", &[]).await.unwrap();
    let modal = r.modal().unwrap().clone();
    let r = w
        .actor(MO)
        .submit(&modal, &[("first", "no"), ("second", "Scope was too big"), ("third", "Retry in Q3")])
        .await
        .unwrap();
    assert!(
        r.text().contains("final review of \"Ship a CLI\" saved") && r.text().contains("not achieved"),
        "{}",
        r.text()
    );
    assert_eq!(progress_of(&w, 1).await.1, "not_achieved");
    let r = w.actor(MIA).slash("goal list", &[]).await.unwrap();
    assert!(r.text().contains("Final review by") && r.text().contains("next steps: Retry in Q3"), "{}", r.text());
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_target_date_reads_as_the_same_date_for_members_in_two_zones() {
    let w = paired_world().await;
    // Mo (New York) sets the target; 23:59 there is already the next day in Berlin.
    let r = w
        .actor(MO)
        .slash(
            "goal add",
            &[("why", "It matters"), ("measure", "Progress shows"), ("title", "Give a talk"), ("target", "2027-03-01")],
        )
        .await
        .unwrap();
    assert!(r.text().contains("Target: Mon 1 Mar 2027"), "{}", r.text());
    let berlin = w.actor(MIA).slash("goal list", &[]).await.unwrap().text();
    let new_york = w.actor(MO).slash("goal list", &[]).await.unwrap().text();
    for text in [&berlin, &new_york] {
        assert!(text.contains("Target: Mon 1 Mar 2027"), "{text}");
        assert!(!text.contains("<t:"), "a date is not an instant: {text}");
    }
    assert_eq!(berlin, new_york);
    w.stop().await;
}
