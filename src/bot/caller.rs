//! Who is asking: turning poise's context into the `app::Caller` that use cases check.

use poise::serenity_prelude as serenity;

use super::{user_id, BotError, Context};
use crate::{
    app::{Caller, Person},
    domain::ids::GuildId,
};

/// The caller of a guild command, with their admin status from the interaction's permissions.
pub async fn caller(ctx: Context<'_>) -> Result<Caller, BotError> {
    let guild = ctx.guild_id().ok_or_else(|| anyhow::anyhow!("guild-only command ran outside a guild"))?;
    let author = ctx.author();
    let member = ctx.author_member().await;
    let admin_role = ctx.data().admin_role;
    let is_admin = member.as_deref().is_some_and(|m| member_is_admin(m, admin_role));
    let name = member
        .as_deref()
        .and_then(|m| m.nick.clone())
        .or_else(|| author.global_name.clone())
        .unwrap_or_else(|| author.name.clone());
    Ok(Caller { guild_id: GuildId(guild.get()), user_id: user_id(author.id), name, is_admin })
}

/// Whether a member (as an interaction in a server carries them, with their permissions there)
/// is a program admin: Manage Server, Administrator, or the configured admin role.
pub fn member_is_admin(m: &serenity::Member, admin_role: Option<crate::domain::ids::RoleId>) -> bool {
    let perms = m.permissions.unwrap_or_else(serenity::Permissions::empty);
    perms.manage_guild()
        || perms.administrator()
        || admin_role.is_some_and(|r| m.roles.iter().any(|role| role.get() == r.0))
}

/// A user named in an option.
pub fn person(user: &serenity::User) -> Person {
    Person {
        id: user_id(user.id),
        name: user.global_name.clone().unwrap_or_else(|| user.name.clone()),
        is_bot: user.bot,
    }
}
