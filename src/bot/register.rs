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
        localize_context_menu(def, commands);
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

/// poise leaves context-menu names unlocalized: the command's `name_localizations` (from the
/// catalogue, see [`super::locales`]) go onto the definition here.
fn localize_context_menu(def: &mut Value, commands: &[poise::Command<Data, BotError>]) {
    if def["type"] == json!(1) || def["type"].is_null() {
        return;
    }
    let command = commands
        .iter()
        .find(|c| c.context_menu_action.is_some() && def["name"] == c.context_menu_name.as_deref().unwrap_or(&c.name));
    if let Some(command) = command.filter(|c| !c.name_localizations.is_empty()) {
        let names: serde_json::Map<String, Value> =
            command.name_localizations.iter().map(|(l, n)| (l.to_string(), json!(n))).collect();
        def["name_localizations"] = Value::Object(names);
    }
}

/// `/book duration:` takes the configured shortest and longest session, and says so.
fn apply_duration_limits(option: &mut Value, booking: &BookingConfig) {
    let (min, max, default) =
        (booking.min_duration_minutes, booking.max_duration_minutes, booking.default_duration_minutes);
    option["min_value"] = json!(min);
    option["max_value"] = json!(max);
    option["description"] = json!(format!("Length in minutes ({min}–{max}, default {default})"));
    // The catalogues' descriptions hold the same numbers as `{min}`, `{max}` and `{default}`.
    for text in option["description_localizations"].as_object_mut().into_iter().flat_map(|m| m.values_mut()) {
        if let Some(template) = text.as_str() {
            let filled = template
                .replace("{min}", &min.to_string())
                .replace("{max}", &max.to_string())
                .replace("{default}", &default.to_string());
            *text = json!(filled);
        }
    }
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
