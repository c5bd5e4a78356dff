//! The one request budget towards Discord's REST API: a proactive global limit (Discord allows
//! 50 requests per second per bot; interaction callbacks and followups are exempt and do not pass
//! here), per-route buckets learnt from the `X-RateLimit-*` headers, and pauses ordered by a 429's
//! `retry-after` (global or per bucket). Every non-interaction request of the bot waits here, in
//! production and in tests alike.

use std::{collections::HashMap, time::Duration};

use tokio::{sync::Mutex, time::Instant};

/// What Discord told us about a bucket: its last answer's headers, and a 429's pause (which a
/// later answer's headers never shorten: that answer may have left before the 429).
#[derive(Debug, Clone, Copy)]
struct Bucket {
    remaining: u32,
    reset_at: Instant,
    blocked_until: Instant,
}

#[derive(Debug)]
struct State {
    /// The next free global slot.
    next_slot: Instant,
    /// No request before this (a global 429).
    paused_until: Instant,
    /// Keyed by route (method, path template and major parameter).
    buckets: HashMap<String, Bucket>,
}

/// The rate-limit headers of one answer, as far as the budget cares.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Limits {
    /// `X-RateLimit-Remaining`.
    pub remaining: Option<u32>,
    /// `X-RateLimit-Reset-After`, in seconds.
    pub reset_after: Option<f64>,
    /// A 429's wait, in seconds (body `retry_after` or the `retry-after` header).
    pub retry_after: Option<f64>,
    /// The 429 was global.
    pub global: bool,
}

/// Spaces requests globally and per route.
#[derive(Debug)]
pub struct RequestBudget {
    interval: Duration,
    state: Mutex<State>,
}

fn seconds(s: f64) -> Duration {
    Duration::try_from_secs_f64(s.max(0.0)).unwrap_or(Duration::from_mins(1)).min(Duration::from_hours(1))
}

impl RequestBudget {
    /// At most `per_second` requests per second in total (at least 1).
    pub fn new(per_second: u32) -> Self {
        let now = Instant::now();
        Self {
            interval: Duration::from_secs(1) / per_second.max(1),
            state: Mutex::new(State { next_slot: now, paused_until: now, buckets: HashMap::new() }),
        }
    }

    /// Waits until a request on `route` may go out, and takes its slot. A slot less than a
    /// millisecond ahead is taken at once: timers tick in whole milliseconds, and sleeping for each
    /// would cap the rate near 1000/s (the average rate still holds, since every slot is
    /// `1/rate` after the previous one). After waiting for its global slot a request looks at its
    /// bucket again: a 429 may have arrived meanwhile.
    pub async fn acquire(&self, route: &str) {
        loop {
            let blocked_until = self.blocked_until(route).await;
            if let Some(until) = blocked_until {
                tokio::time::sleep_until(until).await;
                continue;
            }
            let slot = {
                let mut s = self.state.lock().await;
                let slot = s.next_slot.max(Instant::now());
                s.next_slot = slot + self.interval;
                slot
            };
            if slot > Instant::now() + Duration::from_millis(1) {
                tokio::time::sleep_until(slot).await;
            }
            let mut s = self.state.lock().await;
            let now = Instant::now();
            if Self::blocked(&s, route, now).is_some() {
                continue;
            }
            if let Some(b) = s.buckets.get_mut(route) {
                if b.reset_at <= now && b.blocked_until <= now {
                    s.buckets.remove(route);
                } else {
                    b.remaining = b.remaining.saturating_sub(1);
                }
            }
            return;
        }
    }

    async fn blocked_until(&self, route: &str) -> Option<Instant> {
        let s = self.state.lock().await;
        Self::blocked(&s, route, Instant::now())
    }

    /// Until when `route` may not be used (a global pause, a 429, an exhausted bucket).
    fn blocked(s: &State, route: &str, now: Instant) -> Option<Instant> {
        let mut until = s.paused_until;
        if let Some(b) = s.buckets.get(route) {
            until = until.max(b.blocked_until);
            if b.remaining == 0 && b.reset_at > now {
                until = until.max(b.reset_at);
            }
        }
        (until > now).then_some(until)
    }

    /// Counts `n` requests made outside the budget (serenity's start-up calls) as made just now,
    /// so the budget's next requests leave room for them within the same second.
    pub async fn reserve(&self, n: u32) {
        let mut s = self.state.lock().await;
        s.next_slot = s.next_slot.max(Instant::now()) + self.interval * n;
    }

    /// Learns from an answer on `route`: the bucket's remaining requests and reset, and a 429's
    /// pause (the whole bot for a global one, else the bucket).
    pub async fn learn(&self, route: &str, limits: Limits) {
        let mut s = self.state.lock().await;
        let now = Instant::now();
        if let Some(wait) = limits.retry_after.map(seconds) {
            if limits.global {
                s.paused_until = s.paused_until.max(now + wait);
            } else {
                let bucket = s.buckets.entry(route.to_owned()).or_insert(Bucket {
                    remaining: 0,
                    reset_at: now + wait,
                    blocked_until: now,
                });
                bucket.blocked_until = bucket.blocked_until.max(now + wait);
            }
            return;
        }
        if let (Some(remaining), Some(reset_after)) = (limits.remaining, limits.reset_after) {
            let reset_at = now + seconds(reset_after);
            match s.buckets.get_mut(route) {
                // Answers arrive out of order under concurrency: keep the more pessimistic view.
                Some(b) if b.reset_at >= reset_at - Duration::from_millis(5) => {
                    b.remaining = b.remaining.min(remaining);
                }
                Some(b) => {
                    b.remaining = remaining;
                    b.reset_at = reset_at;
                }
                None => {
                    s.buckets.insert(route.to_owned(), Bucket { remaining, reset_at, blocked_until: now });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_burst_is_spaced_at_the_configured_rate() {
        let budget = RequestBudget::new(40);
        let start = Instant::now();
        for i in 0..81 {
            budget.acquire(&format!("POST /channels/{i}/messages")).await;
        }
        assert_eq!(start.elapsed(), Duration::from_secs(2));
    }

    #[tokio::test(start_paused = true)]
    async fn a_high_rate_is_not_capped_by_the_timer_resolution() {
        let budget = RequestBudget::new(1_000_000);
        let start = Instant::now();
        for _ in 0..10_000 {
            budget.acquire("r").await;
        }
        // 10,000 slots 1 µs apart take 10 ms; sleeping for each would take 10 s.
        assert!(start.elapsed() < Duration::from_millis(100), "{:?}", start.elapsed());
    }

    #[tokio::test(start_paused = true)]
    async fn an_exhausted_bucket_waits_for_its_reset_while_other_routes_go_on() {
        let budget = RequestBudget::new(1000);
        budget.learn("a", Limits { remaining: Some(0), reset_after: Some(2.5), ..Limits::default() }).await;
        let start = Instant::now();
        budget.acquire("b").await;
        assert!(start.elapsed() < Duration::from_millis(10));
        budget.acquire("a").await;
        assert!(start.elapsed() >= Duration::from_millis(2500), "{:?}", start.elapsed());
    }

    #[tokio::test(start_paused = true)]
    async fn the_last_remaining_request_of_a_bucket_goes_and_the_next_waits() {
        let budget = RequestBudget::new(1000);
        budget.learn("a", Limits { remaining: Some(1), reset_after: Some(5.0), ..Limits::default() }).await;
        let start = Instant::now();
        budget.acquire("a").await;
        assert!(start.elapsed() < Duration::from_millis(10));
        budget.acquire("a").await;
        assert!(start.elapsed() >= Duration::from_secs(5), "{:?}", start.elapsed());
    }

    #[tokio::test(start_paused = true)]
    async fn a_later_answer_does_not_shorten_a_429s_pause() {
        let budget = RequestBudget::new(1000);
        budget.learn("a", Limits { retry_after: Some(2.0), ..Limits::default() }).await;
        tokio::time::advance(Duration::from_millis(500)).await;
        // An answer to a request sent before the 429, with a fresh window.
        budget.learn("a", Limits { remaining: Some(49), reset_after: Some(1.0), ..Limits::default() }).await;
        let start = Instant::now();
        budget.acquire("a").await;
        assert!(start.elapsed() >= Duration::from_millis(1500), "{:?}", start.elapsed());
    }

    #[tokio::test(start_paused = true)]
    async fn a_global_429_pauses_every_route_for_its_retry_after() {
        let budget = RequestBudget::new(1000);
        budget.learn("a", Limits { retry_after: Some(1.5), global: true, ..Limits::default() }).await;
        let start = Instant::now();
        budget.acquire("b").await;
        assert!(start.elapsed() >= Duration::from_millis(1500), "{:?}", start.elapsed());
    }

    #[tokio::test(start_paused = true)]
    async fn a_route_429_pauses_only_that_route() {
        let budget = RequestBudget::new(1000);
        budget.learn("a", Limits { retry_after: Some(3.0), ..Limits::default() }).await;
        let start = Instant::now();
        budget.acquire("b").await;
        assert!(start.elapsed() < Duration::from_millis(10));
        budget.acquire("a").await;
        assert!(start.elapsed() >= Duration::from_secs(3));
    }
}
