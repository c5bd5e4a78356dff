//! The scheduler: a runner that sleeps until the earliest due job (woken early when jobs
//! change), claims due jobs atomically with a lease, delivers them at a bounded rate with
//! stable nonces, and records each outcome (sent, skipped, retried with backoff, or failed with
//! a channel fallback for closed DMs).

mod deliver;
mod limiter;
mod messages;
mod weekly;

use std::{sync::Arc, time::Duration as StdDuration};

use chrono::{DateTime, Duration, Utc};
use tokio::{sync::watch, task::JoinHandle};

pub use deliver::Outcome;
pub use limiter::RateLimiter;
pub use weekly::weeks_around;

use crate::{app::App, domain::jobs::JobKind, notify::Notifier, store::Job};

/// How the runner behaves (from `[scheduler]` in the configuration).
#[derive(Debug, Clone)]
pub struct RunnerSettings {
    pub batch_size: u32,
    pub lease: Duration,
    pub max_attempts: u32,
    pub retry_base: Duration,
    pub retry_max: Duration,
    pub send_rate_per_second: u32,
}

impl RunnerSettings {
    /// Reads the runner settings of a validated configuration.
    pub fn from_config(c: &crate::config::SchedulerConfig) -> anyhow::Result<Self> {
        let (retry_base, retry_max, lease) = c.runner_durations()?;
        Ok(Self {
            batch_size: c.batch_size,
            lease,
            max_attempts: c.max_attempts,
            retry_base,
            retry_max,
            send_rate_per_second: c.send_rate_per_second,
        })
    }
}

/// Delivers due jobs.
#[derive(Debug)]
pub struct Scheduler {
    app: App,
    notifier: Arc<dyn Notifier>,
    settings: RunnerSettings,
    limiter: RateLimiter,
}

/// A running scheduler.
#[derive(Debug)]
pub struct SchedulerHandle {
    task: JoinHandle<()>,
    stop: watch::Sender<bool>,
    idle: watch::Receiver<DateTime<Utc>>,
    app: App,
}

impl Scheduler {
    /// A scheduler sending through `notifier`.
    pub fn new(app: App, notifier: Arc<dyn Notifier>, settings: RunnerSettings) -> Self {
        let limiter = RateLimiter::new(settings.send_rate_per_second);
        Self { app, notifier, settings, limiter }
    }

    /// Claims and processes one batch of jobs due at the clock's now; returns how many it claimed.
    pub async fn run_once(&self) -> anyhow::Result<usize> {
        let now = self.app.now();
        let jobs = self.app.store.claim_due_jobs(now, self.settings.lease, self.settings.batch_size).await?;
        let claimed = jobs.len();
        let mut delivered = Vec::new();
        for group in deliver::group(jobs) {
            let outcome = self.deliver(&group, self.app.now()).await;
            delivered.push((group, outcome));
        }
        // One transaction marks the whole batch; a crash before it commits leaves the jobs
        // leased, and their retries carry the same nonces.
        let mut tx = self.app.store.begin().await?;
        let mut sent = Vec::new();
        for (group, outcome) in delivered {
            if outcome == Outcome::Sent && group.iter().all(|j| j.kind != JobKind::WeeklyNudge) {
                sent.extend(group.iter().map(|j| j.id));
            } else {
                self.record(&mut tx, &group, outcome).await?;
            }
        }
        self.app.store.finish_jobs_sent(&mut tx, &sent, self.app.now()).await?;
        tx.commit().await?;
        Ok(claimed)
    }

    /// Runs until stopped: process due jobs, then sleep until the next one or a wake-up.
    pub fn spawn(self) -> SchedulerHandle {
        let (stop, mut stop_rx) = watch::channel(false);
        let (idle_tx, idle) = watch::channel(DateTime::<Utc>::MIN_UTC);
        let app = self.app.clone();
        let task = tokio::spawn(async move {
            loop {
                if *stop_rx.borrow() {
                    break;
                }
                let round_at = self.app.now();
                match self.run_once().await {
                    Ok(n) if n >= self.settings.batch_size as usize => continue,
                    Ok(_) => {}
                    Err(e) => {
                        tracing::error!(error = ?e, "scheduler round failed; retrying in a second");
                        tokio::select! {
                            () = tokio::time::sleep(StdDuration::from_secs(1)) => {}
                            _ = stop_rx.changed() => {}
                        }
                        continue;
                    }
                }
                let next = match self.app.store.next_job_wakeup().await {
                    Ok(next) => next,
                    Err(e) => {
                        tracing::error!(error = ?e, "cannot read the next due job");
                        Some(self.app.now() + Duration::seconds(1))
                    }
                };
                if next.is_some_and(|t| t <= round_at) {
                    // The round itself made something due (a DM fallback): handle it first.
                    continue;
                }
                idle_tx.send_replace(round_at);
                let sleep = async {
                    match next {
                        Some(at) => self.app.clock.sleep_until(at).await,
                        None => std::future::pending().await,
                    }
                };
                tokio::select! {
                    () = sleep => {}
                    () = self.app.wake.notified() => {}
                    _ = stop_rx.changed() => {}
                }
            }
            tracing::info!("scheduler stopped");
        });
        SchedulerHandle { task, stop, idle, app }
    }
}

impl SchedulerHandle {
    /// Wakes the runner and waits until it has processed everything due at `at` (tests and the
    /// demo step the manual clock with this).
    pub async fn settle(&mut self, at: DateTime<Utc>, limit: StdDuration) -> anyhow::Result<()> {
        self.app.jobs_changed();
        tokio::time::timeout(limit, self.idle.wait_for(|t| *t >= at))
            .await
            .map_err(|_| anyhow::anyhow!("the scheduler did not settle at {at} within {limit:?}"))?
            .map_err(|_| anyhow::anyhow!("the scheduler stopped"))?;
        Ok(())
    }

    /// Lets the current round finish, then stops.
    pub async fn shutdown(self) {
        self.stop.send_replace(true);
        if let Err(e) = self.task.await {
            tracing::error!(error = %e, "scheduler task failed");
        }
    }
}

/// The nonce of a job's message: stable across retries and restarts, unique per job and
/// database (at most 1 + 13 + 1 + 6 = 21 characters; Discord allows 25).
pub fn job_nonce(job: &Job, instance: &str) -> String {
    format!("j{}.{instance}", crate::app::base36(job.id.unsigned_abs()))
}
