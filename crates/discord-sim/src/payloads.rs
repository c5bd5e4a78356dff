//! JSON payloads shaped like Discord's (users, members, guilds, channels, messages, READY).
//!
//! Every gateway payload built here is checked against serenity's model before it is sent
//! (see [`crate::gateway::check_event`]), and REST responses against the OpenAPI document when
//! the `openapi` feature is on.

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{json, Value};

use crate::{
    model::Message,
    spec::{GuildSpec, UserSpec, EVERYONE_PERMISSIONS},
    state::{ChannelKind, State},
};

/// RFC 3339 timestamp with milliseconds, as Discord sends them.
pub(crate) fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, false)
}

/// A user object.
pub(crate) fn user(id: u64, name: &str, bot: bool) -> Value {
    json!({
        "id": id.to_string(),
        "username": name,
        "discriminator": "0",
        "global_name": if bot { Value::Null } else { json!(name) },
        "avatar": null,
        "bot": bot,
        "system": false,
        "public_flags": 0,
        "flags": 0,
        "primary_guild": null,
    })
}

/// The user object of a simulated human.
pub(crate) fn human(u: &UserSpec) -> Value {
    user(u.id, &u.name, false)
}

/// A guild member; `with_user` embeds the user, `permissions` is added for interactions.
pub(crate) fn member(
    guild: &GuildSpec,
    u: &UserSpec,
    joined: DateTime<Utc>,
    with_user: bool,
    permissions: Option<u64>,
) -> Value {
    let membership = u.membership(guild);
    let mut roles: Vec<String> = Vec::new();
    if let Some(m) = &membership {
        if m.admin {
            roles.push(guild.admin_role.id.to_string());
        }
        roles.extend(m.roles.iter().map(u64::to_string));
    }
    let mut value = json!({
        "nick": null,
        "avatar": null,
        "banner": null,
        "roles": roles,
        "joined_at": ts(joined),
        "premium_since": null,
        "deaf": false,
        "mute": false,
        "flags": 0,
        "pending": false,
        "communication_disabled_until": null,
    });
    if with_user {
        value["user"] = human(u);
    }
    if let Some(p) = permissions {
        value["permissions"] = json!(p.to_string());
    }
    value
}

/// A role object.
pub(crate) fn role(id: u64, name: &str, permissions: u64, position: usize) -> Value {
    json!({
        "id": id.to_string(),
        "name": name,
        "color": 0,
        "colors": {"primary_color": 0, "secondary_color": null, "tertiary_color": null},
        "hoist": false,
        "icon": null,
        "unicode_emoji": null,
        "position": position,
        "permissions": permissions.to_string(),
        "managed": false,
        "mentionable": false,
        "flags": 0,
    })
}

/// All roles of a guild, `@everyone` first.
pub(crate) fn guild_roles(guild: &GuildSpec) -> Vec<Value> {
    let mut roles = vec![role(guild.id, "@everyone", EVERYONE_PERMISSIONS, 0)];
    roles.push(role(guild.admin_role.id, &guild.admin_role.name, guild.admin_role.permissions, 1));
    for (i, r) in guild.roles.iter().enumerate() {
        roles.push(role(r.id, &r.name, r.permissions, i + 2));
    }
    roles
}

/// A guild text channel.
pub(crate) fn guild_channel(id: u64, guild_id: u64, name: &str, position: usize) -> Value {
    json!({
        "id": id.to_string(),
        "type": 0,
        "guild_id": guild_id.to_string(),
        "name": name,
        "position": position,
        "permission_overwrites": [],
        "nsfw": false,
        "topic": null,
        "last_message_id": null,
        "rate_limit_per_user": 0,
        "parent_id": null,
        "flags": 0,
    })
}

/// A DM channel with `recipient`.
pub(crate) fn dm_channel(id: u64, recipient: &Value) -> Value {
    json!({
        "id": id.to_string(),
        "type": 1,
        "last_message_id": null,
        "flags": 0,
        "recipients": [recipient],
    })
}

/// Any known channel, as `GET /channels/{id}` returns it.
pub(crate) fn channel(state: &State, id: u64) -> Option<Value> {
    match state.channels.get(&id)? {
        ChannelKind::Guild { guild_id, name } => {
            let position = state.guild(*guild_id).and_then(|g| g.channels.iter().position(|c| c.id == id)).unwrap_or(0);
            Some(guild_channel(id, *guild_id, name, position))
        }
        ChannelKind::Dm { recipient } => {
            let u = state.users.get(recipient)?;
            Some(dm_channel(id, &human(u)))
        }
    }
}

/// The `GUILD_CREATE` payload for a guild.
pub(crate) fn guild_create(state: &State, guild: &GuildSpec, bot: &Value, now: DateTime<Utc>) -> Value {
    let mut members: Vec<Value> = state
        .users
        .values()
        .filter(|u| u.membership(guild).is_some())
        .map(|u| member(guild, u, now, true, None))
        .collect();
    members.push(json!({
        "user": bot,
        "nick": null,
        "avatar": null,
        "roles": [],
        "joined_at": ts(now),
        "premium_since": null,
        "deaf": false,
        "mute": false,
        "flags": 0,
        "pending": false,
    }));
    let channels: Vec<Value> =
        guild.channels.iter().enumerate().map(|(i, c)| guild_channel(c.id, guild.id, &c.name, i)).collect();
    json!({
        "id": guild.id.to_string(),
        "name": guild.name,
        "icon": null,
        "icon_hash": null,
        "splash": null,
        "discovery_splash": null,
        "owner_id": guild.id.to_string(),
        "afk_channel_id": null,
        "afk_timeout": 300,
        "widget_enabled": false,
        "widget_channel_id": null,
        "verification_level": 0,
        "default_message_notifications": 0,
        "explicit_content_filter": 0,
        "roles": guild_roles(guild),
        "emojis": [],
        "features": [],
        "mfa_level": 0,
        "application_id": null,
        "system_channel_id": null,
        "system_channel_flags": 0,
        "rules_channel_id": null,
        "max_presences": null,
        "max_members": 500_000,
        "vanity_url_code": null,
        "description": null,
        "banner": null,
        "premium_tier": 0,
        "premium_subscription_count": 0,
        "preferred_locale": guild.locale,
        "public_updates_channel_id": null,
        "max_video_channel_users": 25,
        "max_stage_video_channel_users": 50,
        "nsfw_level": 0,
        "stickers": [],
        "premium_progress_bar_enabled": false,
        "safety_alerts_channel_id": null,
        "incidents_data": null,
        "joined_at": ts(now),
        "large": false,
        "unavailable": false,
        "member_count": members.len(),
        "voice_states": [],
        "members": members,
        "channels": channels,
        "threads": [],
        "presences": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
    })
}

/// The `READY` payload.
pub(crate) fn ready(
    bot: &Value,
    guild_ids: &[u64],
    session_id: &str,
    resume_url: &str,
    application_id: u64,
    shard: (u32, u32),
) -> Value {
    let guilds: Vec<Value> = guild_ids.iter().map(|id| json!({"id": id.to_string(), "unavailable": true})).collect();
    let mut user = bot.clone();
    user["verified"] = json!(true);
    user["mfa_enabled"] = json!(false);
    json!({
        "v": 10,
        "user": user,
        "guilds": guilds,
        "session_id": session_id,
        "resume_gateway_url": resume_url,
        "shard": [shard.0, shard.1],
        "application": {"id": application_id.to_string(), "flags": 0},
        "private_channels": [],
        "relationships": [],
        "presences": [],
        "guild_join_requests": [],
        "geo_ordered_rtc_regions": [],
        "user_settings": {},
    })
}

/// What Discord makes of an embed's image or thumbnail: unknown fields are left out (never
/// `null`), and an `attachment://name` URL becomes the attachment's CDN URL with the picture's
/// size (read from a PNG's header).
fn resolve_media(media: &mut Value, m: &Message) {
    let Some(obj) = media.as_object_mut() else { return };
    obj.retain(|_, v| !v.is_null());
    let Some(name) = obj.get("url").and_then(Value::as_str).and_then(|u| u.strip_prefix("attachment://")) else {
        return;
    };
    let Some(a) = m.attachments.iter().find(|a| a.filename == name) else { return };
    let url = format!("https://cdn.discordapp.com/attachments/{}/{}/{}", m.channel_id, a.id, a.filename);
    obj.insert("url".into(), json!(url));
    obj.insert("proxy_url".into(), json!(url));
    if a.bytes.len() >= 24 && a.bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        let dim = |at: usize| u32::from_be_bytes([a.bytes[at], a.bytes[at + 1], a.bytes[at + 2], a.bytes[at + 3]]);
        obj.insert("width".into(), json!(dim(16)));
        obj.insert("height".into(), json!(dim(20)));
    }
}

/// A message object (without `nonce`: Discord only echoes it in the create response).
pub(crate) fn message(m: &Message, author: &Value, application_id: u64) -> Value {
    let attachments: Vec<Value> = m
        .attachments
        .iter()
        .map(|a| {
            let url = format!("https://cdn.discordapp.com/attachments/{}/{}/{}", m.channel_id, a.id, a.filename);
            json!({
                "id": a.id.to_string(),
                "filename": a.filename,
                "size": a.bytes.len(),
                "url": url,
                "proxy_url": url,
                "content_type": a.content_type,
            })
        })
        .collect();
    let embeds: Vec<Value> = m
        .embeds
        .iter()
        .map(|e| {
            let mut e = e.clone();
            if e.get("type").is_none() {
                e["type"] = json!("rich");
            }
            for key in ["image", "thumbnail"] {
                if let Some(media) = e.get_mut(key) {
                    resolve_media(media, m);
                }
            }
            e
        })
        .collect();
    let mut value = json!({
        "id": m.id.to_string(),
        "channel_id": m.channel_id.to_string(),
        "author": author,
        "content": m.content,
        "timestamp": ts(m.timestamp),
        "edited_timestamp": m.edited_timestamp.map(ts),
        "tts": false,
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": attachments,
        "embeds": embeds,
        "components": number_components(&m.components),
        "pinned": false,
        "type": 0,
        "flags": m.flags,
    });
    if let Some(g) = m.guild_id {
        value["guild_id"] = json!(g.to_string());
    }
    if m.interaction_id.is_some() {
        value["webhook_id"] = json!(application_id.to_string());
        value["application_id"] = json!(application_id.to_string());
    }
    value
}

/// Discord's JSON error body.
pub(crate) fn error(code: u64, message: &str) -> Value {
    json!({"code": code, "message": message})
}

/// Components as Discord returns them: every component carries a numeric `id` (assigned in
/// document order when the bot did not set one).
pub(crate) fn number_components(components: &[Value]) -> Vec<Value> {
    fn walk(value: &mut Value, next: &mut u64) {
        if let Some(object) = value.as_object_mut() {
            if object.contains_key("type") {
                if object.get("id").is_none_or(Value::is_null) {
                    object.insert("id".to_owned(), json!(*next));
                }
                *next += 1;
            }
            if let Some(children) = object.get_mut("components").and_then(Value::as_array_mut) {
                for child in children {
                    walk(child, next);
                }
            }
        }
    }
    let mut next = 1;
    let mut out = components.to_vec();
    for c in &mut out {
        walk(c, &mut next);
    }
    out
}

/// Removes `null` members recursively (Discord does not echo them in command objects).
pub(crate) fn strip_nulls(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|_, v| !v.is_null());
            map.values_mut().for_each(strip_nulls);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_nulls),
        _ => {}
    }
}
