//! Who is asking: turning poise's context into the `app::Caller` that use cases check.

use poise::serenity_prelude as serenity;

use super::{user_id, BotError, Context, Data};
use crate::{
    app::{Caller, Person},
    domain::ids::GuildId,
};

/// The caller of a guild command, with their admin status from the interaction's permissions.
pub async fn caller(ctx: Context<'_>) -> Result<Caller, BotError> {
    let guild = ctx.guild_id().ok_or_else(|| anyhow::anyhow!("guild-only command ran outside a guild"))?;
    let author = ctx.author();
    let member = ctx.author_member().await;
    Ok(from_member(guild, author, member.as_deref(), ctx.data().admin_role))
}

/// The presser of a button on a message in a server (a question of `/leave` or `/unpair`), with
/// their admin status from the interaction's permissions, as for a command; `None` in a DM.
pub fn press_caller(data: &Data, press: &serenity::ComponentInteraction) -> Option<Caller> {
    let guild = press.guild_id?;
    Some(from_member(guild, &press.user, press.member.as_ref(), data.admin_role))
}

/// The submitter of a form shown in a server (`/action add`, `/goal add`); `None` in a DM.
pub fn form_caller(data: &Data, form: &serenity::ModalInteraction) -> Option<Caller> {
    let guild = form.guild_id?;
    Some(from_member(guild, &form.user, form.member.as_ref(), data.admin_role))
}

fn from_member(
    guild: serenity::GuildId,
    author: &serenity::User,
    member: Option<&serenity::Member>,
    admin_role: Option<crate::domain::ids::RoleId>,
) -> Caller {
    let is_admin = member.is_some_and(|m| {
        let perms = m.permissions.unwrap_or_else(serenity::Permissions::empty);
        perms.manage_guild()
            || perms.administrator()
            || admin_role.is_some_and(|r| m.roles.iter().any(|role| role.get() == r.0))
    });
    let name = member
        .and_then(|m| m.nick.clone())
        .or_else(|| author.global_name.clone())
        .unwrap_or_else(|| author.name.clone());
    Caller { guild_id: GuildId(guild.get()), user_id: user_id(author.id), name, is_admin }
}

/// A user named in an option.
pub fn person(user: &serenity::User) -> Person {
    Person {
        id: user_id(user.id),
        name: user.global_name.clone().unwrap_or_else(|| user.name.clone()),
        is_bot: user.bot,
    }
}
