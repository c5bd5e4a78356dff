//! Latency, Discord's rate limits and Discord's message limits.

mod support;

use std::time::{Duration, Instant};

use serde_json::json;
use support::{raw, spec, start, GENERAL, MIA, PROGRAM};

#[tokio::test]
async fn every_request_takes_at_least_the_minimum_latency_until_it_is_switched_off() -> anyhow::Result<()> {
    let sim = start(spec().latency(Duration::from_millis(120), Duration::from_millis(160))).await?;
    let started = Instant::now();
    assert_eq!(raw(&sim, "GET", &format!("/users/{MIA}"), None).await?.status, 200);
    assert!(started.elapsed() >= Duration::from_millis(120), "{:?}", started.elapsed());
    let concurrent: Vec<_> = (0..3)
        .map(|_| {
            let sim = sim.clone();
            tokio::spawn(async move { raw(&sim, "GET", &format!("/users/{MIA}"), None).await })
        })
        .collect();
    for request in concurrent {
        assert_eq!(request.await??.status, 200);
    }
    assert!(sim.max_in_flight() >= 2, "{}", sim.max_in_flight());
    sim.set_latency(None);
    let started = Instant::now();
    assert_eq!(raw(&sim, "GET", &format!("/users/{MIA}"), None).await?.status, 200);
    assert!(started.elapsed() < Duration::from_millis(120), "{:?}", started.elapsed());
    sim.finish()
}

#[tokio::test]
async fn a_burst_over_50_requests_a_second_gets_global_429s_with_discords_headers() -> anyhow::Result<()> {
    let sim = start(spec().discord_limits()).await?;
    let burst: Vec<_> = (1..=70u64)
        .map(|i| {
            let sim = sim.clone();
            tokio::spawn(async move { raw(&sim, "GET", &format!("/channels/{i}"), None).await })
        })
        .collect();
    let mut answers = Vec::new();
    for request in burst {
        answers.push(request.await??);
    }
    let limited: Vec<_> = answers.iter().filter(|a| a.status == 429).collect();
    assert!(!limited.is_empty(), "statuses: {:?}", answers.iter().map(|a| a.status).collect::<Vec<_>>());
    for answer in &limited {
        assert_eq!(answer.header("x-ratelimit-global"), "true");
        assert_eq!(answer.header("x-ratelimit-scope"), "global");
        assert!(answer.header("retry-after").parse::<u64>().is_ok(), "{:?}", answer.headers);
        assert_eq!(answer.body["global"], true);
        assert_eq!(answer.body["code"], 0);
        assert_eq!(answer.body["message"], "You are being rate limited.");
        assert!(answer.body["retry_after"].as_f64().is_some_and(|s| s > 0.0 && s <= 1.0));
    }
    let hits = sim.rate_limit_hits();
    assert_eq!(hits.len(), limited.len());
    assert!(hits.iter().all(|h| h.global && !h.injected));
    assert!(sim.peak_requests_per_second() >= 50);
    assert_eq!(sim.invalid_request_count(), limited.len());
    let violations = sim.take_violations();
    assert!(violations.iter().all(|v| v.kind == "rate-limit"), "{violations:?}");
    assert_eq!(violations.len(), limited.len());
    sim.finish()
}

#[tokio::test]
async fn a_channel_bucket_allows_five_posts_then_answers_429_and_an_early_retry_is_recorded() -> anyhow::Result<()> {
    let sim = start(spec().discord_limits()).await?;
    let path = format!("/channels/{PROGRAM}/messages");
    for remaining in (0..5).rev() {
        let answer = raw(&sim, "POST", &path, Some(&json!({"content": "hi"}))).await?;
        assert_eq!(answer.status, 200);
        assert_eq!(answer.header("x-ratelimit-limit"), "5");
        assert_eq!(answer.header("x-ratelimit-remaining"), remaining.to_string());
        assert!(!answer.header("x-ratelimit-bucket").is_empty());
        let reset: f64 = answer.header("x-ratelimit-reset").parse()?;
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?.as_secs_f64();
        assert!(reset > now && reset <= now + 5.5, "{reset} vs {now}");
        let reset_after: f64 = answer.header("x-ratelimit-reset-after").parse()?;
        assert!(reset_after > 0.0 && reset_after <= 5.0);
    }
    let limited = raw(&sim, "POST", &path, Some(&json!({"content": "sixth"}))).await?;
    assert_eq!(limited.status, 429);
    assert_eq!(limited.header("x-ratelimit-scope"), "user");
    assert_eq!(limited.header("x-ratelimit-remaining"), "0");
    assert_eq!(limited.body["global"], false);
    assert!(limited.body["retry_after"].as_f64().is_some_and(|s| s > 0.0));
    assert_eq!(raw(&sim, "POST", &path, Some(&json!({"content": "again"}))).await?.status, 429);
    assert_eq!(sim.channel_messages(PROGRAM).len(), 5);
    assert_eq!(
        raw(&sim, "POST", &format!("/channels/{GENERAL}/messages"), Some(&json!({"content": "x"}))).await?.status,
        200
    );
    let kinds: Vec<String> = sim.take_violations().into_iter().map(|v| v.kind).collect();
    assert_eq!(kinds, ["rate-limit", "retry-too-early", "rate-limit"]);
    assert!(sim.rate_limit_hits().iter().all(|h| !h.global && !h.injected && h.method == "POST"));
    sim.set_rate_limits(false);
    assert_eq!(raw(&sim, "POST", &path, Some(&json!({"content": "free"}))).await?.status, 200);
    sim.take_violations();
    sim.finish()
}

#[tokio::test]
async fn interaction_callbacks_and_webhooks_carry_no_rate_limit_headers() -> anyhow::Result<()> {
    let sim = start(spec().discord_limits()).await?;
    let reply = sim.actor(MIA).slash("ping", &[]).await?;
    let token = support::token_of(&sim, reply.interaction_id)?;
    let app = discord_sim::SimSpec::default().application_id;
    let followup = raw(&sim, "POST", &format!("/webhooks/{app}/{token}"), Some(&json!({"content": "more"}))).await?;
    assert_eq!(followup.status, 200);
    assert_eq!(followup.header("x-ratelimit-bucket"), "");
    sim.finish()
}

#[tokio::test]
async fn content_over_2000_characters_is_rejected_with_50035_naming_the_field() -> anyhow::Result<()> {
    let sim = start(spec()).await?;
    let path = format!("/channels/{PROGRAM}/messages");
    let ok = raw(&sim, "POST", &path, Some(&json!({"content": "é".repeat(2000)}))).await?;
    assert_eq!(ok.status, 200);
    let long = raw(&sim, "POST", &path, Some(&json!({"content": "x".repeat(2001)}))).await?;
    assert_eq!(long.status, 400);
    assert_eq!(long.body["code"], 50035);
    assert_eq!(long.body["errors"]["content"]["_errors"][0]["code"], "BASE_TYPE_MAX_LENGTH");
    assert_eq!(sim.channel_messages(PROGRAM).len(), 1, "nothing created");
    let http = serenity::all::HttpBuilder::new("Bot sim-token").proxy(sim.api_url()).ratelimiter_disabled(true).build();
    let body = json!({"content": "y".repeat(2001)});
    let err = http.send_message(serenity::all::ChannelId::new(PROGRAM), vec![], &body).await.unwrap_err();
    assert_eq!(support::describe(&err), "400 50035");
    let kinds: Vec<String> = sim.take_violations().into_iter().map(|v| v.kind).collect();
    assert_eq!(kinds, ["limit", "limit"]);
    sim.finish()
}

#[tokio::test]
async fn embeds_over_6000_characters_together_and_empty_messages_are_rejected() -> anyhow::Result<()> {
    let sim = start(spec()).await?;
    let path = format!("/channels/{PROGRAM}/messages");
    let embeds = json!({"embeds": [{"description": "a".repeat(4000)}, {"description": "b".repeat(2001)}]});
    let big = raw(&sim, "POST", &path, Some(&embeds)).await?;
    assert_eq!((big.status, big.body["code"].as_u64()), (400, Some(50035)));
    assert_eq!(big.body["errors"]["embeds"]["_errors"][0]["code"], "MAX_EMBED_SIZE_EXCEEDED");
    let empty = raw(&sim, "POST", &path, Some(&json!({"content": ""}))).await?;
    assert_eq!((empty.status, empty.body["code"].as_u64()), (400, Some(50006)));
    let nonce = raw(&sim, "POST", &path, Some(&json!({"content": "n", "nonce": "x".repeat(26)}))).await?;
    assert_eq!(nonce.body["errors"]["nonce"]["_errors"][0]["code"], "BASE_TYPE_MAX_LENGTH");
    assert!(sim.channel_messages(PROGRAM).is_empty());
    let kinds: Vec<String> = sim.take_violations().into_iter().map(|v| v.kind).collect();
    assert_eq!(kinds, ["limit", "limit", "limit"]);
    sim.finish()
}

#[tokio::test]
async fn more_than_ten_files_or_uploads_over_the_size_limit_are_rejected_like_discord() -> anyhow::Result<()> {
    let sim = start(spec()).await?;
    let http = serenity::all::HttpBuilder::new("Bot sim-token").proxy(sim.api_url()).ratelimiter_disabled(true).build();
    let channel = serenity::all::ChannelId::new(PROGRAM);
    let files = |n: usize, size: usize| -> Vec<serenity::all::CreateAttachment> {
        (0..n).map(|i| serenity::all::CreateAttachment::bytes(vec![b'x'; size], format!("f{i}.txt"))).collect()
    };
    let body = json!({"content": "files"});
    http.send_message(channel, files(10, 1024), &body).await?;
    let err = http.send_message(channel, files(11, 1), &body).await.unwrap_err();
    assert_eq!(support::describe(&err), "400 50035");
    let err = http.send_message(channel, files(2, 6 * 1024 * 1024), &body).await.unwrap_err();
    assert_eq!(support::describe(&err), "413 40005");
    assert_eq!(sim.channel_messages(PROGRAM).len(), 1, "only the message within the limits");
    let kinds: Vec<String> = sim.take_violations().into_iter().map(|v| v.kind).collect();
    assert_eq!(kinds, ["limit", "limit"]);
    sim.finish()
}
