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
    tr,
};

/// The answer to "We met" or "It didn't happen" (with the free times to book again, `offer`).
pub fn answered(out: &AnswerOutcome, offer: Option<&FreeOffer>) -> Answer {
    let n = out.session.number;
    match (out.answer, out.settled) {
        (Said::Met, _) => Answer::text(tr!("bot-attendance-met", number = n, min = MIN_RATINGS_SHOWN))
            .components(vec![rating_buttons(out.session.id)]),
        (Said::Missed, Some(Settled::Held)) => {
            Answer::text(tr!("bot-attendance-still-held", partner = out.partner.to_string(), number = n))
        }
        (Said::Missed, _) => {
            let times = offer.map(|o| o.times.as_slice()).unwrap_or_default();
            let another = bold(labels::another_time());
            let pick = if times.is_empty() {
                tr!("bot-attendance-no-free-time", another = another)
            } else {
                tr!(
                    "bot-attendance-book-again",
                    partner = out.partner.to_string(),
                    minutes = out.session.duration_minutes,
                    another = another
                )
            };
            let mut rows = offer.map(|o| free_time_buttons(o.request.id, &o.times)).unwrap_or_default();
            rows.push(book_again_button(out.session.id));
            Answer::text(tr!("bot-attendance-missed", number = n, pick = pick, we_met = bold(labels::we_met())))
                .components(rows)
        }
    }
}

/// How the lines of the answers above start: a new answer replaces them on the message.
pub fn answer_lines() -> [String; 3] {
    [tr!("bot-attendance-line-thanks"), tr!("bot-attendance-line-rating"), tr!("bot-attendance-line-noted")]
}

/// The answer to a rating.
pub fn rated(number: i64, value: u8) -> Answer {
    Answer::text(tr!("bot-attendance-rated", number = number, value = value))
}

/// The answer to "We moved it" once the new time is saved.
pub fn moved(out: &RescheduleOutcome, failures: &str) -> Answer {
    Answer::text(tr!(
        "bot-attendance-moved",
        number = out.session.number,
        when = when(out.session.starts_at),
        minutes = out.session.duration_minutes,
        told = told(failures, &tr!("bot-told-updated-calendar", partner = out.partner.to_string()))
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_an_attendance_answer_starts_with_a_line_a_new_answer_replaces() {
        let lines = answer_lines();
        let answers = [
            tr!("bot-attendance-met", number = 3, min = MIN_RATINGS_SHOWN),
            tr!("bot-attendance-still-held", partner = "42", number = 3),
            tr!("bot-attendance-missed", number = 3, pick = "Pick.", we_met = "**We met**"),
        ];
        for answer in &answers {
            for line in answer.lines() {
                assert!(lines.iter().any(|l| line.starts_with(l.as_str())), "{line:?} is not replaced by {lines:?}");
            }
        }
        assert_eq!(
            answers[0].lines().next(),
            Some("✅ Thanks! Session #3 counts as held."),
            "the referenced start is part of the message"
        );
    }
}
