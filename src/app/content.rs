//! Finding the pairing, session, action item or goal that a content command is about, with two
//! rules: only the two members of a pairing reach its content, and anyone else gets the same
//! answer as for an id that does not exist; and the content of a pairing that has ended stays
//! readable to the pair but can no longer be changed (`*_to_change` and `require_active`).

use super::{App, AppError, AppResult, Caller, UserError};
use crate::{
    domain::{
        action::{parse_short_id, ActionItem},
        goal::Goal,
        ids::UserId,
        layout::check_length,
        pairing::Pairing,
        session::{pick_by_reference, Session, SessionStatus},
    },
    tr,
};

/// Longest title of an action item or a goal.
pub const MAX_TITLE_CHARS: usize = 200;
/// Longest short text (success indicator, reason, evidence, learnings, why, measure).
pub const MAX_NOTE_CHARS: usize = 1000;

/// Which session a command means.
#[derive(Debug, Clone, Copy)]
pub enum SessionPick<'a> {
    /// What the option carried: `s<id>` from autocomplete, or `#N`/`N`.
    Typed(&'a str),
    /// A session id from a button or modal.
    Id(i64),
    /// The caller's next upcoming session.
    Next,
    /// The caller's most recent session that has started (else the next one).
    Latest,
}

impl<'a> SessionPick<'a> {
    /// `Typed` when the option was given, else `default`.
    pub fn or(option: Option<&'a str>, default: SessionPick<'a>) -> Self {
        option.map(str::trim).filter(|s| !s.is_empty()).map_or(default, SessionPick::Typed)
    }
}

/// Checks a typed text against a limit.
pub(crate) fn check_text(what: &str, text: &str, max: usize) -> AppResult<()> {
    check_length(what, text, max).map_err(|m| UserError::TooLong(m).into())
}

/// `Some(trimmed)` unless empty.
pub(crate) fn optional(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|t| !t.is_empty())
}

impl App {
    /// The session a content command means, with its pairing (the caller is one of the two).
    pub async fn pick_session(&self, caller: &Caller, pick: SessionPick<'_>) -> AppResult<(Session, Pairing)> {
        self.require_member(caller).await?;
        let mine = self.store.sessions_of_user(caller.guild_id, caller.user_id).await?;
        let now = self.now();
        let found = match pick {
            SessionPick::Id(id) => mine.into_iter().find(|s| s.id == id),
            SessionPick::Typed(text) => pick_by_reference(mine, text, |_| true),
            SessionPick::Next => {
                return match mine.into_iter().find(|s| s.status == SessionStatus::Booked && s.starts_at > now) {
                    Some(s) => self.with_pairing(caller, s).await,
                    None => Err(UserError::NoUpcomingSession.into()),
                }
            }
            SessionPick::Latest => {
                let started = mine
                    .iter()
                    .rev()
                    .find(|s| s.status != SessionStatus::Cancelled && s.starts_at <= now)
                    .or_else(|| mine.iter().find(|s| s.status == SessionStatus::Booked))
                    .cloned();
                return match started {
                    Some(s) => self.with_pairing(caller, s).await,
                    None => Err(UserError::NoSessionYet.into()),
                };
            }
        };
        let session = found.ok_or(UserError::UnknownSession)?;
        self.with_pairing(caller, session).await
    }

    /// Like `pick_session`, for a change: refuses a session of a pairing that has ended.
    pub async fn session_to_change(&self, caller: &Caller, pick: SessionPick<'_>) -> AppResult<(Session, Pairing)> {
        let (session, pairing) = self.pick_session(caller, pick).await?;
        self.require_active(caller, &pairing).await?;
        Ok((session, pairing))
    }

    /// Refuses a change to the content of a pairing that has ended (it stays readable).
    pub(crate) async fn require_active(&self, caller: &Caller, pairing: &Pairing) -> AppResult<()> {
        if pairing.active {
            return Ok(());
        }
        let partner = pairing.partner_of(caller.user_id).unwrap_or(pairing.mentor_id);
        let name = self
            .store
            .member(pairing.guild_id, partner)
            .await?
            .map_or_else(|| format!("<@{partner}>"), |m| m.display_name);
        Err(UserError::PairingEnded(name).into())
    }

    async fn with_pairing(&self, caller: &Caller, session: Session) -> AppResult<(Session, Pairing)> {
        let pairing = self.store.pairing(session.pairing_id).await?.ok_or(UserError::UnknownSession)?;
        if !pairing.includes(caller.user_id) || pairing.guild_id != caller.guild_id {
            return Err(UserError::UnknownSession.into());
        }
        Ok((session, pairing))
    }

    /// The caller of a button or modal about a session (in a DM there is no guild: it comes from
    /// the session). Refuses anyone outside the pairing as if the session did not exist.
    pub async fn caller_for_session(&self, user: UserId, name: &str, session_id: i64) -> AppResult<Caller> {
        let session = self.store.session(session_id).await?.ok_or(UserError::UnknownSession)?;
        let pairing = self.store.pairing(session.pairing_id).await?.ok_or(UserError::UnknownSession)?;
        member_caller(&pairing, user, name).ok_or_else(|| UserError::UnknownSession.into())
    }

    /// The caller of a button or modal about an action item.
    pub async fn caller_for_action(&self, user: UserId, name: &str, action_id: i64) -> AppResult<Caller> {
        let item = self.store.action(action_id).await?.ok_or(UserError::UnknownAction)?;
        let pairing = self.store.pairing(item.pairing_id).await?.ok_or(UserError::UnknownAction)?;
        member_caller(&pairing, user, name).ok_or_else(|| UserError::UnknownAction.into())
    }

    /// The caller of a button or modal about a goal.
    pub async fn caller_for_goal(&self, user: UserId, name: &str, goal_id: i64) -> AppResult<Caller> {
        let goal = self.store.goal(goal_id).await?.ok_or(UserError::UnknownGoal)?;
        let pairing = self.store.pairing(goal.pairing_id).await?.ok_or(UserError::UnknownGoal)?;
        member_caller(&pairing, user, name).ok_or_else(|| UserError::UnknownGoal.into())
    }

    /// The pairing a change is for: the caller's active one with `with` when given, else their
    /// only active one. When the pairing meant has ended, says so.
    pub async fn pick_pairing(&self, caller: &Caller, with: Option<UserId>) -> AppResult<Pairing> {
        let found = self.active_pairing_of(caller, with).await;
        if let Err(AppError::User(UserError::NoPartner | UserError::NotPartnerOf(_))) = &found {
            if let Some(ended) = self.ended_pairing(caller, with).await? {
                self.require_active(caller, &ended).await?;
            }
        }
        found
    }

    /// The pairing a reading command is about: as `pick_pairing`, but when the pairing meant has
    /// ended, that pairing (its content stays readable to the pair).
    pub async fn read_pairing(&self, caller: &Caller, with: Option<UserId>) -> AppResult<Pairing> {
        let found = self.active_pairing_of(caller, with).await;
        if let Err(AppError::User(UserError::NoPartner | UserError::NotPartnerOf(_))) = &found {
            if let Some(ended) = self.ended_pairing(caller, with).await? {
                return Ok(ended);
            }
        }
        found
    }

    /// The caller's latest ended pairing (with `with` when given).
    async fn ended_pairing(&self, caller: &Caller, with: Option<UserId>) -> AppResult<Option<Pairing>> {
        Ok(self
            .store
            .pairings_of(caller.guild_id, caller.user_id)
            .await?
            .into_iter()
            .rfind(|p| !p.active && with.is_none_or(|w| p.partner_of(caller.user_id) == Some(w))))
    }

    /// The caller's active pairing with `with`, else their only active one.
    async fn active_pairing_of(&self, caller: &Caller, with: Option<UserId>) -> AppResult<Pairing> {
        self.require_member(caller).await?;
        let mut pairings = self.store.active_pairings_of(caller.guild_id, caller.user_id).await?;
        if let Some(with) = with {
            return pairings
                .into_iter()
                .find(|p| p.partner_of(caller.user_id) == Some(with))
                .ok_or_else(|| UserError::NotPartnerOf(format!("<@{with}>")).into());
        }
        match pairings.len() {
            0 => Err(UserError::NoPartner.into()),
            1 => Ok(pairings.remove(0)),
            _ => Err(UserError::WhichPartner.into()),
        }
    }

    /// An action item of one of the caller's pairings: `i<id>` from autocomplete or `A3`.
    pub async fn pick_action(&self, caller: &Caller, typed: &str) -> AppResult<(ActionItem, Pairing)> {
        self.require_member(caller).await?;
        let typed = typed.trim();
        let item = if let Some(id) = typed.strip_prefix('i').and_then(|r| r.parse::<i64>().ok()) {
            self.store.action(id).await?
        } else if let Some(number) = parse_short_id(typed) {
            let mut hits = Vec::new();
            for pairing in self.store.active_pairings_of(caller.guild_id, caller.user_id).await? {
                hits.extend(
                    self.store.actions_of_pairing(pairing.id).await?.into_iter().filter(|a| a.number == number),
                );
            }
            if hits.is_empty() {
                // Not in an active pairing: the item of the latest ended one (refused when changed).
                if let Some(ended) = self.ended_pairing(caller, None).await? {
                    hits.extend(
                        self.store.actions_of_pairing(ended.id).await?.into_iter().filter(|a| a.number == number),
                    );
                }
            }
            if hits.len() > 1 {
                return Err(UserError::AmbiguousAction(typed.to_owned()).into());
            }
            hits.pop()
        } else {
            None
        };
        let item = item.ok_or(UserError::UnknownAction)?;
        let pairing = self.store.pairing(item.pairing_id).await?.ok_or(UserError::UnknownAction)?;
        if !pairing.includes(caller.user_id) || pairing.guild_id != caller.guild_id {
            return Err(UserError::UnknownAction.into());
        }
        Ok((item, pairing))
    }

    /// Like `pick_action`, for a change: refuses an item of a pairing that has ended.
    pub async fn action_to_change(&self, caller: &Caller, typed: &str) -> AppResult<(ActionItem, Pairing)> {
        let (item, pairing) = self.pick_action(caller, typed).await?;
        self.require_active(caller, &pairing).await?;
        Ok((item, pairing))
    }

    /// Like `pick_goal`, for a change: refuses a goal of a pairing that has ended.
    pub async fn goal_to_change(&self, caller: &Caller, typed: &str) -> AppResult<(Goal, Pairing)> {
        let (goal, pairing) = self.pick_goal(caller, typed).await?;
        self.require_active(caller, &pairing).await?;
        Ok((goal, pairing))
    }

    /// A goal of one of the caller's pairings: `g<id>` from autocomplete, or `G2`/`2` for the
    /// second goal of their only pairing.
    pub async fn pick_goal(&self, caller: &Caller, typed: &str) -> AppResult<(Goal, Pairing)> {
        self.require_member(caller).await?;
        let typed = typed.trim();
        let goal = if let Some(id) = typed.strip_prefix('g').and_then(|r| r.parse::<i64>().ok()) {
            self.store.goal(id).await?
        } else {
            let n = typed.trim_start_matches(['G', '#']).parse::<usize>().ok().filter(|n| *n > 0);
            match (n, self.read_pairing(caller, None).await) {
                (Some(n), Ok(pairing)) => self.store.goals_of_pairing(pairing.id).await?.into_iter().nth(n - 1),
                _ => None,
            }
        };
        let goal = goal.ok_or(UserError::UnknownGoal)?;
        let pairing = self.store.pairing(goal.pairing_id).await?.ok_or(UserError::UnknownGoal)?;
        if !pairing.includes(caller.user_id) || pairing.guild_id != caller.guild_id {
            return Err(UserError::UnknownGoal.into());
        }
        Ok((goal, pairing))
    }
}

fn member_caller(pairing: &Pairing, user: UserId, name: &str) -> Option<Caller> {
    pairing.includes(user).then(|| Caller {
        guild_id: pairing.guild_id,
        user_id: user,
        name: name.to_owned(),
        is_admin: false,
    })
}

impl App {
    /// Autocomplete for content commands: the caller's sessions that were not cancelled,
    /// upcoming first (soonest first), then past ones (latest first); for commands that change
    /// content (`changing`), only sessions of active pairings.
    pub async fn any_session_choices(
        &self,
        caller: &Caller,
        partial: &str,
        changing: bool,
    ) -> AppResult<Vec<super::SessionChoice>> {
        let Ok((zone, lines)) = self.list_sessions(caller).await else {
            return Ok(Vec::new());
        };
        let now = self.now();
        let (upcoming, past): (Vec<_>, Vec<_>) = lines
            .into_iter()
            .filter(|l| l.session.status != SessionStatus::Cancelled && (l.pairing_active || !changing))
            .partition(|l| l.session.starts_at > now);
        let needle = partial.trim().trim_start_matches('#').to_lowercase();
        Ok(upcoming
            .into_iter()
            .chain(past.into_iter().rev())
            .map(|l| {
                let local = crate::domain::dates::list_day_time(l.session.starts_at.with_timezone(&zone).naive_local());
                let choice = tr!(
                    "app-session-choice",
                    number = l.session.number.to_string(),
                    partner = l.partner_name.as_str(),
                    when = local.as_str(),
                );
                let mut label = format!("{choice} · {}", l.session.status);
                super::sessions::truncate_chars(&mut label, 100);
                super::SessionChoice { label, value: format!("s{}", l.session.id) }
            })
            .filter(|c| needle.is_empty() || c.label.to_lowercase().contains(&needle))
            .take(25)
            .collect())
    }

    /// Autocomplete for an action item's owner: `me`, and each partner; narrowed to the labels
    /// that contain what was typed (any case).
    pub async fn owner_choices(&self, caller: &Caller, partial: &str) -> AppResult<Vec<super::Choice>> {
        let needle = partial.trim().to_lowercase();
        let mut all = self.all_owner_choices(caller).await?;
        all.retain(|c| needle.is_empty() || c.label.to_lowercase().contains(&needle));
        Ok(all)
    }

    async fn all_owner_choices(&self, caller: &Caller) -> AppResult<Vec<super::Choice>> {
        let mut out = vec![super::Choice { label: tr!("app-owner-choice-me"), value: "me".into() }];
        if self.require_member(caller).await.is_err() {
            return Ok(out);
        }
        let pairings = self.store.active_pairings_of(caller.guild_id, caller.user_id).await?;
        for pairing in &pairings {
            let Some(partner) = pairing.partner_of(caller.user_id) else { continue };
            let name = self
                .store
                .member(caller.guild_id, partner)
                .await?
                .map_or_else(|| partner.to_string(), |m| m.display_name);
            let value = if pairings.len() == 1 { "partner".to_owned() } else { format!("<@{partner}>") };
            out.push(super::Choice { label: tr!("app-owner-choice-partner", name = name.as_str()), value });
        }
        Ok(out)
    }
}
