//! The Discord `Notifier`: serenity's HTTP client, DM channels, and error classification.

use std::sync::Arc;

use serenity::all::{CreateMessage, Http, HttpError, Nonce};

use super::{DeliveryError, Notifier, Outgoing};
use crate::domain::ids::{ChannelId, UserId};

/// Sends through Discord's REST API.
#[derive(Debug, Clone)]
pub struct DiscordNotifier {
    http: Arc<Http>,
}

impl DiscordNotifier {
    /// Uses the bot's HTTP client.
    pub fn new(http: Arc<Http>) -> Self {
        Self { http }
    }

    async fn send(&self, channel: serenity::all::ChannelId, message: Outgoing) -> Result<(), DeliveryError> {
        let mut builder = CreateMessage::new()
            .content(message.content)
            .embeds(message.embeds)
            .components(message.components)
            .add_files(message.files);
        if !message.nonce.is_empty() {
            builder = builder.nonce(Nonce::String(message.nonce)).enforce_nonce(true);
        }
        channel.send_message(&self.http, builder).await.map(drop).map_err(classify)
    }
}

#[async_trait::async_trait]
impl Notifier for DiscordNotifier {
    async fn dm(&self, to: UserId, message: Outgoing) -> Result<(), DeliveryError> {
        let channel = serenity::all::UserId::new(to.0).create_dm_channel(&self.http).await.map_err(classify)?;
        self.send(channel.id, message).await
    }

    async fn post(&self, channel: ChannelId, message: Outgoing) -> Result<(), DeliveryError> {
        self.send(serenity::all::ChannelId::new(channel.0), message).await
    }
}

/// Maps serenity's error to what the sender should do about it.
pub fn classify(error: serenity::Error) -> DeliveryError {
    match error {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(response)) => {
            let code = response.error.code;
            let status = response.status_code.as_u16();
            match (status, code) {
                (_, 50007) => DeliveryError::DmsClosed,
                // serenity keeps no headers of a failed response, so the caller's backoff decides
                // when to retry (with real Discord, serenity's rate limiter waits on its own).
                (429, _) => DeliveryError::RateLimited(None),
                (500..=599, _) => DeliveryError::Transient(format!("HTTP {status}: {}", response.error.message)),
                _ => DeliveryError::Unreachable(format!("HTTP {status}, code {code}: {}", response.error.message)),
            }
        }
        serenity::Error::Http(HttpError::Request(e)) => DeliveryError::Transient(format!("request failed: {e}")),
        other => DeliveryError::Transient(other.to_string()),
    }
}
