//! The only source of time: a `Clock` trait with a system clock, a scaled clock (the demo and
//! rehearsals run time N times faster) and a manual clock that tests move by hand.

use std::{
    fmt,
    sync::{Arc, Mutex, PoisonError},
    time::Duration as StdDuration,
};

use chrono::{DateTime, Duration, Utc};
use tokio::sync::watch;

/// Something that tells the time and can wait until a given instant.
#[async_trait::async_trait]
pub trait Clock: Send + Sync + fmt::Debug {
    /// The current instant.
    fn now(&self) -> DateTime<Utc>;

    /// Waits until `now() >= at` (returns at once when that is already so).
    async fn sleep_until(&self, at: DateTime<Utc>);
}

/// A shared clock handle.
pub type SharedClock = Arc<dyn Clock>;

/// Real time.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

#[async_trait::async_trait]
impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }

    async fn sleep_until(&self, at: DateTime<Utc>) {
        if let Ok(wait) = (at - Utc::now()).to_std() {
            tokio::time::sleep(wait).await;
        }
    }
}

/// Time that starts at `origin` and runs `scale` times faster than real time.
#[derive(Debug, Clone)]
pub struct ScaledClock {
    origin: DateTime<Utc>,
    started: tokio::time::Instant,
    scale: f64,
}

impl ScaledClock {
    /// A clock reading `origin` now and advancing `scale` virtual seconds per real second.
    pub fn new(origin: DateTime<Utc>, scale: f64) -> Self {
        Self { origin, started: tokio::time::Instant::now(), scale: scale.max(f64::MIN_POSITIVE) }
    }
}

#[async_trait::async_trait]
impl Clock for ScaledClock {
    fn now(&self) -> DateTime<Utc> {
        let real = self.started.elapsed().as_secs_f64() * self.scale;
        self.origin + Duration::from_std(StdDuration::from_secs_f64(real)).unwrap_or(Duration::MAX)
    }

    async fn sleep_until(&self, at: DateTime<Utc>) {
        if let Ok(virt) = (at - self.now()).to_std() {
            tokio::time::sleep(StdDuration::from_secs_f64(virt.as_secs_f64() / self.scale)).await;
        }
    }
}

/// A clock that only moves when told to; sleepers wake when it passes their instant.
#[derive(Clone)]
pub struct ManualClock {
    now: Arc<Mutex<DateTime<Utc>>>,
    tick: watch::Sender<DateTime<Utc>>,
}

impl fmt::Debug for ManualClock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ManualClock").field("now", &self.now()).finish()
    }
}

impl ManualClock {
    /// A clock stopped at `start`.
    pub fn new(start: DateTime<Utc>) -> Self {
        let (tick, _) = watch::channel(start);
        Self { now: Arc::new(Mutex::new(start)), tick }
    }

    /// Moves the clock to `to` (never backwards) and wakes every sleeper that is due.
    pub fn set(&self, to: DateTime<Utc>) {
        let mut now = self.now.lock().unwrap_or_else(PoisonError::into_inner);
        if to > *now {
            *now = to;
            self.tick.send_replace(to);
        }
    }

    /// Moves the clock forward by `by`.
    pub fn advance(&self, by: Duration) {
        let to = self.now() + by;
        self.set(to);
    }
}

#[async_trait::async_trait]
impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.now.lock().unwrap_or_else(PoisonError::into_inner)
    }

    async fn sleep_until(&self, at: DateTime<Utc>) {
        let mut rx = self.tick.subscribe();
        // `wait_for` checks the current value first, then every change.
        let _already_due_or_closed = rx.wait_for(|now| *now >= at).await;
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap()
    }

    #[tokio::test]
    async fn a_manual_clock_wakes_a_sleeper_only_once_it_passes_the_instant() {
        let clock = ManualClock::new(t0());
        let sleeper = {
            let clock = clock.clone();
            tokio::spawn(async move { clock.sleep_until(t0() + Duration::hours(1)).await })
        };
        clock.advance(Duration::minutes(59));
        tokio::task::yield_now().await;
        assert!(!sleeper.is_finished());
        clock.advance(Duration::minutes(1));
        tokio::time::timeout(StdDuration::from_secs(5), sleeper).await.unwrap().unwrap();
    }

    #[test]
    fn a_manual_clock_never_goes_backwards() {
        let clock = ManualClock::new(t0());
        clock.set(t0() - Duration::hours(1));
        assert_eq!(clock.now(), t0());
    }

    #[tokio::test(start_paused = true)]
    async fn a_scaled_clock_runs_faster_than_real_time() {
        let clock = ScaledClock::new(t0(), 60.0);
        tokio::time::advance(StdDuration::from_secs(2)).await;
        let elapsed = clock.now() - t0();
        assert!(elapsed >= Duration::seconds(119) && elapsed <= Duration::seconds(121), "{elapsed}");
    }
}
