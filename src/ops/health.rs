//! What `/healthz` checks: the gateway is connected (every shard this process runs), the database
//! answers, and the scheduler finished a round within `http.scheduler_stall_after`. A part the
//! process does not run (no gateway, scheduler off) is not judged. Each part says why it fails.

use std::{sync::Arc, time::Duration};

use poise::serenity_prelude as serenity;
use serde::Serialize;

use crate::app::App;

/// How long the database may take to answer a health check.
const DATABASE_LIMIT: Duration = Duration::from_secs(2);

/// Everything a health check looks at.
#[derive(Debug)]
pub struct Probe {
    pub app: App,
    /// `None` when this process runs no gateway (then it is not checked).
    pub shard_manager: Option<Arc<serenity::ShardManager>>,
    /// The shards this process runs.
    pub shard_ids: Vec<u32>,
    /// `false` when `scheduler.enabled` is off (then it is not checked).
    pub scheduler_enabled: bool,
    pub stall_after: Duration,
}

/// One part's state.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Part {
    pub ok: bool,
    /// Why it fails, or what it is doing.
    pub detail: String,
}

/// One gateway shard.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Shard {
    pub id: u32,
    pub stage: String,
    /// The last heartbeat's round trip.
    pub latency_ms: Option<u64>,
}

/// The whole answer of `/healthz`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report {
    /// `ok` or `failing`.
    pub status: &'static str,
    /// The parts that fail: `gateway`, `database`, `scheduler`.
    pub failing: Vec<&'static str>,
    pub gateway: Part,
    pub shards: Vec<Shard>,
    pub database: Part,
    pub scheduler: Part,
}

impl Report {
    /// Every part is fine.
    pub fn healthy(&self) -> bool {
        self.failing.is_empty()
    }
}

impl Probe {
    /// The gateway's shards as serenity's shard manager sees them.
    pub async fn shards(&self) -> Vec<Shard> {
        let Some(shard_manager) = &self.shard_manager else { return Vec::new() };
        let runners = shard_manager.runners.lock().await;
        let mut shards: Vec<Shard> = runners
            .iter()
            .map(|(id, info)| Shard {
                id: id.0,
                stage: format!("{:?}", info.stage),
                latency_ms: info.latency.map(|l| u64::try_from(l.as_millis()).unwrap_or(u64::MAX)),
            })
            .collect();
        shards.sort_by_key(|s| s.id);
        shards
    }

    /// Looks at every part.
    pub async fn check(&self) -> Report {
        let shards = self.shards().await;
        let missing = self.shard_ids.iter().find(|id| !shards.iter().any(|s| s.id == **id));
        let gateway = if self.shard_manager.is_none() {
            Part { ok: true, detail: "not run by this process (discord.gateway = false)".into() }
        } else if shards.is_empty() {
            Part { ok: false, detail: "no gateway connection (reconnecting or not started)".into() }
        } else if let Some(id) = missing {
            Part { ok: false, detail: format!("shard {id} is not running (reconnecting or not started)") }
        } else if let Some(s) = shards.iter().find(|s| s.stage != "Connected") {
            Part { ok: false, detail: format!("shard {} is {}", s.id, s.stage.to_lowercase()) }
        } else {
            Part { ok: true, detail: format!("{} shard(s) connected", shards.len()) }
        };
        let database = match self.app.store.ping(DATABASE_LIMIT).await {
            Ok(()) => Part { ok: true, detail: "answers".into() },
            Err(e) => Part { ok: false, detail: format!("{e:#}") },
        };
        let scheduler = self.scheduler();
        let mut failing = Vec::new();
        for (name, part) in [("gateway", &gateway), ("database", &database), ("scheduler", &scheduler)] {
            if !part.ok {
                failing.push(name);
            }
        }
        let status = if failing.is_empty() { "ok" } else { "failing" };
        Report { status, failing, gateway, shards, database, scheduler }
    }

    fn scheduler(&self) -> Part {
        if !self.scheduler_enabled {
            return Part { ok: true, detail: "not run by this process (scheduler.enabled = false)".into() };
        }
        match self.app.delivery.since_last_round() {
            None => Part { ok: false, detail: "has not finished a round yet".into() },
            Some(ago) if ago > self.stall_after => Part {
                ok: false,
                detail: format!(
                    "stalled: last round finished {:.0} s ago (limit {} s)",
                    ago.as_secs_f64(),
                    self.stall_after.as_secs()
                ),
            },
            Some(ago) => Part { ok: true, detail: format!("last round finished {:.1} s ago", ago.as_secs_f64()) },
        }
    }

    /// Brings the gauges read at scrape time up to date (jobs by state, the gateway).
    pub async fn refresh_metrics(&self) {
        let metrics = &self.app.metrics;
        match self.app.store.job_state_totals().await {
            Ok(totals) => {
                for state in ["pending", "running", "sent", "failed", "skipped", "set_aside", "cancelled"] {
                    let n = totals.iter().find(|(s, _)| s == state).map_or(0, |(_, n)| *n);
                    metrics.set_jobs(state, n);
                }
            }
            Err(e) => tracing::warn!(error = ?e, "cannot count jobs for the metrics"),
        }
        if self.shard_manager.is_none() {
            return;
        }
        let shards = self.shards().await;
        let connected = !shards.is_empty() && shards.iter().all(|s| s.stage == "Connected");
        let latency =
            shards.iter().filter_map(|s| s.latency_ms).max().map(|ms| Duration::from_millis(ms).as_secs_f64());
        metrics.set_gateway(connected, latency);
    }
}
