//! Autocomplete for options people would otherwise type by hand: zone names, sessions, action
//! items, owners, goals, and the free times of a pair for `/book when:`.

use poise::serenity_prelude as serenity;

use crate::{
    app::{AppResult, Caller},
    bot::{caller::caller, Context},
    domain::{ids::UserId, program::suggest_zones},
};

/// Real IANA zone names matching what was typed.
pub async fn zones(_ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let choices = suggest_zones(partial, 25).into_iter().map(serenity::AutocompleteChoice::from).collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// Runs a lookup for the caller; failures give an empty list (and a log line).
async fn choices<F, Fut>(ctx: Context<'_>, what: &str, lookup: F) -> serenity::CreateAutocompleteResponse
where
    F: FnOnce(Caller) -> Fut,
    Fut: std::future::Future<Output = AppResult<Vec<(String, String)>>>,
{
    let list = match caller(ctx).await {
        Ok(caller) => lookup(caller).await.unwrap_or_else(|e| {
            tracing::warn!(error = ?e, what, "autocomplete failed");
            Vec::new()
        }),
        Err(_) => Vec::new(),
    };
    let list = list.into_iter().map(|(label, value)| serenity::AutocompleteChoice::new(label, value)).collect();
    serenity::CreateAutocompleteResponse::new().set_choices(list)
}

/// The caller's upcoming sessions.
pub async fn sessions(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let app = &ctx.data().app;
    choices(ctx, "sessions", |c| async move {
        Ok(app.session_choices(&c, partial).await?.into_iter().map(|c| (c.label, c.value)).collect())
    })
    .await
}

/// The caller's sessions, upcoming and past (not cancelled), also of ended pairings: for reading.
pub async fn any_sessions(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let app = &ctx.data().app;
    choices(ctx, "any sessions", |c| async move {
        Ok(app.any_session_choices(&c, partial, false).await?.into_iter().map(|c| (c.label, c.value)).collect())
    })
    .await
}

/// The caller's sessions, upcoming and past (not cancelled), of active pairings: for changes.
pub async fn changeable_sessions(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let app = &ctx.data().app;
    choices(ctx, "changeable sessions", |c| async move {
        Ok(app.any_session_choices(&c, partial, true).await?.into_iter().map(|c| (c.label, c.value)).collect())
    })
    .await
}

/// The caller's open action items.
pub async fn actions(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let app = &ctx.data().app;
    choices(ctx, "actions", |c| async move {
        Ok(app.action_choices(&c, partial).await?.into_iter().map(|c| (c.label, c.value)).collect())
    })
    .await
}

/// Every action item of the caller's pairings (any status): for reading.
pub async fn any_actions(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let app = &ctx.data().app;
    choices(ctx, "any actions", |c| async move {
        Ok(app.any_action_choices(&c, partial).await?.into_iter().map(|c| (c.label, c.value)).collect())
    })
    .await
}

/// `me` and the caller's partners.
pub async fn owners(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let app = &ctx.data().app;
    choices(ctx, "owners", |c| async move {
        Ok(app.owner_choices(&c, partial).await?.into_iter().map(|c| (c.label, c.value)).collect())
    })
    .await
}

/// The pair's open goals.
pub async fn open_goals(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let app = &ctx.data().app;
    choices(ctx, "open goals", |c| async move {
        Ok(app.goal_choices(&c, partial, true).await?.into_iter().map(|c| (c.label, c.value)).collect())
    })
    .await
}

/// All the pair's goals.
pub async fn goals(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let app = &ctx.data().app;
    choices(ctx, "goals", |c| async move {
        Ok(app.goal_choices(&c, partial, false).await?.into_iter().map(|c| (c.label, c.value)).collect())
    })
    .await
}

/// The open milestones of the caller's pairs.
pub async fn open_milestones(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let app = &ctx.data().app;
    choices(ctx, "milestones", |c| async move {
        Ok(app.milestone_choices(&c, partial).await?.into_iter().map(|c| (c.label, c.value)).collect())
    })
    .await
}

/// The next free times of the caller and the partner chosen in `with:` (at the chosen
/// `duration:`); a picked choice books exactly that instant.
pub async fn free_times(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let (mut with, mut duration) = (None, None);
    if let poise::Context::Application(actx) = ctx {
        for option in &actx.interaction.data.options {
            match (option.name.as_str(), &option.value) {
                ("with", serenity::CommandDataOptionValue::User(id)) => with = Some(UserId(id.get())),
                ("duration", serenity::CommandDataOptionValue::Integer(n)) => duration = Some(*n),
                _ => {}
            }
        }
    }
    let Some(with) = with else { return serenity::CreateAutocompleteResponse::new() };
    let app = &ctx.data().app;
    choices(ctx, "free times", |c| async move { app.free_slot_choices(&c, with, duration, partial).await }).await
}

/// The program's interest tags, completing the last piece of a comma-separated list.
pub async fn tags(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let app = &ctx.data().app;
    choices(ctx, "tags", |c| async move {
        let program = app.program_tags(&c).await?;
        Ok(crate::domain::matching::complete_tags(partial, &program, 25).into_iter().map(|t| (t.clone(), t)).collect())
    })
    .await
}
