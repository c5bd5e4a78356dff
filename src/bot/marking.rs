//! Updating the message a button sits on once the button has done its work: a status line is
//! added to the message ("✅ A3 is done.") and the used buttons are disabled or removed, so a
//! reminder never invites a second press of a finished action. Embeds stay as they were.

use poise::serenity_prelude as serenity;

use crate::domain::layout::MESSAGE_CHARS;
use crate::render::components::ComponentId;

/// A fate for the buttons whose id is one of `ids`, `Keep` for the others.
pub fn only(ids: &[ComponentId], fate: Fate) -> impl Fn(&str, &str) -> Fate + '_ {
    move |custom_id, _| {
        if ComponentId::parse(custom_id).is_some_and(|id| ids.contains(&id)) {
            fate
        } else {
            Fate::Keep
        }
    }
}

/// What happens to one button of the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    Keep,
    Disable,
    /// Enabled again (a choice that can be made again, e.g. "We met" after "It didn't happen").
    Enable,
    Remove,
}

/// The new look of a message: its content and its rows of buttons.
#[derive(Debug)]
pub struct Marked {
    pub content: String,
    pub rows: Vec<serenity::CreateActionRow>,
}

/// `message` with `status` added below its content (replacing earlier lines that start with one
/// of `replaces`), each button's fate decided by `fate` from its custom id, and `extra`
/// rows added (Discord's five rows at most).
pub fn mark(
    message: &serenity::Message,
    status: &str,
    replaces: &[&str],
    fate: impl Fn(&str, &str) -> Fate,
    extra: Vec<serenity::CreateActionRow>,
) -> Marked {
    let kept: Vec<&str> =
        message.content.lines().filter(|l| !replaces.iter().any(|prefix| l.starts_with(prefix))).collect();
    let kept = kept.join("\n");
    let content = with_status(&kept, status);
    let mut rows: Vec<serenity::CreateActionRow> = message
        .components
        .iter()
        .filter_map(|row| {
            let buttons: Vec<serenity::CreateButton> = row
                .components
                .iter()
                .filter_map(|c| match c {
                    serenity::ActionRowComponent::Button(b) => {
                        let fate = match &b.data {
                            serenity::ButtonKind::NonLink { custom_id, .. } => {
                                fate(custom_id, b.label.as_deref().unwrap_or_default())
                            }
                            _ => Fate::Keep,
                        };
                        match fate {
                            Fate::Keep => Some(serenity::CreateButton::from(b.clone())),
                            Fate::Disable => Some(serenity::CreateButton::from(b.clone()).disabled(true)),
                            Fate::Enable => Some(serenity::CreateButton::from(b.clone()).disabled(false)),
                            Fate::Remove => None,
                        }
                    }
                    _ => None,
                })
                .collect();
            (!buttons.is_empty()).then_some(serenity::CreateActionRow::Buttons(buttons))
        })
        .collect();
    rows.extend(extra);
    rows.truncate(5);
    Marked { content, rows }
}

/// The content with a status line below it; earlier status lines stay while they fit, the
/// newest always does.
fn with_status(content: &str, status: &str) -> String {
    let status = status.trim();
    let joined =
        if content.trim().is_empty() { status.to_owned() } else { format!("{}\n{status}", content.trim_end()) };
    if joined.chars().count() <= MESSAGE_CHARS {
        joined
    } else {
        status.chars().take(MESSAGE_CHARS).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_goes_below_the_content() {
        assert_eq!(with_status("Mark items done.", "✅ A1 is done."), "Mark items done.\n✅ A1 is done.");
        assert_eq!(with_status("", "✅ A1 is done."), "✅ A1 is done.");
    }

    #[test]
    fn a_status_that_no_longer_fits_replaces_the_content() {
        let long = "x".repeat(MESSAGE_CHARS - 3);
        assert_eq!(with_status(&long, "✅ A1 is done."), "✅ A1 is done.");
    }
}
