//! Error rendering: user errors become specific ephemeral replies; unexpected errors are logged
//! with an error id and answered with a short apology carrying that id.

use poise::{serenity_prelude as serenity, CreateReply, FrameworkError};

use super::{leave, log_outcome, reply::no_pings, Data};
use crate::{
    app::{AppError, UserError},
    domain::{layout::MESSAGE_CHARS, text::short},
    tr,
};

/// Everything a command can fail with.
#[derive(Debug, thiserror::Error)]
pub enum BotError {
    #[error(transparent)]
    App(#[from] AppError),
    #[error("Discord request failed: {0}")]
    Discord(Box<serenity::Error>),
}

impl From<serenity::Error> for BotError {
    fn from(e: serenity::Error) -> Self {
        BotError::Discord(Box::new(e))
    }
}

impl From<UserError> for BotError {
    fn from(e: UserError) -> Self {
        BotError::App(AppError::User(e))
    }
}

impl From<anyhow::Error> for BotError {
    fn from(e: anyhow::Error) -> Self {
        BotError::App(AppError::Internal(e))
    }
}

/// A short id that ties an apology to a log line.
pub fn error_id() -> String {
    format!("{:08x}", rand::random::<u32>())
}

/// The apology for an unexpected error.
pub fn apology(id: &str) -> String {
    tr!("app-apology", id = id)
}

/// Our own error text, cut to what one message holds (it never carries user data whole).
pub fn fit_error_text(text: &str) -> String {
    if text.chars().count() <= MESSAGE_CHARS {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(MESSAGE_CHARS - 1).collect();
    cut.push('…');
    cut
}

async fn say(ctx: super::Context<'_>, text: String) {
    let reply = CreateReply::default().content(fit_error_text(&text)).ephemeral(true).allowed_mentions(no_pings());
    if let Err(e) = ctx.send(reply).await {
        tracing::error!(error = %e, "could not send an error reply");
    }
}

/// poise's error hook.
pub async fn on_error(error: FrameworkError<'_, Data, BotError>) {
    // However the command ended, it no longer runs (once `pre_command` counted it).
    let ctx = error.ctx();
    answer_error(error).await;
    if let Some(ctx) = ctx {
        leave(ctx).await;
    }
}

async fn answer_error(error: FrameworkError<'_, Data, BotError>) {
    match error {
        FrameworkError::Command { error, ctx, .. } => match error {
            BotError::App(AppError::User(user_error)) => {
                log_outcome(ctx, "refused").await;
                say(ctx, user_error.to_string()).await;
            }
            other => {
                let id = error_id();
                tracing::error!(error_id = %id, command = %ctx.command().qualified_name, error = ?other, "command failed");
                log_outcome(ctx, "error").await;
                say(ctx, apology(&id)).await;
            }
        },
        FrameworkError::CommandPanic { payload, ctx, .. } => {
            let id = error_id();
            tracing::error!(error_id = %id, command = %ctx.command().qualified_name, panic = ?payload, "command panicked");
            say(ctx, apology(&id)).await;
        }
        FrameworkError::ArgumentParse { error, input, ctx, .. } => {
            let problem = short(&error.to_string());
            let text = if let Some(value) = input {
                tr!("app-bad-option-value", value = short(&value), problem = problem)
            } else {
                tr!("app-bad-option", problem = problem)
            };
            log_outcome(ctx, "refused").await;
            say(ctx, text).await;
        }
        FrameworkError::CommandStructureMismatch { description, ctx, .. } => {
            tracing::warn!(command = %ctx.command().qualified_name, description, "options do not match the command");
            log_outcome(poise::Context::Application(ctx), "refused").await;
            say(poise::Context::Application(ctx), tr!("app-old-command")).await;
        }
        FrameworkError::GuildOnly { ctx, .. } => {
            say(ctx, tr!("app-guild-only")).await;
        }
        FrameworkError::Setup { error, .. } => {
            tracing::error!(error = ?error, "bot setup failed");
        }
        other => {
            if let Err(e) = poise::builtins::on_error(other).await {
                tracing::error!(error = %e, "error while handling an error");
            }
        }
    }
}
