//! What the scheduler knows about delivery that people should see in `/program status`: the
//! token was refused (nothing can be sent), or Discord is failing and delivery is paused.

use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};

use chrono::{DateTime, Utc};

/// Shared between the scheduler (writes) and the status command (reads).
#[derive(Debug, Default)]
pub struct DeliveryHealth {
    unauthorized: AtomicBool,
    /// Unix seconds until which delivery is paused; 0 when running.
    paused_until: AtomicI64,
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
}
