//! Application commands: registration (`PUT`) and listing (`GET`), global and per guild.

use serde_json::{json, Value};

use super::{Answer, Ctx};

/// `PUT /applications/{app}/commands` and the guild variant: replaces the definitions.
pub(crate) fn put_commands(ctx: &Ctx<'_>, guild: Option<u64>) -> Answer {
    let json = ctx.json();
    let Some(list) = json.as_array() else {
        return Answer::error(400, 50035, "Invalid Form Body");
    };
    let problems: Vec<String> = list.iter().flat_map(super::command_names::problems).collect();
    if !problems.is_empty() {
        ctx.shared.lock().violation("commands", problems.join("; "));
        return Answer::error(400, 50035, "Invalid Form Body");
    }
    let now = ctx.shared.now();
    let mut state = ctx.shared.lock();
    let previous = match guild {
        Some(g) => state.guild_commands.get(&g).cloned().unwrap_or_default(),
        None => state.global_commands.clone(),
    };
    state.command_versions += 1;
    let version = state.next_id(now);
    let mut stored = Vec::new();
    for def in list {
        let mut command = def.clone();
        crate::payloads::strip_nulls(&mut command);
        let name = def["name"].as_str().unwrap_or_default();
        let id = previous
            .iter()
            .find(|p| p["name"] == name)
            .and_then(|p| p["id"].as_str().map(str::to_owned))
            .unwrap_or_else(|| state.next_id(now).to_string());
        command["id"] = json!(id);
        command["application_id"] = json!(ctx.shared.application_id.to_string());
        command["version"] = json!(version.to_string());
        if command.get("type").is_none_or(Value::is_null) {
            command["type"] = json!(1);
        }
        for (key, default) in
            [("description", json!("")), ("default_member_permissions", Value::Null), ("nsfw", json!(false))]
        {
            if command.get(key).is_none() {
                command[key] = default;
            }
        }
        if let Some(g) = guild {
            command["guild_id"] = json!(g.to_string());
        }
        stored.push(command);
    }
    match guild {
        Some(g) => {
            state.guild_commands.insert(g, stored.clone());
        }
        None => state.global_commands.clone_from(&stored),
    }
    state.command_puts += 1;
    Answer::ok(Value::Array(stored))
}

/// `GET /applications/{app}/commands` and the guild variant.
pub(crate) fn get_commands(ctx: &Ctx<'_>, guild: Option<u64>) -> Answer {
    let state = ctx.shared.lock();
    let list = match guild {
        Some(g) => state.guild_commands.get(&g).cloned().unwrap_or_default(),
        None => state.global_commands.clone(),
    };
    Answer::ok(Value::Array(list))
}
