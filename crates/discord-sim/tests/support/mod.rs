//! A small poise bot used to drive the simulator end to end, and helpers to start both.

#![allow(dead_code)]

use std::time::Duration;

use discord_sim::{ChannelSpec, GuildSpec, RoleSpec, Sim, SimSpec, UserSpec};
use poise::serenity_prelude as serenity;
use serenity::{
    ClientBuilder, CreateActionRow, CreateAttachment, CreateButton, CreateInputText, CreateInteractionResponse,
    CreateInteractionResponseMessage, CreateMessage, CreateModal, EditInteractionResponse, FullEvent, GatewayIntents,
    HttpBuilder, InputTextStyle, Interaction,
};

pub const GUILD: u64 = 500_000_000_000_000_001;
pub const GENERAL: u64 = 500_000_000_000_000_101;
pub const PROGRAM: u64 = 500_000_000_000_000_102;
pub const MENTOR_ROLE: u64 = 500_000_000_000_000_201;
pub const MIA: u64 = 600_000_000_000_000_001;
pub const LEO: u64 = 600_000_000_000_000_002;
pub const CLOSED: u64 = 600_000_000_000_000_003;
pub const WAIT: Duration = Duration::from_secs(10);

pub struct Data;
pub type Error = anyhow::Error;
pub type Context<'a> = poise::Context<'a, Data, Error>;

/// Replies "pong" ephemerally.
#[poise::command(slash_command, ephemeral)]
async fn ping(ctx: Context<'_>) -> Result<(), Error> {
    ctx.say("pong").await?;
    Ok(())
}

/// Says which shard of the bot got the interaction.
#[poise::command(slash_command, ephemeral)]
async fn shard(ctx: Context<'_>) -> Result<(), Error> {
    ctx.say(format!("shard {}", ctx.serenity_context().shard_id)).await?;
    Ok(())
}

/// Defers, then edits the original response.
#[poise::command(slash_command)]
async fn slow(ctx: Context<'_>) -> Result<(), Error> {
    ctx.defer().await?;
    if let poise::Context::Application(app) = ctx {
        app.interaction.edit_response(ctx.http(), EditInteractionResponse::new().content("done after defer")).await?;
    }
    Ok(())
}

/// Defers, then answers with `say` (a followup, which completes the deferral) and one more.
#[poise::command(slash_command)]
async fn slowsay(ctx: Context<'_>) -> Result<(), Error> {
    ctx.defer_ephemeral().await?;
    ctx.say("first").await?;
    ctx.say("second").await?;
    Ok(())
}

/// Echoes typed options.
#[poise::command(slash_command)]
async fn echo(
    ctx: Context<'_>,
    #[description = "who"] who: serenity::User,
    #[description = "where"] place: serenity::Channel,
    #[description = "how many"] count: i64,
    #[description = "loud?"] loud: Option<bool>,
) -> Result<(), Error> {
    let member = match ctx {
        poise::Context::Application(app) => app.interaction.data.resolved.members.contains_key(&who.id),
        poise::Context::Prefix(_) => false,
    };
    ctx.say(format!(
        "who=<@{}> name={} member={member} place=<#{}> count={count} loud={loud:?}",
        who.id,
        who.name,
        place.id()
    ))
    .await?;
    Ok(())
}

async fn complete_zone(_ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let choices: Vec<serenity::AutocompleteChoice> = ["Europe/Berlin", "Europe/Paris", "America/New_York"]
        .into_iter()
        .filter(|z| z.to_lowercase().contains(&partial.to_lowercase()))
        .map(|z| serenity::AutocompleteChoice::new(z, z))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// Program commands.
#[poise::command(slash_command, subcommands("setup"))]
async fn program(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Sets a program up.
#[poise::command(slash_command)]
async fn setup(
    ctx: Context<'_>,
    #[description = "channel"] channel: serenity::ChannelId,
    #[description = "zone"]
    #[autocomplete = "complete_zone"]
    timezone: String,
    #[description = "mentor role"] role: Option<serenity::Role>,
) -> Result<(), Error> {
    let role = role.map(|r| r.name).unwrap_or_default();
    ctx.say(format!("program in <#{channel}> zone {timezone} role {role} at <t:1795528800:F> (<t:1795528800:R>)"))
        .await?;
    Ok(())
}

/// Shows a modal; the submit is handled in the event handler.
#[poise::command(slash_command)]
async fn feedback(ctx: Context<'_>) -> Result<(), Error> {
    if let poise::Context::Application(app) = ctx {
        let modal = CreateModal::new("feedback-modal", "Feedback").components(vec![
            CreateActionRow::InputText(
                CreateInputText::new(InputTextStyle::Paragraph, "Your thoughts", "thoughts").value("prefilled"),
            ),
            CreateActionRow::InputText(CreateInputText::new(InputTextStyle::Short, "Mood", "mood").required(false)),
        ]);
        app.interaction.create_response(ctx.http(), CreateInteractionResponse::Modal(modal)).await?;
    }
    Ok(())
}

/// DMs the caller a reminder with a button.
#[poise::command(slash_command)]
async fn remindme(ctx: Context<'_>) -> Result<(), Error> {
    let message = CreateMessage::new()
        .content("Session <t:1795528800:F> with <@600000000000000002>")
        .button(CreateButton::new("ack").label("Got it"));
    ctx.author().direct_message(ctx, message).await?;
    ctx.say("sent").await?;
    Ok(())
}

/// DMs a user and reports the Discord error code on failure.
#[poise::command(slash_command)]
async fn dm(ctx: Context<'_>, #[description = "user"] user: serenity::User) -> Result<(), Error> {
    let answer = match user.direct_message(ctx, CreateMessage::new().content("hello")).await {
        Ok(_) => "delivered".to_owned(),
        Err(e) => format!("failed: {}", describe(&e)),
    };
    ctx.say(answer).await?;
    Ok(())
}

/// Posts to a channel, reporting HTTP errors.
#[poise::command(slash_command)]
async fn post(ctx: Context<'_>, #[description = "text"] text: String) -> Result<(), Error> {
    let answer = match serenity::ChannelId::new(PROGRAM).say(ctx, &text).await {
        Ok(m) => format!("posted {}", m.id),
        Err(e) => format!("failed: {}", describe(&e)),
    };
    ctx.say(answer).await?;
    Ok(())
}

/// Posts twice with the same enforced nonce.
#[poise::command(slash_command)]
async fn announce(ctx: Context<'_>) -> Result<(), Error> {
    let make = || {
        CreateMessage::new()
            .content("announcement")
            .nonce(serenity::Nonce::String("announce-1".into()))
            .enforce_nonce(true)
    };
    let first = serenity::ChannelId::new(PROGRAM).send_message(ctx, make()).await?;
    let second = serenity::ChannelId::new(PROGRAM).send_message(ctx, make()).await?;
    ctx.say(format!("same={}", first.id == second.id)).await?;
    Ok(())
}

/// Answers after Discord's 3 s deadline.
#[poise::command(slash_command)]
async fn late(ctx: Context<'_>) -> Result<(), Error> {
    tokio::time::sleep(Duration::from_millis(3300)).await;
    ctx.say("too late").await?;
    Ok(())
}

/// Replies with a file.
#[poise::command(slash_command)]
async fn ics(ctx: Context<'_>) -> Result<(), Error> {
    let file = CreateAttachment::bytes(b"BEGIN:VCALENDAR\nEND:VCALENDAR\n".to_vec(), "session-3.ics");
    ctx.send(poise::CreateReply::default().content("your calendar").attachment(file)).await?;
    Ok(())
}

/// Answers the interaction twice (the second answer must be rejected).
#[poise::command(slash_command)]
async fn twice(ctx: Context<'_>) -> Result<(), Error> {
    if let poise::Context::Application(app) = ctx {
        let answer = || CreateInteractionResponse::Message(CreateInteractionResponseMessage::new().content("one"));
        app.interaction.create_response(ctx.http(), answer()).await?;
        let second = app.interaction.create_response(ctx.http(), answer()).await;
        let text = match second {
            Ok(()) => "second accepted".to_owned(),
            Err(e) => format!("second failed: {}", describe(&e)),
        };
        app.interaction
            .create_followup(ctx.http(), serenity::CreateInteractionResponseFollowup::new().content(text))
            .await?;
    }
    Ok(())
}

/// `status code` for HTTP errors, the error otherwise.
pub fn describe(e: &serenity::Error) -> String {
    match e {
        serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(r)) => {
            format!("{} {}", r.status_code.as_u16(), r.error.code)
        }
        other => other.to_string(),
    }
}

async fn on_event(ctx: &serenity::Context, event: &FullEvent) -> Result<(), Error> {
    let FullEvent::InteractionCreate { interaction } = event else { return Ok(()) };
    match interaction {
        Interaction::Modal(m) if m.data.custom_id == "feedback-modal" => {
            let values: Vec<String> = m
                .data
                .components
                .iter()
                .flat_map(|row| &row.components)
                .filter_map(|c| match c {
                    serenity::ActionRowComponent::InputText(t) => {
                        Some(format!("{}={}", t.custom_id, t.value.clone().unwrap_or_default()))
                    }
                    _ => None,
                })
                .collect();
            let reply = CreateInteractionResponseMessage::new().content(format!("thanks: {}", values.join(", ")));
            m.create_response(ctx, CreateInteractionResponse::Message(reply)).await?;
        }
        Interaction::Component(c) if c.data.custom_id == "ack" => {
            let update = CreateInteractionResponseMessage::new().content("Acknowledged").components(vec![]);
            c.create_response(ctx, CreateInteractionResponse::UpdateMessage(update)).await?;
        }
        _ => {}
    }
    Ok(())
}

pub fn spec() -> SimSpec {
    let guild = GuildSpec::new(GUILD, "Mentoring")
        .channel(ChannelSpec::new(GENERAL, "general"))
        .channel(ChannelSpec::new(PROGRAM, "program"))
        .role(RoleSpec::new(MENTOR_ROLE, "Mentor"));
    SimSpec::empty()
        .guild(guild)
        .user(UserSpec::new(MIA, "Mia").time_zone(chrono_tz::Europe::Berlin).admin_of(GUILD))
        .user(UserSpec::new(LEO, "Leo").role_in(GUILD, MENTOR_ROLE))
        .user(UserSpec::new(CLOSED, "Closed").dms_closed(true))
}

/// Starts the sim and the bot, and waits until the bot is ready.
pub async fn start(spec: SimSpec) -> anyhow::Result<Sim> {
    let sim = Sim::start(spec).await?;
    connect(&sim, None).await?;
    sim.wait_ready(WAIT).await?;
    Ok(sim)
}

/// Starts a bot on the sim: as one unsharded session, or as shard `(id, total)`.
pub async fn connect(sim: &Sim, shards: Option<(u32, u32)>) -> anyhow::Result<()> {
    let http = HttpBuilder::new("Bot sim-token").proxy(sim.api_url()).ratelimiter_disabled(true).build();
    let framework = poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands: vec![
                ping(),
                shard(),
                slow(),
                slowsay(),
                echo(),
                program(),
                feedback(),
                remindme(),
                dm(),
                post(),
                announce(),
                ics(),
                twice(),
                late(),
            ],
            event_handler: |framework, event| Box::pin(on_event(framework.serenity_context, event)),
            ..Default::default()
        })
        .setup(|ctx, _ready, framework| {
            Box::pin(async move {
                poise::builtins::register_globally(ctx, &framework.options().commands).await?;
                Ok(Data)
            })
        })
        .build();
    let mut client = ClientBuilder::new_with_http(http, GatewayIntents::non_privileged()).framework(framework).await?;
    tokio::spawn(async move {
        let started = match shards {
            Some((id, total)) => client.start_shard(id, total).await,
            None => client.start().await,
        };
        if let Err(e) = started {
            eprintln!("client stopped: {e}");
        }
    });
    Ok(())
}

/// A REST answer read by [`raw`]: status, lower-case headers and the JSON body (`null` if none).
#[derive(Debug)]
pub struct Raw {
    pub status: u16,
    pub headers: std::collections::HashMap<String, String>,
    pub body: serde_json::Value,
}

impl Raw {
    /// A header's value, or "" when absent.
    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).map_or("", String::as_str)
    }
}

/// Sends one HTTP/1.1 request to the sim's REST server (`path` below `/api/v10`) on its own
/// connection, so tests can see headers serenity hides and send bodies serenity would not.
pub async fn raw(sim: &Sim, method: &str, path: &str, body: Option<&serde_json::Value>) -> anyhow::Result<Raw> {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let address = sim.api_url().trim_start_matches("http://").to_owned();
    let mut stream = tokio::net::TcpStream::connect(address).await?;
    let payload = body.map(ToString::to_string).unwrap_or_default();
    let request = format!(
        "{method} /api/v10{path} HTTP/1.1\r\nHost: sim\r\nConnection: close\r\nAuthorization: Bot sim-token\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{payload}",
        payload.len()
    );
    stream.write_all(request.as_bytes()).await?;
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).await?;
    let text = String::from_utf8(bytes)?;
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines.next().and_then(|l| l.split(' ').nth(1)).unwrap_or("0").parse()?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let body = if body.is_empty() { serde_json::Value::Null } else { serde_json::from_str(body)? };
    Ok(Raw { status, headers, body })
}

/// The webhook token of interaction `id` (from the bot's callback request).
pub fn token_of(sim: &Sim, id: u64) -> anyhow::Result<String> {
    let prefix = format!("/api/v10/interactions/{id}/");
    sim.requests()
        .into_iter()
        .find_map(|r| r.path.strip_prefix(&prefix).and_then(|rest| rest.split('/').next()).map(str::to_owned))
        .ok_or_else(|| anyhow::anyhow!("no callback for interaction {id}"))
}

/// A manual sim clock: the returned handle moves it.
pub fn manual_clock(start: &str) -> anyhow::Result<std::sync::Arc<std::sync::Mutex<chrono::DateTime<chrono::Utc>>>> {
    Ok(std::sync::Arc::new(std::sync::Mutex::new(chrono::DateTime::parse_from_rfc3339(start)?.to_utc())))
}
