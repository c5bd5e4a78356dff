//! A member's own data end to end: `/me export` holds exactly theirs, `/me forget` erases what
//! it says while the partner's history stays whole, retention deletes only what is old enough,
//! the database file is private; and admin commands: registered for Manage Server only,
//! refused to everyone else on every path, and granted per server by the coordinator role.

use discord_sim::{Reply, UserSpec};
use serde_json::Value;

use crate::common::*;

/// Tuesday 24 Nov 16:01 UTC: Mia's 15:00 (Berlin) session has ended and the follow-ups are out.
fn after_tuesday() -> chrono::DateTime<chrono::Utc> {
    utc(2026, 11, 24, 16, 1)
}

async fn scalar(w: &World, sql: &str) -> i64 {
    sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql.to_owned())).fetch_one(w.store.pool()).await.unwrap()
}

/// Submits the form a slash command opened.
async fn form(w: &World, user: u64, command: &str, options: &[(&str, &str)], values: &[(&str, &str)]) -> Reply {
    let r = w.actor(user).slash(command, options).await.unwrap();
    let modal = r.modal().unwrap_or_else(|e| panic!("{command}: {e}: {}", r.text())).clone();
    w.actor(user).submit(&modal, values).await.unwrap()
}

/// Says "We met" on the follow-up of `session` and rates it.
async fn rate(w: &World, user: u64, session: i64, value: u8) {
    let id = format!("attend:met:{session}");
    let dm = w.sim.dms(user).into_iter().rev().find(|m| m.buttons().iter().any(|b| b.0 == id)).unwrap();
    let r = w.sim.actor(user).in_dm().press(&dm, &id).await.unwrap();
    let reply = r.message().unwrap().clone();
    let r = w.sim.actor(user).in_dm().press(&reply, &format!("rate:{value}:{session}")).await.unwrap();
    assert!(r.text().contains(&format!("{value} of 5")), "{}", r.text());
}

/// Mo–Mia and Leo–Otto, each pair with a held session that has an agenda; Mia's pair also has
/// notes, a goal, action items on both sides, both persons' ratings and one upcoming session.
async fn two_pairs() -> World {
    let mut w = paired_world().await;
    join(&w, LEO, "mentor", None).await;
    join(&w, OTTO, "mentee", None).await;
    let r = w.actor(ADA).slash("pair", &[("mentor", &LEO.to_string()), ("mentee", &OTTO.to_string())]).await.unwrap();
    assert!(r.text().contains("Paired"), "{}", r.text());
    book_mia(&w, "tue 15:00").await; // session 1
    book(&w, OTTO, LEO, "tue 17:00").await; // session 2
    write_agenda(&w, "s1", "MIA-AGENDA-GOAL", "! MIA-TOPIC").await;
    form(&w, OTTO, "agenda edit", &[("session", "s2")], &[("goal", "OTTO-SECRET-GOAL")]).await;
    say(&w, MIA, "goal add", &[("title", "MIA-GOAL"), ("why", "MIA-WHY"), ("measure", "MIA-MEASURE")]).await;
    say(
        &w,
        MIA,
        "action add",
        &[("title", "MIA-ACTION"), ("owner", "me"), ("deadline", "2026-12-20"), ("success", "MIA-SUCCESS")],
    )
    .await;
    say(
        &w,
        MO,
        "action add",
        &[("title", "MO-ACTION"), ("owner", "me"), ("deadline", "2026-12-20"), ("success", "MO-SUCCESS")],
    )
    .await;
    say(
        &w,
        OTTO,
        "action add",
        &[("title", "OTTO-ACTION"), ("owner", "me"), ("deadline", "2026-12-20"), ("success", "OTTO-SUCCESS")],
    )
    .await;
    w.run_until(after_tuesday()).await.unwrap();
    rate(&w, MIA, 1, 5).await;
    rate(&w, MO, 1, 2).await;
    form(&w, MIA, "notes", &[("session", "s1")], &[("takeaways", "MIA-NOTE")]).await;
    book_mia(&w, "fri 15:00").await; // session 3, upcoming
    w
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn export_holds_exactly_the_callers_data_and_nothing_of_another_pair() {
    let w = two_pairs().await;
    let r = w.actor(MIA).slash("me export", &[]).await.unwrap();
    assert!(r.is_ephemeral());
    let message = r.message().unwrap().clone();
    let names: Vec<&str> = message.attachments.iter().map(|a| a.filename.as_str()).collect();
    assert_eq!(names, ["mentor-bot-export.json", "sessions.md", "upcoming-sessions.ics"]);

    let raw = message.attachment_text("mentor-bot-export.json").unwrap();
    let json: Value = serde_json::from_str(&raw).unwrap();
    for mine in ["MIA-AGENDA-GOAL", "MIA-TOPIC", "MIA-NOTE", "MIA-GOAL", "MIA-ACTION", "MO-ACTION"] {
        assert!(raw.contains(mine), "{mine} missing from the export");
    }
    for theirs in ["OTTO-SECRET-GOAL", "OTTO-ACTION", &OTTO.to_string(), &LEO.to_string()] {
        assert!(!raw.contains(theirs), "{theirs} of another pair is in Mia's export");
    }
    assert_eq!(json["profile"][0]["user_id"], Value::from(MIA));
    assert_eq!(json["profile"][0]["role"], Value::from("mentee"));
    assert_eq!(json["pairings"].as_array().unwrap().len(), 1);
    let sessions: Vec<i64> = json["sessions"].as_array().unwrap().iter().map(|s| s["id"].as_i64().unwrap()).collect();
    assert_eq!(sessions, [1, 3]);
    // Her own rating, never her partner's.
    let answers = json["your_attendance_answers_and_ratings"].as_array().unwrap();
    assert_eq!(answers.len(), 1, "{answers:?}");
    assert_eq!(answers[0]["user_id"], Value::from(MIA));
    assert_eq!(answers[0]["rating"], Value::from(5));
    assert!(!raw.contains("\"rating\": 2"), "Mo's rating leaked");

    let md = message.attachment_text("sessions.md").unwrap();
    assert!(md.contains("Session #1 summary") && md.contains("MIA-AGENDA-GOAL") && md.contains("MIA-NOTE"), "{md}");
    assert!(!md.contains("OTTO"), "{md}");
    let ics = message.attachment_text("upcoming-sessions.ics").unwrap();
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1, "{ics}");
    assert!(ics.contains("UID:session-3."), "{ics}");
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forget_erases_what_it_says_keeps_the_partners_history_and_cancels_pending_jobs() {
    let w = two_pairs().await;
    let mia = MIA;
    let pending_before =
        scalar(&w, &format!("SELECT COUNT(*) FROM jobs WHERE recipient_id = {mia} AND state = 'pending'")).await;
    assert!(pending_before > 0, "Mia has reminders planned");
    let ratings_before = scalar(&w, "SELECT COUNT(rating) FROM session_answers").await;

    let r = w.actor(MIA).slash("me forget", &[]).await.unwrap();
    assert!(r.is_ephemeral() && r.text().contains("a former member"), "{}", r.text());
    let question = r.message().unwrap().clone();
    let labels: Vec<String> = question.buttons().into_iter().map(|b| b.1).collect();
    assert_eq!(labels, ["Forget", "Keep"]);
    let forget_id = question.button_id("Forget").unwrap();
    let r = w.actor(MIA).press(&question, &forget_id).await.unwrap();
    let text = r.text();
    for said in [
        "Erased",
        "1 agenda(s)",
        "1 session note(s)",
        "1 action item(s) you owned",
        "1 goal(s)",
        "rating(s) no longer name you",
        "Your partners keep",
        "a former member",
    ] {
        assert!(text.contains(said), "{said:?} missing: {text}");
    }
    // The question became the answer: no buttons left to press again.
    let updated = w.sim.message(question.id).unwrap();
    assert!(updated.buttons().is_empty() && updated.text().contains("Erased"), "{}", updated.text());

    // The database holds nothing of hers and nothing names her.
    for (what, sql) in [
        ("profile", format!("SELECT COUNT(*) FROM members WHERE user_id = {mia}")),
        ("agenda", "SELECT COUNT(*) FROM agendas WHERE goal = 'MIA-AGENDA-GOAL'".to_owned()),
        ("topics", "SELECT COUNT(*) FROM agendas WHERE topics LIKE '%MIA-TOPIC%'".to_owned()),
        ("notes", "SELECT COUNT(*) FROM session_notes WHERE takeaways = 'MIA-NOTE'".to_owned()),
        ("goal", "SELECT COUNT(*) FROM goals WHERE title = 'MIA-GOAL'".to_owned()),
        ("action", "SELECT COUNT(*) FROM action_items WHERE title = 'MIA-ACTION'".to_owned()),
        ("answers", format!("SELECT COUNT(*) FROM session_answers WHERE user_id = {mia}")),
        ("pairings", format!("SELECT COUNT(*) FROM pairings WHERE mentor_id = {mia} OR mentee_id = {mia}")),
        ("sessions", format!("SELECT COUNT(*) FROM sessions WHERE booked_by = {mia} OR cancelled_by = {mia}")),
        ("jobs", format!("SELECT COUNT(*) FROM jobs WHERE recipient_id = {mia} OR payload LIKE '%{mia}%' OR dedupe_key LIKE '%{mia}%'")),
    ] {
        assert_eq!(scalar(&w, &sql).await, 0, "{what} of Mia is still stored");
    }
    // Her pending reminders were cancelled, not left to fire at a stand-in.
    assert_eq!(scalar(&w, "SELECT COUNT(*) FROM jobs WHERE recipient_id < 4194304 AND state = 'pending'").await, 0);
    // The partner's side and the counts stay.
    assert_eq!(scalar(&w, "SELECT COUNT(*) FROM action_items WHERE title = 'MO-ACTION'").await, 1);
    assert_eq!(scalar(&w, "SELECT COUNT(*) FROM sessions WHERE pairing_id = 1").await, 2);
    assert_eq!(
        scalar(&w, "SELECT COUNT(rating) FROM session_answers").await,
        ratings_before,
        "the average keeps counting"
    );
    assert_eq!(scalar(&w, "SELECT COUNT(*) FROM sessions WHERE id = 1 AND attendance = 'held'").await, 1);
    assert_eq!(
        scalar(
            &w,
            "SELECT COUNT(*) FROM (SELECT guild_id, state, COUNT(*) AS n FROM jobs GROUP BY guild_id, state) j
                    LEFT JOIN job_state_counts c USING (guild_id, state) WHERE c.n IS DISTINCT FROM j.n"
        )
        .await,
        0,
        "the job counts match the jobs"
    );
    // The other pair is untouched.
    assert_eq!(scalar(&w, "SELECT COUNT(*) FROM agendas WHERE goal = 'OTTO-SECRET-GOAL'").await, 1);
    assert_eq!(scalar(&w, "SELECT COUNT(*) FROM action_items WHERE title = 'OTTO-ACTION'").await, 1);

    // Mo was told, and his history shows a former member.
    let dm = dm_containing(&w, MO, "has ended").await;
    assert!(dm.text().contains("a former member") && !dm.text().contains(&MIA.to_string()), "{}", dm.text());
    let sessions = say(&w, MO, "sessions", &[]).await;
    assert!(sessions.contains("with a former member") && !sessions.contains(&MIA.to_string()), "{sessions}");
    let summary = say(&w, MO, "session summary", &[("session", "#1")]).await;
    assert!(summary.contains("a former member") && !summary.contains("MIA-"), "{summary}");
    // Mia is a stranger now: she can join afresh.
    let r = w.actor(MIA).slash("profile", &[]).await.unwrap();
    assert!(r.text().contains("not in this server's mentoring program"), "{}", r.text());
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keep_erases_nothing_and_only_the_asker_can_answer() {
    let w = paired_world().await;
    let r = w.actor(MIA).slash("me forget", &[]).await.unwrap();
    let question = r.message().unwrap().clone();
    let forget_id = question.button_id("Forget").unwrap();
    // Someone else sending Mia's Forget (a forged press: Discord shows her question to her only)
    // is refused.
    let r = w.actor(MO).slash("me forget", &[]).await.unwrap();
    let mo_question = r.message().unwrap().clone();
    let r = w.actor(MO).press_forged(&mo_question, &forget_id).await.unwrap();
    assert!(r.is_ephemeral() && r.text().contains("Only the person who asked"), "{}", r.text());
    assert_eq!(scalar(&w, &format!("SELECT COUNT(*) FROM members WHERE user_id = {MIA}")).await, 1);

    let r = w.actor(MIA).press(&question, &question.button_id("Keep").unwrap()).await.unwrap();
    assert!(r.text().contains("nothing was erased"), "{}", r.text());
    assert!(w.sim.message(question.id).unwrap().buttons().is_empty());
    assert_eq!(scalar(&w, &format!("SELECT COUNT(*) FROM members WHERE user_id = {MIA}")).await, 1);
    // Someone the bot knows nothing about is told so.
    let text = say(&w, OTTO, "me forget", &[]).await;
    assert!(text.contains("I hold nothing about you"), "{text}");
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retention_deletes_the_content_of_pairings_ended_longer_ago_than_the_program_keeps_it() {
    let mut w = world_with(t0(), |o| o.configure = |c| c.privacy.retain_ended = "10days".into()).await;
    setup_program(&w).await;
    let r = say(
        &w,
        ADA,
        "program setup",
        &[("channel", &MENTORING.to_string()), ("timezone", "Europe/Berlin"), ("retain_ended", "20days")],
    )
    .await;
    assert!(r.contains("deleted 20 days after they end"), "{r}");
    let bad = say(
        &w,
        ADA,
        "program setup",
        &[("channel", &MENTORING.to_string()), ("timezone", "Europe/Berlin"), ("retain_ended", "2h")],
    )
    .await;
    assert!(bad.contains("is not a retention I can use"), "{bad}");
    for (mentor, mentee) in [(MO, MIA), (LEO, OTTO)] {
        join(&w, mentor, "mentor", None).await;
        join(&w, mentee, "mentee", None).await;
        say(&w, ADA, "pair", &[("mentor", &mentor.to_string()), ("mentee", &mentee.to_string())]).await;
    }
    book_mia(&w, "tue 15:00").await;
    book(&w, OTTO, LEO, "tue 17:00").await;
    write_agenda(&w, "s1", "OLD-PAIR", "x").await;
    form(&w, OTTO, "agenda edit", &[("session", "s2")], &[("goal", "NEWER-PAIR")]).await;
    w.run_until(after_tuesday()).await.unwrap();
    confirmed(&w, ADA, "unpair", &[("mentor", &MO.to_string()), ("mentee", &MIA.to_string())]).await;
    w.advance(chrono::Duration::days(5)).await.unwrap();
    confirmed(&w, ADA, "unpair", &[("mentor", &LEO.to_string()), ("mentee", &OTTO.to_string())]).await;

    // 15 days after the first ended: past the configured 10 days, not the program's 20.
    w.advance(chrono::Duration::days(10)).await.unwrap();
    assert_eq!(scalar(&w, "SELECT COUNT(*) FROM agendas").await, 2);
    // 21 days after the first, 16 after the second: only the first pair's content goes.
    w.advance(chrono::Duration::days(6)).await.unwrap();
    assert_eq!(scalar(&w, "SELECT COUNT(*) FROM agendas WHERE goal = 'OLD-PAIR'").await, 0);
    assert_eq!(scalar(&w, "SELECT COUNT(*) FROM agendas WHERE goal = 'NEWER-PAIR'").await, 1);
    assert_eq!(scalar(&w, "SELECT COUNT(*) FROM sessions").await, 2, "sessions and their counts stay");
    assert_eq!(scalar(&w, "SELECT COUNT(*) FROM pairings WHERE content_erased_at IS NOT NULL").await, 1);
    w.advance(chrono::Duration::days(5)).await.unwrap();
    assert_eq!(scalar(&w, "SELECT COUNT(*) FROM agendas").await, 0);
    assert_clean(&w);
    w.stop().await;
}

#[cfg(unix)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_database_file_is_created_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt as _;
    let w = world_with(t0(), |o| o.sqlite_file = true).await;
    let path: String = sqlx::query_scalar("SELECT file FROM pragma_database_list WHERE name = 'main'")
        .fetch_one(w.store.pool())
        .await
        .unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{path}: {mode:o}");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_commands_are_registered_for_manage_server_only() {
    let w = world().await;
    let commands = w.sim.commands();
    let permission = |name: &str| {
        commands.iter().find(|c| c["name"] == name).unwrap_or_else(|| panic!("{name} not registered"))
            ["default_member_permissions"]
            .clone()
    };
    for admin in ["program", "pair", "unpair"] {
        assert_eq!(permission(admin), Value::from("32"), "{admin} is for Manage Server");
    }
    for everyone in ["join", "me", "book", "sessions", "help", "profile"] {
        assert_eq!(permission(everyone), Value::Null, "{everyone} is for everyone");
    }
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn non_admins_are_refused_on_every_admin_path_and_nothing_changes() {
    let w = paired_world().await;
    let channel = MENTORING.to_string();
    let setup = [("channel", channel.as_str()), ("timezone", "Asia/Tokyo")];
    let pair = [("mentor", MO.to_string()), ("mentee", MIA.to_string())];
    let pair: Vec<(&str, &str)> = pair.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let paths: Vec<(&str, Vec<(&str, &str)>)> = vec![
        ("program setup", setup.to_vec()),
        ("program settings", vec![]),
        ("program settings", vec![("name", "follow_up_after"), ("value", "3h")]),
        ("program nudges", vec![("off", "true")]),
        ("program status", vec![]),
        ("pair", pair.clone()),
        ("unpair", pair.clone()),
    ];
    for (command, options) in &paths {
        let text = say(&w, MIA, command, options).await;
        assert!(text.contains("Only program admins"), "{command}: {text}");
    }
    assert_eq!(
        scalar(&w, "SELECT COUNT(*) FROM programs WHERE time_zone = 'Europe/Berlin' AND settings = '{}'").await,
        1
    );
    assert_eq!(scalar(&w, "SELECT COUNT(*) FROM pairings WHERE active = 1").await, 1);
    assert_clean(&w);
    w.stop().await;
}

const CLEO: u64 = 800_000_000_000_000_021;
const OLGA: u64 = 800_000_000_000_000_022;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_coordinator_role_grants_admin_in_its_server_only() {
    let w = world_with(t0(), |o| o.configure = |c| c.discord.admin_role_id = 0).await;
    w.sim
        .add_user(UserSpec::new(CLEO, "Cleo").member_of(GUILD).member_of(OTHER_GUILD).role_in(GUILD, COORDINATOR_ROLE))
        .unwrap();
    w.sim.add_user(UserSpec::new(OLGA, "Olga").admin_of(OTHER_GUILD)).unwrap();
    setup_program(&w).await;
    let other = |user| w.sim.actor(user).in_guild(OTHER_GUILD).in_channel(OTHER_CHANNEL);
    let r = other(OLGA)
        .slash("program setup", &[("channel", &OTHER_CHANNEL.to_string()), ("timezone", "Europe/Berlin")])
        .await
        .unwrap();
    assert!(r.text().contains("Started"), "{}", r.text());

    let refused = say(&w, CLEO, "program status", &[]).await;
    assert!(refused.contains("Only program admins"), "without the program's role: {refused}");
    let text = say(
        &w,
        ADA,
        "program setup",
        &[
            ("channel", &MENTORING.to_string()),
            ("timezone", "Europe/Berlin"),
            ("coordinator_role", &COORDINATOR_ROLE.to_string()),
        ],
    )
    .await;
    assert!(text.contains(&format!("coordinator role: <@&{COORDINATOR_ROLE}>")), "{text}");
    let status = say(&w, CLEO, "program status", &[]).await;
    assert!(!status.contains("Only program admins"), "{status}");
    // Not in the other server, where her role means nothing.
    let r = other(CLEO).slash("program status", &[]).await.unwrap();
    assert!(r.text().contains("Only program admins"), "{}", r.text());
    // A later setup without the option keeps the role.
    say(&w, ADA, "program setup", &[("channel", &MENTORING.to_string()), ("timezone", "Europe/Berlin")]).await;
    assert!(!say(&w, CLEO, "program status", &[]).await.contains("Only program admins"));
    assert_clean(&w);
    w.stop().await;
}
