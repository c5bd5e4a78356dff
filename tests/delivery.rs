//! Delivery under failure: closed DMs, Discord errors, retries, crashes between claim, send and
//! mark, and catching up after downtime. Every message is delivered exactly once or, when it
//! cannot be, recorded and shown to admins.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

mod common;

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use common::*;
use discord_sim::{Fault, FaultKind, RouteMatch};
use mentor_bot::{
    app::App,
    clock::SharedClock,
    config::Token,
    notify::{DiscordNotifier, Notifier},
    runtime::http_client,
    scheduler::{Outcome, RunnerSettings, Scheduler},
};

/// The agenda request of a session booked by Mia for Tuesday 24 Nov 15:00 Berlin.
const REQUEST_AT: (i32, u32, u32, u32, u32) = (2026, 11, 23, 14, 0);

fn request_at() -> DateTime<Utc> {
    let (y, m, d, h, min) = REQUEST_AT;
    utc(y, m, d, h, min)
}

fn requests_to(w: &World, user: u64) -> Vec<discord_sim::Message> {
    w.sim.dms(user).into_iter().filter(|m| m.text().contains("Agenda time")).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn closed_dms_fall_back_to_one_channel_mention_a_day_and_show_in_status() {
    let mut w = world().await;
    setup_program(&w).await;
    join(&w, LEO, "mentor", None).await;
    join(&w, DANA, "mentee", None).await;
    say(&w, ADA, "pair", &[("mentor", &LEO.to_string()), ("mentee", &DANA.to_string())]).await;
    book(&w, LEO, DANA, "tue 15:00").await;
    // The request (Mon 15:00) and the nudge (Tue 12:00) both fail: one mention each day.
    w.run_until(utc(2026, 11, 24, 12, 0)).await.unwrap();
    let mentions: Vec<_> =
        w.sim.channel_messages(MENTORING).into_iter().filter(|m| m.content.contains(&format!("<@{DANA}>"))).collect();
    assert_eq!(mentions.len(), 2, "{mentions:#?}");
    assert_eq!(mentions[0].timestamp, request_at());
    assert!(mentions[0].content.contains("allow direct messages"), "{}", mentions[0].content);
    assert!(!mentions[0].content.contains("session") && !mentions[0].content.contains("Leo"), "nothing private");
    let status = say(&w, ADA, "program status", &[]).await;
    assert!(status.contains("Failed\n2"), "{status}");
    assert!(
        status.contains(&format!("agenda_request to <@{DANA}>: the recipient does not accept direct messages")),
        "{status}"
    );
    let refused = say(&w, LEO, "program status", &[]).await;
    assert!(refused.contains("Only program admins"), "{refused}");
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_errors_and_rate_limits_are_retried_with_backoff_and_delivered_once() {
    let mut w = paired_world().await;
    book(&w, MIA, MO, "tue 15:00").await;
    let mia_dm = w.sim.dm_channel(MIA).unwrap();
    w.run_until(request_at() - Duration::minutes(1)).await.unwrap();
    let route = RouteMatch::CreateMessage { channel: Some(mia_dm) };
    w.sim.inject_fault(Fault { route: route.clone(), kind: FaultKind::ServerError(503), times: 1 });
    w.sim.inject_fault(Fault { route, kind: FaultKind::RateLimited { retry_after: 1.5 }, times: 1 });
    w.run_until(request_at() + Duration::minutes(10)).await.unwrap();
    let requests = requests_to(&w, MIA);
    assert_eq!(requests.len(), 1);
    // 30 s (503) then about 60 s (429), each with up to ±20 % jitter.
    let delay = requests[0].timestamp - request_at();
    assert!(delay >= Duration::seconds(24 + 48) && delay <= Duration::seconds(36 + 72), "{delay}");
    let attempts = w
        .sim
        .requests()
        .into_iter()
        .filter(|r| r.path.ends_with(&format!("/channels/{mia_dm}/messages")) && r.at >= request_at())
        .count();
    assert_eq!(attempts, 3);
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_delivery_that_keeps_failing_is_marked_failed_after_the_last_attempt() {
    let mut options = WorldOptions::at(t0());
    options.configure = |c| c.scheduler.max_attempts = 3;
    let mut w = World::start(options).await.unwrap();
    setup_program(&w).await;
    join(&w, MO, "mentor", None).await;
    join(&w, MIA, "mentee", None).await;
    say(&w, ADA, "pair", &[("mentor", &MO.to_string()), ("mentee", &MIA.to_string())]).await;
    book(&w, MIA, MO, "tue 15:00").await;
    let mia_dm = w.sim.dm_channel(MIA).unwrap();
    w.run_until(request_at() - Duration::minutes(1)).await.unwrap();
    w.sim.inject_fault(Fault {
        route: RouteMatch::CreateMessage { channel: Some(mia_dm) },
        kind: FaultKind::ServerError(500),
        times: 10,
    });
    w.run_until(request_at() + Duration::hours(1)).await.unwrap();
    assert!(requests_to(&w, MIA).is_empty());
    let status = say(&w, ADA, "program status", &[]).await;
    assert!(status.contains("Failed\n1") && status.contains("temporary failure: HTTP 500"), "{status}");
    w.stop().await;
}

async fn book_and_stop_before_the_request() -> Downtime {
    let mut w = paired_world().await;
    book(&w, MIA, MO, "tue 15:00").await;
    w.run_until(request_at() - Duration::minutes(1)).await.unwrap();
    w.stop_bot().await
}

/// A second runner, as a crashed process would have had.
async fn crashed_runner(down: &Downtime) -> Scheduler {
    let store = down.store().await.unwrap();
    let clock: SharedClock = Arc::new(down.clock.clone());
    let app = App::new(store, clock, down.config.clone()).unwrap();
    let http = Arc::new(http_client(&down.config.discord.api_url, &Token::new("sim-token")));
    let notifier: Arc<dyn Notifier> = Arc::new(DiscordNotifier::new(http));
    Scheduler::new(app, notifier, RunnerSettings::from_config(&down.config.scheduler).unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_runner_that_crashed_after_claiming_leaves_the_job_to_be_sent_once_after_its_lease() {
    let down = book_and_stop_before_the_request().await;
    down.clock.set(request_at());
    let store = down.store().await.unwrap();
    let claimed = store.claim_due_jobs(request_at(), Duration::minutes(2), 100).await.unwrap();
    assert_eq!(claimed.len(), 1, "the agenda request is claimed, then the runner dies");
    let mut w = down.start_bot().await.unwrap();
    w.run_until(request_at() + Duration::minutes(1)).await.unwrap();
    assert!(requests_to(&w, MIA).is_empty(), "the lease still holds");
    w.run_until(request_at() + Duration::minutes(5)).await.unwrap();
    let requests = requests_to(&w, MIA);
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].timestamp, request_at() + Duration::minutes(2));
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_runner_that_crashed_after_sending_does_not_make_the_retry_post_twice() {
    let down = book_and_stop_before_the_request().await;
    down.clock.set(request_at());
    let runner = crashed_runner(&down).await;
    let store = down.store().await.unwrap();
    let claimed = store.claim_due_jobs(request_at(), Duration::minutes(2), 100).await.unwrap();
    assert_eq!(runner.deliver(&claimed, request_at()).await, Outcome::Sent);
    // The process dies here: the job stays claimed and unmarked.
    drop(runner);
    let mut w = down.start_bot().await.unwrap();
    w.run_until(request_at() + Duration::minutes(5)).await.unwrap();
    assert_eq!(requests_to(&w, MIA).len(), 1, "the retry carried the same nonce");
    let posts: Vec<_> = w
        .sim
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST" && r.at >= request_at() && r.path.ends_with("/messages"))
        .filter_map(|r| r.body.and_then(|b| b["nonce"].as_str().map(str::to_owned)))
        .collect();
    assert_eq!(posts.len(), 2, "sent twice: {posts:?}");
    assert_eq!(posts[0], posts[1]);
    let status = say(&w, ADA, "program status", &[]).await;
    assert!(status.contains("Failed\n0"), "{status}");
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_downtime_each_kind_follows_its_catch_up_rule() {
    let down = book_and_stop_before_the_request().await;
    // Down from Monday 13:59 until Wednesday 10:00 UTC: the session (Tue 14:00-15:00 UTC) is over.
    let mut w = down.start_bot_at(utc(2026, 11, 25, 10, 0)).await.unwrap();
    let mia = w.sim.dms(MIA);
    assert!(
        mia.iter().all(|m| !m.text().contains("Agenda time") && !m.text().contains("Agenda still missing")),
        "{mia:#?}"
    );
    // The follow-up (due Tue 16:00 UTC) is 18 hours late: still sent, once.
    let follow_ups: Vec<_> = mia.iter().filter(|m| m.text().contains("How did it go?")).collect();
    assert_eq!(follow_ups.len(), 1);
    assert_eq!(follow_ups[0].timestamp, utc(2026, 11, 25, 10, 0));
    assert!(w.sim.dms(MO).iter().all(|m| !m.text().contains("Prep")), "the prep note would be useless now");
    let status = say(&w, ADA, "program status", &[]).await;
    assert!(status.contains("Skipped\n4"), "request, nudge, missing, prep: {status}");
    w.run_until(utc(2026, 12, 1, 0, 0)).await.unwrap();
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_weekly_nudge_more_than_a_day_late_is_skipped_and_the_next_one_planned() {
    let w = world().await;
    setup_program(&w).await;
    let down = w.stop_bot().await;
    // Down over Monday 23 Nov 08:00 UTC until Tuesday 10:00 UTC: 26 hours late.
    let mut w = down.start_bot_at(utc(2026, 11, 24, 10, 0)).await.unwrap();
    assert!(w.sim.channel_messages(MENTORING).is_empty());
    w.run_until(utc(2026, 12, 1, 0, 0)).await.unwrap();
    let posts = w.sim.channel_messages(MENTORING);
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].timestamp, utc(2026, 11, 30, 8, 0));
    w.stop().await;
}
