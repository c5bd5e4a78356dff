//! Session notes: written by either member once the session has started (not when it is marked
//! as missed); saving them marks the session completed and held.

use tracing::instrument;

use super::{
    content::{check_text, SessionPick},
    App, AppResult, Caller, UserError,
};
use crate::{
    domain::{
        attendance::Settled,
        layout::MODAL_VALUE_CHARS,
        notes::{parse_resources, LineProblem, NotesInput, SessionNotes},
        pairing::Pairing,
        session::{Session, SessionStatus},
    },
    tr,
};

/// The notes form of a session, pre-filled when notes exist.
#[derive(Debug, Clone)]
pub struct NotesForm {
    pub session: Session,
    pub pairing: Pairing,
    pub input: NotesInput,
}

/// The result of saving notes.
#[derive(Debug, Clone)]
pub struct NotesOutcome {
    pub session: Session,
    pub notes: SessionNotes,
    /// Resource lines that do not follow `resource | type | purpose` (kept as typed).
    pub problems: Vec<LineProblem>,
}

impl App {
    /// The notes form (the latest session that started unless picked).
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn notes_form(&self, caller: &Caller, pick: SessionPick<'_>) -> AppResult<NotesForm> {
        let (session, pairing) = self.notes_target(caller, pick).await?;
        let input = self.store.session_notes(session.id).await?.as_ref().map(NotesInput::from).unwrap_or_default();
        Ok(NotesForm { session, pairing, input })
    }

    async fn notes_target(&self, caller: &Caller, pick: SessionPick<'_>) -> AppResult<(Session, Pairing)> {
        let (session, pairing) = self.session_to_change(caller, pick).await?;
        if session.status == SessionStatus::Cancelled {
            return Err(UserError::NotesCancelled { number: session.number }.into());
        }
        if session.starts_at > self.now() {
            return Err(UserError::NotesTooEarly { number: session.number, start: session.starts_at }.into());
        }
        if self.store.session_attendance(session.id).await? == Some(Settled::Missed) {
            return Err(UserError::NotesMissed { number: session.number }.into());
        }
        Ok((session, pairing))
    }

    /// Saves the notes and marks the session completed and held.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id, session = session_id))]
    pub async fn save_notes(&self, caller: &Caller, session_id: i64, input: NotesInput) -> AppResult<NotesOutcome> {
        let (session, _) = self.notes_target(caller, SessionPick::Id(session_id)).await?;
        let input = NotesInput {
            takeaways: input.takeaways.trim().to_owned(),
            resources: input.resources.trim().to_owned(),
            obstacles: input.obstacles.trim().to_owned(),
            next_session: input.next_session.trim().to_owned(),
        };
        for (what, text) in [
            (tr!("app-field-key-takeaways"), &input.takeaways),
            (tr!("app-field-resources-shared"), &input.resources),
            (tr!("app-field-obstacles"), &input.obstacles),
            (tr!("app-field-next-session"), &input.next_session),
        ] {
            check_text(&what, text, MODAL_VALUE_CHARS)?;
        }
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let notes = self.store.save_notes(&mut tx, session.id, &input, caller.user_id, now).await?;
        tx.commit().await.map_err(anyhow::Error::from)?;
        let session = self.store.session(session.id).await?.unwrap_or(session);
        let (_, problems) = parse_resources(&notes.resources);
        Ok(NotesOutcome { session, notes, problems })
    }
}
