//! A booking that waits for an answer: asked about because it falls outside the partner's weekly
//! availability, or offered as free times after a session that didn't happen. Buttons carry the
//! request's id (and a picked instant); only the person who asked may answer, once, before it
//! expires. Nothing is booked until then.

use chrono::{DateTime, Duration, Utc};

use super::{
    ids::{GuildId, UserId},
    series::Scope,
};

/// How long the buttons of a request stay good.
pub const REQUEST_LIFETIME: Duration = Duration::hours(24);

/// What a request books when answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestKind {
    /// One session.
    Book,
    /// A series (`/book ... repeat:`), with the options as given.
    Series { repeat: String, count: Option<i64>, until: Option<String> },
    /// Moving a session (`/reschedule`), this one or it and the following ones.
    Move { session_id: i64, scope: Scope },
}

impl RequestKind {
    /// The stored name of the kind.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Book => "book",
            Self::Series { .. } => "series",
            Self::Move { .. } => "move",
        }
    }
}

/// A request as asked (before it is stored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRequest {
    pub guild: GuildId,
    /// Who asked (the only one who may answer).
    pub user: UserId,
    pub partner: UserId,
    pub kind: RequestKind,
    /// The instant asked for; `None` when only free times are offered.
    pub at: Option<DateTime<Utc>>,
    pub minutes: u32,
    pub topic: Option<String>,
}

/// A stored request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookingRequest {
    pub id: i64,
    pub request: NewRequest,
    pub expires_at: DateTime<Utc>,
    /// When it was answered, and what came of it (in words).
    pub settled: Option<(DateTime<Utc>, Option<String>)>,
}

/// Why a press on a request's button does nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stale {
    /// Someone else's request.
    NotYours,
    /// Answered before; what came of it, if known.
    Settled(Option<String>),
    /// Too old.
    Expired,
}

impl BookingRequest {
    /// Whether `user` may answer the request at `now`.
    ///
    /// # Errors
    /// Why not: not theirs, answered already, or expired.
    pub fn check_answerable(&self, user: UserId, now: DateTime<Utc>) -> Result<(), Stale> {
        if user != self.request.user {
            return Err(Stale::NotYours);
        }
        if let Some((_, outcome)) = &self.settled {
            return Err(Stale::Settled(outcome.clone()));
        }
        if now >= self.expires_at {
            return Err(Stale::Expired);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn request(settled: Option<(DateTime<Utc>, Option<String>)>) -> BookingRequest {
        let at = Utc.with_ymd_and_hms(2026, 11, 24, 14, 0, 0).unwrap();
        BookingRequest {
            id: 1,
            request: NewRequest {
                guild: GuildId(1),
                user: UserId(2),
                partner: UserId(3),
                kind: RequestKind::Book,
                at: Some(at),
                minutes: 60,
                topic: None,
            },
            expires_at: at,
            settled,
        }
    }

    #[test]
    fn only_the_asker_answers_once_before_it_expires() {
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 13, 0, 0).unwrap();
        assert_eq!(request(None).check_answerable(UserId(2), now), Ok(()));
        assert_eq!(request(None).check_answerable(UserId(3), now), Err(Stale::NotYours));
        let done = request(Some((now, Some("booked".into()))));
        assert_eq!(done.check_answerable(UserId(2), now), Err(Stale::Settled(Some("booked".into()))));
        let later = now + Duration::hours(2);
        assert_eq!(request(None).check_answerable(UserId(2), later), Err(Stale::Expired));
    }
}
