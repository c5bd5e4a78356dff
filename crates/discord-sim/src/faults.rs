//! Fault injection: make the next matching REST requests fail (or hang) like a flaky Discord
//! would, explicitly or at random with a seeded generator.

use std::{collections::HashMap, time::Duration};

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
    /// `POST /channels/{dm}/messages` where `{dm}` is the DM channel with `user` (resolved when
    /// the request arrives).
    DmTo {
        /// The DM recipient.
        user: u64,
    },
    /// `GET /channels/{id}/messages` (any channel).
    GetMessages,
}

impl RouteMatch {
    pub(crate) fn matches(&self, method: &str, path: &str, route: &Route, dms: &HashMap<u64, u64>) -> bool {
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
            Self::DmTo { user } => matches!(
                route,
                Route::CreateMessage { channel } if dms.get(user) == Some(channel)
            ),
            Self::GetMessages => matches!(route, Route::GetMessages { .. }),
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
    /// Hold the request this long, then handle it normally (a slow Discord).
    Hang(Duration),
}

impl FaultKind {
    /// A short description for request records.
    pub(crate) fn describe(&self) -> String {
        match self {
            Self::ServerError(s) => format!("server error {s}"),
            Self::RateLimited { retry_after } => format!("rate limited {retry_after}s"),
            Self::Timeout(d) => format!("timeout after {d:?}"),
            Self::Hang(d) => format!("hang for {d:?}"),
        }
    }
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
        self.kind.describe()
    }
}

/// Takes one use of the first fault matching the request, if any.
pub(crate) fn take_fault(
    faults: &mut Vec<Fault>,
    dms: &HashMap<u64, u64>,
    method: &str,
    path: &str,
    route: &Route,
) -> Option<Fault> {
    let index = faults.iter().position(|f| f.times > 0 && f.route.matches(method, path, route, dms))?;
    let fault = faults[index].clone();
    faults[index].times -= 1;
    if faults[index].times == 0 {
        faults.remove(index);
    }
    Some(fault)
}

/// A tiny xorshift64* generator: reproducible randomness without a dependency.
#[derive(Clone, Debug)]
pub(crate) struct Rng(u64);

impl Rng {
    /// A generator from `seed` (any value; 0 is remapped).
    pub(crate) fn new(seed: u64) -> Self {
        Self((seed ^ 0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `[0, 1)`.
    pub(crate) fn unit(&mut self) -> f64 {
        #[allow(clippy::cast_precision_loss)]
        let value = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        value
    }

    /// Uniform in `[min, max]`.
    pub(crate) fn between(&mut self, min: Duration, max: Duration) -> Duration {
        if max <= min {
            return min;
        }
        min + max.saturating_sub(min).mul_f64(self.unit())
    }
}

/// Random faults: each eligible request fails with `probability`.
#[derive(Clone, Debug)]
pub(crate) struct RandomFaults {
    pub(crate) probability: f64,
    pub(crate) rng: Rng,
}

impl RandomFaults {
    /// Rolls for one request: `None`, or the fault to apply (a 500/502/503, or a 429 with
    /// `retry_after` between 0.5 and 2 s).
    pub(crate) fn roll(&mut self) -> Option<FaultKind> {
        if self.rng.unit() >= self.probability {
            return None;
        }
        Some(match self.rng.next_u64() % 4 {
            0 => FaultKind::ServerError(500),
            1 => FaultKind::ServerError(502),
            2 => FaultKind::ServerError(503),
            _ => {
                let millis = 500 + self.rng.next_u64() % 1501;
                #[allow(clippy::cast_precision_loss)]
                let retry_after = millis as f64 / 1000.0;
                FaultKind::RateLimited { retry_after }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_faults_and_probability_one_always_fails() {
        let mut a = RandomFaults { probability: 1.0, rng: Rng::new(7) };
        let mut b = RandomFaults { probability: 1.0, rng: Rng::new(7) };
        let first: Vec<_> = (0..20).map(|_| a.roll()).collect();
        assert!(first.iter().all(Option::is_some));
        assert_eq!(first, (0..20).map(|_| b.roll()).collect::<Vec<_>>());
        let mut never = RandomFaults { probability: 0.0, rng: Rng::new(7) };
        assert!((0..20).all(|_| never.roll().is_none()));
    }
}
