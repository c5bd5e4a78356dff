//! Discord glue: the poise framework, commands, replies and error rendering. Commands parse
//! options, call one `app` use case (which writes its notices as jobs), wait briefly for the
//! notices and render the result.

mod answer;
mod attendance;
mod caller;
pub mod commands;
pub mod components;
mod error;
mod inflight;
mod interactions;
mod marking;
mod modals;
mod reply;
mod requests;
pub(crate) mod shape;

use std::time::Instant;

use poise::serenity_prelude as serenity;

pub use error::BotError;
pub use inflight::InFlight;

use crate::{app::App, domain::ids::RoleId};

/// What every command can reach.
#[derive(Debug)]
pub struct Data {
    pub app: App,
    /// Members with this role count as program admins.
    pub admin_role: Option<RoleId>,
    pub in_flight: InFlight,
}

/// The poise context of our commands.
pub type Context<'a> = poise::Context<'a, Data, BotError>;

/// The framework options: commands, hooks and error handling.
pub fn options() -> poise::FrameworkOptions<Data, BotError> {
    poise::FrameworkOptions {
        commands: commands::all(),
        on_error: |error| Box::pin(error::on_error(error)),
        pre_command: |ctx| {
            Box::pin(async move {
                ctx.data().in_flight.enter();
                ctx.set_invocation_data(Instant::now()).await;
            })
        },
        post_command: |ctx| {
            Box::pin(async move {
                log_outcome(ctx, "ok").await;
                ctx.data().in_flight.exit();
            })
        },
        event_handler: |framework, event| Box::pin(commands::on_event(framework, event)),
        allowed_mentions: Some(reply::no_pings()),
        ..Default::default()
    }
}

/// Logs one finished command: who, what, outcome and latency (never option values).
pub(crate) async fn log_outcome(ctx: Context<'_>, outcome: &str) {
    let latency_ms = ctx
        .invocation_data::<Instant>()
        .await
        .map(|started| u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX));
    tracing::info!(
        user = %ctx.author().id,
        guild = ?ctx.guild_id().map(serenity::GuildId::get),
        command = %ctx.command().qualified_name,
        outcome,
        latency_ms,
        "command finished"
    );
}

/// Converts serenity ids into ours.
pub(crate) fn user_id(id: serenity::UserId) -> crate::domain::ids::UserId {
    crate::domain::ids::UserId(id.get())
}
