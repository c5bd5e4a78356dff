//! A whole simulated world for integration tests and the demo: the simulated Discord with a
//! cast of users, the real bot (serenity + poise) pointed at it, a fresh database in a
//! temporary folder, and a manual clock both sides read.

use std::{path::PathBuf, sync::Arc, time::Duration};

use anyhow::Context as _;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use discord_sim::{Actor, ChannelSpec, GuildSpec, RoleSpec, Sim, SimSpec, UserSpec};

use crate::{
    clock::{Clock as _, ManualClock, SharedClock},
    config::{Config, Token},
    runtime::{self, BotOptions, RunningBot},
    store::Store,
};

/// Fixed ids of the simulated cast, so tests and the transcript read naturally.
pub mod cast {
    /// The program's guild.
    pub const GUILD: u64 = 900_000_000_000_000_001;
    /// `#general`, where people type commands.
    pub const GENERAL: u64 = 900_000_000_000_000_101;
    /// `#mentoring`, the program channel.
    pub const MENTORING: u64 = 900_000_000_000_000_102;
    /// A second guild with its own program (nothing may cross guilds).
    pub const OTHER_GUILD: u64 = 910_000_000_000_000_001;
    /// `#lobby` in the other guild.
    pub const OTHER_CHANNEL: u64 = 910_000_000_000_000_101;
    /// A role configured as the program admin role.
    pub const COORDINATOR_ROLE: u64 = 900_000_000_000_000_201;
    /// Ada, server admin (Manage Server).
    pub const ADA: u64 = 800_000_000_000_000_001;
    /// Mo, a mentor (New York).
    pub const MO: u64 = 800_000_000_000_000_002;
    /// Mia, a mentee (Berlin).
    pub const MIA: u64 = 800_000_000_000_000_003;
    /// Otto, a member of the guild outside any pairing.
    pub const OTTO: u64 = 800_000_000_000_000_004;
    /// Dana, a mentee whose DMs are closed.
    pub const DANA: u64 = 800_000_000_000_000_005;
    /// Cora, who has the coordinator role but not Manage Server.
    pub const CORA: u64 = 800_000_000_000_000_006;
    /// Leo, a second mentor.
    pub const LEO: u64 = 800_000_000_000_000_007;
}

/// How to build a world.
#[derive(Debug, Clone)]
pub struct WorldOptions {
    /// Where the manual clock starts.
    pub start: DateTime<Utc>,
    /// Discord's OpenAPI document for request validation (tests), if any.
    pub openapi: Option<PathBuf>,
    /// Adjusts the bot's configuration before it starts.
    pub configure: fn(&mut Config),
}

impl WorldOptions {
    /// Starting at `start`, with the defaults otherwise.
    pub fn at(start: DateTime<Utc>) -> Self {
        Self { start, openapi: None, configure: |_| {} }
    }
}

/// The running world.
#[allow(missing_debug_implementations)] // `Sim` has no Debug
pub struct World {
    pub sim: Sim,
    pub clock: ManualClock,
    pub bot: RunningBot,
    pub store: Store,
    _db_dir: tempfile::TempDir,
}

fn spec(clock: &ManualClock, openapi: Option<PathBuf>) -> SimSpec {
    use cast::{
        ADA, COORDINATOR_ROLE, CORA, DANA, GENERAL, GUILD, LEO, MENTORING, MIA, MO, OTHER_CHANNEL, OTHER_GUILD, OTTO,
    };
    let main = GuildSpec::new(GUILD, "Acme Engineering")
        .channel(ChannelSpec::new(GENERAL, "general"))
        .channel(ChannelSpec::new(MENTORING, "mentoring"))
        .role(RoleSpec::new(COORDINATOR_ROLE, "Coordinator"));
    let other = GuildSpec::new(OTHER_GUILD, "Other Server").channel(ChannelSpec::new(OTHER_CHANNEL, "lobby"));
    let berlin: Tz = chrono_tz::Europe::Berlin;
    let both = |u: UserSpec| u.member_of(GUILD).member_of(OTHER_GUILD);
    let c = clock.clone();
    let mut spec = SimSpec::empty()
        .guild(main)
        .guild(other)
        .user(both(UserSpec::new(ADA, "Ada").time_zone(berlin)).admin_of(GUILD))
        .user(both(UserSpec::new(MO, "Mo").time_zone(chrono_tz::America::New_York)))
        .user(both(UserSpec::new(MIA, "Mia").time_zone(berlin)))
        .user(UserSpec::new(OTTO, "Otto").time_zone(berlin).member_of(GUILD))
        .user(UserSpec::new(DANA, "Dana").time_zone(berlin).member_of(GUILD).dms_closed(true))
        .user(UserSpec::new(CORA, "Cora").time_zone(berlin).member_of(GUILD).role_in(GUILD, COORDINATOR_ROLE))
        .user(UserSpec::new(LEO, "Leo").time_zone(berlin).member_of(GUILD))
        .clock(move || c.now());
    if let Some(path) = openapi {
        spec = spec.openapi_spec(path);
    }
    spec
}

impl World {
    /// Starts the simulated Discord and the real bot on a fresh database; returns once the bot
    /// registered its commands.
    pub async fn start(options: WorldOptions) -> anyhow::Result<World> {
        let clock = ManualClock::new(options.start);
        let sim = Sim::start(spec(&clock, options.openapi)).await.context("while starting the simulated Discord")?;
        let db_dir = tempfile::tempdir().context("while creating a temporary database folder")?;
        let mut config = Config::defaults()?;
        config.discord.api_url = sim.api_url();
        config.discord.guild_id = 0;
        config.discord.admin_role_id = cast::COORDINATOR_ROLE;
        config.database.url = format!("sqlite://{}", db_dir.path().join("mentor-bot.db").display());
        (options.configure)(&mut config);
        let store = Store::open(&config.database.url, config.database.max_connections).await?;
        let shared: SharedClock = Arc::new(clock.clone());
        let mut bot = runtime::start(BotOptions {
            config: Arc::new(config),
            token: Token::new("sim-token"),
            clock: shared,
            store: store.clone(),
        })
        .await?;
        bot.wait_ready(Duration::from_secs(20)).await?;
        sim.wait_ready(Duration::from_secs(20)).await?;
        Ok(World { sim, clock, bot, store, _db_dir: db_dir })
    }

    /// A user acting in `#general` of the main guild.
    pub fn actor(&self, user: u64) -> Actor {
        self.sim.actor(user).in_guild(cast::GUILD).in_channel(cast::GENERAL)
    }

    /// Stops the bot and the simulated Discord.
    pub async fn stop(self) {
        self.bot.shutdown().await;
        self.sim.shutdown();
    }
}
