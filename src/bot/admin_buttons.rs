//! Admin buttons: **Nudge both** (`nudge:<pairing>`) under `/program report`, and **Pair** /
//! **Skip** (`match:pair:<mentor>:<mentee>`, `match:skip:<mentor>:<mentee>`) under
//! `/match suggest`. Not trusted: every press checks again that the presser is a program admin
//! of the server it was pressed in (a press in a DM carries no server and is never an admin's).

use poise::serenity_prelude as serenity;

use super::{
    answer::{Answer, Source},
    caller::{admin_roles, is_admin, press_caller},
    commands::report::parse_nudge_id,
    reply::tell_with,
    user_id, BotError, Data,
};
use crate::{
    app::{Caller, UserError},
    domain::{ids::UserId, report::PairHealth},
};

/// What an admin button asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdminPress {
    Nudge(i64),
    Pair { mentor: u64, mentee: u64 },
    Skip { mentor: u64, mentee: u64 },
}

impl AdminPress {
    /// Reads a custom id; `None` for ids that are not of these kinds.
    pub fn parse(custom_id: &str) -> Option<Self> {
        if let Some(id) = parse_nudge_id(custom_id) {
            return Some(Self::Nudge(id));
        }
        let mut parts = custom_id.split(':');
        if parts.next()? != "match" {
            return None;
        }
        let kind = parts.next()?;
        let mentor = parts.next()?.parse::<u64>().ok().filter(|v| *v > 0)?;
        let mentee = parts.next()?.parse::<u64>().ok().filter(|v| *v > 0)?;
        if parts.next().is_some() {
            return None;
        }
        match kind {
            "pair" => Some(Self::Pair { mentor, mentee }),
            "skip" => Some(Self::Skip { mentor, mentee }),
            _ => None,
        }
    }

    /// The custom id.
    pub fn to_custom_id(self) -> String {
        match self {
            Self::Nudge(id) => super::commands::report::nudge_id(id),
            Self::Pair { mentor, mentee } => format!("match:pair:{mentor}:{mentee}"),
            Self::Skip { mentor, mentee } => format!("match:skip:{mentor}:{mentee}"),
        }
    }
}

/// **Nudge both** buttons for stale pairs, five a row (at most 25: Discord's five rows).
pub fn nudge_rows(pairs: &[&PairHealth]) -> Vec<serenity::CreateActionRow> {
    pairs
        .iter()
        .take(25)
        .collect::<Vec<_>>()
        .chunks(5)
        .map(|row| {
            serenity::CreateActionRow::Buttons(
                row.iter()
                    .map(|p| {
                        let mut label = format!("Nudge both: {} & {}", p.mentor, p.mentee);
                        crate::app::truncate_label(&mut label, 80);
                        serenity::CreateButton::new(AdminPress::Nudge(p.pairing_id).to_custom_id())
                            .label(label)
                            .style(serenity::ButtonStyle::Secondary)
                    })
                    .collect(),
            )
        })
        .collect()
}

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
            Answer::text(format!(
                "👋 Nudged <@{}> and <@{}>. {}",
                out.pairing.mentor_id,
                out.pairing.mentee_id,
                super::reply::told(&failures, "Both got a DM with their next free times; it does not say who asked.")
            ))
        }
        AdminPress::Pair { mentor, mentee } => {
            let out = app.pair_suggested(&caller, UserId(mentor), UserId(mentee)).await?;
            let failures = tell_with(data, &out.notices).await;
            Answer::text(format!(
                "🤝 Paired mentor <@{mentor}> with mentee <@{mentee}>. {}",
                super::reply::told(&failures, "Both were told by DM.")
            ))
        }
        AdminPress::Skip { mentor, mentee } => {
            app.skip_suggestion(&caller, UserId(mentor), UserId(mentee)).await?;
            Answer::text(format!("Skipped: I won't suggest <@{mentor}> for <@{mentee}> again."))
        }
    };
    Ok(source.send(http, answer, true).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admin_ids_round_trip_and_foreign_ones_are_not_ours() {
        for p in
            [AdminPress::Nudge(4), AdminPress::Pair { mentor: 7, mentee: 9 }, AdminPress::Skip { mentor: 7, mentee: 9 }]
        {
            assert_eq!(AdminPress::parse(&p.to_custom_id()), Some(p));
        }
        for bad in ["nudge:0", "nudge:x", "match:pair:1", "match:pair:1:2:3", "match:hug:1:2", "agenda:4"] {
            assert_eq!(AdminPress::parse(bad), None, "{bad}");
        }
    }
}
