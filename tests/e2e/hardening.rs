//! Hardening end to end: a command whose options cannot be read leaves nothing running, SQLite
//! under concurrent bookings, privacy of the overlap refusal, the weekly nudge's hourly floor,
//! option limits in the command definitions.

use std::time::Duration;

use crate::common::*;

/// Waits (boundedly) for the counter of running commands to settle, then returns it.
async fn in_flight_after_reply(w: &World) -> usize {
    for _ in 0..100 {
        if w.bot.commands_in_flight() == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    w.bot.commands_in_flight()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_command_whose_options_cannot_be_read_is_answered_and_no_longer_counts_as_running() {
    let w = paired_world().await;
    let r = w
        .actor(MIA)
        .slash("goal add", &[("why", "It matters"), ("measure", "Progress shows"), ("title", "Ship it")])
        .await
        .unwrap();
    assert!(r.text().contains("Goal added"), "{}", r.text());
    // A client with an old copy of /goal progress sends `percent` as text.
    let r = w.actor(MIA).slash_outdated("goal progress", &[("goal", "g1"), ("percent", "fifty")]).await.unwrap();
    assert!(r.is_ephemeral());
    assert!(r.text().contains("could not read"), "{}", r.text());
    assert_eq!(in_flight_after_reply(&w).await, 0, "the failed command still counts as running");
    let r = w.actor(MIA).slash("goal list", &[]).await.unwrap();
    assert!(r.text().contains("0%"), "{}", r.text());
    assert_eq!(in_flight_after_reply(&w).await, 0);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_pairs_booking_at_once_on_two_database_connections_all_succeed() {
    const PAIRS: u64 = 20;
    let w = world_with(t0(), |o| {
        o.extra_members = 2 * PAIRS;
        o.configure = |c| c.database.max_connections = 2;
    })
    .await;
    setup_program(&w).await;
    for i in 0..PAIRS {
        join(&w, extra(2 * i), "mentor", None).await;
        join(&w, extra(2 * i + 1), "mentee", None).await;
        let (mentor, mentee) = (extra(2 * i).to_string(), extra(2 * i + 1).to_string());
        let r = w.actor(ADA).slash("pair", &[("mentor", &mentor), ("mentee", &mentee)]).await.unwrap();
        assert!(r.text().contains("Paired"), "{}", r.text());
    }
    let mentees: Vec<_> = (0..PAIRS).map(|i| (w.actor(extra(2 * i + 1)), extra(2 * i).to_string())).collect();
    let replies = futures_util::future::join_all(mentees.iter().map(|(actor, mentor)| async move {
        actor.slash("book", &[("with", mentor.as_str()), ("when", "tomorrow 15:00")]).await
    }))
    .await;
    for (i, reply) in replies.into_iter().enumerate() {
        let text = reply.unwrap().text();
        assert!(text.contains("Session #1 booked"), "pair {i}: {text}");
    }
    let booked: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions").fetch_one(w.store.pool()).await.unwrap();
    assert_eq!(booked, 20);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_overlap_refusal_says_the_partner_is_busy_without_their_other_sessions_number_or_time() {
    let w = paired_world().await;
    join(&w, DANA, "mentee", None).await;
    say(&w, ADA, "pair", &[("mentor", &MO.to_string()), ("mentee", &DANA.to_string())]).await;
    // Mo meets Dana at 15:00-16:00 Berlin (14:00 UTC); it is their session #1.
    assert!(book(&w, MO, DANA, "tomorrow 9:00").await.contains("Session #1 booked"));
    let (start, end) = (utc(2026, 11, 22, 14, 0).timestamp(), utc(2026, 11, 22, 15, 0).timestamp());
    let text = book(&w, MIA, MO, "tomorrow 15:30").await;
    assert!(text.contains("Mo is busy then"), "{text}");
    assert!(!text.contains("#1") && !text.contains(&start.to_string()) && !text.contains(&end.to_string()), "{text}");
    // A series over that time leaves the occurrence out the same way.
    let text = say(
        &w,
        MIA,
        "book",
        &[("with", &MO.to_string()), ("when", "tomorrow 15:30"), ("repeat", "weekly"), ("count", "2")],
    )
    .await;
    assert!(text.contains("Mo is busy then") && !text.contains("session #1"), "{text}");
    // The caller's own clash may still be named.
    // (the series' second session, 29 Nov 15:30, is Mia's #1 with Mo)
    let text = book(&w, MIA, MO, "2026-11-29 16:00").await;
    assert!(text.contains("overlaps session #1 of yours"), "{text}");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_nudge_schedule_more_frequent_than_hourly_is_refused_in_the_command_and_in_the_configuration() {
    let mut w = world().await;
    setup_program(&w).await;
    let text = say(&w, ADA, "program nudges", &[("schedule", "0 9 * * Mon")]).await;
    assert!(text.contains("Mon 23 Nov 2026 09:00 CET"), "{text}");
    for too_often in ["* * * * * *", "*/15 * * * *"] {
        let text = say(&w, ADA, "program nudges", &[("schedule", too_often)]).await;
        assert!(text.contains("more often than once an hour"), "{text}");
    }
    let text = say(&w, ADA, "program nudges", &[("schedule", "0 * * * *")]).await;
    assert!(text.contains("Sat 21 Nov 2026 11:00 CET"), "hourly is the floor: {text}");
    w.run_until(utc(2026, 11, 21, 12, 30)).await.unwrap();
    assert_eq!(w.sim.channel_messages(MENTORING).len(), 3, "hourly (10:00, 11:00 and 12:00 UTC), not every second");
    w.stop().await;
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mentor-bot"))
        .arg("check-config")
        .env("MENTOR_BOT__SCHEDULER__WEEKLY_NUDGE", "* * * * * *")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("scheduler.weekly_nudge") && err.contains("more often than once an hour"), "{err}");
}

/// The registered definition of `/name`'s option `option`.
fn registered_option(w: &World, name: &str, option: &str) -> serde_json::Value {
    let put = w.sim.requests().into_iter().rfind(|r| r.method == "PUT" && r.path.ends_with("/commands")).unwrap();
    let defs = put.body.unwrap();
    let command = defs.as_array().unwrap().iter().find(|c| c["name"] == name).unwrap().clone();
    let options = command["options"].as_array().unwrap().clone();
    // One level of subcommands (`goal progress`).
    let sub = options
        .iter()
        .find(|o| o["type"] == 1 && o["options"].as_array().is_some_and(|v| v.iter().any(|p| p["name"] == option)));
    let options = sub.map_or(options.clone(), |s| s["options"].as_array().unwrap().clone());
    options.into_iter().find(|o| o["name"] == option).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn percent_is_limited_to_0_to_100_and_the_booking_duration_to_the_configured_range_by_definition() {
    let w = world_with(t0(), |o| {
        o.configure = |c| {
            c.booking.min_duration_minutes = 30;
            c.booking.max_duration_minutes = 90;
            c.booking.default_duration_minutes = 45;
        };
    })
    .await;
    let percent = registered_option(&w, "goal", "percent");
    assert_eq!((percent["min_value"].as_f64(), percent["max_value"].as_f64()), (Some(0.0), Some(100.0)), "{percent}");
    let duration = registered_option(&w, "book", "duration");
    assert_eq!(
        (duration["min_value"].as_f64(), duration["max_value"].as_f64()),
        (Some(30.0), Some(90.0)),
        "{duration}"
    );
    assert!(duration["description"].as_str().unwrap().contains("30–90, default 45"), "{duration}");
    setup_program(&w).await;
    join(&w, MO, "mentor", None).await;
    join(&w, MIA, "mentee", None).await;
    say(&w, ADA, "pair", &[("mentor", &MO.to_string()), ("mentee", &MIA.to_string())]).await;
    let mia = w.actor(MIA);
    let with = MO.to_string();
    let refused = mia.slash("book", &[("with", &with), ("when", "tomorrow 15:00"), ("duration", "120")]).await;
    assert!(refused.unwrap_err().to_string().contains("at most 90"));
    let text = say(&w, MIA, "book", &[("with", &with), ("when", "tomorrow 15:00"), ("duration", "90")]).await;
    assert!(text.contains("Session #1 booked"), "{text}");
    w.stop().await;
}
