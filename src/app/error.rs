//! Errors of use cases: `UserError` is shown to the user (ephemeral, says how to fix it);
//! anything else is unexpected, logged with an error id and answered with an apology.

use chrono::{DateTime, Utc};

use crate::domain::{
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
    #[error("Only program admins (Manage Server permission or the program's coordinator role) can do that.")]
    NotAdmin,
    #[error("`{}` is not a retention I can use: give a duration of at least a day like `365days` or `6months`, or `default` for the bot's setting.", short(.0))]
    BadRetention(String),
    #[error("Only the person who asked can answer this.")]
    NotYourButton,
    #[error("I hold nothing about you in this server's mentoring program.")]
    NothingStored,
    #[error("{name} has not joined the program yet. Ask them to run `/join role:{role}`.", name = short(.name))]
    OtherNotJoined { name: String, role: &'static str },
    #[error("{name} joined as a {actual}, not as a {expected}.", name = short(.name))]
    WrongRole { name: String, actual: &'static str, expected: &'static str },
    #[error("{} is a bot; mentoring is for people.", short(.0))]
    IsBot(String),
    #[error("A mentor and a mentee must be two different people.")]
    SamePerson,
    #[error("{mentor} and {mentee} are already paired.", mentor = short(.mentor), mentee = short(.mentee))]
    AlreadyPaired { mentor: String, mentee: String },
    #[error("{mentor} and {mentee} are not paired.", mentor = short(.mentor), mentee = short(.mentee))]
    NotPaired { mentor: String, mentee: String },
    #[error("You can only book with your own mentor or mentee, and you are not paired with {}. An admin pairs people with `/pair`.", short(.0))]
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
    #[error(transparent)]
    Series(#[from] SeriesError),
    #[error("{}", excerpt(.0, MESSAGE_CHARS))]
    TooLong(String),
    #[error(transparent)]
    Setting(#[from] SettingError),
    #[error(transparent)]
    Schedule(#[from] ScheduleError),
    #[error("<#{0}> is not a text channel of this server. Pick a text channel.")]
    NotATextChannel(u64),
    #[error("{0} is empty; please fill it in.")]
    Required(&'static str),
    #[error(transparent)]
    Answer(#[from] AnswerError),
    #[error("You are not paired with anyone yet. A program admin pairs mentors and mentees with `/pair`.")]
    NoPartner,
    #[error("You have more than one mentoring partner; say which one with the `with:` option.")]
    WhichPartner,
    #[error("You have no upcoming session. Book one with `/book`, or pick a session with `session:`.")]
    NoUpcomingSession,
    #[error("You have no sessions yet. Book one with `/book`.")]
    NoSessionYet,
    #[error("Session #{number} is cancelled, so it takes no agenda. Pick an upcoming session with `session:`.")]
    AgendaCancelled { number: i64 },
    #[error("Session #{number} has already started, so its agenda can no longer change. Read it with `/agenda view`, or write session notes with `/notes`.")]
    AgendaPast { number: i64 },
    #[error("The mentee writes the agenda. As the mentor, add topics with `/agenda topic` (or the Add topic button in my DM).")]
    MenteeWritesAgenda,
    #[error(
        "The mentor adds topics to the agenda. As the mentee, put your topics into the agenda with `/agenda edit`."
    )]
    MentorAddsTopics,
    #[error("Session #{number} was cancelled, so it takes no notes.")]
    NotesCancelled { number: i64 },
    #[error("Session #{number} starts <t:{ts}:F> (<t:{ts}:R>); notes can be written once it has started.", ts = .start.timestamp())]
    NotesTooEarly { number: i64, start: DateTime<Utc> },
    #[error("Session #{number} is marked as not having happened, so it takes no notes. If you did meet after all, press **{}** in my follow-up message about it first.", crate::render::labels::we_met())]
    NotesMissed { number: i64 },
    #[error("Session #{number} was cancelled, so there is nothing to confirm.")]
    AttendanceCancelled { number: i64 },
    #[error("Session #{number} starts <t:{ts}:F> (<t:{ts}:R>); tell me whether it happened once it has started.", ts = .start.timestamp())]
    AttendanceTooEarly { number: i64, start: DateTime<Utc> },
    #[error(
        "Only someone who says session #{number} happened can rate it: press **{}** in my follow-up message first.",
        crate::render::labels::we_met()
    )]
    RateAfterMet { number: i64 },
    #[error("Session #{number} counts as held (one of you said you met, or notes were written), so it can't be moved. Book the next one with `/book`.")]
    MovedButHeld { number: i64 },
    #[error("Your pairing with {} has ended, so its sessions, notes, agendas, goals and action items can no longer be changed. You can still read them with `/sessions`, `/action list`, `/goal list`, `/agenda view` and `/session summary`.", short(.0))]
    PairingEnded(String),
    #[error("I don't know that action item. Pick one from the list while typing, or see `/action list`.")]
    UnknownAction,
    #[error("`{}` matches items of more than one of your pairings; pick the item from the list while typing.", short(.0))]
    AmbiguousAction(String),
    #[error("I don't know that goal. Pick one from the list while typing, or see `/goal list`.")]
    UnknownGoal,
    #[error("I can't tell who `{}` is. For owner write `me`, `partner`, or mention your partner (e.g. `@Mia`).", short(.0))]
    BadOwner(String),
    #[error("{0} is not part of this pairing; an action item belongs to you or your partner.")]
    OwnerNotInPair(String),
    #[error("{id} is {status} already.")]
    ActionAlready { id: String, status: &'static str },
    #[error("{id} is {status}; reopen it with `/action update item:{id} status:open` before changing it.")]
    ActionClosed { id: String, status: &'static str },
    #[error("Setting an item to {0} needs a reason (`reason:`), so your partner knows what is going on.")]
    ReasonNeeded(&'static str),
    #[error("Nothing to change: give a new `deadline:` or a `status:`.")]
    NothingToUpdate,
    #[error("Change the deadline or the status, one at a time.")]
    OneChangeAtATime,
    #[error("The goal \"{title}\" is {status} already; add a new goal with `/goal add`.", title = short(.title))]
    GoalClosed { title: String, status: String },
    #[error("There are no goals for a {0} review yet. Add one with `/goal add`.")]
    NoGoalsToReview(&'static str),
    #[error("You are not paired with {0}; pick your mentor or mentee with `with:`.")]
    NotPartnerOf(String),
    #[error("`{}` is not a number of minutes; write e.g. `60`.", short(.0))]
    BadMinutes(String),
    #[error(transparent)]
    Slots(#[from] SlotError),
    #[error("{} is not in this server's mentoring program, so there is no availability to show.", short(.0))]
    NoAvailability(String),
    #[error("`{which}`: {message} For an away period give dates, e.g. `from:2026-12-21 to:2027-01-03`.")]
    AwayDate { which: &'static str, message: String },
    #[error("`to` is before `from`; give the first day away as `from` and the last as `to`, e.g. `from:2026-12-21 to:2027-01-03`.")]
    AwayOrder,
    #[error("An away period may last at most {0} days; split a longer one in two.")]
    AwayTooLong(u64),
    #[error("{who} away from <t:{s}:F> to <t:{e}:F>, so no sessions can be booked then; pick a time outside it (see `/availability show`).", who = short(.who), s = .start.timestamp(), e = .end.timestamp())]
    Away { who: String, start: DateTime<Utc>, end: DateTime<Utc> },
    #[error("That away period is already removed; see `/availability show`.")]
    AwayGone,
    #[error("Only the person who is away can remove that away period.")]
    NotYourAway,
    #[error(transparent)]
    Timeline(#[from] TimelineError),
    #[error(transparent)]
    Outline(#[from] OutlineError),
    #[error("The mentee shares their background; as the mentor you receive it by DM and see it in `/profile` and `/session summary`.")]
    MenteeSharesBackground,
    #[error("This program has no timeline yet, so there is no end to check in after. An admin sets one with `/program setup starts:… ends:…`.")]
    NoTimeline,
    #[error("I don't know that mentoring pair, or it has ended.")]
    UnknownPairing,
    #[error("I don't know that milestone. Pick one from the list while typing, or see `/goal list`.")]
    UnknownMilestone,
    #[error("{0} is done already.")]
    MilestoneDone(String),
    #[error(transparent)]
    Tags(#[from] crate::domain::matching::TagError),
    /// Our own text (names in it are already cut and defused).
    #[error("{0}")]
    Matching(String),
    #[error("{name} mentors {active} mentee(s) already, their capacity. They can raise it with `/profile edit capacity:`, or pick another mentor.", name = short(.name))]
    MentorFull { name: String, active: i64 },
}
