//! Pre-work: the background a mentee shares with their mentor when a pair is formed (current
//! role, what they want from mentoring, links, how they prefer to communicate and how often).
//! Private to the pair.

use chrono::{DateTime, Utc};

use super::ids::UserId;
use crate::tr;

/// What the mentee wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BackgroundInput {
    pub current_role: String,
    pub wants: String,
    pub links: String,
    pub communication: String,
    pub frequency: String,
}

/// A stored background.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Background {
    pub pairing_id: i64,
    pub by: UserId,
    pub input: BackgroundInput,
    pub revision: i64,
    pub updated_at: DateTime<Utc>,
}

impl BackgroundInput {
    /// The answers with their labels, empty ones left out.
    pub fn fields(&self) -> Vec<(String, &str)> {
        [
            (tr!("domain-background-current-role"), self.current_role.as_str()),
            (tr!("domain-background-wants"), self.wants.as_str()),
            (tr!("domain-background-links"), self.links.as_str()),
            (tr!("domain-background-communication"), self.communication.as_str()),
            (tr!("domain-background-frequency"), self.frequency.as_str()),
        ]
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .collect()
    }
}
