//! Did a session happen? Each person's answer to the follow-up, what the pair's answers make of
//! the session (held, missed, or unconfirmed when nobody answered in time), and the rules of
//! usefulness ratings: one per person who met, and only program-wide averages of enough of them.

use std::fmt;

use chrono::{DateTime, Duration, Utc};

/// How long after a session ends its attendance stays open before it counts as unconfirmed.
pub const ANSWER_WINDOW: Duration = Duration::days(3);

/// Fewest ratings before any average is shown, so no single rating can be read back.
pub const MIN_RATINGS_SHOWN: i64 = 5;

/// One person's answer to "Did the session happen?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// "We met".
    Met,
    /// "It didn't happen".
    Missed,
}

impl Answer {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Answer::Met => "met",
            Answer::Missed => "missed",
        }
    }

    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "met" => Some(Answer::Met),
            "missed" => Some(Answer::Missed),
            _ => None,
        }
    }
}

/// What the pair's answers (and notes) settle about a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settled {
    Held,
    Missed,
}

impl Settled {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Settled::Held => "held",
            Settled::Missed => "missed",
        }
    }

    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "held" => Some(Settled::Held),
            "missed" => Some(Settled::Missed),
            _ => None,
        }
    }
}

impl fmt::Display for Settled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the answers make of a session: one "We met" (or notes) makes it held, whatever the
/// other says; otherwise one "It didn't happen" makes it missed; no answer settles nothing.
pub fn settle(answers: &[Answer], has_notes: bool) -> Option<Settled> {
    if has_notes || answers.contains(&Answer::Met) {
        Some(Settled::Held)
    } else if answers.contains(&Answer::Missed) {
        Some(Settled::Missed)
    } else {
        None
    }
}

/// Where a session's attendance stands at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attendance {
    /// It has not ended yet.
    NotOver,
    /// Ended, nobody has answered yet, and the answer window is still open.
    Awaiting,
    /// Ended more than `ANSWER_WINDOW` ago and nobody answered.
    Unconfirmed,
    Held,
    Missed,
}

/// The attendance of a session that ends at `ends_at`, given what is settled.
pub fn attendance(settled: Option<Settled>, ends_at: DateTime<Utc>, now: DateTime<Utc>) -> Attendance {
    match settled {
        Some(Settled::Held) => Attendance::Held,
        Some(Settled::Missed) => Attendance::Missed,
        None if ends_at > now => Attendance::NotOver,
        None if now - ends_at >= ANSWER_WINDOW => Attendance::Unconfirmed,
        None => Attendance::Awaiting,
    }
}

/// A usefulness rating, 1 (not useful) to 5 (very useful).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rating(u8);

impl Rating {
    /// A rating from 1 to 5, else `None`.
    pub fn new(value: u8) -> Option<Self> {
        (1..=5).contains(&value).then_some(Self(value))
    }

    /// The value, 1 to 5.
    pub fn get(self) -> u8 {
        self.0
    }
}

/// The average admins may see of `count` ratings summing to `sum`: none below
/// `MIN_RATINGS_SHOWN`, and rounded to one decimal.
pub fn shown_average(count: i64, sum: i64) -> Option<f64> {
    if count < MIN_RATINGS_SHOWN {
        return None;
    }
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    let average = sum as f64 / count as f64;
    Some((average * 10.0).round() / 10.0)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, d, h, 0, 0).unwrap()
    }

    #[test]
    fn one_we_met_makes_a_session_held_even_when_the_other_says_it_did_not_happen() {
        assert_eq!(settle(&[Answer::Missed, Answer::Met], false), Some(Settled::Held));
        assert_eq!(settle(&[Answer::Met, Answer::Missed], false), Some(Settled::Held));
        assert_eq!(settle(&[Answer::Met], false), Some(Settled::Held));
    }

    #[test]
    fn it_did_not_happen_alone_makes_a_session_missed() {
        assert_eq!(settle(&[Answer::Missed], false), Some(Settled::Missed));
        assert_eq!(settle(&[Answer::Missed, Answer::Missed], false), Some(Settled::Missed));
    }

    #[test]
    fn notes_make_a_session_held_and_no_answer_settles_nothing() {
        assert_eq!(settle(&[Answer::Missed], true), Some(Settled::Held));
        assert_eq!(settle(&[], true), Some(Settled::Held));
        assert_eq!(settle(&[], false), None);
    }

    #[test]
    fn a_session_nobody_answered_for_three_days_is_unconfirmed() {
        let end = at(24, 16);
        assert_eq!(attendance(None, end, at(24, 15)), Attendance::NotOver);
        assert_eq!(attendance(None, end, at(27, 15)), Attendance::Awaiting);
        assert_eq!(attendance(None, end, at(27, 16)), Attendance::Unconfirmed);
        assert_eq!(attendance(Some(Settled::Missed), end, at(30, 0)), Attendance::Missed);
        assert_eq!(attendance(Some(Settled::Held), end, at(24, 17)), Attendance::Held);
    }

    #[test]
    fn ratings_are_one_to_five() {
        assert!(Rating::new(0).is_none() && Rating::new(6).is_none());
        assert_eq!(Rating::new(1).map(Rating::get), Some(1));
        assert_eq!(Rating::new(5).map(Rating::get), Some(5));
    }

    #[test]
    fn an_average_is_shown_only_from_five_ratings_rounded_to_one_decimal() {
        assert_eq!(shown_average(0, 0), None);
        assert_eq!(shown_average(4, 20), None);
        assert_eq!(shown_average(5, 21), Some(4.2));
        assert_eq!(shown_average(6, 25), Some(4.2));
    }

    #[test]
    fn stored_names_round_trip() {
        for a in [Answer::Met, Answer::Missed] {
            assert_eq!(Answer::parse(a.as_str()), Some(a));
        }
        for s in [Settled::Held, Settled::Missed] {
            assert_eq!(Settled::parse(s.as_str()), Some(s));
        }
        assert_eq!(Answer::parse("maybe"), None);
    }
}
