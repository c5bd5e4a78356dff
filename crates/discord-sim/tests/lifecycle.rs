//! Interaction deadlines and token lifetime, nonces, channel history, guild removal, and
//! violations that fail a test nobody asked to check.

mod support;

use std::time::Duration;

use discord_sim::{Sim, SimSpec};
use serde_json::json;
use support::{manual_clock, raw, spec, start, GENERAL, GUILD, MIA, PROGRAM};

#[tokio::test]
async fn a_callback_after_three_seconds_gets_10062_and_the_user_sees_the_interaction_fail() -> anyhow::Result<()> {
    let sim = start(spec()).await?;
    let err = sim.actor(MIA).slash("late", &[]).await.unwrap_err();
    assert!(err.to_string().contains("This interaction failed"), "{err}");
    let callback = sim.wait_for_request(|r| r.path.ends_with("/callback"), support::WAIT).await?;
    assert_eq!(callback.status, 404);
    assert!(sim.channel_messages(GENERAL).is_empty(), "nothing applied");
    let violations = sim.take_violations();
    assert!(!violations.is_empty() && violations.iter().all(|v| v.kind == "late-callback"), "{violations:?}");
    sim.finish()
}

#[tokio::test]
async fn an_interaction_token_expires_fifteen_minutes_after_the_interaction_by_the_sim_clock() -> anyhow::Result<()> {
    let clock = manual_clock("2026-11-21T14:00:00Z")?;
    let sim = {
        let clock = clock.clone();
        start(spec().clock(move || *clock.lock().unwrap_or_else(std::sync::PoisonError::into_inner))).await?
    };
    let reply = sim.actor(MIA).slash("ping", &[]).await?;
    let token = support::token_of(&sim, reply.interaction_id)?;
    let webhook = format!("/webhooks/{}/{token}", SimSpec::default().application_id);
    assert_eq!(raw(&sim, "POST", &webhook, Some(&json!({"content": "in time"}))).await?.status, 200);
    *clock.lock().unwrap_or_else(std::sync::PoisonError::into_inner) += chrono::Duration::minutes(16);
    let late = raw(&sim, "POST", &webhook, Some(&json!({"content": "too late"}))).await?;
    assert_eq!((late.status, late.body["code"].as_u64()), (401, Some(50027)));
    let edit = raw(&sim, "PATCH", &format!("{webhook}/messages/@original"), Some(&json!({"content": "x"}))).await?;
    assert_eq!(edit.status, 401);
    assert_eq!(sim.followups(reply.interaction_id).len(), 1);
    let kinds: Vec<String> = sim.take_violations().into_iter().map(|v| v.kind).collect();
    assert_eq!(kinds, ["expired-token", "expired-token"]);
    sim.finish()
}

#[tokio::test]
async fn forgetting_nonces_lets_a_duplicate_through_and_only_the_create_answer_has_the_nonce() -> anyhow::Result<()> {
    let sim = start(spec().nonce_window(Duration::from_mins(1))).await?;
    let path = format!("/channels/{PROGRAM}/messages");
    let body = json!({"content": "once", "nonce": "n-1", "enforce_nonce": true});
    let first = raw(&sim, "POST", &path, Some(&body)).await?;
    assert_eq!(first.body["nonce"], "n-1");
    let again = raw(&sim, "POST", &path, Some(&body)).await?;
    assert_eq!(first.body["id"], again.body["id"]);
    let id = first.body["id"].as_str().unwrap_or_default();
    let fetched = raw(&sim, "GET", &format!("{path}/{id}"), None).await?;
    assert_eq!(fetched.status, 200);
    assert!(fetched.body.get("nonce").is_none(), "{:?}", fetched.body);
    sim.forget_nonces();
    let third = raw(&sim, "POST", &path, Some(&body)).await?;
    assert_ne!(first.body["id"], third.body["id"]);
    assert_eq!(sim.channel_messages(PROGRAM).len(), 2);
    sim.finish()
}

#[tokio::test]
async fn channel_history_is_newest_first_and_pages_with_limit_and_before() -> anyhow::Result<()> {
    let sim = start(spec()).await?;
    let path = format!("/channels/{PROGRAM}/messages");
    let mut ids = Vec::new();
    for i in 0..5 {
        let body = json!({"content": format!("m{i}"), "nonce": format!("h{i}")});
        ids.push(raw(&sim, "POST", &path, Some(&body)).await?.body["id"].as_str().unwrap_or_default().to_owned());
    }
    let contents = |v: &serde_json::Value| -> Vec<String> {
        v.as_array().into_iter().flatten().filter_map(|m| m["content"].as_str().map(str::to_owned)).collect()
    };
    let newest = raw(&sim, "GET", &format!("{path}?limit=2"), None).await?;
    assert_eq!(contents(&newest.body), ["m4", "m3"]);
    assert!(newest.body.as_array().into_iter().flatten().all(|m| m.get("nonce").is_none()));
    let older = raw(&sim, "GET", &format!("{path}?before={}&limit=10", ids[2]), None).await?;
    assert_eq!(contents(&older.body), ["m1", "m0"]);
    let after = raw(&sim, "GET", &format!("{path}?after={}", ids[2]), None).await?;
    assert_eq!(contents(&after.body), ["m4", "m3"]);
    assert_eq!(raw(&sim, "GET", &format!("{path}?limit=101"), None).await?.status, 400);
    sim.take_violations();
    let unknown = raw(&sim, "GET", "/channels/42/messages", None).await?;
    assert_eq!((unknown.status, unknown.body["code"].as_u64()), (404, Some(10003)));
    sim.finish()
}

#[tokio::test]
async fn a_bot_removed_from_a_guild_gets_missing_access_until_it_is_added_back() -> anyhow::Result<()> {
    let sim = start(spec()).await?;
    let path = format!("/channels/{GENERAL}/messages");
    sim.remove_bot_from_guild(GUILD)?;
    let denied = raw(&sim, "POST", &path, Some(&json!({"content": "hi"}))).await?;
    assert_eq!((denied.status, denied.body["code"].as_u64()), (403, Some(50001)));
    assert_eq!(raw(&sim, "GET", &format!("/channels/{GENERAL}"), None).await?.status, 403);
    assert!(sim.actor(MIA).slash("ping", &[]).await.is_err(), "no interactions from a guild without the bot");
    assert_eq!(sim.invalid_request_count(), 2);
    sim.add_bot_to_guild(GUILD)?;
    assert_eq!(raw(&sim, "POST", &path, Some(&json!({"content": "hi"}))).await?.status, 200);
    assert_eq!(sim.actor(MIA).slash("ping", &[]).await?.text(), "pong");
    sim.finish()
}

#[test]
fn guild_delete_without_unavailable_is_read_by_serenity_as_a_removal() {
    let payload = json!({"op": 0, "s": 3, "t": "GUILD_DELETE", "d": {"id": GUILD.to_string()}});
    assert!(discord_sim::check_event(&payload).is_ok());
}

#[tokio::test]
async fn a_sim_dropped_with_an_untaken_violation_panics_and_finish_reports_it_instead() -> anyhow::Result<()> {
    let sim = Sim::start(spec()).await?;
    assert_eq!(raw(&sim, "GET", "/nope", None).await?.status, 404);
    let dropped = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || drop(sim)));
    let message = dropped.err().and_then(|p| p.downcast_ref::<String>().cloned()).unwrap_or_default();
    assert!(message.contains("unknown-route"), "{message:?}");

    let sim = Sim::start(spec()).await?;
    raw(&sim, "GET", "/nope", None).await?;
    let err = sim.finish().unwrap_err();
    assert!(err.to_string().contains("unknown-route"), "{err}");
    drop(sim);

    let sim = Sim::start(spec()).await?;
    raw(&sim, "GET", "/nope", None).await?;
    assert_eq!(sim.take_violations().len(), 1);
    sim.finish()
}

#[tokio::test]
async fn a_missing_openapi_document_fails_start_when_required() {
    let missing = std::path::PathBuf::from("/nonexistent/openapi.json");
    let err = Sim::start(spec().openapi_spec(missing).require_openapi()).await.err();
    assert!(err.is_some_and(|e| e.to_string().contains("openapi") || e.to_string().contains("OpenAPI")));
}
