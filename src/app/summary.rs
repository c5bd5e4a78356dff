//! The whole record of one session, in the shape of the mentoring session template.

use tracing::instrument;

use super::{content::SessionPick, AgendaView, App, AppResult, Caller};
use crate::domain::{
    action::ActionItem,
    goal::{Goal, Review},
    notes::SessionNotes,
    pairing::Pairing,
    session::{Session, SessionStatus},
};

/// Everything known about a session.
#[derive(Debug, Clone)]
pub struct SessionRecord {
    /// The session, the pair, the agenda, added topics and leftover actions.
    pub view: AgendaView,
    pub notes: Option<SessionNotes>,
    /// Items agreed in this session.
    pub actions: Vec<ActionItem>,
    pub goals: Vec<Goal>,
    pub reviews: Vec<Review>,
    /// The pair's next booked session after this one.
    pub next_session: Option<Session>,
    /// Whether the session has started (notes and follow-ups apply).
    pub started: bool,
    /// The mentee's background (pre-work), when shared.
    pub background: Option<crate::domain::background::Background>,
}

impl App {
    /// The record of a session (the latest that started unless picked), for either member.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn session_record(&self, caller: &Caller, pick: SessionPick<'_>) -> AppResult<SessionRecord> {
        let (session, pairing) = self.pick_session(caller, pick).await?;
        self.record_of(caller, session, pairing).await
    }

    /// The record of a session of `pairing`, which the caller belongs to (checked by the caller).
    pub(crate) async fn record_of(
        &self,
        caller: &Caller,
        session: Session,
        pairing: Pairing,
    ) -> AppResult<SessionRecord> {
        let actions = self
            .store
            .actions_of_pairing(pairing.id)
            .await?
            .into_iter()
            .filter(|a| a.session_id == Some(session.id))
            .collect();
        let next_session = self.store.sessions_of_user(caller.guild_id, caller.user_id).await?.into_iter().find(|s| {
            s.pairing_id == pairing.id && s.status == SessionStatus::Booked && s.starts_at > session.starts_at
        });
        Ok(SessionRecord {
            started: session.starts_at <= self.now(),
            notes: self.store.session_notes(session.id).await?,
            goals: self.store.goals_of_pairing(pairing.id).await?,
            reviews: self.store.reviews_of_pairing(pairing.id).await?,
            actions,
            next_session,
            background: self.store.background(pairing.id).await?,
            view: self.agenda_view(session, pairing).await?,
        })
    }
}
