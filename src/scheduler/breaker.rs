//! When Discord fails broadly (an outage), the runner stops storming it: after transient failures
//! for a few different recipients in a row (one broken channel is not an outage) it pauses
//! delivery and lets one probe through at growing intervals; the first probe that gets an answer
//! resumes delivery. Times are the app clock's.

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};

/// Recipients failing in a row (no answer in between) that open the breaker.
const THRESHOLD: usize = 5;

/// Whether a delivery may go out now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    /// Deliver.
    Open,
    /// Paused: try again at this time.
    Wait(DateTime<Utc>),
    /// Paused, and it is time for one probe.
    Probe,
}

/// The outage detector.
#[derive(Debug, Clone)]
pub struct Breaker {
    failing: HashSet<u64>,
    paused_until: Option<DateTime<Utc>>,
    wait: Duration,
    first_wait: Duration,
    max_wait: Duration,
}

impl Breaker {
    /// Probes first after `first_wait`, then at doubling intervals up to `max_wait`.
    pub fn new(first_wait: Duration, max_wait: Duration) -> Self {
        Self { failing: HashSet::new(), paused_until: None, wait: first_wait, first_wait, max_wait }
    }

    /// What a delivery at `now` may do.
    pub fn gate(&self, now: DateTime<Utc>) -> Gate {
        match self.paused_until {
            None => Gate::Open,
            Some(until) if now < until => Gate::Wait(until),
            Some(_) => Gate::Probe,
        }
    }

    /// Discord answered (whatever it said): resume.
    pub fn answered(&mut self) {
        if self.paused_until.is_some() {
            tracing::info!("Discord answers again; delivery resumes");
        }
        self.failing.clear();
        self.paused_until = None;
        self.wait = self.first_wait;
    }

    /// A transient failure at `now` sending to `target` (a channel or user id); returns when to
    /// try again if delivery is now paused.
    pub fn failed(&mut self, now: DateTime<Utc>, target: u64) -> Option<DateTime<Utc>> {
        self.failing.insert(target);
        if self.failing.len() < THRESHOLD && self.paused_until.is_none() {
            return None;
        }
        let until = now + self.wait;
        if self.paused_until.is_none() {
            tracing::warn!(failing = self.failing.len(), probe_at = %until, "Discord keeps failing; delivery pauses and probes");
        }
        self.paused_until = Some(until);
        self.wait = (self.wait * 2).min(self.max_wait);
        Some(until)
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn t(min: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap() + Duration::minutes(min)
    }

    #[test]
    fn a_few_failures_in_a_row_pause_delivery_and_probes_back_off() {
        let mut b = Breaker::new(Duration::seconds(30), Duration::minutes(10));
        for target in 0..4 {
            assert_eq!(b.failed(t(0), target), None);
        }
        assert_eq!(b.gate(t(0)), Gate::Open);
        assert_eq!(b.failed(t(0), 4), Some(t(0) + Duration::seconds(30)));
        assert_eq!(b.gate(t(0)), Gate::Wait(t(0) + Duration::seconds(30)));
        assert_eq!(b.gate(t(1)), Gate::Probe);
        assert_eq!(b.failed(t(1), 0), Some(t(2)), "the second pause is twice as long");
        for _ in 0..10 {
            b.failed(t(3), 0);
        }
        assert_eq!(b.failed(t(3), 0), Some(t(13)), "capped");
        b.answered();
        assert_eq!(b.gate(t(3)), Gate::Open);
    }

    #[test]
    fn an_answer_between_failures_resets_the_count() {
        let mut b = Breaker::new(Duration::seconds(30), Duration::minutes(10));
        for target in 0..4 {
            b.failed(t(0), target);
        }
        b.answered();
        for target in 0..4 {
            assert_eq!(b.failed(t(0), target), None);
        }
    }

    #[test]
    fn one_recipient_failing_again_and_again_is_not_an_outage() {
        let mut b = Breaker::new(Duration::seconds(30), Duration::minutes(10));
        for _ in 0..20 {
            assert_eq!(b.failed(t(0), 7), None);
        }
        assert_eq!(b.gate(t(0)), Gate::Open);
    }
}
