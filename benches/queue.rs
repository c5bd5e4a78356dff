//! Job-queue figures for the README (not a test; run with `cargo bench --bench queue`, with
//! `MENTOR_BOT_TEST_POSTGRES=postgres://…` for the PostgreSQL parts, which are skipped without it):
//!
//! 1. drain: `BENCH_QUEUE_DUE` (100000) due jobs among `BENCH_QUEUE_FUTURE` (10000000) future
//!    ones (spread over a year, 8 guilds, four real kinds, unique dedupe keys) on one PostgreSQL
//!    database, claimed and marked sent by 1, 2 and 4 worker processes (this binary run again as
//!    a worker), each with its own `Store`, looping `claim_due_jobs` and, per job, `finish_job`
//!    in a write transaction as the runner records a sent message (no sender: nothing is posted),
//!    until nothing is due. Timed from the moment every worker is connected until the last one
//!    has found nothing more; then checked: every due job sent, each claimed once (`attempts` is
//!    1), every `finish_job` held its claim, the future jobs untouched. The 4-process run is
//!    repeated with the database's `synchronous_commit` on. The same single-process drain on
//!    SQLite among `BENCH_QUEUE_SQLITE_FUTURE` (1000000) future jobs;
//! 2. next due: `Store::next_job_wakeup` (`BENCH_QUEUE_LOOKUPS` (1000) calls) on both backends
//!    with the future jobs present: p50 / p99.
//!
//! `BENCH_QUEUE_BATCH` (200, the runner's default) is the claim size and `BENCH_QUEUE_IN_FLIGHT`
//! (32, the runner's default) the jobs a worker marks at once. The PostgreSQL database
//! (`mentor_bench_…`) is created on the server and dropped at the end.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap,
    clippy::cast_sign_loss,
    clippy::too_many_lines
)] // a measuring program, not library code

use std::{
    io::{BufRead as _, BufReader, Write as _},
    process::{Child, Command, Stdio},
    sync::atomic::{AtomicUsize, Ordering},
    time::Instant,
};

use chrono::{Duration, Utc};
use futures_util::{stream, StreamExt as _};
use mentor_bot::{
    domain::{
        ids::{ChannelId, GuildId},
        program::Program,
        settings::Overrides,
    },
    store::{create_postgres_database, Backend, Store},
};
use sqlx::Executor as _;

/// Set in a worker process: the database url it drains.
const WORKER: &str = "MENTOR_BOT_BENCH_QUEUE_WORKER";
/// The server url of the PostgreSQL parts (the one the tests use).
const POSTGRES: &str = "MENTOR_BOT_TEST_POSTGRES";
const GUILDS: i64 = 8;
const GUILD_BASE: i64 = 800_000_000_000_000_000;
const RECIPIENT_BASE: i64 = 700_000_000_000_000_000;
const PEOPLE: i64 = 20_000;
const YEAR_SECS: i64 = 365 * 86_400;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.replace('_', "").parse().ok()).unwrap_or(default)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[(((sorted.len() - 1) as f64) * p).round() as usize]
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    if let Ok(url) = std::env::var(WORKER) {
        worker(&url).await;
        return;
    }
    let started = Instant::now();
    let due = env_usize("BENCH_QUEUE_DUE", 100_000);
    let lookups = env_usize("BENCH_QUEUE_LOOKUPS", 1000);
    let mut drains = Vec::new();
    let mut next_due = Vec::new();

    match std::env::var(POSTGRES) {
        Ok(server) if !server.is_empty() => {
            let future = env_usize("BENCH_QUEUE_FUTURE", 10_000_000);
            let name = format!("mentor_bench_{:08x}", rand::random::<u32>());
            let url = create_postgres_database(&server, &name, None).await.unwrap();
            let store = Store::open(&url, 4).await.unwrap();
            let mut q = Queue::seed(store, future).await;
            for processes in [1, 2, 4] {
                drains.push(q.drain(processes, due, "off").await);
            }
            q.store
                .pool()
                .execute(sqlx::AssertSqlSafe(format!("ALTER DATABASE {name} SET synchronous_commit = on")))
                .await
                .unwrap();
            drains.push(q.drain(4, due, "on").await);
            next_due.push(q.lookups(lookups).await);
            q.store.close().await;
            drop_database(&server, &name).await;
        }
        _ => println!("PostgreSQL parts skipped: set {POSTGRES} to a server url to run them"),
    }

    let future = env_usize("BENCH_QUEUE_SQLITE_FUTURE", 1_000_000);
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("queue.db").display());
    let store = Store::open(&url, 5).await.unwrap();
    let mut q = Queue::seed(store, future).await;
    drains.push(q.drain(1, due, "—").await);
    next_due.push(q.lookups(lookups).await);
    q.store.close().await;

    println!();
    println!("| backend | future jobs | worker processes | synchronous_commit | drain {due} due jobs | jobs/s | claims (slowest worker's time claiming / marking) | sent / claimed twice / lost claims |");
    println!("|---|---|---|---|---|---|---|---|");
    for d in &drains {
        println!(
            "| {} | {} | {} | {} | {:.1} s | {:.0} | {} ({:.1} s / {:.1} s) | {} / {} / {} |",
            d.backend,
            d.future,
            d.processes,
            d.sync,
            d.seconds,
            d.due as f64 / d.seconds,
            d.claims,
            d.claiming,
            d.marking,
            d.sent,
            d.twice,
            d.lost
        );
    }
    println!();
    println!("| backend | pending jobs | `next_job_wakeup` p50 / p99 ({lookups} calls) |");
    println!("|---|---|---|");
    for n in &next_due {
        println!("| {} | {} | {:.3} / {:.3} ms |", n.backend, n.pending, n.p50, n.p99);
    }
    println!();
    println!("whole run: {:.0} s", started.elapsed().as_secs_f64());
}

/// A database seeded with future jobs; due jobs are added after `first_due_id - 1`.
struct Queue {
    store: Store,
    future: usize,
    last_future_id: i64,
}

struct Drain {
    backend: &'static str,
    future: usize,
    processes: usize,
    sync: &'static str,
    due: usize,
    seconds: f64,
    claims: usize,
    /// The most time one worker spent in `claim_due_jobs` / marking its jobs, in seconds.
    claiming: f64,
    marking: f64,
    sent: i64,
    twice: i64,
    lost: usize,
}

struct NextDue {
    backend: &'static str,
    pending: i64,
    p50: f64,
    p99: f64,
}

fn backend_name(store: &Store) -> &'static str {
    match store.backend() {
        Backend::Sqlite => "SQLite",
        Backend::Postgres => "PostgreSQL",
    }
}

/// The rows `INSERT INTO jobs … SELECT` adds for the numbers `i` of `$1..=$2`: four real kinds
/// (three of a session, one of an action item), 8 guilds, 20,000 recipients, due at `$3 + i * $4
/// / $5` (`$3` and the span `$4` in unix seconds), dedupe keys `$6 || i`, created at `$7`.
const ROWS: &str = "SELECT CASE i % 4 WHEN 0 THEN 'agenda_request' WHEN 1 THEN 'mentor_prep'
                                     WHEN 2 THEN 'follow_up' ELSE 'deadline_reminder' END,
                          $8 + i % $9,
                          CASE WHEN i % 4 = 3 THEN 'action' ELSE 'session' END,
                          i / 4,
                          $10 + i % $11,
                          $3 + (i * $4) / $5,
                          $3 + (i * $4) / $5,
                          $6 || i,
                          $7, $7";

const COLUMNS: &str = "INSERT INTO jobs (kind, guild_id, subject_kind, subject_id, recipient_id, due_at, planned_at,
                                         dedupe_key, created_at, updated_at)";

impl Queue {
    /// Opens programs for the guilds and inserts `future` jobs due over the coming year, in
    /// chunks of a million, server-side; then analyzes.
    async fn seed(store: Store, future: usize) -> Self {
        let now = Utc::now();
        let mut tx = store.begin().await.unwrap();
        for g in 0..GUILDS {
            let program = Program {
                guild_id: GuildId((GUILD_BASE + g) as u64),
                channel_id: ChannelId(900_000_000_000_000_000 + g as u64),
                zone: chrono_tz::Europe::Berlin,
                overrides: Overrides::default(),
                coordinator_role: None,
                retain_ended: None,
            };
            store.upsert_program(&mut tx, &program, now).await.unwrap();
        }
        tx.commit().await.unwrap();
        let seeding = Instant::now();
        let start = now.timestamp() + 86_400;
        let chunk = 1_000_000;
        for from in (0..future).step_by(chunk) {
            let to = (from + chunk).min(future) - 1;
            insert_rows(
                &store,
                from as i64,
                to as i64,
                start,
                YEAR_SECS,
                future as i64,
                "bench:future:",
                now.timestamp(),
            )
            .await;
        }
        analyze(&store).await;
        let last_future_id: i64 =
            sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM jobs").fetch_one(store.pool()).await.unwrap();
        println!(
            "{}: {future} future jobs seeded and analyzed in {:.0} s",
            backend_name(&store),
            seeding.elapsed().as_secs_f64()
        );
        Queue { store, future, last_future_id }
    }

    /// Replaces the due jobs with `due` fresh ones (due within the last hour), vacuums, then
    /// lets `processes` workers drain them and checks the outcome.
    async fn drain(&mut self, processes: usize, due: usize, sync: &'static str) -> Drain {
        let store = &self.store;
        sqlx::query("DELETE FROM jobs WHERE id > $1").bind(self.last_future_id).execute(store.pool()).await.unwrap();
        let now = Utc::now().timestamp();
        insert_rows(store, 0, due as i64 - 1, now - 3600, 3599, due as i64, "bench:due:", now).await;
        let vacuum = Instant::now();
        analyze(store).await;
        println!(
            "{}: {due} due jobs planned, (vacuumed and) analyzed in {:.0} s; draining with {processes} process(es), synchronous_commit {sync}",
            backend_name(store),
            vacuum.elapsed().as_secs_f64()
        );

        let mut workers: Vec<Child> = (0..processes)
            .map(|_| {
                Command::new(std::env::current_exe().unwrap())
                    .env(WORKER, store.url())
                    .stdin(Stdio::piped())
                    .stdout(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let mut outputs: Vec<_> = workers.iter_mut().map(|w| BufReader::new(w.stdout.take().unwrap())).collect();
        for out in &mut outputs {
            let mut line = String::new();
            out.read_line(&mut line).unwrap();
            assert_eq!(line.trim(), "ready", "a worker did not start");
        }
        let started = Instant::now();
        for w in &mut workers {
            w.stdin.take().unwrap().write_all(b"go\n").unwrap();
        }
        let mut reports = Vec::new();
        for out in &mut outputs {
            let mut line = String::new();
            out.read_line(&mut line).unwrap();
            reports.push(line);
        }
        let seconds = started.elapsed().as_secs_f64();
        for w in &mut workers {
            assert!(w.wait().unwrap().success(), "a worker failed");
        }
        let (mut claimed, mut marked, mut claims, mut claiming, mut marking) = (0, 0, 0, 0, 0);
        for r in &reports {
            let v: Vec<usize> = r.split_whitespace().skip(1).map(|x| x.parse().unwrap()).collect();
            claimed += v[0];
            marked += v[1];
            claims += v[2];
            claiming = claiming.max(v[3]);
            marking = marking.max(v[4]);
            println!(
                "  worker: {} claimed, {} marked, {} claims; {:.1} s claiming, {:.1} s marking",
                v[0],
                v[1],
                v[2],
                v[3] as f64 / 1000.0,
                v[4] as f64 / 1000.0
            );
        }
        let (rows, sent, twice, tokens): (i64, i64, i64, i64) = sqlx::query_as(
            "SELECT COUNT(*), COUNT(CASE WHEN state = 'sent' THEN 1 END), COUNT(CASE WHEN attempts <> 1 THEN 1 END),
                    COUNT(DISTINCT claim_token)
             FROM jobs WHERE id > $1",
        )
        .bind(self.last_future_id)
        .fetch_one(store.pool())
        .await
        .unwrap();
        let totals = store.job_state_totals().await.unwrap();
        let pending = totals.iter().find(|(s, _)| s == "pending").map_or(0, |(_, n)| *n);
        println!(
            "  {seconds:.1} s: {sent} of {rows} sent, {twice} claimed more than once, the rows carry {tokens} claim tokens, {claimed} claimed and {marked} marked by the workers; {pending} pending"
        );
        assert_eq!((rows, sent, twice), (due as i64, due as i64, 0), "every due job sent, each claimed once");
        assert_eq!((claimed, marked), (due, due), "every claim held until its job was marked");
        assert_eq!(pending, self.future as i64, "the future jobs stay pending");
        Drain {
            backend: backend_name(store),
            future: self.future,
            processes,
            sync,
            due,
            seconds,
            claims,
            claiming: claiming as f64 / 1000.0,
            marking: marking as f64 / 1000.0,
            sent,
            twice,
            lost: claimed - marked,
        }
    }

    /// Times `n` calls of `next_job_wakeup` (after 10 warm-up calls).
    async fn lookups(&self, n: usize) -> NextDue {
        let store = &self.store;
        let now = Utc::now();
        for _ in 0..10 {
            store.next_job_wakeup().await.unwrap();
        }
        let mut ms = Vec::with_capacity(n);
        for _ in 0..n {
            let t = Instant::now();
            let next = store.next_job_wakeup().await.unwrap();
            ms.push(t.elapsed().as_secs_f64() * 1000.0);
            assert!(next.is_some_and(|t| t > now), "the next wake-up is a future job");
        }
        ms.sort_by(f64::total_cmp);
        let totals = store.job_state_totals().await.unwrap();
        let pending = totals.iter().find(|(s, _)| s == "pending").map_or(0, |(_, n)| *n);
        let figures =
            NextDue { backend: backend_name(store), pending, p50: percentile(&ms, 0.5), p99: percentile(&ms, 0.99) };
        println!(
            "{}: next_job_wakeup among {pending} pending jobs: p50 {:.3} ms, p99 {:.3} ms",
            figures.backend, figures.p50, figures.p99
        );
        figures
    }
}

/// Inserts the jobs numbered `from..=to` (see [`ROWS`]) in one statement, generated by the
/// database.
#[allow(clippy::too_many_arguments)]
async fn insert_rows(store: &Store, from: i64, to: i64, start: i64, span: i64, n: i64, key: &str, now: i64) {
    let sql = match store.backend() {
        Backend::Postgres => {
            format!("{COLUMNS} {ROWS} FROM generate_series(CAST($1 AS BIGINT), CAST($2 AS BIGINT)) AS s(i)")
        }
        Backend::Sqlite => format!(
            "{COLUMNS} WITH RECURSIVE s(i) AS (SELECT $1 UNION ALL SELECT i + 1 FROM s WHERE i < $2) {ROWS} FROM s"
        ),
    };
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(from)
        .bind(to)
        .bind(start)
        .bind(span)
        .bind(n)
        .bind(key.to_owned())
        .bind(now)
        .bind(GUILD_BASE)
        .bind(GUILDS)
        .bind(RECIPIENT_BASE)
        .bind(PEOPLE)
        .execute(store.pool())
        .await
        .unwrap();
}

async fn analyze(store: &Store) {
    let sql = match store.backend() {
        Backend::Postgres => "VACUUM ANALYZE jobs",
        Backend::Sqlite => "ANALYZE",
    };
    store.pool().execute(sql).await.unwrap();
}

async fn drop_database(server: &str, name: &str) {
    use sqlx::Connection as _;
    let mut conn = sqlx::AnyConnection::connect(server).await.unwrap();
    conn.execute(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))).await.unwrap();
    conn.close().await.ok();
    println!("dropped the database {name}");
}

/// A worker process: opens its own store, says `ready`, waits for `go`, then claims and marks
/// sent until nothing is due, and prints `done CLAIMED MARKED CLAIMS CLAIMING_MS MARKING_MS`.
async fn worker(url: &str) {
    let batch = env_usize("BENCH_QUEUE_BATCH", 200) as u32;
    let in_flight = env_usize("BENCH_QUEUE_IN_FLIGHT", 32);
    let store = Store::open(url, 5).await.unwrap();
    println!("ready");
    std::io::stdout().flush().unwrap();
    let mut go = String::new();
    std::io::stdin().read_line(&mut go).unwrap();
    let lease = Duration::minutes(2);
    let (claimed, marked) = (AtomicUsize::new(0), AtomicUsize::new(0));
    let mut claims = 0;
    let (mut claiming, mut marking) = (0.0, 0.0);
    loop {
        let t = Instant::now();
        let jobs = store.claim_due_jobs(Utc::now(), lease, batch).await.unwrap().jobs;
        claiming += t.elapsed().as_secs_f64();
        if jobs.is_empty() {
            break;
        }
        let t = Instant::now();
        claims += 1;
        claimed.fetch_add(jobs.len(), Ordering::Relaxed);
        stream::iter(jobs)
            .for_each_concurrent(in_flight, |job| {
                let (store, marked) = (&store, &marked);
                async move {
                    // As the runner records a delivery: a fenced update, no writers' lock.
                    let mut tx = store.begin_fenced().await.unwrap();
                    let held = store.finish_job(&mut tx, &job, "sent", None, Utc::now()).await.unwrap();
                    tx.commit().await.unwrap();
                    if held {
                        marked.fetch_add(1, Ordering::Relaxed);
                    }
                }
            })
            .await;
        marking += t.elapsed().as_secs_f64();
    }
    println!(
        "done {} {} {claims} {:.0} {:.0}",
        claimed.load(Ordering::Relaxed),
        marked.load(Ordering::Relaxed),
        claiming * 1000.0,
        marking * 1000.0
    );
    store.close().await;
}
