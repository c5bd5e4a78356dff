//! Booking, moving and cancelling sessions.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use tracing::instrument;

use super::{App, AppResult, Caller, Notice, NoticeKind, Person, UserError};
use crate::{
    domain::{
        ids::UserId,
        pairing::Pairing,
        program::Program,
        series::{Scope, Series, SeriesError},
        session::{check_slot, pick_by_reference, BookingError, Session, SessionStatus},
        when::{parse_when, When},
    },
    store::NewSession,
    tr,
};

/// Longest topic accepted (Discord option limit set to the same value).
pub const MAX_TOPIC_CHARS: usize = 200;

/// What every booking checks first (see `App::booking_basics`).
pub(super) struct Basics {
    pub program: Program,
    pub pairing: Pairing,
    pub zone: Tz,
    pub when: When,
    pub duration: u32,
    pub now: DateTime<Utc>,
}

/// The result of `/book`.
#[derive(Debug, Clone)]
pub struct BookOutcome {
    pub session: Session,
    pub when: When,
    pub partner: UserId,
    pub notices: Vec<Notice>,
}

/// The result of `/reschedule`.
#[derive(Debug, Clone)]
pub struct RescheduleOutcome {
    pub session: Session,
    pub previous_start: DateTime<Utc>,
    pub when: When,
    pub partner: UserId,
    pub notices: Vec<Notice>,
    /// For `scope:following`: the new series, the sessions moved into it, those left out.
    pub following: Option<(Series, Vec<Session>, Vec<crate::domain::series::LeftOut>)>,
}

/// The result of `/cancel`.
#[derive(Debug, Clone)]
pub struct CancelOutcome {
    pub session: Session,
    /// Every session cancelled (the one picked first), more than one for a series scope.
    pub cancelled: Vec<Session>,
    /// The series of the session picked, if it belongs to one.
    pub series: Option<Series>,
    pub partner: UserId,
    pub notices: Vec<Notice>,
}

impl App {
    /// Books a session between the caller and their partner `with`, at `when` read in the
    /// caller's zone.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn book(
        &self,
        caller: &Caller,
        with: &Person,
        when: &str,
        duration_minutes: Option<i64>,
        topic: Option<&str>,
    ) -> AppResult<BookOutcome> {
        let topic = clean_topic(topic)?;
        let Basics { program, pairing, when, duration, now, .. } =
            self.booking_basics(caller, with, when, duration_minutes).await?;

        let mut tx = self.store.begin().await?;
        let end = when.instant + chrono::Duration::minutes(i64::from(duration));
        self.check_free(&mut tx, &program, caller, with, when.instant, end, None).await?;
        let new = NewSession {
            pairing_id: pairing.id,
            starts_at: when.instant,
            duration_minutes: duration,
            topic,
            booked_by: caller.user_id,
            series: None,
        };
        let session = self.store.insert_session(&mut tx, &new, now).await?;
        self.replan_session(&mut tx, &program, &pairing, &session, now).await?;
        let notices = vec![Notice {
            to: with.id,
            kind: NoticeKind::SessionBooked { session: session.clone(), by: caller.user_id },
        }];
        self.plan_notices(&mut tx, caller.guild_id, &notices, now).await?;
        tx.commit().await.map_err(anyhow::Error::from)?;
        self.jobs_changed();
        Ok(BookOutcome { session, when, partner: with.id, notices })
    }

    /// What every booking checks first: the caller's program and pairing with `with`, the time
    /// read in the caller's zone, the duration; refusals change nothing.
    pub(super) async fn booking_basics(
        &self,
        caller: &Caller,
        with: &Person,
        when: &str,
        duration_minutes: Option<i64>,
    ) -> AppResult<Basics> {
        let (program, me) = self.require_member(caller).await?;
        if with.id == caller.user_id {
            return Err(UserError::BookWithSelf.into());
        }
        if with.is_bot {
            return Err(UserError::IsBot(with.name.clone()).into());
        }
        let Some(pairing) = self.store.active_pairing_between(caller.guild_id, caller.user_id, with.id).await? else {
            if let Some(ended) = self.pairing_that_ended(caller, with.id).await? {
                self.require_active(caller, &ended).await?;
            }
            return Err(UserError::NotYourPartner(with.name.clone()).into());
        };
        let now = self.now();
        let zone = me.zone_or(program.zone);
        let when = parse_when(when, now, zone).map_err(UserError::from)?;
        let duration = duration_minutes.unwrap_or(i64::from(self.config.booking.default_duration_minutes));
        check_slot(when.instant, duration, now, self.limits()).map_err(UserError::from)?;
        let duration = u32::try_from(duration).map_err(anyhow::Error::from)?;
        Ok(Basics { program, pairing, zone, when, duration, now })
    }

    /// The first booked session of either person that overlaps `[start, end)` (except `exclude`):
    /// the caller's own (which they may see), else only that the partner is busy.
    pub(super) async fn first_clash(
        &self,
        tx: &mut crate::store::Tx,
        program: &Program,
        caller: &Caller,
        partner: &Person,
        (start, end): (DateTime<Utc>, DateTime<Utc>),
        exclude: Option<i64>,
    ) -> AppResult<Option<Clash>> {
        let mine = self.store.overlapping_sessions(tx, program.guild_id, caller.user_id, start, end, exclude).await?;
        if let Some(clash) = mine.into_iter().next() {
            return Ok(Some(Clash::Yours(clash)));
        }
        let theirs = self.store.overlapping_sessions(tx, program.guild_id, partner.id, start, end, exclude).await?;
        Ok((!theirs.is_empty()).then(|| Clash::PartnerBusy(partner.name.clone())))
    }

    /// The caller's latest pairing with `partner` when it has ended.
    async fn pairing_that_ended(&self, caller: &Caller, partner: UserId) -> AppResult<Option<Pairing>> {
        Ok(self
            .store
            .pairings_of(caller.guild_id, caller.user_id)
            .await?
            .into_iter()
            .rfind(|p| p.partner_of(caller.user_id) == Some(partner))
            .filter(|p| !p.active))
    }

    /// Refuses a slot in an away period or overlapping another booked session of either person.
    #[allow(clippy::too_many_arguments)]
    pub(super) async fn check_free(
        &self,
        tx: &mut crate::store::Tx,
        program: &Program,
        caller: &Caller,
        partner: &Person,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
        exclude: Option<i64>,
    ) -> AppResult<()> {
        self.refuse_away(tx, program, caller, partner, (start, end)).await?;
        if let Some(clash) = self.first_clash(tx, program, caller, partner, (start, end), exclude).await? {
            return Err(UserError::from(clash.refusal()).into());
        }
        Ok(())
    }

    /// A session the caller is part of, by the value an option carried (`s<id>` from
    /// autocomplete, or `#N`/`N` for their session number N when that is unambiguous), to move
    /// or cancel it: a session of a pairing that has ended is refused.
    pub async fn find_session(&self, caller: &Caller, reference: &str) -> AppResult<(Session, Pairing)> {
        let mine = self.store.sessions_of_user(caller.guild_id, caller.user_id).await?;
        let found = pick_by_reference(mine, reference, |s| s.status == SessionStatus::Booked);
        let session = found.ok_or(UserError::UnknownSession)?;
        let pairing = self.store.pairing(session.pairing_id).await?.ok_or(UserError::UnknownSession)?;
        if !pairing.includes(caller.user_id) {
            return Err(UserError::UnknownSession.into());
        }
        self.require_active(caller, &pairing).await?;
        Ok((session, pairing))
    }

    pub(super) async fn person(&self, program: &Program, id: UserId) -> AppResult<Person> {
        let name =
            self.store.member(program.guild_id, id).await?.map_or_else(|| format!("<@{id}>"), |m| m.display_name);
        Ok(Person { id, name, is_bot: false })
    }

    /// Moves a session to `when` (read in the caller's zone) and tells the partner; with
    /// `Scope::Following`, it and the later sessions of its series move (a new series from it on).
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn reschedule(
        &self,
        caller: &Caller,
        session_ref: &str,
        when: &str,
        scope: Scope,
    ) -> AppResult<RescheduleOutcome> {
        self.require_member(caller).await?;
        let (session, pairing) = self.find_session(caller, session_ref).await?;
        session.is_changeable(self.now()).map_err(UserError::from)?;
        self.move_session_to(caller, session, pairing, when, scope).await
    }

    /// Moves a session (the caller's right to has been checked) to `when`, read in the caller's
    /// zone, forgets what was answered about whether it happened, and tells the partner.
    pub(crate) async fn move_session_to(
        &self,
        caller: &Caller,
        session: Session,
        pairing: Pairing,
        when: &str,
        scope: Scope,
    ) -> AppResult<RescheduleOutcome> {
        let (program, me) = self.require_member(caller).await?;
        let now = self.now();
        let series = self.series_of(&session).await?;
        if scope != Scope::This && series.is_none() {
            return Err(UserError::from(SeriesError::NotASeries { number: session.number }).into());
        }
        let when = parse_when(when, now, me.zone_or(program.zone)).map_err(UserError::from)?;
        check_slot(when.instant, i64::from(session.duration_minutes), now, self.limits()).map_err(UserError::from)?;
        let partner = self.person(&program, pairing.partner_of(caller.user_id).unwrap_or(pairing.mentor_id)).await?;
        if let (Some(series), Scope::Following | Scope::Series) = (&series, scope) {
            let change = super::series_move::SeriesMove { series, picked: &session, when };
            return self.move_series_from(caller, &program, &pairing, &partner, change, now).await;
        }

        let mut tx = self.store.begin().await?;
        let end = when.instant + chrono::Duration::minutes(i64::from(session.duration_minutes));
        self.check_free(&mut tx, &program, caller, &partner, when.instant, end, Some(session.id)).await?;
        let moved = self.store.move_session(&mut tx, session.id, when.instant, now).await?;
        self.store.clear_attendance(&mut tx, session.id).await?;
        self.replan_session(&mut tx, &program, &pairing, &moved, now).await?;
        let notices = vec![Notice {
            to: partner.id,
            kind: NoticeKind::SessionMoved {
                session: moved.clone(),
                by: caller.user_id,
                previous_start: session.starts_at,
                series,
            },
        }];
        self.plan_notices(&mut tx, caller.guild_id, &notices, now).await?;
        tx.commit().await.map_err(anyhow::Error::from)?;
        self.jobs_changed();
        Ok(RescheduleOutcome {
            session: moved,
            previous_start: session.starts_at,
            when,
            partner: partner.id,
            notices,
            following: None,
        })
    }

    /// Cancels a session (or, with a series scope, it and the later sessions of its series) and
    /// tells the partner.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn cancel(
        &self,
        caller: &Caller,
        session_ref: &str,
        reason: Option<&str>,
        scope: Scope,
    ) -> AppResult<CancelOutcome> {
        let (program, _) = self.require_member(caller).await?;
        let (session, pairing) = self.find_session(caller, session_ref).await?;
        let now = self.now();
        session.is_changeable(now).map_err(UserError::from)?;
        let reason = clean_topic(reason)?;
        let series = self.series_of(&session).await?;
        match (&series, scope) {
            (None, Scope::Following | Scope::Series) => {
                return Err(UserError::from(SeriesError::NotASeries { number: session.number }).into());
            }
            (Some(series), Scope::Following | Scope::Series) => {
                let change = super::series::SeriesCancel { series, picked: &session, scope, reason };
                return self.cancel_series_from(caller, &program, &pairing, change, now).await;
            }
            (_, Scope::This) => {}
        }
        let mut tx = self.store.begin().await?;
        let cancelled = self.store.cancel_session(&mut tx, session.id, caller.user_id, reason, now).await?;
        self.replan_session(&mut tx, &program, &pairing, &cancelled, now).await?;
        let partner = pairing.partner_of(caller.user_id).unwrap_or(pairing.mentor_id);
        let notices = vec![Notice {
            to: partner,
            kind: NoticeKind::SessionCancelled {
                session: cancelled.clone(),
                by: caller.user_id,
                series: series.clone(),
            },
        }];
        self.plan_notices(&mut tx, caller.guild_id, &notices, now).await?;
        tx.commit().await.map_err(anyhow::Error::from)?;
        self.jobs_changed();
        Ok(CancelOutcome { session: cancelled.clone(), cancelled: vec![cancelled], series, partner, notices })
    }

    /// The series a session belongs to, if any.
    pub(super) async fn series_of(&self, session: &Session) -> AppResult<Option<Series>> {
        Ok(match session.series_id {
            Some(id) => self.store.series(id).await?,
            None => None,
        })
    }
}

pub(super) fn clean_topic(text: Option<&str>) -> AppResult<Option<&str>> {
    let text = text.map(str::trim).filter(|t| !t.is_empty());
    if let Some(t) = text {
        let n = t.chars().count();
        if n > MAX_TOPIC_CHARS {
            return Err(UserError::TooLong(tr!("app-topic-too-long", length = n, max = MAX_TOPIC_CHARS)).into());
        }
    }
    Ok(text)
}

/// Cuts `s` to at most `max` characters (for labels Discord limits; never for user data).
pub(crate) fn truncate_chars(s: &mut String, max: usize) {
    if let Some((idx, _)) = s.char_indices().nth(max.saturating_sub(1)) {
        if s.chars().count() > max {
            s.truncate(idx);
            s.push('…');
        }
    }
}

/// What is in the way of a time: one of the caller's own sessions, or the partner's (whose
/// session with someone else is not the caller's business: only that they are busy).
#[derive(Debug, Clone)]
pub(super) enum Clash {
    Yours(Session),
    PartnerBusy(String),
}

impl Clash {
    /// The refusal of a booking or move onto this clash.
    pub(super) fn refusal(&self) -> BookingError {
        match self {
            Clash::Yours(s) => BookingError::Overlap { number: s.number, start: s.starts_at, end: s.ends_at() },
            Clash::PartnerBusy(who) => BookingError::PartnerBusy { who: who.clone() },
        }
    }

    /// Why an occurrence of a series is left out.
    pub(super) fn left_out_why(&self) -> crate::domain::series::LeftOutWhy {
        use crate::domain::series::LeftOutWhy;
        match self {
            Clash::Yours(s) => LeftOutWhy::Overlap { who: tr!("app-left-out-yours"), number: s.number },
            Clash::PartnerBusy(who) => LeftOutWhy::PartnerBusy { who: who.clone() },
        }
    }
}
