//! Operating the bot: `/healthz` turns 503 and names the part that fails when the scheduler
//! stalls, and recovers; `/metrics` is valid Prometheus text whose counters move
//! with commands, deliveries, Discord requests and 429s; `backup` copies the live database
//! consistently while the bot writes, and never overwrites a file.

// Counters are whole numbers, exact in an f64: comparing them exactly is what we mean.
#![allow(clippy::float_cmp, clippy::cast_precision_loss)]

use std::{collections::BTreeMap, process::Command, time::Duration};

use discord_sim::{Fault, FaultKind, RouteMatch};
use mentor_bot::{config::Config, store::Backend};
use serde_json::Value;
use sqlx::{Connection as _, SqliteConnection};

use crate::common::*;

const BIN: &str = env!("CARGO_BIN_EXE_mentor-bot");

fn with_http(c: &mut Config) {
    c.http.listen = "127.0.0.1:0".into();
}

fn with_http_and_quick_stall(c: &mut Config) {
    c.http.listen = "127.0.0.1:0".into();
    c.http.scheduler_stall_after = "1s".into();
}

async fn http_world(configure: fn(&mut Config)) -> World {
    world_with(t0(), |o| o.configure = configure).await
}

/// `GET path` on the bot's listener: status and body.
async fn get(w: &World, path: &str) -> (u16, String) {
    let addr = w.bot.ops_addr().expect("the listener is on");
    let response = reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
        .get(format!("http://{addr}{path}"))
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

/// Polls `/healthz` until its status is `status` (up to `limit`); returns the JSON body.
async fn health_until(w: &World, status: u16, limit: Duration) -> Value {
    let deadline = std::time::Instant::now() + limit;
    loop {
        let (got, body) = get(w, "/healthz").await;
        if got == status {
            return serde_json::from_str(&body).unwrap();
        }
        assert!(std::time::Instant::now() < deadline, "/healthz stayed {got}, not {status}: {body}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn failing(report: &Value) -> Vec<String> {
    report["failing"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn healthz_names_the_scheduler_when_its_rounds_stall_and_recovers_when_they_finish_again() {
    let w = http_world(with_http_and_quick_stall).await;
    let ok = health_until(&w, 200, Duration::from_secs(10)).await;
    assert_eq!(ok["shards"][0]["stage"], "Connected", "{ok}");
    let metrics = parse_metrics(&get(&w, "/metrics").await.1);
    assert_eq!(metrics.get("mentor_bot_gateway_connected"), Some(&1.0));
    // Another process holds the database's write lock: every round of the scheduler waits for
    // it and fails, while reads (and so the database check) still work.
    let mut locker = w.store.pool().acquire().await.unwrap();
    let lock = match w.store.backend() {
        Backend::Sqlite => "BEGIN EXCLUSIVE",
        Backend::Postgres => "BEGIN; LOCK TABLE jobs IN ACCESS EXCLUSIVE MODE",
    };
    sqlx::raw_sql(lock).execute(&mut *locker).await.unwrap();
    let stalled = health_until(&w, 503, Duration::from_secs(15)).await;
    assert_eq!(failing(&stalled), ["scheduler"], "{stalled}");
    let detail = stalled["scheduler"]["detail"].as_str().unwrap();
    assert!(detail.contains("stalled"), "{detail}");
    sqlx::query("ROLLBACK").execute(&mut *locker).await.unwrap();
    drop(locker);
    let back = health_until(&w, 200, Duration::from_secs(15)).await;
    assert_eq!(back["scheduler"]["ok"], true, "{back}");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn healthz_names_the_gateway_when_it_stops_answering_and_recovers_when_it_answers_again() {
    let w = world_with(t0(), |o| {
        o.configure = with_http;
        o.heartbeat_interval = Some(Duration::from_millis(500));
    })
    .await;
    let ok = health_until(&w, 200, Duration::from_secs(10)).await;
    assert_eq!(ok["gateway"]["ok"], true, "{ok}");
    // The network drops everything (no close, no error): the bot notices the missing heartbeat
    // acknowledgements and says so.
    w.sim.set_gateway_black_hole(true);
    let down = health_until(&w, 503, Duration::from_secs(20)).await;
    assert_eq!(failing(&down), ["gateway"], "{down}");
    assert_eq!(down["database"]["ok"], true, "{down}");
    w.sim.set_gateway_black_hole(false);
    let back = health_until(&w, 200, Duration::from_secs(30)).await;
    assert_eq!(back["shards"][0]["stage"], "Connected", "{back}");
    // And it answers commands again.
    let r = w.actor(ADA).slash("help", &[]).await.unwrap();
    assert!(r.is_ephemeral());
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_parse_as_prometheus_text_and_move_with_commands_deliveries_requests_and_429s() {
    let mut w = http_world(with_http).await;
    setup_program(&w).await;
    join(&w, MO, "mentor", Some("America/New_York")).await;
    join(&w, MIA, "mentee", None).await;
    let r = w.actor(ADA).slash("pair", &[("mentor", &MO.to_string()), ("mentee", &MIA.to_string())]).await.unwrap();
    assert!(r.text().contains("Paired"), "{}", r.text());
    w.bot.settle().await.ok();
    let (status, text) = get(&w, "/metrics").await;
    assert_eq!(status, 200);
    let before = parse_metrics(&text);
    assert_eq!(before.get(r#"mentor_bot_commands_total{command="join",outcome="ok"}"#), Some(&2.0), "{text}");
    assert_eq!(before.get("mentor_bot_gateway_connected"), Some(&1.0));

    // Discord answers the next DM to Mo with a 429 once; the bot waits it out and sends.
    let mo_dm = w.sim.dm_channel(MO).expect("Mo got the pairing notice");
    w.sim.inject_fault(Fault::once(
        RouteMatch::CreateMessage { channel: Some(mo_dm) },
        FaultKind::RateLimited { retry_after: 0.3 },
    ));
    let booked = book(&w, MIA, MO, "tue 15:00").await;
    assert!(booked.contains("booked"), "{booked}");
    dm_containing(&w, MO, "booked").await;
    let refused = book(&w, MIA, MO, "the day after never").await;
    assert!(!refused.contains("booked"), "{refused}");
    w.bot.settle().await.unwrap();

    let (_, text) = get(&w, "/metrics").await;
    let after = parse_metrics(&text);
    let moved = |key: &str| after.get(key).copied().unwrap_or(0.0) - before.get(key).copied().unwrap_or(0.0);
    assert_eq!(moved(r#"mentor_bot_commands_total{command="book",outcome="ok"}"#), 1.0, "{text}");
    assert_eq!(moved(r#"mentor_bot_commands_total{command="book",outcome="refused"}"#), 1.0, "{text}");
    assert_eq!(moved(r#"mentor_bot_command_duration_seconds_count{command="book",outcome="ok"}"#), 1.0);
    assert!(moved(r#"mentor_bot_deliveries_total{outcome="sent"}"#) >= 1.0, "{text}");
    assert!(moved("mentor_bot_delivery_lateness_seconds_count") >= 1.0, "{text}");
    let posts = r#"mentor_bot_discord_requests_total{route="POST /channels/{id}/messages",status="2xx"}"#;
    assert!(moved(posts) >= 1.0, "{text}");
    let limited = r#"mentor_bot_discord_requests_total{route="POST /channels/{id}/messages",status="429"}"#;
    assert_eq!(moved(limited), 1.0, "{text}");
    let limited = r#"mentor_bot_discord_rate_limited_total{route="POST /channels/{id}/messages",scope="route"}"#;
    assert_eq!(moved(limited), 1.0, "{text}");
    // The job gauges are the queue as the database holds it.
    let pending: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM jobs WHERE state = 'pending'")
        .fetch_one(w.store.pool())
        .await
        .unwrap();
    assert!(pending > 0);
    assert_eq!(after.get(r#"mentor_bot_jobs{state="pending"}"#), Some(&(pending as f64)), "{text}");
    assert!(
        after.contains_key(r#"mentor_bot_jobs{state="set_aside"}"#)
            && after.contains_key(r#"mentor_bot_jobs{state="failed"}"#)
    );
    // No option value or user id reaches the labels.
    assert!(!text.contains("15:00") && !text.contains(&MO.to_string()), "{text}");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backup_copies_the_live_database_consistently_while_the_bot_writes_and_never_overwrites() {
    let mut w = paired_sqlite_world().await;
    let url = w.config().database.url.clone();
    let dir = tempfile::tempdir().unwrap();
    let mid = dir.path().join("during.db");
    let last = dir.path().join("after.db");

    // Mia keeps adding goals while the backup runs.
    let writer = async {
        for i in 0..40 {
            let r = w
                .actor(MIA)
                .slash("goal add", &[("title", &format!("Goal {i}")), ("why", "Practice"), ("measure", "Done")])
                .await
                .unwrap();
            assert!(r.is_ephemeral());
        }
    };
    let backup_during = async {
        while count(&w, "goals").await < 5 {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        run_backup(&url, &mid).await
    };
    let ((), during) = tokio::join!(writer, backup_during);
    assert!(during.status.success(), "{}", String::from_utf8_lossy(&during.stderr));
    assert!(String::from_utf8_lossy(&during.stdout).contains("integrity ok"));
    w.bot.settle().await.unwrap();

    let mut live = SqliteConnection::connect(&url).await.unwrap();
    attach(&mut live, &mid).await;
    let copied: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM bak.goals").fetch_one(&mut live).await.unwrap();
    assert!((5..=40).contains(&copied), "{copied} goals in the copy");
    let strays: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM (SELECT * FROM bak.goals EXCEPT SELECT * FROM main.goals)")
            .fetch_one(&mut live)
            .await
            .unwrap();
    assert_eq!(strays, 0, "every goal in the copy is in the live database as it was");
    let broken: Vec<(String,)> = sqlx::query_as("PRAGMA bak.foreign_key_check").fetch_all(&mut live).await.unwrap();
    assert!(broken.is_empty(), "the copy is a consistent snapshot: {broken:?}");
    sqlx::query("DETACH DATABASE bak").execute(&mut live).await.unwrap();

    // Once the writes stopped, a copy holds exactly the live rows of every table.
    let after = run_backup(&url, &last).await;
    assert!(after.status.success(), "{}", String::from_utf8_lossy(&after.stderr));
    attach(&mut live, &last).await;
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .fetch_all(&mut live)
    .await
    .unwrap();
    assert!(tables.contains(&"goals".to_owned()) && tables.contains(&"jobs".to_owned()), "{tables:?}");
    let mut differences = BTreeMap::new();
    for t in &tables {
        let sql = format!(
            "SELECT (SELECT COUNT(*) FROM (SELECT * FROM main.{t} EXCEPT SELECT * FROM bak.{t}))
                  + (SELECT COUNT(*) FROM (SELECT * FROM bak.{t} EXCEPT SELECT * FROM main.{t}))"
        );
        let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).fetch_one(&mut live).await.unwrap();
        if n != 0 {
            differences.insert(t.clone(), n);
        }
    }
    assert!(differences.is_empty(), "tables that differ: {differences:?}");
    let goals: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM bak.goals").fetch_one(&mut live).await.unwrap();
    assert_eq!(goals, 40);
    live.close().await.unwrap();

    // An existing file is never overwritten.
    let before = std::fs::metadata(&mid).unwrap().len();
    let again = run_backup(&url, &mid).await;
    assert_eq!(again.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("already exists"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert_eq!(std::fs::metadata(&mid).unwrap().len(), before);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        assert_eq!(std::fs::metadata(&last).unwrap().permissions().mode() & 0o777, 0o600, "owner only");
    }
    w.stop().await;
}

async fn run_backup(url: &str, path: &std::path::Path) -> std::process::Output {
    let (url, path) = (url.to_owned(), path.to_owned());
    tokio::task::spawn_blocking(move || {
        Command::new(BIN).arg("backup").arg(&path).env("MENTOR_BOT__DATABASE__URL", url).output().unwrap()
    })
    .await
    .unwrap()
}

async fn attach(conn: &mut SqliteConnection, path: &std::path::Path) {
    sqlx::query("ATTACH DATABASE $1 AS bak").bind(path.to_str().unwrap()).execute(&mut *conn).await.unwrap();
}

/// Parses the text exposition format strictly (`# HELP`/`# TYPE`/`# UNIT` lines, samples with
/// escaped label values, a final `# EOF`): every sample belongs to a declared family, label sets
/// are unique. Returns each series (`name{label="value",...}`, labels in order) and its value.
pub fn parse_metrics(text: &str) -> BTreeMap<String, f64> {
    let mut families: BTreeMap<String, String> = BTreeMap::new();
    let mut series = BTreeMap::new();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.last(), Some(&"# EOF"), "the exposition ends with # EOF");
    for line in &lines[..lines.len() - 1] {
        if let Some(rest) = line.strip_prefix("# ") {
            let mut parts = rest.splitn(3, ' ');
            let (kind, name) = (parts.next().unwrap(), parts.next().expect("a metric name"));
            assert!(valid_name(name), "bad name in {line:?}");
            match kind {
                "TYPE" => {
                    let ty = parts.next().expect("a type");
                    assert!(
                        ["counter", "gauge", "histogram", "summary", "info", "stateset", "unknown"].contains(&ty),
                        "{line:?}"
                    );
                    assert!(families.insert(name.to_owned(), ty.to_owned()).is_none(), "declared twice: {name}");
                }
                "HELP" | "UNIT" => {}
                _ => panic!("unknown comment {line:?}"),
            }
            continue;
        }
        let (name, labels, value) = sample(line);
        let family = families
            .iter()
            .find(|(f, ty)| {
                let suffixes: &[&str] = match ty.as_str() {
                    "counter" => &["_total", "_created"],
                    "histogram" => &["_bucket", "_count", "_sum", "_created"],
                    _ => &[""],
                };
                suffixes.iter().any(|s| name == format!("{f}{s}"))
            })
            .unwrap_or_else(|| panic!("sample {name} belongs to no declared family"));
        assert!(family.0.starts_with("mentor_bot_"), "{name}");
        let key = if labels.is_empty() {
            name.clone()
        } else {
            let inner: Vec<String> = labels.iter().map(|(k, v)| format!("{k}=\"{v}\"")).collect();
            format!("{name}{{{}}}", inner.join(","))
        };
        assert!(series.insert(key.clone(), value).is_none(), "duplicate series {key}");
    }
    series
}

fn valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == ':')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':')
}

/// One sample line: name, labels (unescaped values), value.
fn sample(line: &str) -> (String, Vec<(String, String)>, f64) {
    let name_end = line.find(['{', ' ']).unwrap_or_else(|| panic!("no value in {line:?}"));
    let name = &line[..name_end];
    assert!(valid_name(name), "bad sample name in {line:?}");
    let mut rest = &line[name_end..];
    let mut labels = Vec::new();
    if let Some(inner) = rest.strip_prefix('{') {
        let mut chars = inner.char_indices().peekable();
        loop {
            let start = chars.peek().map(|(i, _)| *i).unwrap();
            let mut key = String::new();
            for (_, c) in chars.by_ref() {
                if c == '=' {
                    break;
                }
                key.push(c);
            }
            assert!(valid_name(&key) && !key.contains(':'), "bad label name {key:?} at {start} in {line:?}");
            assert_eq!(chars.next().map(|(_, c)| c), Some('"'), "{line:?}");
            let mut value = String::new();
            loop {
                match chars.next().map(|(_, c)| c) {
                    Some('\\') => match chars.next().map(|(_, c)| c) {
                        Some('n') => value.push('\n'),
                        Some(c @ ('\\' | '"')) => value.push(c),
                        other => panic!("bad escape {other:?} in {line:?}"),
                    },
                    Some('"') => break,
                    Some(c) => value.push(c),
                    None => panic!("unterminated label value in {line:?}"),
                }
            }
            labels.push((key, value));
            match chars.next() {
                Some((_, ',')) => {}
                Some((i, '}')) => {
                    rest = &inner[i + 1..];
                    break;
                }
                other => panic!("unexpected {other:?} in {line:?}"),
            }
        }
    }
    let value = rest.strip_prefix(' ').unwrap_or_else(|| panic!("no space before the value in {line:?}"));
    let value = value.split(' ').next().unwrap();
    let value = match value {
        "+Inf" => f64::INFINITY,
        "-Inf" => f64::NEG_INFINITY,
        v => v.parse().unwrap_or_else(|_| panic!("bad value {v:?} in {line:?}")),
    };
    (name.to_owned(), labels, value)
}

#[test]
fn the_metrics_parser_refuses_what_prometheus_would_refuse() {
    let good = "# TYPE mentor_bot_x counter\nmentor_bot_x_total{a=\"b\\\"c\"} 2\n# EOF";
    assert_eq!(parse_metrics(good).get("mentor_bot_x_total{a=\"b\"c\"}"), Some(&2.0));
    for bad in [
        "mentor_bot_x_total 1\n# EOF",                                   // no family
        "# TYPE mentor_bot_x counter\nmentor_bot_x_total 1",             // no EOF
        "# TYPE mentor_bot_x counter\nmentor_bot_x_total{a=b} 1\n# EOF", // unquoted value
        "# TYPE mentor_bot_x counter\nmentor_bot_x_total one\n# EOF",    // not a number
    ] {
        assert!(std::panic::catch_unwind(|| parse_metrics(bad)).is_err(), "accepted {bad:?}");
    }
}
