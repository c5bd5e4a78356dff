//! One name per action: the label of every button, used wherever the button appears (command
//! replies, DMs, `/help`), so the same action never goes by two names. The words are in the
//! catalogue (`locales/en/labels.ftl`).

use crate::tr;

/// Opens the mentee's agenda form (the agenda request, its nudge, `/notes` before a session).
pub fn submit_agenda() -> String {
    tr!("label-submit-agenda")
}
/// Opens the mentor's form to add topics to the mentee's agenda.
pub fn add_topic() -> String {
    tr!("label-add-topic")
}
/// Opens the session's notes form (takeaways first).
pub fn add_takeaways() -> String {
    tr!("label-add-takeaways")
}
/// Opens the session's notes form (resources first; the mentor's button).
pub fn add_resources() -> String {
    tr!("label-add-resources")
}
/// Opens the form for an action item agreed in a session.
pub fn add_action() -> String {
    tr!("label-add-action")
}
/// Opens the booking form for the next session with the partner.
pub fn book_next() -> String {
    tr!("label-book-next")
}
/// Opens the booking form after a session that didn't happen, beside the free times offered.
pub fn another_time() -> String {
    tr!("label-another-time")
}
/// The session took place.
pub fn we_met() -> String {
    tr!("label-we-met")
}
/// The session did not take place.
pub fn didnt_happen() -> String {
    tr!("label-didnt-happen")
}
/// The session took place at another time.
pub fn we_moved() -> String {
    tr!("label-we-moved")
}
/// After an action item's short id: marks it done.
pub fn done() -> String {
    tr!("label-done")
}
/// After an action item's short id: its deadline three days later.
pub fn later() -> String {
    tr!("label-later")
}
/// After an action item's short id: says what blocks it.
pub fn blocked() -> String {
    tr!("label-blocked")
}
/// Opens the mentee's pre-work form.
pub fn share_background() -> String {
    tr!("label-share-background")
}

/// A label as `/help` and replies write it: bold, like Discord shows a button.
pub fn bold(label: impl AsRef<str>) -> String {
    format!("**{}**", label.as_ref())
}
