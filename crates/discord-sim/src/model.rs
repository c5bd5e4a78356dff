//! What tests see: messages, modals, replies, recorded requests and violations.

use std::time::Duration;

use anyhow::{anyhow, bail};
use chrono::{DateTime, Utc};
use serde_json::Value;

/// A file attached to a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    /// Attachment id.
    pub id: u64,
    /// File name.
    pub filename: String,
    /// Content type sent by the bot (if any).
    pub content_type: Option<String>,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// A message the bot posted (channel message, DM, interaction response or followup).
#[derive(Clone, Debug)]
pub struct Message {
    /// Message id.
    pub id: u64,
    /// Channel it lives in.
    pub channel_id: u64,
    /// Guild of the channel (`None` in DMs).
    pub guild_id: Option<u64>,
    /// Author (the bot).
    pub author_id: u64,
    /// Text content.
    pub content: String,
    /// Embed objects as sent.
    pub embeds: Vec<Value>,
    /// Component rows as sent.
    pub components: Vec<Value>,
    /// Attached files.
    pub attachments: Vec<Attachment>,
    /// Only visible to the user of the interaction.
    pub ephemeral: bool,
    /// The nonce sent with the message, as a string.
    pub nonce: Option<String>,
    /// The interaction this message answers (original response or followup).
    pub interaction_id: Option<u64>,
    /// Message flags.
    pub flags: u64,
    /// Creation time (sim clock).
    pub timestamp: DateTime<Utc>,
    /// Last edit time (sim clock).
    pub edited_timestamp: Option<DateTime<Utc>>,
}

impl Message {
    /// Content plus every embed's title, description, field names and values, and footer,
    /// joined with newlines.
    pub fn text(&self) -> String {
        let mut parts = Vec::new();
        if !self.content.is_empty() {
            parts.push(self.content.clone());
        }
        for embed in &self.embeds {
            parts.extend(embed_lines(embed));
        }
        parts.join("\n")
    }

    /// Every button as `(custom_id, label)` (link buttons have an empty custom id).
    pub fn buttons(&self) -> Vec<(String, String)> {
        self.components
            .iter()
            .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
            .filter(|c| c["type"] == 2)
            .map(|c| {
                (
                    c["custom_id"].as_str().unwrap_or_default().to_owned(),
                    c["label"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect()
    }

    /// The custom ids of the disabled buttons (a client shows them greyed out; they cannot be
    /// pressed).
    pub fn disabled_buttons(&self) -> Vec<String> {
        self.components
            .iter()
            .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
            .filter(|c| c["type"] == 2 && c["disabled"] == true)
            .map(|c| c["custom_id"].as_str().unwrap_or_default().to_owned())
            .collect()
    }

    /// The custom id of the button labelled `label`.
    pub fn button_id(&self, label: &str) -> anyhow::Result<String> {
        self.buttons()
            .into_iter()
            .find(|(_, l)| l == label)
            .map(|(id, _)| id)
            .ok_or_else(|| anyhow!("no button labelled {label:?} on message {}", self.id))
    }

    /// The attachment named `name` decoded as UTF-8.
    pub fn attachment_text(&self, name: &str) -> anyhow::Result<String> {
        let file = self
            .attachments
            .iter()
            .find(|a| a.filename == name)
            .ok_or_else(|| anyhow!("no attachment {name:?} on message {}", self.id))?;
        Ok(String::from_utf8(file.bytes.clone())?)
    }
}

/// The readable lines of an embed: title, description, fields, footer.
pub(crate) fn embed_lines(embed: &Value) -> Vec<String> {
    let mut lines = Vec::new();
    for key in ["title", "description"] {
        if let Some(s) = embed[key].as_str() {
            lines.push(s.to_owned());
        }
    }
    for field in embed["fields"].as_array().into_iter().flatten() {
        lines.push(field["name"].as_str().unwrap_or_default().to_owned());
        lines.push(field["value"].as_str().unwrap_or_default().to_owned());
    }
    if let Some(s) = embed["footer"]["text"].as_str() {
        lines.push(s.to_owned());
    }
    lines
}

/// One text input of a modal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModalField {
    /// The input's custom id.
    pub custom_id: String,
    /// Label shown above the input.
    pub label: String,
    /// 1 = short, 2 = paragraph.
    pub style: u64,
    /// Pre-filled value.
    pub value: Option<String>,
    /// Whether the input is required (Discord's default is true).
    pub required: bool,
    /// Minimum length.
    pub min_length: Option<u64>,
    /// Maximum length.
    pub max_length: Option<u64>,
    /// Placeholder text.
    pub placeholder: Option<String>,
}

/// A modal the bot showed (callback type 9).
#[derive(Clone, Debug)]
pub struct Modal {
    /// The interaction whose callback showed the modal.
    pub interaction_id: u64,
    /// The user it was shown to.
    pub user_id: u64,
    /// The modal's custom id (poise uses the interaction id).
    pub custom_id: String,
    /// Title.
    pub title: String,
    /// Text inputs in order.
    pub fields: Vec<ModalField>,
}

/// An autocomplete choice `(name, value)`; the value is rendered as a string.
pub type Choice = (String, String);

/// How the bot answered an interaction.
#[derive(Clone, Debug)]
pub enum ReplyKind {
    /// Callback type 4, or type 5 followed by the edit of `@original` (the edited message).
    Message(Message),
    /// Component callbacks 7 (update message) or 6 followed by the edit of the message.
    Updated(Message),
    /// Callback type 9.
    Modal(Modal),
    /// Callback type 8.
    Choices(Vec<Choice>),
}

/// The outcome of an interaction.
///
/// `followups` holds the followup messages the bot had posted by the time the main reply was
/// complete (for a deferred reply: when `@original` was edited). Later followups are available
/// from [`crate::Sim::followups`].
#[derive(Clone, Debug)]
pub struct Reply {
    /// The interaction id.
    pub interaction_id: u64,
    /// What the bot answered.
    pub kind: ReplyKind,
    /// Followups seen up to the moment the main reply completed.
    pub followups: Vec<Message>,
}

impl Reply {
    /// The reply message (for `Message` and `Updated`).
    pub fn message(&self) -> anyhow::Result<&Message> {
        match &self.kind {
            ReplyKind::Message(m) | ReplyKind::Updated(m) => Ok(m),
            other => bail!("expected a message reply, got {other:?}"),
        }
    }

    /// The modal (for `Modal`).
    pub fn modal(&self) -> anyhow::Result<&Modal> {
        match &self.kind {
            ReplyKind::Modal(m) => Ok(m),
            other => bail!("expected a modal, got {other:?}"),
        }
    }

    /// The autocomplete choices (for `Choices`).
    pub fn choices(&self) -> anyhow::Result<&[Choice]> {
        match &self.kind {
            ReplyKind::Choices(c) => Ok(c),
            other => bail!("expected autocomplete choices, got {other:?}"),
        }
    }

    /// The message's [`Message::text`], the modal title, or the choice names.
    pub fn text(&self) -> String {
        match &self.kind {
            ReplyKind::Message(m) | ReplyKind::Updated(m) => m.text(),
            ReplyKind::Modal(m) => m.title.clone(),
            ReplyKind::Choices(c) => c.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>().join("\n"),
        }
    }

    /// Whether the reply message is ephemeral.
    pub fn is_ephemeral(&self) -> bool {
        self.message().is_ok_and(|m| m.ephemeral)
    }
}

/// One REST request the bot made.
#[derive(Clone, Debug)]
pub struct RequestRecord {
    /// HTTP method.
    pub method: String,
    /// Path including `/api/v10`, without the query.
    pub path: String,
    /// Query string, if any.
    pub query: Option<String>,
    /// The JSON body, or `payload_json` of a multipart body.
    pub body: Option<Value>,
    /// Names of the uploaded files.
    pub files: Vec<String>,
    /// The status the sim answered (0 if the connection was dropped).
    pub status: u16,
    /// The fault injected into this request, if any.
    pub fault: Option<String>,
    /// Ids of messages this request created.
    pub created: Vec<u64>,
    /// Sim-clock time of the request.
    pub at: DateTime<Utc>,
    /// Real time the sim spent answering.
    pub elapsed: Duration,
}

/// A gateway session as the sim sees it (see [`crate::Sim::sessions`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GatewaySession {
    pub session_id: String,
    /// `(id, total)` from the IDENTIFY.
    pub shard: (u32, u32),
    /// A connection is attached (not closed, not waiting to resume).
    pub live: bool,
    /// The guilds its READY listed.
    pub guilds: Vec<u64>,
    /// Dispatches it was sent so far (its last sequence number).
    pub dispatches: u64,
}

/// Something that is wrong with the bot's (or the sim's) behaviour.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// Category, e.g. `gateway-event`, `openapi-request`, `late-callback`, `unknown-route`.
    pub kind: String,
    /// Human-readable details.
    pub detail: String,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "[{}] {}", self.kind, self.detail)
    }
}
