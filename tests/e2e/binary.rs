//! The `mentor-bot` binary as an operator runs it: `run` pointed at the simulated Discord with
//! `MENTOR_BOT__DISCORD__API_URL`, clean shutdown on SIGTERM, `check-config`, `migrate`, bad
//! configuration, `health` (Docker's HEALTHCHECK) and the token from `DISCORD_TOKEN_FILE`.

use std::{
    process::{Command, Stdio},
    time::Duration,
};

use discord_sim::{ChannelSpec, GuildSpec, Sim, SimSpec, UserSpec};

const BIN: &str = env!("CARGO_BIN_EXE_mentor-bot");
const GUILD: u64 = 900_000_000_000_000_001;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_runs_against_the_configured_api_answers_commands_and_stops_cleanly_on_sigterm() {
    let sim = Sim::start(
        SimSpec::empty()
            .guild(GuildSpec::new(GUILD, "Acme").channel(ChannelSpec::new(GUILD + 100, "general")))
            .user(UserSpec::new(7, "Ada").admin_of(GUILD)),
    )
    .await
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nested").join("bot.db");
    let mut child = Command::new(BIN)
        .arg("run")
        .env("DISCORD_TOKEN", "sim-token")
        .env("MENTOR_BOT__DISCORD__API_URL", sim.api_url())
        .env("MENTOR_BOT__DISCORD__GUILD_ID", GUILD.to_string())
        .env("MENTOR_BOT__DATABASE__URL", format!("sqlite://{}", db.display()))
        .env("MENTOR_BOT__LOG__FORMAT", "json")
        .env_remove("RUST_LOG")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    sim.wait_ready(Duration::from_secs(30)).await.unwrap();
    let registered =
        sim.requests().into_iter().any(|r| r.method == "PUT" && r.path.contains(&format!("/guilds/{GUILD}/commands")));
    assert!(registered, "commands go to the configured guild");
    let reply = sim
        .actor(7)
        .slash("program setup", &[("channel", &(GUILD + 100).to_string()), ("timezone", "Europe/Berlin")])
        .await
        .unwrap();
    assert!(reply.text().contains("Started the mentoring program"), "{}", reply.text());
    assert!(db.exists(), "the database and its folder were created");

    // The shell's own `kill` builtin: no separate package needed.
    let status = Command::new("sh").args(["-c", &format!("kill -TERM {}", child.id())]).status().unwrap();
    assert!(status.success());
    let output = tokio::task::spawn_blocking(move || {
        let started = std::time::Instant::now();
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                let mut err = String::new();
                std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err).unwrap();
                return (status, err);
            }
            assert!(started.elapsed() < Duration::from_secs(20), "the bot did not stop");
            std::thread::sleep(Duration::from_millis(50));
        }
    })
    .await
    .unwrap();
    assert!(output.0.success(), "exit status {:?}: {}", output.0, output.1);
    assert!(output.1.contains("shut down cleanly"), "{}", output.1);
    assert!(output.1.contains("\"command\":\"program setup\"") && output.1.contains("latency_ms"), "{}", output.1);
    assert!(!output.1.contains("sim-token"), "the token never reaches the logs");
    sim.assert_no_violations().unwrap();
}

#[test]
fn check_config_prints_the_effective_settings_with_the_token_redacted() {
    let out = Command::new(BIN)
        .arg("check-config")
        .env("DISCORD_TOKEN", "very-secret")
        .env("MENTOR_BOT__BOOKING__MAX_DAYS_AHEAD", "90")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(text.contains("max_days_ahead = 90") && text.contains("DISCORD_TOKEN: set (redacted)"), "{text}");
    assert!(!text.contains("very-secret"));
}

#[test]
fn a_bad_setting_stops_with_one_message_naming_the_key_and_exit_code_2() {
    let out = Command::new(BIN).arg("check-config").env("MENTOR_BOT__SCHEDULER__QUIET_HOURS", "late").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("scheduler.quiet_hours"), "{err}");
    let out = Command::new(BIN).args(["--config", "/nonexistent/mentor.toml", "check-config"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn run_without_a_token_explains_how_to_get_one_or_try_the_demo() {
    let out = Command::new(BIN).arg("run").env_remove("DISCORD_TOKEN").output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("DISCORD_TOKEN is not set") && err.contains("mentor-bot demo"), "{err}");
}

#[test]
fn migrate_creates_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    let out = Command::new(BIN)
        .arg("migrate")
        .env("MENTOR_BOT__DATABASE__URL", format!("sqlite://{}", db.display()))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(db.exists());
}

#[test]
fn a_time_scale_of_zero_negative_nan_or_infinity_is_refused_with_a_clear_message_and_exit_code_2() {
    for bad in ["0", "-5", "NaN", "inf", "-inf", "1e300", "fast"] {
        let out = Command::new(BIN)
            .args(["run", &format!("--time-scale={bad}")])
            .env("DISCORD_TOKEN", "sim-token")
            .env("MENTOR_BOT__DATABASE__URL", "sqlite::memory:")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "--time-scale {bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("--time-scale") && err.contains(bad), "{bad}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

/// A free local port (the listener is closed again before the bot takes it).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn health(listen: &str) -> std::process::Output {
    Command::new(BIN).arg("health").env("MENTOR_BOT__HTTP__LISTEN", listen).output().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_exits_0_while_the_bot_runs_healthy_and_1_once_it_is_gone_with_the_token_read_from_a_file() {
    let sim = Sim::start(
        SimSpec::empty()
            .guild(GuildSpec::new(GUILD, "Acme").channel(ChannelSpec::new(GUILD + 100, "general")))
            .user(UserSpec::new(7, "Ada").admin_of(GUILD)),
    )
    .await
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let token = dir.path().join("discord_token");
    // As Docker secrets and most editors write it: with a trailing newline.
    std::fs::write(&token, "sim-token\n").unwrap();
    let listen = format!("127.0.0.1:{}", free_port());
    let mut child = Command::new(BIN)
        .arg("run")
        .env_remove("DISCORD_TOKEN")
        .env("DISCORD_TOKEN_FILE", &token)
        .env("MENTOR_BOT__HTTP__LISTEN", &listen)
        .env("MENTOR_BOT__DISCORD__API_URL", sim.api_url())
        .env("MENTOR_BOT__DISCORD__GUILD_ID", GUILD.to_string())
        .env("MENTOR_BOT__DATABASE__URL", format!("sqlite://{}", dir.path().join("bot.db").display()))
        .env("MENTOR_BOT__LOG__FORMAT", "json")
        .env_remove("RUST_LOG")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    sim.wait_ready(Duration::from_secs(30)).await.unwrap();
    let authorized = sim.requests().into_iter().any(|r| r.method == "PUT" && r.path.contains("/commands"));
    assert!(authorized, "the bot registered its commands with the token from the file");

    let listen_for_check = listen.clone();
    let healthy = tokio::task::spawn_blocking(move || {
        let started = std::time::Instant::now();
        loop {
            let out = health(&listen_for_check);
            if out.status.code() == Some(0) || started.elapsed() > Duration::from_secs(15) {
                return out;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    })
    .await
    .unwrap();
    let body = String::from_utf8_lossy(&healthy.stdout);
    assert_eq!(healthy.status.code(), Some(0), "{body} {}", String::from_utf8_lossy(&healthy.stderr));
    assert!(body.contains("\"status\": \"ok\""), "{body}");

    let status = Command::new("sh").args(["-c", &format!("kill -TERM {}", child.id())]).status().unwrap();
    assert!(status.success());
    let exit = tokio::task::spawn_blocking(move || child.wait().unwrap()).await.unwrap();
    assert!(exit.success());
    let gone = health(&listen);
    assert_eq!(gone.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&gone.stderr).contains("no answer"), "{}", String::from_utf8_lossy(&gone.stderr));
    let unset = Command::new(BIN).arg("health").env_remove("MENTOR_BOT__HTTP__LISTEN").output().unwrap();
    assert_eq!(unset.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&unset.stderr).contains("http.listen is not set"));
    sim.assert_no_violations().unwrap();
}

#[test]
fn a_token_file_is_read_and_a_missing_or_doubled_one_stops_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let token = dir.path().join("token");
    std::fs::write(&token, "file-secret\n").unwrap();
    let check = |vars: &[(&str, &std::ffi::OsStr)]| {
        let mut c = Command::new(BIN);
        c.arg("check-config").env_remove("DISCORD_TOKEN").env_remove("DISCORD_TOKEN_FILE");
        for (k, v) in vars {
            c.env(k, v);
        }
        c.output().unwrap()
    };
    let ok = check(&[("DISCORD_TOKEN_FILE", token.as_os_str())]);
    let text = String::from_utf8_lossy(&ok.stdout);
    assert!(ok.status.success() && text.contains("set from DISCORD_TOKEN_FILE (redacted)"), "{text}");
    assert!(!text.contains("file-secret"));

    let missing = dir.path().join("nope");
    let out = check(&[("DISCORD_TOKEN_FILE", missing.as_os_str())]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot read the token file") && err.contains("nope"), "{err}");

    let out = check(&[("DISCORD_TOKEN_FILE", token.as_os_str()), ("DISCORD_TOKEN", "x".as_ref())]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("both DISCORD_TOKEN and DISCORD_TOKEN_FILE"));

    let out =
        Command::new(BIN).arg("run").env_remove("DISCORD_TOKEN").env("DISCORD_TOKEN_FILE", &missing).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read the token file"));
}
