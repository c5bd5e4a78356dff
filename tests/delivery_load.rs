//! Delivery under load and failure, against the simulated Discord with its rate limits on and
//! real round trips: a burst of a thousand DMs, the runner killed twenty times during it, a
//! fifth of all requests failing, and one recipient's request hanging. Each person gets each
//! message exactly once, and the bot never draws a 429 it caused itself (the simulator fails the
//! test on one).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

// A load test measures real time, so it is its own test binary: cargo runs test binaries one
// after another, and the end-to-end suite's tests never share the machine with it.
#[path = "e2e/common.rs"]
mod common;

use std::time::{Duration as StdDuration, Instant};

use chrono::Duration;
use common::*;
use discord_sim::{Fault, FaultKind, RouteMatch, UserSpec};
use mentor_bot::clock::Clock as _;

/// The first of the crowd's user ids.
const CROWD: u64 = 700_000_000_000_000_000;

/// Adds `n` people to the simulated Discord and plans a "you have a new partner" notice to each,
/// due now; returns their ids.
async fn crowd(w: &World, n: u64) -> Vec<u64> {
    let ids: Vec<u64> = (0..n).map(|i| CROWD + i).collect();
    for id in &ids {
        w.sim.add_user(UserSpec::new(*id, format!("Person {}", id - CROWD)).member_of(GUILD)).unwrap();
    }
    mentor_bot::testkit::plan_partner_notices(&w.store, &ids, w.clock.now()).await.unwrap();
    ids
}

/// How many DMs each of `ids` got.
fn dm_counts(w: &World, ids: &[u64]) -> Vec<usize> {
    ids.iter().map(|id| w.sim.dms(*id).len()).collect()
}

async fn unfinished_jobs(w: &World) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM jobs WHERE state IN ('pending', 'running')")
        .fetch_one(w.store.pool())
        .await
        .unwrap()
}

fn requests(w: &World, method: &str, suffix: &str) -> usize {
    w.sim.requests().iter().filter(|r| r.method == method && r.path.ends_with(suffix) && r.fault.is_none()).count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_a_thousand_due_dms_goes_out_once_each_under_discords_global_limit() {
    let mut w = world_with(t0(), |o| {
        o.latency = Some((StdDuration::from_millis(80), StdDuration::from_millis(120)));
    })
    .await;
    let ids = crowd(&w, 1000).await;
    let started = Instant::now();
    w.bot.settle_within(StdDuration::from_mins(2)).await.unwrap();
    let took = started.elapsed().as_secs_f64();
    let counts = dm_counts(&w, &ids);
    let (lost, doubled) = (counts.iter().filter(|n| **n == 0).count(), counts.iter().filter(|n| **n > 1).count());
    assert_eq!((lost, doubled), (0, 0), "lost, sent twice; unfinished jobs: {}", unfinished_jobs(&w).await);
    // First contact: one request opens each DM channel, one sends.
    assert_eq!(requests(&w, "POST", "/users/@me/channels"), 1000);
    assert_eq!(requests(&w, "POST", "/messages"), 1000);
    assert!(w.sim.rate_limit_hits().is_empty(), "{:?}", w.sim.rate_limit_hits().first());
    assert!(w.sim.peak_requests_per_second() <= 50, "{}", w.sim.peak_requests_per_second());
    assert!(w.sim.max_in_flight() > 1, "sends overlap");
    // 2,000 requests at the budget of 48 a second: about 42 s, not minutes.
    assert!(took < 70.0, "took {took:.1} s");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killing_the_runner_twenty_times_during_a_burst_loses_nothing_and_sends_nothing_twice() {
    let w = world_with(t0(), |o| {
        o.latency = Some((StdDuration::from_millis(80), StdDuration::from_millis(120)));
    })
    .await;
    let ids = crowd(&w, 1000).await;
    let mut down = w.crash_bot();
    for kill in 0..20_u64 {
        let w = down.start_bot().await.unwrap();
        w.bot.app.jobs_changed();
        // Killed at a different point each time, mid-way through sends.
        tokio::time::sleep(StdDuration::from_millis(300 + (kill * 7919) % 900)).await;
        down = w.crash_bot();
        // A new process takes a moment to start (its requests and the dead one's never share a
        // second of Discord's global limit); it comes after Discord forgot the nonces and after
        // the dead run's leases.
        tokio::time::sleep(StdDuration::from_secs(1)).await;
        down.sim.forget_nonces();
        down.clock.set(down.clock.now() + Duration::minutes(3));
    }
    let mut w = down.start_bot().await.unwrap();
    w.bot.settle_within(StdDuration::from_mins(2)).await.unwrap();
    let counts = dm_counts(&w, &ids);
    let lost = counts.iter().filter(|n| **n == 0).count();
    let doubled = counts.iter().filter(|n| **n > 1).count();
    assert_eq!((lost, doubled), (0, 0), "lost, sent twice");
    assert_eq!(unfinished_jobs(&w).await, 0);
    let looked_up = requests(&w, "GET", "/messages");
    assert!(looked_up > 0, "jobs in flight at a kill were looked up before any resend");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_a_fifth_of_requests_failing_every_dm_arrives_once_and_no_retry_comes_before_its_retry_after() {
    let mut w = world().await;
    let ids = crowd(&w, 60).await;
    w.sim.random_faults(0.2, 7);
    for _ in 0..40 {
        w.advance(Duration::minutes(5)).await.unwrap();
        if unfinished_jobs(&w).await == 0 {
            break;
        }
    }
    w.sim.random_faults(0.0, 0);
    assert!(dm_counts(&w, &ids).iter().all(|n| *n == 1), "{:?}", dm_counts(&w, &ids));
    let injected = w.sim.requests().iter().filter(|r| r.fault.is_some()).count();
    assert!(injected > 5, "faults were injected: {injected}");
    assert!(w.sim.invalid_request_count() < 200, "{}", w.sim.invalid_request_count());
    // The simulator fails the test on any request sent before a 429's retry-after passed.
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_recipients_hung_request_does_not_hold_back_the_others() {
    let mut w = world().await;
    let ids = crowd(&w, 10).await;
    let stuck = ids[0];
    // The first DM channel is opened, then the message to it hangs for 15 s (the bot gives up
    // after its 10 s timeout; Discord creates the message late anyway).
    w.sim.inject_fault(Fault::once(RouteMatch::DmTo { user: stuck }, FaultKind::Hang(StdDuration::from_secs(15))));
    let started = Instant::now();
    w.bot.app.jobs_changed();
    for id in &ids[1..] {
        w.sim.wait_for_dm(*id, |_| true, StdDuration::from_secs(5)).await.unwrap();
    }
    assert!(started.elapsed() < StdDuration::from_secs(5), "the others within seconds: {:?}", started.elapsed());
    assert!(w.sim.dms(stuck).is_empty());
    w.bot.settle_within(StdDuration::from_secs(30)).await.unwrap();
    // The hung send timed out and is retried; its late message and the retry share a nonce.
    tokio::time::sleep(StdDuration::from_secs(6)).await;
    w.advance(Duration::minutes(5)).await.unwrap();
    assert!(dm_counts(&w, &ids).iter().all(|n| *n == 1), "{:?}", dm_counts(&w, &ids));
    w.stop().await;
}
