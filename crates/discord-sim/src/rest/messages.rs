//! Channel messages: create (with DMs-closed and nonce de-duplication), get, edit, delete; and
//! the helpers that turn request bodies into [`Message`]s and check them against Discord's
//! limits.

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use super::{body::ParsedBody, Answer, Ctx};
use crate::{
    limits::{self, Breach},
    model::{Attachment, Message},
    payloads,
    state::{ChannelKind, Shared, State},
    transcript::{EventKind, TranscriptEvent},
};

/// Message flag: only visible to the interaction's user.
pub(crate) const EPHEMERAL: u64 = 1 << 6;

/// The wire form of a stored message (without `nonce`, as in every answer but a create).
pub(crate) fn to_json(shared: &Shared, m: &Message) -> Value {
    let author = payloads::user(shared.bot_user_id, &shared.bot_name, true);
    payloads::message(m, &author, shared.application_id)
}

/// The create response: the message with its `nonce`.
fn created_json(shared: &Shared, m: &Message) -> Value {
    let mut value = to_json(shared, m);
    if let Some(nonce) = &m.nonce {
        value["nonce"] = json!(nonce);
    }
    value
}

/// Checks a body that creates a message (`prefix` is `data` for callbacks): Discord's limits,
/// then emptiness. A breach is recorded as a `limit` violation.
pub(crate) fn check_new(
    state: &mut State,
    json: &Value,
    body: &ParsedBody,
    prefix: &str,
    what: &str,
) -> Result<(), Answer> {
    check_files(state, body, body.files.len(), what)?;
    let breach = limits::message(json, prefix)
        .err()
        .or_else(|| limits::is_empty_message(json, body.files.len()).then(Breach::empty));
    reject(state, breach, what)
}

/// Discord's attachment limits: at most [`limits::ATTACHMENTS`] files on a message (50035), and
/// uploads of at most the interaction's `attachment_size_limit` in all (413 with 40005).
fn check_files(state: &mut State, body: &ParsedBody, attachments: usize, what: &str) -> Result<(), Answer> {
    if attachments > limits::ATTACHMENTS {
        let breach = Breach::invalid(
            "attachments",
            "BASE_TYPE_MAX_LENGTH",
            &format!("Must be {} or fewer in length.", limits::ATTACHMENTS),
        );
        return reject(state, Some(breach), what);
    }
    let size: usize = body.files.iter().map(|f| f.bytes.len()).sum();
    if size > limits::UPLOAD_BYTES {
        state.violation(
            "limit",
            format!("{what}: {size} bytes of files exceed the upload limit of {}", limits::UPLOAD_BYTES),
        );
        return Err(Answer::error(413, 40005, "Request entity too large"));
    }
    Ok(())
}

/// Checks an edit body against Discord's limits, and that `result` (the edited message) is not
/// empty.
pub(crate) fn check_edit(
    state: &mut State,
    json: &Value,
    body: &ParsedBody,
    result: &Message,
    prefix: &str,
    what: &str,
) -> Result<(), Answer> {
    check_files(state, body, result.attachments.len(), what)?;
    let empty = result.content.is_empty()
        && result.embeds.is_empty()
        && result.attachments.is_empty()
        && result.components.is_empty();
    let breach = limits::message(json, prefix).err().or_else(|| empty.then(Breach::empty));
    reject(state, breach, what)
}

/// Records a breach as a `limit` violation and turns it into Discord's 400 answer.
pub(crate) fn reject(state: &mut State, breach: Option<Breach>, what: &str) -> Result<(), Answer> {
    match breach {
        None => Ok(()),
        Some(breach) => {
            state.violation("limit", format!("{what}: {breach}"));
            Err(Answer::breach(&breach))
        }
    }
}

fn nonce_of(json: &Value) -> Option<String> {
    match &json["nonce"] {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Attachments described by `json["attachments"]` (new ones refer to uploaded `files[id]`),
/// keeping listed `existing` ones; all uploads when the list is absent.
fn attachments(
    state: &mut State,
    now: DateTime<Utc>,
    json: &Value,
    body: &ParsedBody,
    existing: &[Attachment],
) -> Vec<Attachment> {
    let mut out = Vec::new();
    let new_file = |state: &mut State, upload: &super::body::Upload, name: Option<&str>| Attachment {
        id: state.next_id(now),
        filename: name.map_or_else(|| upload.filename.clone(), str::to_owned),
        content_type: upload.content_type.clone(),
        bytes: upload.bytes.clone(),
    };
    if let Some(list) = json["attachments"].as_array() {
        for entry in list {
            let id = match &entry["id"] {
                Value::String(s) => s.parse::<u64>().ok(),
                Value::Number(n) => n.as_u64(),
                _ => None,
            };
            let Some(id) = id else { continue };
            if let Some(upload) = body.files.iter().find(|f| f.index() == Some(id)) {
                let file = new_file(state, upload, entry["filename"].as_str());
                out.push(file);
            } else if let Some(kept) = existing.iter().find(|a| a.id == id) {
                out.push(kept.clone());
            }
        }
    } else {
        out.extend(existing.iter().cloned());
        for upload in &body.files {
            let file = new_file(state, upload, None);
            out.push(file);
        }
    }
    out
}

/// Builds a new message in `channel` from a create-message style body.
pub(crate) fn build(
    state: &mut State,
    now: DateTime<Utc>,
    body: &ParsedBody,
    json: &Value,
    channel_id: u64,
    author_id: u64,
    interaction_id: Option<u64>,
) -> Message {
    let id = state.next_id(now);
    let flags = json["flags"].as_u64().unwrap_or(0);
    let attachments = attachments(state, now, json, body, &[]);
    Message {
        id,
        channel_id,
        guild_id: state.channel_guild(channel_id),
        author_id,
        content: json["content"].as_str().unwrap_or_default().to_owned(),
        embeds: json["embeds"].as_array().cloned().unwrap_or_default(),
        components: json["components"].as_array().cloned().unwrap_or_default(),
        attachments,
        ephemeral: flags & EPHEMERAL != 0,
        nonce: nonce_of(json),
        interaction_id,
        flags,
        timestamp: now,
        edited_timestamp: None,
    }
}

/// Applies an edit body to `message` (only the fields present change).
pub(crate) fn apply_edit(
    state: &mut State,
    now: DateTime<Utc>,
    body: &ParsedBody,
    json: &Value,
    message: &mut Message,
) {
    if let Some(content) = json.get("content") {
        content.as_str().unwrap_or_default().clone_into(&mut message.content);
    }
    if let Some(embeds) = json.get("embeds") {
        message.embeds = embeds.as_array().cloned().unwrap_or_default();
    }
    if let Some(components) = json.get("components") {
        message.components = components.as_array().cloned().unwrap_or_default();
    }
    if json.get("attachments").is_some() || !body.files.is_empty() {
        message.attachments = attachments(state, now, json, body, &message.attachments);
    }
    if let Some(flags) = json["flags"].as_u64() {
        // Only SUPPRESS_EMBEDS may change on edit; ephemerality stays.
        message.flags = (message.flags & EPHEMERAL) | (flags & !EPHEMERAL);
    }
    message.edited_timestamp = Some(now);
}

/// Records a bot output in the transcript: a DM, a channel post, or an interaction reply.
/// `reply_to` names the interaction user when the message is not itself an interaction
/// response (e.g. a component's message updated by callback 7).
pub(crate) fn record_output(
    state: &mut State,
    now: DateTime<Utc>,
    message: &Message,
    edited: bool,
    reply_to: Option<u64>,
) {
    let interaction_user =
        reply_to.or_else(|| message.interaction_id.and_then(|i| state.interactions.get(&i)).map(|i| i.user_id));
    let kind = match (interaction_user, state.channels.get(&message.channel_id)) {
        (Some(user), _) => EventKind::Reply { user, message: message.clone(), edited },
        (None, Some(ChannelKind::Dm { recipient })) => {
            EventKind::Dm { user: *recipient, message: message.clone(), edited }
        }
        (None, _) => EventKind::Post { message: message.clone(), edited },
    };
    state.transcript.push(TranscriptEvent { at: now, kind });
}

/// `POST /channels/{channel}/messages`.
pub(crate) fn create(ctx: &mut Ctx<'_>, channel: u64) -> Answer {
    let json = ctx.json();
    let now = ctx.shared.now();
    let mut state = ctx.shared.lock();
    if state.channel_removed(channel) {
        return Answer::missing_access();
    }
    if let Err(answer) = check_new(&mut state, &json, ctx.body, "", &format!("message to channel {channel}")) {
        return answer;
    }
    match state.channels.get(&channel) {
        None => return Answer::error(404, 10003, "Unknown Channel"),
        Some(ChannelKind::Dm { recipient }) => {
            let recipient = *recipient;
            if state.users.get(&recipient).is_some_and(|u| u.dms_closed) {
                let what = format!("DM to {}", state.user_name(recipient, 0, ""));
                state.transcript.push(TranscriptEvent {
                    at: now,
                    kind: EventKind::Failed { what, code: 50007, message: "Cannot send messages to this user".into() },
                });
                return Answer::error(403, 50007, "Cannot send messages to this user");
            }
        }
        Some(ChannelKind::Guild { .. }) => {}
    }
    let nonce = nonce_of(&json);
    if let (Some(nonce), true) = (&nonce, json["enforce_nonce"].as_bool() == Some(true)) {
        let key = (channel, nonce.clone());
        if let Some((existing, at)) = state.nonces.get(&key) {
            if now.signed_duration_since(*at) < ctx.shared.nonce_window {
                if let Some(m) = state.messages.get(existing) {
                    return Answer::ok(created_json(ctx.shared, m));
                }
            }
        }
    }
    let mut message = build(&mut state, now, ctx.body, &json, channel, ctx.shared.bot_user_id, None);
    message.ephemeral = false;
    if let (Some(nonce), true) = (nonce, json["enforce_nonce"].as_bool() == Some(true)) {
        state.nonces.insert((channel, nonce), (message.id, now));
    }
    ctx.created.push(message.id);
    record_output(&mut state, now, &message, false, None);
    let answer = Answer::ok(created_json(ctx.shared, &message));
    state.insert_message(message);
    answer
}

/// `GET /channels/{channel}/messages/{id}`.
pub(crate) fn get(ctx: &Ctx<'_>, channel: u64, id: u64) -> Answer {
    let state = ctx.shared.lock();
    if !state.channels.contains_key(&channel) {
        return Answer::error(404, 10003, "Unknown Channel");
    }
    if state.channel_removed(channel) {
        return Answer::missing_access();
    }
    match state.messages.get(&id).filter(|m| m.channel_id == channel && !m.ephemeral) {
        Some(m) => Answer::ok(to_json(ctx.shared, m)),
        None => Answer::error(404, 10008, "Unknown Message"),
    }
}

/// `PATCH /channels/{channel}/messages/{id}`.
pub(crate) fn edit(ctx: &Ctx<'_>, channel: u64, id: u64) -> Answer {
    let json = ctx.json();
    let now = ctx.shared.now();
    let mut state = ctx.shared.lock();
    if !state.channels.contains_key(&channel) {
        return Answer::error(404, 10003, "Unknown Channel");
    }
    if state.channel_removed(channel) {
        return Answer::missing_access();
    }
    let Some(mut message) = state.messages.get(&id).filter(|m| m.channel_id == channel && !m.ephemeral).cloned() else {
        return Answer::error(404, 10008, "Unknown Message");
    };
    apply_edit(&mut state, now, ctx.body, &json, &mut message);
    if let Err(answer) = check_edit(&mut state, &json, ctx.body, &message, "", &format!("edit of message {id}")) {
        return answer;
    }
    record_output(&mut state, now, &message, true, None);
    let answer = Answer::ok(to_json(ctx.shared, &message));
    state.messages.insert(id, message);
    answer
}

/// `DELETE /channels/{channel}/messages/{id}`.
pub(crate) fn delete(ctx: &Ctx<'_>, channel: u64, id: u64) -> Answer {
    let mut state = ctx.shared.lock();
    if state.channel_removed(channel) {
        return Answer::missing_access();
    }
    if state.messages.get(&id).is_some_and(|m| m.channel_id == channel) {
        state.delete_message(id);
        Answer::no_content()
    } else {
        Answer::error(404, 10008, "Unknown Message")
    }
}
