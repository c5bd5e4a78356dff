//! What the scheduler knows about delivery that people should see in `/program status`: the
//! token was refused (nothing can be sent), or Discord is failing and delivery is paused; and
//! when it last finished a round, for the operator's `/healthz`.

use std::{
    sync::{
        atomic::{AtomicBool, AtomicI64, Ordering},
        Mutex,
    },
    time::{Duration, Instant},
};

use chrono::{DateTime, Utc};

/// Shared between the scheduler (writes) and the status command (reads).
#[derive(Debug, Default)]
pub struct DeliveryHealth {
    unauthorized: AtomicBool,
    /// Unix seconds until which delivery is paused; 0 when running.
    paused_until: AtomicI64,
    /// When the scheduler last finished a round, in the process's monotonic time (a liveness
    /// watchdog, deliberately not the bot's clock, which may be scaled or manual).
    round_finished: Mutex<Option<Instant>>,
}

impl DeliveryHealth {
    /// Discord refused the token (401).
    pub fn set_unauthorized(&self, refused: bool) {
        self.unauthorized.store(refused, Ordering::Relaxed);
    }

    /// Whether Discord refused the token.
    pub fn unauthorized(&self) -> bool {
        self.unauthorized.load(Ordering::Relaxed)
    }

    /// Delivery is paused until `until` (an outage), or running (`None`).
    pub fn set_paused(&self, until: Option<DateTime<Utc>>) {
        self.paused_until.store(until.map_or(0, |t| t.timestamp()), Ordering::Relaxed);
    }

    /// When the next probe of a paused delivery goes out.
    pub fn paused_until(&self) -> Option<DateTime<Utc>> {
        match self.paused_until.load(Ordering::Relaxed) {
            0 => None,
            t => DateTime::from_timestamp(t, 0),
        }
    }

    /// The scheduler finished a round just now.
    pub fn round_finished(&self) {
        if let Ok(mut last) = self.round_finished.lock() {
            *last = Some(Instant::now());
        }
    }

    /// How long ago the scheduler last finished a round (`None`: never).
    pub fn since_last_round(&self) -> Option<Duration> {
        self.round_finished.lock().ok().and_then(|last| last.map(|t| t.elapsed()))
    }
}
