//! The REST server: one central handler that records, faults, validates and routes requests.

pub(crate) mod body;
mod channels;
mod interactions;
mod messages;
pub(crate) mod routes;

pub(crate) use messages::to_json as message_json;

use std::{
    convert::Infallible,
    sync::Arc,
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
use crate::{
    faults::{self, FaultKind},
    model::RequestRecord,
    payloads,
    state::Shared,
};

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
}

/// What a handler gets: the sim, the parsed request, and a place to note created messages.
pub(crate) struct Ctx<'a> {
    pub(crate) shared: &'a Shared,
    pub(crate) body: &'a ParsedBody,
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

async fn handle(shared: &Shared, kill: &Notify, req: Request<Body>) -> Response<Body> {
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
    let path = full_path.strip_prefix("/api/v10").unwrap_or(&full_path);
    let route = routes::parse(&method, path, shared.application_id);
    let answer = match route {
        Err(routes::RouteError::Unknown) => {
            shared.lock().violation("unknown-route", format!("{method} {full_path}"));
            Answer::error(404, 0, "404: Not Found")
        }
        Err(routes::RouteError::BadId(s)) => {
            shared.lock().violation("bad-request", format!("{method} {full_path}: {s:?} is not a snowflake"));
            Answer::error(400, 50035, "Invalid Form Body")
        }
        Err(routes::RouteError::WrongApplication) => {
            shared.lock().violation("bad-request", format!("{method} {full_path}: not our application id"));
            Answer::error(404, 10015, "Unknown Webhook")
        }
        Ok(route) => {
            let fault = faults::take_fault(&mut shared.lock().faults, &method, path, &route);
            if let Some(fault) = fault {
                record.fault = Some(fault.describe());
                match fault.kind {
                    FaultKind::ServerError(status) => Answer::error(status, 0, &format!("{status}: Server Error")),
                    FaultKind::RateLimited { retry_after } => rate_limited(retry_after),
                    FaultKind::Timeout(hold) => {
                        record.elapsed = started.elapsed();
                        shared.lock().requests.push(record);
                        shared.notify();
                        tokio::time::sleep(hold).await;
                        kill.notify_one();
                        std::future::pending::<()>().await;
                        return respond(Answer::error(504, 0, "unreachable"));
                    }
                }
            } else {
                #[cfg(feature = "openapi")]
                if let (Some(validator), Some(json)) = (&shared.openapi, &body.json) {
                    for v in validator.check_request(&method, path, json) {
                        shared.lock().violation("openapi-request", v);
                    }
                }
                let mut ctx = Ctx { shared, body: &body, created: Vec::new() };
                let answer = route_to_handler(&mut ctx, &route);
                record.created = ctx.created;
                #[cfg(feature = "openapi")]
                if let (Some(validator), Some(json)) = (&shared.openapi, &answer.body) {
                    if answer.status < 300 {
                        for v in validator.check_response(&method, path, answer.status, json) {
                            shared.lock().violation("openapi-response", v);
                        }
                    }
                }
                answer
            }
        }
    };
    record.status = answer.status;
    record.elapsed = started.elapsed();
    {
        let mut state = shared.lock();
        if record.fault.is_some() && !record.created.is_empty() {
            state.violation("fault", format!("faulted request {method} {full_path} created messages"));
        }
        state.requests.push(record);
    }
    shared.notify();
    respond(answer)
}

fn rate_limited(retry_after: f64) -> Answer {
    Answer {
        status: 429,
        body: Some(json!({
            "message": "You are being rate limited.",
            "retry_after": retry_after,
            "global": false,
        })),
        headers: vec![("retry-after", format!("{}", retry_after.ceil())), ("x-ratelimit-scope", "user".to_owned())],
    }
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
        Route::GetMessage { channel, message } => messages::get(ctx, *channel, *message),
        Route::EditMessage { channel, message } => messages::edit(ctx, *channel, *message),
        Route::DeleteMessage { channel, message } => messages::delete(ctx, *channel, *message),
        Route::PutCommands { guild } => interactions::put_commands(ctx, *guild),
        Route::GetCommands { guild } => interactions::get_commands(ctx, *guild),
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
