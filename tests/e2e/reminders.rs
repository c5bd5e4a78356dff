//! The scheduler meets session content: buttons in scheduled DMs open the right forms, an agenda
//! stops the nudges and reaches the mentor's prep note, action items get deadline reminders that
//! follow every change, and missed reminders arrive as one message.

use crate::common::*;

fn dm_with(w: &World, user: u64, needle: &str) -> discord_sim::Message {
    let dms = w.sim.dms(user);
    dms.iter()
        .rev()
        .find(|m| m.text().contains(needle))
        .cloned()
        .unwrap_or_else(|| panic!("no DM with {needle:?}: {dms:#?}"))
}

fn count_dms(w: &World, user: u64, needle: &str) -> usize {
    w.sim.dms(user).iter().filter(|m| m.text().contains(needle)).count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn submitting_the_agenda_from_the_request_dm_stops_the_nudges_and_feeds_the_mentors_prep() {
    let mut w = paired_world().await;
    book(&w, MIA, MO, "tue 15:00").await;
    w.run_until(utc(2026, 11, 23, 14, 0)).await.unwrap();
    let request = dm_with(&w, MIA, "Agenda time");
    let form = w.sim.actor(MIA).in_dm().press(&request, "agenda:1").await.unwrap();
    let modal = form.modal().unwrap().clone();
    let saved = w
        .sim
        .actor(MIA)
        .in_dm()
        .submit(
            &modal,
            &[("goal", "Leave with a plan for the promotion case"), ("topics", "!Promotion case\nConference talk")],
        )
        .await
        .unwrap();
    assert!(saved.text().to_lowercase().contains("agenda"), "{}", saved.text());
    assert!(dm_with(&w, MO, "Leave with a plan").buttons().iter().any(|b| b.0 == "topic:1"));
    w.run_until(utc(2026, 11, 24, 17, 0)).await.unwrap();
    assert_eq!(count_dms(&w, MIA, "Agenda still missing"), 0);
    assert_eq!(count_dms(&w, MO, "No agenda yet"), 0);
    let prep = dm_with(&w, MO, "Prep · session #1");
    assert!(
        prep.text().contains("Leave with a plan for the promotion case") && prep.text().contains("Promotion case"),
        "{}",
        prep.text()
    );
    assert!(prep.text().contains("Open action items"), "{}", prep.text());
    let status = say(&w, ADA, "program status", &[]).await;
    assert!(status.contains("Skipped\n2"), "the nudge and the mentor's note: {status}");
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_follow_up_buttons_record_notes_add_an_action_and_book_the_next_session() {
    let mut w = paired_world().await;
    book(&w, MIA, MO, "tue 15:00").await;
    w.run_until(utc(2026, 11, 24, 16, 0)).await.unwrap();
    let follow_up = dm_with(&w, MIA, "How did it go?");
    let mia = w.sim.actor(MIA).in_dm();

    let modal = mia.press(&follow_up, "notes:1").await.unwrap().modal().unwrap().clone();
    let r = mia.submit(&modal, &[("takeaways", "Write the promotion case as a story")]).await.unwrap();
    assert!(r.text().contains("completed") || r.text().contains("Notes"), "{}", r.text());

    let modal = mia.press(&follow_up, "action:new:1").await.unwrap().modal().unwrap().clone();
    let r = mia
        .submit(&modal, &[("title", "Draft the promotion case"), ("owner", "me"), ("deadline", "fri")])
        .await
        .unwrap();
    assert!(r.text().contains("A1"), "{}", r.text());

    let modal = mia.press(&follow_up, "book:next:1").await.unwrap().modal().unwrap().clone();
    let r = mia.submit(&modal, &[("when", "1.12. 15:00")]).await.unwrap();
    assert!(r.text().contains("Session #2 booked"), "{}", r.text());

    // Notes were recorded: the second follow-up is skipped.
    w.run_until(utc(2026, 11, 27, 0, 0)).await.unwrap();
    assert_eq!(count_dms(&w, MIA, "Nothing recorded yet"), 0);
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deadline_reminder_follows_the_item_and_its_buttons_work_from_the_dm() {
    let mut w = paired_world().await;
    // Deadline Thursday 26 Nov, end of day in Berlin (22:59 UTC).
    let r = say(
        &w,
        MIA,
        "action add",
        &[("success", "It is done"), ("title", "Draft the promotion case"), ("owner", "me"), ("deadline", "26.11.")],
    )
    .await;
    assert!(r.contains("A1"), "{r}");
    // 24h before is 23:59 Wednesday, inside quiet hours: 20:59 Berlin (19:59 UTC).
    w.run_until(utc(2026, 11, 25, 19, 59)).await.unwrap();
    let reminder = dm_with(&w, MIA, "due soon");
    assert_eq!(reminder.timestamp, utc(2026, 11, 25, 19, 59));
    assert!(reminder.text().contains("Draft the promotion case"), "{}", reminder.text());
    let ids: Vec<String> = reminder.buttons().into_iter().map(|b| b.0).collect();
    assert_eq!(ids.len(), 3, "{ids:?}");

    // +3 days from the DM: a new reminder 24 hours before Sunday's deadline, and none for Thursday.
    let later = ids.iter().find(|id| id.starts_with("action:later:")).unwrap().clone();
    let r = w.sim.actor(MIA).in_dm().press(&reminder, &later).await.unwrap();
    assert!(r.text().contains("29 Nov") || r.text().contains("<t:"), "{}", r.text());
    w.run_until(utc(2026, 11, 28, 20, 0)).await.unwrap();
    assert_eq!(count_dms(&w, MIA, "due soon"), 2);
    assert_eq!(count_dms(&w, MIA, "overdue"), 0);
    let second = dm_with(&w, MIA, "due soon");
    assert_eq!(second.timestamp, utc(2026, 11, 28, 19, 59));

    // Done from the DM: no overdue reminder follows.
    let done = second.buttons().into_iter().find(|b| b.0.starts_with("action:done:")).unwrap().0;
    w.sim.actor(MIA).in_dm().press(&second, &done).await.unwrap();
    w.run_until(utc(2026, 12, 2, 0, 0)).await.unwrap();
    assert_eq!(count_dms(&w, MIA, "overdue"), 0);
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_overdue_item_gets_one_reminder_the_next_morning_and_then_only_the_weekly_count() {
    let mut w = paired_world().await;
    say(
        &w,
        MIA,
        "action add",
        &[("success", "It is done"), ("title", "Read the style guide"), ("owner", "me"), ("deadline", "24.11. 12:00")],
    )
    .await;
    w.run_until(utc(2026, 12, 1, 0, 0)).await.unwrap();
    let overdue: Vec<_> = w.sim.dms(MIA).into_iter().filter(|m| m.text().contains("overdue")).collect();
    assert_eq!(overdue.len(), 1, "no daily spam");
    // The morning after: 08:00 Berlin on Wednesday.
    assert_eq!(overdue[0].timestamp, utc(2026, 11, 25, 7, 0));
    let nudge = w.sim.channel_messages(MENTORING).last().unwrap().text();
    assert!(nudge.contains("Actions overdue\n1"), "{nudge}");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reminders_missed_during_downtime_arrive_as_one_message() {
    let mut w = paired_world().await;
    for (title, deadline) in [("First", "25.11. 18:00"), ("Second", "25.11. 19:00"), ("Third", "26.11. 12:00")] {
        say(
            &w,
            MIA,
            "action add",
            &[("success", "It is done"), ("title", title), ("owner", "me"), ("deadline", deadline)],
        )
        .await;
    }
    w.run_until(utc(2026, 11, 24, 0, 0)).await.unwrap();
    let before = w.sim.dms(MIA).len();
    let down = w.stop_bot().await;
    let w = down.start_bot_at(utc(2026, 11, 25, 12, 0)).await.unwrap();
    let new: Vec<_> = w.sim.dms(MIA).into_iter().skip(before).collect();
    assert_eq!(new.len(), 1, "{new:#?}");
    let text = new[0].text();
    assert!(text.contains("3 action items need you") && text.contains("First") && text.contains("Third"), "{text}");
    assert_eq!(new[0].buttons().len(), 9);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_weekly_nudge_counts_agendas_on_time_of_held_sessions_and_actions_done() {
    let mut w = paired_world().await;
    let session = book_mia(&w, "tue 15:00").await;
    write_agenda(&w, &session, "A clear goal", "Topic").await;
    say(
        &w,
        MIA,
        "action add",
        &[("success", "It is done"), ("title", "Quick win"), ("owner", "me"), ("deadline", "27.11.")],
    )
    .await;
    say(&w, MIA, "action done", &[("item", "A1")]).await;
    // Only held sessions count: Mia says they met.
    w.run_until(utc(2026, 11, 24, 16, 1)).await.unwrap();
    let follow_up = dm_with(&w, MIA, "How did it go?");
    let r = w.sim.actor(MIA).in_dm().press(&follow_up, "attend:met:1").await.unwrap();
    assert!(r.text().contains("counts as held"), "{}", r.text());
    w.run_until(utc(2026, 11, 30, 9, 0)).await.unwrap();
    let posts: Vec<String> = w.sim.channel_messages(MENTORING).iter().map(discord_sim::Message::text).collect();
    assert_eq!(posts.len(), 2);
    // Monday 23 Nov reports the week of the 16th, when the item was done.
    assert!(posts[0].contains("Actions done last week\n1") && posts[0].contains("Booked this week\n1"), "{}", posts[0]);
    assert!(posts[1].contains("Agendas on time\n100% (1 of 1)"), "{}", posts[1]);
    for post in &posts {
        assert!(!post.contains("Quick win") && !post.contains("A clear goal"), "{post}");
    }
    w.stop().await;
}
