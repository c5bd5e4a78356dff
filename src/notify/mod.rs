//! Delivering messages to people: the `Notifier` trait, its Discord implementation (the bot's own
//! REST client under one request budget; messages carry nonces so a retry never posts twice), and
//! the rendering of `Notice`s.

mod budget;
mod calendar;
pub mod content;
mod discord;
pub mod export;
pub mod labels;
mod render;
mod render_series;
mod render_shape;
mod rest;
pub mod summary;

use std::time::Duration;

use serenity::all::{CreateActionRow, CreateAttachment, CreateEmbed};

pub use budget::{Limits, RequestBudget};
pub use calendar::{occurrence_ics, series_ics, session_ics};
pub use discord::DiscordNotifier;
pub use render::{render_notice, session_embed, when};
pub use render_series::{series_first_times, series_left_out};
pub use rest::{DiscordRest, PostedMessage};

use crate::domain::ids::{ChannelId, UserId};

/// A message ready to send.
#[derive(Debug, Clone, Default)]
pub struct Outgoing {
    pub content: String,
    pub embeds: Vec<CreateEmbed>,
    pub components: Vec<CreateActionRow>,
    pub files: Vec<CreateAttachment>,
    /// Stable per logical message (at most 25 characters); sent with `enforce_nonce`. The
    /// scheduler sets it (see `scheduler::unit_nonce`).
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
    /// Discord asked us to slow down (and kept asking after we waited).
    #[error("rate limited by Discord (retry after {0:?})")]
    RateLimited(Option<Duration>),
    /// A server error, a timeout or a network problem; worth retrying.
    #[error("temporary failure: {0}")]
    Transient(String),
    /// The token was refused (401): nothing can be sent until an operator fixes it.
    #[error("Discord refused the bot's token (HTTP 401)")]
    Unauthorized,
    /// Discord refused the request itself (a 4xx other than the above): a bug, not worth retrying.
    #[error("Discord refused the message: {0}")]
    Rejected(String),
}

impl DeliveryError {
    /// Whether retrying this message cannot help.
    pub fn is_permanent(&self) -> bool {
        matches!(self, DeliveryError::DmsClosed | DeliveryError::Unreachable(_) | DeliveryError::Rejected(_))
    }
}

/// Sends messages to people and channels.
#[async_trait::async_trait]
pub trait Notifier: Send + Sync + std::fmt::Debug {
    /// Opens (or finds) the DM channel with a person.
    async fn open_dm(&self, to: UserId) -> Result<ChannelId, DeliveryError>;
    /// Posts in a channel (a DM channel or a server's); returns the message id.
    async fn post(&self, channel: ChannelId, message: &Outgoing) -> Result<u64, DeliveryError>;
    /// The channel's most recent messages, newest first (to find what a crashed run sent).
    async fn recent(&self, channel: ChannelId) -> Result<Vec<PostedMessage>, DeliveryError>;
}
