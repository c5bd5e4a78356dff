//! `/program ...`: admin commands for the guild's program.

use poise::serenity_prelude as serenity;

use super::autocomplete;
use crate::{
    bot::{caller::caller, reply::private, BotError, Context},
    domain::ids::ChannelId,
};

/// Manage this server's mentoring program (admins).
#[poise::command(slash_command, guild_only, subcommands("setup"), subcommand_required)]
pub async fn program(_ctx: Context<'_>) -> Result<(), BotError> {
    Ok(())
}

/// Create or update the program: its channel and its time zone (admins only).
#[poise::command(slash_command, guild_only)]
pub async fn setup(
    ctx: Context<'_>,
    #[description = "Channel for program announcements and weekly nudges"]
    #[channel_types("Text")]
    channel: serenity::PartialChannel,
    #[description = "The program's time zone (IANA name, e.g. Europe/Berlin)"]
    #[autocomplete = "autocomplete::zones"]
    timezone: String,
) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let outcome = ctx.data().app.setup_program(&caller, ChannelId(channel.id.get()), &timezone).await?;
    let verb = if outcome.created { "Started" } else { "Updated" };
    let p = &outcome.program;
    private(
        ctx,
        format!(
            "✅ {verb} the mentoring program. Channel: <#{}>, time zone: {}.\n\
             Next: mentors and mentees `/join`, then you `/pair mentor:@… mentee:@…`.",
            p.channel_id,
            p.zone.name()
        ),
        vec![],
    )
    .await
}
