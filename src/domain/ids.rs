//! Discord snowflake ids as domain newtypes (the domain does not depend on serenity).

use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub struct $name(pub u64);

        impl $name {
            /// The id as SQLite stores it (snowflakes fit in 63 bits).
            #[allow(clippy::cast_possible_wrap)]
            pub fn db(self) -> i64 {
                self.0 as i64
            }

            /// The id from its SQLite form.
            #[allow(clippy::cast_sign_loss)]
            pub fn from_db(v: i64) -> Self {
                Self(v as u64)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// A Discord user.
    UserId
);
id_type!(
    /// A Discord guild (server); each guild has at most one program.
    GuildId
);
id_type!(
    /// A Discord channel.
    ChannelId
);
id_type!(
    /// A Discord role.
    RoleId
);

/// Ids below this are stand-ins for members who asked to be forgotten: every Discord snowflake
/// made after 2015 is larger (its timestamp part starts at bit 22).
pub const FORMER_MEMBER_IDS: u64 = 1 << 22;

/// The name a forgotten member's records keep (stored; [`UserId::mention`] shows the
/// catalogue's words for it).
pub const FORMER_MEMBER: &str = "a former member";

impl UserId {
    /// Whether this is the stand-in of a member who asked to be forgotten.
    pub fn is_former(self) -> bool {
        self.0 < FORMER_MEMBER_IDS
    }

    /// A Discord mention (`<@id>`), or "a former member" for a forgotten one.
    pub fn mention(self) -> String {
        if self.is_former() {
            crate::tr!("domain-former-member")
        } else {
            format!("<@{}>", self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_forgotten_members_stand_in_is_never_mentioned() {
        assert_eq!(UserId(3).mention(), "a former member");
        assert_eq!(UserId(800_000_000_000_000_002).mention(), "<@800000000000000002>");
    }
}
