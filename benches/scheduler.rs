//! Scheduler figures for the README (not a test; run with `cargo bench --bench scheduler`):
//! claiming and marking 10,000 due jobs among 1,000,000 future ones with a no-op sender, finding
//! the next due job, the runner's idle CPU, and delivery lateness against the simulated Discord.
//!
//! `BENCH_FUTURE_JOBS` (default 1000000) and `BENCH_IDLE_SECS` (default 60) shrink a run.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap,
    clippy::cast_sign_loss
)] // a measuring program, not library code

use std::{
    sync::Arc,
    time::{Duration as StdDuration, Instant},
};

use chrono::{DateTime, Duration, Utc};
use discord_sim::{ChannelSpec, GuildSpec, Sim, SimSpec};
use mentor_bot::{
    app::App,
    clock::{SharedClock, SystemClock},
    config::{Config, Token},
    domain::{
        ids::{ChannelId, GuildId, UserId},
        jobs::{JobKind, PlannedJob, Subject},
    },
    notify::{DeliveryError, DiscordNotifier, Notifier, Outgoing, PostedMessage},
    runtime::rest_client,
    scheduler::{RunnerSettings, Scheduler},
    store::Store,
};

const GUILD: u64 = 1;
const CHANNEL: u64 = 900_000_000_000_000_101;

#[derive(Debug)]
struct NoopNotifier;

#[async_trait::async_trait]
impl Notifier for NoopNotifier {
    async fn open_dm(&self, to: UserId) -> Result<ChannelId, DeliveryError> {
        Ok(ChannelId(to.0))
    }
    async fn post(&self, _c: ChannelId, _m: &Outgoing) -> Result<u64, DeliveryError> {
        Ok(1)
    }
    async fn recent(&self, _c: ChannelId) -> Result<Vec<PostedMessage>, DeliveryError> {
        Ok(Vec::new())
    }
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn fallback_job(i: usize, due: DateTime<Utc>) -> PlannedJob {
    PlannedJob {
        kind: JobKind::DmFallback,
        subject: Subject::Program,
        recipient: Some(UserId(800_000_000_000_000_000 + i as u64)),
        channel: Some(CHANNEL),
        due_at: due,
        dedupe_key: format!("bench:{i}:{}", due.timestamp()),
        payload: None,
    }
}

async fn plan(store: &Store, jobs: &[PlannedJob], now: DateTime<Utc>) {
    for chunk in jobs.chunks(50_000) {
        let mut tx = store.begin().await.unwrap();
        store.plan_jobs(&mut tx, GuildId(GUILD), chunk, now).await.unwrap();
        tx.commit().await.unwrap();
    }
}

fn settings() -> RunnerSettings {
    RunnerSettings {
        batch_size: 200,
        lease: Duration::minutes(2),
        retry_base: Duration::seconds(30),
        retry_max: Duration::hours(1),
        max_in_flight: 32,
        prune_after: Duration::days(90),
    }
}

fn cpu_seconds() -> f64 {
    // utime + stime of this process, in clock ticks (100 per second on Linux).
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or_default().split_whitespace().collect();
    let ticks: u64 = fields.get(11).and_then(|v| v.parse().ok()).unwrap_or(0)
        + fields.get(12).and_then(|v| v.parse().ok()).unwrap_or(0);
    ticks as f64 / 100.0
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[idx.min(sorted.len() - 1)]
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config::defaults().unwrap();
    config.database.url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let store = Store::open(&config.database.url, 4).await.unwrap();
    let now = Utc::now();
    let future_n = env_usize("BENCH_FUTURE_JOBS", 1_000_000);

    let started = Instant::now();
    let future: Vec<_> =
        (0..future_n).map(|i| fallback_job(i, now + Duration::days(1) + Duration::seconds(i as i64))).collect();
    plan(&store, &future, now).await;
    let due: Vec<_> = (0..10_000).map(|i| fallback_job(future_n + i, now - Duration::seconds(1))).collect();
    plan(&store, &due, now).await;
    println!("setup: planned {future_n} future + 10000 due jobs in {:.1} s", started.elapsed().as_secs_f64());

    // 1. Claim and mark 10,000 due jobs with a no-op sender.
    let clock: SharedClock = Arc::new(SystemClock);
    let app = App::new(store.clone(), clock.clone(), Arc::new(config.clone())).unwrap();
    let scheduler = Scheduler::new(app.clone(), Arc::new(NoopNotifier), settings());
    let started = Instant::now();
    let mut total = 0;
    loop {
        let n = scheduler.run_once().await.unwrap();
        if n == 0 {
            break;
        }
        total += n;
    }
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "claim+mark: {total} due jobs among {future_n} future in {elapsed:.2} s ({:.0} jobs/s)",
        total as f64 / elapsed
    );

    // 2. Find the next due job.
    let rounds = 1000;
    let started = Instant::now();
    for _ in 0..rounds {
        store.next_job_wakeup().await.unwrap();
    }
    println!(
        "next due job: {:.1} µs per lookup ({rounds} lookups)",
        started.elapsed().as_secs_f64() * 1e6 / f64::from(rounds)
    );

    // 3. Idle CPU of the runner (everything due tomorrow).
    let idle_secs = env_usize("BENCH_IDLE_SECS", 60) as u64;
    let handle = Scheduler::new(app.clone(), Arc::new(NoopNotifier), settings()).spawn();
    tokio::time::sleep(StdDuration::from_millis(500)).await;
    let cpu0 = cpu_seconds();
    tokio::time::sleep(StdDuration::from_secs(idle_secs)).await;
    let cpu = cpu_seconds() - cpu0;
    println!("idle: {cpu:.2} s CPU over {idle_secs} s ({:.3} %)", cpu * 100.0 / idle_secs as f64);
    handle.shutdown().await;

    // 4. Delivery lateness with the real sender against the simulated Discord.
    let sim = Sim::start(
        SimSpec::empty().guild(GuildSpec::new(GUILD, "Bench").channel(ChannelSpec::new(CHANNEL, "general"))),
    )
    .await
    .unwrap();
    config.discord.api_url = sim.api_url();
    let notifier: Arc<dyn Notifier> =
        Arc::new(DiscordNotifier::new(rest_client(&config, &Token::new("bench")).unwrap()));
    let lateness_dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", lateness_dir.path().join("lateness.db").display());
    let store = Store::open(&url, 4).await.unwrap();
    for (label, count, spread_ms) in [("steady 20 jobs/s", 300_usize, 15_000_i64), ("burst of 400 due at once", 400, 0)]
    {
        // Due times are stored in whole seconds, as every job's are.
        let base = DateTime::from_timestamp(Utc::now().timestamp() + 3, 0).unwrap();
        let jobs: Vec<_> = (0..count)
            .map(|i| fallback_job(10_000_000 + i, base + Duration::milliseconds(spread_ms * i as i64 / count as i64)))
            .map(|mut j| {
                j.due_at = DateTime::from_timestamp(j.due_at.timestamp(), 0).unwrap();
                j
            })
            .collect();
        plan(&store, &jobs, Utc::now()).await;
        let app = App::new(store.clone(), clock.clone(), Arc::new(config.clone())).unwrap();
        let before = sim.channel_messages(CHANNEL).len();
        let handle = Scheduler::new(app, notifier.clone(), settings()).spawn();
        let deadline = Instant::now() + StdDuration::from_mins(2);
        while sim.channel_messages(CHANNEL).len() < before + count && Instant::now() < deadline {
            tokio::time::sleep(StdDuration::from_millis(100)).await;
        }
        handle.shutdown().await;
        let pending = store.pending_jobs(GuildId(GUILD)).await.unwrap();
        let msgs = sim.channel_messages(CHANNEL);
        // Message i of this round carries the nonce of job i; jobs were planned in due order.
        let mut lateness: Vec<f64> = msgs[before..]
            .iter()
            .zip(jobs.iter())
            .map(|(m, j)| (m.timestamp - j.due_at).num_milliseconds() as f64)
            .collect();
        lateness.sort_by(f64::total_cmp);
        println!(
            "lateness, {label}: {} sent, {} pending, p50 {:.0} ms, p99 {:.0} ms, max {:.0} ms",
            lateness.len(),
            pending.len(),
            percentile(&lateness, 0.5),
            percentile(&lateness, 0.99),
            lateness.last().copied().unwrap_or_default()
        );
    }
    sim.shutdown();
}
