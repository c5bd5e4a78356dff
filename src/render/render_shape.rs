//! How the pre-work notices read: the mentee's pairing DM with **Share background**, and the
//! background as the mentor receives it.

use serenity::all::{ButtonStyle, CreateActionRow, CreateEmbed};

use super::{notice::COLOUR, Outgoing};
use crate::{
    domain::{background::BackgroundInput, layout, pairing::Pairing},
    render::components::ComponentId,
};

/// The mentee's pairing DM: the pre-work prompt and its button.
pub(super) fn paired_mentee(embed: CreateEmbed, pairing: i64) -> Outgoing {
    let embed = embed.field(
        "Before your first session",
        "Share your background with your mentor: your current role, what you want from mentoring, \
         links (a resume, a job description) and how you prefer to communicate. Only the two of you see it.",
        false,
    );
    let button = ComponentId::Background(pairing).button(super::labels::share_background(), ButtonStyle::Primary);
    Outgoing { embeds: vec![embed], components: vec![CreateActionRow::Buttons(vec![button])], ..Outgoing::default() }
}

/// The mentee's background, to the mentor.
pub(super) fn background_shared(pairing: &Pairing, background: &BackgroundInput, revision: i64) -> Outgoing {
    let verb = if revision > 0 { "updated" } else { "shared" };
    let mut embed = CreateEmbed::new()
        .title("🧳 Your mentee's background")
        .description(format!(
            "<@{}> {verb} their background for your mentoring. Only the two of you see it.",
            pairing.mentee_id
        ))
        .colour(COLOUR);
    for (name, value) in background.fields() {
        for (i, piece) in layout::split(value, 1024).into_iter().enumerate() {
            embed = embed.field(if i == 0 { name.to_owned() } else { format!("{name} (continued)") }, piece, false);
        }
    }
    Outgoing { embeds: vec![embed], ..Outgoing::default() }
}
