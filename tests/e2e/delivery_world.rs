//! Delivery in the world as it is: real round trips with a DM held up while people use forms and
//! buttons, a six-hour outage, a revoked token, the bot removed from a server, a job this version
//! does not know, grouped reminders that would break Discord's limits, and DM channels opened once.

use std::time::Duration as StdDuration;

use crate::common::*;
use chrono::Duration;
use discord_sim::{Fault, FaultKind, RouteMatch};

fn agenda_requests(w: &World, user: u64) -> usize {
    w.sim.dms(user).iter().filter(|m| m.text().contains("Agenda time")).count()
}

/// The agenda request of a session booked by Mia for Tuesday 24 Nov 15:00 Berlin.
fn request_at() -> chrono::DateTime<chrono::Utc> {
    utc(2026, 11, 23, 14, 0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forms_and_buttons_answer_within_three_seconds_at_250_ms_round_trips_while_a_dm_hangs_for_two() {
    let w =
        world_with(t0(), |o| o.latency = Some((StdDuration::from_millis(250), StdDuration::from_millis(250)))).await;
    setup_program(&w).await;
    join(&w, MO, "mentor", Some("America/New_York")).await;
    join(&w, MIA, "mentee", None).await;
    say(&w, ADA, "pair", &[("mentor", &MO.to_string()), ("mentee", &MIA.to_string())]).await;
    let session = book_mia(&w, "tue 15:00").await;
    // The DM carrying the agenda to Mo hangs for 2 s; Mia's form must not wait for it.
    w.sim.inject_fault(Fault::once(RouteMatch::DmTo { user: MO }, FaultKind::Hang(StdDuration::from_secs(2))));
    let reply = write_agenda(&w, &session, "Prepare the promotion case", "Evidence\nTimeline").await;
    assert!(reply.text().contains("Agenda for session #1 saved"), "{}", reply.text());
    let agenda = dm_containing(&w, MO, "Prepare the promotion case").await;
    // Mo presses Add topic on that DM (a button answered with a form) and sends the form while
    // the notice to Mia hangs.
    w.sim.inject_fault(Fault::once(RouteMatch::DmTo { user: MIA }, FaultKind::Hang(StdDuration::from_secs(2))));
    let form = w.actor(MO).press(&agenda, &format!("topic:{}", last_session_id(&w).await)).await.unwrap();
    let modal = form.modal().unwrap().clone();
    let reply = w.actor(MO).submit(&modal, &[("topics", "Salary bands")]).await.unwrap();
    assert!(reply.text().contains("Added"), "{}", reply.text());
    dm_containing(&w, MIA, "Salary bands").await;
    assert_eq!(w.sim.dms(MO).iter().filter(|m| m.text().contains("Prepare the promotion case")).count(), 1);
    assert_eq!(w.sim.dms(MIA).iter().filter(|m| m.text().contains("Salary bands")).count(), 1);
    // Late answers fail the test in the simulator (10062), so reaching here means every first
    // answer came within 3 s.
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_six_hour_outage_every_still_relevant_reminder_arrives_once_with_few_requests_during_it() {
    let mut w = paired_world().await;
    book(&w, MIA, MO, "tue 15:00").await;
    say(
        &w,
        MIA,
        "action add",
        &[("success", "It is done"), ("title", "Collect evidence"), ("owner", "me"), ("deadline", "24.11. 12:00")],
    )
    .await;
    w.run_until(utc(2026, 11, 23, 10, 0)).await.unwrap();
    let before = w.sim.dms(MIA).len();
    // Discord answers 503 to everything from Monday 10:00 to 16:00 UTC: the agenda request
    // (14:00) and the deadline reminder (Monday 12:00 Berlin) fall inside.
    let end = utc(2026, 11, 23, 16, 0);
    w.sim.outage_until(end, 503);
    w.run_until(end).await.unwrap();
    assert_eq!(w.sim.dms(MIA).len(), before, "nothing gets through the outage");
    let during = w.sim.outage_requests();
    assert!(during <= 40, "{during} requests during six hours");
    w.run_until(end + Duration::hours(2)).await.unwrap();
    let new: Vec<String> = w.sim.dms(MIA).iter().skip(before).map(discord_sim::Message::text).collect();
    assert_eq!(new.iter().filter(|t| t.contains("Agenda time")).count(), 1, "{new:#?}");
    assert_eq!(new.iter().filter(|t| t.contains("Collect evidence")).count(), 1, "{new:#?}");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_token_stops_delivery_says_so_in_program_status_and_loses_nothing() {
    let mut w = paired_world().await;
    book(&w, MIA, MO, "tue 15:00").await;
    w.run_until(request_at() - Duration::minutes(1)).await.unwrap();
    w.sim.inject_fault(Fault::once(RouteMatch::DmTo { user: MIA }, FaultKind::ServerError(401)));
    w.run_until(request_at() + Duration::minutes(1)).await.unwrap();
    assert_eq!(agenda_requests(&w, MIA), 0);
    let status = say(&w, ADA, "program status", &[]).await;
    assert!(status.contains("refuses the bot's token") && status.contains("DISCORD_TOKEN"), "{status}");
    w.run_until(request_at() + Duration::minutes(10)).await.unwrap();
    assert_eq!(agenda_requests(&w, MIA), 1);
    let status = say(&w, ADA, "program status", &[]).await;
    assert!(status.contains("Delivering"), "{status}");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn removed_from_a_server_its_reminders_pause_and_resume_when_the_bot_is_back() {
    let mut w = paired_world().await;
    book(&w, MIA, MO, "tue 15:00").await;
    w.run_until(request_at() - Duration::hours(1)).await.unwrap();
    w.sim.remove_bot_from_guild(GUILD).unwrap();
    // The bot needs a moment to read the event.
    tokio::time::sleep(StdDuration::from_millis(300)).await;
    w.run_until(request_at() + Duration::hours(2)).await.unwrap();
    assert_eq!(agenda_requests(&w, MIA), 0);
    let paused: i64 = sqlx::query_scalar("SELECT paused FROM programs").fetch_one(w.store.pool()).await.unwrap();
    assert_eq!(paused, 1);
    w.sim.add_bot_to_guild(GUILD).unwrap();
    tokio::time::sleep(StdDuration::from_millis(300)).await;
    w.bot.settle().await.unwrap();
    assert_eq!(agenda_requests(&w, MIA), 1, "still before the session: sent once it is back");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_job_this_version_does_not_know_is_set_aside_and_the_others_are_still_sent() {
    let mut w = paired_world().await;
    book(&w, MIA, MO, "tue 15:00").await;
    sqlx::query(
        "INSERT INTO jobs (kind, guild_id, subject_kind, subject_id, recipient_id, due_at, planned_at, dedupe_key,
                           created_at, updated_at)
         VALUES ('video_call_link', $1, 'program', 0, $2, $3, $3, 'from-a-newer-version', $3, $3)",
    )
    .bind(i64::try_from(GUILD).unwrap())
    .bind(i64::try_from(MIA).unwrap())
    .bind(request_at().timestamp() - 60)
    .execute(w.store.pool())
    .await
    .unwrap();
    w.run_until(request_at() + Duration::minutes(1)).await.unwrap();
    assert_eq!(agenda_requests(&w, MIA), 1);
    let status = say(&w, ADA, "program status", &[]).await;
    assert!(status.contains("Set aside"), "{status}");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_due_items_with_long_success_criteria_all_arrive_in_messages_discord_accepts() {
    let mut w = paired_world().await;
    let success = "A measurable result that the mentor can check without asking. ".repeat(20);
    let success = &success[..1000];
    for i in 1..=5 {
        let title = format!("Item number {i}");
        say(
            &w,
            MIA,
            "action add",
            &[("title", &title), ("owner", "me"), ("deadline", "26.11. 18:00"), ("success", success)],
        )
        .await;
    }
    w.run_until(utc(2026, 11, 26, 0, 0)).await.unwrap();
    let reminders: Vec<String> =
        w.sim.dms(MIA).iter().map(discord_sim::Message::text).filter(|t| t.contains("Item number")).collect();
    assert!(reminders.len() >= 2, "split to fit Discord's 6,000 characters per message: {}", reminders.len());
    for i in 1..=5 {
        assert_eq!(reminders.iter().filter(|t| t.contains(&format!("Item number {i}"))).count(), 1, "item {i}");
    }
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dm_channel_is_opened_once_and_remembered_across_restarts() {
    let mut w = paired_world().await;
    book(&w, MIA, MO, "tue 15:00").await;
    w.run_until(request_at() + Duration::minutes(1)).await.unwrap();
    let mut w = w.restart_bot().await.unwrap();
    w.run_until(utc(2026, 11, 24, 12, 0)).await.unwrap();
    assert!(w.sim.dms(MIA).len() >= 3, "pairing, request, nudge");
    let opens = w
        .sim
        .requests()
        .iter()
        .filter(|r| r.method == "POST" && r.path.ends_with("/users/@me/channels"))
        .filter(|r| {
            r.body.as_ref().is_some_and(|b| b["recipient_id"].as_str().and_then(|s| s.parse().ok()) == Some(MIA))
        })
        .count();
    assert_eq!(opens, 1);
    w.stop().await;
}
