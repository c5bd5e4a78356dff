//! A mentor–mentee pairing: the unit that owns sessions and everything private.

use super::ids::{GuildId, UserId};

/// A mentor and a mentee working together.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Pairing {
    pub id: i64,
    pub guild_id: GuildId,
    pub mentor_id: UserId,
    pub mentee_id: UserId,
    pub active: bool,
}

impl Pairing {
    /// Whether `user` is one of the two.
    pub fn includes(&self, user: UserId) -> bool {
        self.mentor_id == user || self.mentee_id == user
    }

    /// The other person of the pair, when `user` is one of them.
    pub fn partner_of(&self, user: UserId) -> Option<UserId> {
        if user == self.mentor_id {
            Some(self.mentee_id)
        } else if user == self.mentee_id {
            Some(self.mentor_id)
        } else {
            None
        }
    }
}
