//! Joining and leaving a program, time zones and profiles.

use chrono_tz::Tz;
use tracing::instrument;

use super::{App, AppResult, Caller, Notice, NoticeKind, UserError};
use crate::{
    domain::{
        member::{Member, Role},
        pairing::Pairing,
        program::{parse_zone, Program},
        session::Session,
    },
    tr,
};

/// The result of `/join`.
#[derive(Debug, Clone)]
pub struct JoinOutcome {
    pub member: Member,
    pub program: Program,
    pub rejoined: bool,
    pub already: bool,
}

/// The result of `/leave`.
#[derive(Debug, Clone)]
pub struct LeaveOutcome {
    pub ended_pairings: Vec<Pairing>,
    pub cancelled_sessions: Vec<Session>,
    pub notices: Vec<Notice>,
}

/// What `/profile` shows.
#[derive(Debug, Clone)]
pub struct Profile {
    pub member: Member,
    pub program: Program,
    pub pairings: Vec<Pairing>,
    pub upcoming_sessions: usize,
    /// The mentee's background of each pairing that has one (the caller is one of the pair).
    pub backgrounds: Vec<crate::domain::background::Background>,
}

impl App {
    /// Joins the caller's guild program with `role` (and a zone, when given).
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn join(&self, caller: &Caller, role: Role, zone: Option<&str>) -> AppResult<JoinOutcome> {
        let program = self.require_program(caller.guild_id).await?;
        let zone = zone.map(parse_zone).transpose().map_err(UserError::from)?;
        let existing = self.store.member(caller.guild_id, caller.user_id).await?;
        if let Some(m) = &existing {
            if m.active && m.role == role && zone.is_none_or(|z| Some(z) == m.zone) {
                return Ok(JoinOutcome { member: m.clone(), program, rejoined: false, already: true });
            }
            if m.active
                && m.role != role
                && !self.store.active_pairings_of(caller.guild_id, caller.user_id).await?.is_empty()
            {
                return Err(UserError::RoleChangeWhilePaired { role: m.role.as_str() }.into());
            }
        }
        let member = Member {
            guild_id: caller.guild_id,
            user_id: caller.user_id,
            role,
            zone: zone.or(existing.as_ref().and_then(|m| m.zone)),
            display_name: caller.name.clone(),
            active: true,
        };
        self.store.upsert_member(&member, self.now()).await?;
        let rejoined = existing.is_some_and(|m| !m.active);
        Ok(JoinOutcome { member, program, rejoined, already: false })
    }

    /// Leaves the program: ends the caller's pairings, cancels their upcoming sessions and the
    /// reminders of their content, and tells each partner.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn leave(&self, caller: &Caller) -> AppResult<LeaveOutcome> {
        let (program, _) = self.require_member(caller).await?;
        let now = self.now();
        let pairings = self.store.active_pairings_of(caller.guild_id, caller.user_id).await?;
        let mut tx = self.store.begin().await?;
        let mut cancelled = Vec::new();
        let mut notices = Vec::new();
        for pairing in &pairings {
            let partner = pairing.partner_of(caller.user_id).unwrap_or(pairing.mentor_id);
            for session in self.store.upcoming_sessions_of_pairing(&mut tx, pairing.id, now).await? {
                let reason = tr!("app-cancelled-member-left");
                let session =
                    self.store.cancel_session(&mut tx, session.id, caller.user_id, Some(&reason), now).await?;
                self.replan_session(&mut tx, &program, pairing, &session, now).await?;
                cancelled.push(session);
            }
            self.store.end_pairing(&mut tx, pairing.id, now).await?;
            self.cancel_jobs_of_ended(&mut tx, pairing.id, now).await?;
            notices.push(Notice {
                to: partner,
                kind: NoticeKind::Unpaired { pairing: pairing.clone(), partner: caller.user_id, partner_left: true },
            });
        }
        self.store.deactivate_member(&mut tx, caller.guild_id, caller.user_id).await?;
        self.plan_notices(&mut tx, caller.guild_id, &notices, now).await?;
        tx.commit().await.map_err(anyhow::Error::from)?;
        self.jobs_changed();
        Ok(LeaveOutcome { ended_pairings: pairings, cancelled_sessions: cancelled, notices })
    }

    /// Sets the caller's time zone.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn set_zone(&self, caller: &Caller, zone: &str) -> AppResult<Tz> {
        self.require_member(caller).await?;
        let zone = parse_zone(zone).map_err(UserError::from)?;
        self.store.set_member_zone(caller.guild_id, caller.user_id, zone).await?;
        Ok(zone)
    }

    /// The caller's profile.
    pub async fn profile(&self, caller: &Caller) -> AppResult<Profile> {
        let (program, member) = self.require_member(caller).await?;
        let pairings = self.store.active_pairings_of(caller.guild_id, caller.user_id).await?;
        let now = self.now();
        let upcoming = self
            .store
            .sessions_of_user(caller.guild_id, caller.user_id)
            .await?
            .iter()
            .filter(|s| s.status == crate::domain::session::SessionStatus::Booked && s.starts_at > now)
            .count();
        let mut backgrounds = Vec::new();
        for pairing in &pairings {
            backgrounds.extend(self.store.background(pairing.id).await?);
        }
        Ok(Profile { member, program, pairings, upcoming_sessions: upcoming, backgrounds })
    }
}
