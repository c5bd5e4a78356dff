//! Replies: always ephemeral (mentoring is private), plus what the caller should know about
//! notices that could not be delivered.

use poise::{serenity_prelude as serenity, CreateReply};

use super::{
    answer::{self, Answer},
    BotError, Context,
};
use crate::{
    app::Notice,
    notify::{deliver, Delivery, DeliveryError},
};

/// Mentions in our replies show as names but never ping anyone: no `@everyone`, `@here`, role
/// or user notifications, whatever the text (which may quote what users typed) contains.
pub fn no_pings() -> serenity::CreateAllowedMentions {
    serenity::CreateAllowedMentions::new()
}

/// Sends an ephemeral reply with text and embeds; text too long for one message goes into
/// embed pages first (see [`answer::fit_content`]), the embeds follow.
pub async fn private(
    ctx: Context<'_>,
    content: impl Into<String>,
    embeds: Vec<serenity::CreateEmbed>,
) -> Result<(), BotError> {
    let (content, pages) = answer::fit_content(content.into());
    if !pages.is_empty() {
        answer::send(ctx, Answer::default().pages(pages)).await?;
        if embeds.is_empty() {
            return Ok(());
        }
    }
    let mut reply = CreateReply::default().ephemeral(true).content(content).allowed_mentions(no_pings());
    for embed in embeds {
        reply = reply.embed(embed);
    }
    ctx.send(reply).await?;
    Ok(())
}

/// Delivers notices and returns the lines to add to the reply for those that failed.
pub async fn tell(ctx: Context<'_>, notices: &[Notice]) -> String {
    tell_with(ctx.data(), notices).await
}

/// Like [`tell`], outside a command (buttons and modals).
pub async fn tell_with(data: &super::Data, notices: &[Notice]) -> String {
    let deliveries = deliver(data.notifier.as_ref(), notices, data.app.now()).await;
    failures_note(&deliveries)
}

/// One line per failed delivery, saying what the caller should do.
pub fn failures_note(deliveries: &[Delivery]) -> String {
    deliveries
        .iter()
        .filter_map(|d| match &d.result {
            Ok(()) => None,
            Err(DeliveryError::DmsClosed) => Some(format!(
                "\n⚠️ I could not DM <@{}>: they don't accept direct messages from server members. Please tell them yourself.",
                d.to
            )),
            Err(_) => Some(format!(
                "\n⚠️ I could not reach <@{}> by DM just now (Discord did not accept the message). Please tell them yourself.",
                d.to
            )),
        })
        .collect()
}

/// `success` when every notice was delivered, else the failure lines.
pub fn told(failures: &str, success: &str) -> String {
    if failures.is_empty() {
        success.to_owned()
    } else {
        failures.trim_start().to_owned()
    }
}
