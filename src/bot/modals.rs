//! The forms (modals) the bot shows, and reading their answers. Each modal's custom id is a
//! `ComponentId`, so its submission is handled statelessly in `interactions`.

use std::collections::HashMap;

use poise::serenity_prelude as serenity;
use serenity::{CreateActionRow, CreateInputText, CreateModal, InputTextStyle};

use crate::{
    app::{AgendaForm, NotesForm, ReviewForm, MAX_NOTE_CHARS, MAX_TITLE_CHARS},
    domain::{action::ActionItem, goal::ReviewKind, layout::MODAL_VALUE_CHARS, session::Session},
    render::components::{ComponentId, Form},
};

/// Field ids of the agenda form.
pub mod agenda {
    pub const GOAL: &str = "goal";
    pub const PROGRESS: &str = "progress";
    pub const CHALLENGES: &str = "challenges";
    pub const TOPICS: &str = "topics";
    pub const SUPPORT: &str = "support";
}

/// Field ids of the notes form.
pub mod notes {
    pub const TAKEAWAYS: &str = "takeaways";
    pub const RESOURCES: &str = "resources";
    pub const OBSTACLES: &str = "obstacles";
    pub const NEXT: &str = "next_session";
}

/// Field ids of the smaller forms.
pub mod fields {
    pub const TOPICS: &str = "topics";
    pub const TITLE: &str = "title";
    pub const OWNER: &str = "owner";
    pub const DEADLINE: &str = "deadline";
    pub const SUCCESS: &str = "success";
    pub const WHY: &str = "why";
    pub const TARGET: &str = "target";
    pub const MEASURE: &str = "measure";
    pub const WHEN: &str = "when";
    pub const DURATION: &str = "duration";
    pub const REASON: &str = "reason";
    pub const FIRST: &str = "first";
    pub const SECOND: &str = "second";
    pub const THIRD: &str = "third";
}

fn input(id: &str, label: &str, value: &str, required: bool, max: usize) -> CreateInputText {
    let style = if max > 200 { InputTextStyle::Paragraph } else { InputTextStyle::Short };
    let mut field =
        CreateInputText::new(style, label, id).required(required).max_length(u16::try_from(max).unwrap_or(u16::MAX));
    if !value.is_empty() {
        field = field.value(value);
    }
    field
}

fn modal(id: ComponentId, title: &str, inputs: Vec<CreateInputText>) -> CreateModal {
    raw_modal(id.to_custom_id(), title, inputs)
}

fn raw_modal(id: String, title: &str, inputs: Vec<CreateInputText>) -> CreateModal {
    let mut title = title.to_owned();
    crate::app::truncate_label(&mut title, 45);
    CreateModal::new(id, title).components(inputs.into_iter().map(CreateActionRow::InputText).collect())
}

/// The mentee's agenda form, pre-filled with the saved agenda.
pub fn agenda_modal(form: &AgendaForm) -> CreateModal {
    let v = &form.input;
    let m = MODAL_VALUE_CHARS;
    // The outline's focus for this session, within Discord's 100 characters of a placeholder.
    let focus = form.step.as_ref().map_or_else(
        || "e.g. Leave with a plan for my promotion case".to_owned(),
        crate::domain::outline::Step::placeholder,
    );
    modal(
        ComponentId::Agenda(form.session.id),
        &format!("Agenda for session #{}", form.session.number),
        vec![
            input(agenda::GOAL, "Session goal (what would make it a success)", &v.goal, true, m).placeholder(focus),
            input(agenda::PROGRESS, "Progress since last session", &v.progress, false, m),
            input(agenda::CHALLENGES, "Challenges", &v.challenges, false, m),
            input(agenda::TOPICS, "Topics (one a line, ! = high priority)", &v.topics, false, m)
                .placeholder("! Salary negotiation\nPortfolio review"),
            input(agenda::SUPPORT, "Support or decisions needed", &v.support, false, m),
        ],
    )
}

/// The mentor's Add topic form.
pub fn topic_modal(session: &Session) -> CreateModal {
    modal(
        ComponentId::AddTopic(session.id),
        &format!("Add topics to session #{}", session.number),
        vec![input(fields::TOPICS, "Topics (one a line, ! = high priority)", "", true, MODAL_VALUE_CHARS)
            .placeholder("! Feedback on your design doc")],
    )
}

/// The notes form; `resources_first` puts the resources field on top (the mentor's button).
pub fn notes_modal(form: &NotesForm, resources_first: bool) -> CreateModal {
    let v = &form.input;
    let m = MODAL_VALUE_CHARS;
    let takeaways = input(notes::TAKEAWAYS, "Key takeaways", &v.takeaways, false, m);
    let resources = input(notes::RESOURCES, "Resources (resource | type | purpose)", &v.resources, false, m)
        .placeholder("rustlings | tool | practice ownership\ntypes: tool, article, intro, feedback");
    let obstacles = input(notes::OBSTACLES, "Obstacles (challenge | impact | solutions)", &v.obstacles, false, m);
    let next = input(notes::NEXT, "Next session (a date, or \"book later\")", &v.next_session, false, 200);
    let (id, title, inputs) = if resources_first {
        (
            ComponentId::Resources(form.session.id),
            format!("Resources of session #{}", form.session.number),
            vec![resources, takeaways, obstacles, next],
        )
    } else {
        (
            ComponentId::Notes(form.session.id),
            format!("Notes of session #{}", form.session.number),
            vec![takeaways, resources, obstacles, next],
        )
    };
    modal(id, &title, inputs)
}

/// Add an action item agreed in a session.
pub fn action_modal(session: &Session) -> CreateModal {
    modal(
        ComponentId::NewAction(session.id),
        &format!("Action item from session #{}", session.number),
        vec![
            input(fields::TITLE, "What will be done", "", true, MAX_TITLE_CHARS),
            input(fields::OWNER, "Owner: me or partner", "me", true, 40),
            input(fields::DEADLINE, "Deadline (owner's time zone), e.g. fri", "", true, 100),
            input(fields::SUCCESS, "Success looks like", "", false, MAX_NOTE_CHARS),
        ],
    )
}

/// `/action add` without `success:`: the item's fields, the given ones pre-filled.
pub fn action_form(form: Form, title: &str, owner: &str, deadline: &str) -> CreateModal {
    raw_modal(
        form.to_custom_id(),
        "New action item",
        vec![
            input(fields::TITLE, "What will be done", title, true, MAX_TITLE_CHARS),
            input(fields::OWNER, "Owner: me, partner or @mention", owner, true, 100),
            input(fields::DEADLINE, "Deadline (owner's time zone), e.g. fri", deadline, true, 100),
            input(fields::SUCCESS, "Success looks like", "", false, MAX_NOTE_CHARS),
        ],
    )
}

/// `/goal add` without `why:` or `measure:`: the goal's fields, the given ones pre-filled.
pub fn goal_form(form: Form, title: &str, why: &str, target: &str, measure: &str) -> CreateModal {
    raw_modal(
        form.to_custom_id(),
        "New goal",
        vec![
            input(fields::TITLE, "The goal, specific", title, true, MAX_TITLE_CHARS),
            input(fields::WHY, "Why it matters", why, false, MAX_NOTE_CHARS),
            input(fields::TARGET, "Target date, e.g. 2027-03-01", target, false, 100),
            input(fields::MEASURE, "How progress is measured", measure, false, MAX_NOTE_CHARS),
        ],
    )
}

/// Book the next session with the partner.
pub fn book_modal(session: &Session) -> CreateModal {
    modal(
        ComponentId::BookNext(session.id),
        "Book the next session",
        vec![
            input(fields::WHEN, "When (your time zone), e.g. tue 15:00", "", true, 100),
            input(fields::DURATION, "Minutes (default 60)", &session.duration_minutes.to_string(), false, 3),
        ],
    )
}

/// **Book a session** from a member's context menu: when, and how long.
pub fn book_with_modal(partner: i64, name: &str) -> CreateModal {
    modal(
        ComponentId::BookWith(partner),
        &format!("Book a session with {name}"),
        vec![
            input(fields::WHEN, "When (your time zone), e.g. tue 15:00", "", true, 100),
            input(fields::DURATION, "Minutes (default 60)", "", false, 3),
        ],
    )
}

/// "We moved it": the session's new time.
pub fn moved_modal(session: &Session) -> CreateModal {
    modal(
        ComponentId::Moved(session.id),
        &format!("Move session #{}", session.number),
        vec![input(fields::WHEN, "New time (your time zone), e.g. fri 15:00", "", true, 100)],
    )
}

/// Why an item is blocked.
pub fn blocked_modal(item: &ActionItem) -> CreateModal {
    modal(
        ComponentId::ActionBlocked(item.id),
        &format!("{} is blocked", item.short_id()),
        vec![input(fields::REASON, "What blocks it?", "", true, MAX_NOTE_CHARS)],
    )
}

/// The review form of one goal.
pub fn review_modal(form: &ReviewForm) -> CreateModal {
    let (i, n) = form.position;
    let title = format!("{} review {i}/{n}: {}", capitalised(form.kind), form.goal.title);
    let m = MAX_NOTE_CHARS * 4;
    let inputs = match form.kind {
        ReviewKind::Midpoint => vec![
            input(fields::FIRST, "Current progress (0-100 %)", &form.goal.progress.to_string(), true, 4),
            input(fields::SECOND, "Evidence", "", false, m),
            input(fields::THIRD, "Adjustment needed", "", false, m),
        ],
        ReviewKind::Final => vec![
            input(fields::FIRST, "Achieved? (yes or no)", "", true, 5),
            input(fields::SECOND, "Key learnings", "", false, m),
            input(fields::THIRD, "Next steps", "", false, m),
        ],
    };
    modal(ComponentId::Review(form.kind, form.goal.id), &title, inputs)
}

fn capitalised(kind: ReviewKind) -> &'static str {
    match kind {
        ReviewKind::Midpoint => "Midpoint",
        ReviewKind::Final => "Final",
    }
}

/// The submitted values by field id.
pub fn values(modal: &serenity::ModalInteraction) -> HashMap<String, String> {
    modal
        .data
        .components
        .iter()
        .flat_map(|row| row.components.iter())
        .filter_map(|c| match c {
            serenity::ActionRowComponent::InputText(t) => {
                Some((t.custom_id.clone(), t.value.clone().unwrap_or_default()))
            }
            _ => None,
        })
        .collect()
}
