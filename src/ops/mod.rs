//! The operator's side: an optional HTTP listener (`http.listen`) with `GET /healthz` (200 or
//! 503 with a JSON body naming what fails) and `GET /metrics` (Prometheus text), and the client
//! side of `mentor-bot health`.

pub mod health;

use std::{net::SocketAddr, sync::Arc, time::Duration};

use anyhow::Context as _;
use axum::{
    extract::State,
    http::{header, StatusCode},
    response::IntoResponse,
    routing::get,
    Router,
};
use tokio::{sync::watch, task::JoinHandle};

pub use health::{Probe, Report};

use crate::metrics::CONTENT_TYPE;

/// A running listener.
#[derive(Debug)]
pub struct OpsServer {
    addr: SocketAddr,
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl OpsServer {
    /// Listens on `addr` (port 0 picks a free one) and serves until stopped.
    pub async fn start(addr: SocketAddr, probe: Arc<Probe>) -> anyhow::Result<Self> {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("cannot listen on {addr} (http.listen)"))?;
        let addr = listener.local_addr().context("while reading the listener's address")?;
        let router = Router::new().route("/healthz", get(healthz)).route("/metrics", get(metrics)).with_state(probe);
        let (stop, mut stopped) = watch::channel(false);
        let task = tokio::spawn(async move {
            let shutdown = async move {
                if stopped.wait_for(|s| *s).await.is_err() {
                    tracing::debug!("the HTTP listener's owner is gone");
                }
            };
            if let Err(e) = axum::serve(listener, router).with_graceful_shutdown(shutdown).await {
                tracing::error!(error = %e, "the HTTP listener failed");
            }
        });
        tracing::info!(%addr, "HTTP listener for /healthz and /metrics");
        Ok(Self { addr, stop, task })
    }

    /// Where it listens.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops listening (requests in progress finish, within a second).
    pub async fn stop(self) {
        self.stop.send_replace(true);
        let mut task = self.task;
        if tokio::time::timeout(Duration::from_secs(1), &mut task).await.is_err() {
            task.abort();
        }
    }
}

async fn healthz(State(probe): State<Arc<Probe>>) -> impl IntoResponse {
    let report = probe.check().await;
    let status = if report.healthy() { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    let body =
        serde_json::to_string_pretty(&report).unwrap_or_else(|_| format!("{{\"status\":\"{}\"}}", report.status));
    (status, [(header::CONTENT_TYPE, "application/json")], body)
}

async fn metrics(State(probe): State<Arc<Probe>>) -> impl IntoResponse {
    probe.refresh_metrics().await;
    (StatusCode::OK, [(header::CONTENT_TYPE, CONTENT_TYPE)], probe.app.metrics.encode())
}

/// `mentor-bot health`: asks the running bot's `/healthz` at `listen` (an unspecified address
/// such as `0.0.0.0` means this machine). Returns whether it is healthy and the answer's body.
pub async fn query_health(listen: SocketAddr, timeout: Duration) -> anyhow::Result<(bool, String)> {
    let mut addr = listen;
    if addr.ip().is_unspecified() {
        addr.set_ip(if addr.is_ipv4() { [127, 0, 0, 1].into() } else { std::net::Ipv6Addr::LOCALHOST.into() });
    }
    let client = reqwest::Client::builder().timeout(timeout).no_proxy().build()?;
    let response = client
        .get(format!("http://{addr}/healthz"))
        .send()
        .await
        .with_context(|| format!("no answer from the bot at http://{addr}/healthz (is it running?)"))?;
    let healthy = response.status() == reqwest::StatusCode::OK;
    let body = response.text().await.context("while reading the health answer")?;
    Ok((healthy, body))
}
