//! Errors of use cases: `UserError` is shown to the user (ephemeral, says how to fix it);
//! anything else is unexpected, logged with an error id and answered with an apology.

use crate::domain::{
    program::UnknownZone, schedule::ScheduleError, session::BookingError, settings::SettingError, when::WhenError,
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

/// Mistakes a user can fix. Every message says what to do.
#[derive(Debug, thiserror::Error)]
pub enum UserError {
    #[error("This server has no mentoring program yet. An admin can start one with `/program setup`.")]
    NoProgram,
    #[error(
        "You are not in this server's mentoring program yet. Join with `/join role:mentee` or `/join role:mentor`."
    )]
    NotJoined,
    #[error("Only program admins (Manage Server permission or the admin role) can do that.")]
    NotAdmin,
    #[error("{name} has not joined the program yet. Ask them to run `/join role:{role}`.")]
    OtherNotJoined { name: String, role: &'static str },
    #[error("{name} joined as a {actual}, not as a {expected}.")]
    WrongRole { name: String, actual: &'static str, expected: &'static str },
    #[error("{0} is a bot; mentoring is for people.")]
    IsBot(String),
    #[error("A mentor and a mentee must be two different people.")]
    SamePerson,
    #[error("{mentor} and {mentee} are already paired.")]
    AlreadyPaired { mentor: String, mentee: String },
    #[error("{mentor} and {mentee} are not paired.")]
    NotPaired { mentor: String, mentee: String },
    #[error("You can only book with your own mentor or mentee, and you are not paired with {0}. An admin pairs people with `/pair`.")]
    NotYourPartner(String),
    #[error("You cannot book a session with yourself. Use `with:` to pick your mentor or mentee.")]
    BookWithSelf,
    #[error(
        "You are paired as a {role} right now; leave your pairings (ask an admin to `/unpair`) before switching roles."
    )]
    RoleChangeWhilePaired { role: &'static str },
    #[error("I don't know that session. Pick one from the list while typing, or see `/sessions`.")]
    UnknownSession,
    #[error(transparent)]
    Zone(#[from] UnknownZone),
    #[error(transparent)]
    When(#[from] WhenError),
    #[error(transparent)]
    Booking(#[from] BookingError),
    #[error("{0}")]
    TooLong(String),
    #[error(transparent)]
    Setting(#[from] SettingError),
    #[error(transparent)]
    Schedule(#[from] ScheduleError),
    #[error("<#{0}> is not a text channel of this server. Pick a text channel.")]
    NotATextChannel(u64),
}
