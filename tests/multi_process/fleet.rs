//! The bot processes of the test: started with the test's settings, killed with SIGKILL, stopped
//! with SIGTERM, their `/metrics` read; whatever still runs when the test ends is killed.

use std::{
    fmt::Write as _,
    fs::File,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use super::{budget_env, PROCESSES};

const BIN: &str = env!("CARGO_BIN_EXE_mentor-bot");

/// A free local port (closed again before the bot takes it).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// One `mentor-bot run --shards N-N/3` process.
pub struct Process {
    shard: u32,
    child: Child,
    pub listen: String,
}

/// The processes of the test; whatever still runs when it ends is killed.
pub struct Fleet {
    sim_api: String,
    database: String,
    dir: tempfile::TempDir,
    processes: Vec<Process>,
    starts: u32,
}

impl Fleet {
    /// No processes yet; they will talk to the simulated Discord at `sim_api` and use `database`.
    pub fn new(sim_api: String, database: String) -> Self {
        Self { sim_api, database, dir: tempfile::tempdir().unwrap(), processes: Vec::new(), starts: 0 }
    }

    pub fn start(&mut self, shard: u32) {
        self.starts += 1;
        let listen = format!("127.0.0.1:{}", free_port());
        let log = self.dir.path().join(format!("shard{shard}-start{}.log", self.starts));
        let mut command = Command::new(BIN);
        command
            .args(["run", "--shards", &format!("{shard}-{shard}/{PROCESSES}")])
            .env("DISCORD_TOKEN", "sim-token")
            .env("MENTOR_BOT__DISCORD__API_URL", &self.sim_api)
            .env("MENTOR_BOT__DISCORD__GUILD_ID", "0")
            .env("MENTOR_BOT__DATABASE__URL", &self.database)
            // A crashed process's claims come back after 5 s instead of 2 minutes.
            .env("MENTOR_BOT__SCHEDULER__LEASE", "5s")
            .env("MENTOR_BOT__HTTP__LISTEN", &listen)
            .env("MENTOR_BOT__LOG__FORMAT", "json")
            .env_remove("RUST_LOG")
            .env_remove("MENTOR_BOT_CONFIG")
            .stdout(Stdio::null())
            .stderr(File::create(&log).unwrap());
        for (key, value) in budget_env() {
            command.env(key, value);
        }
        let child = command.spawn().unwrap();
        self.processes.push(Process { shard, child, listen });
    }

    pub fn process(&mut self, shard: u32) -> &mut Process {
        self.processes.iter_mut().find(|p| p.shard == shard).unwrap()
    }

    /// SIGKILL (what `Child::kill` sends on Unix): nothing finishes, nothing is closed.
    pub fn kill(&mut self, shard: u32) {
        let i = self.processes.iter().position(|p| p.shard == shard).unwrap();
        let mut p = self.processes.remove(i);
        p.child.kill().unwrap();
        p.child.wait().unwrap();
    }

    /// SIGTERM to every process; each must stop cleanly.
    pub async fn stop(&mut self) {
        for p in &self.processes {
            let status = Command::new("sh").args(["-c", &format!("kill -TERM {}", p.child.id())]).status().unwrap();
            assert!(status.success());
        }
        let deadline = Instant::now() + Duration::from_secs(30);
        for p in &mut self.processes {
            let status = loop {
                if let Some(status) = p.child.try_wait().unwrap() {
                    break status;
                }
                assert!(Instant::now() < deadline, "shard {} did not stop after SIGTERM", p.shard);
                tokio::time::sleep(Duration::from_millis(50)).await;
            };
            assert!(status.success(), "shard {} exited with {status:?}", p.shard);
        }
        self.processes.clear();
    }

    /// The last lines of every log (for a failure's message).
    pub fn logs(&self) -> String {
        let mut out = String::new();
        for entry in std::fs::read_dir(self.dir.path()).unwrap().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            let lines: Vec<&str> = text.lines().collect();
            writeln!(out, "--- {}", entry.file_name().to_string_lossy()).unwrap();
            writeln!(out, "{}", lines[lines.len().saturating_sub(15)..].join("\n")).unwrap();
        }
        out
    }
}

impl Drop for Fleet {
    fn drop(&mut self) {
        for p in &mut self.processes {
            p.child.kill().ok();
            p.child.wait().ok();
        }
    }
}

/// How many times a process's `/metrics` counted `command` answered.
pub async fn answered(listen: &str, command: &str) -> u64 {
    let client = reqwest::Client::builder().no_proxy().timeout(Duration::from_secs(10)).build().unwrap();
    let text = client.get(format!("http://{listen}/metrics")).send().await.unwrap().text().await.unwrap();
    let needle = format!("mentor_bot_commands_total{{command=\"{command}\",");
    text.lines()
        .filter(|l| l.starts_with(&needle))
        .map(|l| l.rsplit(' ').next().and_then(|n| n.parse::<u64>().ok()).expect("a whole count"))
        .sum()
}
