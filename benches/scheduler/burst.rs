//! A burst of due DMs to distinct people, then a crash with jobs in flight and the restart that
//! reconciles them.

use std::{
    collections::HashMap,
    sync::Arc,
    time::{Duration as StdDuration, Instant},
};

use chrono::{Duration, Utc};
use discord_sim::{ChannelSpec, GuildSpec, Sim, SimSpec, UserSpec};
use mentor_bot::{
    app::App,
    clock::{ManualClock, SharedClock, SystemClock},
    domain::{ids::GuildId, jobs::JobKind},
    scheduler::{Outcome, Scheduler},
    store::Store,
};

use crate::common::{
    add_action, add_pairs, book, config_for, due_at, latency, mark, notifier, runner_settings, traffic_since,
    wait_until, warm_dm_channels, Traffic,
};

const GUILD: u64 = 1;
const CHANNEL: u64 = 900_000_000_000_000_101;

pub struct BurstFigures {
    pub dms: usize,
    pub seconds: f64,
    pub per_second: f64,
    pub marked_seconds: f64,
    pub traffic: Traffic,
    pub max_in_flight: usize,
}

pub struct CrashFigures {
    pub jobs: usize,
    pub crash_send_seconds: f64,
    pub seconds: f64,
    pub traffic: Traffic,
    pub duplicates: usize,
    pub missing: usize,
}

/// `n` due DMs (half agenda requests to mentees for sessions in three days, half deadline
/// reminders to their mentors for items due in two days), each to a different person, with DM
/// channels cached; then `crash_n` deadline reminders claimed, sent without recording, the
/// nonces forgotten and a fresh runner started after the lease.
pub async fn run(n: usize, crash_n: usize) -> (BurstFigures, CrashFigures) {
    let pairs_n = n.div_ceil(2).max(crash_n);
    let (mentor_base, mentee_base) = (600_000_000_000_000_000, 610_000_000_000_000_000);
    let mut spec = SimSpec::empty().guild(GuildSpec::new(GUILD, "Bench").channel(ChannelSpec::new(CHANNEL, "general")));
    for i in 0..pairs_n as u64 {
        spec = spec.user(UserSpec::new(mentor_base + i, format!("mentor{i}")));
        spec = spec.user(UserSpec::new(mentee_base + i, format!("mentee{i}")));
    }
    let (min, max) = latency();
    let sim = Sim::start(spec.latency(min, max).discord_limits()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    // SQLite, or a fresh PostgreSQL database when `MENTOR_BOT_TEST_POSTGRES` is set.
    let url = mentor_bot::testkit::fresh_database_url(dir.path()).await.unwrap();
    let store = Store::open(&url, 4).await.unwrap();
    let config = Arc::new(config_for(&sim, &url));
    let guild = GuildId(GUILD);
    let now = Utc::now();
    crate::common::ensure_program(&store, guild, CHANNEL, now).await;
    let pairs = add_pairs(&store, guild, pairs_n, mentor_base, mentee_base, now).await;
    let clock: SharedClock = Arc::new(SystemClock);
    let app = App::new(store.clone(), clock, config.clone()).unwrap();
    let timings = app.default_timings.clone();

    // Due a second ago: agenda requests to the first n/2 mentees, deadline reminders to their mentors.
    let due = now - Duration::seconds(1);
    let mut tx = store.begin().await.unwrap();
    let mut recipients = Vec::new();
    for (i, pair) in pairs.iter().enumerate().take(n.div_ceil(2)) {
        let ask = due_at(JobKind::AgendaRequest, due);
        book(&store, &mut tx, guild, pair, now + Duration::days(3), &timings, now, &ask).await;
        recipients.push(pair.mentee.id);
        if recipients.len() < n && 2 * i + 1 < n {
            let remind = due_at(JobKind::DeadlineReminder, due);
            add_action(&store, &mut tx, guild, pair, pair.mentor, now + Duration::days(2), &timings, now, &remind)
                .await;
            recipients.push(pair.mentor.id);
        }
    }
    tx.commit().await.unwrap();
    let mut everyone: Vec<_> = pairs.iter().flat_map(|p| [p.mentor.id, p.mentee.id]).collect();
    everyone.sort_unstable();
    warm_dm_channels(&sim, &store, &everyone).await;

    let before = mark(&sim);
    let started = Utc::now();
    let clock_started = Instant::now();
    let runner = Scheduler::new(app.clone(), notifier(&config), runner_settings(&config)).spawn();
    let all_posted = wait_until(StdDuration::from_mins(5), async || sim.sent_count() >= n).await;
    let posted_at = clock_started.elapsed().as_secs_f64();
    let marked =
        wait_until(StdDuration::from_mins(1), async || store.job_counts(guild).await.unwrap().sent >= n as i64).await;
    let marked_seconds = clock_started.elapsed().as_secs_f64();
    runner.shutdown().await;
    assert!(all_posted && marked, "the burst did not drain: {} of {n} posted", sim.sent_count());
    let last = recipients.iter().flat_map(|u| sim.dms(u.0)).map(|m| m.timestamp).max().unwrap();
    let seconds = (last - started).num_milliseconds() as f64 / 1000.0;
    let burst = BurstFigures {
        dms: n,
        seconds,
        per_second: n as f64 / seconds,
        marked_seconds,
        traffic: traffic_since(&sim, before),
        max_in_flight: sim.max_in_flight(),
    };
    println!(
        "  burst: {n} DMs posted in {seconds:.1} s ({:.1} DMs/s; {posted_at:.1} s by polling), all marked sent after {marked_seconds:.1} s",
        burst.per_second
    );

    // The crash: a runner claims due jobs, sends them and dies before recording anything.
    let t = Utc::now();
    let manual = ManualClock::new(t);
    let crash_app = App::new(store.clone(), Arc::new(manual.clone()), config.clone()).unwrap();
    let mut tx = store.begin().await.unwrap();
    let mut keys = Vec::new();
    let mut owners = Vec::new();
    for pair in pairs.iter().take(crash_n) {
        let remind = due_at(JobKind::DeadlineReminder, t - Duration::seconds(1));
        let jobs =
            add_action(&store, &mut tx, guild, pair, pair.mentee, t + Duration::days(2), &timings, t, &remind).await;
        keys.extend(jobs.iter().filter(|j| j.kind == JobKind::DeadlineReminder).map(|j| j.dedupe_key.clone()));
        owners.push(pair.mentee.id);
    }
    tx.commit().await.unwrap();
    let dms_before: HashMap<u64, usize> = owners.iter().map(|u| (u.0, sim.dms(u.0).len())).collect();
    let settings = runner_settings(&config);
    let lease = settings.lease;
    let claimed = store.claim_due_jobs(t, lease, crash_n as u32).await.unwrap().jobs;
    assert_eq!(claimed.len(), crash_n, "the crashed runner claims every due reminder");
    let crashed = Scheduler::new(crash_app.clone(), notifier(&config), settings.clone());
    let sending = Instant::now();
    let outcomes = crashed.deliver_unrecorded(claimed).await;
    let crash_send_seconds = sending.elapsed().as_secs_f64();
    assert!(outcomes.iter().all(|o| *o == Outcome::Sent), "{outcomes:?}");
    drop(crashed);
    sim.forget_nonces();

    // The restart, after the lease: everything must be found, nothing sent again.
    manual.set(t + lease + Duration::seconds(1));
    let before = mark(&sim);
    let restarted = Instant::now();
    let runner = Scheduler::new(crash_app, notifier(&config), settings).spawn();
    let done = wait_until(StdDuration::from_mins(3), async || {
        let outcomes = store.job_outcomes(&keys).await.unwrap();
        outcomes.iter().filter(|o| o.state == "sent").count() == keys.len()
    })
    .await;
    let seconds = restarted.elapsed().as_secs_f64();
    runner.shutdown().await;
    assert!(done, "the restarted runner did not settle the in-flight jobs");
    let mut duplicates = 0;
    let mut missing = 0;
    for (user, before) in &dms_before {
        let got = sim.dms(*user).len() - before;
        duplicates += got.saturating_sub(1);
        missing += usize::from(got == 0);
    }
    let crash = CrashFigures {
        jobs: crash_n,
        crash_send_seconds,
        seconds,
        traffic: traffic_since(&sim, before),
        duplicates,
        missing,
    };
    println!(
        "  crash: {crash_n} in flight reconciled in {seconds:.1} s ({} history reads, {} posts), {duplicates} duplicates, {missing} missing",
        crash.traffic.history_reads, crash.traffic.posts
    );
    let violations = sim.take_violations();
    if !violations.is_empty() {
        println!("  sim violations: {}", violations.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "));
    }
    sim.shutdown();
    store.close().await;
    crate::common::drop_if_postgres(&url).await;
    (burst, crash)
}
