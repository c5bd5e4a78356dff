//! Registering the commands with Discord: poise's definitions, with the limits that come from
//! the configuration (the length of a `/book`ed session) written into them, so the Discord
//! client itself keeps a value inside what the bot accepts.

use poise::serenity_prelude as serenity;
use serde_json::{json, Value};

use super::{BotError, Data};
use crate::config::BookingConfig;

/// The command definitions as registered: poise's, with the configured limits.
pub fn definitions(commands: &[poise::Command<Data, BotError>], booking: &BookingConfig) -> serde_json::Result<Value> {
    let mut defs = serde_json::to_value(poise::builtins::create_application_commands(commands))?;
    for def in defs.as_array_mut().into_iter().flatten() {
        if def["name"] == "book" {
            for option in def["options"].as_array_mut().into_iter().flatten() {
                if option["name"] == "duration" {
                    apply_duration_limits(option, booking);
                }
            }
        }
    }
    Ok(defs)
}

/// `/book duration:` takes the configured shortest and longest session, and says so.
fn apply_duration_limits(option: &mut Value, booking: &BookingConfig) {
    let (min, max, default) =
        (booking.min_duration_minutes, booking.max_duration_minutes, booking.default_duration_minutes);
    option["min_value"] = json!(min);
    option["max_value"] = json!(max);
    option["description"] = json!(format!("Length in minutes ({min}–{max}, default {default})"));
}

/// Registers the commands in `guild`, or globally.
pub async fn register(
    http: &serenity::Http,
    guild: Option<serenity::GuildId>,
    commands: &[poise::Command<Data, BotError>],
    booking: &BookingConfig,
) -> Result<(), serenity::Error> {
    let defs = definitions(commands, booking)?;
    match guild {
        Some(g) => http.create_guild_commands(g, &defs).await?,
        None => http.create_global_commands(&defs).await?,
    };
    Ok(())
}
