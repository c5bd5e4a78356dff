//! Calendar files (`.ics`, RFC 5545) attached to booking DMs, so a session lands in the
//! recipient's calendar; a move keeps the UID and raises SEQUENCE, a cancel sends STATUS:CANCELLED.

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

use crate::domain::session::{Session, SessionStatus};

/// The calendar file of a session, with `now` as its stamp.
pub fn session_ics(session: &Session, title: &str, now: DateTime<Utc>) -> String {
    let mut event = Event::new();
    event
        .uid(&format!("session-{}@mentor-bot", session.id))
        .summary(title)
        .starts(session.starts_at)
        .ends(session.ends_at())
        .timestamp(now)
        .sequence(u32::try_from(session.revision).unwrap_or(0));
    if let Some(topic) = &session.topic {
        event.description(topic);
    }
    if session.status == SessionStatus::Cancelled {
        event.status(EventStatus::Cancelled);
    } else {
        event.status(EventStatus::Confirmed);
    }
    let mut calendar = Calendar::new();
    if session.status == SessionStatus::Cancelled {
        calendar.append_property(("METHOD", "CANCEL"));
    } else {
        calendar.append_property(("METHOD", "PUBLISH"));
    }
    calendar.push(event.done());
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::domain::ids::UserId;

    fn session(status: SessionStatus, revision: i64) -> Session {
        Session {
            id: 7,
            pairing_id: 1,
            number: 3,
            starts_at: Utc.with_ymd_and_hms(2026, 11, 24, 14, 0, 0).unwrap(),
            duration_minutes: 90,
            status,
            topic: Some("Career, growth; next steps".into()),
            booked_by: UserId(1),
            cancel_reason: None,
            revision,
        }
    }

    #[test]
    fn a_booked_session_becomes_an_event_in_utc_with_crlf_lines() {
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap();
        let ics = session_ics(&session(SessionStatus::Booked, 0), "Mentoring session #3", now);
        assert!(ics.contains("DTSTART:20261124T140000Z\r\n"), "{ics}");
        assert!(ics.contains("DTEND:20261124T153000Z\r\n"), "{ics}");
        assert!(ics.contains("UID:session-7@mentor-bot\r\n"));
        assert!(ics.contains("SEQUENCE:0\r\n"));
        assert!(ics.contains("Career\\, growth\\; next steps"), "text is escaped: {ics}");
    }

    #[test]
    fn a_cancelled_session_keeps_its_uid_and_says_cancelled() {
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap();
        let ics = session_ics(&session(SessionStatus::Cancelled, 2), "Mentoring session #3", now);
        assert!(ics.contains("UID:session-7@mentor-bot\r\n"));
        assert!(ics.contains("STATUS:CANCELLED\r\n") && ics.contains("METHOD:CANCEL\r\n"), "{ics}");
        assert!(ics.contains("SEQUENCE:2\r\n"));
    }
}
