//! The bot's own REST client for everything it sends outside interactions: open a DM channel,
//! post a message (JSON or multipart with files), read a channel's recent messages. Every request
//! waits for the [`RequestBudget`], has a timeout, and teaches the budget from the answer's
//! `X-RateLimit-*` headers; a 429 is waited out (its `retry-after`) and tried again a few times
//! before it is reported. serenity's own rate limiter is off everywhere (it cannot be pointed at
//! another base URL), so what runs in production is what the tests ran.

use std::{sync::Arc, time::Duration};

use reqwest::{header::HeaderMap, multipart, Client, Method, StatusCode};
use serde_json::{json, Value};

use super::{
    budget::{Limits, RequestBudget, SharedSlots},
    DeliveryError, Outgoing,
};
use crate::{
    domain::ids::{ChannelId, UserId},
    metrics::Metrics,
};

/// How many 429s one call waits out before it reports being rate limited.
const RATE_LIMIT_TRIES: u32 = 3;

/// A message as `recent_messages` returns it: its id and its wire JSON (to search for a
/// job's reference).
#[derive(Debug, Clone)]
pub struct PostedMessage {
    pub id: u64,
    pub json: String,
}

/// Discord's REST API (or anything serving `/api/v10` at the base URL).
#[derive(Debug)]
pub struct DiscordRest {
    client: Client,
    base: String,
    authorization: String,
    budget: RequestBudget,
    timeout: Duration,
    metrics: Option<Arc<Metrics>>,
}

/// What a request carries.
enum Body {
    None,
    Json(Value),
    Multipart(Value, Vec<(String, Vec<u8>)>),
}

impl DiscordRest {
    /// A client for `api_url` (e.g. `https://discord.com`) with the bot `token`, at most
    /// `per_second` requests per second, each given up after `timeout`.
    pub fn new(api_url: &str, token: &str, per_second: u32, timeout: Duration) -> anyhow::Result<Self> {
        let client = Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout)
            .user_agent(concat!("DiscordBot (https://github.com/mentor-bot, ", env!("CARGO_PKG_VERSION"), ")"))
            .build()?;
        Ok(Self {
            client,
            base: format!("{}/api/v10", api_url.trim_end_matches('/')),
            authorization: format!("Bot {token}"),
            budget: RequestBudget::new(per_second),
            timeout,
            metrics: None,
        })
    }

    /// Counts requests and 429s in `metrics`.
    #[must_use]
    pub fn with_metrics(mut self, metrics: Arc<Metrics>) -> Self {
        self.metrics = Some(metrics);
        self
    }

    /// Takes the global slot of every request from `slots`, a schedule shared with the bot's
    /// other processes (see [`RequestBudget::share`]).
    #[must_use]
    pub fn with_shared_slots(mut self, slots: Arc<dyn SharedSlots>) -> Self {
        self.budget.share(slots);
        self
    }

    fn count(&self, route: &str, status: &str) {
        if let Some(m) = &self.metrics {
            m.request(&route_class(route), status);
        }
    }

    /// Counts `n` requests made outside this client (serenity's start-up calls) against the budget.
    pub async fn reserve(&self, n: u32) {
        self.budget.reserve(n).await;
    }

    /// Opens (or finds) the DM channel with `user`.
    pub async fn open_dm(&self, user: UserId) -> Result<ChannelId, DeliveryError> {
        let body = Body::Json(json!({ "recipient_id": user.0.to_string() }));
        let answer = self.call(Method::POST, "/users/@me/channels", "POST /users/@me/channels", body).await?;
        snowflake(&answer["id"])
            .map(ChannelId)
            .ok_or_else(|| DeliveryError::Transient("a DM channel without id".into()))
    }

    /// Posts `message` in `channel`; returns the new message's id.
    pub async fn create_message(&self, channel: ChannelId, message: &Outgoing) -> Result<u64, DeliveryError> {
        let mut payload = json!({
            "content": message.content,
            // Every embed in the bot's look, whoever built it.
            "embeds": message.embeds.iter().cloned().map(crate::render::look::finish).collect::<Vec<_>>(),
            "components": message.components,
            // DMs ping nobody anyway; a channel post may mention the person it is about, never
            // @everyone, @here or a role.
            "allowed_mentions": { "parse": ["users"] },
        });
        if !message.nonce.is_empty() {
            payload["nonce"] = json!(message.nonce);
            payload["enforce_nonce"] = json!(true);
        }
        let body = if message.files.is_empty() {
            Body::Json(payload)
        } else {
            payload["attachments"] =
                message.files.iter().enumerate().map(|(i, f)| json!({ "id": i, "filename": f.filename })).collect();
            Body::Multipart(payload, message.files.iter().map(|f| (f.filename.clone(), f.data.clone())).collect())
        };
        let path = format!("/channels/{channel}/messages");
        let answer = self.call(Method::POST, &path, &format!("POST /channels/{channel}/messages"), body).await?;
        snowflake(&answer["id"]).ok_or_else(|| DeliveryError::Transient("a message without id".into()))
    }

    /// The newest `limit` (1–100) messages of `channel`, newest first.
    pub async fn recent_messages(&self, channel: ChannelId, limit: u8) -> Result<Vec<PostedMessage>, DeliveryError> {
        let path = format!("/channels/{channel}/messages?limit={}", limit.clamp(1, 100));
        let answer = self.call(Method::GET, &path, &format!("GET /channels/{channel}/messages"), Body::None).await?;
        Ok(answer
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|m| Some(PostedMessage { id: snowflake(&m["id"])?, json: m.to_string() }))
            .collect())
    }

    async fn call(&self, method: Method, path: &str, route: &str, body: Body) -> Result<Value, DeliveryError> {
        let mut tries = 0;
        loop {
            tries += 1;
            self.budget.acquire(route).await;
            let request = self.build(method.clone(), path, &body)?;
            let sent = tokio::time::timeout(self.timeout, request.send()).await;
            let response = match sent {
                Err(_) => {
                    self.count(route, "timeout");
                    return Err(DeliveryError::Transient(format!("no answer within {:?}", self.timeout)));
                }
                Ok(Err(e)) => {
                    self.count(route, "error");
                    return Err(DeliveryError::Transient(format!("request failed: {e}")));
                }
                Ok(Ok(r)) => r,
            };
            let status = response.status();
            self.count(route, &status_class(status));
            let mut limits = limits(response.headers());
            let text = tokio::time::timeout(self.timeout, response.text())
                .await
                .map_err(|_| DeliveryError::Transient("the answer's body did not arrive".into()))?
                .map_err(|e| DeliveryError::Transient(format!("reading the answer failed: {e}")))?;
            let json: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
            if status == StatusCode::TOO_MANY_REQUESTS {
                if let Some(m) = &self.metrics {
                    m.rate_limited(&route_class(route), json["global"].as_bool() == Some(true) || limits.global);
                }
                limits.retry_after = json["retry_after"].as_f64().or(limits.retry_after).or(Some(1.0));
                limits.global |= json["global"].as_bool() == Some(true);
            }
            self.budget.learn(route, limits).await;
            if status.is_success() {
                return Ok(json);
            }
            if status == StatusCode::TOO_MANY_REQUESTS && tries < RATE_LIMIT_TRIES {
                tracing::warn!(route, retry_after = ?limits.retry_after, global = limits.global, "rate limited by Discord; waiting");
                continue;
            }
            return Err(classify(status, &json, limits.retry_after));
        }
    }

    fn build(&self, method: Method, path: &str, body: &Body) -> Result<reqwest::RequestBuilder, DeliveryError> {
        let request =
            self.client.request(method, format!("{}{path}", self.base)).header("authorization", &self.authorization);
        Ok(match body {
            Body::None => request,
            Body::Json(v) => request.header("content-type", "application/json").body(v.to_string()),
            Body::Multipart(payload, files) => {
                let mut form = multipart::Form::new().text("payload_json", payload.to_string());
                for (i, (name, bytes)) in files.iter().enumerate() {
                    let part = multipart::Part::bytes(bytes.clone())
                        .file_name(name.clone())
                        .mime_str(content_type(name))
                        .map_err(|e| DeliveryError::Rejected(format!("attachment {name}: {e}")))?;
                    form = form.part(format!("files[{i}]"), part);
                }
                request.multipart(form)
            }
        })
    }
}

/// A route without its ids (`POST /channels/{id}/messages`): a metric label with few values.
fn route_class(route: &str) -> String {
    route
        .split('/')
        .map(|part| if !part.is_empty() && part.chars().all(|c| c.is_ascii_digit()) { "{id}" } else { part })
        .collect::<Vec<_>>()
        .join("/")
}

/// `2xx`, `4xx`, `5xx`, and `429` on its own.
fn status_class(status: StatusCode) -> String {
    if status == StatusCode::TOO_MANY_REQUESTS {
        "429".to_owned()
    } else {
        format!("{}xx", status.as_u16() / 100)
    }
}

/// The content type of an attachment, by its file name.
fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next().unwrap_or_default() {
        "ics" => "text/calendar; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "json" => "application/json",
        _ => "application/octet-stream",
    }
}

fn snowflake(v: &Value) -> Option<u64> {
    v.as_str().and_then(|s| s.parse().ok()).or_else(|| v.as_u64())
}

fn header<T: std::str::FromStr>(headers: &HeaderMap, name: &str) -> Option<T> {
    headers.get(name)?.to_str().ok()?.parse().ok()
}

fn limits(headers: &HeaderMap) -> Limits {
    Limits {
        remaining: header(headers, "x-ratelimit-remaining"),
        reset_after: header(headers, "x-ratelimit-reset-after"),
        retry_after: header(headers, "retry-after"),
        global: header::<String>(headers, "x-ratelimit-global").is_some_and(|g| g == "true")
            || header::<String>(headers, "x-ratelimit-scope").is_some_and(|s| s == "global"),
    }
}

/// What a failed answer means for the sender.
fn classify(status: StatusCode, json: &Value, retry_after: Option<f64>) -> DeliveryError {
    let code = json["code"].as_u64().unwrap_or(0);
    let message = json["message"].as_str().unwrap_or("").chars().take(200).collect::<String>();
    match (status.as_u16(), code) {
        (_, 50007) => DeliveryError::DmsClosed,
        (401, _) => DeliveryError::Unauthorized,
        (429, _) => DeliveryError::RateLimited(retry_after.and_then(|s| Duration::try_from_secs_f64(s).ok())),
        (500..=599, _) => DeliveryError::Transient(format!("HTTP {status}: {message}")),
        (403 | 404, _) => DeliveryError::Unreachable(format!("HTTP {status}, code {code}: {message}")),
        _ => DeliveryError::Rejected(format!("HTTP {status}, code {code}: {message}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metric_labels_carry_no_ids() {
        assert_eq!(route_class("POST /channels/123/messages"), "POST /channels/{id}/messages");
        assert_eq!(route_class("POST /users/@me/channels"), "POST /users/@me/channels");
        assert_eq!(status_class(StatusCode::TOO_MANY_REQUESTS), "429");
        assert_eq!(status_class(StatusCode::BAD_GATEWAY), "5xx");
    }

    #[test]
    fn discord_errors_are_classified_by_what_the_sender_should_do() {
        let body = |code: u64| json!({ "code": code, "message": "m" });
        assert_eq!(classify(StatusCode::FORBIDDEN, &body(50007), None), DeliveryError::DmsClosed);
        assert_eq!(classify(StatusCode::UNAUTHORIZED, &body(0), None), DeliveryError::Unauthorized);
        assert!(matches!(classify(StatusCode::BAD_GATEWAY, &body(0), None), DeliveryError::Transient(_)));
        assert!(matches!(classify(StatusCode::NOT_FOUND, &body(10003), None), DeliveryError::Unreachable(_)));
        assert!(matches!(classify(StatusCode::BAD_REQUEST, &body(50035), None), DeliveryError::Rejected(_)));
        assert_eq!(
            classify(StatusCode::TOO_MANY_REQUESTS, &body(0), Some(1.5)),
            DeliveryError::RateLimited(Some(Duration::from_millis(1500)))
        );
    }
}
