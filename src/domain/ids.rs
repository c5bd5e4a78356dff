//! Discord snowflake ids as domain newtypes (the domain does not depend on serenity).

use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
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
