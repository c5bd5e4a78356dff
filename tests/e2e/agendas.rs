//! Agendas end to end: /agenda edit (form), the mentor's DM with Add topic, /agenda view, rules.

use crate::common::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mentee_writes_an_agenda_and_the_mentor_gets_it_by_dm_and_adds_a_topic() {
    let w = paired_world().await;
    let session = book_mia(&w, "tomorrow 15:00").await;
    let r = w.actor(MIA).slash("agenda edit", &[]).await.unwrap();
    let modal = r.modal().unwrap().clone();
    assert_eq!(modal.title, "Agenda for session #1");
    let ids: Vec<&str> = modal.fields.iter().map(|f| f.custom_id.as_str()).collect();
    assert_eq!(ids, ["goal", "progress", "challenges", "topics", "support"]);
    assert!(modal.fields.iter().all(|f| f.label.chars().count() <= 45 && f.max_length == Some(4000)));
    let r = w
        .actor(MIA)
        .submit(
            &modal,
            &[
                ("goal", "A plan for my promotion case"),
                ("progress", "Finished the Rust book"),
                ("challenges", "Little time"),
                ("topics", "Portfolio review\n! Salary negotiation"),
                ("support", "Should I switch teams?"),
            ],
        )
        .await
        .unwrap();
    assert!(r.is_ephemeral());
    let text = r.text();
    assert!(text.contains("Agenda for session #1 saved"), "{text}");
    assert!(text.contains(&format!("<@{MO}> got it by DM")), "{text}");
    assert!(text.find("Salary negotiation").unwrap() < text.find("Portfolio review").unwrap(), "high priority first");

    let dm = dm_containing(&w, MO, "Agenda for session #1").await;
    let dm_text = dm.text();
    assert!(
        dm_text.contains("A plan for my promotion case") && dm_text.contains("Should I switch teams?"),
        "{dm_text}"
    );
    assert!(dm_text.contains("<t:1795356000:F>"), "Discord timestamp of the session: {dm_text}");
    let add_topic = dm.button_id("Add topic").unwrap();
    assert_eq!(add_topic, format!("topic:{}", &session[1..]));

    let r = w.actor(MO).in_dm().press(&dm, &add_topic).await.unwrap();
    let modal = r.modal().unwrap().clone();
    let r =
        w.actor(MO).in_dm().submit(&modal, &[("topics", "! Feedback on your design doc\nReading list")]).await.unwrap();
    assert!(r.text().contains("Added to the agenda of session #1"), "{}", r.text());
    let told = dm_containing(&w, MIA, "Topics added to session #1").await;
    assert!(told.text().contains("Feedback on your design doc") && told.text().contains("Reading list"));

    let r = w.actor(MIA).slash("agenda view", &[]).await.unwrap();
    let text = r.text();
    assert!(r.is_ephemeral());
    assert!(text.contains("Feedback on your design doc") && text.contains(&format!("added by <@{MO}>")), "{text}");
    let r = w.actor(MO).slash("agenda view", &[("session", &session)]).await.unwrap();
    assert!(r.text().contains("A plan for my promotion case"));
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn submitting_again_edits_the_agenda_with_the_form_prefilled() {
    let w = paired_world().await;
    let session = book_mia(&w, "tomorrow 15:00").await;
    write_agenda(&w, &session, "First goal", "Topic A").await;
    let r = w.actor(MIA).slash("agenda edit", &[("session", &session)]).await.unwrap();
    let modal = r.modal().unwrap().clone();
    let goal = modal.fields.iter().find(|f| f.custom_id == "goal").unwrap();
    assert_eq!(goal.value.as_deref(), Some("First goal"));
    let r = w.actor(MIA).submit(&modal, &[("goal", "Second goal")]).await.unwrap();
    assert!(r.text().contains("updated"), "{}", r.text());
    let dm = dm_containing(&w, MO, "updated the agenda").await;
    assert!(dm.text().contains("Second goal") && dm.text().contains("Topic A"));
    let stored = w.store.agenda(session[1..].parse().unwrap()).await.unwrap().unwrap();
    assert_eq!((stored.goal.as_str(), stored.topics.as_str(), stored.revision), ("Second goal", "Topic A", 1));
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_pairs_open_action_items_are_attached_as_leftover_actions() {
    let w = paired_world().await;
    let r = w
        .actor(MIA)
        .slash(
            "action add",
            &[("success", "It is done"), ("title", "Read chapter 3"), ("owner", "me"), ("deadline", "mon")],
        )
        .await
        .unwrap();
    assert!(r.text().contains("A1 added"), "{}", r.text());
    w.clock.advance(chrono::Duration::minutes(5));
    let session = book_mia(&w, "tomorrow 15:00").await;
    let r = write_agenda(&w, &session, "Goal", "Topic").await;
    let text = r.text();
    assert!(text.contains("Leftover actions from last session") && text.contains("**A1** Read chapter 3"), "{text}");
    let dm = dm_containing(&w, MO, "Agenda for session #1").await;
    assert!(dm.text().contains("Read chapter 3"));
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn someone_outside_the_pair_cannot_read_the_agenda_and_learns_nothing() {
    let w = paired_world().await;
    join(&w, OTTO, "mentee", None).await;
    let session = book_mia(&w, "tomorrow 15:00").await;
    write_agenda(&w, &session, "Secret goal", "Secret topic").await;
    let unknown = w.actor(OTTO).slash("agenda view", &[("session", "s999")]).await.unwrap();
    let r = w.actor(OTTO).slash("agenda view", &[("session", &session)]).await.unwrap();
    assert!(r.is_ephemeral());
    assert_eq!(r.text(), unknown.text());
    assert!(r.text().contains("I don't know that session"), "{}", r.text());
    assert!(!r.text().contains("Secret"));
    // An admin outside the pair sees no pair content either.
    join(&w, ADA, "mentor", None).await;
    let r = w.actor(ADA).slash("agenda view", &[("session", &session)]).await.unwrap();
    assert_eq!(r.text(), unknown.text());
    // Nor can Otto open the Add topic form of the session.
    let r = w.actor(OTTO).slash("agenda topic", &[("session", &session)]).await.unwrap();
    assert!(r.text().contains("I don't know that session"));
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agenda_for_a_cancelled_session_is_refused() {
    let w = paired_world().await;
    let session = book_mia(&w, "tomorrow 15:00").await;
    w.actor(MO).slash("cancel", &[("session", &session)]).await.unwrap();
    let r = w.actor(MIA).slash("agenda edit", &[("session", &session)]).await.unwrap();
    assert!(r.is_ephemeral());
    assert!(r.text().contains("Session #1 is cancelled, so it takes no agenda"), "{}", r.text());
    assert_eq!(count(&w, "agendas").await, 0);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agenda_for_a_session_that_started_is_refused_even_from_a_form_opened_before() {
    let w = paired_world().await;
    let session = book_mia(&w, "tomorrow 15:00").await;
    let r = w.actor(MIA).slash("agenda edit", &[("session", &session)]).await.unwrap();
    let modal = r.modal().unwrap().clone();
    w.clock.advance(chrono::Duration::days(2));
    let r = w.actor(MIA).submit(&modal, &[("goal", "Too late")]).await.unwrap();
    assert!(r.text().contains("Session #1 has already started"), "{}", r.text());
    assert_eq!(count(&w, "agendas").await, 0);
    let r = w.actor(MIA).slash("agenda edit", &[("session", &session)]).await.unwrap();
    assert!(r.text().contains("has already started"), "{}", r.text());
    // Without an upcoming session there is nothing to prepare.
    let r = w.actor(MIA).slash("agenda edit", &[]).await.unwrap();
    assert!(r.text().contains("You have no upcoming session"), "{}", r.text());
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_mentee_writes_the_agenda_and_the_mentor_adds_topics() {
    let w = paired_world().await;
    book_mia(&w, "tomorrow 15:00").await;
    let r = w.actor(MO).slash("agenda edit", &[]).await.unwrap();
    assert!(r.text().contains("The mentee writes the agenda"), "{}", r.text());
    let r = w.actor(MIA).slash("agenda topic", &[]).await.unwrap();
    assert!(r.text().contains("The mentor adds topics"), "{}", r.text());
    let r = w.actor(MO).slash("agenda topic", &[]).await.unwrap();
    let modal = r.modal().unwrap().clone();
    w.actor(MO).submit(&modal, &[("topics", "Career ladder")]).await.unwrap();
    let r = w.actor(MIA).slash("agenda view", &[]).await.unwrap();
    assert!(r.text().contains("No agenda yet") && r.text().contains("Career ladder"), "{}", r.text());
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn four_thousand_characters_in_every_field_round_trip_whole() {
    let w = paired_world().await;
    let session = book_mia(&w, "tomorrow 15:00").await;
    let r = w.actor(MIA).slash("agenda edit", &[("session", &session)]).await.unwrap();
    let modal = r.modal().unwrap().clone();
    let fields = ["goal", "progress", "challenges", "topics", "support"];
    let marks = ['α', 'β', 'γ', 'δ', 'ε'];
    let texts: Vec<String> = marks.iter().map(|m| format!("{m} ").repeat(2000)).collect();
    let values: Vec<(&str, &str)> = fields.iter().copied().zip(texts.iter().map(String::as_str)).collect();
    let r = w.actor(MIA).submit(&modal, &values).await.unwrap();
    let all = |t: &str| marks.iter().all(|m| t.matches(*m).count() == 2000);
    let text = full_text(&w, &r, all).await;
    assert!(all(&text), "every character shows in the reply and its followups");
    let stored = w.store.agenda(session[1..].parse().unwrap()).await.unwrap().unwrap();
    assert_eq!(stored.challenges, texts[2].trim_end());
    let dm = dm_containing(&w, MO, "Agenda for session #1").await;
    let file = dm.attachment_text("agenda-session-1.md").unwrap();
    assert!(all(&file), "the attached file has everything");
    assert!(dm.content.contains("complete text is in the attached file"));
    let view = w.actor(MO).slash("agenda view", &[("session", &session)]).await.unwrap();
    assert!(all(&full_text(&w, &view, all).await));
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mentor_with_dms_closed_is_reported_to_the_mentee() {
    let w = world().await;
    setup_program(&w).await;
    join(&w, DANA, "mentor", None).await;
    join(&w, MIA, "mentee", None).await;
    w.actor(ADA).slash("pair", &[("mentor", &DANA.to_string()), ("mentee", &MIA.to_string())]).await.unwrap();
    w.actor(MIA).slash("book", &[("with", &DANA.to_string()), ("when", "tomorrow 15:00")]).await.unwrap();
    let r = write_agenda(&w, "s1", "Goal", "Topic").await;
    assert!(r.text().contains("Agenda for session #1 saved"), "{}", r.text());
    assert!(r.text().contains(&format!("I could not DM <@{DANA}>")), "{}", r.text());
    assert_eq!(count(&w, "agendas").await, 1);
    w.stop().await;
}
