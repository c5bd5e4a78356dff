//! Delivering messages to people: the `Notifier` trait and its Discord implementation (the bot's
//! own REST client under one request budget; messages carry nonces so a retry never posts twice).
//! What the messages say is `render`.

mod budget;
mod discord;
mod rest;

use std::time::Duration;

pub use budget::{next_slot, Limits, RequestBudget, SharedSlots, FALLBACK_SHARE};
pub use discord::DiscordNotifier;
pub use rest::{DiscordRest, PostedMessage};

use crate::{
    domain::ids::{ChannelId, UserId},
    render::Outgoing,
};

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
