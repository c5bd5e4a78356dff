//! The slash commands, one file per feature, and the handler for other gateway events.

mod autocomplete;
mod booking;
mod help;
mod membership;
mod pairing;
mod program;

use poise::serenity_prelude as serenity;

use super::{BotError, Data};

/// Every command the bot registers.
pub fn all() -> Vec<poise::Command<Data, BotError>> {
    vec![
        program::program(),
        membership::join(),
        membership::leave(),
        membership::timezone(),
        membership::profile(),
        pairing::pair(),
        pairing::unpair(),
        booking::book(),
        booking::sessions(),
        booking::reschedule(),
        booking::cancel(),
        help::help(),
    ]
}

/// Gateway events other than commands (buttons and modals arrive here).
pub async fn on_event(
    _framework: poise::FrameworkContext<'_, Data, BotError>,
    event: &serenity::FullEvent,
) -> Result<(), BotError> {
    if let serenity::FullEvent::Ready { data_about_bot } = event {
        tracing::info!(user = %data_about_bot.user.name, guilds = data_about_bot.guilds.len(), "connected to Discord");
    }
    Ok(())
}
