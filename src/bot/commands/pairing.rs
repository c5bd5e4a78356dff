//! `/pair` and `/unpair` (admins).

use poise::serenity_prelude as serenity;

use crate::{
    bot::{
        answer::send,
        caller::{caller, person},
        confirm::unpair_question,
        reply::{private, tell, told},
        BotError, Context,
    },
    tr,
};

/// Pair a mentor with a mentee (admins only); both are told by DM.
#[poise::command(slash_command, guild_only, default_member_permissions = "MANAGE_GUILD")]
pub async fn pair(
    ctx: Context<'_>,
    #[description = "The mentor (must have joined as a mentor)"] mentor: serenity::User,
    #[description = "The mentee (must have joined as a mentee)"] mentee: serenity::User,
) -> Result<(), BotError> {
    ctx.defer_ephemeral().await?;
    let caller = caller(ctx).await?;
    let out = ctx.data().app.pair(&caller, &person(&mentor), &person(&mentee)).await?;
    let failures = tell(ctx, &out.notices).await;
    let told = told(&failures, &tr!("cmd-pair-told"));
    let text = tr!("cmd-pair-done", mentor = mentor.id.to_string(), mentee = mentee.id.to_string(), told = told);
    private(ctx, text, vec![]).await
}

/// End a mentor–mentee pairing (admins only): cancels upcoming sessions, tells both (asks first).
#[poise::command(slash_command, guild_only, default_member_permissions = "MANAGE_GUILD")]
pub async fn unpair(
    ctx: Context<'_>,
    #[description = "The mentor of the pair"] mentor: serenity::User,
    #[description = "The mentee of the pair"] mentee: serenity::User,
) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let preview = ctx.data().app.unpair_preview(&caller, &person(&mentor), &person(&mentee)).await?;
    send(ctx, unpair_question(preview, ctx.author().id.get(), mentor.id.get(), mentee.id.get())).await
}
