//! Admin buttons: **Nudge both** (`nudge:<pairing>`) under `/program report`, and **Pair** /
//! **Skip** (`match:pair:<mentor>:<mentee>`, `match:skip:<mentor>:<mentee>`) under
//! `/match suggest`. Not trusted: every press checks again that the presser is a program admin
//! of the server it was pressed in (a press in a DM carries no server and is never an admin's).

use poise::serenity_prelude as serenity;

use super::{
    answer::{Answer, Source},
    caller::member_is_admin,
    commands::report::parse_nudge_id,
    reply::tell_with,
    user_id, BotError, Data,
};
use crate::{
    app::{Caller, UserError},
    domain::ids::{GuildId, UserId},
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

/// The presser as an admin caller, from the server and permissions the press came with.
fn admin_caller(data: &Data, c: &serenity::ComponentInteraction) -> Result<Caller, BotError> {
    let (Some(guild), Some(member)) = (c.guild_id, c.member.as_ref()) else {
        return Err(UserError::NotAdmin.into());
    };
    let user = &c.user;
    Ok(Caller {
        guild_id: GuildId(guild.get()),
        user_id: user_id(user.id),
        name: member.nick.clone().or_else(|| user.global_name.clone()).unwrap_or_else(|| user.name.clone()),
        is_admin: member_is_admin(member, data.admin_role),
    })
}

/// Handles an admin button press (deferred first, so nothing slow misses the deadline).
pub async fn on_press(
    data: &Data,
    http: &serenity::Http,
    c: &serenity::ComponentInteraction,
    press: AdminPress,
) -> Result<(), BotError> {
    let source = Source::Component(c);
    source.defer(http).await?;
    let caller = admin_caller(data, c)?;
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
