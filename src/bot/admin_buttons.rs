//! Admin button presses: **Nudge both** (`nudge:<pairing>`) under `/program report`, and **Pair** /
//! **Skip** (`match:pair:<mentor>:<mentee>`, `match:skip:<mentor>:<mentee>`) under
//! `/match suggest` (their ids and builders are `render::admin_buttons`). Not trusted: every
//! press checks again that the presser is a program admin of the server it was pressed in (a
//! press in a DM carries no server and is never an admin's).

use poise::serenity_prelude as serenity;

use super::{
    answer::{Answer, Source},
    caller::{admin_roles, is_admin, press_caller},
    reply::tell_with,
    user_id, BotError, Data,
};
use crate::{
    app::{Caller, UserError},
    domain::ids::UserId,
    render::admin_buttons::AdminPress,
    tr,
};

/// The presser of **Nudge both** in a digest DM (no server, no permissions with it): rights come
/// from stored state (they still get the digest of the pairing's server) and from their
/// permissions there now, looked up through Discord (their roles, the server's roles).
async fn dm_caller(
    data: &Data,
    (http, cache): (&serenity::Http, &serenity::Cache),
    c: &serenity::ComponentInteraction,
    pairing: i64,
) -> Result<Caller, BotError> {
    let guild = data.app.pairing_guild(pairing).await?;
    let roles = admin_roles(data, guild).await?;
    let gid = serenity::GuildId::new(guild.0);
    let is_admin = match http.get_member(gid, c.user.id).await {
        Ok(member) => {
            let perms = cache.guild(gid).map_or_else(serenity::Permissions::empty, |g| g.member_permissions(&member));
            is_admin(perms, &member.roles, &roles)
        }
        // Not (or no longer) in the server.
        Err(e) => {
            tracing::info!(error = %e, "a digest press by someone whose membership could not be read");
            false
        }
    };
    let name = c.user.global_name.clone().unwrap_or_else(|| c.user.name.clone());
    Ok(data.app.digest_caller(user_id(c.user.id), &name, pairing, is_admin).await?)
}

/// Handles an admin button press (deferred first, so nothing slow misses the deadline).
pub async fn on_press(
    data: &Data,
    (http, cache): (&serenity::Http, &serenity::Cache),
    c: &serenity::ComponentInteraction,
    press: AdminPress,
) -> Result<(), BotError> {
    let source = Source::Component(c);
    source.defer(http).await?;
    let caller = match (press, c.guild_id) {
        (AdminPress::Nudge(pairing), None) => dm_caller(data, (http, cache), c, pairing).await?,
        _ => press_caller(data, c).await?.ok_or(UserError::NotAdmin)?,
    };
    let app = &data.app;
    let answer = match press {
        AdminPress::Nudge(pairing) => {
            let out = app.nudge_pair(&caller, pairing).await?;
            let failures = tell_with(data, &out.notices).await;
            Answer::text(tr!(
                "bot-admin-nudged",
                mentor = out.pairing.mentor_id.to_string(),
                mentee = out.pairing.mentee_id.to_string(),
                told = super::reply::told(&failures, &tr!("bot-admin-nudge-told"))
            ))
        }
        AdminPress::Pair { mentor, mentee } => {
            let out = app.pair_suggested(&caller, UserId(mentor), UserId(mentee)).await?;
            let failures = tell_with(data, &out.notices).await;
            Answer::text(tr!(
                "bot-admin-paired",
                mentor = mentor.to_string(),
                mentee = mentee.to_string(),
                told = super::reply::told(&failures, &tr!("bot-told-both-dm"))
            ))
        }
        AdminPress::Skip { mentor, mentee } => {
            app.skip_suggestion(&caller, UserId(mentor), UserId(mentee)).await?;
            Answer::text(tr!("bot-admin-skipped", mentor = mentor.to_string(), mentee = mentee.to_string()))
        }
    };
    Ok(source.send(http, answer, true).await?)
}
