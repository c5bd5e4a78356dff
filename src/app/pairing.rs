//! Pairing mentors with mentees (admins only).

use tracing::instrument;

use super::{require_admin, App, AppResult, Caller, Notice, NoticeKind, Person, UserError};
use crate::{
    domain::{member::Role, pairing::Pairing, session::Session},
    tr,
};

/// The result of `/pair` and `/unpair`.
#[derive(Debug, Clone)]
pub struct PairOutcome {
    pub pairing: Pairing,
    pub cancelled_sessions: Vec<Session>,
    pub notices: Vec<Notice>,
}

impl App {
    async fn check_role(&self, caller: &Caller, who: &Person, role: Role) -> AppResult<()> {
        if who.is_bot {
            return Err(UserError::IsBot(who.name.clone()).into());
        }
        match self.store.member(caller.guild_id, who.id).await? {
            Some(m) if m.active && m.role == role => Ok(()),
            Some(m) if m.active => {
                Err(UserError::WrongRole { name: who.name.clone(), actual: m.role.as_str(), expected: role.as_str() }
                    .into())
            }
            _ => Err(UserError::OtherNotJoined { name: who.name.clone(), role: role.as_str() }.into()),
        }
    }

    /// Pairs a mentor with a mentee and tells both.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn pair(&self, caller: &Caller, mentor: &Person, mentee: &Person) -> AppResult<PairOutcome> {
        require_admin(caller)?;
        let program = self.require_program(caller.guild_id).await?;
        if mentor.id == mentee.id {
            return Err(UserError::SamePerson.into());
        }
        self.check_role(caller, mentor, Role::Mentor).await?;
        self.check_role(caller, mentee, Role::Mentee).await?;
        if self.store.active_pairing_between(caller.guild_id, mentor.id, mentee.id).await?.is_some() {
            return Err(UserError::AlreadyPaired { mentor: mentor.name.clone(), mentee: mentee.name.clone() }.into());
        }
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let pairing = self.store.create_pairing(&mut tx, caller.guild_id, mentor.id, mentee.id, now).await?;
        let notices = vec![
            Notice { to: mentor.id, kind: NoticeKind::Paired { pairing: pairing.clone(), partner: mentee.id } },
            Notice { to: mentee.id, kind: NoticeKind::Paired { pairing: pairing.clone(), partner: mentor.id } },
        ];
        self.plan_notices(&mut tx, caller.guild_id, &notices, now).await?;
        self.plan_new_pair_timeline(&mut tx, &program, &pairing, now).await?;
        tx.commit().await.map_err(anyhow::Error::from)?;
        self.jobs_changed();
        Ok(PairOutcome { pairing, cancelled_sessions: Vec::new(), notices })
    }

    /// The admin's program and the active pairing of `mentor` (as the mentor) and `mentee`.
    pub(super) async fn pairing_to_end(
        &self,
        caller: &Caller,
        mentor: &Person,
        mentee: &Person,
    ) -> AppResult<(crate::domain::program::Program, Pairing)> {
        require_admin(caller)?;
        let program = self.require_program(caller.guild_id).await?;
        let pairing = self
            .store
            .active_pairing_between(caller.guild_id, mentor.id, mentee.id)
            .await?
            .filter(|p| p.mentor_id == mentor.id)
            .ok_or_else(|| UserError::NotPaired { mentor: mentor.name.clone(), mentee: mentee.name.clone() })?;
        Ok((program, pairing))
    }

    /// Ends a pairing, cancels its upcoming sessions and the reminders of its content, and tells
    /// both. What the pair wrote stays readable to them but can no longer change.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn unpair(&self, caller: &Caller, mentor: &Person, mentee: &Person) -> AppResult<PairOutcome> {
        let (program, pairing) = self.pairing_to_end(caller, mentor, mentee).await?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let mut cancelled = Vec::new();
        for session in self.store.upcoming_sessions_of_pairing(&mut tx, pairing.id, now).await? {
            let reason = tr!("app-cancelled-admin-ended");
            let session = self.store.cancel_session(&mut tx, session.id, caller.user_id, Some(&reason), now).await?;
            self.replan_session(&mut tx, &program, &pairing, &session, now).await?;
            cancelled.push(session);
        }
        self.store.end_pairing(&mut tx, pairing.id, now).await?;
        self.cancel_jobs_of_ended(&mut tx, pairing.id, now).await?;
        let notice = |to, partner| Notice {
            to,
            kind: NoticeKind::Unpaired { pairing: pairing.clone(), partner, partner_left: false },
        };
        let notices = vec![notice(mentor.id, mentee.id), notice(mentee.id, mentor.id)];
        self.plan_notices(&mut tx, caller.guild_id, &notices, now).await?;
        tx.commit().await.map_err(anyhow::Error::from)?;
        self.jobs_changed();
        Ok(PairOutcome { pairing, cancelled_sessions: cancelled, notices })
    }
}
