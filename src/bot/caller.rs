//! Who is asking: turning poise's context into the `app::Caller` that use cases check.

use poise::serenity_prelude as serenity;

use super::{user_id, BotError, Context, Data};
use crate::{
    app::{Caller, Person},
    domain::ids::{GuildId, RoleId},
};

/// The caller of a guild command. Admins of the program are members with Manage Server (or
/// Administrator) in the interaction's permissions, and members with the program's coordinator
/// role (or the deprecated global `discord.admin_role_id`). Discord hides admin commands from
/// others (`default_member_permissions`), but a server can override that, so this is checked
/// on every command regardless.
pub async fn caller(ctx: Context<'_>) -> Result<Caller, BotError> {
    let guild = ctx.guild_id().ok_or_else(|| anyhow::anyhow!("guild-only command ran outside a guild"))?;
    let member = ctx.author_member().await;
    from_member(ctx.data(), guild, ctx.author(), member.as_deref()).await
}

/// The presser of a button on a message in a server (a question of `/leave` or `/unpair`, an
/// admin button), with their admin status from the interaction's permissions, as for a
/// command; `None` in a DM.
pub async fn press_caller(data: &Data, press: &serenity::ComponentInteraction) -> Result<Option<Caller>, BotError> {
    let Some(guild) = press.guild_id else { return Ok(None) };
    Ok(Some(from_member(data, guild, &press.user, press.member.as_ref()).await?))
}

/// The submitter of a form shown in a server (`/action add`, `/goal add`); `None` in a DM.
pub async fn form_caller(data: &Data, form: &serenity::ModalInteraction) -> Result<Option<Caller>, BotError> {
    let Some(guild) = form.guild_id else { return Ok(None) };
    Ok(Some(from_member(data, guild, &form.user, form.member.as_ref()).await?))
}

async fn from_member(
    data: &Data,
    guild: serenity::GuildId,
    author: &serenity::User,
    member: Option<&serenity::Member>,
) -> Result<Caller, BotError> {
    let roles = admin_roles(data, GuildId(guild.get())).await?;
    let is_admin = member.is_some_and(|m| member_is_admin(m, &roles));
    let name = member
        .and_then(|m| m.nick.clone())
        .or_else(|| author.global_name.clone())
        .unwrap_or_else(|| author.name.clone());
    Ok(Caller { guild_id: GuildId(guild.get()), user_id: user_id(author.id), name, is_admin })
}

/// The roles that make a member a program admin in a server: the program's coordinator role
/// and the deprecated global `discord.admin_role_id`.
pub async fn admin_roles(data: &Data, guild: GuildId) -> Result<[Option<RoleId>; 2], BotError> {
    let coordinator = data.app.store.program(guild).await?.and_then(|p| p.coordinator_role);
    Ok([data.admin_role, coordinator])
}

/// Whether a member (as an interaction in a server carries them, with their permissions there)
/// is a program admin: Manage Server, Administrator, or one of the admin roles.
pub fn member_is_admin(m: &serenity::Member, roles: &[Option<RoleId>]) -> bool {
    let perms = m.permissions.unwrap_or_else(serenity::Permissions::empty);
    is_admin(perms, &m.roles, roles)
}

/// Whether permissions and roles in a server make someone a program admin.
pub fn is_admin(perms: serenity::Permissions, member_roles: &[serenity::RoleId], roles: &[Option<RoleId>]) -> bool {
    perms.manage_guild()
        || perms.administrator()
        || roles.iter().flatten().any(|r| member_roles.iter().any(|role| role.get() == r.0))
}

/// A user named in an option.
pub fn person(user: &serenity::User) -> Person {
    Person {
        id: user_id(user.id),
        name: user.global_name.clone().unwrap_or_else(|| user.name.clone()),
        is_bot: user.bot,
    }
}
