//! Scale-out with real processes: three `mentor-bot run` processes (`--shards 0-0/3`, `1-1/3`,
//! `2-2/3`, each with the scheduler) on one PostgreSQL database against one simulated Discord,
//! 10,000 reminders due at once. One process is killed with SIGKILL a third of the way through
//! and started again: every reminder reaches its person exactly once, commands in a guild are
//! answered only by the process owning the guild's shard, and the bot's requests never go over
//! Discord's global limit (the simulator fails the test on any 429 or other violation).
//!
//! The 2,000 recipients were written to before (their DM channels are stored): route buckets are
//! learnt per process, so three processes opening DM channels at once would draw 429s on
//! Discord's one DM-opening bucket (README, "Shards and process roles").
//!
//! Needs PostgreSQL: without `MENTOR_BOT_TEST_POSTGRES` it says so and passes (CI sets it).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

// Real processes and real time: its own test binary, so nothing else shares the machine with it.

mod fleet;

use std::{
    collections::HashMap,
    path::{Path, PathBuf},
    time::{Duration, Instant},
};

use chrono::Utc;
use discord_sim::{shard_of, ChannelSpec, GuildSpec, Sim, SimSpec, UserSpec};
use fleet::{answered, Fleet};
use futures_util::FutureExt as _;
use mentor_bot::{
    app::base36,
    domain::ids::UserId,
    store::{create_postgres_database, Store},
    testkit::{cast::*, TEST_POSTGRES},
};

/// The processes, one shard each.
const PROCESSES: u32 = 3;
/// Discord's global limit for this bot, as Discord grants a large bot (the default is 50/s):
/// the simulator enforces it.
const GLOBAL_LIMIT: usize = 500;
/// People who get reminders, and how many each: five a person stays within Discord's 5 messages
/// per 5 s of one channel, whichever processes send them.
const PEOPLE: u64 = 2_000;
const EACH: u64 = 5;
const REMINDERS: u64 = PEOPLE * EACH;
/// The first of the crowd's user ids.
const CROWD: u64 = 700_000_000_000_000_000;
/// Someone in every guild who types commands.
const SAM: u64 = 800_000_000_000_000_050;
/// Two more guilds, so each of the three shards owns one (the cast's two are both on shard 1).
const NORTH: u64 = 920_000_000_008_388_609;
const SOUTH: u64 = 920_000_000_004_194_305;

/// The request budget of the whole bot: every process is configured with the bot's rate and takes
/// its slots from the one schedule in PostgreSQL, so together they stay under it. A tenth is left
/// for what a shared spacing cannot see (each request leaves its process with that process's own
/// delay; on a loaded machine requests bunch up on the wire).
fn budget_env() -> Vec<(&'static str, String)> {
    let rate = GLOBAL_LIMIT * 9 / 10;
    vec![("MENTOR_BOT__DISCORD__REQUESTS_PER_SECOND", rate.to_string())]
}

/// Discord's OpenAPI document beside the checkout (request bodies are validated against it).
fn openapi() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/discord-api-spec/openapi.json")
}

fn crowd() -> impl Iterator<Item = u64> {
    (0..PEOPLE).map(|i| CROWD + i)
}

fn spec() -> SimSpec {
    let guild =
        |id: u64, name: &str, channel: u64| GuildSpec::new(id, name).channel(ChannelSpec::new(channel, "general"));
    let mut spec = SimSpec::empty()
        .guild(guild(GUILD, "Acme Engineering", GENERAL).channel(ChannelSpec::new(MENTORING, "mentoring")))
        .guild(guild(OTHER_GUILD, "Other Server", OTHER_CHANNEL))
        .guild(guild(NORTH, "North", NORTH + 100))
        .guild(guild(SOUTH, "South", SOUTH + 100))
        // No memberships listed: a member of every guild.
        .user(UserSpec::new(SAM, "Sam"))
        .discord_limits()
        .global_limit(GLOBAL_LIMIT)
        // Discord's round trips: a process killed mid-request leaves messages it never heard of.
        .latency(Duration::from_millis(80), Duration::from_millis(120))
        .openapi_spec(openapi());
    for id in crowd() {
        spec = spec.user(UserSpec::new(id, format!("Person {}", id - CROWD)).member_of(GUILD));
    }
    spec
}

/// Jobs by state.
async fn states(store: &Store) -> Vec<(String, i64)> {
    sqlx::query_as("SELECT state, COUNT(*) FROM jobs GROUP BY state ORDER BY state")
        .fetch_all(store.pool())
        .await
        .unwrap()
}

/// Plans `REMINDERS` DMs due a few seconds ago, round robin over the crowd (so consecutive jobs
/// go to different people), each a "you have a new partner" notice; the crowd's DM channels are
/// open already, as for people the bot wrote to before.
async fn seed(store: &Store, sim: &Sim) {
    let now = Utc::now() - chrono::Duration::seconds(3);
    for id in crowd() {
        let channel = sim.open_dm(id).unwrap();
        store.save_dm_channel(UserId(id), channel, now).await.unwrap();
    }
    let people: Vec<u64> = crowd().collect();
    let to: Vec<u64> = (0..REMINDERS).map(|k| people[usize::try_from(k % PEOPLE).unwrap()]).collect();
    mentor_bot::testkit::plan_partner_notices(store, &to, now).await.unwrap();
}

/// Waits until `done` holds, polling every 100 ms, or fails after `limit` saying `what`.
async fn until(limit: Duration, what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !done() {
        assert!(Instant::now() < deadline, "{what} within {limit:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The live session of `shard` other than `not` (a killed process's), once it has its guilds.
async fn live_session(sim: &Sim, shard: u32, not: Option<&str>) -> String {
    let deadline = Instant::now() + Duration::from_mins(1);
    loop {
        sim.wait_shard((shard, PROCESSES), Duration::from_mins(1)).await.unwrap();
        let live = sim
            .sessions()
            .into_iter()
            .find(|s| s.shard == (shard, PROCESSES) && s.live && Some(s.session_id.as_str()) != not);
        if let Some(s) = live {
            return s.session_id;
        }
        assert!(Instant::now() < deadline, "shard {shard} did not connect again: {:?}", sim.sessions());
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_processes_deliver_ten_thousand_reminders_once_each_through_a_sigkill_and_answer_only_their_shards() {
    let server = match std::env::var(TEST_POSTGRES) {
        Ok(s) if !s.is_empty() => s,
        _ => {
            println!("skipped: needs {TEST_POSTGRES}");
            return;
        }
    };
    assert_eq!(
        [GUILD, OTHER_GUILD, NORTH, SOUTH].map(|g| shard_of(g, PROCESSES)),
        [1, 1, 0, 2],
        "each shard owns a guild"
    );
    let name = format!("mentor_test_multi_{:016x}", rand::random::<u64>());
    let database = create_postgres_database(&server, &name, None).await.unwrap();
    let store = Store::open(&database, 4).await.unwrap();
    let sim = Sim::start(spec()).await.unwrap();
    let mut fleet = Fleet::new(sim.api_url(), database.clone());
    let outcome = std::panic::AssertUnwindSafe(scenario(&sim, &store, &mut fleet)).catch_unwind().await;
    if outcome.is_err() {
        eprintln!("process logs (last lines):\n{}", fleet.logs());
    }
    drop(fleet);
    store.close().await;
    drop_database(&server, &name).await;
    if let Err(panic) = outcome {
        sim.take_violations();
        std::panic::resume_unwind(panic);
    }
}

async fn drop_database(server: &str, name: &str) {
    use sqlx::{Connection as _, Executor as _};
    let mut conn = sqlx::AnyConnection::connect(server).await.unwrap();
    conn.execute(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))).await.unwrap();
    conn.close().await.ok();
}

/// Times and counts of the run, for the closing figures.
struct Run {
    ready: Duration,
    killed_at: Duration,
    /// Real time of the kill (the simulator's clock is the real one).
    killed: chrono::DateTime<Utc>,
    sent_at_kill: usize,
    drained: Duration,
}

async fn scenario(sim: &Sim, store: &Store, fleet: &mut Fleet) {
    seed(store, sim).await;
    let started = Instant::now();
    for shard in 0..PROCESSES {
        fleet.start(shard);
    }
    let mut sessions = Vec::new();
    for shard in 0..PROCESSES {
        sessions.push(live_session(sim, shard, None).await);
    }
    sim.wait_ready(Duration::from_secs(30)).await.unwrap();
    let ready = started.elapsed();

    // A third of the way through, shard 1's process dies mid-drain and comes back.
    let third = usize::try_from(REMINDERS / 3).unwrap();
    until(Duration::from_mins(1), "a third of the reminders went out", || sim.sent_count() >= third).await;
    fleet.kill(1);
    let killed = Utc::now();
    let sent_at_kill = sim.sent_count();
    let killed_at = started.elapsed();
    fleet.start(1);
    live_session(sim, 1, Some(&sessions[1])).await;

    commands_go_to_their_shards(sim, fleet).await;

    // Everything goes out.
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        let states = states(store).await;
        if states.iter().all(|(s, _)| s != "pending" && s != "running") {
            assert_eq!(states, [("sent".to_owned(), i64::try_from(REMINDERS).unwrap())]);
            break;
        }
        assert!(Instant::now() < deadline, "not all reminders delivered within 90 s: {states:?}");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let run = Run { ready, killed_at, killed, sent_at_kill, drained: started.elapsed() };
    delivered_once_within_the_limits(sim, store, &run).await;
    fleet.stop().await;
    sim.finish().unwrap();
}

/// With the three processes up (one of them restarted), a command in each guild goes to the
/// session of the guild's shard only, and that process answers it (its own metrics count it).
async fn commands_go_to_their_shards(sim: &Sim, fleet: &mut Fleet) {
    let guilds = [(GUILD, GENERAL), (OTHER_GUILD, OTHER_CHANNEL), (NORTH, NORTH + 100), (SOUTH, SOUTH + 100)];
    for (guild, channel) in guilds {
        let reply = sim.actor(SAM).in_guild(guild).in_channel(channel).slash("sessions", &[]).await.unwrap();
        assert!(reply.text().contains("no mentoring program yet"), "{guild}: {}", reply.text());
        assert_eq!(sim.interaction_shards(reply.interaction_id), [(shard_of(guild, PROCESSES), PROCESSES)]);
    }
    for shard in 0..PROCESSES {
        let listen = fleet.process(shard).listen.clone();
        let expected = guilds.iter().filter(|(g, _)| shard_of(*g, PROCESSES) == shard).count() as u64;
        // A command is counted just after its answer went out.
        let deadline = Instant::now() + Duration::from_secs(5);
        let mut count = answered(&listen, "sessions").await;
        while count < expected && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(50)).await;
            count = answered(&listen, "sessions").await;
        }
        assert_eq!(count, expected, "commands answered by shard {shard}'s process");
    }
}

/// The job a DM delivers, read from its nonce (`j<id in base 36>.<instance>`); its reference
/// line must name the same job.
fn job_of(m: &discord_sim::Message, instance: &str) -> i64 {
    let nonce = m.nonce.clone().unwrap_or_default();
    let job = nonce
        .strip_prefix('j')
        .and_then(|n| n.strip_suffix(&format!(".{instance}")))
        .and_then(|n| i64::from_str_radix(n, 36).ok())
        .unwrap_or_else(|| panic!("a DM without a job's nonce: {nonce:?} {}", m.text()));
    assert!(m.text().contains(&format!("ref {instance}:{}", base36(job.unsigned_abs()))), "{}", m.text());
    job
}

/// Each job's DM exactly once, to its recipient; the killed process's claims looked up before
/// anything was sent again; no 429 at all (global or per route) and the peak within the limit.
/// Prints the figures.
async fn delivered_once_within_the_limits(sim: &Sim, store: &Store, run: &Run) {
    let instance = store.instance().to_owned();
    let jobs: Vec<(i64, i64)> =
        sqlx::query_as("SELECT id, recipient_id FROM jobs").fetch_all(store.pool()).await.unwrap();
    let mut seen: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut sent_before_kill = Vec::new();
    for id in crowd() {
        for m in sim.dms(id) {
            let job = job_of(&m, &instance);
            seen.entry(job).or_default().push(i64::try_from(id).unwrap());
            if m.timestamp < run.killed {
                sent_before_kill.push(job);
            }
        }
    }
    let missing = jobs.iter().filter(|(id, _)| !seen.contains_key(id)).count();
    let duplicates = seen.values().filter(|to| to.len() > 1).count();
    let misdirected = jobs.iter().filter(|(id, to)| seen.get(id).is_some_and(|t| t.iter().any(|u| u != to))).count();
    assert_eq!((missing, duplicates, misdirected), (0, 0, 0), "missing, sent twice, to someone else");
    assert_eq!(seen.len(), jobs.len());

    let retried: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM jobs WHERE attempts > 1").fetch_all(store.pool()).await.unwrap();
    // Claimed by the killed process, sent by it just before it died, recorded by another.
    let found = retried.iter().filter(|id| sent_before_kill.contains(id)).count();
    let requests = sim.requests();
    let lookups = requests.iter().filter(|r| r.method == "GET" && r.path.ends_with("/messages")).count();
    assert!(!retried.is_empty() && lookups > 0, "the killed process held claims: {retried:?}, {lookups} looked up");
    let posts: Vec<_> = requests
        .iter()
        .filter(|r| r.method == "POST" && r.path.contains("/channels/") && r.path.ends_with("/messages"))
        .collect();
    // Nothing was posted twice, not even a message Discord's nonce would have caught.
    let by_nonce = posts.iter().filter(|r| r.status == 200 && r.created.is_empty()).count();
    assert_eq!(by_nonce, 0, "posts answered with an earlier message of the same nonce");
    let opens = requests.iter().filter(|r| r.path.ends_with("/users/@me/channels")).count();

    let hits = sim.rate_limit_hits();
    assert!(hits.is_empty(), "{} 429s, first: {:?}", hits.len(), hits.first());
    let peak = sim.peak_requests_per_second();
    assert!(peak <= GLOBAL_LIMIT, "{peak}");
    let first = posts.iter().map(|r| r.at).min().unwrap();
    let last = posts.iter().map(|r| r.at).max().unwrap();
    let span = (last - first).as_seconds_f64();
    let limited = requests.iter().filter(|r| !r.path.contains("/interactions/") && !r.path.contains("/webhooks/"));
    println!(
        "multi-process figures: {REMINDERS} reminders to {PEOPLE} people by {PROCESSES} processes; ready after \
         {:.1} s; shard 1 killed at {:.1} s with {} sent; all sent after {:.1} s (first to last DM {span:.1} s, {:.0} \
         DMs/s); {} message posts, {by_nonce} answered by nonce, {lookups} reconcile look-ups, {} jobs claimed twice \
         ({found} of them found already sent), {opens} DM opens; {} rate-limited requests, peak {peak}/s of a global \
         {GLOBAL_LIMIT}/s, 429s {}; duplicates {duplicates}, missing {missing}",
        run.ready.as_secs_f64(),
        run.killed_at.as_secs_f64(),
        run.sent_at_kill,
        run.drained.as_secs_f64(),
        f64::from(u32::try_from(REMINDERS).unwrap()) / span.max(0.001),
        posts.len(),
        retried.len(),
        limited.count(),
        hits.len(),
    );
}
