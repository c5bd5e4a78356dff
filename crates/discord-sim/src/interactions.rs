//! Interaction payloads sent over the gateway, and resolving the bot's answer into a [`Reply`].

use std::time::{Duration, Instant};

use anyhow::{anyhow, Context as _};
use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use crate::{
    model::{Reply, ReplyKind},
    payloads,
    rest::CALLBACK_DEADLINE,
    state::{ChannelKind, InteractionKind, InteractionRecord, Shared, State, Target},
};

/// serenity requires `attachment_size_limit`; Discord's default upload limit.
const ATTACHMENT_SIZE_LIMIT: u64 = crate::limits::UPLOAD_BYTES as u64;

/// Where an interaction happens.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Place {
    pub(crate) user: u64,
    pub(crate) channel: u64,
    pub(crate) guild: Option<u64>,
}

/// Builds the full interaction object.
fn payload(
    shared: &Shared,
    state: &State,
    now: DateTime<Utc>,
    record: &InteractionRecord,
    kind: u64,
    data: Value,
) -> anyhow::Result<Value> {
    let user = state.users.get(&record.user_id).context("test error: unknown user")?;
    let mut value = json!({
        "id": record.id.to_string(),
        "application_id": shared.application_id.to_string(),
        "type": kind,
        "channel_id": record.channel_id.to_string(),
        "token": record.token,
        "version": 1,
        "locale": user.locale,
        "entitlements": [],
        "attachment_size_limit": ATTACHMENT_SIZE_LIMIT,
    });
    value["data"] = data;
    let channel = payloads::channel(state, record.channel_id).context("test error: unknown channel")?;
    if let Some(g) = record.guild_id {
        let guild = state.guild(g).context("test error: unknown guild")?;
        let perms = user
            .permissions_in(guild)
            .with_context(|| format!("test error: {} is not a member of {}", user.name, guild.name))?;
        value["guild_id"] = json!(g.to_string());
        value["guild_locale"] = json!(guild.locale);
        value["member"] = payloads::member(guild, user, now, true, Some(perms));
        value["app_permissions"] = json!(crate::spec::EVERYONE_PERMISSIONS.to_string());
        value["authorizing_integration_owners"] = json!({"0": g.to_string()});
        value["context"] = json!(0);
        value["channel"] = json!({
            "id": record.channel_id.to_string(),
            "type": 0,
            "name": channel["name"],
            "guild_id": g.to_string(),
            "permissions": perms.to_string(),
        });
    } else {
        value["user"] = payloads::human(user);
        value["app_permissions"] = json!(crate::spec::EVERYONE_PERMISSIONS.to_string());
        value["authorizing_integration_owners"] = json!({"0": "0"});
        value["context"] = json!(1);
        value["channel"] = json!({"id": record.channel_id.to_string(), "type": 1});
    }
    Ok(value)
}

/// Registers an interaction and sends `INTERACTION_CREATE`; returns its id.
pub(crate) fn send(
    shared: &Shared,
    place: Place,
    kind: InteractionKind,
    data: Value,
    message: Option<Value>,
    transcript: Option<crate::transcript::EventKind>,
) -> anyhow::Result<u64> {
    let now = shared.now();
    let kind_num = match kind {
        InteractionKind::Command => 2,
        InteractionKind::Component { .. } => 3,
        InteractionKind::Autocomplete => 4,
        InteractionKind::ModalSubmit { .. } => 5,
    };
    let (id, value) = {
        let mut state = shared.lock();
        let id = state.next_id(now);
        let record = InteractionRecord {
            id,
            token: format!("sim-token-{id}"),
            kind,
            user_id: place.user,
            channel_id: place.channel,
            guild_id: place.guild,
            sent_at: Instant::now(),
            sent_sim: now,
            failed: false,
            callback: None,
            original: None,
            deferred_ephemeral: false,
            original_edits: 0,
            followups: Vec::new(),
            modal: None,
            modal_submitted: false,
            choices: None,
            shards: Vec::new(),
        };
        let mut value = payload(shared, &state, now, &record, kind_num, data)?;
        if let Some(message) = message {
            value["message"] = message;
        }
        state.interactions.insert(id, record);
        if let Some(event) = transcript {
            state.transcript.push(crate::transcript::TranscriptEvent { at: now, kind: event });
        }
        (id, value)
    };
    // A guild's interaction goes to the shard owning the guild; one in a DM to shard 0.
    let target = place.guild.map_or(Target::Direct, Target::Guild);
    match shared.dispatch(&target, "INTERACTION_CREATE", value) {
        Ok(shards) => {
            if let Some(record) = shared.lock().interactions.get_mut(&id) {
                record.shards = shards;
            }
            Ok(id)
        }
        Err(e) => {
            shared.lock().interactions.remove(&id);
            Err(e.context("the sim built an interaction serenity cannot read"))
        }
    }
}

fn resolve(state: &State, record: &InteractionRecord) -> Option<ReplyKind> {
    let (kind, _) = record.callback?;
    let original = || record.original.and_then(|id| state.messages.get(&id)).cloned();
    match kind {
        4 => original().map(ReplyKind::Message),
        5 if record.original_edits > 0 => original().map(ReplyKind::Message),
        6 if record.original_edits > 0 => original().map(ReplyKind::Updated),
        // Deferred as an update, then answered with a followup only: that is what the user sees.
        6 => record.followups.first().and_then(|id| state.messages.get(id)).cloned().map(ReplyKind::Message),
        7 => original().map(ReplyKind::Updated),
        8 => record.choices.clone().map(ReplyKind::Choices),
        9 => record.modal.clone().map(ReplyKind::Modal),
        _ => None,
    }
}

/// Waits for the bot's answer to interaction `id`. A callback rejected as too late fails with
/// "This interaction failed", what the user sees.
pub(crate) async fn wait_reply(shared: &Shared, id: u64, timeout: Duration, what: &str) -> anyhow::Result<Reply> {
    let reply = shared
        .wait_until(timeout, |state| {
            let record = state.interactions.get(&id)?;
            if record.failed {
                return Some(Err(anyhow!(
                    "This interaction failed: the bot answered {what} (interaction {id}) after Discord's 3 s \
                     deadline and got 10062 Unknown interaction"
                )));
            }
            let kind = resolve(state, record)?;
            let followups = record.followups.iter().filter_map(|m| state.messages.get(m)).cloned().collect();
            Some(Ok(Reply { interaction_id: id, kind, followups }))
        })
        .await;
    reply.unwrap_or_else(|| {
        let state = shared.lock();
        let record = state.interactions.get(&id);
        let callback = record.and_then(|r| r.callback).map(|(k, _)| k);
        let failed = if record.is_some_and(|r| r.callback.is_none() && r.sent_at.elapsed() > CALLBACK_DEADLINE) {
            "This interaction failed (no answer within 3 s); "
        } else {
            ""
        };
        let violations: Vec<String> = state.violations.iter().map(ToString::to_string).collect();
        Err(anyhow!(
            "{failed}the bot did not answer {what} (interaction {id}) within {timeout:?}; callback type so far: \
             {callback:?}; violations: {violations:?}"
        ))
    })
}

/// The DM channel with `user`, opened if needed.
pub(crate) fn dm_channel(shared: &Shared, user: u64) -> u64 {
    let now = shared.now();
    let mut state = shared.lock();
    if let Some(c) = state.dm_by_user.get(&user) {
        return *c;
    }
    let id = state.next_id(now);
    state.dm_by_user.insert(user, id);
    state.channels.insert(id, ChannelKind::Dm { recipient: user });
    id
}
