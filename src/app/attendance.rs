//! "Did the session happen?": each person of the pair answers from the follow-up DM; one "We met"
//! makes the session held, "It didn't happen" makes it missed unless the other said they met,
//! "We moved it" moves the session to a new time. Those who met may rate how useful it was;
//! admins see only program-wide averages of enough ratings.

use tracing::instrument;

use super::{content::SessionPick, App, AppResult, Caller, RescheduleOutcome, UserError};
use crate::{
    domain::{
        attendance::{self, Answer, Rating, Settled},
        ids::UserId,
        pairing::Pairing,
        session::{BookingError, Session, SessionStatus},
    },
    store::{AttendanceCounts, RatingTotals},
};

/// The result of an answer to "Did the session happen?".
#[derive(Debug, Clone)]
pub struct AnswerOutcome {
    pub session: Session,
    pub answer: Answer,
    /// What the session counts as now.
    pub settled: Option<Settled>,
    /// The partner, who may have said otherwise.
    pub partner: UserId,
}

/// Attendance and ratings as admins see them: counts, and an average only of enough ratings.
#[derive(Debug, Clone, Copy, Default)]
pub struct AttendanceSummary {
    pub counts: AttendanceCounts,
    /// `None` below `attendance::MIN_RATINGS_SHOWN` ratings.
    pub average_rating: Option<f64>,
}

/// `/program status` reports attendance and ratings of the sessions of the last this many weeks.
pub const STATUS_WEEKS: i64 = 12;

impl App {
    /// A session of the caller's active pairing that has started and was not cancelled.
    async fn session_to_confirm(&self, caller: &Caller, session_id: i64) -> AppResult<(Session, Pairing)> {
        let (session, pairing) = self.session_to_change(caller, SessionPick::Id(session_id)).await?;
        if session.status == SessionStatus::Cancelled {
            return Err(UserError::AttendanceCancelled { number: session.number }.into());
        }
        if session.starts_at > self.now() {
            return Err(UserError::AttendanceTooEarly { number: session.number, start: session.starts_at }.into());
        }
        Ok((session, pairing))
    }

    /// Records the caller's answer (replacing an earlier one of theirs) and what the pair's
    /// answers now make of the session.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id, session = session_id))]
    pub async fn answer_attendance(
        &self,
        caller: &Caller,
        session_id: i64,
        answer: Answer,
    ) -> AppResult<AnswerOutcome> {
        let (session, pairing) = self.session_to_confirm(caller, session_id).await?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        self.store.save_answer(&mut tx, session.id, caller.user_id, answer, now).await?;
        let has_notes = self.store.notes_exist(&mut tx, session.id).await?;
        let answers: Vec<Answer> =
            self.store.session_answers(&mut tx, session.id).await?.into_iter().map(|(_, a)| a).collect();
        let settled = attendance::settle(&answers, has_notes);
        self.store.set_attendance(&mut tx, session.id, settled, now).await?;
        tx.commit().await.map_err(anyhow::Error::from)?;
        let partner = pairing.partner_of(caller.user_id).unwrap_or(pairing.mentor_id);
        Ok(AnswerOutcome { session, answer, settled, partner })
    }

    /// Stores how useful the session was to the caller (1–5), who must have said "We met".
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id, session = session_id))]
    pub async fn rate_session(&self, caller: &Caller, session_id: i64, value: u8) -> AppResult<Session> {
        let (session, _) = self.session_to_confirm(caller, session_id).await?;
        let rating = Rating::new(value).ok_or_else(|| anyhow::anyhow!("a rating of {value} came with a button"))?;
        let mut tx = self.store.begin().await?;
        let saved = self.store.save_rating(&mut tx, session.id, caller.user_id, rating).await?;
        if !saved {
            return Err(UserError::RateAfterMet { number: session.number }.into());
        }
        tx.commit().await.map_err(anyhow::Error::from)?;
        Ok(session)
    }

    /// "We moved it": moves a session that has started but was not held to `when` (read in the
    /// caller's zone); its answers are forgotten and its reminders planned anew.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id, session = session_id))]
    pub async fn move_unheld_session(
        &self,
        caller: &Caller,
        session_id: i64,
        when: &str,
    ) -> AppResult<RescheduleOutcome> {
        let (session, pairing) = self.session_to_move(caller, session_id).await?;
        self.move_session_to(caller, session, pairing, when, crate::domain::series::Scope::This).await
    }

    /// A session "We moved it" may move: of the caller's active pairing, neither cancelled nor held.
    pub async fn session_to_move(&self, caller: &Caller, session_id: i64) -> AppResult<(Session, Pairing)> {
        let (session, pairing) = self.session_to_change(caller, SessionPick::Id(session_id)).await?;
        match session.status {
            SessionStatus::Cancelled => {
                return Err(UserError::from(BookingError::AlreadyCancelled { number: session.number }).into())
            }
            SessionStatus::Completed => return Err(UserError::MovedButHeld { number: session.number }.into()),
            SessionStatus::Booked => {}
        }
        if self.store.session_attendance(session.id).await? == Some(Settled::Held) {
            return Err(UserError::MovedButHeld { number: session.number }.into());
        }
        Ok((session, pairing))
    }

    /// Program-wide attendance and the average rating when enough ratings exist (admins only).
    pub async fn attendance_summary(&self, caller: &Caller) -> AppResult<AttendanceSummary> {
        super::require_admin(caller)?;
        let program = self.require_program(caller.guild_id).await?;
        let now = self.now();
        let since = now - chrono::Duration::weeks(STATUS_WEEKS);
        let counts = self.store.attendance_counts(program.guild_id, since, now).await?;
        let RatingTotals { count, sum } = self.store.rating_totals(program.guild_id, since, now).await?;
        Ok(AttendanceSummary { counts, average_rating: attendance::shown_average(count, sum) })
    }
}
