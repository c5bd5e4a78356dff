//! What the bot says, below both `bot/` and `scheduler/`: the custom ids of buttons and modals and
//! their builders (`components`, `admin_buttons`), the rendering of `Notice`s and other messages
//! and embeds, calendar files, exports and session records. Sending them is `notify`.

pub mod admin_buttons;
mod calendar;
pub mod components;
pub mod content;
pub mod export;
pub mod labels;
pub mod look;
mod notice;
mod render_series;
mod render_shape;
pub mod summary;

use serenity::all::{CreateActionRow, CreateAttachment, CreateEmbed};

pub use calendar::{occurrence_ics, series_ics, session_ics};
pub use notice::{render_notice, session_embed, when};
pub use render_series::{series_first_times, series_left_out};

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
