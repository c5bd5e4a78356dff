//! Typed settings: `config/default.toml` < the file given by `--config`/`MENTOR_BOT_CONFIG` <
//! `MENTOR_BOT__SECTION__KEY` environment variables. The token only comes from `DISCORD_TOKEN`.

use std::{fmt, path::Path};

use figment::{
    providers::{Env, Format, Toml},
    Figment,
};
use serde::{Deserialize, Serialize};

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
}

/// How to reach Discord.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DiscordConfig {
    pub api_url: String,
    pub guild_id: u64,
    pub admin_role_id: u64,
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
