//! The simulator's mutable world: channels, messages, interactions, records, and change
//! notification.

use std::{
    collections::{BTreeMap, HashMap, HashSet},
    sync::{
        atomic::{AtomicBool, AtomicUsize},
        Mutex, MutexGuard,
    },
    time::{Duration, Instant},
};

use chrono::{DateTime, Utc};
use serde_json::Value;
use tokio::sync::{mpsc, watch};

use crate::{
    faults::{Fault, RandomFaults, Rng},
    model::{Message, Modal, RequestRecord, Violation},
    ratelimit::RateLimits,
    spec::{Clock, GuildSpec, SimSpec, UserSpec},
    transcript::TranscriptEvent,
};

/// Discord's epoch (2015-01-01) in unix milliseconds.
const DISCORD_EPOCH_MS: i64 = 1_420_070_400_000;

/// Where a channel lives.
#[derive(Clone, Debug)]
pub(crate) enum ChannelKind {
    /// A guild text channel.
    Guild { guild_id: u64, name: String },
    /// A DM with this user.
    Dm { recipient: u64 },
}

/// The kind of interaction the sim sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum InteractionKind {
    Command,
    Component {
        message_id: u64,
    },
    Autocomplete,
    /// A modal submission; `message_id` names the message whose button opened the modal (Discord
    /// sends that message with the submission and accepts callbacks 6 and 7 that update it).
    ModalSubmit {
        message_id: Option<u64>,
    },
}

/// Book-keeping for one interaction.
#[derive(Clone, Debug)]
pub(crate) struct InteractionRecord {
    pub(crate) id: u64,
    pub(crate) token: String,
    pub(crate) kind: InteractionKind,
    pub(crate) user_id: u64,
    pub(crate) channel_id: u64,
    pub(crate) guild_id: Option<u64>,
    pub(crate) sent_at: Instant,
    /// Sim-clock time it was sent (for the 15-minute token lifetime).
    pub(crate) sent_sim: DateTime<Utc>,
    /// The initial callback came too late and was rejected: the user sees "This interaction
    /// failed".
    pub(crate) failed: bool,
    /// Callback type and when it arrived.
    pub(crate) callback: Option<(u64, Instant)>,
    /// The message `@original` refers to (created, deferred-then-edited, or the component's).
    pub(crate) original: Option<u64>,
    /// Whether a deferred (5) response was ephemeral.
    pub(crate) deferred_ephemeral: bool,
    /// Edits of `@original` so far.
    pub(crate) original_edits: u32,
    pub(crate) followups: Vec<u64>,
    pub(crate) modal: Option<Modal>,
    pub(crate) modal_submitted: bool,
    pub(crate) choices: Option<Vec<(String, String)>>,
    /// The shards `(id, total)` whose sessions were sent it.
    pub(crate) shards: Vec<(u32, u32)>,
}

/// One gateway session: a connection that identified as shard `[id, total]`.
pub(crate) struct Session {
    pub(crate) id: String,
    /// `(id, total)` as the IDENTIFY gave it.
    pub(crate) shard: (u32, u32),
    pub(crate) seq: u64,
    /// Dispatches of this session `(seq, payload)`, replayed on resume.
    pub(crate) history: Vec<(u64, Value)>,
    /// Sender to the live connection (connection id, frames).
    pub(crate) live: Option<(u64, mpsc::UnboundedSender<Value>)>,
    /// The guilds READY listed.
    pub(crate) guilds: Vec<u64>,
    /// READY and the `GUILD_CREATE`s went out.
    pub(crate) guilds_sent: bool,
}

impl Session {
    /// Whether events of `guild` go to this session (Discord's `(guild_id >> 22) % total`).
    pub(crate) fn owns_guild(&self, guild: u64) -> bool {
        crate::shard_of(guild, self.shard.1) == self.shard.0
    }
}

/// Where a dispatch goes.
#[derive(Clone, Debug)]
pub(crate) enum Target {
    /// The session(s) whose shard owns this guild.
    Guild(u64),
    /// Events outside guilds (DMs): shard 0, as on Discord.
    Direct,
    /// One session, by id (READY, `GUILD_CREATE` after identify, RESUMED).
    Session(String),
}

/// The gateway sessions as the sim sees them: at most one per shard `[id, total]` (a new
/// IDENTIFY of a shard takes its events over from the older session).
#[derive(Default)]
pub(crate) struct GatewayState {
    pub(crate) sessions: Vec<Session>,
    pub(crate) identifies: u32,
    pub(crate) resumes: u32,
    /// Some session got its guilds.
    pub(crate) guilds_sent: bool,
    /// The heartbeat interval Hello announces (ms).
    pub(crate) heartbeat_interval_ms: u64,
    /// The gateway has gone silent: no Hello, no heartbeat ACKs, no events (a network black
    /// hole; connections stay open).
    pub(crate) black_hole: bool,
}

impl GatewayState {
    /// The sessions `target` names.
    pub(crate) fn targets(&mut self, target: &Target) -> impl Iterator<Item = &mut Session> + '_ {
        let target = target.clone();
        self.sessions.iter_mut().filter(move |s| match &target {
            Target::Guild(g) => s.owns_guild(*g),
            Target::Direct => s.shard.0 == 0,
            Target::Session(id) => s.id == *id,
        })
    }
}

/// An outage: every REST request but gateway discovery answers `status`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Outage {
    pub(crate) status: u16,
    /// Ends when the sim clock reaches this; open-ended when `None`.
    pub(crate) until: Option<DateTime<Utc>>,
}

/// Knobs a test turns at runtime: latency, outages, random faults, guild membership.
pub(crate) struct Controls {
    pub(crate) latency: Option<(Duration, Duration)>,
    pub(crate) outage: Option<Outage>,
    pub(crate) outage_requests: usize,
    pub(crate) random: Option<RandomFaults>,
    /// Guilds the bot was removed from.
    pub(crate) removed_guilds: HashSet<u64>,
    /// For latency samples.
    pub(crate) rng: Rng,
}

impl Controls {
    /// A latency sample (zero without latency).
    pub(crate) fn latency_sample(&mut self) -> Duration {
        match self.latency {
            Some((min, max)) => self.rng.between(min, max),
            None => Duration::ZERO,
        }
    }

    /// The outage status at sim time `now`, if one is on.
    pub(crate) fn outage_status(&self, now: DateTime<Utc>) -> Option<u16> {
        self.outage.filter(|o| o.until.is_none_or(|t| now < t)).map(|o| o.status)
    }
}

/// All mutable state.
pub(crate) struct State {
    pub(crate) guilds: Vec<GuildSpec>,
    pub(crate) users: BTreeMap<u64, UserSpec>,
    pub(crate) channels: BTreeMap<u64, ChannelKind>,
    pub(crate) dm_by_user: HashMap<u64, u64>,
    pub(crate) messages: BTreeMap<u64, Message>,
    pub(crate) channel_order: HashMap<u64, Vec<u64>>,
    pub(crate) nonces: HashMap<(u64, String), (u64, DateTime<Utc>)>,
    pub(crate) global_commands: Vec<Value>,
    pub(crate) guild_commands: HashMap<u64, Vec<Value>>,
    pub(crate) command_puts: u32,
    pub(crate) command_versions: u64,
    pub(crate) interactions: HashMap<u64, InteractionRecord>,
    pub(crate) requests: Vec<RequestRecord>,
    pub(crate) violations: Vec<Violation>,
    pub(crate) transcript: Vec<TranscriptEvent>,
    pub(crate) faults: Vec<Fault>,
    pub(crate) gateway: GatewayState,
    pub(crate) limits: RateLimits,
    pub(crate) controls: Controls,
    last_id: u64,
}

impl State {
    pub(crate) fn new(spec: &SimSpec) -> Self {
        let mut channels = BTreeMap::new();
        for guild in &spec.guilds {
            for channel in &guild.channels {
                channels.insert(channel.id, ChannelKind::Guild { guild_id: guild.id, name: channel.name.clone() });
            }
        }
        Self {
            guilds: spec.guilds.clone(),
            users: spec.users.iter().map(|u| (u.id, u.clone())).collect(),
            channels,
            dm_by_user: HashMap::new(),
            messages: BTreeMap::new(),
            channel_order: HashMap::new(),
            nonces: HashMap::new(),
            global_commands: Vec::new(),
            guild_commands: HashMap::new(),
            command_puts: 0,
            command_versions: 0,
            interactions: HashMap::new(),
            requests: Vec::new(),
            violations: Vec::new(),
            transcript: Vec::new(),
            faults: Vec::new(),
            gateway: GatewayState {
                heartbeat_interval_ms: u64::try_from(spec.heartbeat_interval.as_millis()).unwrap_or(41_250),
                ..GatewayState::default()
            },
            limits: RateLimits::new(spec.rate_limits, spec.global_limit),
            controls: Controls {
                latency: spec.latency,
                outage: None,
                outage_requests: 0,
                random: None,
                removed_guilds: HashSet::new(),
                rng: Rng::new(0x5EED),
            },
            last_id: 0,
        }
    }

    /// A fresh snowflake whose timestamp part is `now`; strictly increasing.
    pub(crate) fn next_id(&mut self, now: DateTime<Utc>) -> u64 {
        let ms = u64::try_from(now.timestamp_millis() - DISCORD_EPOCH_MS).unwrap_or(0);
        let id = (ms << 22).max(self.last_id + 1);
        self.last_id = id;
        id
    }

    pub(crate) fn violation(&mut self, kind: &str, detail: impl Into<String>) {
        let detail = detail.into();
        tracing::error!(kind, %detail, "discord-sim violation");
        self.violations.push(Violation { kind: kind.to_owned(), detail });
    }

    pub(crate) fn guild(&self, id: u64) -> Option<&GuildSpec> {
        self.guilds.iter().find(|g| g.id == id)
    }

    /// Whether the bot was removed from the guild of `channel` (never for DMs).
    pub(crate) fn channel_removed(&self, channel_id: u64) -> bool {
        self.channel_guild(channel_id).is_some_and(|g| self.controls.removed_guilds.contains(&g))
    }

    /// The guild a channel belongs to (`None` for DMs and unknown channels).
    pub(crate) fn channel_guild(&self, channel_id: u64) -> Option<u64> {
        match self.channels.get(&channel_id) {
            Some(ChannelKind::Guild { guild_id, .. }) => Some(*guild_id),
            _ => None,
        }
    }

    /// Stores a new message at the end of its channel.
    pub(crate) fn insert_message(&mut self, message: Message) {
        self.channel_order.entry(message.channel_id).or_default().push(message.id);
        self.messages.insert(message.id, message);
    }

    /// Removes a message.
    pub(crate) fn delete_message(&mut self, id: u64) -> Option<Message> {
        let message = self.messages.remove(&id)?;
        if let Some(order) = self.channel_order.get_mut(&message.channel_id) {
            order.retain(|m| *m != id);
        }
        Some(message)
    }

    /// Messages of a channel in order.
    pub(crate) fn channel_messages(&self, channel_id: u64) -> Vec<Message> {
        self.channel_order
            .get(&channel_id)
            .into_iter()
            .flatten()
            .filter_map(|id| self.messages.get(id).cloned())
            .collect()
    }

    /// The interaction with this webhook token.
    pub(crate) fn interaction_by_token(&mut self, token: &str) -> Option<&mut InteractionRecord> {
        self.interactions.values_mut().find(|i| i.token == token)
    }

    /// The user's display name, or the id if unknown.
    pub(crate) fn user_name(&self, id: u64, bot_id: u64, bot_name: &str) -> String {
        if id == bot_id {
            return bot_name.to_owned();
        }
        self.users.get(&id).map_or_else(|| id.to_string(), |u| u.name.clone())
    }
}

/// Immutable configuration plus the locked state and a change counter.
pub(crate) struct Shared {
    pub(crate) application_id: u64,
    pub(crate) bot_user_id: u64,
    pub(crate) bot_name: String,
    pub(crate) owner_id: u64,
    pub(crate) clock: Option<Clock>,
    /// How long an enforced nonce de-duplicates (sim clock).
    pub(crate) nonce_window: chrono::Duration,
    pub(crate) state: Mutex<State>,
    pub(crate) changed: watch::Sender<u64>,
    pub(crate) api_url: String,
    pub(crate) gateway_url: String,
    pub(crate) shutdown: watch::Sender<bool>,
    /// REST requests being handled right now, and the most at once.
    pub(crate) in_flight: AtomicUsize,
    pub(crate) max_in_flight: AtomicUsize,
    /// Set once violations were checked (by `finish`, `shutdown` or the last drop).
    pub(crate) finished: AtomicBool,
    #[cfg(feature = "openapi")]
    pub(crate) openapi: Option<crate::openapi::Validator>,
}

impl Shared {
    /// The sim clock's now.
    pub(crate) fn now(&self) -> DateTime<Utc> {
        self.clock.as_ref().map_or_else(Utc::now, |c| c())
    }

    /// Locks the state (recovering from poisoning: a panicking test thread must not hide the
    /// state from the others).
    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Wakes every waiter.
    pub(crate) fn notify(&self) {
        self.changed.send_modify(|v| *v = v.wrapping_add(1));
    }

    /// Runs `check` against the state until it returns `Some`, waking on every change, up to
    /// `timeout`.
    pub(crate) async fn wait_until<T>(
        &self,
        timeout: Duration,
        mut check: impl FnMut(&State) -> Option<T>,
    ) -> Option<T> {
        let mut rx = self.changed.subscribe();
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            rx.borrow_and_update();
            if let Some(found) = check(&self.lock()) {
                return Some(found);
            }
            if tokio::time::timeout_at(deadline, rx.changed()).await.is_err() {
                return check(&self.lock());
            }
        }
    }
}
