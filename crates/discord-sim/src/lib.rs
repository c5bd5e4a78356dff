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
//! sim.assert_no_violations()?;
//! # Ok(()) }
//! ```
//!
//! Notes:
//! - The sim does not send `MESSAGE_CREATE` for the bot's own messages.
//! - Interaction answers later than Discord's 3 s deadline are accepted but recorded as a
//!   `late-callback` violation; answering twice is rejected (40060) and recorded.
//! - With the `openapi` feature and [`SimSpec::openapi_spec`] pointing to an existing file,
//!   request bodies (and the sim's own responses) are validated against Discord's OpenAPI
//!   document; without the file validation is skipped silently.

#![recursion_limit = "256"]

mod actor;
mod faults;
mod gateway;
mod interactions;
mod model;
#[cfg(feature = "openapi")]
pub mod openapi;
mod options;
mod payloads;
mod rest;
mod sim;
mod spec;
mod state;
mod transcript;

pub use actor::Actor;
pub use faults::{Fault, FaultKind, RouteMatch};
pub use gateway::check_event;
pub use model::{Attachment, Choice, Message, Modal, ModalField, Reply, ReplyKind, RequestRecord, Violation};
pub use sim::Sim;
pub use spec::{
    ChannelSpec, Clock, GuildSpec, Membership, RoleSpec, SimSpec, UserSpec, EVERYONE_PERMISSIONS, MANAGE_GUILD,
};
pub use transcript::{relative, timestamp};
