//! Calendar files of a series: one master event whose `RRULE` repeats it in the series' zone (so
//! 17:00 stays 17:00 across DST), an `EXDATE` for each occurrence without a session (left out or
//! cancelled), and an override event (`RECURRENCE-ID`) for each occurrence that was moved; the
//! zone is defined in the file (`VTIMEZONE`).

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike, EventStatus, Property};

use super::vtimezone::vtimezone;
use crate::domain::{
    local_time::resolve_local_lenient,
    series::Series,
    session::{Session, SessionStatus},
};

const LOCAL: &str = "%Y%m%dT%H%M%S";

/// The globally unique calendar UID of a series (its occurrences share it).
pub fn series_uid(series_id: i64, instance: &str) -> String {
    format!("series-{series_id}.{instance}@mentor-bot")
}

fn live(session: &Session) -> bool {
    session.status != SessionStatus::Cancelled
}

/// The whole series as it stands, from its sessions (all of them, any status).
pub fn series_ics(series: &Series, sessions: &[Session], title: &str, instance: &str, now: DateTime<Utc>) -> String {
    let zoned =
        |local: NaiveDateTime| CalendarDateTime::WithTimezone { date_time: local, tzid: series.zone.name().into() };
    let duration = Duration::minutes(i64::from(series.duration_minutes));
    let of = |index: u32| sessions.iter().find(|s| s.occurrence == Some(index) && live(s));
    let mut master = Event::new();
    master
        .uid(&series_uid(series.id, instance))
        .summary(title)
        .starts(zoned(series.first_local))
        .ends(zoned(series.first_local + duration))
        .timestamp(now)
        .sequence(u32::try_from(series.revision).unwrap_or(0))
        .append_property(Property::new(
            "RRULE",
            format!("{};COUNT={}", series.repeat.rrule(series.first_local.date()), series.count),
        ));
    let any_live = (0..series.count).any(|i| of(i).is_some());
    master.status(if any_live { EventStatus::Confirmed } else { EventStatus::Cancelled });
    if let Some(topic) = sessions.iter().find_map(|s| s.topic.as_deref()) {
        master.description(topic);
    }
    let mut overrides = Vec::new();
    for index in 0..series.count {
        let Some(local) = series.local_of(index) else { continue };
        match of(index) {
            None if any_live => {
                master.append_multi_property(
                    Property::new("EXDATE", local.format(LOCAL).to_string())
                        .add_parameter("TZID", series.zone.name())
                        .done(),
                );
            }
            Some(session) if session.starts_at != resolve_local_lenient(local, series.zone) => {
                overrides.push(override_event(series, session, local, title, instance, now));
            }
            _ => {}
        }
    }
    let mut events = vec![master.done()];
    events.extend(overrides);
    wrap(series, events)
}

/// One occurrence's own update (moved or cancelled), named by `RECURRENCE-ID`: its original local
/// time in the series' zone.
pub fn occurrence_ics(series: &Series, session: &Session, title: &str, instance: &str, now: DateTime<Utc>) -> String {
    let index = session.occurrence.unwrap_or(0);
    let local = series.local_of(index).unwrap_or(series.first_local);
    wrap(series, vec![override_event(series, session, local, title, instance, now)])
}

fn override_event(
    series: &Series,
    session: &Session,
    original: NaiveDateTime,
    title: &str,
    instance: &str,
    now: DateTime<Utc>,
) -> Event {
    let mut event = Event::new();
    event
        .uid(&series_uid(series.id, instance))
        .append_property(
            Property::new("RECURRENCE-ID", original.format(LOCAL).to_string())
                .add_parameter("TZID", series.zone.name())
                .done(),
        )
        .summary(title)
        .starts(session.starts_at)
        .ends(session.ends_at())
        .timestamp(now)
        .sequence(u32::try_from(series.revision + session.revision).unwrap_or(0))
        .status(if live(session) { EventStatus::Confirmed } else { EventStatus::Cancelled });
    if let Some(topic) = &session.topic {
        event.description(topic);
    }
    event.done()
}

/// The calendar around `events`, with the series' zone defined before them.
fn wrap(series: &Series, events: Vec<Event>) -> String {
    let mut calendar = Calendar::new();
    for event in events {
        calendar.push(event);
    }
    let text = calendar.done().to_string();
    let duration = Duration::minutes(i64::from(series.duration_minutes));
    let first = resolve_local_lenient(series.first_local, series.zone);
    let last = series.local_of(series.count.saturating_sub(1)).map_or(first, |l| resolve_local_lenient(l, series.zone));
    let zone = vtimezone(series.zone, first, last + duration);
    match text.find("BEGIN:VEVENT") {
        Some(at) => format!("{}{zone}{}", &text[..at], &text[at..]),
        None => text,
    }
}
