//! Sessions and the rules for booking them: duration bounds, how far ahead, overlaps.

use std::fmt;

use chrono::{DateTime, Duration, Utc};

use crate::tr;

/// Where a session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SessionStatus {
    Booked,
    Cancelled,
    Completed,
}

impl SessionStatus {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            SessionStatus::Booked => "booked",
            SessionStatus::Cancelled => "cancelled",
            SessionStatus::Completed => "completed",
        }
    }

    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "booked" => Some(SessionStatus::Booked),
            "cancelled" => Some(SessionStatus::Cancelled),
            "completed" => Some(SessionStatus::Completed),
            _ => None,
        }
    }
}

/// The status as a person reads it (from the catalogue); [`SessionStatus::as_str`] is the stored name.
impl fmt::Display for SessionStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::tr!("domain-session-status", status = self.as_str()))
    }
}

/// A booked (or past) meeting of a pair.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Session {
    pub id: i64,
    pub pairing_id: i64,
    /// 1, 2, 3, ... within the pairing; never reused.
    pub number: i64,
    pub starts_at: DateTime<Utc>,
    pub duration_minutes: u32,
    pub status: SessionStatus,
    pub topic: Option<String>,
    pub booked_by: super::ids::UserId,
    pub cancel_reason: Option<String>,
    pub revision: i64,
    /// The series it belongs to, if it is an occurrence of one.
    #[serde(default)]
    pub series_id: Option<i64>,
    /// Which occurrence of its series' rule it is (0 = the first), for an occurrence of one.
    #[serde(default)]
    pub occurrence: Option<u32>,
}

impl Session {
    /// When the session ends.
    pub fn ends_at(&self) -> DateTime<Utc> {
        self.starts_at + Duration::minutes(i64::from(self.duration_minutes))
    }

    /// Whether it can still be moved or cancelled at `now`.
    pub fn is_changeable(&self, now: DateTime<Utc>) -> Result<(), BookingError> {
        match self.status {
            SessionStatus::Cancelled => Err(BookingError::AlreadyCancelled { number: self.number }),
            SessionStatus::Completed => Err(BookingError::AlreadyCompleted { number: self.number }),
            SessionStatus::Booked if self.starts_at <= now => Err(BookingError::AlreadyStarted { number: self.number }),
            SessionStatus::Booked => Ok(()),
        }
    }
}

/// The session a session option's text names among `candidates`: `s<id>` (what autocomplete
/// sends), or `#N` / `N`, the number within the pair, when exactly one candidate accepted by
/// `by_number` has it.
pub fn pick_by_reference(
    candidates: Vec<Session>,
    reference: &str,
    by_number: impl Fn(&Session) -> bool,
) -> Option<Session> {
    let reference = reference.trim();
    if let Some(id) = reference.strip_prefix('s').and_then(|r| r.parse::<i64>().ok()) {
        return candidates.into_iter().find(|s| s.id == id);
    }
    let n = reference.trim_start_matches('#').parse::<i64>().ok()?;
    let mut hits: Vec<Session> = candidates.into_iter().filter(|s| s.number == n && by_number(s)).collect();
    if hits.len() == 1 {
        hits.pop()
    } else {
        None
    }
}

/// Limits that apply to every booking.
#[derive(Debug, Clone, Copy)]
pub struct BookingLimits {
    pub min_duration_minutes: u32,
    pub max_duration_minutes: u32,
    pub max_days_ahead: u32,
}

/// Why a booking (or a change to one) is refused. Messages are shown to users.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BookingError {
    #[error("{}", tr!("domain-booking-in-the-past", start = .start.timestamp().to_string()))]
    InThePast { start: DateTime<Utc> },
    #[error("{}", tr!("domain-booking-too-far-ahead", max_days = *.max_days))]
    TooFarAhead { max_days: u32 },
    #[error("{}", tr!("domain-booking-bad-duration", given = .given.to_string(), min = *.min, max = *.max))]
    BadDuration { given: i64, min: u32, max: u32 },
    #[error("{}", tr!(
        "domain-booking-overlap",
        number = .number.to_string(),
        start = .start.timestamp().to_string(),
        end = .end.timestamp().to_string(),
    ))]
    Overlap { number: i64, start: DateTime<Utc>, end: DateTime<Utc> },
    /// The partner has another session then: whose and when is not the caller's business.
    #[error("{}", tr!("domain-booking-partner-busy", who = .who.as_str()))]
    PartnerBusy { who: String },
    #[error("{}", tr!("domain-booking-already-cancelled", number = .number.to_string()))]
    AlreadyCancelled { number: i64 },
    #[error("{}", tr!("domain-booking-already-completed", number = .number.to_string()))]
    AlreadyCompleted { number: i64 },
    #[error("{}", tr!("domain-booking-already-started", number = .number.to_string()))]
    AlreadyStarted { number: i64 },
}

/// Checks a proposed start and duration against the limits, as of `now`.
pub fn check_slot(
    start: DateTime<Utc>,
    duration_minutes: i64,
    now: DateTime<Utc>,
    limits: BookingLimits,
) -> Result<(), BookingError> {
    let (min, max) = (limits.min_duration_minutes, limits.max_duration_minutes);
    if duration_minutes < i64::from(min) || duration_minutes > i64::from(max) {
        return Err(BookingError::BadDuration { given: duration_minutes, min, max });
    }
    if start <= now {
        return Err(BookingError::InThePast { start });
    }
    if start > now + Duration::days(i64::from(limits.max_days_ahead)) {
        return Err(BookingError::TooFarAhead { max_days: limits.max_days_ahead });
    }
    Ok(())
}

/// Whether two half-open intervals `[a_start, a_end)` and `[b_start, b_end)` overlap.
pub fn overlaps(a_start: DateTime<Utc>, a_end: DateTime<Utc>, b_start: DateTime<Utc>, b_end: DateTime<Utc>) -> bool {
    a_start < b_end && b_start < a_end
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    const LIMITS: BookingLimits =
        BookingLimits { min_duration_minutes: 15, max_duration_minutes: 240, max_days_ahead: 365 };

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 24, h, m, 0).unwrap()
    }

    #[test]
    fn back_to_back_sessions_do_not_overlap() {
        assert!(!overlaps(at(9, 0), at(10, 0), at(10, 0), at(11, 0)));
        assert!(!overlaps(at(10, 0), at(11, 0), at(9, 0), at(10, 0)));
    }

    #[test]
    fn sessions_sharing_a_minute_overlap() {
        assert!(overlaps(at(9, 0), at(10, 0), at(9, 59), at(11, 0)));
        assert!(overlaps(at(9, 0), at(12, 0), at(10, 0), at(11, 0)));
    }

    #[test]
    fn durations_outside_the_limits_are_refused() {
        let now = at(8, 0);
        assert!(matches!(check_slot(at(9, 0), 14, now, LIMITS), Err(BookingError::BadDuration { .. })));
        assert!(matches!(check_slot(at(9, 0), 241, now, LIMITS), Err(BookingError::BadDuration { .. })));
        assert!(check_slot(at(9, 0), 15, now, LIMITS).is_ok());
        assert!(check_slot(at(9, 0), 240, now, LIMITS).is_ok());
    }

    #[test]
    fn a_start_now_or_earlier_is_in_the_past() {
        assert!(matches!(check_slot(at(9, 0), 60, at(9, 0), LIMITS), Err(BookingError::InThePast { .. })));
    }

    #[test]
    fn a_start_more_than_a_year_ahead_is_refused() {
        let now = at(9, 0);
        assert!(check_slot(now + Duration::days(365), 60, now, LIMITS).is_ok());
        assert!(matches!(
            check_slot(now + Duration::days(365) + Duration::minutes(1), 60, now, LIMITS),
            Err(BookingError::TooFarAhead { max_days: 365 })
        ));
    }
}
