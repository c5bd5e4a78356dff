//! Outages, hung requests, faults aimed at one user's DMs, and random faults.

mod support;

use std::time::{Duration, Instant};

use discord_sim::{Fault, FaultKind, RouteMatch};
use serde_json::json;
use support::{manual_clock, raw, spec, start, GENERAL, MIA, PROGRAM};

#[tokio::test]
async fn an_outage_answers_5xx_creates_nothing_and_leaves_gateway_discovery_alone() -> anyhow::Result<()> {
    let sim = start(spec()).await?;
    let path = format!("/channels/{PROGRAM}/messages");
    sim.begin_outage(503);
    let down = raw(&sim, "POST", &path, Some(&json!({"content": "hi"}))).await?;
    assert_eq!(down.status, 503);
    assert!(down.body["message"].is_string() && down.body["code"] == 0, "{:?}", down.body);
    assert_eq!(raw(&sim, "GET", "/gateway/bot", None).await?.status, 200);
    assert!(sim.channel_messages(PROGRAM).is_empty());
    assert_eq!(sim.outage_requests(), 1);
    assert!(sim.requests().iter().any(|r| r.status == 503 && r.fault.as_deref() == Some("outage 503")));
    sim.end_outage();
    assert_eq!(raw(&sim, "POST", &path, Some(&json!({"content": "hi"}))).await?.status, 200);
    sim.finish()
}

#[tokio::test]
async fn an_outage_until_a_sim_time_ends_when_the_sim_clock_gets_there() -> anyhow::Result<()> {
    let clock = manual_clock("2026-11-21T14:00:00Z")?;
    let now = {
        let clock = clock.clone();
        move || *clock.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    };
    let sim = start(spec().clock(now.clone())).await?;
    sim.outage_until(now() + chrono::Duration::minutes(10), 502);
    let path = format!("/channels/{GENERAL}/messages");
    assert_eq!(raw(&sim, "GET", &path, None).await?.status, 502);
    *clock.lock().unwrap_or_else(std::sync::PoisonError::into_inner) += chrono::Duration::minutes(10);
    assert_eq!(raw(&sim, "GET", &path, None).await?.status, 200);
    assert_eq!(sim.outage_requests(), 1);
    sim.finish()
}

#[tokio::test]
async fn a_hung_request_is_answered_normally_after_the_hold() -> anyhow::Result<()> {
    let sim = start(spec()).await?;
    sim.inject_fault(Fault::once(RouteMatch::GetMessages, FaultKind::Hang(Duration::from_millis(300))));
    let started = Instant::now();
    let answer = raw(&sim, "GET", &format!("/channels/{GENERAL}/messages"), None).await?;
    assert_eq!(answer.status, 200);
    assert!(started.elapsed() >= Duration::from_millis(300));
    let posted = raw(&sim, "POST", &format!("/channels/{GENERAL}/messages"), Some(&json!({"content": "a"}))).await?;
    assert_eq!(posted.status, 200, "a hang on another route does not apply");
    sim.finish()
}

#[tokio::test]
async fn a_fault_aimed_at_a_users_dms_hits_only_that_dm_channel() -> anyhow::Result<()> {
    let sim = start(spec()).await?;
    let dm = raw(&sim, "POST", "/users/@me/channels", Some(&json!({"recipient_id": MIA.to_string()}))).await?;
    let channel = dm.body["id"].as_str().unwrap_or_default().to_owned();
    sim.inject_fault(Fault::once(RouteMatch::DmTo { user: MIA }, FaultKind::ServerError(502)));
    let other = raw(&sim, "POST", &format!("/channels/{GENERAL}/messages"), Some(&json!({"content": "x"}))).await?;
    assert_eq!(other.status, 200);
    let path = format!("/channels/{channel}/messages");
    assert_eq!(raw(&sim, "POST", &path, Some(&json!({"content": "hi"}))).await?.status, 502);
    assert_eq!(raw(&sim, "POST", &path, Some(&json!({"content": "hi"}))).await?.status, 200);
    assert_eq!(sim.dms(MIA).len(), 1);
    sim.finish()
}

#[tokio::test]
async fn random_faults_at_probability_one_fail_every_request_with_a_mix_of_errors() -> anyhow::Result<()> {
    let sim = start(spec()).await?;
    sim.random_faults(1.0, 42);
    let mut statuses = Vec::new();
    for i in 0..16u64 {
        statuses.push(raw(&sim, "GET", &format!("/channels/{}", GENERAL + i), None).await?.status);
    }
    assert!(statuses.iter().all(|s| [500, 502, 503, 429].contains(s)), "{statuses:?}");
    let mut distinct = statuses.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert!(distinct.len() >= 2, "{statuses:?}");
    let hits = sim.rate_limit_hits();
    assert_eq!(hits.len(), statuses.iter().filter(|s| **s == 429).count());
    assert!(hits.iter().all(|h| h.injected && !h.global && (0.5..=2.0).contains(&h.retry_after)));
    assert!(sim.requests().iter().rev().take(16).all(|r| r.fault.as_deref().is_some_and(|f| f.starts_with("random"))));
    sim.random_faults(0.0, 0);
    assert_eq!(raw(&sim, "GET", &format!("/channels/{GENERAL}"), None).await?.status, 200);
    sim.finish()
}

#[tokio::test]
async fn retrying_a_route_before_an_injected_429_allows_it_is_a_violation() -> anyhow::Result<()> {
    let sim = start(spec()).await?;
    sim.inject_fault(Fault::once(
        RouteMatch::CreateMessage { channel: None },
        FaultKind::RateLimited { retry_after: 2.0 },
    ));
    let path = format!("/channels/{PROGRAM}/messages");
    assert_eq!(raw(&sim, "POST", &path, Some(&json!({"content": "a"}))).await?.status, 429);
    assert_eq!(
        raw(&sim, "POST", &format!("/channels/{GENERAL}/messages"), Some(&json!({"content": "b"}))).await?.status,
        200
    );
    assert!(sim.violations().is_empty(), "another channel is another bucket");
    assert_eq!(raw(&sim, "POST", &path, Some(&json!({"content": "a"}))).await?.status, 200);
    let kinds: Vec<String> = sim.take_violations().into_iter().map(|v| v.kind).collect();
    assert_eq!(kinds, ["retry-too-early"]);
    sim.finish()
}
