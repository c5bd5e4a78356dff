//! Gateway discovery, application info, users, DM channels, channels and guild members.

use serde_json::{json, Value};

use super::{Answer, Ctx};
use crate::{
    payloads,
    state::{ChannelKind, Shared},
};

/// Guilds per shard Discord recommends when it answers `shards`.
const GUILDS_PER_SHARD: usize = 1000;

/// `GET /gateway` and `GET /gateway/bot` (with the recommended shard count: one per 1000 guilds,
/// at least one, and the session start limit with `max_concurrency` 1).
pub(crate) fn gateway(ctx: &Ctx<'_>, bot: bool) -> Answer {
    let url = ctx.shared.gateway_url.clone();
    if bot {
        let guilds = ctx.shared.lock().guilds.len();
        Answer::ok(json!({
            "url": url,
            "shards": guilds.div_ceil(GUILDS_PER_SHARD).max(1),
            "session_start_limit": {
                "total": 1000, "remaining": 999, "reset_after": 14_400_000, "max_concurrency": 1
            },
        }))
    } else {
        Answer::ok(json!({ "url": url }))
    }
}

/// The bot's user object.
pub(crate) fn bot_user(shared: &Shared) -> Value {
    let mut user = payloads::user(shared.bot_user_id, &shared.bot_name, true);
    user["verified"] = json!(true);
    user["mfa_enabled"] = json!(false);
    user
}

/// `GET /oauth2/applications/@me`.
pub(crate) fn application_info(ctx: &Ctx<'_>) -> Answer {
    let shared = ctx.shared;
    let owner = payloads::user(shared.owner_id, "owner", false);
    Answer::ok(json!({
        "id": shared.application_id.to_string(),
        "name": shared.bot_name,
        "icon": null,
        "description": "",
        "rpc_origins": [],
        "bot_public": false,
        "bot_require_code_grant": false,
        "bot": payloads::user(shared.bot_user_id, &shared.bot_name, true),
        "owner": owner,
        "summary": "",
        "verify_key": "0000000000000000000000000000000000000000000000000000000000000000",
        "team": null,
        "type": null,
        "flags": 0,
        "flags_new": "0",
        "approximate_user_install_count": 0,
        "approximate_user_authorization_count": 0,
        "explicit_content_filter": 0,
        "eligible_oauth2_scopes": [],
        "role_connections_verification_url": null,
        "approximate_guild_count": 1,
        "redirect_uris": [],
        "interactions_endpoint_url": null,
    }))
}

/// `GET /users/{id}`.
pub(crate) fn get_user(ctx: &Ctx<'_>, user: u64) -> Answer {
    if user == ctx.shared.bot_user_id {
        return Answer::ok(payloads::user(user, &ctx.shared.bot_name, true));
    }
    match ctx.shared.lock().users.get(&user) {
        Some(u) => Answer::ok(payloads::human(u)),
        None => Answer::error(404, 10013, "Unknown User"),
    }
}

/// `POST /users/@me/channels` with `{recipient_id}`: opens (or returns) the DM channel. Works
/// even for users with DMs closed, like Discord.
pub(crate) fn create_dm(ctx: &Ctx<'_>) -> Answer {
    let body = ctx.json();
    let recipient = match &body["recipient_id"] {
        Value::String(s) => s.parse::<u64>().ok(),
        Value::Number(n) => n.as_u64(),
        _ => None,
    };
    let Some(recipient) = recipient else {
        return Answer::error(400, 50035, "Invalid Form Body");
    };
    let now = ctx.shared.now();
    let mut state = ctx.shared.lock();
    let Some(user) = state.users.get(&recipient).cloned() else {
        return Answer::error(404, 10013, "Unknown User");
    };
    let channel = if let Some(c) = state.dm_by_user.get(&recipient) {
        *c
    } else {
        let id = state.next_id(now);
        state.dm_by_user.insert(recipient, id);
        state.channels.insert(id, ChannelKind::Dm { recipient });
        id
    };
    Answer::ok(payloads::dm_channel(channel, &payloads::human(&user)))
}

/// `GET /channels/{id}`.
pub(crate) fn get_channel(ctx: &Ctx<'_>, channel: u64) -> Answer {
    let state = ctx.shared.lock();
    if state.channel_removed(channel) {
        return Answer::missing_access();
    }
    match payloads::channel(&state, channel) {
        Some(c) => Answer::ok(c),
        None => Answer::error(404, 10003, "Unknown Channel"),
    }
}

/// `GET /guilds/{guild}/members/{user}`.
pub(crate) fn get_member(ctx: &Ctx<'_>, guild: u64, user: u64) -> Answer {
    let now = ctx.shared.now();
    let state = ctx.shared.lock();
    let Some(g) = state.guild(guild) else {
        return Answer::error(404, 10004, "Unknown Guild");
    };
    if state.controls.removed_guilds.contains(&guild) {
        return Answer::missing_access();
    }
    match state.users.get(&user) {
        Some(u) if u.membership(g).is_some() => Answer::ok(payloads::member(g, u, now, true, None)),
        Some(_) => Answer::error(404, 10007, "Unknown Member"),
        None => Answer::error(404, 10013, "Unknown User"),
    }
}
