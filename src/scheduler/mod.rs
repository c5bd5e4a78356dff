//! The scheduler: a supervised runner that sleeps until the earliest due job (woken early when
//! jobs change), claims due jobs atomically with a lease and a fencing token, delivers them
//! concurrently (bounded) under the one request budget, and records each job's outcome as soon
//! as its own send is known (sent, skipped, retried while the message still matters, or failed
//! with a channel fallback for closed DMs). A broad Discord failure pauses delivery and probes.

mod breaker;
mod deliver;
mod digest;
mod messages;
mod prepare;
mod reference;
mod shape;
mod weekly;

use std::{
    collections::HashMap,
    future::Future,
    panic::AssertUnwindSafe,
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc,
    },
    time::Duration as StdDuration,
};

use chrono::{DateTime, Duration, Utc};
use futures_util::FutureExt as _;
use tokio::{
    sync::{watch, Mutex},
    task::JoinHandle,
};

pub use deliver::Outcome;
pub use reference::{job_nonce, unit_nonce};
pub use weekly::weeks_around;

use self::breaker::Breaker;
use crate::{
    app::App,
    domain::ids::{ChannelId, UserId},
    notify::Notifier,
};

/// How the runner behaves (from `[scheduler]` in the configuration).
#[derive(Debug, Clone)]
pub struct RunnerSettings {
    pub batch_size: u32,
    pub lease: Duration,
    pub retry_base: Duration,
    pub retry_max: Duration,
    /// Deliveries in flight at once.
    pub max_in_flight: usize,
    /// Sent, skipped and cancelled jobs are deleted this long after they finished.
    pub prune_after: Duration,
    /// The longest the runner sleeps without a round, even with nothing due (real time), so a
    /// health check can tell an idle runner from a stalled one.
    pub heartbeat: StdDuration,
}

impl RunnerSettings {
    /// Reads the runner settings of a validated configuration.
    pub fn from_config(c: &crate::config::SchedulerConfig) -> anyhow::Result<Self> {
        let d = c.runner_durations()?;
        Ok(Self {
            batch_size: c.batch_size,
            lease: d.lease,
            retry_base: d.retry_base,
            retry_max: d.retry_max,
            max_in_flight: c.max_in_flight as usize,
            prune_after: d.prune_after,
            heartbeat: StdDuration::from_secs(30),
        })
    }
}

/// Delivers due jobs.
#[derive(Debug)]
pub struct Scheduler {
    app: App,
    notifier: Arc<dyn Notifier>,
    settings: RunnerSettings,
    dm_channels: Mutex<HashMap<UserId, ChannelId>>,
    breaker: std::sync::Mutex<Breaker>,
    last_prune: Mutex<Option<DateTime<Utc>>>,
}

/// A running scheduler.
#[derive(Debug)]
pub struct SchedulerHandle {
    task: JoinHandle<()>,
    stop: watch::Sender<bool>,
    /// The clock's time and the number of the last round that found nothing more to do.
    idle: watch::Receiver<(DateTime<Utc>, u64)>,
    /// How many rounds have started.
    rounds: Arc<AtomicU64>,
    app: App,
}

/// How long the runner waits before it tries again after Discord refused the token.
const UNAUTHORIZED_RECHECK: Duration = Duration::minutes(5);

impl Scheduler {
    /// A scheduler sending through `notifier`.
    pub fn new(app: App, notifier: Arc<dyn Notifier>, settings: RunnerSettings) -> Self {
        let breaker = Breaker::new(settings.retry_base, settings.retry_max.min(Duration::minutes(10)));
        Self {
            app,
            notifier,
            settings,
            dm_channels: Mutex::default(),
            breaker: std::sync::Mutex::new(breaker),
            last_prune: Mutex::default(),
        }
    }

    /// Claims and processes one batch of jobs due at the clock's now; returns how many it claimed.
    pub async fn run_once(&self) -> anyhow::Result<usize> {
        let now = self.app.now();
        self.prune(now).await?;
        let claimed = self.app.store.claim_due_jobs(now, self.settings.lease, self.settings.batch_size).await?;
        let count = claimed.jobs.len() + claimed.set_aside;
        self.deliver_all(claimed.jobs).await;
        Ok(count)
    }

    /// Maintenance, at most once an hour: deletes finished jobs past their retention and the
    /// content of pairings that ended longer ago than their program keeps it.
    async fn prune(&self, now: DateTime<Utc>) -> anyhow::Result<()> {
        let mut last = self.last_prune.lock().await;
        if last.is_some_and(|t| now - t < Duration::hours(1)) {
            return Ok(());
        }
        let pruned = self.app.store.prune_jobs(now - self.settings.prune_after).await?;
        if pruned > 0 {
            tracing::info!(pruned, "pruned finished jobs");
        }
        let cleared = self.app.apply_retention(now).await?;
        if cleared > 0 {
            tracing::info!(pairings = cleared, "deleted the content of long-ended pairings");
        }
        *last = Some(now);
        Ok(())
    }

    /// Runs until stopped: process due jobs, then sleep until the next one or a wake-up. A panic
    /// in a round is logged and the runner starts again.
    pub fn spawn(self) -> SchedulerHandle {
        self.spawn_after(async {})
    }

    /// Like [`spawn`](Self::spawn), but the first round waits for `ready` (the bot's start-up).
    pub fn spawn_after(self, ready: impl Future<Output = ()> + Send + 'static) -> SchedulerHandle {
        let (stop, stop_rx) = watch::channel(false);
        let (idle_tx, idle) = watch::channel((DateTime::<Utc>::MIN_UTC, 0));
        let app = self.app.clone();
        let rounds = Arc::new(AtomicU64::new(0));
        let counter = Arc::clone(&rounds);
        let scheduler = Arc::new(self);
        let mut stopped = stop_rx.clone();
        let task = tokio::spawn(async move {
            tokio::select! {
                () = ready => {}
                _ = stopped.changed() => return,
            }
            supervise(|| Arc::clone(&scheduler).run(stop_rx.clone(), idle_tx.clone(), Arc::clone(&counter))).await;
            tracing::info!("scheduler stopped");
        });
        SchedulerHandle { task, stop, idle, rounds, app }
    }

    async fn run(
        self: Arc<Self>,
        mut stop_rx: watch::Receiver<bool>,
        idle_tx: watch::Sender<(DateTime<Utc>, u64)>,
        rounds: Arc<AtomicU64>,
    ) {
        let mut recheck_at: Option<DateTime<Utc>> = None;
        loop {
            if *stop_rx.borrow() {
                return;
            }
            let round = rounds.fetch_add(1, Ordering::SeqCst) + 1;
            let round_at = self.app.now();
            if self.app.delivery.unauthorized() {
                // Nothing can be sent: say so, and look again now and then (the token may have
                // been a passing problem of Discord's).
                let at = *recheck_at.get_or_insert_with(|| {
                    tracing::error!(
                        "Discord refuses the bot's token (HTTP 401): nothing is sent. Set a valid DISCORD_TOKEN and restart."
                    );
                    round_at + UNAUTHORIZED_RECHECK
                });
                if round_at < at {
                    idle_tx.send_replace((round_at, round));
                    self.app.delivery.round_finished();
                    tokio::select! {
                        () = self.app.clock.sleep_until(at) => {}
                        () = tokio::time::sleep(self.settings.heartbeat) => {}
                        () = self.app.wake.notified() => {}
                        _ = stop_rx.changed() => {}
                    }
                    continue;
                }
                recheck_at = None;
                self.app.delivery.set_unauthorized(false);
            }
            let result = self.run_once().await;
            if result.is_ok() {
                self.app.delivery.round_finished();
            }
            match result {
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
            if next.is_some_and(|t| t <= round_at) && !self.app.delivery.unauthorized() {
                // The round itself made something due (a DM fallback): handle it first.
                continue;
            }
            idle_tx.send_replace((round_at, round));
            let sleep = async {
                match next {
                    Some(at) => self.app.clock.sleep_until(at).await,
                    None => std::future::pending().await,
                }
            };
            tokio::select! {
                () = sleep => {}
                () = tokio::time::sleep(self.settings.heartbeat) => {}
                () = self.app.wake.notified() => {}
                _ = stop_rx.changed() => {}
            }
        }
    }
}

/// Runs what `start` makes until it returns; a panic is logged and it is started again a
/// second later. Returns how many times it panicked.
async fn supervise<F: Future<Output = ()>>(mut start: impl FnMut() -> F) -> u32 {
    let mut panics = 0;
    loop {
        match AssertUnwindSafe(start()).catch_unwind().await {
            Ok(()) => return panics,
            Err(panic) => {
                panics += 1;
                let what = panic
                    .downcast_ref::<&str>()
                    .map(ToString::to_string)
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                tracing::error!(panic = what, "the scheduler panicked; restarting it in a second");
                tokio::time::sleep(StdDuration::from_secs(1)).await;
            }
        }
    }
}

impl SchedulerHandle {
    /// Wakes the runner and waits until a round that started after this call has processed
    /// everything due at `at` (tests and the demo step the manual clock with this).
    pub async fn settle(&mut self, at: DateTime<Utc>, limit: StdDuration) -> anyhow::Result<()> {
        let after = self.rounds.load(Ordering::SeqCst) + 1;
        self.app.jobs_changed();
        tokio::time::timeout(limit, self.idle.wait_for(|(t, round)| *round >= after && *t >= at))
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

    /// Stops at once, as a crash would: deliveries in flight are abandoned mid-way.
    pub fn abort(self) {
        self.task.abort();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicU32;

    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_runner_that_panics_is_started_again() {
        let starts = AtomicU32::new(0);
        let panics = supervise(|| {
            let n = starts.fetch_add(1, Ordering::SeqCst);
            async move {
                assert!(n >= 2, "a bug in round {n}");
            }
        })
        .await;
        assert_eq!((panics, starts.load(Ordering::SeqCst)), (2, 3));
    }
}
