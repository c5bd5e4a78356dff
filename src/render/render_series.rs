//! How notices about series read: one embed with the first times and what was left out, and
//! the series' calendar files.

use chrono::{DateTime, Utc};
use serenity::all::{CreateAttachment, CreateEmbed};

use super::{calendar::series_ics, notice::when, Outgoing};
use crate::{
    domain::{
        ids::UserId,
        series::{LeftOut, LeftOutWhy, Series},
        session::{Session, SessionStatus},
    },
    tr,
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
        .title(tr!("render-series-cancelled-title", count = cancelled.len()))
        .description(tr!(
            "render-series-cancelled-description",
            by = format!("<@{by}>"),
            series = series.describe(),
            zone = series.zone.name(),
            from = format!("<t:{first}:F>")
        ))
        .field(tr!("render-series-field-cancelled"), series_first_times(cancelled), false);
    if let Some(reason) = cancelled.first().and_then(|s| s.cancel_reason.as_ref()) {
        embed = embed.field(tr!("render-field-reason"), reason, false);
    }
    let file = series_file(series, sessions, instance, now);
    Outgoing { embeds: vec![embed], files: vec![file], ..Outgoing::default() }
}

/// The calendar file of a series' sessions (`series-<id>.ics`).
fn series_file(series: &Series, sessions: &[Session], instance: &str, now: DateTime<Utc>) -> CreateAttachment {
    let ics = series_ics(series, sessions, &tr!("render-calendar-series-title"), instance, now);
    CreateAttachment::bytes(ics.into_bytes(), format!("series-{}.ics", series.id))
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
        .title(tr!("render-series-moved-title", count = booked.len()))
        .description(tr!(
            "render-series-moved-description",
            by = format!("<@{by}>"),
            series = new.describe(),
            zone = new.zone.name()
        ))
        .field(tr!("render-series-field-next"), series_first_times(&booked), false);
    if !left_out.is_empty() {
        embed = embed.field(tr!("render-series-field-not-moved"), series_left_out(left_out, false), false);
    }
    let files = vec![series_file(old, old_sessions, instance, now), series_file(new, new_sessions, instance, now)];
    Outgoing { embeds: vec![embed], files, ..Outgoing::default() }
}

/// How many occurrences a series message lists by time.
pub const SERIES_SHOWN: usize = 5;

/// The first few sessions of a series, one a line, with Discord timestamps.
pub fn series_first_times(sessions: &[Session]) -> String {
    let mut lines: Vec<String> = sessions
        .iter()
        .take(SERIES_SHOWN)
        .map(|s| tr!("render-series-time", number = s.number.to_string(), when = when(s.starts_at)))
        .collect();
    if sessions.len() > SERIES_SHOWN {
        lines.push(tr!("render-and-more", count = sessions.len() - SERIES_SHOWN));
    }
    lines.join("\n")
}

/// The occurrences left out, one a line (at most ten, then a count), each with its reason as
/// `overlap` words it (`who` names the person whose session is in the way).
pub fn series_left_out(left_out: &[LeftOut], name_who: bool) -> String {
    let mut lines: Vec<String> = left_out
        .iter()
        .take(10)
        .map(|l| {
            let at = format!("<t:{}:F>", l.instant.timestamp());
            match &l.why {
                LeftOutWhy::Overlap { who, number } if name_who => {
                    tr!("render-left-out-overlap-of", at = at, number = number.to_string(), who = who.as_str())
                }
                LeftOutWhy::PartnerBusy { who } if name_who => {
                    tr!("render-left-out-busy", at = at, who = who.as_str())
                }
                LeftOutWhy::Overlap { .. } | LeftOutWhy::PartnerBusy { .. } => tr!("render-left-out-overlap", at = at),
                LeftOutWhy::Away { who } if name_who => tr!("render-left-out-away-who", at = at, who = who.as_str()),
                LeftOutWhy::Away { .. } => tr!("render-left-out-away", at = at),
                LeftOutWhy::Gap => tr!("render-left-out-gap", at = crate::domain::dates::list_date_time(l.local)),
            }
        })
        .collect();
    if left_out.len() > 10 {
        lines.push(tr!("render-and-more", count = left_out.len() - 10));
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
        .title(tr!("render-series-booked-title", count = sessions.len()))
        .description(tr!(
            "render-series-booked-description",
            by = format!("<@{by}>"),
            series = series.describe(),
            zone = series.zone.name(),
            minutes = series.duration_minutes
        ))
        .field(tr!("render-series-field-first"), series_first_times(sessions), false);
    if !left_out.is_empty() {
        embed = embed.field(tr!("render-series-field-left-out"), series_left_out(left_out, false), false);
    }
    if let Some(topic) = &topic {
        embed = embed.field(tr!("render-field-topic"), topic, false);
    }
    let file = series_file(series, sessions, instance, now);
    Outgoing { embeds: vec![embed], files: vec![file], ..Outgoing::default() }
}
