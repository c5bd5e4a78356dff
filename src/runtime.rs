//! Wiring: builds serenity's HTTP client (optionally pointed at another API base URL), the poise
//! framework and the gateway client (all of it, the configured shards, or none), the scheduler
//! (unless off) with its PostgreSQL wake-ups, the request budget (shared between processes on
//! PostgreSQL), runs them, and shuts down cleanly.

use std::{sync::Arc, time::Duration};

use anyhow::Context as _;
use poise::serenity_prelude as serenity;
use tokio::{sync::watch, task::JoinHandle};

use crate::{
    app::App,
    bot::{self, Data, InFlight},
    clock::SharedClock,
    config::{Config, Gateway, Roles, Token},
    domain::ids::{GuildId, RoleId},
    metrics::Metrics,
    notify::{DiscordNotifier, DiscordRest, Notifier, SharedSlots},
    ops::{OpsServer, Probe},
    scheduler::{RunnerSettings, Scheduler, SchedulerHandle},
    store::{Backend, Store, GLOBAL_BUCKET},
};

/// Discord's own API base URL.
pub const DISCORD_API: &str = "https://discord.com";

/// REST calls serenity makes at start-up, outside the request budget.
const STARTUP_CALLS: u32 = 3;

/// What a bot needs to start.
#[derive(Debug, Clone)]
pub struct BotOptions {
    pub config: Arc<Config>,
    pub token: Token,
    pub clock: SharedClock,
    pub store: Store,
}

#[derive(Debug, Clone)]
enum SetupState {
    Pending,
    Ready,
    Failed(String),
}

/// A started bot.
#[derive(Debug)]
pub struct RunningBot {
    pub http: Arc<serenity::Http>,
    pub app: App,
    /// What this process runs.
    pub roles: Roles,
    /// The gateway client, unless this process runs none.
    gateway: Option<GatewayClient>,
    in_flight: InFlight,
    setup: watch::Receiver<SetupState>,
    scheduler: Option<SchedulerHandle>,
    /// The PostgreSQL listener that wakes the scheduler when another process changes jobs.
    wakeups: Option<JoinHandle<()>>,
    ops: Option<OpsServer>,
}

/// The running gateway client.
#[derive(Debug)]
struct GatewayClient {
    shard_manager: Arc<serenity::ShardManager>,
    task: JoinHandle<Result<(), serenity::Error>>,
}

/// serenity's HTTP client for `api_url`: Discord itself, or any base URL serving `/api/v10`.
/// serenity's own rate limiter is off everywhere: it ignores another base URL, so it could not be
/// what the tests run. The bot's requests outside interactions go through [`DiscordRest`] and its
/// budget; serenity only answers interactions (exempt from the global limit) and makes the two
/// start-up calls (application info, command registration).
pub fn http_client(api_url: &str, token: &Token) -> serenity::Http {
    let builder = serenity::HttpBuilder::new(token.expose()).ratelimiter_disabled(true);
    let api_url = api_url.trim_end_matches('/');
    if api_url == DISCORD_API {
        builder.build()
    } else {
        builder.proxy(api_url).build()
    }
}

/// The bot's REST client with a request budget of its own (one process), counting in `metrics`.
pub fn rest_client(config: &Config, token: &Token, metrics: Arc<Metrics>) -> anyhow::Result<Arc<DiscordRest>> {
    Ok(Arc::new(local_rest(config, token, metrics)?))
}

fn local_rest(config: &Config, token: &Token, metrics: Arc<Metrics>) -> anyhow::Result<DiscordRest> {
    Ok(DiscordRest::new(
        &config.discord.api_url,
        token.expose(),
        config.discord.requests_per_second,
        config.discord.request_timeout()?,
    )?
    .with_metrics(metrics))
}

/// The bot's REST client as [`rest_client`], on PostgreSQL taking every request's global slot
/// from the schedule all processes on the database share (Discord's global limit is per bot
/// token); on SQLite (one process) the local budget alone.
pub fn shared_rest_client(
    config: &Config,
    token: &Token,
    metrics: Arc<Metrics>,
    store: &Store,
) -> anyhow::Result<Arc<DiscordRest>> {
    let rest = local_rest(config, token, metrics)?;
    Ok(Arc::new(match store.backend() {
        Backend::Postgres => rest.with_shared_slots(Arc::new(DatabaseSlots(store.clone()))),
        Backend::Sqlite => rest,
    }))
}

/// The shared request schedule of a PostgreSQL store.
#[derive(Debug)]
struct DatabaseSlots(Store);

#[async_trait::async_trait]
impl SharedSlots for DatabaseSlots {
    async fn take(&self, interval: Duration) -> anyhow::Result<Duration> {
        self.0.take_request_slot(GLOBAL_BUCKET, interval).await
    }
}

/// On PostgreSQL, a task that wakes the scheduler whenever any process changes jobs
/// (LISTEN/NOTIFY); `None` on SQLite, where a process sees other processes' new jobs only at its
/// heartbeat (one process per file is the SQLite setup).
fn spawn_wakeups(app: &App) -> Option<JoinHandle<()>> {
    let wake = app.wake.clone();
    app.store.job_wakeups(move || wake.notify_one()).map(tokio::spawn)
}

/// Starts what the configuration asks this process to run: the gateway (answering commands) and
/// the scheduler, or one of them.
pub async fn start(options: BotOptions) -> anyhow::Result<RunningBot> {
    let BotOptions { config, token, clock, store } = options;
    let roles = config.roles()?;
    let http = http_client(&config.discord.api_url, &token);
    let app = App::new(store, clock, config.clone())?;
    let rest = shared_rest_client(&config, &token, app.metrics.clone(), &app.store)?;
    let notifier: Arc<dyn Notifier> = Arc::new(DiscordNotifier::new(rest.clone()));
    let stall_after = config.http.scheduler_stall_after()?;
    let in_flight = InFlight::default();
    let (setup_tx, setup_rx) = watch::channel(SetupState::Pending);
    let guild = (config.discord.guild_id != 0).then_some(GuildId(config.discord.guild_id));
    let admin_role = (config.discord.admin_role_id != 0).then_some(RoleId(config.discord.admin_role_id));
    if let Some(role) = admin_role {
        tracing::warn!(
            %role,
            "`discord.admin_role_id` is deprecated and will be removed in the next release: \
             give each server's program its coordinator role with `/program setup coordinator_role:`"
        );
    }
    tracing::info!(gateway = ?roles.gateway, scheduler = roles.scheduler, "process roles");

    let (http, gateway) = if roles.has_gateway() {
        let framework = {
            let app = app.clone();
            let in_flight = in_flight.clone();
            let booking = config.booking.clone();
            let register = roles.registers_commands();
            poise::Framework::builder()
                .options(bot::options())
                .setup(move |ctx, _ready, framework| {
                    Box::pin(async move {
                        if register {
                            let guild_id = guild.map(|g| serenity::GuildId::new(g.0));
                            let registered =
                                bot::register::register(&ctx.http, guild_id, &framework.options().commands, &booking)
                                    .await;
                            if let Err(e) = registered {
                                setup_tx.send_replace(SetupState::Failed(format!("registering commands failed: {e}")));
                                return Err(e.into());
                            }
                            tracing::info!(commands = framework.options().commands.len(), guild = ?guild.map(|g| g.0), "commands registered");
                        } else {
                            tracing::info!("commands are registered by the process running shard 0");
                        }
                        setup_tx.send_replace(SetupState::Ready);
                        Ok(Data { app, admin_role, in_flight })
                    })
                })
                .build()
        };
        let mut client = serenity::ClientBuilder::new_with_http(http, serenity::GatewayIntents::GUILDS)
            .framework(bot::Localized { framework, app: app.clone() })
            .await
            .context("while building the Discord client")?;
        let http = client.http.clone();
        let shard_manager = client.shard_manager.clone();
        let task = match roles.gateway {
            // serenity's range end is inclusive: `first..last` starts shards first to last.
            Gateway::Shards(range) => {
                tokio::spawn(async move { client.start_shard_range(range.first..range.last, range.total).await })
            }
            Gateway::Whole | Gateway::Off => tokio::spawn(async move { client.start().await }),
        };
        (http, Some(GatewayClient { shard_manager, task }))
    } else {
        // Nothing to set up without a gateway: no commands to register here.
        setup_tx.send_replace(SetupState::Ready);
        (Arc::new(http), None)
    };
    let scheduler = if roles.scheduler {
        let mut settings = RunnerSettings::from_config(&config.scheduler)?;
        settings.heartbeat = stall_after / 4;
        // Delivery starts once the bot is set up, and leaves room in its first second for
        // serenity's start-up calls (gateway, application, commands), which bypass the budget.
        let mut setup = setup_rx.clone();
        let ready = async move {
            if setup.wait_for(|s| !matches!(s, SetupState::Pending)).await.is_err() {
                tracing::warn!("the bot stopped before its setup finished");
            }
            rest.reserve(STARTUP_CALLS).await;
        };
        Some(Scheduler::new(app.clone(), notifier, settings).spawn_after(ready))
    } else {
        None
    };
    let wakeups = if roles.scheduler { spawn_wakeups(&app) } else { None };
    let ops = match config.http.listen_addr()? {
        Some(addr) => {
            let probe = Probe {
                app: app.clone(),
                shard_manager: gateway.as_ref().map(|g| g.shard_manager.clone()),
                shard_ids: roles.shard_ids(),
                scheduler_enabled: roles.scheduler,
                stall_after,
            };
            Some(OpsServer::start(addr, Arc::new(probe)).await?)
        }
        None => None,
    };
    Ok(RunningBot { http, app, roles, gateway, in_flight, setup: setup_rx, scheduler, wakeups, ops })
}

impl RunningBot {
    /// How many commands and component presses are running now (shutdown waits for them).
    pub fn commands_in_flight(&self) -> usize {
        self.in_flight.count()
    }

    /// Waits until commands are registered; fails if setup failed, the client stopped, or
    /// `limit` passed.
    pub async fn wait_ready(&mut self, limit: Duration) -> anyhow::Result<()> {
        let waited = tokio::time::timeout(limit, self.setup.wait_for(|s| !matches!(s, SetupState::Pending))).await;
        let stopped = self.gateway.as_ref().is_some_and(|g| g.task.is_finished());
        match waited {
            Err(_) if stopped => {
                anyhow::bail!("the Discord client stopped before it was ready")
            }
            Err(_) => anyhow::bail!("the bot was not ready after {limit:?}"),
            Ok(Err(_)) => anyhow::bail!("the bot stopped during setup"),
            Ok(Ok(state)) => match &*state {
                SetupState::Failed(why) => anyhow::bail!("bot setup failed: {why}"),
                _ => Ok(()),
            },
        }
    }

    /// Where the HTTP listener (`/healthz`, `/metrics`) listens, when `http.listen` is set.
    pub fn ops_addr(&self) -> Option<std::net::SocketAddr> {
        self.ops.as_ref().map(OpsServer::addr)
    }

    /// Resolves when the Discord client stops on its own (an error, usually); never without a
    /// gateway.
    pub async fn stopped(&mut self) -> anyhow::Result<()> {
        let Some(gateway) = &mut self.gateway else {
            return std::future::pending().await;
        };
        match (&mut gateway.task).await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(e).context("the Discord client stopped"),
            Err(e) => Err(e).context("the Discord client task failed"),
        }
    }

    /// Wakes the scheduler and waits until it has processed every job due at the clock's now.
    pub async fn settle(&mut self) -> anyhow::Result<()> {
        self.settle_within(Duration::from_secs(20)).await
    }

    /// [`settle`](Self::settle) for a large queue: waits up to `limit`.
    pub async fn settle_within(&mut self, limit: Duration) -> anyhow::Result<()> {
        let now = self.app.now();
        match &mut self.scheduler {
            Some(s) => s.settle(now, limit).await,
            None => Ok(()),
        }
    }

    /// Stops at once, as a crash would: the gateway, running commands and the scheduler are
    /// abandoned mid-way, nothing is closed.
    pub fn crash(self) {
        if let Some(ops) = self.ops {
            tokio::spawn(ops.stop());
        }
        if let Some(wakeups) = self.wakeups {
            wakeups.abort();
        }
        if let Some(scheduler) = self.scheduler {
            scheduler.abort();
        }
        if let Some(gateway) = self.gateway {
            gateway.task.abort();
            let shards = gateway.shard_manager.clone();
            tokio::spawn(async move { shards.shutdown_all().await });
        }
    }

    /// Stops taking events, lets running commands and the scheduler's current round finish
    /// (commands up to 10 s), and closes the database.
    pub async fn shutdown(self) {
        if let Some(gateway) = &self.gateway {
            gateway.shard_manager.shutdown_all().await;
        }
        if !self.in_flight.wait_idle(Duration::from_secs(10)).await {
            tracing::warn!(running = self.in_flight.count(), "shutting down with commands still running");
        }
        if let Some(wakeups) = self.wakeups {
            wakeups.abort();
        }
        if let Some(scheduler) = self.scheduler {
            scheduler.shutdown().await;
        }
        if let Some(gateway) = self.gateway {
            gateway.task.abort();
        }
        if let Some(ops) = self.ops {
            ops.stop().await;
        }
        self.app.store.close().await;
        tracing::info!("shut down cleanly");
    }
}
