//! The `mentor-bot` command line: run | demo | migrate | check-config | health | backup.
//! Everything else is in the library.

use std::{path::PathBuf, process::ExitCode, sync::Arc};

use clap::{Parser, Subcommand};
#[cfg(feature = "sim")]
use mentor_bot::demo;
use mentor_bot::{
    clock::{ScaledClock, SharedClock, SystemClock},
    config::ShardRange,
    config::{Config, Token},
    ops, runtime,
    store::{self, Store},
    telemetry,
};

/// A Discord bot that runs structured mentoring programs.
#[derive(Debug, Parser)]
#[command(name = "mentor-bot", version, about)]
struct Cli {
    /// Configuration file layered over the built-in defaults.
    #[arg(long, env = "MENTOR_BOT_CONFIG", global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Connect to Discord and run the bot (the default). Needs `DISCORD_TOKEN` or `DISCORD_TOKEN_FILE`.
    Run {
        /// Let the bot's time run N times faster than real time from start (rehearsals): a
        /// finite number above 0, at most 1000000.
        #[arg(long, default_value_t = 1.0, value_parser = parse_time_scale)]
        time_scale: f64,
        /// Run only these gateway shards, FIRST-LAST/TOTAL (e.g. 0-1/4) or ID/TOTAL; sets
        /// `discord.shards`. Without it: the configured shards, by default one unsharded session.
        #[arg(long, value_name = "RANGE", value_parser = ShardRange::parse)]
        shards: Option<ShardRange>,
        /// Connect no gateway: this process only runs the scheduler (`discord.gateway = false`).
        #[arg(long, conflicts_with = "shards")]
        no_gateway: bool,
        /// Run no scheduler: this process only answers commands (`scheduler.enabled = false`).
        #[arg(long)]
        no_scheduler: bool,
    },
    /// Play a short program against the built-in simulated Discord and print the transcript.
    #[cfg(feature = "sim")]
    Demo,
    /// Create or upgrade the database, then exit.
    Migrate,
    /// Print the effective configuration (the token redacted) and exit.
    CheckConfig,
    /// Ask the running bot's `/healthz` (`http.listen`); exit 0 when healthy, 1 otherwise.
    Health,
    /// Write a consistent copy of the live database to PATH (a new file), while the bot runs.
    Backup {
        /// Where to write the copy; an existing file is never overwritten.
        path: PathBuf,
    },
}

/// The largest `--time-scale`: about 11.5 days of bot time per real second.
const MAX_TIME_SCALE: f64 = 1_000_000.0;

/// Reads `--time-scale`: a finite number above 0 and at most [`MAX_TIME_SCALE`]. clap reports a
/// refusal with this message and exit code 2.
fn parse_time_scale(text: &str) -> Result<f64, String> {
    let value: f64 = text.trim().parse().map_err(|_| format!("`{text}` is not a number (try 60)"))?;
    if !value.is_finite() || value <= 0.0 || value > MAX_TIME_SCALE {
        return Err(format!(
            "`{text}` cannot be a time scale: give a number above 0 and at most {MAX_TIME_SCALE} \
             (1 is real time, 60 makes an hour pass in a minute)"
        ));
    }
    Ok(value)
}

/// `run`'s flags layered over the configuration (and checked again).
fn apply_run_flags(
    config: &mut Config,
    shards: Option<ShardRange>,
    no_gateway: bool,
    no_scheduler: bool,
) -> Result<(), mentor_bot::config::ConfigError> {
    if let Some(range) = shards {
        config.discord.gateway = true;
        config.discord.shards = range.to_string();
    }
    if no_gateway {
        config.discord.gateway = false;
        config.discord.shards.clear();
    }
    if no_scheduler {
        config.scheduler.enabled = false;
    }
    config.validate()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let command =
        cli.command.unwrap_or(Command::Run { time_scale: 1.0, shards: None, no_gateway: false, no_scheduler: false });
    let loaded = Config::load(cli.config.as_deref()).and_then(|mut config| {
        if let Command::Run { shards, no_gateway, no_scheduler, .. } = &command {
            apply_run_flags(&mut config, *shards, *no_gateway, *no_scheduler)?;
        }
        Ok(config)
    });
    let config = match loaded {
        Ok(c) => Arc::new(c),
        Err(e) => {
            eprintln!("mentor-bot: {e}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("mentor-bot: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async move {
        match command {
            Command::Run { time_scale, .. } => run(config, time_scale).await,
            #[cfg(feature = "sim")]
            Command::Demo => demo::run_demo(&mut std::io::stdout()).await,
            Command::Migrate => migrate(&config).await,
            Command::CheckConfig => check_config(&config),
            Command::Health => health(&config).await,
            Command::Backup { path } => backup(&config, &path).await,
        }
    });
    // Work still running once the command returned (a gateway shard serenity failed to stop)
    // gets a bounded wait, so the process always exits.
    runtime.shutdown_timeout(std::time::Duration::from_secs(10));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mentor-bot: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(config: Arc<Config>, time_scale: f64) -> anyhow::Result<()> {
    telemetry::init(&config.log);
    let Some(token) = Token::from_env()? else {
        anyhow::bail!(
            "DISCORD_TOKEN is not set (nor DISCORD_TOKEN_FILE). Create a bot at \
             https://discord.com/developers/applications (see README), or try `mentor-bot demo`, \
             which needs no token."
        );
    };
    let clock: SharedClock = if (time_scale - 1.0).abs() < f64::EPSILON {
        Arc::new(SystemClock)
    } else {
        tracing::warn!(time_scale, "bot time runs faster than real time");
        Arc::new(ScaledClock::new(chrono::Utc::now(), time_scale))
    };
    let store = Store::open(&config.database.url, config.database.max_connections).await?;
    let mut bot = runtime::start(runtime::BotOptions { config, token, clock, store }).await?;
    tokio::select! {
        result = bot.stopped() => result,
        () = shutdown_signal() => {
            tracing::info!("shutdown requested");
            bot.shutdown().await;
            Ok(())
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { () = ctrl_c => {}, () = term => {} }
}

async fn migrate(config: &Config) -> anyhow::Result<()> {
    telemetry::init(&config.log);
    let store = Store::open(&config.database.url, 1).await?;
    store.close().await;
    println!("Database {} is up to date.", config.database.url);
    Ok(())
}

fn check_config(config: &Config) -> anyhow::Result<()> {
    let text = toml::to_string_pretty(config)?;
    println!("{text}");
    let token = match Token::from_env() {
        Ok(Some(_)) if std::env::var_os("DISCORD_TOKEN_FILE").is_some_and(|f| !f.is_empty()) => {
            "set from DISCORD_TOKEN_FILE (redacted)".to_owned()
        }
        Ok(Some(_)) => "set (redacted)".to_owned(),
        Ok(None) => "not set".to_owned(),
        Err(e) => anyhow::bail!("{e}"),
    };
    println!("# DISCORD_TOKEN: {token}");
    Ok(())
}

async fn health(config: &Config) -> anyhow::Result<()> {
    let Some(addr) = config.http.listen_addr()? else {
        anyhow::bail!("http.listen is not set, so the bot has no /healthz to ask (set MENTOR_BOT__HTTP__LISTEN)");
    };
    let (healthy, body) = ops::query_health(addr, std::time::Duration::from_secs(5)).await?;
    println!("{body}");
    if !healthy {
        anyhow::bail!("the bot is not healthy");
    }
    Ok(())
}

async fn backup(config: &Config, path: &std::path::Path) -> anyhow::Result<()> {
    let report = store::backup(&config.database.url, path).await?;
    println!(
        "Backed up {} to {} ({} bytes, integrity ok, schema version {}).",
        config.database.url,
        path.display(),
        report.bytes,
        report.schema_version.map_or_else(|| "unknown".to_owned(), |v| v.to_string())
    );
    Ok(())
}
