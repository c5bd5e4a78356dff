//! The slash commands, one file per feature, and the handler for other gateway events.

pub(crate) mod actions;
pub(crate) mod agenda;
mod autocomplete;
pub(super) mod availability;
mod booking;
pub(crate) mod goals;
mod help;
mod matching;
mod membership;
pub(crate) mod notes;
mod pairing;
pub(crate) mod privacy;
mod program;
pub(crate) mod report;
pub(crate) mod reviews;
#[cfg(test)]
mod tests;

use poise::serenity_prelude as serenity;

use super::{BotError, Data};
use crate::domain::ids::GuildId;

/// Every command the bot registers.
pub fn all() -> Vec<poise::Command<Data, BotError>> {
    let mut commands = all_unlocalized();
    for problem in super::locales::localize_all(&mut commands) {
        tracing::warn!(%problem, "command catalogue");
    }
    commands
}

/// Every command as written (English only).
pub(crate) fn all_unlocalized() -> Vec<poise::Command<Data, BotError>> {
    vec![
        program::program(),
        membership::join(),
        membership::leave(),
        membership::timezone(),
        membership::profile(),
        privacy::me(),
        pairing::pair(),
        pairing::unpair(),
        matching::match_(),
        availability::availability(),
        booking::book(),
        booking::book_with(),
        booking::sessions(),
        booking::reschedule(),
        booking::cancel(),
        agenda::agenda(),
        actions::action(),
        notes::notes(),
        notes::session(),
        goals::goal(),
        reviews::review(),
        help::help(),
    ]
}

/// Gateway events other than commands (buttons and modals arrive here).
pub async fn on_event(
    framework: poise::FrameworkContext<'_, Data, BotError>,
    event: &serenity::FullEvent,
) -> Result<(), BotError> {
    match event {
        serenity::FullEvent::Ready { data_about_bot } => {
            tracing::info!(user = %data_about_bot.user.name, guilds = data_about_bot.guilds.len(), "connected to Discord");
        }
        serenity::FullEvent::InteractionCreate { interaction } => {
            let ctx = framework.serenity_context;
            super::interactions::handle(framework.user_data, &ctx.http, &ctx.cache, interaction).await;
        }
        // Removed from a server (not an outage, which says `unavailable`): its program's jobs
        // pause, and resume when the bot is added back.
        serenity::FullEvent::GuildDelete { incomplete, .. } if !incomplete.unavailable => {
            framework.user_data.app.set_guild_present(GuildId(incomplete.id.get()), false).await?;
        }
        serenity::FullEvent::GuildCreate { guild, .. } => {
            framework.user_data.app.set_guild_present(GuildId(guild.id.get()), true).await?;
        }
        _ => {}
    }
    Ok(())
}
