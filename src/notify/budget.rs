//! The one request budget towards Discord's REST API: a proactive global limit (Discord allows
//! 50 requests per second per bot; interaction callbacks and followups are exempt and do not pass
//! here), per-route buckets learnt from the `X-RateLimit-*` headers, and pauses ordered by a 429's
//! `retry-after` (global or per bucket). Every non-interaction request of the bot waits here, in
//! production and in tests alike.
//!
//! Discord's global limit is per bot token, not per process: with several processes on one
//! PostgreSQL database, each request takes its global slot from a schedule they share
//! ([`SharedSlots`]), so the sum over all processes stays under the rate. Per-route buckets and
//! 429 pauses stay per process: routes are mostly per channel, and a process learns a bucket from
//! its own answers; a global 429 one process draws pauses only that process, which is acceptable
//! because with the shared schedule a global 429 means something outside the schedule (serenity's
//! start-up calls, another program on the token), and every other process keeps to its slots.

use std::{
    collections::HashMap,
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    },
    time::Duration,
};

use tokio::{sync::Mutex, time::Instant};

/// A schedule of request slots shared by every process of the bot (the database's, on
/// PostgreSQL). Implemented outside `notify` (the composition root wires the store in).
#[async_trait::async_trait]
pub trait SharedSlots: Send + Sync + std::fmt::Debug {
    /// Takes the next free slot, `interval` after the slot taken before it (by any process) and
    /// not before now; returns how long from now until it starts.
    async fn take(&self, interval: Duration) -> anyhow::Result<Duration>;
}

/// The slot arithmetic of a shared schedule whose next free slot is `next` (any unit, e.g.
/// microseconds): the slot taken at `now` and the schedule's next free slot after it.
/// [`SharedSlots`] implementations do this atomically (on PostgreSQL in one `UPDATE`).
pub fn next_slot(next: i64, now: i64, interval: i64) -> (i64, i64) {
    let slot = next.max(now);
    (slot, slot.saturating_add(interval))
}

/// While the shared schedule cannot be reached, a process sends at this fraction of the rate
/// on its own (a guess at its share; it errs on the slow side).
pub const FALLBACK_SHARE: u32 = 4;

/// How long taking a shared slot may take before the local budget is used instead.
const SHARED_TIMEOUT: Duration = Duration::from_secs(2);

/// The shared schedule and whether it is failing now (logged once per outage).
#[derive(Debug)]
struct Shared {
    slots: Arc<dyn SharedSlots>,
    failing: AtomicBool,
}

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

impl Shared {
    /// Notes that the shared schedule failed; logs the first failure of an outage.
    fn falling_back(&self, why: &str) {
        if !self.failing.swap(true, Ordering::SeqCst) {
            tracing::warn!(
                error = why,
                share = format!("1/{FALLBACK_SHARE}"),
                "cannot take a slot of the shared request budget; sending at a share of the rate on this process's own until it is back"
            );
        }
    }
}

/// Spaces requests globally and per route.
#[derive(Debug)]
pub struct RequestBudget {
    interval: Duration,
    state: Mutex<State>,
    shared: Option<Shared>,
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
            shared: None,
        }
    }

    /// Takes every global slot from `slots`, shared with the bot's other processes; while it
    /// cannot be reached, spaces requests locally at a [`FALLBACK_SHARE`]th of the rate.
    pub fn share(&mut self, slots: Arc<dyn SharedSlots>) {
        self.shared = Some(Shared { slots, failing: AtomicBool::new(false) });
    }

    /// When the next request may go out: the shared schedule's slot, or the local one.
    async fn take_slot(&self) -> Instant {
        if let Some(shared) = &self.shared {
            match tokio::time::timeout(SHARED_TIMEOUT, shared.slots.take(self.interval)).await {
                Ok(Ok(wait)) => {
                    if shared.failing.swap(false, Ordering::SeqCst) {
                        tracing::info!("the shared request budget is back");
                    }
                    return Instant::now() + wait;
                }
                Ok(Err(e)) => shared.falling_back(&format!("{e:#}")),
                Err(_) => shared.falling_back(&format!("no answer within {SHARED_TIMEOUT:?}")),
            }
            return self.local_slot(self.interval * FALLBACK_SHARE).await;
        }
        self.local_slot(self.interval).await
    }

    /// Takes the next local slot, `interval` after the one before.
    async fn local_slot(&self, interval: Duration) -> Instant {
        let mut s = self.state.lock().await;
        let slot = s.next_slot.max(Instant::now());
        s.next_slot = slot + interval;
        slot
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
            let slot = self.take_slot().await;
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
        if let Some(shared) = &self.shared {
            for _ in 0..n {
                if tokio::time::timeout(SHARED_TIMEOUT, shared.slots.take(self.interval)).await.is_err() {
                    break;
                }
            }
        }
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

    /// A schedule shared in memory, with the arithmetic of the database's (microseconds since a
    /// fixed instant, on tokio's clock so paused time drives it).
    #[derive(Debug)]
    struct MemorySlots {
        base: Instant,
        next: std::sync::Mutex<i64>,
    }

    impl MemorySlots {
        fn new() -> Arc<Self> {
            Arc::new(Self { base: Instant::now(), next: std::sync::Mutex::new(0) })
        }
    }

    #[async_trait::async_trait]
    impl SharedSlots for MemorySlots {
        async fn take(&self, interval: Duration) -> anyhow::Result<Duration> {
            let now = i64::try_from(self.base.elapsed().as_micros())?;
            let mut next = self.next.lock().unwrap();
            let (slot, after) = next_slot(*next, now, i64::try_from(interval.as_micros())?);
            *next = after;
            Ok(Duration::from_micros(u64::try_from(slot - now)?))
        }
    }

    #[derive(Debug)]
    struct Unreachable;

    #[async_trait::async_trait]
    impl SharedSlots for Unreachable {
        async fn take(&self, _interval: Duration) -> anyhow::Result<Duration> {
            anyhow::bail!("connection refused")
        }
    }

    #[test]
    fn an_idle_schedule_gives_the_slot_now_and_a_busy_one_its_next_free_slot() {
        // Idle since long ago: now, and the next free slot one interval later.
        assert_eq!(next_slot(1_000, 5_000, 20_000), (5_000, 25_000));
        // Busy: the next free slot, however early the asker comes.
        assert_eq!(next_slot(45_000, 5_000, 20_000), (45_000, 65_000));
        // Exactly on time.
        assert_eq!(next_slot(5_000, 5_000, 20_000), (5_000, 25_000));
        // Never overflows.
        assert_eq!(next_slot(i64::MAX - 1, 0, 10), (i64::MAX - 1, i64::MAX));
    }

    #[tokio::test(start_paused = true)]
    async fn two_budgets_sharing_a_schedule_stay_under_the_rate_together() {
        let slots = MemorySlots::new();
        let mut budgets = Vec::new();
        for _ in 0..2 {
            let mut budget = RequestBudget::new(50);
            budget.share(slots.clone());
            budgets.push(Arc::new(budget));
        }
        let start = Instant::now();
        let times = Arc::new(std::sync::Mutex::new(Vec::new()));
        let mut tasks = Vec::new();
        for (i, budget) in budgets.iter().enumerate() {
            for j in 0..75 {
                let (budget, times) = (budget.clone(), times.clone());
                tasks.push(tokio::spawn(async move {
                    budget.acquire(&format!("POST /channels/{i}{j}/messages")).await;
                    times.lock().unwrap().push(start.elapsed());
                }));
            }
        }
        for t in tasks {
            t.await.unwrap();
        }
        let mut times = times.lock().unwrap().clone();
        times.sort();
        // 150 slots 20 ms apart, whichever process asked: 2.98 s, and at most 50 in any second.
        assert_eq!(times.last().copied(), Some(Duration::from_millis(2980)));
        let most =
            times.iter().map(|t| times.iter().filter(|u| **u >= *t && **u < *t + Duration::from_secs(1)).count()).max();
        assert_eq!(most, Some(50));
        // Each budget alone would have allowed 50 a second: 100 together.
    }

    #[tokio::test(start_paused = true)]
    async fn an_unreachable_shared_schedule_falls_back_to_a_share_of_the_rate_locally() {
        let mut budget = RequestBudget::new(40);
        budget.share(Arc::new(Unreachable));
        let start = Instant::now();
        for i in 0..11 {
            budget.acquire(&format!("POST /channels/{i}/messages")).await;
        }
        // Ten intervals at a quarter of 40 a second: 100 ms each.
        assert_eq!(start.elapsed(), Duration::from_secs(1));
    }

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
