//! One look for every embed the bot sends: the bot's colour, a title, the text in the
//! description and fields, and a footer that starts with the bot's name, then says what the
//! message is (a job's reference, a chart's note) when there is more to say. Applied where
//! messages leave the bot (interaction answers and the REST client), so no embed misses it.

use serenity::all::{CreateEmbed, CreateEmbedFooter};

/// The bot's colour, on every embed.
pub const COLOUR: u32 = 0x0057_F287;

/// What every footer starts with.
pub const SIGNATURE: &str = "mentor-bot";

/// `embed` in the bot's look: its colour, and its footer `mentor-bot` or
/// `mentor-bot · <the footer it had>`. Idempotent.
pub fn finish(embed: CreateEmbed) -> CreateEmbed {
    let text = match footer_text(&embed) {
        Some(text) if text.starts_with(SIGNATURE) => text,
        Some(text) if !text.trim().is_empty() => format!("{SIGNATURE} · {text}"),
        _ => SIGNATURE.to_owned(),
    };
    embed.colour(COLOUR).footer(CreateEmbedFooter::new(text))
}

/// Adds `note` to the end of `embed`'s footer (` · ` between).
pub fn add_to_footer(embed: CreateEmbed, note: &str) -> CreateEmbed {
    let text = match footer_text(&embed) {
        Some(text) if !text.trim().is_empty() => format!("{text} · {note}"),
        _ => note.to_owned(),
    };
    embed.footer(CreateEmbedFooter::new(text))
}

/// The footer text of an embed (serenity's builder keeps its fields private; its JSON shows them).
fn footer_text(embed: &CreateEmbed) -> Option<String> {
    let json = serde_json::to_value(embed).ok()?;
    json.get("footer")?.get("text")?.as_str().map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn footer(embed: &CreateEmbed) -> String {
        footer_text(embed).unwrap_or_default()
    }

    #[test]
    fn every_finished_embed_has_the_colour_and_a_footer_that_starts_with_the_signature() {
        let plain = finish(CreateEmbed::new().title("Your sessions"));
        assert_eq!(footer(&plain), "mentor-bot");
        assert_eq!(serde_json::to_value(&plain).unwrap()["color"], COLOUR);
        let noted = finish(CreateEmbed::new().title("Report").footer(CreateEmbedFooter::new("Chart drawn in 3 ms")));
        assert_eq!(footer(&noted), "mentor-bot · Chart drawn in 3 ms");
        assert_eq!(footer(&finish(noted)), "mentor-bot · Chart drawn in 3 ms", "finishing twice changes nothing");
    }

    #[test]
    fn a_note_is_added_after_what_the_footer_already_says() {
        let stamped = add_to_footer(CreateEmbed::new().footer(CreateEmbedFooter::new("Week 3")), "ref a:1");
        assert_eq!(footer(&stamped), "Week 3 · ref a:1");
        assert_eq!(footer(&finish(add_to_footer(CreateEmbed::new(), "ref a:1"))), "mentor-bot · ref a:1");
    }
}
