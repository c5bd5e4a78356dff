//! The `mentor-bot` command line: run | demo | migrate | check-config. Everything else is in the
//! library.

use std::{path::PathBuf, process::ExitCode, sync::Arc};

use clap::{Parser, Subcommand};
use mentor_bot::{
    clock::{ScaledClock, SharedClock, SystemClock},
    config::{Config, Token},
    demo, runtime,
    store::Store,
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
    /// Connect to Discord and run the bot (the default). Needs `DISCORD_TOKEN`.
    Run {
        /// Let the bot's time run N times faster than real time from start (rehearsals): a
        /// finite number above 0, at most 1000000.
        #[arg(long, default_value_t = 1.0, value_parser = parse_time_scale)]
        time_scale: f64,
    },
    /// Play a short program against the built-in simulated Discord and print the transcript.
    Demo,
    /// Create or upgrade the database, then exit.
    Migrate,
    /// Print the effective configuration (the token redacted) and exit.
    CheckConfig,
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = match Config::load(cli.config.as_deref()) {
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
        match cli.command.unwrap_or(Command::Run { time_scale: 1.0 }) {
            Command::Run { time_scale } => run(config, time_scale).await,
            Command::Demo => demo::run_demo(&mut std::io::stdout()).await,
            Command::Migrate => migrate(&config).await,
            Command::CheckConfig => check_config(&config),
        }
    });
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
    let Some(token) = Token::from_env() else {
        anyhow::bail!(
            "DISCORD_TOKEN is not set. Create a bot at https://discord.com/developers/applications \
             (see README), or try `mentor-bot demo`, which needs no token."
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
    let token = if Token::from_env().is_some() { "set (redacted)" } else { "not set" };
    println!("# DISCORD_TOKEN: {token}");
    Ok(())
}
