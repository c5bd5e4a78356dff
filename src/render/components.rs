//! Typed custom ids of buttons and modals. A custom id carries everything needed to act on it
//! (the session, action item or goal), so a button pressed days later or after a restart still
//! works; the same id names the modal a button opens, so submitting it knows what to save.
//!
//! | id                        | button                          | modal submit            |
//! |---------------------------|---------------------------------|-------------------------|
//! | `agenda:<session>`        | opens the agenda form (mentee)  | saves the agenda        |
//! | `topic:<session>`         | opens Add topic (mentor)        | adds the topics         |
//! | `notes:<session>`         | opens the notes form            | saves the notes         |
//! | `resources:<session>`     | notes form, resources first     | saves the notes         |
//! | `action:new:<session>`    | opens Add action item           | adds the item           |
//! | `book:next:<session>`     | asks when (+ duration)          | books with the partner  |
//! | `action:done:<action>`    | marks the item done             | —                       |
//! | `action:later:<action>`   | deadline +3 days                | —                       |
//! | `action:blocked:<action>` | asks why                        | sets it blocked         |
//! | `review:<kind>:<goal>`    | opens the review of that goal   | saves the review        |
//! | `attend:met:<session>`    | "We met": held, offers ratings  | —                       |
//! | `attend:missed:<session>` | "It didn't happen"; Book again  | —                       |
//! | `attend:moved:<session>`  | asks the new time               | moves the session       |
//! | `rate:<1-5>:<session>`    | stores the caller's rating      | —                       |
//! | `away:remove:<away>`      | removes the owner's away period | —                       |
//! | `prompt:<kind>:<pairing>` | opens the next review step      | —                       |
//! | `reflect:<pairing>`       | opens the final reflection      | saves the reflection    |
//! | `checkin:on:<pairing>`    | opts into quarterly check-ins   | —                       |
//! | `background:<pairing>`    | opens Share background (mentee) | saves it, tells mentor  |
//! | `milestone:done:<id>`     | marks the milestone done        | —                       |
//! | `outline:<guild>`         | —                               | replaces the outline    |
//! | `book:with:<user>`        | — (the **Book a session** menu) | books with that member  |
//!
//! A booking outside the partner's weekly availability asks first, and "It didn't happen"
//! offers free times ([`RequestButton`]): the question is a stored request (nothing is booked),
//! `avail:book:<request>` ("Book anyway"), `avail:free:<request>` ("Show free times") and
//! `avail:slot:<request>:<unix seconds>` (one free time).
//!
//! Destructive commands ask first ([`Confirm`]): `leave:<yes|no>:<user>` (**Leave** / **Stay**)
//! and `unpair:<yes|no>:<admin>:<mentor>:<mentee>` (**Unpair** / **Keep**); the id names who
//! asked, and only they may answer.

use poise::serenity_prelude as serenity;

use crate::{
    domain::{action::ActionItem, goal::ReviewKind},
    render::labels,
    tr,
};

/// What a button or modal is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComponentId {
    Agenda(i64),
    AddTopic(i64),
    Notes(i64),
    Resources(i64),
    NewAction(i64),
    BookNext(i64),
    ActionDone(i64),
    ActionLater(i64),
    ActionBlocked(i64),
    Review(ReviewKind, i64),
    /// "We met".
    Met(i64),
    /// "It didn't happen".
    Missed(i64),
    /// "We moved it" (and the form it opens).
    Moved(i64),
    /// How useful the session was, 1–5.
    Rate(u8, i64),
    /// Remove an away period (its owner only).
    AwayRemove(i64),
    /// **Start midpoint/final review** for a pairing.
    ReviewStart(ReviewKind, i64),
    /// The End-of-Program Reflection of a pairing (the final review's second step).
    Reflection(i64),
    /// Opt a pairing into quarterly check-ins.
    CheckIns(i64),
    /// **Share background** (pre-work) for a pairing.
    Background(i64),
    /// Mark a milestone done.
    MilestoneDone(i64),
    /// The outline form of a guild's program (admins).
    Outline(i64),
    /// The booking form opened from a member's context menu (**Book a session**): the partner.
    BookWith(i64),
}

impl ComponentId {
    /// The custom id (well below Discord's 100 characters).
    pub fn to_custom_id(self) -> String {
        match self {
            Self::Agenda(id) => format!("agenda:{id}"),
            Self::AddTopic(id) => format!("topic:{id}"),
            Self::Notes(id) => format!("notes:{id}"),
            Self::Resources(id) => format!("resources:{id}"),
            Self::NewAction(id) => format!("action:new:{id}"),
            Self::BookNext(id) => format!("book:next:{id}"),
            Self::ActionDone(id) => format!("action:done:{id}"),
            Self::ActionLater(id) => format!("action:later:{id}"),
            Self::ActionBlocked(id) => format!("action:blocked:{id}"),
            Self::Review(kind, id) => format!("review:{kind}:{id}"),
            Self::Met(id) => format!("attend:met:{id}"),
            Self::Missed(id) => format!("attend:missed:{id}"),
            Self::Moved(id) => format!("attend:moved:{id}"),
            Self::Rate(value, id) => format!("rate:{value}:{id}"),
            Self::AwayRemove(id) => format!("away:remove:{id}"),
            Self::ReviewStart(kind, id) => format!("prompt:{kind}:{id}"),
            Self::Reflection(id) => format!("reflect:{id}"),
            Self::CheckIns(id) => format!("checkin:on:{id}"),
            Self::Background(id) => format!("background:{id}"),
            Self::MilestoneDone(id) => format!("milestone:done:{id}"),
            Self::Outline(id) => format!("outline:{id}"),
            Self::BookWith(id) => format!("book:with:{id}"),
        }
    }

    /// Reads a custom id; `None` for ids that are not ours.
    pub fn parse(custom_id: &str) -> Option<Self> {
        let (head, id) = custom_id.rsplit_once(':')?;
        let id = id.parse::<i64>().ok().filter(|id| *id > 0)?;
        Some(match head {
            "agenda" => Self::Agenda(id),
            "topic" => Self::AddTopic(id),
            "notes" => Self::Notes(id),
            "resources" => Self::Resources(id),
            "action:new" => Self::NewAction(id),
            "book:next" => Self::BookNext(id),
            "action:done" => Self::ActionDone(id),
            "action:later" => Self::ActionLater(id),
            "action:blocked" => Self::ActionBlocked(id),
            "attend:met" => Self::Met(id),
            "attend:missed" => Self::Missed(id),
            "attend:moved" => Self::Moved(id),
            "away:remove" => Self::AwayRemove(id),
            "reflect" => Self::Reflection(id),
            "checkin:on" => Self::CheckIns(id),
            "background" => Self::Background(id),
            "milestone:done" => Self::MilestoneDone(id),
            "outline" => Self::Outline(id),
            "book:with" => Self::BookWith(id),
            _ if head.starts_with("prompt:") => {
                Self::ReviewStart(ReviewKind::parse(head.strip_prefix("prompt:")?)?, id)
            }
            _ if head.starts_with("rate:") => {
                let value = head.strip_prefix("rate:")?.parse::<u8>().ok().filter(|v| (1..=5).contains(v))?;
                Self::Rate(value, id)
            }
            _ => Self::Review(ReviewKind::parse(head.strip_prefix("review:")?)?, id),
        })
    }

    /// A button with this id.
    pub fn button(self, label: impl Into<String>, style: serenity::ButtonStyle) -> serenity::CreateButton {
        serenity::CreateButton::new(self.to_custom_id()).label(label).style(style)
    }
}

/// The buttons of a booking that waits for an answer (`domain::booking_request`). The id names
/// the stored request (and a picked instant); the request says what to book and who may answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestButton {
    /// "Book anyway": book what the request asked for.
    Anyway(i64),
    /// "Show free times": offer the pair's free times as buttons.
    FreeTimes(i64),
    /// One free time (unix seconds): book the request at exactly that instant.
    Slot(i64, i64),
}

impl RequestButton {
    /// The custom id: `avail:book:<request>`, `avail:free:<request>`, `avail:slot:<request>:<unix>`.
    pub fn to_custom_id(self) -> String {
        match self {
            Self::Anyway(id) => format!("avail:book:{id}"),
            Self::FreeTimes(id) => format!("avail:free:{id}"),
            Self::Slot(id, at) => format!("avail:slot:{id}:{at}"),
        }
    }

    /// Reads a custom id; `None` for ids that are not of this kind (or an older, retired form).
    pub fn parse(custom_id: &str) -> Option<Self> {
        let mut parts = custom_id.split(':');
        if parts.next()? != "avail" {
            return None;
        }
        let kind = parts.next()?;
        let id = parts.next()?.parse::<i64>().ok().filter(|p| *p > 0)?;
        let button = match kind {
            "book" => Self::Anyway(id),
            "free" => Self::FreeTimes(id),
            "slot" => Self::Slot(id, parts.next()?.parse::<i64>().ok().filter(|t| *t > 0)?),
            _ => return None,
        };
        parts.next().is_none().then_some(button)
    }
}

/// The question asked before booking (or moving, `anyway` = "Move anyway") outside the
/// partner's availability.
pub fn book_confirm_buttons(request: i64, anyway: &str) -> serenity::CreateActionRow {
    serenity::CreateActionRow::Buttons(vec![
        serenity::CreateButton::new(RequestButton::Anyway(request).to_custom_id())
            .label(anyway)
            .style(serenity::ButtonStyle::Primary),
        serenity::CreateButton::new(RequestButton::FreeTimes(request).to_custom_id())
            .label(tr!("render-show-free-times"))
            .style(serenity::ButtonStyle::Secondary),
    ])
}

/// One button per free time (at most five), labelled in the viewer's zone; none when empty.
pub fn free_time_buttons(
    request: i64,
    times: &[(String, chrono::DateTime<chrono::Utc>)],
) -> Vec<serenity::CreateActionRow> {
    if times.is_empty() {
        return Vec::new();
    }
    let buttons = times
        .iter()
        .take(5)
        .map(|(label, at)| {
            let mut label = label.clone();
            crate::app::truncate_label(&mut label, 80);
            serenity::CreateButton::new(RequestButton::Slot(request, at.timestamp()).to_custom_id())
                .label(label)
                .style(serenity::ButtonStyle::Primary)
        })
        .collect();
    vec![serenity::CreateActionRow::Buttons(buttons)]
}

/// "Remove" for each listed away period (at most five), labelled with its dates.
pub fn away_remove_buttons(periods: &[(i64, String)]) -> Vec<serenity::CreateActionRow> {
    if periods.is_empty() {
        return Vec::new();
    }
    let buttons = periods
        .iter()
        .take(5)
        .map(|(id, dates)| {
            ComponentId::AwayRemove(*id)
                .button(tr!("render-away-remove", dates = dates.as_str()), serenity::ButtonStyle::Danger)
        })
        .collect();
    vec![serenity::CreateActionRow::Buttons(buttons)]
}

/// The form `/action add` or `/goal add` shows for its long fields when they were not given
/// inline: `form:action:<session or 0>:<goal or 0>`, `form:goal:<partner or 0>`. The short fields
/// come pre-filled in the form; everything is checked again on submit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Action { session: Option<i64>, goal: Option<i64> },
    Goal { with: Option<u64> },
}

impl Form {
    /// The custom id.
    pub fn to_custom_id(self) -> String {
        match self {
            Self::Action { session, goal } => {
                format!("form:action:{}:{}", session.unwrap_or_default(), goal.unwrap_or_default())
            }
            Self::Goal { with } => format!("form:goal:{}", with.unwrap_or_default()),
        }
    }

    /// Reads a custom id; `None` for ids that are not of this kind.
    pub fn parse(custom_id: &str) -> Option<Self> {
        let parts: Vec<&str> = custom_id.strip_prefix("form:")?.split(':').collect();
        let id = |i: usize| parts.get(i).and_then(|p| p.parse::<i64>().ok()).filter(|v| *v >= 0);
        let some = |v: i64| (v > 0).then_some(v);
        match (parts.first().copied()?, parts.len()) {
            ("action", 3) => Some(Self::Action { session: some(id(1)?), goal: some(id(2)?) }),
            ("goal", 2) => Some(Self::Goal { with: parts[1].parse::<u64>().ok().filter(|v| *v > 0) }),
            _ => None,
        }
    }
}

/// The answer to a destructive command's question: go ahead (`go`) or leave things as they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    /// `/leave` by `user`.
    Leave { user: u64, go: bool },
    /// `/unpair` of `mentor` and `mentee`, asked by `admin`.
    Unpair { admin: u64, mentor: u64, mentee: u64, go: bool },
}

impl Confirm {
    /// The custom id (at most 11 + 3 × 20 + 2 characters).
    pub fn to_custom_id(self) -> String {
        let answer = |go: bool| if go { "yes" } else { "no" };
        match self {
            Self::Leave { user, go } => format!("leave:{}:{user}", answer(go)),
            Self::Unpair { admin, mentor, mentee, go } => format!("unpair:{}:{admin}:{mentor}:{mentee}", answer(go)),
        }
    }

    /// Reads a custom id; `None` for ids that are not of this kind.
    pub fn parse(custom_id: &str) -> Option<Self> {
        let parts: Vec<&str> = custom_id.split(':').collect();
        let go = match parts.get(1).copied()? {
            "yes" => true,
            "no" => false,
            _ => return None,
        };
        let id = |i: usize| parts.get(i).and_then(|p| p.parse::<u64>().ok()).filter(|v| *v > 0);
        match (parts[0], parts.len()) {
            ("leave", 3) => Some(Self::Leave { user: id(2)?, go }),
            ("unpair", 5) => Some(Self::Unpair { admin: id(2)?, mentor: id(3)?, mentee: id(4)?, go }),
            _ => None,
        }
    }

    /// Who asked (and alone may answer).
    pub fn asker(self) -> u64 {
        match self {
            Self::Leave { user, .. } => user,
            Self::Unpair { admin, .. } => admin,
        }
    }

    /// The two buttons of a question: the destructive one (red) and the one that keeps things.
    pub fn buttons(self) -> serenity::CreateActionRow {
        let (go, keep, go_label, keep_label) = match self {
            Self::Leave { user, .. } => (
                Self::Leave { user, go: true },
                Self::Leave { user, go: false },
                tr!("render-confirm-leave"),
                tr!("render-confirm-stay"),
            ),
            Self::Unpair { admin, mentor, mentee, .. } => (
                Self::Unpair { admin, mentor, mentee, go: true },
                Self::Unpair { admin, mentor, mentee, go: false },
                tr!("render-confirm-unpair"),
                tr!("render-confirm-keep"),
            ),
        };
        serenity::CreateActionRow::Buttons(vec![
            serenity::CreateButton::new(go.to_custom_id()).label(go_label).style(serenity::ButtonStyle::Danger),
            serenity::CreateButton::new(keep.to_custom_id()).label(keep_label).style(serenity::ButtonStyle::Secondary),
        ])
    }
}

/// The buttons that follow a session: notes, resources, a new action item, booking the next one.
pub fn follow_up_buttons(session_id: i64) -> serenity::CreateActionRow {
    use serenity::ButtonStyle::{Primary, Secondary};
    serenity::CreateActionRow::Buttons(vec![
        ComponentId::Notes(session_id).button(labels::add_takeaways(), Primary),
        ComponentId::Resources(session_id).button(labels::add_resources(), Secondary),
        ComponentId::NewAction(session_id).button(labels::add_action(), Secondary),
        ComponentId::BookNext(session_id).button(labels::book_next(), Secondary),
    ])
}

/// "Did the session happen?": We met / It didn't happen / We moved it.
pub fn attendance_buttons(session_id: i64) -> serenity::CreateActionRow {
    use serenity::ButtonStyle::{Danger, Secondary, Success};
    serenity::CreateActionRow::Buttons(vec![
        ComponentId::Met(session_id).button(labels::we_met(), Success),
        ComponentId::Missed(session_id).button(labels::didnt_happen(), Danger),
        ComponentId::Moved(session_id).button(labels::we_moved(), Secondary),
    ])
}

/// How useful was the session? 1 to 5.
pub fn rating_buttons(session_id: i64) -> serenity::CreateActionRow {
    serenity::CreateActionRow::Buttons(
        (1..=5)
            .map(|v| ComponentId::Rate(v, session_id).button(v.to_string(), serenity::ButtonStyle::Secondary))
            .collect(),
    )
}

/// "Another time…" beside the free times offered after a session that didn't happen (opens
/// the booking form).
pub fn book_again_button(session_id: i64) -> serenity::CreateActionRow {
    serenity::CreateActionRow::Buttons(vec![
        ComponentId::BookNext(session_id).button(labels::another_time(), serenity::ButtonStyle::Secondary)
    ])
}

/// The button that opens the agenda form of an upcoming session.
pub fn agenda_button(session_id: i64) -> serenity::CreateActionRow {
    serenity::CreateActionRow::Buttons(vec![
        ComponentId::Agenda(session_id).button(labels::submit_agenda(), serenity::ButtonStyle::Primary)
    ])
}

/// Done / +3 days / Blocked for one of the caller's items (labels carry the short id).
pub fn action_buttons(item: &ActionItem) -> serenity::CreateActionRow {
    use serenity::ButtonStyle::{Danger, Secondary, Success};
    let id = item.short_id();
    serenity::CreateActionRow::Buttons(vec![
        ComponentId::ActionDone(item.id)
            .button(tr!("render-action-button", id = id.as_str(), label = labels::done()), Success),
        ComponentId::ActionLater(item.id)
            .button(tr!("render-action-button", id = id.as_str(), label = labels::later()), Secondary),
        ComponentId::ActionBlocked(item.id)
            .button(tr!("render-action-button", id = id.as_str(), label = labels::blocked()), Danger),
    ])
}

/// The button that opens the review of the next goal.
pub fn next_review_button(kind: ReviewKind, goal_id: i64, title: &str) -> serenity::CreateActionRow {
    let mut label = tr!("render-next-goal", title = title);
    crate::app::truncate_label(&mut label, 80);
    serenity::CreateActionRow::Buttons(vec![
        ComponentId::Review(kind, goal_id).button(&label, serenity::ButtonStyle::Primary)
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_round_trips() {
        let all = [
            ComponentId::Agenda(7),
            ComponentId::AddTopic(7),
            ComponentId::Notes(7),
            ComponentId::Resources(7),
            ComponentId::NewAction(7),
            ComponentId::BookNext(7),
            ComponentId::ActionDone(9),
            ComponentId::ActionLater(9),
            ComponentId::ActionBlocked(9),
            ComponentId::Review(ReviewKind::Midpoint, 3),
            ComponentId::Review(ReviewKind::Final, 3),
            ComponentId::Met(4),
            ComponentId::Missed(4),
            ComponentId::Moved(4),
            ComponentId::Rate(1, 4),
            ComponentId::Rate(5, 4),
            ComponentId::AwayRemove(8),
            ComponentId::ReviewStart(ReviewKind::Midpoint, 2),
            ComponentId::ReviewStart(ReviewKind::Final, 2),
            ComponentId::Reflection(2),
            ComponentId::CheckIns(2),
            ComponentId::Background(2),
            ComponentId::MilestoneDone(8),
            ComponentId::Outline(900_000_000_000_000_001),
            ComponentId::BookWith(800_000_000_000_000_002),
        ];
        for id in all {
            assert_eq!(ComponentId::parse(&id.to_custom_id()), Some(id), "{}", id.to_custom_id());
        }
    }

    #[test]
    fn request_buttons_name_the_request_and_the_instant() {
        for b in [RequestButton::Anyway(12), RequestButton::FreeTimes(12), RequestButton::Slot(12, 1_795_356_000)] {
            assert_eq!(RequestButton::parse(&b.to_custom_id()), Some(b), "{}", b.to_custom_id());
        }
        assert_eq!(RequestButton::Slot(7, 1_795_356_000).to_custom_id(), "avail:slot:7:1795356000");
        for bad in [
            "avail:book:x",
            "avail:book:0",
            "avail:free:1:60",
            "avail:book:900000000000000101:1795356000:90:Career",
            "avail:slot:1",
            "avail:slot:1:-5",
            "avail:maybe:1",
            "agenda:1",
        ] {
            assert_eq!(RequestButton::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_ids_the_scheduler_uses_are_spelled_exactly() {
        assert_eq!(ComponentId::NewAction(5).to_custom_id(), "action:new:5");
        assert_eq!(ComponentId::BookNext(5).to_custom_id(), "book:next:5");
        assert_eq!(ComponentId::ActionBlocked(5).to_custom_id(), "action:blocked:5");
        assert_eq!(ComponentId::AddTopic(5).to_custom_id(), "topic:5");
    }

    #[test]
    fn foreign_or_malformed_ids_are_not_ours() {
        for s in [
            "",
            "agenda",
            "agenda:",
            "agenda:x",
            "agenda:-1",
            "review:weekly:3",
            "poise:123",
            "1234567",
            "rate:0:4",
            "rate:6:4",
            "rate::4",
            "attend:maybe:4",
            "prompt:weekly:4",
        ] {
            assert_eq!(ComponentId::parse(s), None, "{s}");
        }
    }

    #[test]
    fn confirm_ids_round_trip_fit_and_name_who_asked() {
        let big = 999_999_999_999_999_999_u64;
        for c in [
            Confirm::Leave { user: 42, go: true },
            Confirm::Leave { user: 42, go: false },
            Confirm::Unpair { admin: big, mentor: big - 1, mentee: big - 2, go: true },
        ] {
            let id = c.to_custom_id();
            assert!(id.chars().count() <= 100, "{id}: Discord allows 100 characters");
            assert_eq!(Confirm::parse(&id), Some(c));
            assert_eq!(ComponentId::parse(&id), None, "{id} is not another button");
        }
        assert_eq!(Confirm::Unpair { admin: 7, mentor: 8, mentee: 9, go: false }.asker(), 7);
        for bad in ["leave:maybe:1", "leave:yes:0", "leave:yes", "unpair:yes:1:2", "agenda:3"] {
            assert_eq!(Confirm::parse(bad), None, "{bad}");
        }
    }
}
