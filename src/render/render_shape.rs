//! How the pre-work notices read: the mentee's pairing DM with **Share background**, and the
//! background as the mentor receives it.

use serenity::all::{ButtonStyle, CreateActionRow, CreateEmbed};

use super::Outgoing;
use crate::{
    domain::{background::BackgroundInput, layout, pairing::Pairing},
    render::components::ComponentId,
    tr,
};

/// The mentee's pairing DM: the pre-work prompt and its button.
pub(super) fn paired_mentee(embed: CreateEmbed, pairing: i64) -> Outgoing {
    let embed = embed.field(tr!("render-prework-field"), tr!("render-prework-text"), false);
    let button = ComponentId::Background(pairing).button(super::labels::share_background(), ButtonStyle::Primary);
    Outgoing { embeds: vec![embed], components: vec![CreateActionRow::Buttons(vec![button])], ..Outgoing::default() }
}

/// The mentee's background, to the mentor.
pub(super) fn background_shared(pairing: &Pairing, background: &BackgroundInput, revision: i64) -> Outgoing {
    let how = if revision > 0 { "updated" } else { "shared" };
    let mut embed = CreateEmbed::new().title(tr!("render-background-title")).description(tr!(
        "render-background-description",
        mentee = format!("<@{}>", pairing.mentee_id),
        how = how
    ));
    for (name, value) in background.fields() {
        for (i, piece) in layout::split(value, 1024).into_iter().enumerate() {
            embed = embed.field(
                if i == 0 { name.clone() } else { tr!("render-background-continued", name = name.as_str()) },
                piece,
                false,
            );
        }
    }
    Outgoing { embeds: vec![embed], ..Outgoing::default() }
}
