//! Admin buttons' custom ids and builders: **Nudge both** (`nudge:<pairing>`) under
//! `/program report` and in the digest, and **Pair** / **Skip** (`match:pair:<mentor>:<mentee>`,
//! `match:skip:<mentor>:<mentee>`) under `/match suggest`. Acting on a press stays in
//! `bot/admin_buttons.rs`.

use poise::serenity_prelude as serenity;

use crate::{domain::report::PairHealth, tr};

/// The custom id of **Nudge both** for a pairing.
pub fn nudge_id(pairing: i64) -> String {
    format!("nudge:{pairing}")
}

/// Reads a **Nudge both** custom id.
pub fn parse_nudge_id(custom_id: &str) -> Option<i64> {
    custom_id.strip_prefix("nudge:")?.parse::<i64>().ok().filter(|id| *id > 0)
}

/// What an admin button asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdminPress {
    Nudge(i64),
    Pair { mentor: u64, mentee: u64 },
    Skip { mentor: u64, mentee: u64 },
}

impl AdminPress {
    /// Reads a custom id; `None` for ids that are not of these kinds.
    pub fn parse(custom_id: &str) -> Option<Self> {
        if let Some(id) = parse_nudge_id(custom_id) {
            return Some(Self::Nudge(id));
        }
        let mut parts = custom_id.split(':');
        if parts.next()? != "match" {
            return None;
        }
        let kind = parts.next()?;
        let mentor = parts.next()?.parse::<u64>().ok().filter(|v| *v > 0)?;
        let mentee = parts.next()?.parse::<u64>().ok().filter(|v| *v > 0)?;
        if parts.next().is_some() {
            return None;
        }
        match kind {
            "pair" => Some(Self::Pair { mentor, mentee }),
            "skip" => Some(Self::Skip { mentor, mentee }),
            _ => None,
        }
    }

    /// The custom id.
    pub fn to_custom_id(self) -> String {
        match self {
            Self::Nudge(id) => nudge_id(id),
            Self::Pair { mentor, mentee } => format!("match:pair:{mentor}:{mentee}"),
            Self::Skip { mentor, mentee } => format!("match:skip:{mentor}:{mentee}"),
        }
    }
}

/// **Nudge both** buttons for stale pairs, five a row (at most 25: Discord's five rows).
pub fn nudge_rows(pairs: &[&PairHealth]) -> Vec<serenity::CreateActionRow> {
    pairs
        .iter()
        .take(25)
        .collect::<Vec<_>>()
        .chunks(5)
        .map(|row| {
            serenity::CreateActionRow::Buttons(
                row.iter()
                    .map(|p| {
                        let mut label =
                            tr!("render-nudge-both", mentor = p.mentor.as_str(), mentee = p.mentee.as_str());
                        crate::app::truncate_label(&mut label, 80);
                        serenity::CreateButton::new(AdminPress::Nudge(p.pairing_id).to_custom_id())
                            .label(label)
                            .style(serenity::ButtonStyle::Secondary)
                    })
                    .collect(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admin_ids_round_trip_and_foreign_ones_are_not_ours() {
        for p in
            [AdminPress::Nudge(4), AdminPress::Pair { mentor: 7, mentee: 9 }, AdminPress::Skip { mentor: 7, mentee: 9 }]
        {
            assert_eq!(AdminPress::parse(&p.to_custom_id()), Some(p));
        }
        for bad in ["nudge:0", "nudge:x", "match:pair:1", "match:pair:1:2:3", "match:hug:1:2", "agenda:4"] {
            assert_eq!(AdminPress::parse(bad), None, "{bad}");
        }
    }
}
