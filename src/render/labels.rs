//! One name per action: the label of every button, used wherever the button appears (command
//! replies, DMs, `/help`), so the same action never goes by two names.

/// Opens the mentee's agenda form (the agenda request, its nudge, `/notes` before a session).
pub const SUBMIT_AGENDA: &str = "Submit agenda";
/// Opens the mentor's form to add topics to the mentee's agenda.
pub const ADD_TOPIC: &str = "Add topic";
/// Opens the session's notes form (takeaways first).
pub const ADD_TAKEAWAYS: &str = "Add takeaways";
/// Opens the session's notes form (resources first; the mentor's button).
pub const ADD_RESOURCES: &str = "Add resources";
/// Opens the form for an action item agreed in a session.
pub const ADD_ACTION: &str = "Add action item";
/// Opens the booking form for the next session with the partner.
pub const BOOK_NEXT: &str = "Book next session";
/// Opens the booking form after a session that didn't happen, beside the free times offered.
pub const ANOTHER_TIME: &str = "Another time…";
/// The session took place.
pub const WE_MET: &str = "We met";
/// The session did not take place.
pub const DIDNT_HAPPEN: &str = "It didn't happen";
/// The session took place at another time.
pub const WE_MOVED: &str = "We moved it";
/// After an action item's short id: marks it done.
pub const DONE: &str = "done";
/// After an action item's short id: its deadline three days later.
pub const LATER: &str = "+3 days";
/// After an action item's short id: says what blocks it.
pub const BLOCKED: &str = "blocked";
/// Opens the mentee's pre-work form.
pub const SHARE_BACKGROUND: &str = "Share background";

/// A label as `/help` and replies write it: bold, like Discord shows a button.
pub fn bold(label: &str) -> String {
    format!("**{label}**")
}
