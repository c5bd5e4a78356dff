//! mentor-bot: a Discord bot that runs structured mentoring programs.
//!
//! The binary (`src/main.rs`) is a thin CLI over this library. Data flows
//! `bot` (Discord glue) -> `app` (use cases) -> `domain` (pure rules) and `store` (SQL);
//! `render` says what messages say (below `bot` and `scheduler`), `notify` delivers them;
//! `clock` is the only source of time; `catalogue` holds every word a person reads.

pub mod app;
pub mod bot;
pub mod catalogue;
pub mod chart;
pub mod clock;
pub mod config;
#[cfg(feature = "sim")]
pub mod demo;
pub mod domain;
pub mod metrics;
pub mod notify;
pub mod ops;
pub mod render;
pub mod runtime;
pub mod scheduler;
pub mod store;
pub mod telemetry;
#[cfg(feature = "sim")]
pub mod testkit;
