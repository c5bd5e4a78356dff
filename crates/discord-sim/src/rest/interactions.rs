//! Interaction callbacks and interaction webhooks (`@original`, followups), with Discord's
//! 3-second deadline and 15-minute token lifetime.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::{messages, Answer, Ctx};
use crate::{
    limits,
    model::{Modal, ModalField},
    state::{InteractionKind, InteractionRecord, State},
    transcript::{EventKind, TranscriptEvent},
};

/// Discord's deadline for the initial interaction response (real time).
pub(crate) const CALLBACK_DEADLINE: Duration = Duration::from_secs(3);

/// How long an interaction token works for webhooks (the later of real and sim-clock time).
const TOKEN_LIFETIME: Duration = Duration::from_mins(15);

fn modal_from(record: &InteractionRecord, data: &Value) -> Modal {
    let fields = data["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .map(|c| ModalField {
            custom_id: c["custom_id"].as_str().unwrap_or_default().to_owned(),
            label: c["label"].as_str().unwrap_or_default().to_owned(),
            style: c["style"].as_u64().unwrap_or(1),
            value: c["value"].as_str().map(str::to_owned),
            required: c["required"].as_bool().unwrap_or(true),
            min_length: c["min_length"].as_u64(),
            max_length: c["max_length"].as_u64(),
            placeholder: c["placeholder"].as_str().map(str::to_owned),
        })
        .collect();
    Modal {
        interaction_id: record.id,
        user_id: record.user_id,
        custom_id: data["custom_id"].as_str().unwrap_or_default().to_owned(),
        title: data["title"].as_str().unwrap_or_default().to_owned(),
        fields,
    }
}

fn choice_value(v: &Value) -> String {
    v.as_str().map_or_else(|| v.to_string(), str::to_owned)
}

/// `POST /interactions/{id}/{token}/callback`.
pub(crate) fn callback(ctx: &mut Ctx<'_>, interaction: u64, token: &str) -> Answer {
    let json = ctx.json();
    let kind = json["type"].as_u64().unwrap_or(0);
    let data = json.get("data").cloned().unwrap_or_else(|| json!({}));
    let now = ctx.shared.now();
    let bot = ctx.shared.bot_user_id;
    let mut state = ctx.shared.lock();
    let Some(record) = state.interactions.get(&interaction).filter(|r| r.token == token).cloned() else {
        return Answer::error(404, 10062, "Unknown interaction");
    };
    if record.callback.is_some() {
        state.violation("double-response", format!("interaction {interaction} answered twice (type {kind})"));
        return Answer::error(400, 40060, "Interaction has already been acknowledged.");
    }
    let waited = record.sent_at.elapsed();
    if waited > CALLBACK_DEADLINE {
        state.violation(
            "late-callback",
            format!("interaction {interaction} answered after {waited:?}; Discord answers 10062 and the user sees \"This interaction failed\""),
        );
        if let Some(r) = state.interactions.get_mut(&interaction) {
            r.failed = true;
        }
        return Answer::error(404, 10062, "Unknown interaction");
    }
    let what = format!("callback type {kind} for interaction {interaction}");
    let breach = match kind {
        8 => limits::choices(&data).err(),
        9 => limits::modal(&data).err(),
        _ => None,
    };
    if let Err(answer) = messages::reject(&mut state, breach, &what) {
        return answer;
    }
    if kind == 4 {
        if let Err(answer) = messages::check_new(&mut state, &data, ctx.body, "data", &what) {
            return answer;
        }
    }
    let component_message = match record.kind {
        InteractionKind::Component { message_id } | InteractionKind::ModalSubmit { message_id: Some(message_id) } => {
            Some(message_id)
        }
        _ => None,
    };
    let mut update = record.clone();
    update.callback = Some((kind, Instant::now()));
    match (kind, component_message) {
        (4, _) => {
            let message = messages::build(&mut state, now, ctx.body, &data, record.channel_id, bot, Some(interaction));
            update.original = Some(message.id);
            ctx.created.push(message.id);
            state.interactions.insert(interaction, update);
            messages::record_output(&mut state, now, &message, false, None);
            state.insert_message(message);
            return Answer::no_content();
        }
        (5, _) => {
            update.deferred_ephemeral = data["flags"].as_u64().unwrap_or(0) & messages::EPHEMERAL != 0;
        }
        (6, Some(message_id)) => update.original = Some(message_id),
        (7, Some(message_id)) => {
            update.original = Some(message_id);
            update.original_edits += 1;
            let Some(mut message) = state.messages.get(&message_id).cloned() else {
                return Answer::error(404, 10008, "Unknown Message");
            };
            messages::apply_edit(&mut state, now, ctx.body, &data, &mut message);
            if let Err(answer) = messages::check_edit(&mut state, &data, ctx.body, &message, "data", &what) {
                return answer;
            }
            messages::record_output(&mut state, now, &message, true, Some(record.user_id));
            state.messages.insert(message_id, message);
        }
        (8, _) if record.kind == InteractionKind::Autocomplete => {
            update.choices = Some(
                data["choices"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|c| (c["name"].as_str().unwrap_or_default().to_owned(), choice_value(&c["value"])))
                    .collect(),
            );
        }
        (9, _) if !matches!(record.kind, InteractionKind::ModalSubmit { .. }) => {
            let modal = modal_from(&record, &data);
            state.transcript.push(TranscriptEvent {
                at: now,
                kind: EventKind::ModalShown { user: record.user_id, modal: modal.clone() },
            });
            update.modal = Some(modal);
        }
        _ => {
            state.violation("bad-callback", format!("callback type {kind} is not valid for {:?}", record.kind));
            return Answer::error(400, 50035, "Invalid Form Body");
        }
    }
    state.interactions.insert(interaction, update);
    Answer::no_content()
}

fn by_token<'s>(state: &'s mut State, token: &str) -> Option<&'s mut InteractionRecord> {
    state.interaction_by_token(token)
}

/// The interaction behind a webhook token: 404 `10015` when unknown, 401 `50027` (and an
/// `expired-token` violation) once the token is older than 15 minutes by the real or the sim
/// clock, whichever says later.
fn webhook(ctx: &Ctx<'_>, state: &mut State, token: &str) -> Result<InteractionRecord, Answer> {
    let Some(record) = by_token(state, token).cloned() else {
        return Err(Answer::error(404, 10015, "Unknown Webhook"));
    };
    let sim_age = (ctx.shared.now() - record.sent_sim).to_std().unwrap_or_default();
    let age = record.sent_at.elapsed().max(sim_age);
    if age > TOKEN_LIFETIME {
        state.violation(
            "expired-token",
            format!("interaction {} token used {}s after the interaction (limit 15 min)", record.id, age.as_secs()),
        );
        return Err(Answer::error(401, 50027, "Invalid Webhook Token"));
    }
    Ok(record)
}

/// `GET /webhooks/{app}/{token}/messages/@original`.
pub(crate) fn get_original(ctx: &Ctx<'_>, token: &str) -> Answer {
    let mut state = ctx.shared.lock();
    let original = match webhook(ctx, &mut state, token) {
        Ok(record) => record.original,
        Err(answer) => return answer,
    };
    match original.and_then(|id| state.messages.get(&id)) {
        Some(m) => Answer::ok(messages::to_json(ctx.shared, m)),
        None => Answer::error(404, 10008, "Unknown Message"),
    }
}

/// `PATCH /webhooks/{app}/{token}/messages/@original`: edits the response, or creates it after
/// a deferred (type 5) callback.
pub(crate) fn edit_original(ctx: &mut Ctx<'_>, token: &str) -> Answer {
    let json = ctx.json();
    let now = ctx.shared.now();
    let bot = ctx.shared.bot_user_id;
    let mut state = ctx.shared.lock();
    let record = match webhook(ctx, &mut state, token) {
        Ok(record) => record,
        Err(answer) => return answer,
    };
    let what = format!("edit of @original of interaction {}", record.id);
    let message = if let Some(id) = record.original {
        let Some(mut message) = state.messages.get(&id).cloned() else {
            return Answer::error(404, 10008, "Unknown Message");
        };
        messages::apply_edit(&mut state, now, ctx.body, &json, &mut message);
        if let Err(answer) = messages::check_edit(&mut state, &json, ctx.body, &message, "", &what) {
            return answer;
        }
        let reply_to = (message.interaction_id != Some(record.id)).then_some(record.user_id);
        messages::record_output(&mut state, now, &message, true, reply_to);
        state.messages.insert(id, message.clone());
        message
    } else if record.callback.is_some_and(|(kind, _)| kind == 5) {
        if let Err(answer) = messages::check_new(&mut state, &json, ctx.body, "", &what) {
            return answer;
        }
        let mut message = messages::build(&mut state, now, ctx.body, &json, record.channel_id, bot, Some(record.id));
        message.ephemeral = record.deferred_ephemeral;
        message.flags |= if record.deferred_ephemeral { messages::EPHEMERAL } else { 0 };
        ctx.created.push(message.id);
        messages::record_output(&mut state, now, &message, false, None);
        state.insert_message(message.clone());
        message
    } else {
        state.violation(
            "edit-before-callback",
            format!("@original of interaction {} edited before a response", record.id),
        );
        return Answer::error(404, 10008, "Unknown Message");
    };
    if let Some(r) = state.interactions.get_mut(&record.id) {
        r.original = Some(message.id);
        r.original_edits += 1;
    }
    Answer::ok(messages::to_json(ctx.shared, &message))
}

/// `DELETE /webhooks/{app}/{token}/messages/@original`.
pub(crate) fn delete_original(ctx: &Ctx<'_>, token: &str) -> Answer {
    let mut state = ctx.shared.lock();
    let original = match webhook(ctx, &mut state, token) {
        Ok(record) => record.original,
        Err(answer) => return answer,
    };
    match original.and_then(|id| state.delete_message(id)) {
        Some(_) => Answer::no_content(),
        None => Answer::error(404, 10008, "Unknown Message"),
    }
}

/// `POST /webhooks/{app}/{token}`: a followup message.
pub(crate) fn followup(ctx: &mut Ctx<'_>, token: &str) -> Answer {
    let json = ctx.json();
    let now = ctx.shared.now();
    let bot = ctx.shared.bot_user_id;
    let mut state = ctx.shared.lock();
    let record = match webhook(ctx, &mut state, token) {
        Ok(record) => record,
        Err(answer) => return answer,
    };
    if record.callback.is_none() {
        state
            .violation("followup-before-callback", format!("followup for interaction {} before a response", record.id));
        return Answer::error(404, 10015, "Unknown Webhook");
    }
    let what = format!("followup of interaction {}", record.id);
    if let Err(answer) = messages::check_new(&mut state, &json, ctx.body, "", &what) {
        return answer;
    }
    let mut message = messages::build(&mut state, now, ctx.body, &json, record.channel_id, bot, Some(record.id));
    // Like Discord, the first followup after a deferred (type 5) response replaces the
    // "thinking" message: it becomes `@original`, with the deferral's ephemerality.
    let completes_deferral = record.callback.is_some_and(|(k, _)| k == 5) && record.original.is_none();
    if completes_deferral {
        message.ephemeral = record.deferred_ephemeral;
        message.flags =
            (message.flags & !messages::EPHEMERAL) | if record.deferred_ephemeral { messages::EPHEMERAL } else { 0 };
    }
    ctx.created.push(message.id);
    messages::record_output(&mut state, now, &message, false, None);
    if let Some(r) = state.interactions.get_mut(&record.id) {
        if completes_deferral {
            r.original = Some(message.id);
            r.original_edits += 1;
        } else {
            r.followups.push(message.id);
        }
    }
    let answer = Answer::ok(messages::to_json(ctx.shared, &message));
    state.insert_message(message);
    answer
}

fn owned_message(state: &mut State, token: &str, id: u64) -> Option<u64> {
    let record = by_token(state, token)?;
    (record.followups.contains(&id) || record.original == Some(id)).then_some(id)
}

/// `GET /webhooks/{app}/{token}/messages/{id}`.
pub(crate) fn get_followup(ctx: &Ctx<'_>, token: &str, id: u64) -> Answer {
    let mut state = ctx.shared.lock();
    if let Err(answer) = webhook(ctx, &mut state, token) {
        return answer;
    }
    match owned_message(&mut state, token, id).and_then(|id| state.messages.get(&id)) {
        Some(m) => Answer::ok(messages::to_json(ctx.shared, m)),
        None => Answer::error(404, 10008, "Unknown Message"),
    }
}

/// `PATCH /webhooks/{app}/{token}/messages/{id}`.
pub(crate) fn edit_followup(ctx: &Ctx<'_>, token: &str, id: u64) -> Answer {
    let json = ctx.json();
    let now = ctx.shared.now();
    let mut state = ctx.shared.lock();
    if let Err(answer) = webhook(ctx, &mut state, token) {
        return answer;
    }
    let Some(mut message) = owned_message(&mut state, token, id).and_then(|id| state.messages.get(&id)).cloned() else {
        return Answer::error(404, 10008, "Unknown Message");
    };
    messages::apply_edit(&mut state, now, ctx.body, &json, &mut message);
    if let Err(answer) =
        messages::check_edit(&mut state, &json, ctx.body, &message, "", &format!("edit of followup {id}"))
    {
        return answer;
    }
    messages::record_output(&mut state, now, &message, true, None);
    state.messages.insert(id, message.clone());
    Answer::ok(messages::to_json(ctx.shared, &message))
}

/// `DELETE /webhooks/{app}/{token}/messages/{id}`.
pub(crate) fn delete_followup(ctx: &Ctx<'_>, token: &str, id: u64) -> Answer {
    let mut state = ctx.shared.lock();
    if let Err(answer) = webhook(ctx, &mut state, token) {
        return answer;
    }
    match owned_message(&mut state, token, id).and_then(|id| state.delete_message(id)) {
        Some(_) => Answer::no_content(),
        None => Answer::error(404, 10008, "Unknown Message"),
    }
}
