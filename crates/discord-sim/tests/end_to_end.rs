//! End-to-end tests: a real poise bot against the simulated Discord.

mod support;

use std::time::Duration;

use discord_sim::{Fault, FaultKind, ReplyKind, RouteMatch};
use support::{spec, start, CLOSED, GENERAL, LEO, MENTOR_ROLE, MIA, PROGRAM, WAIT};

#[tokio::test]
async fn the_bot_identifies_receives_guilds_and_registers_its_commands() -> anyhow::Result<()> {
    let sim = start(spec()).await?;
    let names: Vec<String> = sim.commands().iter().filter_map(|c| c["name"].as_str().map(str::to_owned)).collect();
    assert!(names.contains(&"ping".to_owned()) && names.contains(&"program".to_owned()), "{names:?}");
    assert!(sim.commands().iter().all(|c| c["id"].is_string() && c["version"].is_string()));
    assert_eq!(sim.gateway_sessions(), (1, 0));
    assert!(sim.requests().iter().any(|r| r.path == "/api/v10/oauth2/applications/@me"));
    sim.assert_no_violations()
}

#[tokio::test]
async fn an_ephemeral_reply_comes_back_as_an_ephemeral_message() -> anyhow::Result<()> {
    let sim = start(spec()).await?;
    let reply = sim.actor(MIA).slash("ping", &[]).await?;
    assert!(matches!(reply.kind, ReplyKind::Message(_)));
    assert_eq!(reply.text(), "pong");
    assert!(reply.is_ephemeral());
    assert!(sim.channel_messages(GENERAL).is_empty(), "ephemeral replies are not channel messages");
    sim.assert_no_violations()
}

#[tokio::test]
async fn a_deferred_reply_resolves_to_the_edited_original() -> anyhow::Result<()> {
    let sim = start(spec()).await?;
    let reply = sim.actor(MIA).slash("slow", &[]).await?;
    assert_eq!(reply.text(), "done after defer");
    assert!(!reply.is_ephemeral());
    assert_eq!(sim.channel_messages(GENERAL).len(), 1);
    sim.assert_no_violations()
}

#[tokio::test]
async fn the_first_followup_after_a_deferral_completes_it_and_later_ones_are_followups() -> anyhow::Result<()> {
    let sim = start(spec()).await?;
    let reply = sim.actor(MIA).slash("slowsay", &[]).await?;
    assert_eq!(reply.text(), "first");
    assert!(reply.is_ephemeral());
    let interaction = reply.interaction_id;
    let followup = |r: &discord_sim::RequestRecord| r.method == "POST" && r.path.contains("/webhooks/");
    sim.wait_for_request(|r| followup(r) && r.body.as_ref().is_some_and(|b| b["content"] == "second"), WAIT).await?;
    assert_eq!(sim.followups(interaction)[0].content, "second");
    sim.assert_no_violations()
}

#[tokio::test]
async fn a_slash_command_with_a_user_option_reaches_the_bot_with_resolved_data() -> anyhow::Result<()> {
    let sim = start(spec()).await?;
    let reply = sim
        .actor(MIA)
        .slash("echo", &[("who", "Leo"), ("place", "#program"), ("count", "3"), ("loud", "true")])
        .await?;
    assert_eq!(reply.text(), format!("who=<@{LEO}> name=Leo member=true place=<#{PROGRAM}> count=3 loud=Some(true)"));
    let err = sim.actor(MIA).slash("echo", &[("whom", "Leo")]).await.unwrap_err();
    assert!(err.to_string().contains("no option \"whom\""), "{err}");
    let err = sim.actor(MIA).slash("nope", &[]).await.unwrap_err();
    assert!(err.to_string().contains("no registered slash command /nope"), "{err}");
    sim.assert_no_violations()
}

#[tokio::test]
async fn subcommands_with_channel_and_role_options_are_typed_from_the_registered_definition() -> anyhow::Result<()> {
    let sim = start(spec()).await?;
    let reply = sim
        .actor(MIA)
        .slash("program setup", &[("channel", "#program"), ("timezone", "Europe/Berlin"), ("role", "Mentor")])
        .await?;
    assert!(
        reply.text().starts_with(&format!("program in <#{PROGRAM}> zone Europe/Berlin role Mentor")),
        "{}",
        reply.text()
    );
    let _ = MENTOR_ROLE;
    sim.assert_no_violations()
}

#[tokio::test]
async fn autocomplete_returns_the_bots_choices() -> anyhow::Result<()> {
    let sim = start(spec()).await?;
    let choices = sim
        .actor(MIA)
        .autocomplete("program setup", &[("channel", "#program"), ("timezone", "europe")], "timezone")
        .await?;
    let names: Vec<&str> = choices.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Europe/Berlin", "Europe/Paris"]);
    sim.assert_no_violations()
}

#[tokio::test]
async fn a_modal_is_shown_and_its_submit_reaches_the_event_handler() -> anyhow::Result<()> {
    let sim = start(spec()).await?;
    let mia = sim.actor(MIA);
    let reply = mia.slash("feedback", &[]).await?;
    let modal = reply.modal()?.clone();
    assert_eq!(modal.title, "Feedback");
    assert_eq!(modal.fields[0].value.as_deref(), Some("prefilled"));
    let err = sim.actor(LEO).submit(&modal, &[]).await.unwrap_err();
    assert!(err.to_string().contains("did not show this modal"), "{err}");
    let done = mia.submit(&modal, &[("mood", "great")]).await?;
    assert_eq!(done.text(), "thanks: thoughts=prefilled, mood=great");
    assert!(mia.submit(&modal, &[]).await.is_err(), "a modal can be submitted once");
    sim.assert_no_violations()
}

#[tokio::test]
async fn a_dm_button_press_is_a_dm_interaction_that_updates_the_message() -> anyhow::Result<()> {
    let sim = start(spec()).await?;
    let mia = sim.actor(MIA);
    assert_eq!(mia.slash("remindme", &[]).await?.text(), "sent");
    let dm = sim.wait_for_dm(MIA, |m| m.content.starts_with("Session"), WAIT).await?;
    assert_eq!(dm.buttons(), [("ack".to_owned(), "Got it".to_owned())]);
    let updated = mia.press(&dm, "ack").await?;
    assert!(matches!(updated.kind, ReplyKind::Updated(_)));
    assert_eq!(updated.text(), "Acknowledged");
    assert!(mia.dms()[0].buttons().is_empty());
    assert!(sim.actor(LEO).press(&dm, "ack").await.is_err(), "Leo cannot see Mia's DM");
    sim.assert_no_violations()
}

#[tokio::test]
async fn a_dm_to_a_user_with_closed_dms_fails_with_50007() -> anyhow::Result<()> {
    let sim = start(spec()).await?;
    let reply = sim.actor(MIA).slash("dm", &[("user", "Closed")]).await?;
    assert_eq!(reply.text(), "failed: 403 50007");
    assert!(sim.dms(CLOSED).is_empty());
    assert!(sim.dm_channel(CLOSED).is_some(), "opening the DM channel itself works");
    assert_eq!(sim.actor(MIA).slash("dm", &[("user", "Leo")]).await?.text(), "delivered");
    sim.assert_no_violations()
}

#[tokio::test]
async fn injected_server_errors_and_rate_limits_reach_serenity_and_create_nothing() -> anyhow::Result<()> {
    let sim = start(spec()).await?;
    let mia = sim.actor(MIA);
    sim.inject_fault(Fault::once(RouteMatch::CreateMessage { channel: Some(PROGRAM) }, FaultKind::ServerError(500)));
    assert_eq!(mia.slash("post", &[("text", "a")]).await?.text(), "failed: 500 0");
    sim.inject_fault(Fault::once(
        RouteMatch::CreateMessage { channel: None },
        FaultKind::RateLimited { retry_after: 0.2 },
    ));
    // Discord's 429 body has no `code`, so serenity reports -1 (undecodable error body).
    assert_eq!(mia.slash("post", &[("text", "b")]).await?.text(), "failed: 429 -1");
    // Posting again before `retry_after` elapsed would be a `retry-too-early` violation.
    tokio::time::sleep(Duration::from_millis(250)).await;
    assert!(sim.channel_messages(PROGRAM).is_empty());
    let faulted: Vec<_> = sim.requests().into_iter().filter(|r| r.fault.is_some()).collect();
    assert_eq!(faulted.len(), 2);
    assert!(faulted.iter().all(|r| r.created.is_empty()));
    assert!(mia.slash("post", &[("text", "c")]).await?.text().starts_with("posted"));
    assert_eq!(sim.channel_messages(PROGRAM).len(), 1);
    sim.assert_no_violations()
}

#[tokio::test]
async fn an_injected_timeout_drops_the_connection() -> anyhow::Result<()> {
    let sim = start(spec()).await?;
    sim.inject_fault(Fault::once(
        RouteMatch::Path { method: Some("GET".into()), contains: "/users/".into() },
        FaultKind::Timeout(Duration::from_millis(100)),
    ));
    let http = serenity::all::HttpBuilder::new("Bot sim-token").proxy(sim.api_url()).ratelimiter_disabled(true).build();
    let err = http.get_user(serenity::all::UserId::new(MIA)).await.unwrap_err();
    assert!(!matches!(err, serenity::Error::Http(serenity::all::HttpError::UnsuccessfulRequest(_))), "{err:?}");
    assert_eq!(http.get_user(serenity::all::UserId::new(MIA)).await?.name, "Mia");
    sim.assert_no_violations()
}

#[tokio::test]
async fn an_enforced_nonce_used_twice_returns_the_existing_message() -> anyhow::Result<()> {
    let sim = start(spec()).await?;
    assert_eq!(sim.actor(MIA).slash("announce", &[]).await?.text(), "same=true");
    assert_eq!(sim.channel_messages(PROGRAM).len(), 1);
    sim.assert_no_violations()
}

#[tokio::test]
async fn a_reply_with_a_file_keeps_the_attachment_bytes() -> anyhow::Result<()> {
    let sim = start(spec()).await?;
    let reply = sim.actor(MIA).slash("ics", &[]).await?;
    let message = reply.message()?;
    assert_eq!(message.attachment_text("session-3.ics")?, "BEGIN:VCALENDAR\nEND:VCALENDAR\n");
    let callback = sim.requests().into_iter().find(|r| r.path.ends_with("/callback")).map(|r| r.files);
    assert_eq!(callback, Some(vec!["session-3.ics".to_owned()]));
    sim.assert_no_violations()
}

#[tokio::test]
async fn after_a_forced_reconnect_the_bot_resumes_and_still_answers() -> anyhow::Result<()> {
    let sim = start(spec()).await?;
    sim.force_reconnect()?;
    sim.wait_resumed(1, WAIT).await?;
    assert_eq!(sim.actor(MIA).slash("ping", &[]).await?.text(), "pong");
    assert_eq!(sim.gateway_sessions(), (1, 1));
    sim.assert_no_violations()
}

#[tokio::test]
async fn the_transcript_shows_actions_and_outputs_in_the_viewers_zone() -> anyhow::Result<()> {
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-21T14:00:00Z")?.to_utc();
    let sim = start(spec().clock(move || now)).await?;
    let mia = sim.actor(MIA);
    mia.slash("program setup", &[("channel", "#program"), ("timezone", "Europe/Berlin")]).await?;
    mia.slash("remindme", &[]).await?;
    mia.slash("ics", &[]).await?;
    let dm = sim.wait_for_dm(MIA, |_| true, WAIT).await?;
    mia.press(&dm, "ack").await?;
    let transcript = sim.transcript();
    for expected in [
        "Mia in #general: /program setup channel:#program timezone:Europe/Berlin",
        "program in #program zone Europe/Berlin role  at Tuesday 24 November 2026 15:00 CET (in 3 days)",
        "bot -> DM Mia:",
        "Session Tuesday 24 November 2026 15:00 CET with @Leo",
        "[Got it]",
        "📎 session-3.ics",
        "Mia presses [Got it]",
        "bot -> Mia reply (edited):",
    ] {
        assert!(transcript.contains(expected), "missing {expected:?} in:\n{transcript}");
    }
    sim.assert_no_violations()
}

#[tokio::test]
async fn answering_an_interaction_twice_is_rejected_with_40060_and_recorded() -> anyhow::Result<()> {
    let sim = start(spec()).await?;
    let reply = sim.actor(MIA).slash("twice", &[]).await?;
    assert_eq!(reply.text(), "one");
    let interaction = reply.interaction_id;
    sim.wait_for_request(|r| r.path.contains("/webhooks/") && r.method == "POST", WAIT).await?;
    assert_eq!(sim.followups(interaction)[0].content, "second failed: 400 40060");
    let kinds: Vec<String> = sim.take_violations().into_iter().map(|v| v.kind).collect();
    assert_eq!(kinds, ["double-response"]);
    Ok(())
}

#[tokio::test]
async fn unknown_channels_users_and_routes_answer_404_like_discord() -> anyhow::Result<()> {
    use serenity::all::{ChannelId, GuildId, HttpBuilder, UserId};
    let sim = start(spec()).await?;
    let http = HttpBuilder::new("Bot sim-token").proxy(sim.api_url()).ratelimiter_disabled(true).build();
    let code = |e: serenity::Error| support::describe(&e);
    assert_eq!(code(ChannelId::new(42).say(&http, "hi").await.unwrap_err()), "404 10003");
    assert_eq!(code(http.get_user(UserId::new(42)).await.unwrap_err()), "404 10013");
    assert!(sim.violations().is_empty(), "unknown ids are the bot's business, not violations");
    assert_eq!(code(http.get_guild_roles(GuildId::new(42)).await.unwrap_err()), "404 0");
    let kinds: Vec<String> = sim.take_violations().into_iter().map(|v| v.kind).collect();
    assert_eq!(kinds, ["unknown-route"]);
    Ok(())
}
