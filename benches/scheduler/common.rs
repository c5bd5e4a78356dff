//! What every part of the benchmark shares: sizes from the environment, building a program from
//! real rows through the store (members, pairings, booked sessions, action items and the jobs the
//! planner derives from them), warming the DM channel cache, and reading figures off the sim.

use std::{
    sync::Arc,
    time::{Duration as StdDuration, Instant},
};

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use discord_sim::{RequestRecord, Sim};
use mentor_bot::{
    config::{Config, Token},
    domain::{
        ids::{ChannelId, GuildId, UserId},
        jobs::{plan_action, plan_session, ActionDue, JobKind, PlannedJob, Recipient},
        member::{Member, Role},
        pairing::Pairing,
        program::Program,
        settings::{Overrides, Timings},
    },
    notify::{DiscordNotifier, DiscordRest, Notifier},
    runtime::rest_client,
    scheduler::RunnerSettings,
    store::{NewAction, NewSession, Store},
};

pub const BERLIN: Tz = chrono_tz::Europe::Berlin;
pub const NEW_YORK: Tz = chrono_tz::America::New_York;

/// The backend the benchmark runs on: PostgreSQL when `MENTOR_BOT_TEST_POSTGRES` names a server
/// (every database is then a fresh one there, as in the tests), SQLite files otherwise.
pub fn backend() -> &'static str {
    match std::env::var(mentor_bot::testkit::TEST_POSTGRES) {
        Ok(s) if !s.is_empty() => "PostgreSQL",
        _ => "SQLite",
    }
}

/// Drops the PostgreSQL database of `url` (made for this run), if it is one.
pub async fn drop_if_postgres(url: &str) {
    use sqlx::{Connection as _, Executor as _};
    let Ok(server) = std::env::var(mentor_bot::testkit::TEST_POSTGRES) else { return };
    if !url.starts_with("postgres") {
        return;
    }
    let name = url.split('?').next().unwrap().rsplit('/').next().unwrap();
    let mut conn = sqlx::AnyConnection::connect(&server).await.unwrap();
    conn.execute(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))).await.unwrap();
    conn.close().await.ok();
}

pub fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.replace('_', "").parse().ok()).unwrap_or(default)
}

/// The sim's REST round trip in every delivery measurement.
pub fn latency() -> (StdDuration, StdDuration) {
    (StdDuration::from_millis(80), StdDuration::from_millis(120))
}

pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[idx.min(sorted.len() - 1)]
}

pub fn sorted(mut v: Vec<f64>) -> Vec<f64> {
    v.sort_by(f64::total_cmp);
    v
}

/// Peak resident set size of this process (`VmHWM`), in MiB.
pub fn peak_rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kib: f64 = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    kib / 1024.0
}

/// A configuration for `sim` with a database at `url` (defaults otherwise: 48 requests/s,
/// 32 deliveries in flight, batches of 200, a 2-minute lease).
pub fn config_for(sim: &Sim, url: &str) -> Config {
    let mut config = Config::defaults().unwrap();
    config.discord.api_url = sim.api_url();
    url.clone_into(&mut config.database.url);
    config
}

pub fn notifier(config: &Config) -> Arc<dyn Notifier> {
    Arc::new(DiscordNotifier::new(rest_client(config, &Token::new("bench"), Arc::default()).unwrap()))
}

pub fn runner_settings(config: &Config) -> RunnerSettings {
    RunnerSettings::from_config(&config.scheduler).unwrap()
}

/// Opens the DM channel of every user and stores it, as earlier deliveries would have, with the
/// sim's rate limits and latency off (the burst measures cached channels; a first contact costs
/// a second request). One request at a time, so the sim's in-flight maximum stays 1.
pub async fn warm_dm_channels(sim: &Sim, store: &Store, users: &[UserId]) {
    sim.set_rate_limits(false);
    sim.set_latency(None);
    let rest = DiscordRest::new(&sim.api_url(), "bench", 1_000_000, StdDuration::from_secs(10)).unwrap();
    let now = Utc::now();
    for user in users {
        let channel = rest.open_dm(*user).await.unwrap();
        store.save_dm_channel(*user, channel.0, now).await.unwrap();
    }
    let (min, max) = latency();
    sim.set_latency(Some((min, max)));
    sim.set_rate_limits(true);
}

/// What the sim saw during one phase.
#[derive(Debug, Default)]
pub struct Traffic {
    pub requests: usize,
    pub posts: usize,
    pub dm_opens: usize,
    pub history_reads: usize,
    pub global_429: usize,
    pub bucket_429: usize,
    pub peak_per_second: usize,
}

/// Marks where a phase starts in the sim's records.
#[derive(Debug, Clone, Copy)]
pub struct Mark {
    requests: usize,
    hits: usize,
}

pub fn mark(sim: &Sim) -> Mark {
    Mark { requests: sim.requests().len(), hits: sim.rate_limit_hits().len() }
}

/// The most requests within any one second among `records` (by the sim's time of handling).
fn peak(records: &[RequestRecord]) -> usize {
    let mut at: Vec<DateTime<Utc>> = records.iter().map(|r| r.at).collect();
    at.sort();
    let mut best = 0;
    let mut start = 0;
    for end in 0..at.len() {
        while at[end] - at[start] >= Duration::seconds(1) {
            start += 1;
        }
        best = best.max(end - start + 1);
    }
    best
}

pub fn traffic_since(sim: &Sim, mark: Mark) -> Traffic {
    let records = sim.requests();
    let records = &records[mark.requests..];
    let hits = sim.rate_limit_hits();
    let hits = &hits[mark.hits..];
    let count =
        |method: &str, f: &dyn Fn(&str) -> bool| records.iter().filter(|r| r.method == method && f(&r.path)).count();
    Traffic {
        requests: records.len(),
        posts: count("POST", &|p| p.ends_with("/messages")),
        dm_opens: count("POST", &|p| p.ends_with("/users/@me/channels")),
        history_reads: count("GET", &|p| p.ends_with("/messages")),
        global_429: hits.iter().filter(|h| h.global && !h.injected).count(),
        bucket_429: hits.iter().filter(|h| !h.global && !h.injected).count(),
        peak_per_second: peak(records),
    }
}

/// Waits until `done` holds, checking every 50 ms; false on timeout.
pub async fn wait_until(limit: StdDuration, mut done: impl AsyncFnMut() -> bool) -> bool {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if done().await {
            return true;
        }
        tokio::time::sleep(StdDuration::from_millis(50)).await;
    }
    false
}

/// One pairing of a populated program.
#[derive(Debug, Clone)]
pub struct Pair {
    pub pairing: Pairing,
    pub mentor: Recipient,
    pub mentee: Recipient,
}

/// Creates the program of `guild` (Berlin) if missing.
pub async fn ensure_program(store: &Store, guild: GuildId, channel: u64, now: DateTime<Utc>) -> Program {
    if let Some(p) = store.program(guild).await.unwrap() {
        return p;
    }
    let program = Program {
        guild_id: guild,
        channel_id: ChannelId(channel),
        zone: BERLIN,
        overrides: Overrides::default(),
        coordinator_role: None,
        retain_ended: None,
    };
    let mut tx = store.begin().await.unwrap();
    store.upsert_program(&mut tx, &program, now).await.unwrap();
    tx.commit().await.unwrap();
    program
}

/// Adds `n` mentors (New York) and `n` mentees (Berlin) with ids `mentor_base + i` and
/// `mentee_base + i`, and pairs mentor i with mentee i.
pub async fn add_pairs(
    store: &Store,
    guild: GuildId,
    n: usize,
    mentor_base: u64,
    mentee_base: u64,
    now: DateTime<Utc>,
) -> Vec<Pair> {
    for i in 0..n as u64 {
        for (id, role, zone, name) in
            [(mentor_base + i, Role::Mentor, NEW_YORK, "Mentor"), (mentee_base + i, Role::Mentee, BERLIN, "Mentee")]
        {
            let member = Member {
                guild_id: guild,
                user_id: UserId(id),
                role,
                zone: Some(zone),
                display_name: format!("{name} {i}"),
                active: true,
            };
            store.upsert_member(&member, now).await.unwrap();
        }
    }
    let mut pairs = Vec::with_capacity(n);
    for chunk in (0..n as u64).collect::<Vec<_>>().chunks(500) {
        let mut tx = store.begin().await.unwrap();
        for i in chunk {
            let (mentor, mentee) = (UserId(mentor_base + i), UserId(mentee_base + i));
            let pairing = store.create_pairing(&mut tx, guild, mentor, mentee, now).await.unwrap();
            pairs.push(Pair {
                pairing,
                mentor: Recipient { id: mentor, zone: NEW_YORK },
                mentee: Recipient { id: mentee, zone: BERLIN },
            });
        }
        tx.commit().await.unwrap();
    }
    pairs
}

/// What to do with the jobs the planner derives for a new row.
pub type Adjust<'a> = &'a dyn Fn(&mut PlannedJob);

/// Books a session of `pair` at `start` and plans the jobs the planner derives from it (through
/// `adjust`, which may move one job's due time); returns the jobs.
#[allow(clippy::too_many_arguments)]
pub async fn book(
    store: &Store,
    tx: &mut mentor_bot::store::Tx,
    guild: GuildId,
    pair: &Pair,
    start: DateTime<Utc>,
    timings: &Timings,
    now: DateTime<Utc>,
    adjust: Adjust<'_>,
) -> Vec<PlannedJob> {
    let new = NewSession {
        pairing_id: pair.pairing.id,
        starts_at: start,
        duration_minutes: 60,
        topic: Some("Career goals"),
        booked_by: pair.mentee.id,
        series: None,
    };
    let session = store.insert_session(tx, &new, now).await.unwrap();
    let mut jobs = plan_session(&session, pair.mentor, pair.mentee, timings, now);
    jobs.iter_mut().for_each(adjust);
    store.plan_jobs(tx, guild, &jobs, now).await.unwrap();
    jobs
}

/// Adds an open action item owned by `owner` (one of the pair) with `deadline`, and plans its
/// reminders (through `adjust`).
#[allow(clippy::too_many_arguments)]
pub async fn add_action(
    store: &Store,
    tx: &mut mentor_bot::store::Tx,
    guild: GuildId,
    pair: &Pair,
    owner: Recipient,
    deadline: DateTime<Utc>,
    timings: &Timings,
    now: DateTime<Utc>,
    adjust: Adjust<'_>,
) -> Vec<PlannedJob> {
    let new = NewAction {
        pairing_id: pair.pairing.id,
        title: "Draft the design doc for the caching layer",
        owner: owner.id,
        deadline,
        success: Some("Reviewed by the team"),
        session_id: None,
        goal_id: None,
        created_by: pair.mentee.id,
    };
    let item = store.insert_action(tx, &new, now).await.unwrap();
    let due = ActionDue { action_id: item.id, revision: item.revision, deadline: item.deadline_at, owner };
    let mut jobs = plan_action(&due, timings, now);
    jobs.iter_mut().for_each(adjust);
    store.plan_jobs(tx, guild, &jobs, now).await.unwrap();
    jobs
}

/// Leaves every job as the planner made it.
pub fn keep(_: &mut PlannedJob) {}

/// Makes the job of `kind` due at `at` (as first planned then), leaving the others alone.
pub fn due_at(kind: JobKind, at: DateTime<Utc>) -> impl Fn(&mut PlannedJob) {
    move |j: &mut PlannedJob| {
        if j.kind == kind {
            j.due_at = at;
        }
    }
}

/// The program used for command latency and steady lateness: `pairs` pairings (two members
/// each), 20 booked sessions a pairing (weekly, from two days ahead) and 20 open action items
/// a pairing, with every job the planner derives (8 a session, 2 an item: 200 a pairing).
pub async fn populate(store: &Store, guild: GuildId, timings: &Timings, pairs: usize, now: DateTime<Utc>) -> Vec<Pair> {
    let started = Instant::now();
    let all = add_pairs(store, guild, pairs, 700_000_000_000_000_000, 710_000_000_000_000_000, now).await;
    for chunk in all.chunks(25) {
        let mut tx = store.begin().await.unwrap();
        for (i, pair) in chunk.iter().enumerate() {
            let hour = Duration::hours((i % 10) as i64 + 8);
            for week in 0..20 {
                let start = now + Duration::days(2 + 7 * week) + hour;
                book(store, &mut tx, guild, pair, start, timings, now, &keep).await;
                let owner = if week % 2 == 0 { pair.mentee } else { pair.mentor };
                add_action(store, &mut tx, guild, pair, owner, start + Duration::days(5), timings, now, &keep).await;
            }
        }
        tx.commit().await.unwrap();
    }
    let jobs: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM jobs").fetch_one(store.pool()).await.unwrap();
    let sessions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions").fetch_one(store.pool()).await.unwrap();
    let members: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM members").fetch_one(store.pool()).await.unwrap();
    println!(
        "  populated: {members} members, {} pairings, {sessions} sessions, {jobs} jobs in {:.0} s",
        all.len(),
        started.elapsed().as_secs_f64()
    );
    all
}
