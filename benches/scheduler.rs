//! Scheduler and command figures for the README (not a test; run with
//! `cargo bench --bench scheduler`). Everything runs against the simulated Discord with Discord's
//! rate limits on (global 50/s, 5 messages per 5 s per channel, 429s with `retry_after`) and, for
//! deliveries, a REST round trip of 80–120 ms; every message is a real job kind rendered from real
//! rows (booked sessions, open action items) to a distinct person:
//!
//! 1. burst: `BENCH_BURST` (1000) DMs due at once, DM channels cached beforehand (as earlier
//!    deliveries leave them; opened with the sim's limits off): drain rate, requests per DM, 429s,
//!    peak requests in any second, most requests in flight;
//! 2. crash: `BENCH_CRASH` (200) due jobs claimed and sent by a runner that records nothing, the
//!    sim's nonces forgotten, a fresh runner after the lease: time until all are marked sent, and
//!    duplicates (DMs per person);
//! 3. command latency (p50/p99 through the real bot and the testkit's `World`) of `/program status`,
//!    `/sessions`, `/profile` and `/book` on an empty program, then on a large one
//!    (`BENCH_FUTURE_JOBS` (1000000) jobs: 10,000 members, 100,000 sessions, 100,000 action items);
//! 4. steady: `BENCH_RATE` (20) DMs due per second for `BENCH_STEADY_SECS` (60) among the large
//!    program's jobs, on the system clock: lateness p50/p99 (the sim's message time minus the due
//!    time);
//! 5. peak RSS of the process.
//!
//! `BENCH_COMMAND_SAMPLES` (100) is the number of timed runs of each command. The store is SQLite,
//! or PostgreSQL when `MENTOR_BOT_TEST_POSTGRES` names a server (each part then gets a fresh
//! database there, as the tests do, dropped at the end).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap,
    clippy::cast_sign_loss,
    clippy::too_many_lines
)] // a measuring program, not library code

#[path = "scheduler/burst.rs"]
mod burst;
#[path = "scheduler/commands.rs"]
mod commands;
#[path = "scheduler/common.rs"]
mod common;
#[path = "scheduler/steady.rs"]
mod steady;

use std::time::Instant;

use chrono::{DurationRound as _, TimeDelta, Utc};
use mentor_bot::{clock::Clock as _, domain::ids::GuildId, testkit::cast::GUILD};

use crate::{
    commands::{CommandFigures, Latency},
    common::{env_usize, peak_rss_mib},
};

fn ratio(big: Latency, empty: Latency) -> String {
    format!("×{:.1}", big.p99 / empty.p99)
}

fn line(name: &str, empty: Latency, big: Latency) -> String {
    format!(
        "| `{name}` | {:.1} / {:.1} ms | {:.1} / {:.1} ms | {} | ≤ ×2 |",
        empty.p50,
        empty.p99,
        big.p50,
        big.p99,
        ratio(big, empty)
    )
}

fn commands_table(empty: &CommandFigures, big: &CommandFigures) -> Vec<String> {
    vec![
        line("/program status", empty.status, big.status),
        line("/sessions", empty.sessions, big.sessions),
        line("/profile", empty.profile, big.profile),
        line("/book", empty.book, big.book),
    ]
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let started = Instant::now();
    let burst_n = env_usize("BENCH_BURST", 1000);
    let crash_n = env_usize("BENCH_CRASH", 200);
    let future_jobs = env_usize("BENCH_FUTURE_JOBS", 1_000_000);
    let rate = env_usize("BENCH_RATE", 20);
    let steady_secs = env_usize("BENCH_STEADY_SECS", 60);
    let samples = env_usize("BENCH_COMMAND_SAMPLES", 100);

    println!("backend: {}", common::backend());
    println!("burst and crash ({burst_n} DMs, {crash_n} in flight)");
    let (burst, crash) = burst::run(burst_n, crash_n).await;

    println!("commands on an empty program ({samples} runs each)");
    let start = Utc::now().duration_trunc(TimeDelta::minutes(1)).unwrap();
    let w = commands::cast_world(start).await;
    let empty = commands::measure(&w, samples).await;
    let url = w.store.url().to_owned();
    if let Err(e) = w.finish().await {
        println!("  sim violations: {e:#}");
    }
    common::drop_if_postgres(&url).await;

    println!("large program ({future_jobs} jobs)");
    let w = commands::cast_world(start).await;
    let guild = GuildId(GUILD);
    let program = w.store.program(guild).await.unwrap().unwrap();
    let timings = w.bot.app.timings(&program).unwrap();
    let pairs = common::populate(&w.store, guild, &timings, (future_jobs / 200).max(1), w.clock.now()).await;
    let steady = steady::run(&w.store, guild, &pairs, &timings, rate, steady_secs).await;
    println!("commands on the large program ({samples} runs each)");
    let big = commands::measure(&w, samples).await;
    let url = w.store.url().to_owned();
    if let Err(e) = w.finish().await {
        println!("  sim violations: {e:#}");
    }
    common::drop_if_postgres(&url).await;
    let rss = peak_rss_mib();
    let total = started.elapsed().as_secs_f64();

    let b = &burst.traffic;
    println!();
    println!("backend: {}", common::backend());
    println!("| Figure | Measured | Target |");
    println!("|---|---|---|");
    println!(
        "| Burst drain, {} DMs due at once (DM channels cached) | {:.1} DMs/s ({:.1} s to the last DM; all marked sent after {:.1} s) | ≥ 45 DMs/s |",
        burst.dms, burst.per_second, burst.seconds, burst.marked_seconds
    );
    println!(
        "| Requests per DM in the burst | {:.2} ({} requests: {} posts, {} DM opens) | 1 |",
        b.requests as f64 / burst.dms as f64,
        b.requests,
        b.posts,
        b.dm_opens
    );
    println!("| 429s in the burst (global / bucket) | {} / {} | 0 / 0 |", b.global_429, b.bucket_429);
    println!(
        "| Peak requests in any second / most in flight | {} / {} | ≤ 50 / — |",
        b.peak_per_second, burst.max_in_flight
    );
    println!(
        "| Steady lateness at {}/s among {} pending jobs (p50 / p99 / max) | {:.0} / {:.0} / {:.0} ms | p99 < 1 s |",
        steady.rate, steady.future_jobs, steady.p50_ms, steady.p99_ms, steady.max_ms
    );
    println!(
        "| Steady: 429s (global / bucket), peak requests in any second, most in flight | {} / {}, {}, {} | 0 / 0, ≤ 50 |",
        steady.traffic.global_429, steady.traffic.bucket_429, steady.traffic.peak_per_second, steady.max_in_flight
    );
    println!(
        "| Reconcile {} in-flight jobs after a crash | {:.1} s ({} history reads, {} posts; the crashed run took {:.1} s to send them) | — |",
        crash.jobs, crash.seconds, crash.traffic.history_reads, crash.traffic.posts, crash.crash_send_seconds
    );
    println!("| Duplicates / missing after the crash | {} / {} | 0 / 0 |", crash.duplicates, crash.missing);
    println!("| Peak RSS of the benchmark process | {rss:.0} MiB | — |");
    println!();
    println!("| Command | Empty program p50 / p99 | Large program p50 / p99 | p99 ratio | Target |");
    println!("|---|---|---|---|---|");
    for l in commands_table(&empty, &big) {
        println!("{l}");
    }
    println!();
    println!("whole run: {total:.0} s");
}
