//! Typed settings: `config/default.toml` < the file given by `--config`/`MENTOR_BOT_CONFIG` <
//! `MENTOR_BOT__SECTION__KEY` environment variables. The token only comes from `DISCORD_TOKEN`.

use std::{fmt, path::Path};

use chrono::Duration;
use figment::{
    providers::{Env, Format, Toml},
    Figment,
};
use serde::{Deserialize, Serialize};

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

/// How to reach Discord.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DiscordConfig {
    pub api_url: String,
    pub guild_id: u64,
    pub admin_role_id: u64,
    pub requests_per_second: u32,
    pub request_timeout: String,
}

impl DiscordConfig {
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

    fn validate(&self) -> Result<(), ConfigError> {
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
        if !(1..=50).contains(&self.discord.requests_per_second) {
            return invalid(
                "discord.requests_per_second",
                "must be between 1 and 50 (Discord's global limit is 50 requests per second per bot)",
            );
        }
        self.discord.request_timeout()?;
        if !(self.discord.api_url.starts_with("http://") || self.discord.api_url.starts_with("https://")) {
            return invalid("discord.api_url", "must start with http:// or https://");
        }
        Ok(())
    }
}

/// The bot token, kept out of `Debug` output and logs.
#[derive(Clone)]
pub struct Token(String);

impl Token {
    /// Reads `DISCORD_TOKEN`; `None` when unset or blank.
    pub fn from_env() -> Option<Self> {
        std::env::var("DISCORD_TOKEN").ok().map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).map(Token)
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
    fn the_token_never_shows_in_debug_output() {
        assert_eq!(format!("{:?}", Token::new("secret")), "Token(<redacted>)");
    }
}
