//! Delivering messages to people: the `Notifier` trait, its Discord implementation (DMs and
//! channel posts, with nonces so a retry never posts twice), and the rendering of `Notice`s.

mod calendar;
pub mod content;
mod discord;
mod render;
pub mod summary;

use std::time::Duration;

use chrono::{DateTime, Utc};
use serenity::all::{CreateActionRow, CreateAttachment, CreateEmbed};

pub use calendar::session_ics;
pub use discord::DiscordNotifier;
pub use render::{render_notice, session_embed, when};

use crate::{
    app::Notice,
    domain::ids::{ChannelId, UserId},
};

/// A message ready to send.
#[derive(Debug, Clone, Default)]
pub struct Outgoing {
    pub content: String,
    pub embeds: Vec<CreateEmbed>,
    pub components: Vec<CreateActionRow>,
    pub files: Vec<CreateAttachment>,
    /// Stable per logical message (at most 25 characters); sent with `enforce_nonce`.
    pub nonce: String,
}

/// Why a delivery failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DeliveryError {
    /// The user does not accept DMs from this server's members (Discord error 50007).
    #[error("the recipient does not accept direct messages (Discord error 50007)")]
    DmsClosed,
    /// Unknown user or channel (Discord errors 10013, 10003) or no access.
    #[error("unknown recipient or no access: {0}")]
    Unreachable(String),
    /// Discord asked us to slow down.
    #[error("rate limited by Discord (retry after {0:?})")]
    RateLimited(Option<Duration>),
    /// A server error or a network problem; worth retrying.
    #[error("temporary failure: {0}")]
    Transient(String),
}

impl DeliveryError {
    /// Whether retrying cannot help.
    pub fn is_permanent(&self) -> bool {
        matches!(self, DeliveryError::DmsClosed | DeliveryError::Unreachable(_))
    }
}

/// Sends messages to people and channels.
#[async_trait::async_trait]
pub trait Notifier: Send + Sync + std::fmt::Debug {
    /// Sends a direct message.
    async fn dm(&self, to: UserId, message: Outgoing) -> Result<(), DeliveryError>;
    /// Posts in a channel.
    async fn post(&self, channel: ChannelId, message: Outgoing) -> Result<(), DeliveryError>;
}

/// The result of telling one person about something.
#[derive(Debug, Clone)]
pub struct Delivery {
    pub to: UserId,
    pub result: Result<(), DeliveryError>,
}

/// Waits between the attempts of an immediate notice (real time; the command has deferred).
const NOTICE_RETRY_WAITS: [Duration; 2] = [Duration::from_millis(500), Duration::from_millis(1500)];

/// Renders and sends each notice; never stops at a failed one. A temporary failure is retried
/// twice within the command (the nonce keeps a retry from posting twice); what still fails is
/// reported so the caller can tell the person themselves.
pub async fn deliver(notifier: &dyn Notifier, notices: &[Notice], now: DateTime<Utc>) -> Vec<Delivery> {
    let mut out = Vec::with_capacity(notices.len());
    for notice in notices {
        let message = render_notice(notice, now);
        let mut result = notifier.dm(notice.to, message.clone()).await;
        for wait in NOTICE_RETRY_WAITS {
            match &result {
                Err(e) if !e.is_permanent() => {
                    tracing::info!(to = %notice.to, error = %e, "retrying a notice");
                    tokio::time::sleep(wait).await;
                    result = notifier.dm(notice.to, message.clone()).await;
                }
                _ => break,
            }
        }
        if let Err(e) = &result {
            tracing::warn!(to = %notice.to, error = %e, "could not deliver a notice");
        }
        out.push(Delivery { to: notice.to, result });
    }
    out
}
