//! What the attendance buttons of the follow-up DM answer (always ephemeral): "We met" offers a
//! private usefulness rating, "It didn't happen" offers the pair's free times as buttons (and a
//! form for another time), "We moved it" reads back
//! the new time.

use super::{answer::Answer, reply::told};
use crate::{
    app::{AnswerOutcome, FreeOffer, RescheduleOutcome},
    domain::attendance::{Answer as Said, Settled, MIN_RATINGS_SHOWN},
    render::components::{book_again_button, free_time_buttons, rating_buttons},
    render::{
        labels::{self, bold},
        when,
    },
};

/// The answer to "We met" or "It didn't happen" (with the free times to book again, `offer`).
pub fn answered(out: &AnswerOutcome, offer: Option<&FreeOffer>) -> Answer {
    let n = out.session.number;
    match (out.answer, out.settled) {
        (Said::Met, _) => Answer::text(format!(
            "✅ Thanks! Session #{n} counts as held.\nHow useful was it for you? 1 = not at all, 5 = very. Your \
             rating is shown to nobody, not even your partner; admins only see a program-wide average, and only \
             once {MIN_RATINGS_SHOWN} ratings exist."
        ))
        .components(vec![rating_buttons(out.session.id)]),
        (Said::Missed, Some(Settled::Held)) => Answer::text(format!(
            "Noted. <@{}> said you met (or notes were written), so session #{n} still counts as held. If that's \
             wrong, sort it out together; one \"We met\" is enough for a session to count.",
            out.partner
        )),
        (Said::Missed, _) => {
            let times = offer.map(|o| o.times.as_slice()).unwrap_or_default();
            let pick = if times.is_empty() {
                format!(
                    "I found no free time for you both in the next four weeks; type one with {} (or `/book`).",
                    bold(labels::another_time())
                )
            } else {
                format!(
                    "Book again: press one of the free times below (your time, then <@{}>'s; {} minutes), or {} \
                     to type one.",
                    out.partner,
                    out.session.duration_minutes,
                    bold(labels::another_time())
                )
            };
            let mut rows = offer.map(|o| free_time_buttons(o.request.id, &o.times)).unwrap_or_default();
            rows.push(book_again_button(out.session.id));
            Answer::text(format!(
                "Noted: session #{n} didn't happen. {pick} If you did meet after all, press {} in my message.",
                bold(labels::we_met())
            ))
            .components(rows)
        }
    }
}

/// How the lines of the answers above start: a new answer replaces them on the message.
pub const ANSWER_LINES: &[&str] = &["✅ Thanks!", "How useful", "Noted"];

/// The answer to a rating.
pub fn rated(number: i64, value: u8) -> Answer {
    Answer::text(format!(
        "🙏 Thanks: you rated session #{number} {value} of 5. Nobody sees your rating; press another number to \
         change it."
    ))
}

/// The answer to "We moved it" once the new time is saved.
pub fn moved(out: &RescheduleOutcome, failures: &str) -> Answer {
    Answer::text(format!(
        "🔁 Session #{} moved to {} ({} minutes). Reminders and the follow-up come again for the new time. {}",
        out.session.number,
        when(out.session.starts_at),
        out.session.duration_minutes,
        told(failures, &format!("<@{}> was told, with an updated calendar file.", out.partner))
    ))
}
