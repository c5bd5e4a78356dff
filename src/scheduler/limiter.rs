//! A global send-rate limiter in real time: sends are spaced at least `1/rate` apart, so a burst
//! of thousands of due jobs drains steadily instead of provoking 429 storms.

use std::time::Duration;

use tokio::{sync::Mutex, time::Instant};

/// Spaces calls to `acquire` evenly.
#[derive(Debug)]
pub struct RateLimiter {
    interval: Duration,
    next: Mutex<Instant>,
}

impl RateLimiter {
    /// At most `per_second` acquisitions per second (at least 1).
    pub fn new(per_second: u32) -> Self {
        Self { interval: Duration::from_secs(1) / per_second.max(1), next: Mutex::new(Instant::now()) }
    }

    /// Waits for the next free slot (not at all when it is free now: timers tick in whole
    /// milliseconds, which would cap the rate at 1000/s).
    pub async fn acquire(&self) {
        let (slot, now) = {
            let mut next = self.next.lock().await;
            let now = Instant::now();
            let slot = (*next).max(now);
            *next = slot + self.interval;
            (slot, now)
        };
        if slot > now {
            tokio::time::sleep_until(slot).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_burst_is_spaced_at_the_configured_rate() {
        let limiter = RateLimiter::new(40);
        let start = Instant::now();
        for _ in 0..81 {
            limiter.acquire().await;
        }
        assert_eq!(start.elapsed(), Duration::from_secs(2));
    }
}
