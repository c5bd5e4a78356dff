//! Errors of use cases: `UserError` is shown to the user (ephemeral, says how to fix it);
//! anything else is unexpected, logged with an error id and answered with an apology.

use chrono::{DateTime, Utc};

use crate::{
    domain::{
        availability::SlotError,
        goal::AnswerError,
        layout::MESSAGE_CHARS,
        outline::OutlineError,
        program::UnknownZone,
        schedule::ScheduleError,
        series::SeriesError,
        session::BookingError,
        settings::SettingError,
        text::{excerpt, short},
        timeline::TimelineError,
        when::WhenError,
    },
    tr,
};

/// A use case result.
pub type AppResult<T> = Result<T, AppError>;

/// What went wrong in a use case.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The user's input or situation; they can fix it.
    #[error(transparent)]
    User(#[from] UserError),
    /// A bug or an outage; logged, never shown in detail.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

/// Mistakes a user can fix. Every message says what to do; the words are in the catalogue
/// (`locales/en/app.ftl`).
#[derive(Debug, thiserror::Error)]
pub enum UserError {
    #[error("{}", tr!("app-no-program"))]
    NoProgram,
    #[error("{}", tr!("app-not-joined"))]
    NotJoined,
    #[error("{}", tr!("app-not-admin"))]
    NotAdmin,
    #[error("{}", tr!("app-bad-retention", value = short(.0)))]
    BadRetention(String),
    #[error("{}", tr!("app-not-your-button"))]
    NotYourButton,
    #[error("{}", tr!("app-nothing-stored"))]
    NothingStored,
    /// `role`: the `/join` option value the person should give (`mentor` or `mentee`).
    #[error("{}", tr!("app-other-not-joined", name = short(.name), role = *.role))]
    OtherNotJoined { name: String, role: &'static str },
    /// Roles as stored (`mentor`, `mentee`).
    #[error("{}", tr!("app-wrong-role", name = short(.name), actual = *.actual, expected = *.expected))]
    WrongRole { name: String, actual: &'static str, expected: &'static str },
    #[error("{}", tr!("app-is-bot", name = short(.0)))]
    IsBot(String),
    #[error("{}", tr!("app-same-person"))]
    SamePerson,
    #[error("{}", tr!("app-already-paired", mentor = short(.mentor), mentee = short(.mentee)))]
    AlreadyPaired { mentor: String, mentee: String },
    #[error("{}", tr!("app-not-paired", mentor = short(.mentor), mentee = short(.mentee)))]
    NotPaired { mentor: String, mentee: String },
    #[error("{}", tr!("app-not-your-partner", name = short(.0)))]
    NotYourPartner(String),
    #[error("{}", tr!("app-book-with-self"))]
    BookWithSelf,
    /// `role` as stored (`mentor`, `mentee`).
    #[error("{}", tr!("app-role-change-while-paired", role = *.role))]
    RoleChangeWhilePaired { role: &'static str },
    #[error("{}", tr!("app-unknown-session"))]
    UnknownSession,
    #[error(transparent)]
    Zone(#[from] UnknownZone),
    #[error(transparent)]
    When(#[from] WhenError),
    #[error(transparent)]
    Booking(#[from] BookingError),
    #[error(transparent)]
    Series(#[from] SeriesError),
    /// Our own text (already in the reader's words), cut to one message.
    #[error("{}", excerpt(.0, MESSAGE_CHARS))]
    TooLong(String),
    #[error(transparent)]
    Setting(#[from] SettingError),
    #[error(transparent)]
    Schedule(#[from] ScheduleError),
    #[error("{}", tr!("app-not-a-text-channel", channel = .0.to_string()))]
    NotATextChannel(u64),
    /// Our own text naming the empty field (an `app-required-*` message).
    #[error("{0}")]
    Required(String),
    #[error(transparent)]
    Answer(#[from] AnswerError),
    #[error("{}", tr!("app-no-partner"))]
    NoPartner,
    #[error("{}", tr!("app-which-partner"))]
    WhichPartner,
    #[error("{}", tr!("app-no-upcoming-session"))]
    NoUpcomingSession,
    #[error("{}", tr!("app-no-session-yet"))]
    NoSessionYet,
    #[error("{}", tr!("app-agenda-cancelled", number = .number.to_string()))]
    AgendaCancelled { number: i64 },
    #[error("{}", tr!("app-agenda-past", number = .number.to_string()))]
    AgendaPast { number: i64 },
    #[error("{}", tr!("app-mentee-writes-agenda"))]
    MenteeWritesAgenda,
    #[error("{}", tr!("app-mentor-adds-topics"))]
    MentorAddsTopics,
    #[error("{}", tr!("app-notes-cancelled", number = .number.to_string()))]
    NotesCancelled { number: i64 },
    #[error("{}", tr!("app-notes-too-early", number = .number.to_string(), ts = .start.timestamp().to_string()))]
    NotesTooEarly { number: i64, start: DateTime<Utc> },
    #[error("{}", tr!("app-notes-missed", number = .number.to_string(), label = crate::render::labels::we_met()))]
    NotesMissed { number: i64 },
    #[error("{}", tr!("app-attendance-cancelled", number = .number.to_string()))]
    AttendanceCancelled { number: i64 },
    #[error("{}", tr!("app-attendance-too-early", number = .number.to_string(), ts = .start.timestamp().to_string()))]
    AttendanceTooEarly { number: i64, start: DateTime<Utc> },
    #[error("{}", tr!("app-rate-after-met", number = .number.to_string(), label = crate::render::labels::we_met()))]
    RateAfterMet { number: i64 },
    #[error("{}", tr!("app-moved-but-held", number = .number.to_string()))]
    MovedButHeld { number: i64 },
    #[error("{}", tr!("app-pairing-ended", name = short(.0)))]
    PairingEnded(String),
    #[error("{}", tr!("app-unknown-action"))]
    UnknownAction,
    #[error("{}", tr!("app-ambiguous-action", typed = short(.0)))]
    AmbiguousAction(String),
    #[error("{}", tr!("app-unknown-goal"))]
    UnknownGoal,
    #[error("{}", tr!("app-bad-owner", typed = short(.0)))]
    BadOwner(String),
    /// A mention of the person named.
    #[error("{}", tr!("app-owner-not-in-pair", who = .0.as_str()))]
    OwnerNotInPair(String),
    /// `status` as stored (`open`, `done`, `blocked`, `dropped`).
    #[error("{}", tr!("app-action-already", id = .id.as_str(), status = *.status))]
    ActionAlready { id: String, status: &'static str },
    /// `status` as stored.
    #[error("{}", tr!("app-action-closed", id = .id.as_str(), status = *.status))]
    ActionClosed { id: String, status: &'static str },
    /// The status (as stored) that needs a reason.
    #[error("{}", tr!("app-reason-needed", status = *.0))]
    ReasonNeeded(&'static str),
    #[error("{}", tr!("app-nothing-to-update"))]
    NothingToUpdate,
    #[error("{}", tr!("app-one-change-at-a-time"))]
    OneChangeAtATime,
    /// `status` as stored (`achieved`, `not_achieved`).
    #[error("{}", tr!("app-goal-closed", title = short(.title), status = *.status))]
    GoalClosed { title: String, status: &'static str },
    /// The review kind as stored (`midpoint`, `final`).
    #[error("{}", tr!("app-no-goals-to-review", kind = *.0))]
    NoGoalsToReview(&'static str),
    /// A display name or a mention.
    #[error("{}", tr!("app-not-partner-of", name = .0.as_str()))]
    NotPartnerOf(String),
    #[error("{}", tr!("app-bad-minutes", typed = short(.0)))]
    BadMinutes(String),
    #[error(transparent)]
    Slots(#[from] SlotError),
    #[error("{}", tr!("app-no-availability", name = short(.0)))]
    NoAvailability(String),
    /// `which`: the option (`from` or `to`); `message`: what is wrong with its date.
    #[error("{}", tr!("app-away-date", option = *.which, problem = .message.as_str()))]
    AwayDate { which: &'static str, message: String },
    #[error("{}", tr!("app-away-order"))]
    AwayOrder,
    #[error("{}", tr!("app-away-too-long", days = *.0))]
    AwayTooLong(u64),
    /// An away period of the caller (`partner` is `None`) or of the partner named.
    #[error("{}", tr!(
        "app-away",
        who = if .partner.is_some() { "partner" } else { "you" },
        name = .partner.as_deref().map(short).unwrap_or_default(),
        start = .start.timestamp().to_string(),
        end = .end.timestamp().to_string(),
    ))]
    Away { partner: Option<String>, start: DateTime<Utc>, end: DateTime<Utc> },
    #[error("{}", tr!("app-away-gone"))]
    AwayGone,
    #[error("{}", tr!("app-not-your-away"))]
    NotYourAway,
    #[error(transparent)]
    Timeline(#[from] TimelineError),
    #[error(transparent)]
    Outline(#[from] OutlineError),
    #[error("{}", tr!("app-mentee-shares-background"))]
    MenteeSharesBackground,
    #[error("{}", tr!("app-no-timeline"))]
    NoTimeline,
    #[error("{}", tr!("app-unknown-pairing"))]
    UnknownPairing,
    #[error("{}", tr!("app-unknown-milestone"))]
    UnknownMilestone,
    /// The milestone's short id.
    #[error("{}", tr!("app-milestone-done", milestone = .0.as_str()))]
    MilestoneDone(String),
    #[error(transparent)]
    Tags(#[from] crate::domain::matching::TagError),
    /// Our own text (names in it are already cut and defused).
    #[error("{0}")]
    Matching(String),
    #[error("{}", tr!("app-mentor-full", name = short(.name), active = *.active))]
    MentorFull { name: String, active: i64 },
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::UserError;

    #[test]
    fn refusals_that_choose_words_by_role_status_or_person_read_as_whole_sentences() {
        let at = |ts| DateTime::from_timestamp(ts, 0).unwrap();
        let cases = [
            (
                UserError::WrongRole { name: "Mo".into(), actual: "mentee", expected: "mentor" },
                "Mo joined as a mentee, not as a mentor.",
            ),
            (UserError::ActionAlready { id: "A1".into(), status: "blocked" }, "A1 is blocked already."),
            (
                UserError::GoalClosed { title: "Talk".into(), status: "not_achieved" },
                "The goal \"Talk\" is not achieved already; add a new goal with `/goal add`.",
            ),
            (
                UserError::Away { partner: None, start: at(100), end: at(200) },
                "You are away from <t:100:F> to <t:200:F>, so no sessions can be booked then; pick a time outside it \
                 (see `/availability show`).",
            ),
            (
                UserError::Away { partner: Some("Mo".into()), start: at(100), end: at(200) },
                "Mo is away from <t:100:F> to <t:200:F>, so no sessions can be booked then; pick a time outside it \
                 (see `/availability show`).",
            ),
        ];
        for (error, text) in cases {
            assert_eq!(error.to_string(), text);
        }
    }
}
