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

    /// Waits for the next free slot. A slot less than a millisecond ahead is taken at once:
    /// timers tick in whole milliseconds, and sleeping for each would cap the rate near 1000/s
    /// (the average rate still holds, since every slot is `1/rate` after the previous one).
    pub async fn acquire(&self) {
        let (slot, now) = {
            let mut next = self.next.lock().await;
            let now = Instant::now();
            let slot = (*next).max(now);
            *next = slot + self.interval;
            (slot, now)
        };
        if slot > now + Duration::from_millis(1) {
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

    #[tokio::test(start_paused = true)]
    async fn a_high_rate_is_not_capped_by_the_timer_resolution() {
        let limiter = RateLimiter::new(1_000_000);
        let start = Instant::now();
        for _ in 0..10_000 {
            limiter.acquire().await;
        }
        // 10,000 slots 1 µs apart take 10 ms; sleeping for each would take 10 s.
        assert!(start.elapsed() < Duration::from_millis(100), "{:?}", start.elapsed());
    }
}
