//! The description of the simulated world: guilds, channels, roles, users and the clock.

use std::{path::PathBuf, sync::Arc, time::Duration};

use chrono::{DateTime, Utc};

/// A source of "now" for timestamps in payloads, the transcript and nonce windows.
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// Permission bit for "Manage Server".
pub const MANAGE_GUILD: u64 = 1 << 5;

/// Permissions `@everyone` gets in every simulated guild: view, send, embed, attach, read history,
/// reactions, external emojis, use application commands and threads.
pub const EVERYONE_PERMISSIONS: u64 = (1 << 6)
    | (1 << 10)
    | (1 << 11)
    | (1 << 14)
    | (1 << 15)
    | (1 << 16)
    | (1 << 18)
    | (1 << 31)
    | (1 << 35)
    | (1 << 38);

/// Everything the simulator needs to know before it starts.
#[derive(Clone)]
pub struct SimSpec {
    /// Guilds the bot is a member of, sent as `GUILD_CREATE` after `READY`.
    pub guilds: Vec<GuildSpec>,
    /// Human users that can act (see [`crate::Sim::actor`]).
    pub users: Vec<UserSpec>,
    /// The bot's application id (also the id of interaction webhooks).
    pub application_id: u64,
    /// The bot user's id.
    pub bot_user_id: u64,
    /// The bot user's name.
    pub bot_name: String,
    /// The id of the application owner reported by `GET /oauth2/applications/@me`.
    pub owner_id: u64,
    /// Path to Discord's OpenAPI document; used only with the `openapi` feature. A missing file
    /// disables validation, unless [`Self::require_openapi`] is set or the environment variable
    /// `CI` is set (non-empty, not `false`): then [`crate::Sim::start`] fails.
    pub openapi_spec: Option<PathBuf>,
    /// Fail [`crate::Sim::start`] when the OpenAPI document cannot be used (missing file, or
    /// built without the `openapi` feature).
    pub openapi_required: bool,
    /// The simulated "now"; the real UTC time when `None`.
    pub clock: Option<Clock>,
    /// Each REST request takes a uniform random round trip in `[min, max]` (real time): half
    /// before it is handled, half after. None by default.
    pub latency: Option<(Duration, Duration)>,
    /// Enforce Discord's rate limits (global 50/s, per-route buckets; see
    /// [`crate::Sim::set_rate_limits`]). Off by default.
    pub rate_limits: bool,
    /// Discord's global limit for this bot: non-exempt requests per second, all routes together.
    /// 50 by default, as for every bot; Discord grants large bots more on request.
    pub global_limit: usize,
    /// How long an enforced nonce de-duplicates messages (sim clock); 5 minutes by default.
    pub nonce_window: Duration,
    /// The heartbeat interval the gateway's Hello announces (Discord's choice; 41.25 s by
    /// default, as Discord sends today).
    pub heartbeat_interval: Duration,
}

impl Default for SimSpec {
    fn default() -> Self {
        Self {
            guilds: vec![GuildSpec::new(100_000_000_000_000_001, "Mentoring")
                .channel(ChannelSpec::new(100_000_000_000_000_101, "general"))],
            users: Vec::new(),
            application_id: 200_000_000_000_000_001,
            bot_user_id: 200_000_000_000_000_001,
            bot_name: "mentor-bot".to_owned(),
            owner_id: 300_000_000_000_000_001,
            openapi_spec: None,
            openapi_required: false,
            clock: None,
            latency: None,
            rate_limits: false,
            global_limit: crate::ratelimit::GLOBAL_LIMIT,
            nonce_window: Duration::from_mins(5),
            heartbeat_interval: Duration::from_millis(41_250),
        }
    }
}

impl SimSpec {
    /// A spec without guilds or users (add them with the builder methods).
    pub fn empty() -> Self {
        Self { guilds: Vec::new(), ..Self::default() }
    }

    /// Adds a guild.
    #[must_use]
    pub fn guild(mut self, guild: GuildSpec) -> Self {
        self.guilds.push(guild);
        self
    }

    /// Adds a user.
    #[must_use]
    pub fn user(mut self, user: UserSpec) -> Self {
        self.users.push(user);
        self
    }

    /// Sets the clock.
    #[must_use]
    pub fn clock(mut self, clock: impl Fn() -> DateTime<Utc> + Send + Sync + 'static) -> Self {
        self.clock = Some(Arc::new(clock));
        self
    }

    /// Sets the OpenAPI document used for validation (feature `openapi`).
    #[must_use]
    pub fn openapi_spec(mut self, path: impl Into<PathBuf>) -> Self {
        self.openapi_spec = Some(path.into());
        self
    }

    /// Makes a missing OpenAPI document (or a build without the `openapi` feature) an error.
    #[must_use]
    pub fn require_openapi(mut self) -> Self {
        self.openapi_required = true;
        self
    }

    /// The gateway announces this heartbeat interval (tests of a gateway that stops answering
    /// use a short one, so the bot notices within a second or two).
    #[must_use]
    pub fn heartbeat_interval(mut self, interval: Duration) -> Self {
        self.heartbeat_interval = interval;
        self
    }

    /// Every REST request waits a uniform random round trip in `[min, max]` (real time).
    #[must_use]
    pub fn latency(mut self, min: Duration, max: Duration) -> Self {
        self.latency = Some((min, max));
        self
    }

    /// Enforces Discord's rate limits.
    #[must_use]
    pub fn discord_limits(mut self) -> Self {
        self.rate_limits = true;
        self
    }

    /// Sets the bot's global limit (requests per second, at least 1), as Discord does for a large
    /// bot that asked for more than the default 50; enforced with [`Self::discord_limits`].
    #[must_use]
    pub fn global_limit(mut self, per_second: usize) -> Self {
        self.global_limit = per_second.max(1);
        self
    }

    /// Sets how long an enforced nonce de-duplicates messages (sim clock).
    #[must_use]
    pub fn nonce_window(mut self, window: Duration) -> Self {
        self.nonce_window = window;
        self
    }
}

/// A guild with its text channels and roles.
#[derive(Clone, Debug)]
pub struct GuildSpec {
    /// Guild id (also the id of its `@everyone` role).
    pub id: u64,
    /// Guild name.
    pub name: String,
    /// Text channels; the first one is where actors act by default.
    pub channels: Vec<ChannelSpec>,
    /// Roles besides `@everyone`.
    pub roles: Vec<RoleSpec>,
    /// The role given to users that are admins of this guild (has [`MANAGE_GUILD`]); by default
    /// id `guild id + 1`, named "Admin".
    pub admin_role: RoleSpec,
    /// The server's preferred language, sent with its interactions (`en-US` unless set).
    pub locale: String,
}

impl GuildSpec {
    /// A guild without channels.
    pub fn new(id: u64, name: impl Into<String>) -> Self {
        Self {
            id,
            name: name.into(),
            channels: Vec::new(),
            roles: Vec::new(),
            admin_role: RoleSpec { id: id + 1, name: "Admin".to_owned(), permissions: MANAGE_GUILD },
            locale: "en-US".to_owned(),
        }
    }

    /// Sets the server's preferred language (a Discord locale such as `de`).
    #[must_use]
    pub fn locale(mut self, locale: impl Into<String>) -> Self {
        self.locale = locale.into();
        self
    }

    /// Adds a text channel.
    #[must_use]
    pub fn channel(mut self, channel: ChannelSpec) -> Self {
        self.channels.push(channel);
        self
    }

    /// Adds a role.
    #[must_use]
    pub fn role(mut self, role: RoleSpec) -> Self {
        self.roles.push(role);
        self
    }
}

/// A guild text channel.
#[derive(Clone, Debug)]
pub struct ChannelSpec {
    /// Channel id.
    pub id: u64,
    /// Channel name (without `#`).
    pub name: String,
}

impl ChannelSpec {
    /// A text channel.
    pub fn new(id: u64, name: impl Into<String>) -> Self {
        Self { id, name: name.into() }
    }
}

/// A guild role.
#[derive(Clone, Debug)]
pub struct RoleSpec {
    /// Role id.
    pub id: u64,
    /// Role name.
    pub name: String,
    /// Permission bits the role grants.
    pub permissions: u64,
}

impl RoleSpec {
    /// A role without extra permissions.
    pub fn new(id: u64, name: impl Into<String>) -> Self {
        Self { id, name: name.into(), permissions: 0 }
    }
}

/// A user's membership in one guild.
#[derive(Clone, Debug)]
pub struct Membership {
    /// The guild.
    pub guild_id: u64,
    /// Whether the user has the guild's admin role (Manage Server).
    pub admin: bool,
    /// Extra role ids.
    pub roles: Vec<u64>,
}

/// A human user.
#[derive(Clone, Debug)]
pub struct UserSpec {
    /// User id.
    pub id: u64,
    /// Username (also used as display name).
    pub name: String,
    /// DMs closed: the DM channel can be opened but sending fails with 50007.
    pub dms_closed: bool,
    /// Only used to render the transcript for this user.
    pub time_zone: Option<chrono_tz::Tz>,
    /// Guild memberships; empty means "member of every guild, no roles, not admin".
    pub memberships: Vec<Membership>,
    /// The language of the user's Discord client, sent with each of their interactions
    /// (`en-US` unless set).
    pub locale: String,
}

impl UserSpec {
    /// A user that is a member of every guild.
    pub fn new(id: u64, name: impl Into<String>) -> Self {
        Self {
            id,
            name: name.into(),
            dms_closed: false,
            time_zone: None,
            memberships: Vec::new(),
            locale: "en-US".to_owned(),
        }
    }

    /// Closes (or opens) the user's DMs.
    #[must_use]
    pub fn dms_closed(mut self, closed: bool) -> Self {
        self.dms_closed = closed;
        self
    }

    /// Sets the language of the user's Discord client (a Discord locale such as `de` or `pt-BR`).
    #[must_use]
    pub fn locale(mut self, locale: impl Into<String>) -> Self {
        self.locale = locale.into();
        self
    }

    /// Sets the zone used to render the transcript for this user.
    #[must_use]
    pub fn time_zone(mut self, tz: chrono_tz::Tz) -> Self {
        self.time_zone = Some(tz);
        self
    }

    fn membership_mut(&mut self, guild_id: u64) -> &mut Membership {
        if let Some(i) = self.memberships.iter().position(|m| m.guild_id == guild_id) {
            &mut self.memberships[i]
        } else {
            self.memberships.push(Membership { guild_id, admin: false, roles: Vec::new() });
            let last = self.memberships.len() - 1;
            &mut self.memberships[last]
        }
    }

    /// Makes the user a member of `guild_id` (and, once any membership is set, only of the
    /// guilds listed).
    #[must_use]
    pub fn member_of(mut self, guild_id: u64) -> Self {
        self.membership_mut(guild_id);
        self
    }

    /// Makes the user an admin (Manage Server) of `guild_id`.
    #[must_use]
    pub fn admin_of(mut self, guild_id: u64) -> Self {
        self.membership_mut(guild_id).admin = true;
        self
    }

    /// Gives the user a role in `guild_id`.
    #[must_use]
    pub fn role_in(mut self, guild_id: u64, role_id: u64) -> Self {
        self.membership_mut(guild_id).roles.push(role_id);
        self
    }

    /// The user's membership in `guild`, if any.
    pub fn membership(&self, guild: &GuildSpec) -> Option<Membership> {
        if self.memberships.is_empty() {
            return Some(Membership { guild_id: guild.id, admin: false, roles: Vec::new() });
        }
        self.memberships.iter().find(|m| m.guild_id == guild.id).cloned()
    }

    /// The user's guild permissions in `guild` (`None` if not a member).
    pub fn permissions_in(&self, guild: &GuildSpec) -> Option<u64> {
        let membership = self.membership(guild)?;
        let mut perms = EVERYONE_PERMISSIONS;
        if membership.admin {
            perms |= guild.admin_role.permissions;
        }
        for role in guild.roles.iter().filter(|r| membership.roles.contains(&r.id)) {
            perms |= role.permissions;
        }
        Some(perms)
    }
}
