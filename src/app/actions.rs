//! Action items: adding, listing, completing, postponing, blocking and dropping them. Every
//! change is one transaction that also records the item's history.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use tracing::instrument;

use super::{
    content::{check_text, optional, SessionPick, MAX_NOTE_CHARS, MAX_TITLE_CHARS},
    App, AppError, AppResult, Caller, UserError,
};
use crate::{
    domain::{
        action::{later_by_days, ActionItem, ActionStatus},
        ids::UserId,
        pairing::Pairing,
        program::Program,
        when::{parse_deadline, When},
    },
    store::NewAction,
    tr,
};

/// Days the "+3 days" button moves a deadline.
pub const LATER_DAYS: u64 = 3;

/// What `/action add` (or the "Add action item" modal) asks for.
#[derive(Debug, Clone, Copy)]
pub struct ActionInput<'a> {
    pub title: &'a str,
    /// `me`, `partner`, a mention `<@id>` or an id; empty means `me`.
    pub owner: &'a str,
    pub deadline: &'a str,
    pub success: Option<&'a str>,
    pub session: Option<SessionPick<'a>>,
    /// `g<id>` from autocomplete or `G2`.
    pub goal: Option<&'a str>,
}

/// An item after a change, with the owner's zone (deadlines are read and shown in it).
#[derive(Debug, Clone)]
pub struct ActionOutcome {
    pub item: ActionItem,
    pub owner_zone: Tz,
    /// How a typed deadline was read.
    pub when: Option<When>,
}

/// An item's program and its owner's zone (deadlines are read and shown in it).
struct OwnerOf {
    program: Program,
    zone: Tz,
}

/// Which items `/action list` shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionFilter {
    Open,
    Overdue,
    Done,
    Mine,
    All,
}

impl ActionFilter {
    /// Parses the option value (default `open`).
    pub fn parse(s: Option<&str>) -> Self {
        match s.map(str::trim) {
            Some("overdue") => Self::Overdue,
            Some("done") => Self::Done,
            Some("mine") => Self::Mine,
            Some("all") => Self::All,
            _ => Self::Open,
        }
    }

    fn keeps(self, item: &ActionItem, me: UserId, now: DateTime<Utc>) -> bool {
        match self {
            Self::Open => item.status.is_pending(),
            Self::Overdue => item.is_overdue(now),
            Self::Done => item.status == ActionStatus::Done,
            Self::Mine => item.owner_id == me && item.status.is_pending(),
            Self::All => true,
        }
    }
}

/// The caller's items as `/action list` shows them.
#[derive(Debug, Clone)]
pub struct ActionList {
    pub items: Vec<ActionItem>,
    /// The caller's zone, for local dates next to Discord timestamps.
    pub zone: Tz,
    pub now: DateTime<Utc>,
}

/// An autocomplete entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub label: String,
    pub value: String,
}

/// An action item that passed every check, ready to store.
struct CheckedAction<'a> {
    program: Program,
    new: NewAction<'a>,
    owner_zone: Tz,
    when: When,
}

impl App {
    /// Adds an action item to the pair's list.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn add_action(&self, caller: &Caller, input: ActionInput<'_>) -> AppResult<ActionOutcome> {
        let checked = self.check_action(caller, input).await?;
        let CheckedAction { program, new, owner_zone, when } = checked;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let item = self.store.insert_action(&mut tx, &new, now).await?;
        self.replan_action(&mut tx, &program, &item, owner_zone, now).await?;
        tx.commit().await.map_err(anyhow::Error::from)?;
        self.jobs_changed();
        Ok(ActionOutcome { item, owner_zone, when: Some(when) })
    }

    /// Everything `add_action` checks, without storing anything: a form can then be shown for the
    /// long fields knowing the rest will be accepted. Returns the session and goal ids picked.
    pub async fn precheck_action(
        &self,
        caller: &Caller,
        input: ActionInput<'_>,
    ) -> AppResult<(Option<i64>, Option<i64>)> {
        let checked = self.check_action(caller, input).await?;
        Ok((checked.new.session_id, checked.new.goal_id))
    }

    async fn check_action<'a>(&self, caller: &Caller, input: ActionInput<'a>) -> AppResult<CheckedAction<'a>> {
        let (program, _) = self.require_member(caller).await?;
        let title = input.title.trim();
        if title.is_empty() {
            return Err(UserError::Required(tr!("app-required-title")).into());
        }
        check_text(&tr!("app-field-the-title"), title, MAX_TITLE_CHARS)?;
        let success = optional(input.success);
        if let Some(s) = success {
            check_text(&tr!("app-field-the-success-indicator"), s, MAX_NOTE_CHARS)?;
        }
        let owner_named = parse_owner(input.owner, caller.user_id)?;
        let (session_id, pairing) = if let Some(pick) = input.session {
            let (session, pairing) = self.session_to_change(caller, pick).await?;
            (Some(session.id), pairing)
        } else {
            let with = match owner_named {
                Owner::User(u) if u != caller.user_id => Some(u),
                _ => None,
            };
            let pairing = match self.pick_pairing(caller, with).await {
                Err(AppError::User(UserError::NotPartnerOf(who))) => Err(UserError::OwnerNotInPair(who).into()),
                other => other,
            };
            (None, pairing?)
        };
        let owner = owner_in(&pairing, owner_named, caller.user_id)?;
        let goal_id = match optional(input.goal) {
            Some(g) => {
                let (goal, goal_pairing) = self.pick_goal(caller, g).await?;
                if goal_pairing.id != pairing.id {
                    return Err(UserError::UnknownGoal.into());
                }
                Some(goal.id)
            }
            None => None,
        };
        let now = self.now();
        let owner_zone = self.zone_of(&program, owner).await?;
        let when = parse_deadline(input.deadline, now, owner_zone).map_err(UserError::from)?;
        let new = NewAction {
            pairing_id: pairing.id,
            title,
            owner,
            deadline: when.instant,
            success,
            session_id,
            goal_id,
            created_by: caller.user_id,
        };
        Ok(CheckedAction { program, new, owner_zone, when })
    }

    /// The caller's items (all their active pairings, or the one with `with`); without an active
    /// pairing, the items of the ended ones, which stay readable.
    pub async fn list_actions(
        &self,
        caller: &Caller,
        filter: ActionFilter,
        with: Option<UserId>,
    ) -> AppResult<ActionList> {
        let (program, me) = self.require_member(caller).await?;
        let pairings = if with.is_some() {
            vec![self.read_pairing(caller, with).await?]
        } else {
            let all = self.store.pairings_of(caller.guild_id, caller.user_id).await?;
            if all.iter().any(|p| p.active) {
                all.into_iter().filter(|p| p.active).collect()
            } else {
                all
            }
        };
        if pairings.is_empty() {
            return Err(UserError::NoPartner.into());
        }
        let now = self.now();
        let mut items = Vec::new();
        for pairing in pairings {
            items.extend(
                self.store
                    .actions_of_pairing(pairing.id)
                    .await?
                    .into_iter()
                    .filter(|a| filter.keeps(a, caller.user_id, now)),
            );
        }
        items.sort_by_key(|a| (!a.status.is_pending(), a.deadline_at, a.number));
        Ok(ActionList { items, zone: me.zone_or(program.zone), now })
    }

    /// Marks an item done.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn complete_action(&self, caller: &Caller, typed: &str) -> AppResult<ActionOutcome> {
        self.change_status(caller, typed, ActionStatus::Done, None).await
    }

    /// Moves an item's deadline three days later (from now when it has passed already).
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn postpone_action(&self, caller: &Caller, typed: &str) -> AppResult<ActionOutcome> {
        let (item, _) = self.action_to_change(caller, typed).await?;
        require_pending(&item)?;
        let owner = self.owner_of(caller, &item).await?;
        let now = self.now();
        let base = item.deadline_at.max(now);
        let deadline = later_by_days(base, LATER_DAYS, owner.zone);
        let reason = tr!("app-postponed-reason", days = LATER_DAYS);
        self.move_deadline(caller, &owner, &item, deadline, Some(&reason), None).await
    }

    /// The item the **Blocked** button asks about: one that is still pending.
    pub async fn action_to_block(&self, caller: &Caller, typed: &str) -> AppResult<ActionItem> {
        let (item, _) = self.action_to_change(caller, typed).await?;
        if item.status == ActionStatus::Blocked {
            return Err(UserError::ActionAlready { id: item.short_id(), status: item.status.as_str() }.into());
        }
        require_pending(&item)?;
        Ok(item)
    }

    /// Sets an item to blocked, with why.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn block_action(&self, caller: &Caller, typed: &str, reason: &str) -> AppResult<ActionOutcome> {
        self.change_status(caller, typed, ActionStatus::Blocked, Some(reason)).await
    }

    /// `/action update`: a new deadline (in the owner's zone) and/or a new status with a reason.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn update_action(
        &self,
        caller: &Caller,
        typed: &str,
        deadline: Option<&str>,
        status: Option<ActionStatus>,
        reason: Option<&str>,
    ) -> AppResult<ActionOutcome> {
        let deadline = optional(deadline);
        match (deadline, status) {
            (None, None) => Err(UserError::NothingToUpdate.into()),
            (Some(_), Some(_)) => Err(UserError::OneChangeAtATime.into()),
            (None, Some(status)) => self.change_status(caller, typed, status, reason).await,
            (Some(text), None) => {
                let (item, _) = self.action_to_change(caller, typed).await?;
                require_pending(&item)?;
                let owner = self.owner_of(caller, &item).await?;
                let when = parse_deadline(text, self.now(), owner.zone).map_err(UserError::from)?;
                if let Some(r) = optional(reason) {
                    check_text(&tr!("app-field-the-reason"), r, MAX_NOTE_CHARS)?;
                }
                self.move_deadline(caller, &owner, &item, when.instant, optional(reason), Some(when)).await
            }
        }
    }

    async fn owner_of(&self, caller: &Caller, item: &ActionItem) -> AppResult<OwnerOf> {
        let program = self.require_program(caller.guild_id).await?;
        let zone = self.zone_of(&program, item.owner_id).await?;
        Ok(OwnerOf { program, zone })
    }

    async fn move_deadline(
        &self,
        caller: &Caller,
        owner: &OwnerOf,
        item: &ActionItem,
        deadline: DateTime<Utc>,
        reason: Option<&str>,
        when: Option<When>,
    ) -> AppResult<ActionOutcome> {
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let item = self.store.set_action_deadline(&mut tx, item, deadline, reason, caller.user_id, now).await?;
        self.replan_action(&mut tx, &owner.program, &item, owner.zone, now).await?;
        tx.commit().await.map_err(anyhow::Error::from)?;
        self.jobs_changed();
        Ok(ActionOutcome { item, owner_zone: owner.zone, when })
    }

    async fn change_status(
        &self,
        caller: &Caller,
        typed: &str,
        status: ActionStatus,
        reason: Option<&str>,
    ) -> AppResult<ActionOutcome> {
        let (item, _) = self.action_to_change(caller, typed).await?;
        let reason = optional(reason);
        if let Some(r) = reason {
            check_text(&tr!("app-field-the-reason"), r, MAX_NOTE_CHARS)?;
        }
        if matches!(status, ActionStatus::Blocked | ActionStatus::Dropped) && reason.is_none() {
            return Err(UserError::ReasonNeeded(status.as_str()).into());
        }
        if item.status == status {
            return Err(UserError::ActionAlready { id: item.short_id(), status: status.as_str() }.into());
        }
        if status != ActionStatus::Open {
            require_pending(&item)?;
        }
        let owner = self.owner_of(caller, &item).await?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let item = self.store.set_action_status(&mut tx, &item, status, reason, caller.user_id, now).await?;
        self.replan_action(&mut tx, &owner.program, &item, owner.zone, now).await?;
        tx.commit().await.map_err(anyhow::Error::from)?;
        self.jobs_changed();
        Ok(ActionOutcome { item, owner_zone: owner.zone, when: None })
    }

    /// Autocomplete: the caller's pending items of active pairings matching `partial` (items of
    /// ended pairings can no longer change).
    pub async fn action_choices(&self, caller: &Caller, partial: &str) -> AppResult<Vec<Choice>> {
        let Ok(list) = self.list_actions(caller, ActionFilter::Open, None).await else {
            return Ok(Vec::new());
        };
        let active: Vec<i64> =
            self.store.active_pairings_of(caller.guild_id, caller.user_id).await?.iter().map(|p| p.id).collect();
        let needle = partial.trim().to_lowercase();
        Ok(list
            .items
            .into_iter()
            .filter(|a| active.contains(&a.pairing_id))
            .map(|a| {
                let mut label = format!("{} · {} · {}", a.short_id(), a.title, a.status);
                super::sessions::truncate_chars(&mut label, 100);
                Choice { label, value: format!("i{}", a.id) }
            })
            .filter(|c| needle.is_empty() || c.label.to_lowercase().contains(&needle))
            .take(25)
            .collect())
    }
}

fn require_pending(item: &ActionItem) -> AppResult<()> {
    if item.status.is_pending() {
        Ok(())
    } else {
        Err(UserError::ActionClosed { id: item.short_id(), status: item.status.as_str() }.into())
    }
}

/// Who an item is for, as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    Me,
    Partner,
    User(UserId),
}

fn parse_owner(text: &str, me: UserId) -> AppResult<Owner> {
    let t = text.trim();
    let lower = t.to_lowercase();
    if lower.is_empty() || lower == "me" || lower == "myself" {
        return Ok(Owner::Me);
    }
    if lower == "partner" {
        return Ok(Owner::Partner);
    }
    let digits = t.trim_start_matches("<@").trim_start_matches('!').trim_end_matches('>');
    match digits.parse::<u64>() {
        Ok(id) if UserId(id) == me => Ok(Owner::Me),
        Ok(id) => Ok(Owner::User(UserId(id))),
        Err(_) => Err(UserError::BadOwner(t.to_owned()).into()),
    }
}

fn owner_in(pairing: &Pairing, owner: Owner, me: UserId) -> AppResult<UserId> {
    match owner {
        Owner::Me => Ok(me),
        Owner::Partner => pairing.partner_of(me).ok_or_else(|| UserError::NoPartner.into()),
        Owner::User(u) if pairing.includes(u) => Ok(u),
        Owner::User(u) => Err(UserError::OwnerNotInPair(format!("<@{u}>")).into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owners_are_read_as_me_partner_or_a_mention() {
        let me = UserId(1);
        assert_eq!(parse_owner("", me).unwrap(), Owner::Me);
        assert_eq!(parse_owner("Me", me).unwrap(), Owner::Me);
        assert_eq!(parse_owner("partner", me).unwrap(), Owner::Partner);
        assert_eq!(parse_owner("<@!22>", me).unwrap(), Owner::User(UserId(22)));
        assert_eq!(parse_owner("<@1>", me).unwrap(), Owner::Me);
        assert!(parse_owner("bob", me).is_err());
    }
}
