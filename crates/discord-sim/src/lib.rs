//! `discord-sim`: a simulated Discord (gateway v10 + a REST subset) for testing a real
//! serenity 0.12 / poise 0.7 bot without a network.
//!
//! The sim serves REST on `http://127.0.0.1:PORT/api/v10/...` and the gateway on a separate
//! `ws://127.0.0.1:PORT`. Simulated users ([`Actor`]s) run slash commands, press buttons and
//! submit modals; the sim sends the interactions over the gateway and waits for the bot's answer.
//! Every gateway payload is checked against serenity's model first (a dispatch serenity cannot
//! read would otherwise become `Event::Unknown` and the test would hang); problems are recorded
//! as [`Violation`]s.
//!
//! ```no_run
//! # async fn demo() -> anyhow::Result<()> {
//! use std::time::Duration;
//! use discord_sim::{Sim, SimSpec, UserSpec};
//! use serenity::all::{ClientBuilder, GatewayIntents, HttpBuilder};
//!
//! let spec = SimSpec::default().user(UserSpec::new(42, "Mia"));
//! let sim = Sim::start(spec).await?;
//! let http = HttpBuilder::new("Bot sim-token")
//!     .proxy(sim.api_url())          // REST goes to the sim, `/api/v10/...` kept
//!     .ratelimiter_disabled(true)    // serenity's rate limiter ignores the proxy
//!     .build();
//! # let framework: poise::Framework<(), anyhow::Error> = todo!();
//! let mut client = ClientBuilder::new_with_http(http, GatewayIntents::non_privileged())
//!     .framework(framework)
//!     .await?;
//! tokio::spawn(async move { client.start().await });
//! sim.wait_ready(Duration::from_secs(10)).await?;          // identified + commands registered
//!
//! let mia = sim.actor(42);
//! let reply = mia.slash("ping", &[]).await?;                // typed by the registered definition
//! assert!(reply.text().contains("pong"));
//! println!("{}", sim.transcript());
//! sim.finish()?;                                          // fails on untaken violations
//! # Ok(()) }
//! ```
//!
//! The sim is as strict as Discord, so a bot that passes here holds against the real thing:
//! - **Violations are fatal.** Whatever the bot does wrong is recorded as a [`Violation`]; when
//!   the last [`Sim`] handle is dropped (or on [`Sim::shutdown`]) any violation nobody took with
//!   [`Sim::take_violations`] panics with the list; [`Sim::finish`] returns it as an error
//!   instead. Kinds: `gateway-event`, `unknown-route`, `bad-request`, `openapi-request`,
//!   `openapi-response`, `double-response`, `late-callback`, `expired-token`, `limit`,
//!   `rate-limit`, `retry-too-early`, `bad-callback`, `edit-before-callback`,
//!   `followup-before-callback`, `fault`.
//! - **The 3-second deadline.** An initial interaction callback arriving more than 3 s (real
//!   time) after the interaction was sent is answered 404 `10062 Unknown interaction`, applied
//!   nowhere, and the waiting [`Actor`] fails with "This interaction failed". Answering twice is
//!   rejected with 40060. Interaction tokens expire 15 minutes after the interaction (the later
//!   of real and sim-clock time): webhook calls then answer 401 `50027`.
//! - **Message limits** (always on): content ≤ 2000 characters, ≤ 10 embeds and ≤ 6000 embed
//!   characters, per-field embed limits, ≤ 5 rows of ≤ 5 components, labels, custom ids,
//!   nonces, modal and autocomplete limits. A breach answers 400 `50035 Invalid Form Body`
//!   naming the field; an empty message answers `50006`. Both create nothing.
//! - **Rate limits** (with [`SimSpec::discord_limits`] / [`Sim::set_rate_limits`]): 50 requests
//!   per second globally (or what [`SimSpec::global_limit`] grants; interaction callbacks and
//!   webhooks exempt), 5 per 5 s per channel for
//!   posts, 50 per second per other route (opening DMs included); answers carry
//!   `X-RateLimit-*` headers and 429s carry Discord's body and headers. Every 429 is in
//!   [`Sim::rate_limit_hits`]; a real one is a `rate-limit` violation; retrying a 429'd bucket
//!   before its `retry_after` is a `retry-too-early` violation.
//! - **Flaky Discord:** [`SimSpec::latency`], outages ([`Sim::begin_outage`],
//!   [`Sim::outage_until`]), injected faults ([`Sim::inject_fault`]: errors, 429s, timeouts,
//!   hangs) and seeded [`Sim::random_faults`].
//! - **Guild removal:** [`Sim::remove_bot_from_guild`] sends `GUILD_DELETE`; the guild's
//!   channels then answer 403 `50001 Missing Access` until [`Sim::add_bot_to_guild`].
//! - **Shards.** Several sessions of the one token can be connected at once, each sending
//!   IDENTIFY as shard `[id, total]` (none given: `[0, 1]`). A guild belongs to shard
//!   [`shard_of`]`(guild_id, total)`; READY (which carries `shard`) lists only that shard's guilds,
//!   and `GUILD_CREATE`s, guild events and a guild's interactions go only to the session owning
//!   it; DM interactions go to shard 0. An invalid shard (`id >= total`, `total < 1`) is refused
//!   with close code 4010. [`Sim::sessions`] and [`Sim::interaction_shards`] tell a test which
//!   session got what.
//! - The sim does not send `MESSAGE_CREATE` for the bot's own messages; message objects carry
//!   `nonce` only in the create answer; enforced nonces de-duplicate for
//!   [`SimSpec::nonce_window`] (sim clock) until [`Sim::forget_nonces`].
//! - With the `openapi` feature and [`SimSpec::openapi_spec`] pointing to an existing file,
//!   request bodies (and the sim's own responses) are validated against Discord's OpenAPI
//!   document. A missing file skips validation, unless [`SimSpec::require_openapi`] is set or
//!   the environment variable `CI` is set: then [`Sim::start`] fails.

#![recursion_limit = "256"]

mod actor;
mod controls;
mod faults;
mod gateway;
mod interactions;
mod limits;
mod model;
#[cfg(feature = "openapi")]
pub mod openapi;
mod options;
mod payloads;
mod ratelimit;
mod rest;
mod sim;
mod spec;
mod state;
mod transcript;

pub use actor::Actor;
pub use faults::{Fault, FaultKind, RouteMatch};
pub use gateway::{check_event, INVALID_SHARD};
pub use model::{
    Attachment, Choice, GatewaySession, Message, Modal, ModalField, Reply, ReplyKind, RequestRecord, Violation,
};
pub use ratelimit::RateLimitHit;
pub use sim::Sim;
pub use spec::{
    ChannelSpec, Clock, GuildSpec, Membership, RoleSpec, SimSpec, UserSpec, EVERYONE_PERMISSIONS, MANAGE_GUILD,
};
pub use transcript::{relative, timestamp};

/// The shard that owns `guild_id` when a bot runs `total` shards: Discord's
/// `(guild_id >> 22) % total` (0 when `total` is 0).
pub fn shard_of(guild_id: u64, total: u32) -> u32 {
    if total == 0 {
        return 0;
    }
    u32::try_from((guild_id >> 22) % u64::from(total)).unwrap_or(0)
}
