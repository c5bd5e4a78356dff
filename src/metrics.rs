//! The bot's metrics in the Prometheus text format (`OpenMetrics`) (`GET /metrics`, see `ops`):
//! commands by name and outcome with their latency, deliveries by outcome and their lateness,
//! requests of the bot's REST client and the 429s among them by route class, and, read when
//! scraped, jobs by state and the gateway's state and heartbeat latency. One [`Metrics`] per
//! running bot (tests run several bots in one process), kept in the `App`.

use std::sync::atomic::AtomicU64;

use prometheus_client::{
    encoding::EncodeLabelSet,
    metrics::{
        counter::Counter,
        family::Family,
        gauge::Gauge,
        histogram::{exponential_buckets, Histogram},
    },
    registry::Registry,
};

/// A command's name and how it ended (`ok`, `refused`, `error`).
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CommandLabels {
    command: String,
    outcome: String,
}

/// How a delivery ended (`sent`, `skipped`, `retry`, `failed`, `deferred`).
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabels {
    outcome: String,
}

/// A request of the bot's REST client: its route class and the answer's status class.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    route: String,
    status: String,
}

/// A 429: the route class and whether it was global.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RateLimitLabels {
    route: String,
    scope: String,
}

/// Jobs by state.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StateLabels {
    state: String,
}

fn latency_histogram() -> Histogram {
    // 1 ms .. about 16 s.
    Histogram::new(exponential_buckets(0.001, 2.0, 15))
}

fn lateness_histogram() -> Histogram {
    // 50 ms .. about 14 h: a reminder held by an outage or quiet hours is hours late.
    Histogram::new(exponential_buckets(0.05, 3.0, 15))
}

/// The registry and every metric in it.
#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    commands: Family<CommandLabels, Counter>,
    command_seconds: Family<CommandLabels, Histogram, fn() -> Histogram>,
    deliveries: Family<OutcomeLabels, Counter>,
    delivery_lateness: Histogram,
    requests: Family<RequestLabels, Counter>,
    rate_limited: Family<RateLimitLabels, Counter>,
    jobs: Family<StateLabels, Gauge>,
    gateway_connected: Gauge,
    gateway_latency: Gauge<f64, AtomicU64>,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    /// A fresh registry with every metric at zero.
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("mentor_bot");
        let commands = Family::<CommandLabels, Counter>::default();
        let command_seconds =
            Family::<CommandLabels, Histogram, fn() -> Histogram>::new_with_constructor(latency_histogram as fn() -> _);
        let deliveries = Family::<OutcomeLabels, Counter>::default();
        let delivery_lateness = lateness_histogram();
        let requests = Family::<RequestLabels, Counter>::default();
        let rate_limited = Family::<RateLimitLabels, Counter>::default();
        let jobs = Family::<StateLabels, Gauge>::default();
        let gateway_connected = Gauge::default();
        let gateway_latency = Gauge::<f64, AtomicU64>::default();
        registry.register(
            "commands",
            "Slash commands, buttons and forms finished, by command and outcome",
            commands.clone(),
        );
        registry.register(
            "command_duration_seconds",
            "Time from a command's start to its end, by command and outcome",
            command_seconds.clone(),
        );
        registry.register(
            "deliveries",
            "Jobs handled by the scheduler, by outcome (sent, skipped, retry, failed, deferred)",
            deliveries.clone(),
        );
        registry.register(
            "delivery_lateness_seconds",
            "How long after its due time a job's message went out",
            delivery_lateness.clone(),
        );
        registry.register(
            "discord_requests",
            "Requests of the bot's REST client (everything outside interaction answers), by route class and status class",
            requests.clone(),
        );
        registry.register(
            "discord_rate_limited",
            "429 answers from Discord, by route class and scope (route or global)",
            rate_limited.clone(),
        );
        registry.register("jobs", "Jobs in the queue by state (read when scraped)", jobs.clone());
        registry.register("gateway_connected", "1 when every gateway shard is connected", gateway_connected.clone());
        registry.register(
            "gateway_latency_seconds",
            "The gateway's last heartbeat round trip (the largest over shards)",
            gateway_latency.clone(),
        );
        Self {
            registry,
            commands,
            command_seconds,
            deliveries,
            delivery_lateness,
            requests,
            rate_limited,
            jobs,
            gateway_connected,
            gateway_latency,
        }
    }

    /// A finished command.
    pub fn command(&self, command: &str, outcome: &str, seconds: f64) {
        let labels = CommandLabels { command: command.to_owned(), outcome: outcome.to_owned() };
        self.commands.get_or_create(&labels).inc();
        self.command_seconds.get_or_create(&labels).observe(seconds);
    }

    /// A job the scheduler handled (`sent`, `skipped`, `retry`, `failed`, `deferred`).
    pub fn delivery(&self, outcome: &str) {
        self.deliveries.get_or_create(&OutcomeLabels { outcome: outcome.to_owned() }).inc();
    }

    /// A message that went out this many seconds after its job's due time.
    pub fn lateness(&self, seconds: f64) {
        self.delivery_lateness.observe(seconds.max(0.0));
    }

    /// A REST request of the bot's client and its status class (`2xx`, `4xx`, `429`, `5xx`,
    /// `timeout`, `error`).
    pub fn request(&self, route: &str, status: &str) {
        self.requests.get_or_create(&RequestLabels { route: route.to_owned(), status: status.to_owned() }).inc();
    }

    /// A 429 on `route`.
    pub fn rate_limited(&self, route: &str, global: bool) {
        let scope = if global { "global" } else { "route" };
        self.rate_limited.get_or_create(&RateLimitLabels { route: route.to_owned(), scope: scope.to_owned() }).inc();
    }

    /// Jobs in `state` now.
    pub fn set_jobs(&self, state: &str, n: i64) {
        self.jobs.get_or_create(&StateLabels { state: state.to_owned() }).set(n);
    }

    /// The gateway's state now.
    pub fn set_gateway(&self, connected: bool, latency_seconds: Option<f64>) {
        self.gateway_connected.set(i64::from(connected));
        self.gateway_latency.set(latency_seconds.unwrap_or(0.0));
    }

    /// Everything in the text exposition format (the `OpenMetrics` text, which Prometheus reads).
    pub fn encode(&self) -> String {
        let mut out = String::new();
        if let Err(e) = prometheus_client::encoding::text::encode(&mut out, &self.registry) {
            tracing::error!(error = %e, "cannot encode the metrics");
        }
        out
    }
}

/// The content type of [`Metrics::encode`]'s output.
pub const CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";
