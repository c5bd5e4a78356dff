//! OpenAPI validation (feature `openapi`) of the bot's request bodies and the sim's responses.
#![cfg(feature = "openapi")]

mod support;

use std::path::PathBuf;

use discord_sim::openapi::Validator;
use serde_json::json;
use support::{spec, start, MIA, PROGRAM, WAIT};

fn spec_path() -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/discord-api-spec/openapi.json");
    path.exists().then_some(path)
}

#[test]
fn the_validator_flags_a_bad_message_body_and_accepts_a_good_one() -> anyhow::Result<()> {
    let Some(path) = spec_path() else { return Ok(()) };
    let validator = Validator::load(&path)?;
    let bad = validator.check_request("POST", "/channels/123/messages", &json!({"content": 5}));
    assert!(bad.iter().any(|e| e.starts_with("create_message")), "{bad:?}");
    let good = validator.check_request(
        "POST",
        "/channels/123/messages",
        &json!({"content": "hi", "nonce": "n", "enforce_nonce": true}),
    );
    assert!(good.is_empty(), "{good:?}");
    Ok(())
}

#[tokio::test]
async fn everything_the_bot_sends_and_the_sim_answers_matches_the_openapi_document() -> anyhow::Result<()> {
    let Some(path) = spec_path() else { return Ok(()) };
    let sim = start(spec().openapi_spec(path)).await?;
    let mia = sim.actor(MIA);
    mia.slash("ping", &[]).await?;
    mia.slash("slow", &[]).await?;
    mia.slash("slowsay", &[]).await?;
    mia.slash("echo", &[("who", "Leo"), ("place", "#program"), ("count", "2")]).await?;
    mia.slash("announce", &[]).await?;
    let history = support::raw(&sim, "GET", &format!("/channels/{PROGRAM}/messages?limit=5"), None).await?;
    assert_eq!(history.status, 200);
    mia.slash("ics", &[]).await?;
    mia.slash("remindme", &[]).await?;
    let dm = sim.wait_for_dm(MIA, |_| true, WAIT).await?;
    mia.press(&dm, "ack").await?;
    let modal = mia.slash("feedback", &[]).await?.modal()?.clone();
    mia.submit(&modal, &[]).await?;
    mia.autocomplete("program setup", &[("channel", "#program"), ("timezone", "eu")], "timezone").await?;
    sim.assert_no_violations()
}

#[tokio::test]
async fn a_request_body_that_breaks_the_schema_is_recorded_as_a_violation() -> anyhow::Result<()> {
    let Some(path) = spec_path() else { return Ok(()) };
    let sim = start(spec().openapi_spec(path)).await?;
    let http = serenity::all::HttpBuilder::new("Bot sim-token").proxy(sim.api_url()).ratelimiter_disabled(true).build();
    http.send_message(serenity::all::ChannelId::new(PROGRAM), vec![], &json!({"content": 42})).await?;
    let violations = sim.take_violations();
    assert!(
        violations.iter().any(|v| v.kind == "openapi-request" && v.detail.contains("create_message")),
        "{violations:?}"
    );
    Ok(())
}
