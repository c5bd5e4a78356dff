//! The REST server: one central handler that records, faults, validates and routes requests.

pub(crate) mod body;
mod channels;
mod command_names;
mod commands;
mod gates;
mod history;
mod interactions;
mod messages;
pub(crate) mod routes;

pub(crate) use interactions::CALLBACK_DEADLINE;
pub(crate) use messages::to_json as message_json;

use std::{
    convert::Infallible,
    sync::{atomic::Ordering, Arc},
    time::{Duration, Instant},
};

use axum::{
    body::Body,
    http::{HeaderValue, Request, Response, StatusCode},
};
use hyper_util::rt::TokioIo;
use serde_json::{json, Value};
use tokio::{net::TcpListener, sync::Notify};

use self::{body::ParsedBody, routes::Route};
use crate::{model::RequestRecord, payloads, state::Shared};

/// A handler's answer.
pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) body: Option<Value>,
    pub(crate) headers: Vec<(&'static str, String)>,
}

impl Answer {
    pub(crate) fn ok(body: Value) -> Self {
        Self { status: 200, body: Some(body), headers: Vec::new() }
    }
    pub(crate) fn no_content() -> Self {
        Self { status: 204, body: None, headers: Vec::new() }
    }
    pub(crate) fn error(status: u16, code: u64, message: &str) -> Self {
        Self { status, body: Some(payloads::error(code, message)), headers: Vec::new() }
    }
    /// 403 `50001 Missing Access` (e.g. a channel of a guild the bot was removed from).
    pub(crate) fn missing_access() -> Self {
        Self::error(403, 50001, "Missing Access")
    }
    /// The answer for a breached message limit.
    pub(crate) fn breach(breach: &crate::limits::Breach) -> Self {
        Self { status: 400, body: Some(breach.body()), headers: Vec::new() }
    }
}

/// What a handler gets: the sim, the parsed request, and a place to note created messages.
pub(crate) struct Ctx<'a> {
    pub(crate) shared: &'a Shared,
    pub(crate) body: &'a ParsedBody,
    /// The query string, if any.
    pub(crate) query: Option<&'a str>,
    pub(crate) created: Vec<u64>,
}

impl Ctx<'_> {
    /// The JSON body (or `payload_json`), `{}` when absent.
    pub(crate) fn json(&self) -> Value {
        self.body.json.clone().unwrap_or_else(|| json!({}))
    }
}

/// Accepts HTTP connections until shutdown. Each connection gets a kill switch so a
/// [`FaultKind::Timeout`] can drop it without answering.
pub(crate) async fn serve(shared: Arc<Shared>, listener: TcpListener) {
    let mut shutdown = shared.shutdown.subscribe();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    tokio::spawn(connection(Arc::clone(&shared), stream));
                },
                Err(e) => tracing::warn!("http accept failed: {e}"),
            },
            _ = shutdown.changed() => return,
        }
    }
}

async fn connection(shared: Arc<Shared>, stream: tokio::net::TcpStream) {
    let kill = Arc::new(Notify::new());
    let mut shutdown = shared.shutdown.subscribe();
    let service = {
        let kill = Arc::clone(&kill);
        hyper::service::service_fn(move |req: Request<hyper::body::Incoming>| {
            let shared = Arc::clone(&shared);
            let kill = Arc::clone(&kill);
            async move { Ok::<_, Infallible>(handle(&shared, &kill, req.map(Body::new)).await) }
        })
    };
    let conn = hyper::server::conn::http1::Builder::new().serve_connection(TokioIo::new(stream), service);
    tokio::select! {
        result = conn => if let Err(e) = result {
            tracing::debug!("http connection ended: {e}");
        },
        () = kill.notified() => tracing::debug!("dropping http connection (injected timeout)"),
        _ = shutdown.changed() => {},
    }
}

/// Counts a request as in flight while it is handled (also when its future is dropped).
struct InFlight<'a>(&'a Shared);

impl<'a> InFlight<'a> {
    fn enter(shared: &'a Shared) -> Self {
        let now = shared.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
        shared.max_in_flight.fetch_max(now, Ordering::SeqCst);
        Self(shared)
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}

async fn handle(shared: &Shared, kill: &Notify, req: Request<Body>) -> Response<Body> {
    let _flight = InFlight::enter(shared);
    let started = Instant::now();
    let method = req.method().as_str().to_owned();
    let full_path = req.uri().path().to_owned();
    let query = req.uri().query().map(str::to_owned);
    let body = match body::parse(req).await {
        Ok(b) => b,
        Err(e) => {
            shared.lock().violation("bad-request", format!("{method} {full_path}: {e:#}"));
            shared.notify();
            return respond(Answer::error(400, 50109, "The request body contains invalid JSON."));
        }
    };
    let latency = shared.lock().controls.latency_sample();
    let there = latency / 2;
    if !there.is_zero() {
        tokio::time::sleep(there).await;
    }
    let mut record = RequestRecord {
        method: method.clone(),
        path: full_path.clone(),
        query,
        body: body.json.clone(),
        files: body.files.iter().map(|f| f.filename.clone()).collect(),
        status: 0,
        fault: None,
        created: Vec::new(),
        at: shared.now(),
        elapsed: Duration::ZERO,
    };
    let answer = gates::answer(shared, kill, &body, &mut record, started).await;
    record.status = answer.status;
    record.elapsed = started.elapsed();
    {
        let mut state = shared.lock();
        let failing = record.fault.as_deref().is_some_and(|f| !f.starts_with("hang"));
        if failing && !record.created.is_empty() {
            state.violation("fault", format!("faulted request {method} {full_path} created messages"));
        }
        state.limits.note_status(answer.status, Instant::now());
        state.requests.push(record);
    }
    shared.notify();
    let back = latency.saturating_sub(there);
    if !back.is_zero() {
        tokio::time::sleep(back).await;
    }
    respond(answer)
}

fn route_to_handler(ctx: &mut Ctx<'_>, route: &Route) -> Answer {
    match route {
        Route::Gateway | Route::GatewayBot => channels::gateway(ctx, *route == Route::GatewayBot),
        Route::ApplicationInfo => channels::application_info(ctx),
        Route::CurrentUser => Answer::ok(channels::bot_user(ctx.shared)),
        Route::GetUser { user } => channels::get_user(ctx, *user),
        Route::CreateDm => channels::create_dm(ctx),
        Route::GetChannel { channel } => channels::get_channel(ctx, *channel),
        Route::GetMember { guild, user } => channels::get_member(ctx, *guild, *user),
        Route::CreateMessage { channel } => messages::create(ctx, *channel),
        Route::GetMessages { channel } => history::list(ctx, *channel),
        Route::GetMessage { channel, message } => messages::get(ctx, *channel, *message),
        Route::EditMessage { channel, message } => messages::edit(ctx, *channel, *message),
        Route::DeleteMessage { channel, message } => messages::delete(ctx, *channel, *message),
        Route::PutCommands { guild } => commands::put_commands(ctx, *guild),
        Route::GetCommands { guild } => commands::get_commands(ctx, *guild),
        Route::Callback { interaction, token } => interactions::callback(ctx, *interaction, token),
        Route::GetOriginal { token } => interactions::get_original(ctx, token),
        Route::EditOriginal { token } => interactions::edit_original(ctx, token),
        Route::DeleteOriginal { token } => interactions::delete_original(ctx, token),
        Route::Followup { token } => interactions::followup(ctx, token),
        Route::GetFollowup { token, message } => interactions::get_followup(ctx, token, *message),
        Route::EditFollowup { token, message } => interactions::edit_followup(ctx, token, *message),
        Route::DeleteFollowup { token, message } => interactions::delete_followup(ctx, token, *message),
    }
}

fn respond(answer: Answer) -> Response<Body> {
    let body = answer.body.map_or_else(Body::empty, |v| Body::from(v.to_string()));
    let mut response = Response::new(body);
    *response.status_mut() = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers_mut();
    if answer.status != 204 {
        headers.insert("content-type", HeaderValue::from_static("application/json"));
    }
    for (name, value) in answer.headers {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(name, value);
        }
    }
    response
}
