//! Feels native to Discord: a button updates the message it sits on (the item shows its new
//! state, used buttons are disabled), and a stale press of a finished action answers sensibly.

use crate::common::*;

fn dm_with(w: &World, user: u64, needle: &str) -> discord_sim::Message {
    let dms = w.sim.dms(user);
    dms.iter()
        .rev()
        .find(|m| m.text().contains(needle))
        .cloned()
        .unwrap_or_else(|| panic!("no DM with {needle:?}: {dms:#?}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn done_on_a_reminder_updates_the_reminder_and_a_stale_press_says_it_is_done_already() {
    let mut w = paired_world().await;
    say(
        &w,
        MIA,
        "action add",
        &[("title", "Draft the promotion case"), ("owner", "me"), ("deadline", "26.11."), ("success", "One page")],
    )
    .await;
    w.run_until(utc(2026, 11, 25, 19, 59)).await.unwrap();
    let reminder = dm_with(&w, MIA, "due soon");
    let mia = w.sim.actor(MIA).in_dm();

    let r = mia.press(&reminder, "action:done:1").await.unwrap();
    let updated = r.message().unwrap();
    assert_eq!(updated.id, reminder.id, "the reminder itself is updated");
    assert!(!updated.ephemeral);
    assert!(
        updated.text().contains("A1 is done") && updated.text().contains("Draft the promotion case"),
        "{}",
        updated.text()
    );
    let disabled = updated.disabled_buttons();
    for id in ["action:done:1", "action:later:1", "action:blocked:1"] {
        assert!(disabled.iter().any(|d| d == id), "{id} still pressable: {disabled:?}");
    }
    // What the DM channel shows now is the updated message, not a second one.
    let now = w.sim.dms(MIA).into_iter().find(|m| m.id == reminder.id).unwrap();
    assert!(now.text().contains("A1 is done"), "{}", now.text());
    assert!(mia.press(&reminder, "action:done:1").await.is_err(), "a disabled button cannot be pressed");

    // An old copy of the message (a forged or stale press): answered privately, nothing changes.
    for (button, says) in
        [("action:done:1", "A1 is done already"), ("action:later:1", "A1 is done"), ("action:blocked:1", "A1 is done")]
    {
        let r = mia.press_forged(&reminder, button).await.unwrap();
        assert!(r.modal().is_err(), "{button} opened a form for a finished item");
        assert!(r.is_ephemeral() && r.text().contains(says), "{button}: {}", r.text());
    }
    let events = w.store.action_events(1).await.unwrap();
    assert_eq!(events.len(), 2, "created and done only");
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn later_and_blocked_update_the_reminder_and_leave_the_other_buttons() {
    let mut w = paired_world().await;
    say(
        &w,
        MIA,
        "action add",
        &[("title", "Draft the promotion case"), ("owner", "me"), ("deadline", "26.11."), ("success", "One page")],
    )
    .await;
    w.run_until(utc(2026, 11, 25, 19, 59)).await.unwrap();
    let reminder = dm_with(&w, MIA, "due soon");
    let mia = w.sim.actor(MIA).in_dm();

    let r = mia.press(&reminder, "action:later:1").await.unwrap();
    let updated = r.message().unwrap().clone();
    assert_eq!(updated.id, reminder.id);
    assert!(updated.text().contains("A1 moved 3 days later: now due <t:"), "{}", updated.text());
    assert_eq!(updated.disabled_buttons(), ["action:later:1"]);

    let form = mia.press(&updated, "action:blocked:1").await.unwrap();
    let modal = form.modal().unwrap().clone();
    let r = mia.submit(&modal, &[("reason", "Waiting for access")]).await.unwrap();
    let updated = r.message().unwrap();
    assert_eq!(updated.id, reminder.id, "the form's answer updates the message of its button");
    assert!(updated.text().contains("A1 moved 3 days later"), "earlier states stay: {}", updated.text());
    assert!(updated.text().contains("A1 is blocked: Waiting for access"), "{}", updated.text());
    let mut disabled = updated.disabled_buttons();
    disabled.sort();
    assert_eq!(disabled, ["action:blocked:1", "action:later:1"]);
    assert!(updated.buttons().iter().any(|b| b.0 == "action:done:1"), "Done is still offered");

    // Blocked again from an old copy: refused before any form.
    let r = mia.press_forged(&reminder, "action:blocked:1").await.unwrap();
    assert!(r.is_ephemeral() && r.text().contains("A1 is blocked already"), "{}", r.text());
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn submit_agenda_from_the_request_updates_the_request_and_retires_its_button() {
    let mut w = paired_world().await;
    book(&w, MIA, MO, "tue 15:00").await;
    w.run_until(utc(2026, 11, 23, 14, 0)).await.unwrap();
    let request = dm_with(&w, MIA, "Agenda time");
    let mia = w.sim.actor(MIA).in_dm();
    let modal = mia.press(&request, "agenda:1").await.unwrap().modal().unwrap().clone();
    let r = mia.submit(&modal, &[("goal", "Leave with a plan")]).await.unwrap();
    let updated = r.message().unwrap();
    assert_eq!(updated.id, request.id);
    assert!(updated.text().contains("Agenda time") && updated.text().to_lowercase().contains("agenda"));
    assert_ne!(updated.content, request.content, "the request says the agenda is in: {}", updated.text());
    assert_eq!(updated.disabled_buttons(), ["agenda:1"]);
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_follow_up_shows_each_answer_and_disables_the_buttons_used() {
    let mut w = paired_world().await;
    book_mia(&w, "tue 15:00").await;
    w.run_until(utc(2026, 11, 24, 16, 1)).await.unwrap();
    let follow_up = dm_with(&w, MO, "How did it go?");
    let mo = w.sim.actor(MO).in_dm();

    let r = mo.press(&follow_up, "attend:met:1").await.unwrap();
    let updated = r.message().unwrap().clone();
    assert_eq!(updated.id, follow_up.id);
    assert!(updated.text().contains("counts as held"), "{}", updated.text());
    assert_eq!(updated.disabled_buttons(), ["attend:met:1"]);
    assert!(updated.buttons().iter().any(|b| b.0 == "rate:4:1"), "ratings offered on the message");

    let modal = mo.press(&updated, "resources:1").await.unwrap().modal().unwrap().clone();
    let r = mo.submit(&modal, &[("resources", "rustlings | tool | practice")]).await.unwrap();
    let updated = r.message().unwrap();
    assert_eq!(updated.id, follow_up.id);
    assert!(updated.disabled_buttons().iter().any(|d| d == "resources:1"), "{:?}", updated.disabled_buttons());
    assert!(updated.text().contains("counts as held"), "the earlier answer stays: {}", updated.text());
    assert_clean(&w);
    w.stop().await;
}

/// The label each kind of button carries (its custom id without the trailing number).
fn labels_by_kind(messages: &[discord_sim::Message]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = messages
        .iter()
        .flat_map(discord_sim::Message::buttons)
        .filter(|(id, _)| {
            !["avail:", "rate:", "action:done:", "action:later:", "action:blocked:"].iter().any(|p| id.starts_with(p))
        })
        .map(|(id, label)| (id.rsplit_once(':').map_or(id.clone(), |(kind, _)| kind.to_owned()), label))
        .collect();
    out.sort();
    out.dedup();
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_action_has_one_label_in_command_replies_dms_and_help() {
    let mut w = paired_world().await;
    book(&w, MIA, MO, "tue 15:00").await;
    // Before the session: the summary offers the agenda form; the agenda request DM too.
    w.run_until(utc(2026, 11, 23, 14, 0)).await.unwrap();
    let before = w.actor(MIA).slash("session summary", &[]).await.unwrap();
    let mut seen = vec![before.message().unwrap().clone()];
    // After it: the summary offers the follow-up buttons; so do both follow-up DMs.
    w.run_until(utc(2026, 11, 24, 16, 1)).await.unwrap();
    let after = w.actor(MIA).slash("session summary", &[]).await.unwrap();
    seen.push(after.message().unwrap().clone());
    seen.extend(w.sim.dms(MIA));
    seen.extend(w.sim.dms(MO));
    let labels = labels_by_kind(&seen);
    let expect = [
        ("agenda", "Submit agenda"),
        ("notes", "Add takeaways"),
        ("resources", "Add resources"),
        ("action:new", "Add action item"),
        ("book:next", "Book next session"),
        ("attend:met", "We met"),
        ("attend:missed", "It didn't happen"),
        ("attend:moved", "We moved it"),
    ];
    for (kind, label) in expect {
        let found: Vec<&str> = labels.iter().filter(|(k, _)| k == kind).map(|(_, l)| l.as_str()).collect();
        assert_eq!(found, [label], "{kind}: {labels:?}");
    }
    // The summary after the session and the mentor's follow-up DM call resources the same.
    assert!(after.message().unwrap().buttons().iter().any(|b| b.1 == "Add resources"));
    assert!(dm_with(&w, MO, "How did it go?").buttons().iter().any(|b| b.1 == "Add resources"));

    let help = w.actor(MIA).slash("help", &[]).await.unwrap().text();
    for (_, label) in expect {
        assert!(help.contains(&format!("**{label}**")), "/help names {label}: {help}");
    }
    for old in ["Write agenda", "Session notes", "Share resources"] {
        assert!(!help.contains(old) && !seen.iter().any(|m| m.text().contains(old) || m.button_id(old).is_ok()));
    }
    assert_clean(&w);
    w.stop().await;
}

/// Every embed in the bot's look: its colour, a title, and a footer that starts with its name.
fn assert_bot_look(messages: &[discord_sim::Message]) {
    let problems = mentor_bot::testkit::look_problems(messages);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_embed_has_the_bots_colour_title_and_footer_and_empty_lists_read_as_sentences() {
    let mut w = paired_world().await;
    for (filter, says) in [
        ("all", "No action items yet."),
        ("open", "No open action items."),
        ("done", "No action items are done yet."),
        ("mine", "You have no open action items."),
    ] {
        let text = say(&w, MIA, "action list", &[("filter", filter)]).await;
        assert!(text.starts_with(says) && !text.contains("  ") && !text.contains("()"), "{filter}: {text}");
    }
    say(
        &w,
        MIA,
        "action add",
        &[("title", "Draft the promotion case"), ("owner", "me"), ("deadline", "26.11."), ("success", "One page")],
    )
    .await;
    let list = say(&w, MIA, "action list", &[("filter", "all")]).await;
    assert!(list.starts_with("All action items") && !list.contains("()"), "{list}");
    book(&w, MIA, MO, "tue 15:00").await;
    w.run_until(utc(2026, 11, 30, 12, 0)).await.unwrap();

    let mut seen = Vec::new();
    for (user, command, options) in [
        (MIA, "help", vec![]),
        (MIA, "profile", vec![]),
        (MIA, "action list", vec![("filter", "all")]),
        (MIA, "sessions", vec![]),
        (ADA, "program status", vec![]),
    ] {
        let r = w.actor(user).slash(command, &options).await.unwrap();
        seen.push(r.message().unwrap().clone());
        seen.extend(w.sim.followups(r.interaction_id));
    }
    seen.extend(w.sim.dms(MIA));
    seen.extend(w.sim.dms(MO));
    seen.extend(w.sim.channel_messages(MENTORING));
    assert!(seen.iter().filter(|m| !m.embeds.is_empty()).count() >= 8, "enough embeds to compare");
    assert_bot_look(&seen);
    // A DM the scheduler delivered carries its job reference after the signature.
    let footers: Vec<&str> = seen.iter().flat_map(|m| &m.embeds).filter_map(|e| e["footer"]["text"].as_str()).collect();
    assert!(footers.iter().any(|f| f.starts_with("mentor-bot · ref ")), "{footers:?}");
    assert!(footers.contains(&"mentor-bot"), "{footers:?}");
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn book_a_session_from_a_members_context_menu_opens_the_form_and_books_like_book() {
    let w = paired_world().await;
    // Registered as a user command (type 2) next to the slash commands.
    let registered = w.sim.commands();
    let menu = registered.iter().find(|c| c["name"] == "Book a session").expect("the context menu is registered");
    assert_eq!(menu["type"], 2, "{menu}");

    let r = w.actor(MIA).user_command("Book a session", MO).await.unwrap();
    let modal = r.modal().unwrap().clone();
    assert!(modal.title.starts_with("Book a session with"), "{}", modal.title);
    let r = w.actor(MIA).submit(&modal, &[("when", "tue 15:00")]).await.unwrap();
    assert!(r.is_ephemeral() && r.text().contains("Session #1 booked with"), "{}", r.text());
    assert_eq!(count(&w, "sessions").await, 1);
    dm_containing(&w, MO, "booked").await;

    // Someone who is not the caller's partner: refused like /book, nothing booked.
    let modal = w.actor(MIA).user_command("Book a session", OTTO).await.unwrap().modal().unwrap().clone();
    let r = w.actor(MIA).submit(&modal, &[("when", "wed 15:00")]).await.unwrap();
    assert!(r.is_ephemeral() && !r.text().contains("booked with"), "{}", r.text());
    assert_eq!(count(&w, "sessions").await, 1);
    // Oneself: refused at once, no form.
    let r = w.actor(MIA).user_command("Book a session", MIA).await.unwrap();
    assert!(r.modal().is_err() && r.is_ephemeral(), "{}", r.text());
    assert_clean(&w);
    w.stop().await;
}
