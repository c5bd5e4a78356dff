//! A mentoring program: one per guild, with its channel and time zone.

use chrono_tz::Tz;

use super::{
    ids::{ChannelId, GuildId, RoleId},
    settings::Overrides,
};

/// The program of one guild.
#[derive(Debug, Clone, PartialEq)]
pub struct Program {
    pub guild_id: GuildId,
    pub channel_id: ChannelId,
    pub zone: Tz,
    /// The program's own scheduler settings (over the configured defaults).
    pub overrides: Overrides,
    /// Members with this role administer the program (besides Manage Server).
    pub coordinator_role: Option<RoleId>,
    /// How long the content of an ended pairing is kept (`None`: the configured default).
    pub retain_ended: Option<chrono::Duration>,
}

/// Parses an IANA zone name as users type it (case-insensitive, spaces as underscores).
pub fn parse_zone(input: &str) -> Result<Tz, UnknownZone> {
    let cleaned = input.trim().replace(' ', "_");
    cleaned
        .parse::<Tz>()
        .or_else(|_| {
            chrono_tz::TZ_VARIANTS.iter().copied().find(|tz| tz.name().eq_ignore_ascii_case(&cleaned)).ok_or(())
        })
        .map_err(|()| UnknownZone(input.trim().to_owned()))
}

/// A zone name that is not in the IANA database.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::tr!("domain-unknown-zone", zone = super::text::short(.0)))]
pub struct UnknownZone(pub String);

/// Zone names matching what a user typed so far, best first, at most `limit`.
pub fn suggest_zones(partial: &str, limit: usize) -> Vec<&'static str> {
    let needle = partial.trim().replace(' ', "_").to_lowercase();
    let mut hits: Vec<(u8, &'static str)> = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| tz.name())
        .filter_map(|name| {
            let lower = name.to_lowercase();
            let city = lower.rsplit('/').next().unwrap_or(&lower);
            if needle.is_empty() || city.starts_with(&needle) {
                Some((0, name))
            } else if lower.starts_with(&needle) {
                Some((1, name))
            } else if lower.contains(&needle) {
                Some((2, name))
            } else {
                None
            }
        })
        .collect();
    hits.sort_unstable();
    hits.into_iter().take(limit).map(|(_, n)| n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zone_names_are_accepted_case_insensitively_and_with_spaces() {
        assert_eq!(parse_zone("europe/berlin").unwrap(), chrono_tz::Europe::Berlin);
        assert_eq!(parse_zone(" America/New York ").unwrap(), chrono_tz::America::New_York);
    }

    #[test]
    fn an_unknown_zone_is_refused_with_examples() {
        let err = parse_zone("Mars/Olympus").unwrap_err().to_string();
        assert!(err.contains("Mars/Olympus") && err.contains("Europe/Berlin"));
    }

    #[test]
    fn zone_suggestions_prefer_city_matches() {
        let hits = suggest_zones("berl", 25);
        assert_eq!(hits.first(), Some(&"Europe/Berlin"));
        assert!(suggest_zones("", 25).len() == 25);
        assert!(suggest_zones("zzzz", 25).is_empty());
    }
}
