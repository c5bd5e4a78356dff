//! What a request passes before its handler runs, in order: route resolution, early-retry
//! detection, outages, injected and random faults, and Discord's rate limits; then the
//! OpenAPI checks around the handler.

use std::time::Instant;

use serde_json::json;
use tokio::sync::Notify;

use super::{body::ParsedBody, route_to_handler, routes, Answer, Ctx};
use crate::{
    faults::{self, FaultKind},
    model::RequestRecord,
    ratelimit::{self, Class, RateLimitHit},
    rest::routes::Route,
    state::{Shared, State},
};

/// A 429 answer for an injected rate limit (route scope).
fn injected_429(retry_after: f64) -> Answer {
    Answer {
        status: 429,
        body: Some(json!({
            "message": "You are being rate limited.",
            "retry_after": retry_after,
            "global": false,
        })),
        headers: vec![
            ("retry-after", format!("{}", retry_after.ceil())),
            ("x-ratelimit-scope", "user".to_owned()),
            ("x-ratelimit-limit", "1".to_owned()),
            ("x-ratelimit-remaining", "0".to_owned()),
            ("x-ratelimit-reset-after", format!("{retry_after:.3}")),
        ],
    }
}

/// Records a 429 (real ones are violations too) and blocks its bucket for `retry_after`.
fn note_hit(state: &mut State, record: &RequestRecord, class: &Class, global: bool, injected: bool, retry_after: f64) {
    let hit = RateLimitHit {
        method: record.method.clone(),
        path: record.path.clone(),
        global,
        injected,
        retry_after,
        at: Instant::now(),
    };
    if !injected {
        let scope = if global { "the global limit" } else { "its route bucket" };
        state.violation(
            "rate-limit",
            format!("{} {} went over {scope} (retry_after {retry_after:.3}s)", record.method, record.path),
        );
    }
    state.limits.note_429(hit, &class.key);
}

/// Answers a request: resolves its route, applies outages, faults and limits, and runs the
/// handler. Never returns for an injected timeout (the connection is dropped instead).
pub(super) async fn answer(
    shared: &Shared,
    kill: &Notify,
    body: &ParsedBody,
    record: &mut RequestRecord,
    started: Instant,
) -> Answer {
    let (method, full_path) = (record.method.clone(), record.path.clone());
    let path = full_path.strip_prefix("/api/v10").unwrap_or(&full_path);
    let route = match routes::parse(&method, path, shared.application_id) {
        Ok(route) => route,
        Err(routes::RouteError::Unknown) => {
            shared.lock().violation("unknown-route", format!("{method} {full_path}"));
            return Answer::error(404, 0, "404: Not Found");
        }
        Err(routes::RouteError::BadId(s)) => {
            shared.lock().violation("bad-request", format!("{method} {full_path}: {s:?} is not a snowflake"));
            return Answer::error(400, 50035, "Invalid Form Body");
        }
        Err(routes::RouteError::WrongApplication) => {
            shared.lock().violation("bad-request", format!("{method} {full_path}: not our application id"));
            return Answer::error(404, 10015, "Unknown Webhook");
        }
    };
    let class = ratelimit::classify(&route);
    let gateway = matches!(route, Route::Gateway | Route::GatewayBot);
    let sim_now = shared.now();
    let fault = {
        let mut guard = shared.lock();
        let state = &mut *guard;
        let now = Instant::now();
        if !class.exempt {
            state.limits.observe(now);
        }
        if let Some(early) = state.limits.too_early(&class.key, now) {
            state.violation(
                "retry-too-early",
                format!("{method} {full_path} retried {early:?} before the last 429's retry_after elapsed"),
            );
        }
        if let Some(status) = state.controls.outage_status(sim_now).filter(|_| !gateway) {
            state.controls.outage_requests += 1;
            record.fault = Some(format!("outage {status}"));
            return Answer::error(status, 0, &format!("{status}: Discord is unavailable"));
        }
        if let Some(fault) = faults::take_fault(&mut state.faults, &state.dm_by_user, &method, path, &route) {
            record.fault = Some(fault.describe());
            Some(fault.kind)
        } else if class.exempt || gateway {
            None
        } else {
            let kind = state.controls.random.as_mut().and_then(faults::RandomFaults::roll);
            if let Some(kind) = &kind {
                record.fault = Some(format!("random {}", kind.describe()));
            }
            kind
        }
    };
    match fault {
        Some(FaultKind::ServerError(status)) => return Answer::error(status, 0, &format!("{status}: Server Error")),
        Some(FaultKind::RateLimited { retry_after }) => {
            note_hit(&mut shared.lock(), record, &class, false, true, retry_after);
            return injected_429(retry_after);
        }
        Some(FaultKind::Timeout(hold)) => {
            record.elapsed = started.elapsed();
            shared.lock().requests.push(record.clone());
            shared.notify();
            tokio::time::sleep(hold).await;
            kill.notify_one();
            std::future::pending::<()>().await;
            return Answer::error(504, 0, "unreachable");
        }
        Some(FaultKind::Hang(hold)) => tokio::time::sleep(hold).await,
        None => {}
    }
    let mut headers = Vec::new();
    if !class.exempt {
        let mut state = shared.lock();
        if state.limits.enabled {
            match state.limits.check(&class, Instant::now()) {
                Ok(h) => headers = h,
                Err(limited) => {
                    note_hit(&mut state, record, &class, limited.global, false, limited.retry_after);
                    let mut body = json!({
                        "message": "You are being rate limited.",
                        "retry_after": limited.retry_after,
                        "global": limited.global,
                    });
                    if limited.global {
                        body["code"] = json!(0);
                    }
                    return Answer { status: 429, body: Some(body), headers: limited.headers };
                }
            }
        }
    }
    let mut answer = handle_checked(shared, body, record, &route, path);
    answer.headers.extend(headers);
    answer
}

/// Runs the handler with the OpenAPI checks of the request and the response around it.
fn handle_checked(shared: &Shared, body: &ParsedBody, record: &mut RequestRecord, route: &Route, path: &str) -> Answer {
    let method = record.method.as_str();
    #[cfg(feature = "openapi")]
    if let (Some(validator), Some(json)) = (&shared.openapi, &body.json) {
        for v in validator.check_request(method, path, json) {
            shared.lock().violation("openapi-request", v);
        }
    }
    let mut ctx = Ctx { shared, body, query: record.query.as_deref(), created: Vec::new() };
    let answer = route_to_handler(&mut ctx, route);
    record.created = ctx.created;
    #[cfg(feature = "openapi")]
    if let (Some(validator), Some(json)) = (&shared.openapi, &answer.body) {
        if answer.status < 300 {
            for v in validator.check_response(method, path, answer.status, json) {
                shared.lock().violation("openapi-response", v);
            }
        }
    }
    #[cfg(not(feature = "openapi"))]
    let _ = (method, path);
    answer
}
