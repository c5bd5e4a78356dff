//! Typed settings: `config/default.toml` < the file given by `--config`/`MENTOR_BOT_CONFIG` <
//! `MENTOR_BOT__SECTION__KEY` environment variables. The token only comes from `DISCORD_TOKEN` or
//! the file named by `DISCORD_TOKEN_FILE`, never from the configuration.

use std::{fmt, net::SocketAddr, path::Path};

use chrono::Duration;
use figment::{
    providers::{Env, Format, Toml},
    Figment,
};
use serde::{Deserialize, Serialize};

pub mod roles;

pub use roles::{Gateway, Roles, ShardRange};

use crate::domain::{
    quiet_hours::QuietHours,
    schedule::ZonedSchedule,
    settings::{parse_duration, Timings},
};

/// The built-in defaults, documented setting by setting.
pub const DEFAULT_TOML: &str = include_str!("../config/default.toml");

/// All settings of the bot.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub discord: DiscordConfig,
    pub database: DatabaseConfig,
    pub log: LogConfig,
    pub booking: BookingConfig,
    pub scheduler: SchedulerConfig,
    pub privacy: PrivacyConfig,
    pub http: HttpConfig,
}

/// What is kept, and for how long.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PrivacyConfig {
    pub retain_ended: String,
}

impl PrivacyConfig {
    /// How long the content of an ended pairing is kept (at least a day).
    pub fn retain_ended(&self) -> Result<Duration, ConfigError> {
        humantime::parse_duration(self.retain_ended.trim())
            .ok()
            .and_then(|d| Duration::from_std(d).ok())
            .filter(|d| *d >= Duration::days(1))
            .ok_or_else(|| {
                ConfigError::Invalid(format!(
                    "key `privacy.retain_ended`: {:?} is not a duration of at least a day, like \"365days\"",
                    self.retain_ended
                ))
            })
    }
}

/// The operator's HTTP listener (`/healthz`, `/metrics`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct HttpConfig {
    /// `host:port` to listen on; empty: no listener.
    pub listen: String,
    /// `/healthz` fails when the scheduler has not finished a round for this long.
    pub scheduler_stall_after: String,
}

impl HttpConfig {
    /// The address to listen on, if the listener is on.
    pub fn listen_addr(&self) -> Result<Option<SocketAddr>, ConfigError> {
        let listen = self.listen.trim();
        if listen.is_empty() {
            return Ok(None);
        }
        listen.parse().map(Some).map_err(|_| {
            ConfigError::Invalid(format!(
                "key `http.listen`: {listen:?} is not an address like \"127.0.0.1:9091\" (leave it empty to switch the listener off)"
            ))
        })
    }

    /// How long the scheduler may go without finishing a round before `/healthz` fails.
    pub fn scheduler_stall_after(&self) -> Result<std::time::Duration, ConfigError> {
        humantime::parse_duration(self.scheduler_stall_after.trim())
            .ok()
            .filter(|d| *d >= std::time::Duration::from_secs(1))
            .ok_or_else(|| {
                ConfigError::Invalid(format!(
                    "key `http.scheduler_stall_after`: {:?} is not a duration of at least a second, like \"2m\"",
                    self.scheduler_stall_after
                ))
            })
    }
}

/// The most `discord.requests_per_second` may say: Discord's global limit is 50 per bot, but it
/// grants large bots more on request.
const MAX_REQUESTS_PER_SECOND: u32 = 10_000;

/// How to reach Discord.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DiscordConfig {
    pub api_url: String,
    pub guild_id: u64,
    pub admin_role_id: u64,
    pub requests_per_second: u32,
    pub request_timeout: String,
    /// Connect to the gateway (answer commands); `false` for a scheduler-only process.
    pub gateway: bool,
    /// The shards this process runs, `first-last/total`; empty: one unsharded session.
    pub shards: String,
}

impl DiscordConfig {
    /// The gateway part of this process, from `discord.gateway` and `discord.shards`.
    pub fn gateway(&self) -> Result<Gateway, ConfigError> {
        let shards = self.shards.trim();
        match (self.gateway, shards.is_empty()) {
            (false, true) => Ok(Gateway::Off),
            (false, false) => Err(ConfigError::Invalid(format!(
                "key `discord.shards`: {shards:?} is set but `discord.gateway` is false (a process without a gateway \
                 runs no shards; leave one of them out)"
            ))),
            (true, true) => Ok(Gateway::Whole),
            (true, false) => ShardRange::parse(shards)
                .map(Gateway::Shards)
                .map_err(|e| ConfigError::Invalid(format!("key `discord.shards`: {e}"))),
        }
    }

    /// How long one REST request may take.
    pub fn request_timeout(&self) -> Result<std::time::Duration, ConfigError> {
        parse_duration("request_timeout", &self.request_timeout)
            .ok()
            .and_then(|d| d.to_std().ok())
            .filter(|d| !d.is_zero())
            .ok_or_else(|| {
                ConfigError::Invalid(format!(
                    "key `discord.request_timeout`: {:?} is not a positive duration like \"10s\"",
                    self.request_timeout
                ))
            })
    }
}

/// Where data lives.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DatabaseConfig {
    pub url: String,
    pub max_connections: u32,
}

/// Log output.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LogConfig {
    pub format: LogFormat,
    pub filter: String,
}

/// Log line format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Pretty,
    Json,
}

/// Limits for `/book`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BookingConfig {
    pub default_duration_minutes: u32,
    pub min_duration_minutes: u32,
    pub max_duration_minutes: u32,
    pub max_days_ahead: u32,
}

/// The reminder scheduler (see `config/default.toml` for each setting).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SchedulerConfig {
    pub enabled: bool,
    pub agenda_request_before: String,
    pub agenda_nudge_before: String,
    pub mentor_prep_before: String,
    pub follow_up_after: String,
    pub follow_up_again_after: String,
    pub deadline_reminder_before: String,
    pub stale_after: String,
    pub quiet_hours: String,
    pub weekly_nudge: String,
    pub weekly_nudge_enabled: bool,
    pub max_in_flight: u32,
    pub retry_base: String,
    pub retry_max: String,
    pub lease: String,
    pub batch_size: u32,
    pub prune_after: String,
}

/// The runner's durations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunnerDurations {
    pub retry_base: Duration,
    pub retry_max: Duration,
    pub lease: Duration,
    pub prune_after: Duration,
}

impl SchedulerConfig {
    /// The default timings of every program.
    pub fn timings(&self) -> Result<Timings, ConfigError> {
        let d = |key: &str, value: &str| {
            parse_duration(key, value).map_err(|e| ConfigError::Invalid(format!("key `scheduler.{key}`: {e}")))
        };
        Ok(Timings {
            agenda_request_before: d("agenda_request_before", &self.agenda_request_before)?,
            agenda_nudge_before: d("agenda_nudge_before", &self.agenda_nudge_before)?,
            mentor_prep_before: d("mentor_prep_before", &self.mentor_prep_before)?,
            follow_up_after: d("follow_up_after", &self.follow_up_after)?,
            follow_up_again_after: d("follow_up_again_after", &self.follow_up_again_after)?,
            deadline_reminder_before: d("deadline_reminder_before", &self.deadline_reminder_before)?,
            stale_after: d("stale_after", &self.stale_after)?,
            quiet_hours: QuietHours::parse(&self.quiet_hours)
                .map_err(|e| ConfigError::Invalid(format!("key `scheduler.quiet_hours`: {e}")))?,
        })
    }

    /// Retry, lease and retention durations.
    pub fn runner_durations(&self) -> Result<RunnerDurations, ConfigError> {
        let d = |key: &str, value: &str| {
            parse_duration(key, value).map_err(|e| ConfigError::Invalid(format!("key `scheduler.{key}`: {e}")))
        };
        Ok(RunnerDurations {
            retry_base: d("retry_base", &self.retry_base)?,
            retry_max: d("retry_max", &self.retry_max)?,
            lease: d("lease", &self.lease)?,
            prune_after: humantime::parse_duration(self.prune_after.trim())
                .ok()
                .and_then(|d| Duration::from_std(d).ok())
                .filter(|d| *d >= Duration::days(1))
                .ok_or_else(|| {
                    ConfigError::Invalid(format!(
                        "key `scheduler.prune_after`: {:?} is not a duration of at least a day, like \"90days\"",
                        self.prune_after
                    ))
                })?,
        })
    }
}

/// A configuration that could not be loaded; the message names the offending key.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("configuration file {0} does not exist")]
    MissingFile(String),
    #[error("invalid configuration: {0}")]
    Invalid(String),
}

impl From<figment::Error> for ConfigError {
    fn from(e: figment::Error) -> Self {
        // figment's message says what is wrong; its path says which key.
        let key = e.path.join(".");
        let mut msg = e.to_string();
        if !key.is_empty() && !msg.contains(&key) {
            msg = format!("key `{key}`: {msg}");
        }
        ConfigError::Invalid(msg)
    }
}

impl Config {
    /// Loads the layered configuration. `file` is `--config` or `MENTOR_BOT_CONFIG`.
    pub fn load(file: Option<&Path>) -> Result<Self, ConfigError> {
        let mut figment = Figment::from(Toml::string(DEFAULT_TOML));
        if let Some(path) = file {
            if !path.exists() {
                return Err(ConfigError::MissingFile(path.display().to_string()));
            }
            figment = figment.merge(Toml::file(path));
        }
        figment = figment.merge(Env::prefixed("MENTOR_BOT__").split("__"));
        Self::from_figment(&figment)
    }

    /// The defaults alone (tests and the demo start from these).
    pub fn defaults() -> Result<Self, ConfigError> {
        Self::from_figment(&Figment::from(Toml::string(DEFAULT_TOML)))
    }

    fn from_figment(figment: &Figment) -> Result<Self, ConfigError> {
        let config: Config = figment.extract()?;
        config.validate()?;
        Ok(config)
    }

    /// What this process runs; refuses a process that would run neither the gateway nor the
    /// scheduler.
    pub fn roles(&self) -> Result<Roles, ConfigError> {
        let roles = Roles { gateway: self.discord.gateway()?, scheduler: self.scheduler.enabled };
        if !roles.has_gateway() && !roles.scheduler {
            return Err(ConfigError::Invalid(
                "this process would run nothing: the gateway is off (`discord.gateway = false`, --no-gateway) and so \
                 is the scheduler (`scheduler.enabled = false`, --no-scheduler); keep at least one of them"
                    .into(),
            ));
        }
        Ok(roles)
    }

    /// Checks every setting (again, after command-line flags changed some).
    pub fn validate(&self) -> Result<(), ConfigError> {
        let b = &self.booking;
        let invalid = |key: &str, why: &str| Err(ConfigError::Invalid(format!("key `{key}`: {why}")));
        if b.min_duration_minutes == 0 || b.min_duration_minutes > b.max_duration_minutes {
            return invalid(
                "booking.min_duration_minutes",
                "must be at least 1 and not above booking.max_duration_minutes",
            );
        }
        if !(b.min_duration_minutes..=b.max_duration_minutes).contains(&b.default_duration_minutes) {
            return invalid(
                "booking.default_duration_minutes",
                "must lie between booking.min_duration_minutes and booking.max_duration_minutes",
            );
        }
        if b.max_days_ahead == 0 {
            return invalid("booking.max_days_ahead", "must be at least 1");
        }
        if self.database.max_connections == 0 {
            return invalid("database.max_connections", "must be at least 1");
        }
        let s = &self.scheduler;
        s.timings()?;
        s.runner_durations()?;
        self.privacy.retain_ended()?;
        ZonedSchedule::parse_at_most_hourly(&s.weekly_nudge, chrono_tz::UTC)
            .map_err(|e| ConfigError::Invalid(format!("key `scheduler.weekly_nudge`: {e}")))?;
        if s.max_in_flight == 0 || s.batch_size == 0 {
            return invalid("scheduler.max_in_flight", "max_in_flight and batch_size must be at least 1");
        }
        if !(1..=MAX_REQUESTS_PER_SECOND).contains(&self.discord.requests_per_second) {
            return invalid(
                "discord.requests_per_second",
                "must be between 1 and 10000 (Discord allows 50 requests per second per bot unless it granted the \
                 bot a higher global limit)",
            );
        }
        self.discord.request_timeout()?;
        self.roles()?;
        self.http.listen_addr()?;
        self.http.scheduler_stall_after()?;
        if !(self.discord.api_url.starts_with("http://") || self.discord.api_url.starts_with("https://")) {
            return invalid("discord.api_url", "must start with http:// or https://");
        }
        Ok(())
    }
}

/// The bot token, kept out of `Debug` output and logs.
#[derive(Clone)]
pub struct Token(String);

/// Why the token could not be read.
#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    #[error("both DISCORD_TOKEN and DISCORD_TOKEN_FILE are set; set only one of them")]
    Both,
    #[error("cannot read the token file {path} named by DISCORD_TOKEN_FILE: {source}")]
    Unreadable { path: String, source: std::io::Error },
    #[error("the token file {0} named by DISCORD_TOKEN_FILE is empty")]
    Empty(String),
}

impl Token {
    /// Reads `DISCORD_TOKEN`, or the file named by `DISCORD_TOKEN_FILE` (Docker secrets, systemd
    /// credentials); `None` when neither is set (a blank variable counts as unset).
    pub fn from_env() -> Result<Option<Self>, TokenError> {
        Self::from_sources(std::env::var("DISCORD_TOKEN").ok(), std::env::var_os("DISCORD_TOKEN_FILE"))
    }

    /// [`from_env`](Self::from_env) with the two variables given.
    pub fn from_sources(token: Option<String>, file: Option<std::ffi::OsString>) -> Result<Option<Self>, TokenError> {
        let token = token.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
        let file = file.filter(|f| !f.is_empty());
        match (token, file) {
            (Some(_), Some(_)) => Err(TokenError::Both),
            (Some(t), None) => Ok(Some(Token(t))),
            (None, None) => Ok(None),
            (None, Some(file)) => {
                let path = Path::new(&file).display().to_string();
                let text = std::fs::read_to_string(&file)
                    .map_err(|source| TokenError::Unreadable { path: path.clone(), source })?;
                // Files usually end with a newline; the token itself never has whitespace.
                let t = text.trim();
                if t.is_empty() {
                    return Err(TokenError::Empty(path));
                }
                Ok(Some(Token(t.to_owned())))
            }
        }
    }

    /// Wraps a token given in code (the demo and tests use a dummy one).
    pub fn new(token: impl Into<String>) -> Self {
        Token(token.into())
    }

    /// The secret itself, for serenity only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(<redacted>)")
    }
}

#[cfg(test)]
#[allow(clippy::result_large_err)] // figment::Jail's closures return figment::Error
mod tests {
    use figment::Jail;

    use super::*;

    #[test]
    fn the_built_in_defaults_load_and_validate() {
        let c = Config::defaults().unwrap();
        assert_eq!(c.booking.default_duration_minutes, 60);
        assert_eq!(c.discord.api_url, "https://discord.com");
    }

    #[test]
    fn environment_variables_override_the_file_which_overrides_defaults() {
        Jail::expect_with(|jail| {
            jail.create_file("custom.toml", "[database]\nurl = \"sqlite://from-file.db\"\nmax_connections = 2\n")?;
            jail.set_env("MENTOR_BOT__DATABASE__URL", "sqlite://from-env.db");
            let c = Config::load(Some(Path::new("custom.toml"))).unwrap();
            assert_eq!(c.database.url, "sqlite://from-env.db");
            assert_eq!(c.database.max_connections, 2);
            Ok(())
        });
    }

    #[test]
    fn the_scheduler_defaults_are_the_ones_the_domain_tests_use() {
        assert_eq!(Config::defaults().unwrap().scheduler.timings().unwrap(), crate::domain::settings::test_timings());
    }

    #[test]
    fn a_bad_scheduler_duration_names_the_key() {
        Jail::expect_with(|jail| {
            jail.set_env("MENTOR_BOT__SCHEDULER__FOLLOW_UP_AFTER", "soonish");
            let err = Config::load(None).unwrap_err().to_string();
            assert!(err.contains("scheduler.follow_up_after"), "{err}");
            Ok(())
        });
    }

    #[test]
    fn retention_is_a_humantime_duration_of_at_least_a_day() {
        assert_eq!(Config::defaults().unwrap().privacy.retain_ended().unwrap(), Duration::days(365));
        Jail::expect_with(|jail| {
            jail.set_env("MENTOR_BOT__PRIVACY__RETAIN_ENDED", "2h");
            let err = Config::load(None).unwrap_err().to_string();
            assert!(err.contains("privacy.retain_ended"), "{err}");
            Ok(())
        });
    }

    #[test]
    fn the_request_budget_may_be_raised_for_a_granted_global_limit_but_not_to_zero() {
        Jail::expect_with(|jail| {
            jail.set_env("MENTOR_BOT__DISCORD__REQUESTS_PER_SECOND", "500");
            assert_eq!(Config::load(None).unwrap().discord.requests_per_second, 500);
            for bad in ["0", "10001"] {
                jail.set_env("MENTOR_BOT__DISCORD__REQUESTS_PER_SECOND", bad);
                let err = Config::load(None).unwrap_err().to_string();
                assert!(err.contains("discord.requests_per_second"), "{bad}: {err}");
            }
            Ok(())
        });
    }

    #[test]
    fn a_bad_value_names_the_key() {
        Jail::expect_with(|jail| {
            jail.set_env("MENTOR_BOT__BOOKING__MAX_DAYS_AHEAD", "lots");
            let err = Config::load(None).unwrap_err().to_string();
            assert!(err.contains("booking.max_days_ahead"), "{err}");
            Ok(())
        });
    }

    #[test]
    fn an_unknown_key_is_rejected_by_name() {
        Jail::expect_with(|jail| {
            jail.create_file("typo.toml", "[database]\nurll = \"x\"\n")?;
            let err = Config::load(Some(Path::new("typo.toml"))).unwrap_err().to_string();
            assert!(err.contains("urll"), "{err}");
            Ok(())
        });
    }

    #[test]
    fn the_token_comes_from_the_variable_or_a_file_but_not_both() {
        let dir = tempfile_dir();
        let file = dir.join("token");
        std::fs::write(&file, "from-file\n").unwrap();
        let t = Token::from_sources(None, Some(file.clone().into_os_string())).unwrap().unwrap();
        assert_eq!(t.expose(), "from-file", "the trailing newline is not part of the token");
        assert_eq!(Token::from_sources(Some(" env \n".into()), None).unwrap().unwrap().expose(), "env");
        assert!(Token::from_sources(Some(String::new()), None).unwrap().is_none());
        assert!(matches!(Token::from_sources(Some("a".into()), Some(file.into_os_string())), Err(TokenError::Both)));
        let missing = dir.join("missing");
        let err = Token::from_sources(None, Some(missing.into_os_string())).unwrap_err().to_string();
        assert!(err.contains("cannot read the token file") && err.contains("missing"), "{err}");
        let empty = dir.join("empty");
        std::fs::write(&empty, "\n").unwrap();
        assert!(matches!(Token::from_sources(None, Some(empty.into_os_string())), Err(TokenError::Empty(_))));
        std::fs::remove_dir_all(dir).unwrap();
    }

    /// A fresh folder for one test (the library's unit tests do not depend on `tempfile`).
    fn tempfile_dir() -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("mentor-bot-config-{}-{}", std::process::id(), rand::random::<u32>()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn the_http_listener_is_off_by_default_and_a_bad_address_names_the_key() {
        assert_eq!(Config::defaults().unwrap().http.listen_addr().unwrap(), None);
        Jail::expect_with(|jail| {
            jail.set_env("MENTOR_BOT__HTTP__LISTEN", "localhost");
            let err = Config::load(None).unwrap_err().to_string();
            assert!(err.contains("http.listen"), "{err}");
            Ok(())
        });
    }

    #[test]
    fn shards_and_the_gateway_switch_come_from_the_environment_and_a_process_must_run_something() {
        assert_eq!(Config::defaults().unwrap().roles().unwrap(), Roles { gateway: Gateway::Whole, scheduler: true });
        Jail::expect_with(|jail| {
            jail.set_env("MENTOR_BOT__DISCORD__SHARDS", "0-1/4");
            jail.set_env("MENTOR_BOT__SCHEDULER__ENABLED", "false");
            let roles = Config::load(None).unwrap().roles().unwrap();
            assert_eq!(roles.gateway, Gateway::Shards(ShardRange { first: 0, last: 1, total: 4 }));
            assert!(!roles.scheduler);
            jail.set_env("MENTOR_BOT__DISCORD__SHARDS", "4-5/4");
            let err = Config::load(None).unwrap_err().to_string();
            assert!(err.contains("discord.shards") && err.contains("does not exist"), "{err}");
            jail.set_env("MENTOR_BOT__DISCORD__SHARDS", "");
            jail.set_env("MENTOR_BOT__DISCORD__GATEWAY", "false");
            let err = Config::load(None).unwrap_err().to_string();
            assert!(err.contains("would run nothing"), "{err}");
            jail.set_env("MENTOR_BOT__SCHEDULER__ENABLED", "true");
            assert_eq!(Config::load(None).unwrap().roles().unwrap().gateway, Gateway::Off);
            jail.set_env("MENTOR_BOT__DISCORD__SHARDS", "0/2");
            let err = Config::load(None).unwrap_err().to_string();
            assert!(err.contains("discord.gateway"), "{err}");
            Ok(())
        });
    }

    #[test]
    fn the_token_never_shows_in_debug_output() {
        assert_eq!(format!("{:?}", Token::new("secret")), "Token(<redacted>)");
    }
}
