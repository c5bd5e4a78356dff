//! Session notes and the session summary end to end, with the follow-up buttons.

use crate::common::*;

/// Books tomorrow 15:00, writes an agenda, and moves the clock into the session.
async fn held_session(w: &World) -> String {
    let session = book_mia(w, "tomorrow 15:00").await;
    write_agenda(w, &session, "A plan for my promotion", "! Salary\nPortfolio").await;
    w.clock.advance(chrono::Duration::hours(30)); // Sunday 15:00 UTC, inside the session.
    session
}

async fn status_of(w: &World, id: i64) -> String {
    sqlx::query_scalar::<_, String>("SELECT status FROM sessions WHERE id = $1")
        .bind(id)
        .fetch_one(w.store.pool())
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notes_before_the_session_started_are_refused() {
    let w = paired_world().await;
    let session = book_mia(&w, "tomorrow 15:00").await;
    let r = w.actor(MIA).slash("notes", &[("session", &session)]).await.unwrap();
    assert!(r.is_ephemeral());
    assert!(r.text().contains("notes can be written once it has started"), "{}", r.text());
    assert_eq!(count(&w, "session_notes").await, 0);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notes_after_the_session_mark_it_completed_and_check_resource_lines() {
    let w = paired_world().await;
    let session = held_session(&w).await;
    let id: i64 = session[1..].parse().unwrap();
    let r = w.actor(MO).slash("notes", &[]).await.unwrap();
    let modal = r.modal().unwrap().clone();
    assert_eq!(modal.title, "Notes of session #1");
    let r = w
        .actor(MO)
        .submit(
            &modal,
            &[
                ("takeaways", "Write the case as outcomes"),
                ("resources", "rustlings | tool | practice\nIntro to Sam | person | hiring"),
                ("obstacles", "No time | slow progress | block mornings"),
                ("next_session", "in two weeks"),
            ],
        )
        .await
        .unwrap();
    let text = full_text(&w, &r, |t| t.contains("Resources line 2")).await;
    assert!(text.contains("Notes of session #1 saved; the session is marked completed"), "{text}");
    assert!(text.contains("Resources line 2: type `person` is not one of tool, article, intro, feedback"), "{text}");
    assert_eq!(status_of(&w, id).await, "completed");
    assert!(w.store.session_has_notes(id).await.unwrap());
    // Editing: the form comes back pre-filled.
    let r = w.actor(MIA).slash("notes", &[("session", &session)]).await.unwrap();
    let modal = r.modal().unwrap();
    assert_eq!(modal.fields[0].value.as_deref(), Some("Write the case as outcomes"));
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_summary_follows_the_template_and_attaches_the_whole_record() {
    let w = paired_world().await;
    let session = held_session(&w).await;
    let r = w.actor(MIA).slash("notes", &[]).await.unwrap();
    let modal = r.modal().unwrap().clone();
    let long = "λ ".repeat(2000);
    w.actor(MIA)
        .submit(&modal, &[("takeaways", &long), ("resources", "The Manager's Path | article | leadership")])
        .await
        .unwrap();
    w.actor(MIA)
        .slash("goal add", &[("why", "It matters"), ("measure", "Progress shows"), ("title", "Get promoted")])
        .await
        .unwrap();

    let r = w.actor(MO).slash("session summary", &[("session", &session)]).await.unwrap();
    assert!(r.is_ephemeral());
    let first = r.message().unwrap().clone();
    let text = full_text(&w, &r, |t| t.matches('λ').count() == 2000).await;
    for heading in [
        "Session #1 summary",
        "Session details",
        "**Mentor:** <@",
        "**Session number:** 1",
        "**Duration:** 60 minutes",
        "Session goal",
        "A plan for my promotion",
        "Discussion topics",
        "🔴 **Salary** (high priority)",
        "Obstacles",
        "Resources shared",
        "The Manager's Path (article): leadership",
        "Key takeaways",
        "Next steps",
        "Follow-up",
        "Milestone:** Get promoted",
    ] {
        assert!(text.contains(heading), "missing {heading:?} in {text}");
    }
    assert_eq!(text.matches('λ').count(), 2000, "the long takeaways are split, not cut");
    let file = first.attachment_text("session-1-summary.md").unwrap();
    assert!(
        file.contains("# 📒 Session #1 summary") && file.contains("Mo") && file.contains("America/New_York"),
        "{file}"
    );
    assert_eq!(file.matches('λ').count(), 2000);
    let labels: Vec<String> = first.buttons().into_iter().map(|(_, l)| l).collect();
    assert_eq!(labels, ["Add takeaways", "Add resources", "Add action item", "Book next session"]);
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_follow_up_buttons_add_an_action_book_the_next_session_and_edit_notes() {
    let w = paired_world().await;
    let session = held_session(&w).await;
    let id: i64 = session[1..].parse().unwrap();
    let r = w.actor(MO).slash("session summary", &[]).await.unwrap();
    let summary = r.message().unwrap().clone();

    // Add action item: agreed in this session.
    let r = w.actor(MO).press(&summary, &format!("action:new:{id}")).await.unwrap();
    let modal = r.modal().unwrap().clone();
    let r = w
        .actor(MO)
        .submit(
            &modal,
            &[
                ("title", "Send salary data"),
                ("owner", "partner"),
                ("deadline", "fri"),
                ("success", "Mia has 3 data points"),
            ],
        )
        .await
        .unwrap();
    assert!(r.text().contains("A1 added") && r.text().contains(&format!("Owner: <@{MIA}>")), "{}", r.text());
    let item = w.store.action(1).await.unwrap().unwrap();
    assert_eq!(item.session_id, Some(id));

    // Book next session: with the partner, through /book's rules.
    let r = w.actor(MO).press(&summary, &format!("book:next:{id}")).await.unwrap();
    let modal = r.modal().unwrap().clone();
    let r = w.actor(MO).submit(&modal, &[("when", "fri 10:00"), ("duration", "45")]).await.unwrap();
    assert!(r.text().contains("Session #2 booked") && r.text().contains("45 minutes"), "{}", r.text());
    dm_containing(&w, MIA, "Session #2 booked").await;
    let r = w.actor(MO).press(&summary, &format!("book:next:{id}")).await.unwrap();
    let modal = r.modal().unwrap().clone();
    let r = w.actor(MO).submit(&modal, &[("when", "fri 10:30"), ("duration", "ten")]).await.unwrap();
    assert!(r.text().contains("`ten` is not a number of minutes"), "{}", r.text());
    assert_eq!(count(&w, "sessions").await, 2);

    // Add resources: the notes form with resources on top.
    let r = w.actor(MO).press(&summary, &format!("resources:{id}")).await.unwrap();
    let modal = r.modal().unwrap().clone();
    assert_eq!(modal.fields[0].custom_id, "resources");
    let r = w.actor(MO).submit(&modal, &[("resources", "rustlings | tool | practice")]).await.unwrap();
    assert!(r.text().contains("Notes of session #1 saved"), "{}", r.text());

    // Session notes: the same form, pre-filled with what is there.
    let r = w.actor(MO).press(&summary, &format!("notes:{id}")).await.unwrap();
    let modal = r.modal().unwrap().clone();
    assert_eq!(modal.fields[1].value.as_deref(), Some("rustlings | tool | practice"));

    let r = w.actor(MIA).slash("session summary", &[("session", &session)]).await.unwrap();
    let text = full_text(&w, &r, |t| t.contains("Next session booked")).await;
    assert!(
        text.contains("**A1** Send salary data") && text.contains("Success looks like: Mia has 3 data points"),
        "{text}"
    );
    assert!(text.contains("Next session booked:** #2"), "{text}");
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_summary_of_an_upcoming_session_offers_the_agenda_form() {
    let w = paired_world().await;
    let session = book_mia(&w, "tomorrow 15:00").await;
    let r = w.actor(MIA).slash("session summary", &[("session", &session)]).await.unwrap();
    let summary = r.message().unwrap().clone();
    assert!(r.text().contains("has not started yet"), "{}", r.text());
    let r = w.actor(MIA).press(&summary, &summary.button_id("Submit agenda").unwrap()).await.unwrap();
    let modal = r.modal().unwrap().clone();
    assert_eq!(modal.title, "Agenda for session #1");
    w.actor(MIA).submit(&modal, &[("goal", "From the button")]).await.unwrap();
    assert_eq!(w.store.agenda(session[1..].parse().unwrap()).await.unwrap().unwrap().goal, "From the button");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn someone_outside_the_pair_gets_no_summary_and_no_notes_form() {
    let w = paired_world().await;
    join(&w, OTTO, "mentee", None).await;
    let session = held_session(&w).await;
    let unknown = w.actor(OTTO).slash("session summary", &[("session", "s999")]).await.unwrap();
    let r = w.actor(OTTO).slash("session summary", &[("session", &session)]).await.unwrap();
    assert_eq!(r.text(), unknown.text());
    assert!(r.text().contains("I don't know that session"));
    let r = w.actor(OTTO).slash("notes", &[("session", &session)]).await.unwrap();
    assert_eq!(r.text(), unknown.text());
    w.stop().await;
}
