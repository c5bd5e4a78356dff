//! How notices read: embeds with Discord timestamps (every client shows them in its own zone)
//! and calendar files for session changes.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serenity::all::{CreateAttachment, CreateEmbed};

use super::{
    calendar::{occurrence_ics, session_ics},
    content::{agenda_message, single_message},
    render_series::{series_cancelled_message, series_message, series_moved_message},
    Outgoing,
};
use crate::{
    app::{AgendaView, Notice, NoticeKind},
    domain::{agenda::Topic, ids::UserId, layout, series::Series, session::Session},
    tr,
};

/// `<t:UNIX:F> (<t:UNIX:R>)`: full date and time plus "in 3 days".
pub fn when(t: DateTime<Utc>) -> String {
    format!("<t:{0}:F> (<t:{0}:R>)", t.timestamp())
}

/// Builds the message for one notice. A shared agenda shows the agenda as it is now, so its view
/// and the mentor's zone come along (`None` for it: nothing to send). `instance` is the
/// database's id, which makes calendar UIDs unique across databases.
pub fn render_notice(
    notice: &Notice,
    now: DateTime<Utc>,
    agenda: Option<(&AgendaView, Tz)>,
    instance: &str,
) -> Option<Outgoing> {
    Some(match &notice.kind {
        NoticeKind::Paired { pairing, partner } => {
            let role = if pairing.mentor_id == notice.to { "mentee" } else { "mentor" };
            let embed = CreateEmbed::new().title(tr!("render-paired-title")).description(tr!(
                "render-paired-description",
                partner = partner.mention(),
                role = role
            ));
            if pairing.mentee_id != notice.to {
                return Some(Outgoing { embeds: vec![embed], ..Outgoing::default() });
            }
            super::render_shape::paired_mentee(embed, pairing.id)
        }
        NoticeKind::BackgroundShared { pairing, background, revision } => {
            super::render_shape::background_shared(pairing, background, *revision)
        }
        NoticeKind::Nudged { partner, free_times, .. } => nudged_message(*partner, free_times),
        NoticeKind::Unpaired { partner, partner_left, .. } => {
            let why = if *partner_left { "left" } else { "admin" };
            let embed = CreateEmbed::new().title(tr!("render-unpaired-title")).description(tr!(
                "render-unpaired-description",
                partner = partner.mention(),
                why = why
            ));
            Outgoing { embeds: vec![embed], ..Outgoing::default() }
        }
        NoticeKind::SessionBooked { session, by } => {
            let embed = session_embed(session, tr!("render-session-booked-title", number = session.number.to_string()))
                .description(tr!("render-session-booked-description", by = by.mention()));
            with_calendar(embed, session, None, instance, now)
        }
        NoticeKind::SeriesCancelled { series, sessions, cancelled, by } => {
            series_cancelled_message(series, sessions, cancelled, *by, instance, now)
        }
        NoticeKind::SeriesMoved { old, old_sessions, new, new_sessions, left_out, by } => {
            series_moved_message((old, old_sessions), (new, new_sessions), left_out, *by, instance, now)
        }
        NoticeKind::SeriesBooked { series, sessions, left_out, by } => {
            series_message(series, sessions, left_out, *by, instance, now)
        }
        NoticeKind::SessionMoved { session, by, previous_start, series } => {
            let embed = session_embed(session, tr!("render-session-moved-title", number = session.number.to_string()))
                .description(tr!(
                    "render-session-moved-description",
                    by = by.mention(),
                    previous = format!("<t:{}:F>", previous_start.timestamp())
                ));
            with_calendar(embed, session, series.as_ref(), instance, now)
        }
        NoticeKind::SessionCancelled { session, by, series } => {
            let mut embed = CreateEmbed::new()
                .title(tr!("render-session-cancelled-title", number = session.number.to_string()))
                .description(tr!(
                    "render-session-cancelled-description",
                    by = by.mention(),
                    start = format!("<t:{}:F>", session.starts_at.timestamp())
                ));
            if let Some(reason) = &session.cancel_reason {
                embed = embed.field(tr!("render-field-reason"), reason, false);
            }
            with_calendar(embed, session, series.as_ref(), instance, now)
        }
        NoticeKind::AgendaShared { updated, .. } => {
            let (view, zone) = agenda?;
            agenda_message(view, *updated, zone)
        }
        NoticeKind::TopicsAdded { session, topics, by, .. } => {
            let list: Vec<String> = topics.iter().map(Topic::display).collect();
            let intro = tr!("render-topics-added-intro", by = by.mention(), when = when(session.starts_at));
            let pages = layout::pages(
                &tr!("render-topics-added-title", number = session.number.to_string()),
                &format!("{intro}\n{}", list.join("\n")),
                &[],
            );
            let file = format!("topics-session-{}.md", session.number);
            let markdown = || {
                layout::markdown(
                    &tr!("render-topics-added-file-title", number = session.number.to_string()),
                    &list.join("\n"),
                    &[],
                )
            };
            single_message(pages, &file, markdown)
        }
    })
}

/// A friendly prompt to meet again (**Nudge both**), with the pair's next free times; it never
/// says who asked.
fn nudged_message(partner: UserId, free_times: &[String]) -> Outgoing {
    let times = if free_times.is_empty() {
        tr!("render-nudged-no-times")
    } else {
        let list: Vec<String> = free_times.iter().map(|t| format!("• {t}")).collect();
        format!("{}\n{}\n{}", tr!("render-nudged-times-intro"), list.join("\n"), tr!("render-nudged-times-outro"))
    };
    let embed = CreateEmbed::new()
        .title(tr!("render-nudged-title"))
        .description(format!("{}\n{times}", tr!("render-nudged-description", partner = partner.mention())));
    Outgoing { embeds: vec![embed], ..Outgoing::default() }
}

/// The common fields of a session: when, how long, topic.
pub fn session_embed(session: &Session, title: String) -> CreateEmbed {
    let mut embed = CreateEmbed::new()
        .title(title)
        .field(tr!("render-field-when"), when(session.starts_at), false)
        .field(tr!("render-field-duration"), tr!("render-minutes", count = session.duration_minutes), true);
    if let Some(topic) = &session.topic {
        embed = embed.field(tr!("render-field-topic"), topic, true);
    }
    embed
}

/// The embed with the session's calendar file: its own event, or for an occurrence of a series
/// the series' event's update for that occurrence (`RECURRENCE-ID`).
fn with_calendar(
    embed: CreateEmbed,
    session: &Session,
    series: Option<&Series>,
    instance: &str,
    now: DateTime<Utc>,
) -> Outgoing {
    let ics = match series {
        Some(series) => occurrence_ics(series, session, &tr!("render-calendar-series-title"), instance, now),
        None => session_ics(
            session,
            &tr!("render-calendar-session-title", number = session.number.to_string()),
            instance,
            now,
        ),
    };
    let file = CreateAttachment::bytes(ics.into_bytes(), format!("session-{}.ics", session.number));
    Outgoing { embeds: vec![embed], files: vec![file], ..Outgoing::default() }
}
