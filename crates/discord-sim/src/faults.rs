//! Fault injection: make the next matching REST requests fail like a flaky Discord would.

use std::time::Duration;

use crate::rest::routes::Route;

/// Which requests a fault applies to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RouteMatch {
    /// Every request.
    Any,
    /// Requests whose method equals `method` (if given) and whose path (after `/api/v10`)
    /// contains `contains`.
    Path {
        /// HTTP method, e.g. `"POST"`; any method when `None`.
        method: Option<String>,
        /// A substring of the path, e.g. `"/messages"`.
        contains: String,
    },
    /// `POST /channels/{channel}/messages` (any channel when `None`).
    CreateMessage {
        /// Only this channel.
        channel: Option<u64>,
    },
    /// `POST /users/@me/channels` (opening a DM).
    CreateDm,
    /// `POST /interactions/{id}/{token}/callback`.
    InteractionCallback,
    /// `POST /webhooks/{app}/{token}` (interaction followups).
    Followup,
}

impl RouteMatch {
    pub(crate) fn matches(&self, method: &str, path: &str, route: &Route) -> bool {
        match self {
            Self::Any => true,
            Self::Path { method: m, contains } => {
                m.as_deref().is_none_or(|m| m.eq_ignore_ascii_case(method)) && path.contains(contains.as_str())
            }
            Self::CreateMessage { channel } => matches!(
                route,
                Route::CreateMessage { channel: c } if channel.is_none_or(|want| want == *c)
            ),
            Self::CreateDm => matches!(route, Route::CreateDm),
            Self::InteractionCallback => matches!(route, Route::Callback { .. }),
            Self::Followup => matches!(route, Route::Followup { .. }),
        }
    }
}

/// How a faulted request fails.
#[derive(Clone, Debug, PartialEq)]
pub enum FaultKind {
    /// Answer with this status (e.g. 500, 502, 503) and a Discord-style JSON error body.
    ServerError(u16),
    /// Answer 429 with a `retry-after` header and `{message, retry_after, global: false}`.
    RateLimited {
        /// Seconds to wait.
        retry_after: f64,
    },
    /// Hold the request this long, then drop the connection without answering.
    Timeout(Duration),
}

/// A fault: the next `times` requests matching `route` fail with `kind`. Faulted requests never
/// create or change anything.
#[derive(Clone, Debug, PartialEq)]
pub struct Fault {
    /// Which requests.
    pub route: RouteMatch,
    /// How they fail.
    pub kind: FaultKind,
    /// How many requests fail.
    pub times: u32,
}

impl Fault {
    /// A fault failing the next matching request once.
    pub fn once(route: RouteMatch, kind: FaultKind) -> Self {
        Self { route, kind, times: 1 }
    }

    /// A short description for request records.
    pub(crate) fn describe(&self) -> String {
        match &self.kind {
            FaultKind::ServerError(s) => format!("server error {s}"),
            FaultKind::RateLimited { retry_after } => format!("rate limited {retry_after}s"),
            FaultKind::Timeout(d) => format!("timeout after {d:?}"),
        }
    }
}

/// Takes one use of the first fault matching the request, if any.
pub(crate) fn take_fault(faults: &mut Vec<Fault>, method: &str, path: &str, route: &Route) -> Option<Fault> {
    let index = faults.iter().position(|f| f.times > 0 && f.route.matches(method, path, route))?;
    let fault = faults[index].clone();
    faults[index].times -= 1;
    if faults[index].times == 0 {
        faults.remove(index);
    }
    Some(fault)
}
