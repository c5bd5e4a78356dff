//! Replies: always ephemeral (mentoring is private), plus what the caller should know about
//! notices that could not be delivered (yet).

use std::time::Duration;

use poise::{serenity_prelude as serenity, CreateReply};
use tokio::time::Instant;

use super::{
    answer::{self, Answer},
    BotError, Context,
};
use crate::{app::Notice, domain::ids::UserId, store::JobOutcome, tr};

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
        // Every embed in the bot's look, whoever built it.
        reply = reply.embed(crate::render::look::finish(embed));
    }
    ctx.send(reply).await?;
    Ok(())
}

/// How long a command waits for its notices to go out before it answers (it has deferred).
const NOTICE_WAIT: Duration = Duration::from_millis(1500);

/// Waits briefly for the scheduler to deliver `notices` (they are jobs, written with the change)
/// and returns the lines to add to the reply for those that failed or are still on their way.
pub async fn tell(ctx: Context<'_>, notices: &[Notice]) -> String {
    tell_with(ctx.data(), notices).await
}

/// Like [`tell`], outside a command (buttons and modals).
pub async fn tell_with(data: &super::Data, notices: &[Notice]) -> String {
    let keys: Vec<String> = notices.iter().map(Notice::dedupe_key).collect();
    let deadline = Instant::now() + NOTICE_WAIT;
    loop {
        let outcomes = match data.app.store.job_outcomes(&keys).await {
            Ok(o) => o,
            Err(e) => {
                tracing::error!(error = ?e, "cannot read the notices' delivery");
                Vec::new()
            }
        };
        let finished = outcomes.len() == keys.len() && outcomes.iter().all(JobOutcome::finished);
        if finished || Instant::now() >= deadline {
            return notices
                .iter()
                .zip(&keys)
                .filter_map(|(notice, key)| note(notice.to, outcomes.iter().find(|o| &o.dedupe_key == key)))
                .collect();
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The line for one notice that did not simply arrive.
fn note(to: UserId, outcome: Option<&JobOutcome>) -> Option<String> {
    match outcome.map(|o| (o.state.as_str(), o.last_error.as_deref().unwrap_or_default())) {
        Some(("sent" | "skipped", _)) => None,
        Some(("failed", error)) if error.contains("50007") => {
            Some(format!("\n{}", tr!("bot-reply-dm-closed", to = to.to_string())))
        }
        Some(("failed", _)) => Some(format!("\n{}", tr!("bot-reply-dm-refused", to = to.to_string()))),
        _ => Some(format!("\n{}", tr!("bot-reply-dm-on-its-way", to = to.to_string()))),
    }
}

/// `success` when every notice was delivered, else the lines about the others.
pub fn told(failures: &str, success: &str) -> String {
    if failures.is_empty() {
        success.to_owned()
    } else {
        failures.trim_start().to_owned()
    }
}
