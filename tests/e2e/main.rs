//! The end-to-end suite as one test binary (one link instead of one per feature; the load test
//! in `tests/delivery_load.rs` has the machine to itself): each module
//! starts the real bot against the simulated Discord with a fresh database and a manual clock.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

mod common;
mod confirm;

mod actions;
mod agendas;
mod attendance;
mod availability;
mod binary;
mod booking;
mod delivery;
mod delivery_world;
mod ended;
mod forms;
mod free_times;
mod fuzz_commands;
mod goals;
mod hardening;
mod jobs_queue;
mod locales;
mod matching;
mod membership;
mod native;
mod notes;
mod operations;
mod pairing;
mod privacy;
mod program;
mod program_report;
mod program_scheduler;
mod program_shape;
mod reminders;
mod scale_out;
mod scheduler;
mod schema;
mod series;
mod shards;
