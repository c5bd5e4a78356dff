//! The buttons of a booking that waits for an answer: "Book anyway" ("Move anyway" for a
//! `/reschedule`), "Show free times" and one button per free time. The answer replaces the message the buttons sit on (so they cannot be
//! pressed twice); a press on an answered or expired request says so and books nothing; a press
//! by anyone but the asker is refused with a message of its own.

use poise::serenity_prelude as serenity;

use super::{
    answer::{Answer, Source},
    error::{apology, error_id},
    reply::{tell_with, told},
    user_id, BotError, Data,
};
use crate::{
    app::{Answered, AppError, FreeOffer, OutsideAvailability},
    domain::{
        booking_request::{RequestKind, Stale},
        series::sessions_count,
    },
    render::components::{book_confirm_buttons, free_time_buttons, RequestButton},
    render::{series_first_times, series_left_out},
};

/// What the booker is asked about.
#[derive(Debug, Clone, Copy)]
pub enum Asking<'a> {
    /// One session with the partner named.
    Book(&'a str),
    /// A series with the partner named.
    Series(&'a str),
    /// Moving a session (and, for a series, maybe the following ones).
    Move,
}

/// "It's outside their availability: Book anyway / Show free times?" (nothing is stored yet).
pub fn ask_answer(ask: &OutsideAvailability, asking: Asking<'_>) -> Answer {
    let partner = ask.request.request.partner;
    let (whose, what, nothing) = match asking {
        Asking::Book(name) | Asking::Series(name) => (format!("{name}'s"), "Book", "Nothing is booked yet."),
        Asking::Move => (format!("<@{partner}>'s"), "Move", "Nothing is moved yet."),
    };
    let start = ask.instant.timestamp();
    let n = ask.session_number.unwrap_or_default();
    let head = match (asking, ask.outside_of) {
        (Asking::Series(_), Some((outside, total))) => format!(
            "⚠️ {outside} of the {total} sessions of this series (from <t:{start}:F>, {} minutes each) fall outside \
             {whose} weekly availability",
            ask.duration
        ),
        (Asking::Move, Some((outside, total))) => format!(
            "⚠️ Moving session #{n} and the following ones to start <t:{start}:F>: {outside} of the {total} sessions \
             would fall outside {whose} weekly availability"
        ),
        (Asking::Move, None) => {
            format!("⚠️ Moving session #{n} to <t:{start}:F> puts it outside {whose} weekly availability")
        }
        _ => format!("⚠️ <t:{start}:F> ({} minutes) is outside {whose} weekly availability", ask.duration),
    };
    let text = format!(
        "{head}, which is (in your zone {}):\n{}\n{what} it anyway, or see the free times? {nothing}",
        ask.zone.name(),
        ask.partner_slots.join("\n")
    );
    let anyway = if matches!(asking, Asking::Move) { "Move anyway" } else { "Book anyway" };
    Answer::text(text).components(vec![book_confirm_buttons(ask.request.id, anyway)])
}

/// The free times of a request as buttons, after `intro`.
pub fn offer_answer(offer: &FreeOffer, intro: &str) -> Answer {
    let r = &offer.request.request;
    if offer.times.is_empty() {
        return Answer::text(format!(
            "{intro}\nI found no free time with <@{}> in the next four weeks; ask them about it, or type a time with \
             `/book`.",
            r.partner
        ));
    }
    let what = match r.kind {
        RequestKind::Book => "book it".to_owned(),
        RequestKind::Series { .. } => "start the series then".to_owned(),
        RequestKind::Move { .. } => "move the session there".to_owned(),
    };
    Answer::text(format!(
        "{intro}\nFree times with <@{}> ({} minutes; your time, then theirs). Press one to {what}:",
        r.partner, r.minutes
    ))
    .components(free_time_buttons(offer.request.id, &offer.times))
}

/// "Nothing was booked." (or moved).
fn nothing_yet(offer: &FreeOffer) -> &'static str {
    match offer.request.request.kind {
        RequestKind::Move { .. } => "Nothing was moved.",
        _ => "Nothing was booked.",
    }
}

/// What a stale press reads (the message's buttons go away).
fn stale_answer(stale: &Stale) -> Answer {
    Answer::text(match stale {
        Stale::Settled(Some(outcome)) => format!("✅ Already done: {outcome} Nothing else was booked."),
        Stale::Settled(None) => "✅ This was already answered; nothing else was booked. See `/sessions`.".to_owned(),
        Stale::Expired => {
            "⌛ This choice has expired; nothing was booked. Use `/book` (or `/reschedule`) again.".to_owned()
        }
        Stale::NotYours => NOT_YOURS.to_owned(),
    })
}

const NOT_YOURS: &str =
    "These buttons belong to someone else's booking, so they do nothing for you. Book your own with `/book`.";

/// Handles a press of a request's button.
pub async fn on_request(
    data: &Data,
    http: &serenity::Http,
    source: Source<'_>,
    button: RequestButton,
) -> Result<(), BotError> {
    let user = source.user();
    let (id, name) = (user_id(user.id), user.global_name.clone().unwrap_or_else(|| user.name.clone()));
    let request = match button {
        RequestButton::Anyway(r) | RequestButton::FreeTimes(r) | RequestButton::Slot(r, _) => r,
    };
    match data.app.request_state(id, request).await? {
        Ok(_) => {}
        Err(Stale::NotYours) => return Ok(source.send(http, Answer::text(NOT_YOURS), false).await?),
        Err(stale) => return Ok(source.update(http, stale_answer(&stale)).await?),
    }
    source.defer_update(http).await?;
    let answer = match answer(data, button, id, &name, request).await {
        Ok(answer) => answer,
        Err(BotError::App(AppError::User(e))) => Answer::text(e.to_string()),
        Err(other) => {
            let error = error_id();
            tracing::error!(error_id = %error, error = ?other, "a booking request's button failed");
            Answer::text(apology(&error))
        }
    };
    Ok(source.send(http, answer, true).await?)
}

async fn answer(
    data: &Data,
    button: RequestButton,
    user: crate::domain::ids::UserId,
    name: &str,
    request: i64,
) -> Result<Answer, BotError> {
    let app = &data.app;
    let at = match button {
        RequestButton::FreeTimes(_) => {
            return Ok(match app.free_times_for(user, name, request).await? {
                Ok(offer) => offer_answer(&offer, nothing_yet(&offer)),
                Err(stale) => stale_answer(&stale),
            });
        }
        RequestButton::Anyway(_) => None,
        RequestButton::Slot(_, at) => {
            Some(chrono::DateTime::from_timestamp(at, 0).ok_or(anyhow::anyhow!("bad instant"))?)
        }
    };
    match app.answer_request(user, name, request, at).await {
        Ok(Ok(answered)) => Ok(answered_answer(data, &answered).await),
        Ok(Err(stale)) => Ok(stale_answer(&stale)),
        Err(AppError::User(refused)) => Ok(match app.free_times_for(user, name, request).await? {
            Ok(offer) => offer_answer(&offer, &format!("⚠️ {refused}\n{}", nothing_yet(&offer))),
            Err(stale) => stale_answer(&stale),
        }),
        Err(other) => Err(other.into()),
    }
}

/// What a booking, series or move made from a button reads, with what became of the DM.
async fn answered_answer(data: &Data, answered: &Answered) -> Answer {
    match answered {
        Answered::Booked(out) => super::interactions::booked_answer(data, out, out.partner).await,
        Answered::Series(out) => {
            let failures = tell_with(data, &out.notices).await;
            let series = &out.series;
            let mut text = format!(
                "🔁 {} of {} sessions booked with <@{}>: {}, in {}, {} minutes each. {}\n**First sessions**\n{}",
                out.sessions.len(),
                series.count,
                out.partner,
                series.describe(),
                series.zone.name(),
                series.duration_minutes,
                told(&failures, "They got one DM with a calendar file for the whole series."),
                series_first_times(&out.sessions)
            );
            if !out.left_out.is_empty() {
                text =
                    format!("{text}\n**Left out ({})**\n{}", out.left_out.len(), series_left_out(&out.left_out, true));
            }
            Answer::text(text)
        }
        Answered::Moved(out) => {
            let failures = tell_with(data, &out.notices).await;
            let told = told(&failures, &format!("<@{}> was told, with an updated calendar file.", out.partner));
            match &out.following {
                Some((series, moved, left_out)) => {
                    let mut text = format!(
                        "🔁 {} of the series moved: from session #{} on it is now {}, in {}. {told}\n**Next \
                         sessions**\n{}",
                        sessions_count(moved.len()),
                        out.session.number,
                        series.describe(),
                        series.zone.name(),
                        series_first_times(moved)
                    );
                    if !left_out.is_empty() {
                        text = format!(
                            "{text}\n**Cancelled, could not move ({})**\n{}",
                            left_out.len(),
                            series_left_out(left_out, true)
                        );
                    }
                    Answer::text(text)
                }
                None => Answer::text(format!(
                    "🔁 Session #{} moved from <t:{}:F> to <t:{}:F>. {told}",
                    out.session.number,
                    out.previous_start.timestamp(),
                    out.session.starts_at.timestamp()
                )),
            }
        }
    }
}
