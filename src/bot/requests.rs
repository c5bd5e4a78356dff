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
    domain::booking_request::{RequestKind, Stale},
    render::components::{book_confirm_buttons, free_time_buttons, RequestButton},
    render::{series_first_times, series_left_out},
    tr,
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
    let partner = match asking {
        Asking::Book(name) | Asking::Series(name) => name.to_owned(),
        Asking::Move => format!("<@{}>", ask.request.request.partner),
    };
    let start = ask.instant.timestamp().to_string();
    let n = ask.session_number.unwrap_or_default();
    let (zone, slots) = (ask.zone.name(), ask.partner_slots.join("\n"));
    let text = match (asking, ask.outside_of) {
        (Asking::Series(_), Some((outside, total))) => tr!(
            "bot-request-outside-series",
            outside = outside,
            total = total,
            start = start,
            minutes = ask.duration,
            partner = partner,
            zone = zone,
            slots = slots
        ),
        (Asking::Move, Some((outside, total))) => tr!(
            "bot-request-outside-move-following",
            number = n,
            start = start,
            outside = outside,
            total = total,
            partner = partner,
            zone = zone,
            slots = slots
        ),
        (Asking::Move, None) => {
            tr!("bot-request-outside-move", number = n, start = start, partner = partner, zone = zone, slots = slots)
        }
        _ => tr!(
            "bot-request-outside-book",
            start = start,
            minutes = ask.duration,
            partner = partner,
            zone = zone,
            slots = slots
        ),
    };
    let anyway =
        if matches!(asking, Asking::Move) { tr!("bot-request-move-anyway") } else { tr!("bot-request-book-anyway") };
    Answer::text(text).components(vec![book_confirm_buttons(ask.request.id, &anyway)])
}

/// The free times of a request as buttons, after `intro`.
pub fn offer_answer(offer: &FreeOffer, intro: &str) -> Answer {
    let r = &offer.request.request;
    let partner = r.partner.to_string();
    if offer.times.is_empty() {
        return Answer::text(format!("{intro}\n{}", tr!("bot-request-no-free-time", partner = partner)));
    }
    let kind = match r.kind {
        RequestKind::Book => "book",
        RequestKind::Series { .. } => "series",
        RequestKind::Move { .. } => "move",
    };
    let text = tr!("bot-request-free-times", partner = partner, minutes = r.minutes, kind = kind);
    Answer::text(format!("{intro}\n{text}")).components(free_time_buttons(offer.request.id, &offer.times))
}

/// "Nothing was booked." (or moved).
fn nothing_yet(offer: &FreeOffer) -> String {
    match offer.request.request.kind {
        RequestKind::Move { .. } => tr!("bot-request-nothing-moved"),
        _ => tr!("bot-request-nothing-booked"),
    }
}

/// What a stale press reads (the message's buttons go away).
fn stale_answer(stale: &Stale) -> Answer {
    Answer::text(match stale {
        Stale::Settled(Some(outcome)) => tr!("bot-request-already-done", outcome = outcome.as_str()),
        Stale::Settled(None) => tr!("bot-request-already-answered"),
        Stale::Expired => tr!("bot-request-expired"),
        Stale::NotYours => not_yours(),
    })
}

fn not_yours() -> String {
    tr!("bot-request-not-yours")
}

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
        Err(Stale::NotYours) => return Ok(source.send(http, Answer::text(not_yours()), false).await?),
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
                Ok(offer) => offer_answer(&offer, &nothing_yet(&offer)),
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
            let head = tr!(
                "bot-request-series-booked",
                booked = out.sessions.len(),
                count = series.count,
                partner = out.partner.to_string(),
                pattern = series.describe(),
                zone = series.zone.name(),
                minutes = series.duration_minutes,
                told = told(&failures, &tr!("bot-told-series-dm"))
            );
            let mut text =
                format!("{head}\n{}\n{}", tr!("bot-request-first-sessions"), series_first_times(&out.sessions));
            if !out.left_out.is_empty() {
                let title = tr!("bot-request-left-out", count = out.left_out.len());
                text = format!("{text}\n{title}\n{}", series_left_out(&out.left_out, true));
            }
            Answer::text(text)
        }
        Answered::Moved(out) => {
            let failures = tell_with(data, &out.notices).await;
            let told = told(&failures, &tr!("bot-told-updated-calendar", partner = out.partner.to_string()));
            match &out.following {
                Some((series, moved, left_out)) => {
                    let head = tr!(
                        "bot-request-series-moved",
                        moved = moved.len(),
                        number = out.session.number,
                        pattern = series.describe(),
                        zone = series.zone.name(),
                        told = told
                    );
                    let mut text =
                        format!("{head}\n{}\n{}", tr!("bot-request-next-sessions"), series_first_times(moved));
                    if !left_out.is_empty() {
                        let title = tr!("bot-request-could-not-move", count = left_out.len());
                        text = format!("{text}\n{title}\n{}", series_left_out(left_out, true));
                    }
                    Answer::text(text)
                }
                None => Answer::text(tr!(
                    "bot-request-moved",
                    number = out.session.number,
                    from = out.previous_start.timestamp().to_string(),
                    to = out.session.starts_at.timestamp().to_string(),
                    told = told
                )),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::tr;

    #[test]
    fn a_question_keeps_its_lines_and_a_choice_reads_as_one_sentence() {
        let text = tr!(
            "bot-request-outside-move",
            number = 4,
            start = "1700000000",
            partner = "<@7>",
            zone = "Europe/Berlin",
            slots = "Mon 09:00–12:00\nTue 14:00–16:00"
        );
        assert_eq!(
            text,
            "⚠️ Moving session #4 to <t:1700000000:F> puts it outside <@7>'s weekly availability, which is (in your \
             zone Europe/Berlin):\nMon 09:00–12:00\nTue 14:00–16:00\nMove it anyway, or see the free times? Nothing \
             is moved yet."
        );
        let free = |kind: &str| tr!("bot-request-free-times", partner = "7", minutes = 45, kind = kind);
        assert_eq!(
            free("series"),
            "Free times with <@7> (45 minutes; your time, then theirs). Press one to start the series then:"
        );
        assert!(free("book").ends_with("Press one to book it:"));
        let moved =
            |n: usize| tr!("bot-request-series-moved", moved = n, number = 2, pattern = "p", zone = "z", told = "");
        assert!(moved(1).starts_with("🔁 1 session of the series moved"));
        assert!(moved(3).starts_with("🔁 3 sessions of the series moved"));
    }
}
