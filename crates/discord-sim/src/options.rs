//! Turning `"program setup"` plus string options into interaction `data`, typed by the
//! registered command definitions, with `resolved` users, members, channels and roles.

use std::fmt::Write as _;

use anyhow::{anyhow, bail, Context as _};
use chrono::{DateTime, Utc};
use serde_json::{json, Map, Value};

use crate::{
    payloads,
    state::{ChannelKind, State},
};

/// Interaction `data` plus the command line as a user would see it.
pub(crate) struct CommandData {
    pub(crate) data: Value,
    pub(crate) rendered: String,
}

/// What the options are for.
pub(crate) enum Purpose<'a> {
    Invoke,
    Autocomplete {
        focused: &'a str,
    },
    /// An invocation from a client whose cached copy of the command is out of date: every given
    /// option arrives as a plain string, whatever the current definition types it as.
    Outdated,
}

/// The data of a user context-menu command (`type` 2) named `name` on `target`, with the target
/// in `resolved` as Discord sends it.
pub(crate) fn user_command_data(
    state: &State,
    guild: Option<u64>,
    now: DateTime<Utc>,
    name: &str,
    target: u64,
) -> anyhow::Result<CommandData> {
    let command = guild
        .and_then(|g| state.guild_commands.get(&g))
        .into_iter()
        .flatten()
        .chain(state.global_commands.iter())
        .find(|c| c["name"] == name && c["type"].as_u64() == Some(2))
        .cloned()
        .ok_or_else(|| anyhow!("test error: no registered user command {name:?}"))?;
    let mut resolver = Resolver { state, guild, now, resolved: Map::new() };
    let (_, shown) = resolver.value(&json!({"name": "target", "type": 6}), &target.to_string())?;
    let mut data = json!({
        "id": command["id"],
        "name": name,
        "type": 2,
        "target_id": target.to_string(),
        "resolved": Value::Object(resolver.resolved),
    });
    if let Some(g) = command["guild_id"].as_str() {
        data["guild_id"] = json!(g);
    }
    Ok(CommandData { data, rendered: format!("{name} on {shown}") })
}

fn find_command(state: &State, guild: Option<u64>, name: &str) -> anyhow::Result<Value> {
    let guild_cmds = guild.and_then(|g| state.guild_commands.get(&g)).into_iter().flatten();
    guild_cmds
        .chain(state.global_commands.iter())
        .find(|c| c["name"] == name && c["type"].as_u64().unwrap_or(1) == 1)
        .cloned()
        .ok_or_else(|| {
            let known: Vec<&str> = state
                .global_commands
                .iter()
                .chain(guild.and_then(|g| state.guild_commands.get(&g)).into_iter().flatten())
                .filter_map(|c| c["name"].as_str())
                .collect();
            anyhow!("test error: no registered slash command /{name} (registered: {known:?})")
        })
}

fn parse_id(raw: &str, prefixes: &[&str]) -> Option<u64> {
    let mut s = raw.trim();
    for p in prefixes {
        if let Some(inner) = s.strip_prefix(p).and_then(|r| r.strip_suffix('>')) {
            s = inner;
        }
    }
    s.parse().ok()
}

fn resolve_user(state: &State, raw: &str) -> Option<u64> {
    parse_id(raw, &["<@!", "<@"]).or_else(|| {
        let name = raw.trim_start_matches('@');
        state.users.values().find(|u| u.name == name).map(|u| u.id)
    })
}

fn resolve_channel(state: &State, raw: &str) -> Option<u64> {
    parse_id(raw, &["<#"]).or_else(|| {
        let name = raw.trim_start_matches('#');
        state.channels.iter().find_map(|(id, c)| match c {
            ChannelKind::Guild { name: n, .. } if n == name => Some(*id),
            _ => None,
        })
    })
}

fn resolve_role(state: &State, guild: Option<u64>, raw: &str) -> Option<u64> {
    parse_id(raw, &["<@&"]).or_else(|| {
        let name = raw.trim_start_matches('@');
        let g = state.guild(guild?)?;
        g.roles.iter().chain(std::iter::once(&g.admin_role)).find(|r| r.name == name).map(|r| r.id)
    })
}

/// What Discord's client enforces before it sends a number: the option's `min_value` and
/// `max_value` (a value outside them cannot be sent at all).
fn within_limits(def: &Value, value: f64) -> anyhow::Result<()> {
    let name = def["name"].as_str().unwrap_or_default();
    if let Some(min) = def["min_value"].as_f64().filter(|min| value < *min) {
        bail!("Discord's client does not send this: option {name} takes at least {min} (given {value})");
    }
    if let Some(max) = def["max_value"].as_f64().filter(|max| value > *max) {
        bail!("Discord's client does not send this: option {name} takes at most {max} (given {value})");
    }
    Ok(())
}

struct Resolver<'a> {
    state: &'a State,
    guild: Option<u64>,
    now: DateTime<Utc>,
    resolved: Map<String, Value>,
}

impl Resolver<'_> {
    fn add(&mut self, kind: &str, id: u64, value: Value) {
        let entry = self.resolved.entry(kind).or_insert_with(|| json!({}));
        entry[id.to_string()] = value;
    }

    /// Types one option value; returns the JSON value and its rendering.
    fn value(&mut self, def: &Value, raw: &str) -> anyhow::Result<(Value, String)> {
        let name = def["name"].as_str().unwrap_or_default();
        let state = self.state;
        let bad = || anyhow!("test error: option {name}: cannot use {raw:?}");
        Ok(match def["type"].as_u64().unwrap_or(3) {
            3 => (json!(raw), raw.to_owned()),
            4 => {
                let value = raw.trim().parse::<i64>().map_err(|_| bad())?;
                #[allow(clippy::cast_precision_loss)] // the limits Discord allows are far inside f64
                within_limits(def, value as f64)?;
                (json!(value), raw.to_owned())
            }
            10 => {
                let value = raw.trim().parse::<f64>().map_err(|_| bad())?;
                within_limits(def, value)?;
                (json!(value), raw.to_owned())
            }
            5 => (json!(raw.trim().parse::<bool>().map_err(|_| bad())?), raw.to_owned()),
            6 | 9 if resolve_user(state, raw).is_some_and(|u| state.users.contains_key(&u)) => {
                let id = resolve_user(state, raw).ok_or_else(bad)?;
                let user = state.users.get(&id).ok_or_else(bad)?;
                self.add("users", id, payloads::human(user));
                if let Some(g) = self.guild.and_then(|g| state.guild(g)) {
                    if user.membership(g).is_some() {
                        let member = payloads::member(g, user, self.now, false, user.permissions_in(g));
                        self.add("members", id, member);
                    }
                }
                (json!(id.to_string()), format!("@{}", user.name))
            }
            6 => return Err(bad()),
            7 => {
                let id = resolve_channel(state, raw).ok_or_else(bad)?;
                let channel = payloads::channel(state, id).ok_or_else(bad)?;
                let partial = json!({
                    "id": id.to_string(),
                    "name": channel["name"],
                    "type": channel["type"],
                    "permissions": crate::spec::EVERYONE_PERMISSIONS.to_string(),
                });
                self.add("channels", id, partial);
                let rendered = channel["name"].as_str().map_or_else(|| id.to_string(), |n| format!("#{n}"));
                (json!(id.to_string()), rendered)
            }
            8 | 9 => {
                let id = resolve_role(state, self.guild, raw).ok_or_else(bad)?;
                let g = self.guild.and_then(|g| state.guild(g)).ok_or_else(bad)?;
                let role = payloads::guild_roles(g)
                    .into_iter()
                    .find(|r| r["id"].as_str() == Some(id.to_string().as_str()))
                    .ok_or_else(bad)?;
                let rendered = format!("@{}", role["name"].as_str().unwrap_or_default());
                self.add("roles", id, role);
                (json!(id.to_string()), rendered)
            }
            other => bail!("test error: option {name} has type {other}, which the sim cannot fill"),
        })
    }
}

/// Builds the `data` of an application command (or autocomplete) interaction.
pub(crate) fn command_data(
    state: &State,
    guild: Option<u64>,
    now: DateTime<Utc>,
    path: &str,
    given: &[(&str, &str)],
    purpose: &Purpose<'_>,
) -> anyhow::Result<CommandData> {
    let words: Vec<&str> = path.trim().trim_start_matches('/').split_whitespace().collect();
    let (first, subs) = words.split_first().context("test error: empty command path")?;
    let command = find_command(state, guild, first)?;
    // Walk subcommand groups / subcommands.
    let mut defs: Vec<Value> = command["options"].as_array().cloned().unwrap_or_default();
    let mut chain: Vec<(String, u64)> = Vec::new();
    for sub in subs {
        let def = defs
            .iter()
            .find(|d| d["name"] == *sub && matches!(d["type"].as_u64(), Some(1 | 2)))
            .cloned()
            .ok_or_else(|| anyhow!("test error: /{first} has no subcommand {sub:?}"))?;
        chain.push(((*sub).to_owned(), def["type"].as_u64().unwrap_or(1)));
        defs = def["options"].as_array().cloned().unwrap_or_default();
    }
    if defs.iter().any(|d| matches!(d["type"].as_u64(), Some(1 | 2))) {
        bail!("test error: /{} needs a subcommand", words.join(" "));
    }
    let mut resolver = Resolver { state, guild, now, resolved: Map::new() };
    let mut options = Vec::new();
    let mut rendered = format!("/{}", words.join(" "));
    for (name, raw) in given {
        let def = defs.iter().find(|d| d["name"] == *name).ok_or_else(|| {
            let known: Vec<&str> = defs.iter().filter_map(|d| d["name"].as_str()).collect();
            anyhow!("test error: /{} has no option {name:?} (options: {known:?})", words.join(" "))
        })?;
        let kind = def["type"].as_u64().unwrap_or(3);
        let focused = matches!(purpose, Purpose::Autocomplete { focused } if focused == name);
        let outdated = matches!(purpose, Purpose::Outdated);
        let (value, shown) = if focused || outdated {
            (json!(raw), (*raw).to_owned())
        } else if let Some(choices) = def["choices"].as_array().filter(|c| !c.is_empty()) {
            // A choice is given by its name (what users see) or its value.
            let choice = choices
                .iter()
                .find(|c| c["name"] == *raw || c["value"].to_string().trim_matches('"') == *raw)
                .ok_or_else(|| anyhow!("test error: option {name}: {raw:?} is not one of its choices"))?;
            (choice["value"].clone(), (*raw).to_owned())
        } else {
            resolver.value(def, raw)?
        };
        let kind = if outdated { 3 } else { kind };
        let mut option = json!({"name": name, "type": kind, "value": value});
        if focused {
            option["focused"] = json!(true);
        }
        options.push(option);
        write!(rendered, " {name}:{shown}")?;
    }
    if let Purpose::Autocomplete { focused } = purpose {
        if !given.iter().any(|(n, _)| n == focused) {
            bail!("test error: the focused option {focused:?} must be among the given options");
        }
    } else {
        for def in defs.iter().filter(|d| d["required"] == true) {
            if !given.iter().any(|(n, _)| def["name"] == *n) {
                bail!("test error: required option {} missing", def["name"]);
            }
        }
    }
    for (name, kind) in chain.iter().rev() {
        options = vec![json!({"name": name, "type": kind, "options": options})];
    }
    let mut data = json!({
        "id": command["id"],
        "name": first,
        "type": 1,
        "options": options,
        "resolved": Value::Object(resolver.resolved),
    });
    if let Some(g) = command["guild_id"].as_str() {
        data["guild_id"] = json!(g);
    }
    Ok(CommandData { data, rendered })
}
