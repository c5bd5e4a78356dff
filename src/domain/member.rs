//! Members of a program: their role and time zone.

use std::fmt;

use chrono_tz::Tz;

use super::ids::{GuildId, UserId};

/// What a member does in the program.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Mentor,
    Mentee,
}

impl Role {
    /// The stored and displayed name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Mentor => "mentor",
            Role::Mentee => "mentee",
        }
    }

    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "mentor" => Some(Role::Mentor),
            "mentee" => Some(Role::Mentee),
            _ => None,
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A person in a program.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub guild_id: GuildId,
    pub user_id: UserId,
    pub role: Role,
    /// `None`: the program's zone applies.
    pub zone: Option<Tz>,
    pub display_name: String,
    pub active: bool,
}

impl Member {
    /// The zone this member's times are read and shown in.
    pub fn zone_or(&self, program_zone: Tz) -> Tz {
        self.zone.unwrap_or(program_zone)
    }
}
