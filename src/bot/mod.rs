//! Discord glue: the poise framework, commands, replies and error rendering. Commands parse
//! options, call one `app` use case (which writes its notices as jobs), wait briefly for the
//! notices and render the result.

pub mod admin_buttons;
mod answer;
mod attendance;
mod caller;
pub mod commands;
mod confirm;
mod error;
mod inflight;
mod interactions;
pub mod locales;
mod marking;
mod modals;
pub mod register;
mod reply;
mod requests;
pub(crate) mod shape;

use std::{
    sync::atomic::{AtomicBool, Ordering},
    time::Instant,
};

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
                ctx.set_invocation_data(Invocation { started: Instant::now(), counted: AtomicBool::new(true) }).await;
            })
        },
        post_command: |ctx| {
            Box::pin(async move {
                log_outcome(ctx, "ok").await;
                leave(ctx).await;
            })
        },
        event_handler: |framework, event| Box::pin(commands::on_event(framework, event)),
        allowed_mentions: Some(reply::no_pings()),
        ..Default::default()
    }
}

/// The framework, run in the locale of each interaction: everything said while one is handled
/// (replies, forms, errors, autocomplete choices) comes from the catalogue in the language of the
/// person who used it (`crate::catalogue`). Once it is answered, the languages it showed are
/// noted for the scheduler's DMs and posts (`App::note_locales`).
pub struct Localized<F> {
    pub framework: F,
    pub app: App,
}

#[serenity::async_trait]
impl<F: serenity::Framework> serenity::Framework for Localized<F> {
    async fn init(&mut self, client: &serenity::Client) {
        self.framework.init(client).await;
    }

    async fn dispatch(&self, ctx: serenity::Context, event: serenity::FullEvent) {
        // Who used it, their client's language, and the server's.
        let seen = match &event {
            serenity::FullEvent::InteractionCreate { interaction } => match interaction {
                serenity::Interaction::Command(c) | serenity::Interaction::Autocomplete(c) => {
                    Some((c.user.id, c.locale.clone(), c.guild_id.zip(c.guild_locale.clone())))
                }
                serenity::Interaction::Component(c) => {
                    Some((c.user.id, c.locale.clone(), c.guild_id.zip(c.guild_locale.clone())))
                }
                serenity::Interaction::Modal(m) => {
                    Some((m.user.id, m.locale.clone(), m.guild_id.zip(m.guild_locale.clone())))
                }
                _ => None,
            },
            _ => None,
        };
        let locale = seen.as_ref().map(|(_, locale, _)| locale.as_str());
        crate::catalogue::scope(locale, self.framework.dispatch(ctx, event)).await;
        if let Some((user, locale, guild)) = seen {
            let guild = guild.as_ref().map(|(g, l)| (crate::domain::ids::GuildId(g.get()), l.as_str()));
            self.app.note_locales(user_id(user), &locale, guild);
        }
    }
}

/// What `pre_command` records about a running command: when it started, and whether it still
/// counts as in flight (so however it ends, it leaves the counter exactly once).
struct Invocation {
    started: Instant,
    counted: AtomicBool,
}

/// A command ended (done, refused, failed, or its options could not be read): it no longer counts
/// as in flight. Idempotent, and a no-op for an invocation `pre_command` never saw.
pub(crate) async fn leave(ctx: Context<'_>) {
    let counted = ctx.invocation_data::<Invocation>().await.is_some_and(|i| i.counted.swap(false, Ordering::SeqCst));
    if counted {
        ctx.data().in_flight.exit();
    }
}

/// Logs one finished command: who, what, outcome and latency (never option values).
pub(crate) async fn log_outcome(ctx: Context<'_>, outcome: &str) {
    let elapsed = ctx.invocation_data::<Invocation>().await.map(|i| i.started.elapsed());
    let latency_ms = elapsed.map(|e| u64::try_from(e.as_millis()).unwrap_or(u64::MAX));
    let command = &ctx.command().qualified_name;
    ctx.data().app.metrics.command(command, outcome, elapsed.unwrap_or_default().as_secs_f64());
    tracing::info!(
        user = %ctx.author().id,
        guild = ?ctx.guild_id().map(serenity::GuildId::get),
        command = %command,
        outcome,
        latency_ms,
        "command finished"
    );
}

/// Converts serenity ids into ours.
pub(crate) fn user_id(id: serenity::UserId) -> crate::domain::ids::UserId {
    crate::domain::ids::UserId(id.get())
}
