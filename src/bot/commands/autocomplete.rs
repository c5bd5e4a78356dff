//! Autocomplete for options people would otherwise type by hand: zone names and sessions.

use poise::serenity_prelude as serenity;

use crate::{
    bot::{caller::caller, Context},
    domain::program::suggest_zones,
};

/// Real IANA zone names matching what was typed.
pub async fn zones(_ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let choices = suggest_zones(partial, 25).into_iter().map(serenity::AutocompleteChoice::from).collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// The caller's upcoming sessions.
pub async fn sessions(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let choices = match caller(ctx).await {
        Ok(caller) => match ctx.data().app.session_choices(&caller, partial).await {
            Ok(choices) => choices,
            Err(e) => {
                tracing::warn!(error = ?e, "session autocomplete failed");
                Vec::new()
            }
        },
        Err(_) => Vec::new(),
    };
    let choices = choices.into_iter().map(|c| serenity::AutocompleteChoice::new(c.label, c.value)).collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}
