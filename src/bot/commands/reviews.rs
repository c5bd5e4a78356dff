//! `/review midpoint` and `/review final`: one form per goal, with a button to the next goal.

use poise::serenity_prelude as serenity;

use super::autocomplete;
use crate::{
    app::ReviewOutcome,
    bot::{
        answer::{show_modal, Answer},
        caller::{caller, person},
        modals::review_modal,
        BotError, Context,
    },
    domain::goal::{progress_bar, ReviewKind},
    render::components::{next_review_button, ComponentId},
    tr,
};

/// Midpoint and final reviews of your goals.
#[poise::command(slash_command, guild_only, subcommands("midpoint", "final_review"), subcommand_required)]
pub async fn review(_ctx: Context<'_>) -> Result<(), BotError> {
    Ok(())
}

/// Midpoint review: for each open goal, progress, evidence and the adjustment needed.
#[poise::command(slash_command, guild_only)]
pub async fn midpoint(
    ctx: Context<'_>,
    #[description = "Start with this goal (default: the first you have not reviewed)"]
    #[autocomplete = "autocomplete::open_goals"]
    #[max_length = 100]
    goal: Option<String>,
    #[description = "The partner (if you have several)"]
    #[rename = "with"]
    with_user: Option<serenity::User>,
) -> Result<(), BotError> {
    open(ctx, ReviewKind::Midpoint, goal, with_user).await
}

/// Final review: for each goal, achieved or not, key learnings and next steps.
#[poise::command(slash_command, guild_only, rename = "final")]
pub async fn final_review(
    ctx: Context<'_>,
    #[description = "Start with this goal (default: the first you have not reviewed)"]
    #[autocomplete = "autocomplete::goals"]
    #[max_length = 100]
    goal: Option<String>,
    #[description = "The partner (if you have several)"]
    #[rename = "with"]
    with_user: Option<serenity::User>,
) -> Result<(), BotError> {
    open(ctx, ReviewKind::Final, goal, with_user).await
}

async fn open(
    ctx: Context<'_>,
    kind: ReviewKind,
    goal: Option<String>,
    with_user: Option<serenity::User>,
) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let with = with_user.as_ref().map(|u| person(u).id);
    let form = ctx.data().app.review_form(&caller, kind, with, goal.as_deref()).await?;
    show_modal(ctx, review_modal(&form)).await
}

/// The answer after one goal's review: what was stored and a button to the next goal.
pub fn review_answer(out: &ReviewOutcome) -> Answer {
    let g = &out.goal;
    let mut text = tr!(
        "cmd-review-saved",
        kind = out.kind.as_str(),
        title = g.title.as_str(),
        progress = progress_bar(g.progress),
        status = g.status.to_string()
    );
    let mut rows = Vec::new();
    match &out.next {
        Some(next) => rows.push(next_review_button(out.kind, next.id, &next.title)),
        None if out.kind == ReviewKind::Final => {
            text = format!("{text}\n{}", tr!("cmd-review-last-final"));
            rows.push(serenity::CreateActionRow::Buttons(vec![ComponentId::Reflection(g.pairing_id)
                .button(tr!("cmd-review-reflection-button"), serenity::ButtonStyle::Primary)]));
        }
        None => text = format!("{text}\n{}", tr!("cmd-review-last", kind = out.kind.as_str())),
    }
    Answer::text(text).components(rows)
}
