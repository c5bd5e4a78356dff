//! What one process runs: the gateway (all of it, a range of shards, or none) and the scheduler.
//! Several processes on one database split the work: e.g. `--shards 0-1/4` and `--shards 2-3/4`
//! answer commands, `--no-gateway` delivers reminders.

use std::{fmt, str::FromStr};

/// A range of gateway shards `first..=last` out of `total`, written `first-last/total` (or
/// `id/total` for one shard).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShardRange {
    pub first: u32,
    pub last: u32,
    pub total: u32,
}

impl ShardRange {
    /// Reads `first-last/total` or `id/total`: `first <= last < total`, `total >= 1`. The
    /// message says what is wrong and shows the form.
    pub fn parse(text: &str) -> Result<Self, String> {
        let form = "give FIRST-LAST/TOTAL, e.g. 0-1/4 (shards 0 and 1 of 4), or ID/TOTAL, e.g. 2/4";
        let trimmed = text.trim();
        let (range, total) = trimmed.split_once('/').ok_or_else(|| format!("`{text}` is not a shard range: {form}"))?;
        let number = |part: &str| -> Result<u32, String> {
            part.trim()
                .parse::<u32>()
                .map_err(|_| format!("`{text}` is not a shard range: `{part}` is not a number; {form}"))
        };
        let (first, last) = match range.split_once('-') {
            Some((first, last)) => (number(first)?, number(last)?),
            None => (number(range)?, number(range)?),
        };
        let total = number(total)?;
        if total == 0 {
            return Err(format!("`{text}`: the total number of shards must be at least 1"));
        }
        if first > last {
            return Err(format!("`{text}`: the first shard ({first}) comes after the last ({last})"));
        }
        if last >= total {
            return Err(format!(
                "`{text}`: shard {last} does not exist when there are {total} (shards are numbered 0 to {})",
                total - 1
            ));
        }
        Ok(Self { first, last, total })
    }

    /// How many shards the range holds.
    pub fn len(&self) -> u32 {
        self.last - self.first + 1
    }

    /// Never: a range holds at least one shard (for clippy's `len_without_is_empty`).
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Whether shard `id` is in the range.
    pub fn contains(&self, id: u32) -> bool {
        (self.first..=self.last).contains(&id)
    }
}

impl FromStr for ShardRange {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl fmt::Display for ShardRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}/{}", self.first, self.last, self.total)
    }
}

/// The gateway part of a process.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gateway {
    /// No gateway connection (`discord.gateway = false`, `--no-gateway`): no commands here.
    Off,
    /// One unsharded session (`discord.shards` empty), as a single process runs.
    Whole,
    /// These shards (`discord.shards`, `--shards`).
    Shards(ShardRange),
}

/// What a process runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Roles {
    pub gateway: Gateway,
    pub scheduler: bool,
}

impl Roles {
    /// Whether this process registers the slash commands at start: the one running shard 0
    /// (every deployment runs shard 0 somewhere: DMs arrive there), so several processes do not
    /// all overwrite the same global list.
    pub fn registers_commands(&self) -> bool {
        match self.gateway {
            Gateway::Off => false,
            Gateway::Whole => true,
            Gateway::Shards(range) => range.contains(0),
        }
    }

    /// Whether this process connects to the gateway (and so answers commands).
    pub fn has_gateway(&self) -> bool {
        self.gateway != Gateway::Off
    }

    /// The shard ids this process runs (`[0]` unsharded, none without a gateway).
    pub fn shard_ids(&self) -> Vec<u32> {
        match self.gateway {
            Gateway::Off => Vec::new(),
            Gateway::Whole => vec![0],
            Gateway::Shards(range) => (range.first..=range.last).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shard_range_reads_first_last_total_or_one_id() {
        assert_eq!(ShardRange::parse("0-1/4"), Ok(ShardRange { first: 0, last: 1, total: 4 }));
        assert_eq!(ShardRange::parse(" 2/4 "), Ok(ShardRange { first: 2, last: 2, total: 4 }));
        assert_eq!(ShardRange::parse("0-0/1").unwrap().to_string(), "0-0/1");
        assert_eq!(ShardRange::parse("1-3/4").unwrap().len(), 3);
    }

    #[test]
    fn a_bad_shard_range_says_what_is_wrong() {
        for (text, says) in [
            ("", "not a shard range"),
            ("0-1", "not a shard range"),
            ("a-1/4", "`a` is not a number"),
            ("0-1/0", "at least 1"),
            ("2-1/4", "comes after"),
            ("0-4/4", "does not exist"),
            ("4/4", "does not exist"),
            ("-1/4", "is not a number"),
        ] {
            let err = ShardRange::parse(text).unwrap_err();
            assert!(err.contains(says), "{text}: {err}");
        }
    }

    #[test]
    fn only_the_process_running_shard_zero_registers_commands() {
        let roles = |gateway| Roles { gateway, scheduler: true };
        assert!(roles(Gateway::Whole).registers_commands());
        assert!(roles(Gateway::Shards(ShardRange { first: 0, last: 1, total: 4 })).registers_commands());
        assert!(!roles(Gateway::Shards(ShardRange { first: 2, last: 3, total: 4 })).registers_commands());
        assert!(!roles(Gateway::Off).registers_commands());
        assert_eq!(roles(Gateway::Shards(ShardRange { first: 2, last: 3, total: 4 })).shard_ids(), [2, 3]);
    }
}
