//! What a destructive command would do, shown before anything changes: `/leave` and `/unpair`
//! first ask, and their buttons run the real use case (which checks everything again).

use super::{App, AppResult, Caller, Person};
use crate::domain::{
    ids::UserId,
    session::{Session, SessionStatus},
};

/// What leaving would end.
#[derive(Debug, Clone)]
pub struct LeavePreview {
    /// The partners of the pairings that would end.
    pub partners: Vec<UserId>,
    /// How many upcoming sessions would be cancelled.
    pub upcoming: usize,
}

/// What ending a pairing would cancel.
#[derive(Debug, Clone, Copy)]
pub struct UnpairPreview {
    pub upcoming: usize,
}

impl App {
    /// What `/leave` would do for the caller (refused like `/leave` when they are not a member).
    pub async fn leave_preview(&self, caller: &Caller) -> AppResult<LeavePreview> {
        self.require_member(caller).await?;
        let pairings = self.store.active_pairings_of(caller.guild_id, caller.user_id).await?;
        let ids: Vec<i64> = pairings.iter().map(|p| p.id).collect();
        let mine = self.store.sessions_of_user(caller.guild_id, caller.user_id).await?;
        let upcoming = self.count_upcoming(&mine, &ids);
        let partners = pairings.iter().filter_map(|p| p.partner_of(caller.user_id)).collect();
        Ok(LeavePreview { partners, upcoming })
    }

    /// What `/unpair` would do (refused like `/unpair`: admins only, an active pairing).
    pub async fn unpair_preview(&self, caller: &Caller, mentor: &Person, mentee: &Person) -> AppResult<UnpairPreview> {
        let (_, pairing) = self.pairing_to_end(caller, mentor, mentee).await?;
        let sessions = self.store.sessions_of_user(caller.guild_id, mentor.id).await?;
        Ok(UnpairPreview { upcoming: self.count_upcoming(&sessions, &[pairing.id]) })
    }

    fn count_upcoming(&self, sessions: &[Session], pairings: &[i64]) -> usize {
        let now = self.now();
        sessions
            .iter()
            .filter(|s| pairings.contains(&s.pairing_id) && s.status == SessionStatus::Booked && s.starts_at > now)
            .count()
    }
}
