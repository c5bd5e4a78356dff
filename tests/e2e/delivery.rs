//! Delivery under failure: closed DMs, Discord errors, retries, crashes between claim, send and
//! mark, and catching up after downtime. Every message is delivered exactly once or, when it
//! cannot be, recorded and shown to admins.

use std::sync::Arc;

use crate::common::*;
use chrono::{DateTime, Duration, Utc};
use discord_sim::{Fault, FaultKind, RouteMatch};
use mentor_bot::{
    app::App,
    clock::SharedClock,
    config::Token,
    notify::{DiscordNotifier, Notifier},
    runtime::rest_client,
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
    assert!(status.contains("Failed\n4"), "the two reminders and the two notices (pairing, booking): {status}");
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
    // 30 s after the 503 (±20 % jitter); the 429 is waited out for its retry-after (1.5 s of real
    // time) and tried again at once.
    let delay = requests[0].timestamp - request_at();
    assert!(delay >= Duration::seconds(24) && delay <= Duration::seconds(36), "{delay}");
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
async fn a_delivery_that_keeps_failing_is_retried_with_backoff_until_its_message_no_longer_matters() {
    let mut w = paired_world().await;
    book(&w, MIA, MO, "tue 15:00").await;
    let mia_dm = w.sim.dm_channel(MIA).unwrap();
    w.run_until(request_at() - Duration::minutes(1)).await.unwrap();
    w.sim.inject_fault(Fault {
        route: RouteMatch::CreateMessage { channel: Some(mia_dm) },
        kind: FaultKind::ServerError(500),
        times: 100_000,
    });
    // The session starts Tuesday 14:00 UTC: until then the agenda request is worth retrying.
    let start = utc(2026, 11, 24, 14, 0);
    // The last retry before the start may come up to 72 minutes after it (an hour, +20 % jitter).
    w.run_until(start + Duration::hours(2)).await.unwrap();
    assert!(requests_to(&w, MIA).is_empty());
    let tries = w
        .sim
        .requests()
        .into_iter()
        .filter(|r| r.path.ends_with(&format!("/channels/{mia_dm}/messages")) && r.fault.is_some())
        .count();
    // Backing off from 30 s to an hour over the 24 hours before the session (two DMs to Mia:
    // the request and the nudge): a few dozen tries, not thousands, not six.
    assert!((20..=80).contains(&tries), "{tries} tries");
    let (state, error): (String, String) =
        sqlx::query_as("SELECT state, last_error FROM jobs WHERE kind = 'agenda_request'")
            .fetch_one(w.store.pool())
            .await
            .unwrap();
    assert_eq!(state, "skipped");
    assert!(error.contains("the session has started"), "{error}");
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
    let notifier: Arc<dyn Notifier> = Arc::new(DiscordNotifier::new(
        rest_client(&down.config, &Token::new("sim-token"), app.metrics.clone()).unwrap(),
    ));
    Scheduler::new(app, notifier, RunnerSettings::from_config(&down.config.scheduler).unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_runner_that_crashed_after_claiming_leaves_the_job_to_be_sent_once_after_its_lease() {
    let down = book_and_stop_before_the_request().await;
    down.clock.set(request_at());
    let store = down.store().await.unwrap();
    let claimed = store.claim_due_jobs(request_at(), Duration::minutes(2), 100).await.unwrap().jobs;
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
async fn a_runner_that_crashed_after_sending_is_reconciled_long_after_the_nonce_window() {
    let down = book_and_stop_before_the_request().await;
    down.clock.set(request_at());
    let runner = crashed_runner(&down).await;
    let store = down.store().await.unwrap();
    let claimed = store.claim_due_jobs(request_at(), Duration::minutes(2), 100).await.unwrap().jobs;
    assert_eq!(runner.deliver_unrecorded(claimed).await, [Outcome::Sent]);
    // The process dies here: the job stays claimed and unmarked. The restart comes after
    // Discord forgot the nonce.
    drop(runner);
    down.sim.forget_nonces();
    down.clock.set(request_at() + Duration::hours(3));
    let mut w = down.start_bot().await.unwrap();
    w.bot.settle().await.unwrap();
    assert_eq!(requests_to(&w, MIA).len(), 1, "found among Mia's recent messages, not sent again");
    let posts = w
        .sim
        .requests()
        .into_iter()
        .filter(|r| {
            r.method == "POST" && r.path.ends_with(&format!("/channels/{}/messages", w.sim.dm_channel(MIA).unwrap()))
        })
        .filter(|r| r.at >= request_at())
        .count();
    assert_eq!(posts, 1);
    let state: String = sqlx::query_scalar("SELECT state FROM jobs WHERE kind = 'agenda_request'")
        .fetch_one(w.store.pool())
        .await
        .unwrap();
    assert_eq!(state, "sent");
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
