//! Steady delivery among a large queue: `rate` DMs due every second (agenda requests for newly
//! booked sessions, each to a different mentee while there are enough) among the program's
//! million future jobs, delivered by a runner on the system clock through the simulated Discord.

use std::{collections::HashMap, sync::Arc, time::Duration as StdDuration};

use chrono::{DateTime, Duration, Utc};
use discord_sim::{Sim, SimSpec, UserSpec};
use mentor_bot::{
    app::App,
    clock::{SharedClock, SystemClock},
    domain::{ids::GuildId, jobs::JobKind, settings::Timings},
    scheduler::Scheduler,
    store::Store,
};

use crate::common::{
    book, config_for, due_at, latency, mark, notifier, percentile, runner_settings, sorted, traffic_since, wait_until,
    warm_dm_channels, Pair, Traffic,
};

pub struct SteadyFigures {
    pub dms: usize,
    pub rate: usize,
    pub future_jobs: i64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    pub traffic: Traffic,
    pub max_in_flight: usize,
}

/// Runs `seconds` of `rate` due DMs a second against the populated program in `store`.
pub async fn run(
    store: &Store,
    guild: GuildId,
    pairs: &[Pair],
    timings: &Timings,
    rate: usize,
    seconds: usize,
) -> SteadyFigures {
    let n = rate * seconds;
    let recipients: Vec<&Pair> = (0..n).map(|i| &pairs[i % pairs.len()]).collect();
    let mut spec = SimSpec::empty();
    let mut users: Vec<_> = recipients.iter().map(|p| p.mentee.id).collect();
    users.sort_unstable();
    users.dedup();
    for u in &users {
        spec = spec.user(UserSpec::new(u.0, format!("mentee {u}")));
    }
    let (min, max) = latency();
    let sim = Sim::start(spec.latency(min, max).discord_limits()).await.unwrap();
    let config = Arc::new(config_for(&sim, "sqlite::memory:"));
    warm_dm_channels(&sim, store, &users).await;
    let future_jobs: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM jobs WHERE state = 'pending'").fetch_one(store.pool()).await.unwrap();

    // Due times are whole seconds, as every job's are: `rate` jobs share each second.
    let now = Utc::now();
    let t0 = DateTime::from_timestamp(now.timestamp() + 5, 0).unwrap();
    let mut tx = store.begin().await.unwrap();
    let mut due: HashMap<u64, Vec<DateTime<Utc>>> = HashMap::new();
    for (i, pair) in recipients.iter().enumerate() {
        let at = t0 + Duration::seconds((i / rate) as i64);
        let start = now + Duration::days(160) + Duration::hours(i as i64);
        book(store, &mut tx, guild, pair, start, timings, now, &due_at(JobKind::AgendaRequest, at)).await;
        due.entry(pair.mentee.id.0).or_default().push(at);
    }
    tx.commit().await.unwrap();

    let clock: SharedClock = Arc::new(SystemClock);
    let app = App::new(store.clone(), clock, config.clone()).unwrap();
    let before = mark(&sim);
    let runner = Scheduler::new(app, notifier(&config), runner_settings(&config)).spawn();
    let all = wait_until(StdDuration::from_secs(seconds as u64 + 120), async || sim.sent_count() >= n).await;
    runner.shutdown().await;
    assert!(all, "steady: only {} of {n} DMs arrived", sim.sent_count());
    let mut lateness = Vec::with_capacity(n);
    for (user, dues) in &due {
        let mut dues = dues.clone();
        dues.sort();
        for (m, d) in sim.dms(*user).iter().zip(&dues) {
            lateness.push((m.timestamp - *d).num_milliseconds() as f64);
        }
    }
    let lateness = sorted(lateness);
    let figures = SteadyFigures {
        dms: lateness.len(),
        rate,
        future_jobs,
        p50_ms: percentile(&lateness, 0.5),
        p99_ms: percentile(&lateness, 0.99),
        max_ms: lateness.last().copied().unwrap_or(f64::NAN),
        traffic: traffic_since(&sim, before),
        max_in_flight: sim.max_in_flight(),
    };
    println!(
        "  steady: {} DMs at {rate}/s among {future_jobs} pending jobs: lateness p50 {:.0} ms, p99 {:.0} ms, max {:.0} ms",
        figures.dms, figures.p50_ms, figures.p99_ms, figures.max_ms
    );
    let violations = sim.take_violations();
    if !violations.is_empty() {
        println!("  sim violations: {}", violations.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "));
    }
    sim.shutdown();
    figures
}
