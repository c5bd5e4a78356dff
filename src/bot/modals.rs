//! The forms (modals) the bot shows, and reading their answers. Each modal's custom id is a
//! `ComponentId`, so its submission is handled statelessly in `interactions`.

use std::collections::HashMap;

use poise::serenity_prelude as serenity;
use serenity::{CreateActionRow, CreateInputText, CreateModal, InputTextStyle};

use crate::{
    app::{AgendaForm, NotesForm, ReviewForm, MAX_NOTE_CHARS, MAX_TITLE_CHARS},
    domain::{action::ActionItem, goal::ReviewKind, layout::MODAL_VALUE_CHARS, session::Session},
    render::components::{ComponentId, Form},
    tr,
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
    // Discord takes 45 characters of a label; a translation may be longer.
    let mut label = label.to_owned();
    crate::app::truncate_label(&mut label, 45);
    let mut field =
        CreateInputText::new(style, &label, id).required(required).max_length(u16::try_from(max).unwrap_or(u16::MAX));
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
    let focus = form
        .step
        .as_ref()
        .map_or_else(|| tr!("bot-modal-agenda-goal-placeholder"), crate::domain::outline::Step::placeholder);
    modal(
        ComponentId::Agenda(form.session.id),
        &tr!("bot-modal-agenda-title", number = form.session.number),
        vec![
            input(agenda::GOAL, &tr!("bot-modal-agenda-goal"), &v.goal, true, m).placeholder(focus),
            input(agenda::PROGRESS, &tr!("bot-modal-agenda-progress"), &v.progress, false, m),
            input(agenda::CHALLENGES, &tr!("bot-modal-agenda-challenges"), &v.challenges, false, m),
            input(agenda::TOPICS, &tr!("bot-modal-topics"), &v.topics, false, m)
                .placeholder(tr!("bot-modal-agenda-topics-placeholder")),
            input(agenda::SUPPORT, &tr!("bot-modal-agenda-support"), &v.support, false, m),
        ],
    )
}

/// The mentor's Add topic form.
pub fn topic_modal(session: &Session) -> CreateModal {
    modal(
        ComponentId::AddTopic(session.id),
        &tr!("bot-modal-topic-title", number = session.number),
        vec![input(fields::TOPICS, &tr!("bot-modal-topics"), "", true, MODAL_VALUE_CHARS)
            .placeholder(tr!("bot-modal-topic-placeholder"))],
    )
}

/// The notes form; `resources_first` puts the resources field on top (the mentor's button).
pub fn notes_modal(form: &NotesForm, resources_first: bool) -> CreateModal {
    let v = &form.input;
    let m = MODAL_VALUE_CHARS;
    let takeaways = input(notes::TAKEAWAYS, &tr!("bot-modal-notes-takeaways"), &v.takeaways, false, m);
    let resources = input(notes::RESOURCES, &tr!("bot-modal-notes-resources"), &v.resources, false, m)
        .placeholder(tr!("bot-modal-notes-resources-placeholder"));
    let obstacles = input(notes::OBSTACLES, &tr!("bot-modal-notes-obstacles"), &v.obstacles, false, m);
    let next = input(notes::NEXT, &tr!("bot-modal-notes-next"), &v.next_session, false, 200);
    let (id, title, inputs) = if resources_first {
        (
            ComponentId::Resources(form.session.id),
            tr!("bot-modal-resources-title", number = form.session.number),
            vec![resources, takeaways, obstacles, next],
        )
    } else {
        (
            ComponentId::Notes(form.session.id),
            tr!("bot-modal-notes-title", number = form.session.number),
            vec![takeaways, resources, obstacles, next],
        )
    };
    modal(id, &title, inputs)
}

/// Add an action item agreed in a session.
pub fn action_modal(session: &Session) -> CreateModal {
    modal(
        ComponentId::NewAction(session.id),
        &tr!("bot-modal-action-title", number = session.number),
        vec![
            input(fields::TITLE, &tr!("bot-modal-action-what"), "", true, MAX_TITLE_CHARS),
            // "me" is a word the app reads (like "partner"), not a translated text.
            input(fields::OWNER, &tr!("bot-modal-action-owner"), "me", true, 40),
            input(fields::DEADLINE, &tr!("bot-modal-action-deadline"), "", true, 100),
            input(fields::SUCCESS, &tr!("bot-modal-action-success"), "", false, MAX_NOTE_CHARS),
        ],
    )
}

/// `/action add` without `success:`: the item's fields, the given ones pre-filled.
pub fn action_form(form: Form, title: &str, owner: &str, deadline: &str) -> CreateModal {
    raw_modal(
        form.to_custom_id(),
        &tr!("bot-modal-new-action-title"),
        vec![
            input(fields::TITLE, &tr!("bot-modal-action-what"), title, true, MAX_TITLE_CHARS),
            input(fields::OWNER, &tr!("bot-modal-action-owner-mention"), owner, true, 100),
            input(fields::DEADLINE, &tr!("bot-modal-action-deadline"), deadline, true, 100),
            input(fields::SUCCESS, &tr!("bot-modal-action-success"), "", false, MAX_NOTE_CHARS),
        ],
    )
}

/// `/goal add` without `why:` or `measure:`: the goal's fields, the given ones pre-filled.
pub fn goal_form(form: Form, title: &str, why: &str, target: &str, measure: &str) -> CreateModal {
    raw_modal(
        form.to_custom_id(),
        &tr!("bot-modal-new-goal-title"),
        vec![
            input(fields::TITLE, &tr!("bot-modal-goal-title"), title, true, MAX_TITLE_CHARS),
            input(fields::WHY, &tr!("bot-modal-goal-why"), why, false, MAX_NOTE_CHARS),
            input(fields::TARGET, &tr!("bot-modal-goal-target"), target, false, 100),
            input(fields::MEASURE, &tr!("bot-modal-goal-measure"), measure, false, MAX_NOTE_CHARS),
        ],
    )
}

/// Book the next session with the partner.
pub fn book_modal(session: &Session) -> CreateModal {
    modal(
        ComponentId::BookNext(session.id),
        &tr!("bot-modal-book-title"),
        vec![
            input(fields::WHEN, &tr!("bot-modal-book-when"), "", true, 100),
            input(fields::DURATION, &tr!("bot-modal-book-minutes"), &session.duration_minutes.to_string(), false, 3),
        ],
    )
}

/// **Book a session** from a member's context menu: when, and how long.
pub fn book_with_modal(partner: i64, name: &str) -> CreateModal {
    book_with(partner, &tr!("bot-modal-book-with-title", name = name))
}

/// The **Book a session** form when the partner's name is not at hand (a forged press).
pub fn book_with_partner_modal(partner: i64) -> CreateModal {
    book_with(partner, &tr!("bot-modal-book-with-partner-title"))
}

fn book_with(partner: i64, title: &str) -> CreateModal {
    modal(
        ComponentId::BookWith(partner),
        title,
        vec![
            input(fields::WHEN, &tr!("bot-modal-book-when"), "", true, 100),
            input(fields::DURATION, &tr!("bot-modal-book-minutes"), "", false, 3),
        ],
    )
}

/// "We moved it": the session's new time.
pub fn moved_modal(session: &Session) -> CreateModal {
    modal(
        ComponentId::Moved(session.id),
        &tr!("bot-modal-moved-title", number = session.number),
        vec![input(fields::WHEN, &tr!("bot-modal-moved-when"), "", true, 100)],
    )
}

/// Why an item is blocked.
pub fn blocked_modal(item: &ActionItem) -> CreateModal {
    modal(
        ComponentId::ActionBlocked(item.id),
        &tr!("bot-modal-blocked-title", item = item.short_id()),
        vec![input(fields::REASON, &tr!("bot-modal-blocked-reason"), "", true, MAX_NOTE_CHARS)],
    )
}

/// The review form of one goal.
pub fn review_modal(form: &ReviewForm) -> CreateModal {
    let (i, n) = form.position;
    let kind = match form.kind {
        ReviewKind::Midpoint => "midpoint",
        ReviewKind::Final => "final",
    };
    let title = tr!("bot-modal-review-title", kind = kind, position = i, total = n, goal = form.goal.title.as_str());
    let m = MAX_NOTE_CHARS * 4;
    let inputs = match form.kind {
        ReviewKind::Midpoint => vec![
            input(fields::FIRST, &tr!("bot-modal-review-progress"), &form.goal.progress.to_string(), true, 4),
            input(fields::SECOND, &tr!("bot-modal-review-evidence"), "", false, m),
            input(fields::THIRD, &tr!("bot-modal-review-adjustment"), "", false, m),
        ],
        ReviewKind::Final => vec![
            input(fields::FIRST, &tr!("bot-modal-review-achieved"), "", true, 5),
            input(fields::SECOND, &tr!("bot-modal-review-learnings"), "", false, m),
            input(fields::THIRD, &tr!("bot-modal-review-next-steps"), "", false, m),
        ],
    };
    modal(ComponentId::Review(form.kind, form.goal.id), &title, inputs)
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
