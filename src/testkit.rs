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
    config::{Config, Gateway, Token},
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

    /// The `i`-th extra member of the main guild (`WorldOptions::extra_members`), `Member i`.
    pub const fn extra(i: u64) -> u64 {
        700_000_000_000_000_000 + i
    }
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
    /// REST round trips of the simulated Discord (uniform between the two), if any.
    pub latency: Option<(Duration, Duration)>,
    /// How many extra members the main guild has (`cast::extra(0..n)`, Berlin), for crowds.
    pub extra_members: u64,
    /// The heartbeat interval the simulated gateway announces (Discord's 41.25 s when `None`).
    pub heartbeat_interval: Option<Duration>,
    /// Always a SQLite file, even when the tests run on PostgreSQL (tests of the file itself:
    /// its mode, `VACUUM INTO` backups).
    pub sqlite_file: bool,
}

impl WorldOptions {
    /// Starting at `start`, with the defaults otherwise.
    pub fn at(start: DateTime<Utc>) -> Self {
        Self {
            start,
            openapi: None,
            configure: |_| {},
            latency: None,
            extra_members: 0,
            heartbeat_interval: None,
            sqlite_file: false,
        }
    }
}

/// A world whose bot is down.
#[allow(missing_debug_implementations)] // `Sim` has no Debug
pub struct Downtime {
    pub sim: Sim,
    pub clock: ManualClock,
    pub config: Arc<Config>,
    db_dir: tempfile::TempDir,
}

impl Downtime {
    /// Opens the database (as another process would).
    pub async fn store(&self) -> anyhow::Result<Store> {
        Store::open(&self.config.database.url, 2).await
    }

    /// Moves the clock to `at` while the bot is down, starts it and lets it catch up.
    pub async fn start_bot_at(self, at: DateTime<Utc>) -> anyhow::Result<World> {
        self.clock.set(at);
        let mut w = self.start_bot().await?;
        w.bot.settle().await?;
        Ok(w)
    }

    /// Starts the bot again.
    pub async fn start_bot(self) -> anyhow::Result<World> {
        let Downtime { sim, clock, config, db_dir } = self;
        let (bot, store) = start_bot(&config, &clock).await?;
        Ok(World { sim, clock, bot, store, config, db_dir })
    }
}

/// The running world.
#[allow(missing_debug_implementations)] // `Sim` has no Debug
pub struct World {
    pub sim: Sim,
    pub clock: ManualClock,
    pub bot: RunningBot,
    pub store: Store,
    config: Arc<Config>,
    db_dir: tempfile::TempDir,
}

/// The simulated world: the cast, Discord's rate limits always on (a test passes only if Discord
/// would have accepted what the bot did), the OpenAPI document when given.
fn spec(clock: &ManualClock, options: &WorldOptions) -> SimSpec {
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
        .clock(move || c.now())
        .discord_limits();
    for i in 0..options.extra_members {
        spec = spec.user(UserSpec::new(cast::extra(i), format!("Member {i}")).time_zone(berlin).member_of(GUILD));
    }
    if let Some(path) = &options.openapi {
        spec = spec.openapi_spec(path);
    }
    if let Some((min, max)) = options.latency {
        spec = spec.latency(min, max);
    }
    if let Some(interval) = options.heartbeat_interval {
        spec = spec.heartbeat_interval(interval);
    }
    spec
}

/// The environment variable naming a PostgreSQL server (a url of a database there the tests may
/// create databases from, e.g. `postgres://mentor:mentor@127.0.0.1:5432/postgres`): when set,
/// every world runs on a fresh PostgreSQL database instead of a SQLite file.
pub const TEST_POSTGRES: &str = "MENTOR_BOT_TEST_POSTGRES";

/// A fresh, empty database for one test: a new PostgreSQL database when [`TEST_POSTGRES`] is
/// set, otherwise a SQLite file in `dir`.
pub async fn fresh_database_url(dir: &std::path::Path) -> anyhow::Result<String> {
    match std::env::var(TEST_POSTGRES) {
        Ok(server) if !server.is_empty() => {
            let template = migrated_template(&server).await?;
            let name = format!("mentor_test_{:016x}", rand::random::<u64>());
            crate::store::create_postgres_database(&server, &name, Some(&template)).await
        }
        _ => Ok(sqlite_url(dir)),
    }
}

/// A SQLite file in `dir`.
fn sqlite_url(dir: &std::path::Path) -> String {
    format!("sqlite://{}", dir.join("mentor-bot.db").display())
}

/// A database migrated once per test process, which every test's database copies (creating a
/// database from a template is much faster than migrating each).
async fn migrated_template(server: &str) -> anyhow::Result<String> {
    static TEMPLATE: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);
    if let Some(name) = TEMPLATE.lock().map_err(|_| anyhow::anyhow!("template lock poisoned"))?.clone() {
        return Ok(name);
    }
    let name = format!("mentor_template_{:016x}", rand::random::<u64>());
    let url = crate::store::create_postgres_database(server, &name, None).await?;
    let store = Store::open(&url, 1).await?;
    store.close().await;
    let mut slot = TEMPLATE.lock().map_err(|_| anyhow::anyhow!("template lock poisoned"))?;
    // Two tests may have raced to make one: keep the first, the other stays unused.
    Ok(slot.get_or_insert(name).clone())
}

/// Waits until every shard `config` runs is connected to `sim` and got its guilds (nothing for
/// an unsharded bot or one without a gateway).
async fn wait_shards(sim: &Sim, config: &Config) -> anyhow::Result<()> {
    if let Gateway::Shards(range) = config.roles()?.gateway {
        for id in range.first..=range.last {
            sim.wait_shard((id, range.total), Duration::from_secs(20)).await?;
        }
    }
    Ok(())
}

async fn start_bot(config: &Arc<Config>, clock: &ManualClock) -> anyhow::Result<(RunningBot, Store)> {
    let store = Store::open(&config.database.url, config.database.max_connections).await?;
    let shared: SharedClock = Arc::new(clock.clone());
    let mut bot = runtime::start(BotOptions {
        config: config.clone(),
        token: Token::new("sim-token"),
        clock: shared,
        store: store.clone(),
    })
    .await?;
    bot.wait_ready(Duration::from_secs(20)).await?;
    Ok((bot, store))
}

impl World {
    /// Starts the simulated Discord and the real bot on a fresh database; returns once the bot
    /// registered its commands.
    pub async fn start(options: WorldOptions) -> anyhow::Result<World> {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(std::env::var("MENTOR_BOT_TEST_LOG").unwrap_or_else(|_| "off".into()))
            .with_test_writer()
            .try_init();
        let clock = ManualClock::new(options.start);
        let sim = Sim::start(spec(&clock, &options)).await.context("while starting the simulated Discord")?;
        let db_dir = tempfile::tempdir().context("while creating a temporary database folder")?;
        let mut config = Config::defaults()?;
        config.discord.api_url = sim.api_url();
        config.discord.guild_id = 0;
        config.discord.admin_role_id = cast::COORDINATOR_ROLE;
        config.database.url =
            if options.sqlite_file { sqlite_url(db_dir.path()) } else { fresh_database_url(db_dir.path()).await? };
        (options.configure)(&mut config);
        let config = Arc::new(config);
        let (bot, store) = start_bot(&config, &clock).await?;
        sim.wait_ready(Duration::from_secs(20)).await?;
        wait_shards(&sim, &config).await?;
        Ok(World { sim, clock, bot, store, config, db_dir })
    }

    /// Starts another bot process beside this one: the same simulated Discord, database and
    /// clock, its configuration (this world's) adjusted by `configure`, e.g. other shards, the
    /// scheduler off, or no gateway. Returns once it is set up and its shards are connected; the
    /// test shuts it down.
    pub async fn start_another_bot(&self, configure: fn(&mut Config)) -> anyhow::Result<RunningBot> {
        let mut config = (*self.config).clone();
        configure(&mut config);
        config.validate()?;
        let config = Arc::new(config);
        let (bot, _store) = start_bot(&config, &self.clock).await?;
        wait_shards(&self.sim, &config).await?;
        Ok(bot)
    }

    /// Stops the bot (as a deploy or a crash would); the simulated Discord, the clock and the
    /// database stay.
    pub async fn stop_bot(self) -> Downtime {
        let World { sim, clock, bot, config, db_dir, .. } = self;
        bot.shutdown().await;
        Downtime { sim, clock, config, db_dir }
    }

    /// Stops the bot and starts a new one on the same database.
    pub async fn restart_bot(self) -> anyhow::Result<World> {
        self.stop_bot().await.start_bot().await
    }

    /// Moves the clock to `to` and waits until the scheduler has handled everything due by then.
    pub async fn set_time(&mut self, to: DateTime<Utc>) -> anyhow::Result<()> {
        self.clock.set(to);
        self.bot.settle().await
    }

    /// Moves the clock forward to `end`, stopping at each due job so every message goes out at
    /// exactly its time, as with a real clock.
    pub async fn run_until(&mut self, end: DateTime<Utc>) -> anyhow::Result<()> {
        self.bot.settle().await?;
        loop {
            let now = self.clock.now();
            let next = self.store.next_job_wakeup().await?.filter(|t| *t > now && *t < end);
            self.set_time(next.unwrap_or(end)).await?;
            if next.is_none() {
                return Ok(());
            }
        }
    }

    /// `run_until(now + by)`.
    pub async fn advance(&mut self, by: chrono::Duration) -> anyhow::Result<()> {
        let end = self.clock.now() + by;
        self.run_until(end).await
    }

    /// The bot's configuration (its database url, its settings).
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// A user acting in `#general` of the main guild.
    pub fn actor(&self, user: u64) -> Actor {
        self.sim.actor(user).in_guild(cast::GUILD).in_channel(cast::GENERAL)
    }

    /// Stops the bot (as a crash would: nothing finishes, nothing is closed); the simulated
    /// Discord, the clock and the database stay.
    pub fn crash_bot(self) -> Downtime {
        let World { sim, clock, bot, config, db_dir, .. } = self;
        bot.crash();
        Downtime { sim, clock, config, db_dir }
    }

    /// Stops the bot and the simulated Discord, and fails (panics) if the simulated Discord saw
    /// anything real Discord would have refused: every test checks this without asking.
    pub async fn stop(self) {
        if let Err(e) = self.finish().await {
            panic!("{e:#}");
        }
    }

    /// Stops the bot and the simulated Discord; the violations it saw, and any embed out of the
    /// bot's look ([`look_problems`]), as an error.
    pub async fn finish(self) -> anyhow::Result<()> {
        self.bot.shutdown().await;
        drop_test_database(&self.store, &self.config).await;
        self.sim.finish()?;
        let problems = look_problems(&self.sim.all_messages());
        anyhow::ensure!(problems.is_empty(), "embeds out of the bot's look:\n{}", problems.join("\n"));
        Ok(())
    }
}

/// What breaks the bot's look (`render::look`) in `messages`: an embed without the bot's colour,
/// without a title, or whose footer does not start with the signature. Every test world checks it
/// when it stops, as the simulator checks Discord's rules.
pub fn look_problems(messages: &[discord_sim::Message]) -> Vec<String> {
    use crate::render::look::{COLOUR, SIGNATURE};
    let mut problems = Vec::new();
    for m in messages {
        for e in &m.embeds {
            let title = e["title"].as_str().unwrap_or_default();
            let footer = e["footer"]["text"].as_str().unwrap_or_default();
            if e["color"].as_u64() != Some(u64::from(COLOUR))
                || title.trim().is_empty()
                || !footer.starts_with(SIGNATURE)
            {
                problems.push(format!("message {} ({}): embed {e}", m.id, m.text().lines().next().unwrap_or_default()));
            }
        }
    }
    problems
}

/// Drops a world's PostgreSQL database once its bot is down (a SQLite file goes with its
/// temporary folder); a test that fails before stopping leaves it behind.
async fn drop_test_database(store: &Store, config: &Config) {
    let Ok(server) = std::env::var(TEST_POSTGRES) else { return };
    let url = &config.database.url;
    let name = url.split('?').next().and_then(|u| u.rsplit('/').next()).unwrap_or_default();
    if store.backend() == crate::store::Backend::Postgres && name.starts_with("mentor_test_") {
        store.close().await;
        if let Err(e) = crate::store::drop_postgres_database(&server, name).await {
            tracing::warn!(error = ?e, "could not drop the test database");
        }
    }
}

/// Plans, due at `now` in the main guild, a "you have a new partner" notice from Mo to each
/// person of `to` (the `k`-th as pairing `k + 1`): the least setup for many real DMs, for the
/// load and scale-out tests.
pub async fn plan_partner_notices(store: &Store, to: &[u64], now: DateTime<Utc>) -> anyhow::Result<()> {
    use crate::{
        app::{Notice, NoticeKind},
        domain::{
            ids::{GuildId, UserId},
            pairing::Pairing,
        },
    };
    let jobs = to
        .iter()
        .enumerate()
        .map(|(k, &person)| {
            let pairing = Pairing {
                id: i64::try_from(k)? + 1,
                guild_id: GuildId(cast::GUILD),
                mentor_id: UserId(cast::MO),
                mentee_id: UserId(person),
                active: true,
            };
            Notice { to: UserId(person), kind: NoticeKind::Paired { pairing, partner: UserId(cast::MO) } }.job(now)
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let mut tx = store.begin().await?;
    store.plan_jobs(&mut tx, GuildId(cast::GUILD), &jobs, now).await?;
    tx.commit().await.context("while planning the notices")?;
    Ok(())
}
