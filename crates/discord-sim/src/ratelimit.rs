//! Discord's rate limits as the sim enforces them (when switched on), and what every 429 leaves
//! behind: recorded hits, the invalid-request count, the peak request rate and early retries.
//!
//! Buckets (real time, fixed windows):
//! - global: 50 requests per second per bot (sliding window; Discord grants large bots more,
//!   [`crate::SimSpec::global_limit`]); interaction callbacks and interaction webhooks are exempt,
//!   as on Discord;
//! - `POST /channels/{id}/messages`: 5 per 5 s per channel;
//! - every other route, `POST /users/@me/channels` (open a DM) included: 50 per second per route
//!   and major parameter (channel, guild). Discord does not publish the DM route's limit; a bot
//!   that opens one per message still doubles its requests against the global limit, which is
//!   what makes caching DM channels matter.

use std::{
    collections::{HashMap, VecDeque},
    hash::{DefaultHasher, Hash as _, Hasher as _},
    time::{Duration, Instant, SystemTime, UNIX_EPOCH},
};

use crate::rest::routes::Route;

/// Requests per second per bot, all non-exempt routes together, unless Discord granted more.
pub(crate) const GLOBAL_LIMIT: usize = 50;
/// The global window.
const SECOND: Duration = Duration::from_secs(1);
/// Discord counts invalid requests (401, 403, 429) over ten minutes.
const INVALID_WINDOW: Duration = Duration::from_mins(10);

/// A 429 answer the bot got.
#[derive(Clone, Debug, PartialEq)]
pub struct RateLimitHit {
    /// HTTP method.
    pub method: String,
    /// Path including `/api/v10`.
    pub path: String,
    /// Whether it was the global limit (`false`: a route bucket).
    pub global: bool,
    /// Whether a fault injected it (`false`: the bot really went over a limit).
    pub injected: bool,
    /// Seconds the 429 asked the bot to wait.
    pub retry_after: f64,
    /// When it was answered (real time).
    pub at: Instant,
}

/// How one request is limited.
#[derive(Clone, Debug)]
pub(crate) struct Class {
    /// Exempt from every limit (interaction callbacks and webhooks).
    pub(crate) exempt: bool,
    /// The route template, e.g. `POST /channels/{id}/messages` (shared by all majors).
    pub(crate) template: &'static str,
    /// Template plus major parameter: the bucket's identity.
    pub(crate) key: String,
    limit: u32,
    window: Duration,
}

/// Classifies a request by route.
pub(crate) fn classify(route: &Route) -> Class {
    let (template, major, limit, window): (&'static str, Option<u64>, u32, Duration) = match route {
        Route::CreateMessage { channel } => ("POST /channels/{id}/messages", Some(*channel), 5, Duration::from_secs(5)),
        Route::CreateDm => ("POST /users/@me/channels", None, 50, SECOND),
        Route::Gateway => ("GET /gateway", None, 50, SECOND),
        Route::GatewayBot => ("GET /gateway/bot", None, 50, SECOND),
        Route::ApplicationInfo => ("GET /applications/@me", None, 50, SECOND),
        Route::CurrentUser => ("GET /users/@me", None, 50, SECOND),
        Route::GetUser { .. } => ("GET /users/{id}", None, 50, SECOND),
        Route::PutCommands { guild } => ("PUT /applications/{id}/commands", *guild, 50, SECOND),
        Route::GetCommands { guild } => ("GET /applications/{id}/commands", *guild, 50, SECOND),
        Route::GetChannel { channel } => ("GET /channels/{id}", Some(*channel), 50, SECOND),
        Route::GetMessages { channel } => ("GET /channels/{id}/messages", Some(*channel), 50, SECOND),
        Route::GetMessage { channel, .. } => ("GET /channels/{id}/messages/{id}", Some(*channel), 50, SECOND),
        Route::EditMessage { channel, .. } => ("PATCH /channels/{id}/messages/{id}", Some(*channel), 50, SECOND),
        Route::DeleteMessage { channel, .. } => ("DELETE /channels/{id}/messages/{id}", Some(*channel), 50, SECOND),
        Route::GetMember { guild, .. } => ("GET /guilds/{id}/members/{id}", Some(*guild), 50, SECOND),
        Route::Callback { .. } => ("POST /interactions/{id}/{token}/callback", None, 0, SECOND),
        Route::GetOriginal { .. }
        | Route::EditOriginal { .. }
        | Route::DeleteOriginal { .. }
        | Route::Followup { .. }
        | Route::GetFollowup { .. }
        | Route::EditFollowup { .. }
        | Route::DeleteFollowup { .. } => ("/webhooks/{id}/{token}", None, 0, SECOND),
    };
    let exempt = limit == 0;
    let key = match (route, major) {
        (Route::Callback { interaction, .. }, _) => format!("{template} {interaction}"),
        (_, Some(major)) => format!("{template} {major}"),
        (_, None) => template.to_owned(),
    };
    Class { exempt, template, key, limit, window }
}

/// An answer over a limit.
#[derive(Clone, Debug)]
pub(crate) struct Limited {
    pub(crate) global: bool,
    pub(crate) retry_after: f64,
    pub(crate) headers: Vec<(&'static str, String)>,
}

/// A bucket's fixed window.
#[derive(Clone, Copy, Debug)]
struct Window {
    started: Instant,
    used: u32,
}

/// Rate-limit state and records.
#[derive(Debug)]
pub(crate) struct RateLimits {
    /// Whether limits are enforced.
    pub(crate) enabled: bool,
    /// Non-exempt requests per second the bot may make in all.
    global_limit: usize,
    global: VecDeque<Instant>,
    buckets: HashMap<String, Window>,
    seen: VecDeque<Instant>,
    /// Most non-exempt requests within any one second.
    pub(crate) peak: usize,
    /// Every 429 answered.
    pub(crate) hits: Vec<RateLimitHit>,
    invalid: VecDeque<Instant>,
    /// Bucket key → the moment its last 429 allows a retry.
    blocked: HashMap<String, Instant>,
}

fn secs(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64())
}

fn bucket_hash(template: &str) -> String {
    let mut hasher = DefaultHasher::new();
    template.hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

impl Default for RateLimits {
    fn default() -> Self {
        Self {
            enabled: false,
            global_limit: GLOBAL_LIMIT,
            global: VecDeque::new(),
            buckets: HashMap::new(),
            seen: VecDeque::new(),
            peak: 0,
            hits: Vec::new(),
            invalid: VecDeque::new(),
            blocked: HashMap::new(),
        }
    }
}

impl RateLimits {
    /// Limits switched on or off, with a global limit of `global_limit` requests per second
    /// (at least 1), nothing recorded yet.
    pub(crate) fn new(enabled: bool, global_limit: usize) -> Self {
        Self { enabled, global_limit: global_limit.max(1), ..Self::default() }
    }

    /// Counts a non-exempt request towards the peak rate.
    pub(crate) fn observe(&mut self, now: Instant) {
        while self.seen.front().is_some_and(|t| now.duration_since(*t) >= SECOND) {
            self.seen.pop_front();
        }
        self.seen.push_back(now);
        self.peak = self.peak.max(self.seen.len());
    }

    /// How much too early a request to `key` comes after a 429 on it, if it does.
    pub(crate) fn too_early(&self, key: &str, now: Instant) -> Option<Duration> {
        self.blocked.get(key).and_then(|until| until.checked_duration_since(now)).filter(|d| !d.is_zero())
    }

    /// Admits the request (returning the `X-RateLimit-*` headers of its bucket) or answers
    /// which limit it is over.
    pub(crate) fn check(&mut self, class: &Class, now: Instant) -> Result<Vec<(&'static str, String)>, Limited> {
        while self.global.front().is_some_and(|t| now.duration_since(*t) >= SECOND) {
            self.global.pop_front();
        }
        if self.global.len() >= self.global_limit {
            let wait = self.global.front().map_or(SECOND, |t| SECOND.saturating_sub(now.duration_since(*t)));
            let retry_after = wait.as_secs_f64().max(0.001);
            let headers = vec![
                ("retry-after", format!("{}", retry_after.ceil())),
                ("x-ratelimit-global", "true".to_owned()),
                ("x-ratelimit-scope", "global".to_owned()),
            ];
            return Err(Limited { global: true, retry_after, headers });
        }
        let window = self.buckets.entry(class.key.clone()).or_insert(Window { started: now, used: 0 });
        if now.duration_since(window.started) >= class.window {
            *window = Window { started: now, used: 0 };
        }
        let reset_after = class.window.saturating_sub(now.duration_since(window.started));
        let reset_at = SystemTime::now().checked_add(reset_after).unwrap_or_else(SystemTime::now);
        let reset = reset_at.duration_since(UNIX_EPOCH).unwrap_or_default();
        let over = window.used >= class.limit;
        if !over {
            window.used += 1;
            self.global.push_back(now);
        }
        let mut headers = vec![
            ("x-ratelimit-limit", class.limit.to_string()),
            ("x-ratelimit-remaining", (class.limit - window.used).to_string()),
            ("x-ratelimit-reset", secs(reset)),
            ("x-ratelimit-reset-after", secs(reset_after)),
            ("x-ratelimit-bucket", bucket_hash(class.template)),
        ];
        if over {
            let retry_after = reset_after.as_secs_f64().max(0.001);
            headers.push(("retry-after", format!("{}", retry_after.ceil())));
            headers.push(("x-ratelimit-scope", "user".to_owned()));
            return Err(Limited { global: false, retry_after, headers });
        }
        Ok(headers)
    }

    /// Notes an answer's status (401, 403 and 429 are invalid requests).
    pub(crate) fn note_status(&mut self, status: u16, now: Instant) {
        if matches!(status, 401 | 403 | 429) {
            self.invalid.push_back(now);
        }
    }

    /// Records a 429 and blocks its bucket until `retry_after` has passed.
    pub(crate) fn note_429(&mut self, hit: RateLimitHit, key: &str) {
        let until = hit.at + Duration::from_secs_f64(hit.retry_after.max(0.0));
        self.blocked.insert(key.to_owned(), until);
        self.hits.push(hit);
    }

    /// Invalid requests within the last ten minutes.
    pub(crate) fn invalid_count(&mut self, now: Instant) -> usize {
        while self.invalid.front().is_some_and(|t| now.duration_since(*t) >= INVALID_WINDOW) {
            self.invalid.pop_front();
        }
        self.invalid.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_channel_bucket_admits_five_posts_then_answers_429_until_its_window_resets() {
        let mut limits = RateLimits::default();
        let class = classify(&Route::CreateMessage { channel: 7 });
        let now = Instant::now();
        for remaining in (0..5).rev() {
            let headers = limits.check(&class, now).unwrap();
            assert!(headers.contains(&("x-ratelimit-remaining", remaining.to_string())));
        }
        let limited = limits.check(&class, now).unwrap_err();
        assert!(!limited.global && limited.retry_after > 4.0);
        assert!(limits.check(&classify(&Route::CreateMessage { channel: 8 }), now).is_ok(), "per channel");
        assert!(limits.check(&class, now + Duration::from_secs(5)).is_ok());
    }

    #[test]
    fn the_global_limit_answers_the_51st_request_within_a_second() {
        let mut limits = RateLimits::default();
        let now = Instant::now();
        for channel in 0..50 {
            assert!(limits.check(&classify(&Route::GetChannel { channel }), now).is_ok());
        }
        let limited = limits.check(&classify(&Route::GetChannel { channel: 99 }), now).unwrap_err();
        assert!(limited.global);
        assert!(limited.headers.contains(&("x-ratelimit-scope", "global".to_owned())));
    }

    #[test]
    fn a_granted_higher_global_limit_admits_that_many_requests_a_second_and_no_more() {
        let mut limits = RateLimits::new(true, 500);
        let now = Instant::now();
        for channel in 0..500 {
            assert!(limits.check(&classify(&Route::GetChannel { channel }), now).is_ok());
        }
        assert!(limits.check(&classify(&Route::GetChannel { channel: 999 }), now).unwrap_err().global);
        assert!(limits.check(&classify(&Route::GetChannel { channel: 999 }), now + SECOND).is_ok());
    }

    #[test]
    fn interaction_callbacks_and_webhooks_are_exempt() {
        assert!(classify(&Route::Callback { interaction: 1, token: "t".into() }).exempt);
        assert!(classify(&Route::Followup { token: "t".into() }).exempt);
        assert!(!classify(&Route::CreateDm).exempt);
    }
}
