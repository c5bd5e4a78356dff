//! How notices about series read: one embed with the first times and what was left out, and
//! the series' calendar files.

use chrono::{DateTime, Utc};
use serenity::all::{CreateAttachment, CreateEmbed};

use super::{
    calendar::series_ics,
    notice::{when, COLOUR},
    Outgoing,
};
use crate::domain::{
    ids::UserId,
    series::{sessions_count, LeftOut, LeftOutWhy, Series},
    session::{Session, SessionStatus},
};

/// A series and every session it holds.
type WithSessions<'a> = (&'a Series, &'a Vec<Session>);

/// Sessions of a series cancelled from one on.
pub(super) fn series_cancelled_message(
    series: &Series,
    sessions: &[Session],
    cancelled: &[Session],
    by: UserId,
    instance: &str,
    now: DateTime<Utc>,
) -> Outgoing {
    let first = cancelled.first().map_or(0, |s| s.starts_at.timestamp());
    let mut embed = CreateEmbed::new()
        .title(format!("❌ {} of your series cancelled", sessions_count(cancelled.len())))
        .description(format!(
            "<@{by}> cancelled your series ({}, {}) from <t:{first}:F> on.",
            series.describe(),
            series.zone.name()
        ))
        .field("Cancelled", series_first_times(cancelled), false)
        .colour(COLOUR);
    if let Some(reason) = cancelled.first().and_then(|s| s.cancel_reason.as_ref()) {
        embed = embed.field("Reason", reason, false);
    }
    let ics = series_ics(series, sessions, "Mentoring session", instance, now);
    let file = CreateAttachment::bytes(ics.into_bytes(), format!("series-{}.ics", series.id));
    Outgoing { embeds: vec![embed], files: vec![file], ..Outgoing::default() }
}

/// Sessions of a series moved from one on into a new series.
pub(super) fn series_moved_message(
    (old, old_sessions): WithSessions<'_>,
    (new, new_sessions): WithSessions<'_>,
    left_out: &[LeftOut],
    by: UserId,
    instance: &str,
    now: DateTime<Utc>,
) -> Outgoing {
    let booked: Vec<Session> = new_sessions.iter().filter(|s| s.status == SessionStatus::Booked).cloned().collect();
    let mut embed = CreateEmbed::new()
        .title(format!("🔁 {} of your series moved", sessions_count(booked.len())))
        .description(format!(
            "<@{by}> moved your series from the session below on: it is now {} ({}). The calendar files update the old series and add the new one.",
            new.describe(),
            new.zone.name()
        ))
        .field("Next sessions", series_first_times(&booked), false)
        .colour(COLOUR);
    if !left_out.is_empty() {
        embed = embed.field("Cancelled (could not move)", series_left_out(left_out, false), false);
    }
    let old_ics = series_ics(old, old_sessions, "Mentoring session", instance, now);
    let new_ics = series_ics(new, new_sessions, "Mentoring session", instance, now);
    let files = vec![
        CreateAttachment::bytes(old_ics.into_bytes(), format!("series-{}.ics", old.id)),
        CreateAttachment::bytes(new_ics.into_bytes(), format!("series-{}.ics", new.id)),
    ];
    Outgoing { embeds: vec![embed], files, ..Outgoing::default() }
}

/// How many occurrences a series message lists by time.
pub const SERIES_SHOWN: usize = 5;

/// The first few sessions of a series, one a line, with Discord timestamps.
pub fn series_first_times(sessions: &[Session]) -> String {
    let mut lines: Vec<String> =
        sessions.iter().take(SERIES_SHOWN).map(|s| format!("#{} · {}", s.number, when(s.starts_at))).collect();
    if sessions.len() > SERIES_SHOWN {
        lines.push(format!("… and {} more", sessions.len() - SERIES_SHOWN));
    }
    lines.join("\n")
}

/// The occurrences left out, one a line (at most ten, then a count), each with its reason as
/// `overlap` words it (`who` names the person whose session is in the way).
pub fn series_left_out(left_out: &[LeftOut], name_who: bool) -> String {
    let mut lines: Vec<String> = left_out
        .iter()
        .take(10)
        .map(|l| match &l.why {
            LeftOutWhy::Overlap { who, number } if name_who => {
                format!("<t:{}:F>: overlaps session #{number} of {who}", l.instant.timestamp())
            }
            LeftOutWhy::PartnerBusy { who } if name_who => {
                format!("<t:{}:F>: {who} is busy then", l.instant.timestamp())
            }
            LeftOutWhy::Overlap { .. } | LeftOutWhy::PartnerBusy { .. } => {
                format!("<t:{}:F>: overlaps another session", l.instant.timestamp())
            }
            LeftOutWhy::Away { who } if name_who => format!("<t:{}:F>: {who} away then", l.instant.timestamp()),
            LeftOutWhy::Away { .. } => format!("<t:{}:F>: during an away period", l.instant.timestamp()),
            LeftOutWhy::Gap => format!(
                "{}: that local time does not exist (the clocks jump forward)",
                l.local.format("%a %d %b %Y %H:%M")
            ),
        })
        .collect();
    if left_out.len() > 10 {
        lines.push(format!("… and {} more", left_out.len() - 10));
    }
    lines.join("\n")
}

pub(super) fn series_message(
    series: &Series,
    sessions: &[Session],
    left_out: &[LeftOut],
    by: UserId,
    instance: &str,
    now: DateTime<Utc>,
) -> Outgoing {
    let topic = sessions.first().and_then(|s| s.topic.clone());
    let mut embed = CreateEmbed::new()
        .title(format!("🔁 {} booked: a series", sessions_count(sessions.len())))
        .description(format!(
            "<@{by}> booked a series with you: {} ({}), {} minutes each. The calendar file holds the whole series.",
            series.describe(),
            series.zone.name(),
            series.duration_minutes
        ))
        .field("First sessions", series_first_times(sessions), false)
        .colour(COLOUR);
    if !left_out.is_empty() {
        embed = embed.field("Left out", series_left_out(left_out, false), false);
    }
    if let Some(topic) = &topic {
        embed = embed.field("Topic", topic, false);
    }
    let ics = series_ics(series, sessions, "Mentoring session", instance, now);
    let file = CreateAttachment::bytes(ics.into_bytes(), format!("series-{}.ics", series.id));
    Outgoing { embeds: vec![embed], files: vec![file], ..Outgoing::default() }
}
