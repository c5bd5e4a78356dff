//! Scale-out: several bot processes on one database and one (simulated) Discord. Two processes
//! split the gateway's shards (`--shards 0-0/2`, `--shards 1-1/2`): each answers exactly the
//! interactions of the guilds on its shards, DM presses reach shard 0; a process without a
//! gateway delivers the reminders a process without a scheduler planned; `/healthz` judges only
//! what a process runs; a bad `--shards` is refused before anything starts.

use std::{process::Command, time::Duration};

use discord_sim::shard_of;
use mentor_bot::{config::Config, runtime::RunningBot};
use serde_json::Value;

use crate::common::*;

const BIN: &str = env!("CARGO_BIN_EXE_mentor-bot");

/// How many times a bot's metrics counted `command` answered (any outcome).
fn answered(bot: &RunningBot, command: &str) -> u64 {
    let needle = format!("mentor_bot_commands_total{{command=\"{command}\",");
    bot.app
        .metrics
        .encode()
        .lines()
        .filter(|l| l.starts_with(&needle))
        .map(|l| l.rsplit(' ').next().and_then(|n| n.parse::<u64>().ok()).expect("a whole count"))
        .sum()
}

/// Waits (up to 5 s) until `bot` counted `command` `n` times: a press is counted just after its
/// answer went out.
async fn wait_answered(bot: &RunningBot, command: &str, n: u64) {
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while answered(bot, command) < n && std::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn shard_zero_of_two(c: &mut Config) {
    c.discord.shards = "0-0/2".into();
    c.http.listen = "127.0.0.1:0".into();
}

fn shard_one_of_two_without_scheduler(c: &mut Config) {
    c.discord.shards = "1-1/2".into();
    c.scheduler.enabled = false;
    c.http.listen = "127.0.0.1:0".into();
}

/// The shard ids a `/healthz` answer lists.
fn shard_ids(report: &Value) -> Vec<u64> {
    report["shards"].as_array().unwrap().iter().map(|s| s["id"].as_u64().unwrap()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_each_answer_only_the_guilds_on_their_shard_and_a_dm_press_goes_to_shard_zero() {
    assert_eq!((shard_of(GUILD, 2), shard_of(OTHER_GUILD, 2)), (1, 0), "the cast's guilds sit on different shards");
    let mut w = world_with(t0(), |o| o.configure = shard_zero_of_two).await;
    let second = w.start_another_bot(shard_one_of_two_without_scheduler).await.unwrap();
    let mut sessions: Vec<((u32, u32), Vec<u64>)> = w.sim.sessions().into_iter().map(|s| (s.shard, s.guilds)).collect();
    sessions.sort();
    assert_eq!(sessions, [((0, 2), vec![OTHER_GUILD]), ((1, 2), vec![GUILD])]);
    let puts = w.sim.requests().into_iter().filter(|r| r.method == "PUT" && r.path.ends_with("/commands")).count();
    assert_eq!(puts, 1, "only the process running shard 0 registers the commands");
    let first = healthy(&w.bot).await;
    assert_eq!(shard_ids(&first), [0], "{first}");
    let other = healthy(&second).await;
    assert_eq!(shard_ids(&other), [1], "{other}");
    assert!(other["scheduler"]["detail"].as_str().unwrap().contains("not run by this process"), "{other}");

    // The program's guild is on shard 1: the second process answers it.
    let started = w
        .actor(ADA)
        .slash("program setup", &[("channel", &MENTORING.to_string()), ("timezone", "Europe/Berlin")])
        .await
        .unwrap();
    assert!(started.text().contains("Started"), "{}", started.text());
    assert_eq!(w.sim.interaction_shards(started.interaction_id), [(1, 2)]);
    join(&w, MO, "mentor", Some("America/New_York")).await;
    join(&w, MIA, "mentee", None).await;
    let paired = say(&w, ADA, "pair", &[("mentor", &MO.to_string()), ("mentee", &MIA.to_string())]).await;
    assert!(paired.contains("Paired"), "{paired}");
    // The other guild is on shard 0: the first process answers it.
    let other = w.sim.actor(MIA).in_guild(OTHER_GUILD).in_channel(OTHER_CHANNEL).slash("sessions", &[]).await.unwrap();
    assert!(other.text().contains("no mentoring program yet"), "{}", other.text());
    assert_eq!(w.sim.interaction_shards(other.interaction_id), [(0, 2)]);
    assert_eq!((answered(&w.bot, "program setup"), answered(&second, "program setup")), (0, 1));
    assert_eq!((answered(&w.bot, "join"), answered(&second, "join")), (0, 2));
    assert_eq!((answered(&w.bot, "sessions"), answered(&second, "sessions")), (1, 0));

    // A session booked on shard 1; the first process's scheduler asks Mia for the agenda, and
    // her press in the DM (no guild) goes to shard 0.
    book(&w, MIA, MO, "tue 15:00").await;
    w.run_until(utc(2026, 11, 23, 14, 30)).await.unwrap();
    let request = w
        .sim
        .dms(MIA)
        .into_iter()
        .rev()
        .find(|m| m.text().contains("Agenda time"))
        .unwrap_or_else(|| panic!("no agenda request: {:#?}", w.sim.dms(MIA)));
    let form = w.sim.actor(MIA).in_dm().press(&request, "agenda:1").await.unwrap();
    assert!(form.modal().is_ok(), "the press opens the agenda form");
    assert_eq!(w.sim.interaction_shards(form.interaction_id), [(0, 2)], "DM interactions go to shard 0");
    wait_answered(&w.bot, "button:agenda", 1).await;
    assert_eq!((answered(&w.bot, "button:agenda"), answered(&second, "button:agenda")), (1, 0));
    assert_clean(&w);
    second.shutdown().await;
    w.stop().await;
}

fn commands_only(c: &mut Config) {
    c.scheduler.enabled = false;
    c.http.listen = "127.0.0.1:0".into();
}

fn scheduler_only(c: &mut Config) {
    c.discord.gateway = false;
    c.scheduler.enabled = true;
}

/// `GET /healthz` of a bot: status and JSON body.
async fn healthz(bot: &RunningBot) -> (u16, Value) {
    let addr = bot.ops_addr().expect("the listener is on");
    let response = reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
        .get(format!("http://{addr}/healthz"))
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), serde_json::from_str(&response.text().await.unwrap()).unwrap())
}

/// Polls `/healthz` until it answers 200 (up to 10 s: a shard reports `Connected` once serenity
/// handled its READY); returns the body.
async fn healthy(bot: &RunningBot) -> Value {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let (status, body) = healthz(bot).await;
        if status == 200 {
            return body;
        }
        assert!(std::time::Instant::now() < deadline, "/healthz stayed {status}: {body}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_scheduler_only_process_delivers_the_reminders_a_commands_only_process_planned() {
    let w = world_with(t0(), |o| o.configure = commands_only).await;
    let mut delivery = w
        .start_another_bot(|c| {
            scheduler_only(c);
            c.http.listen = "127.0.0.1:0".into();
        })
        .await
        .unwrap();
    assert_eq!(w.sim.sessions().len(), 1, "the scheduler-only process opened no gateway session");
    setup_program(&w).await;
    join(&w, MO, "mentor", Some("America/New_York")).await;
    join(&w, MIA, "mentee", None).await;
    let paired = say(&w, ADA, "pair", &[("mentor", &MO.to_string()), ("mentee", &MIA.to_string())]).await;
    assert!(paired.contains("Paired"), "{paired}");
    book(&w, MIA, MO, "tue 15:00").await;
    // The commands-only process planned the notices and reminders, and sent none of them (on
    // PostgreSQL the scheduler-only process may have sent the notices already: it is woken).
    let planned: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM jobs").fetch_one(w.store.pool()).await.unwrap();
    assert!(planned >= 3, "pairing notices, booking notice, reminders: {planned}");
    let sent_by_commands =
        w.bot.app.metrics.encode().lines().any(|l| l.starts_with("mentor_bot_discord_requests_total{"));
    assert!(!sent_by_commands, "the commands-only process made no request outside interactions");

    // The scheduler-only process sends them: the notices now, the agenda request on its day.
    delivery.settle().await.unwrap();
    dm_containing(&w, MO, "booked").await;
    w.clock.set(utc(2026, 11, 23, 14, 30));
    delivery.settle().await.unwrap();
    dm_containing(&w, MIA, "Agenda time").await;

    // Each /healthz judges only what its process runs.
    let commands = healthy(&w.bot).await;
    assert!(commands["scheduler"]["detail"].as_str().unwrap().contains("not run by this process"), "{commands}");
    let scheduler = healthy(&delivery).await;
    assert!(scheduler["gateway"]["detail"].as_str().unwrap().contains("not run by this process"), "{scheduler}");
    assert_eq!(scheduler["shards"], serde_json::json!([]), "{scheduler}");
    assert_clean(&w);
    delivery.shutdown().await;
    w.stop().await;
}

#[test]
fn run_refuses_a_bad_shard_range_or_a_process_with_nothing_to_run_with_exit_code_2() {
    for (args, says) in [
        (vec!["run", "--shards", "2-1/4"], "--shards"),
        (vec!["run", "--shards", "0-4/4"], "does not exist"),
        (vec!["run", "--shards", "0/0"], "at least 1"),
        (vec!["run", "--shards", "lots"], "FIRST-LAST/TOTAL"),
        (vec!["run", "--shards", "0/2", "--no-gateway"], "--no-gateway"),
        (vec!["run", "--no-gateway", "--no-scheduler"], "would run nothing"),
    ] {
        let out = Command::new(BIN)
            .args(&args)
            .env("DISCORD_TOKEN", "sim-token")
            .env("MENTOR_BOT__DISCORD__API_URL", "http://127.0.0.1:9")
            .env_remove("MENTOR_BOT__DISCORD__SHARDS")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    let out = Command::new(BIN).arg("check-config").env("MENTOR_BOT__DISCORD__SHARDS", "3-3/2").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("discord.shards"), "{err}");
}
