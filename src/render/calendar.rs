//! Calendar files (`.ics`, RFC 5545) attached to booking DMs, so a session lands in the
//! recipient's calendar; a move keeps the UID and raises SEQUENCE, a cancel sends STATUS:CANCELLED.
//!
//! UIDs carry the database's instance id (`Store::instance()`), so session 1 of one database
//! never overwrites session 1 of another in a calendar that receives both. The files set no
//! `METHOD`: they are published calendars to import, not iTIP scheduling messages (RFC 5546
//! requires an `ORGANIZER` with every `METHOD`, and the bot has no calendar address to name).

mod series;
mod vtimezone;

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};
pub use series::{occurrence_ics, series_ics};

#[cfg(test)]
use crate::domain::series::Series;
use crate::domain::session::{Session, SessionStatus};

/// The globally unique calendar UID of a single session.
pub fn session_uid(session_id: i64, instance: &str) -> String {
    format!("session-{session_id}.{instance}@mentor-bot")
}

/// The calendar file of a session, with `now` as its stamp; `instance` is the database's id.
pub fn session_ics(session: &Session, title: &str, instance: &str, now: DateTime<Utc>) -> String {
    let mut calendar = Calendar::new();
    calendar.push(session_event(session, title, instance, now));
    calendar.done().to_string()
}

/// One calendar file holding several sessions (each with its own UID, as in the booking DMs).
pub fn sessions_ics(sessions: &[(Session, String)], instance: &str, now: DateTime<Utc>) -> String {
    let mut calendar = Calendar::new();
    for (session, title) in sessions {
        calendar.push(session_event(session, title, instance, now));
    }
    calendar.done().to_string()
}

fn session_event(session: &Session, title: &str, instance: &str, now: DateTime<Utc>) -> Event {
    let mut event = Event::new();
    event
        .uid(&session_uid(session.id, instance))
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
    event.done()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use icalendar::parser::{read_calendar, unfold};

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
            series_id: None,
            occurrence: None,
        }
    }

    /// The value of `key` in the first VEVENT, as a parser reads it.
    fn event_property(ics: &str, key: &str) -> Option<String> {
        let unfolded = unfold(ics);
        let calendar = read_calendar(&unfolded).unwrap();
        let event = calendar.components.iter().find(|c| c.name == "VEVENT").unwrap();
        event.properties.iter().find(|p| p.name == key).map(|p| p.val.to_string())
    }

    #[test]
    fn a_booked_session_becomes_an_event_in_utc_with_crlf_lines() {
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap();
        let ics = session_ics(&session(SessionStatus::Booked, 0), "Mentoring session #3", "a1b2c3", now);
        assert!(ics.contains("DTSTART:20261124T140000Z\r\n"), "{ics}");
        assert!(ics.contains("DTEND:20261124T153000Z\r\n"), "{ics}");
        assert!(ics.contains("SEQUENCE:0\r\n"));
        assert!(ics.contains("Career\\, growth\\; next steps"), "text is escaped: {ics}");
        assert_eq!(event_property(&ics, "DTSTART").as_deref(), Some("20261124T140000Z"));
    }

    #[test]
    fn the_uid_names_the_database_so_two_databases_never_share_one() {
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap();
        let one = session_ics(&session(SessionStatus::Booked, 0), "S", "a1b2c3", now);
        let other = session_ics(&session(SessionStatus::Booked, 0), "S", "d4e5f6", now);
        assert_eq!(event_property(&one, "UID").as_deref(), Some("session-7.a1b2c3@mentor-bot"));
        assert_ne!(event_property(&one, "UID"), event_property(&other, "UID"));
    }

    #[test]
    fn a_file_without_an_organizer_sets_no_method() {
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap();
        for status in [SessionStatus::Booked, SessionStatus::Cancelled] {
            let ics = session_ics(&session(status, 0), "S", "a1b2c3", now);
            let unfolded = unfold(&ics);
            let calendar = read_calendar(&unfolded).unwrap();
            let has = |key: &str| calendar.properties.iter().any(|p| p.name == key);
            assert!(!has("METHOD") || has("ORGANIZER"), "{ics}");
        }
    }

    #[test]
    fn a_series_across_the_spring_change_defines_both_berlin_offsets_in_its_vtimezone() {
        use chrono::NaiveDate;

        use crate::domain::series::Repeat;
        let first_local = NaiveDate::from_ymd_opt(2027, 3, 16).unwrap().and_hms_opt(17, 0, 0).unwrap();
        let series = Series {
            id: 4,
            pairing_id: 1,
            repeat: Repeat::Weekly { weeks: 1 },
            zone: chrono_tz::Europe::Berlin,
            first_local,
            count: 4,
            duration_minutes: 60,
            booked_by: UserId(1),
            revision: 0,
        };
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap();
        let ics = series_ics(&series, &[], "Mentoring session", "a1b2c3", now);
        let unfolded = unfold(&ics);
        let calendar = read_calendar(&unfolded).unwrap();
        let zone = calendar.components.iter().find(|c| c.name == "VTIMEZONE").unwrap();
        let value = |c: &icalendar::parser::Component<'_>, key: &str| {
            c.properties.iter().find(|p| p.name == key).map(|p| p.val.to_string()).unwrap()
        };
        assert_eq!(value(zone, "TZID"), "Europe/Berlin");
        let observances: Vec<(String, String, String)> =
            zone.components.iter().map(|c| (c.name.to_string(), value(c, "DTSTART"), value(c, "TZOFFSETTO"))).collect();
        assert_eq!(
            observances,
            [
                ("STANDARD".to_owned(), "20270315T170000".to_owned(), "+0100".to_owned()),
                ("DAYLIGHT".to_owned(), "20270328T020000".to_owned(), "+0200".to_owned()),
            ]
        );
        assert_eq!(event_property(&ics, "DTEND").as_deref(), Some("20270316T180000"));
    }

    #[test]
    fn a_cancelled_session_keeps_its_uid_and_says_cancelled() {
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap();
        let ics = session_ics(&session(SessionStatus::Cancelled, 2), "Mentoring session #3", "a1b2c3", now);
        assert_eq!(event_property(&ics, "UID").as_deref(), Some("session-7.a1b2c3@mentor-bot"));
        assert_eq!(event_property(&ics, "STATUS").as_deref(), Some("CANCELLED"));
        assert_eq!(event_property(&ics, "SEQUENCE").as_deref(), Some("2"));
    }
}
