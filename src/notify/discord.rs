//! The Discord `Notifier`: the bot's own REST client ([`DiscordRest`]) with its request budget.

use std::sync::Arc;

use super::{rest::DiscordRest, DeliveryError, Notifier, Outgoing, PostedMessage};
use crate::domain::ids::{ChannelId, UserId};

/// How many recent messages are searched when reconciling a job that was in flight.
const RECENT: u8 = 50;

/// Sends through Discord's REST API.
#[derive(Debug, Clone)]
pub struct DiscordNotifier {
    rest: Arc<DiscordRest>,
}

impl DiscordNotifier {
    /// Sends through `rest` (one per bot: it holds the request budget).
    pub fn new(rest: Arc<DiscordRest>) -> Self {
        Self { rest }
    }
}

#[async_trait::async_trait]
impl Notifier for DiscordNotifier {
    async fn open_dm(&self, to: UserId) -> Result<ChannelId, DeliveryError> {
        self.rest.open_dm(to).await
    }

    async fn post(&self, channel: ChannelId, message: &Outgoing) -> Result<u64, DeliveryError> {
        self.rest.create_message(channel, message).await
    }

    async fn recent(&self, channel: ChannelId) -> Result<Vec<PostedMessage>, DeliveryError> {
        self.rest.recent_messages(channel, RECENT).await
    }
}
