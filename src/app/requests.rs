//! Bookings that wait for an answer (`domain::booking_request`): a series or a move that falls
//! outside the partner's weekly availability is asked about first (single bookings: see
//! `availability.rs`), "Show free times" and "It didn't happen" offer the pair's free times, and
//! a press books exactly what the request and the picked instant say, checked again in full.
//! A request is answered once: the press claims it before booking and releases it if the
//! booking is refused, so a second press never books twice.

use chrono::{DateTime, Duration, Utc};
use tracing::instrument;

use super::{
    availability::FreeTimes, App, AppResult, BookOutcome, Caller, OutsideAvailability, Person, RescheduleOutcome,
    SeriesOptions, SeriesOutcome, UserError,
};
use crate::{
    domain::{
        availability::{show_in_zone, within_slots},
        booking_request::{BookingRequest, NewRequest, RequestKind, Stale, REQUEST_LIFETIME},
        ids::UserId,
        local_time::resolve_local,
        series::{expand, Scope, SeriesError},
        session::{check_slot, SessionStatus},
        when::{instant_value, parse_when},
    },
    tr,
};

/// Free times offered for a request, as bookable choices.
#[derive(Debug, Clone)]
pub struct FreeOffer {
    pub request: BookingRequest,
    /// Up to [`OFFERED_TIMES`] free times, each with its label in the viewer's zone.
    pub times: Vec<(String, DateTime<Utc>)>,
}

/// How many free times are offered as buttons.
pub const OFFERED_TIMES: usize = 5;

/// What answering a request booked.
#[derive(Debug, Clone)]
pub enum Answered {
    Booked(BookOutcome),
    Series(SeriesOutcome),
    Moved(RescheduleOutcome),
}

impl Answered {
    /// What came of the request, in words, for a later press of one of its buttons.
    fn describe(&self) -> String {
        match self {
            Answered::Booked(out) => tr!(
                "app-request-booked",
                number = out.session.number.to_string(),
                ts = out.session.starts_at.timestamp().to_string(),
            ),
            Answered::Series(out) => tr!(
                "app-request-series-booked",
                booked = out.sessions.len(),
                count = out.series.count,
                ts = out.sessions.first().map_or(0, |s| s.starts_at.timestamp()).to_string(),
            ),
            Answered::Moved(out) => tr!(
                "app-request-moved",
                number = out.session.number.to_string(),
                ts = out.session.starts_at.timestamp().to_string(),
            ),
        }
    }
}

impl App {
    /// Checks a series booking like `/book repeat:` does, without storing it, and when some of
    /// its sessions fall outside the partner's weekly availability, stores the question (how
    /// many, of how many) for the booker to answer.
    ///
    /// # Errors
    /// Everything booking the series refuses before storing anything.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn series_outside_availability(
        &self,
        caller: &Caller,
        with: &Person,
        when: &str,
        duration_minutes: Option<i64>,
        topic: Option<&str>,
        options: SeriesOptions<'_>,
    ) -> AppResult<Option<OutsideAvailability>> {
        let topic = super::sessions::clean_topic(topic)?;
        let plan = self.series_plan(caller, with, when, duration_minutes, options).await?;
        let length = Duration::minutes(i64::from(plan.basics.duration));
        let starts: Vec<DateTime<Utc>> =
            plan.occurrences.iter().filter_map(crate::domain::series::Occurrence::instant).collect();
        let kind = RequestKind::Series {
            repeat: plan.repeat.as_str().to_owned(),
            count: options.count,
            until: options.until.map(str::to_owned),
        };
        let new = NewRequest {
            guild: caller.guild_id,
            user: caller.user_id,
            partner: with.id,
            kind,
            at: Some(plan.basics.when.instant),
            minutes: plan.basics.duration,
            topic: topic.map(str::to_owned),
        };
        self.ask_if_outside(&plan.basics.program, new, &starts, length, plan.basics.zone).await
    }

    /// Checks a move like `/reschedule` does, without moving anything, and when the new time
    /// (or, for `scope:following`, some of the moved sessions) falls outside the partner's
    /// weekly availability, stores the question for the caller to answer.
    ///
    /// # Errors
    /// Everything the move refuses before changing anything (the session picked must be free
    /// and outside either person's away periods).
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn move_outside_availability(
        &self,
        caller: &Caller,
        session_ref: &str,
        when: &str,
        scope: Scope,
    ) -> AppResult<Option<OutsideAvailability>> {
        let (program, me) = self.require_member(caller).await?;
        let (session, pairing) = self.find_session(caller, session_ref).await?;
        let now = self.now();
        session.is_changeable(now).map_err(UserError::from)?;
        let series = self.series_of(&session).await?;
        if scope != Scope::This && series.is_none() {
            return Err(UserError::from(SeriesError::NotASeries { number: session.number }).into());
        }
        let zone = me.zone_or(program.zone);
        let when = parse_when(when, now, zone).map_err(UserError::from)?;
        check_slot(when.instant, i64::from(session.duration_minutes), now, self.limits()).map_err(UserError::from)?;
        let partner = self.person(&program, pairing.partner_of(caller.user_id).unwrap_or(pairing.mentor_id)).await?;
        let length = Duration::minutes(i64::from(session.duration_minutes));
        let mut tx = self.store.begin().await?;
        let checked =
            self.check_free(&mut tx, &program, caller, &partner, when.instant, when.instant + length, Some(session.id));
        let checked = checked.await;
        let mut starts = vec![when.instant];
        if let (Some(series), Scope::Following, Ok(())) = (&series, scope, &checked) {
            let from = session.occurrence.unwrap_or(0);
            let count = series.count.saturating_sub(from).max(1);
            let moving: Vec<u32> = self
                .store
                .sessions_of_series(&mut tx, series.id)
                .await?
                .iter()
                .filter(|s| s.status == SessionStatus::Booked && s.starts_at > now && s.occurrence.unwrap_or(0) >= from)
                .map(|s| s.occurrence.unwrap_or(0) - from)
                .collect();
            starts = expand(series.repeat, when.local, zone, count)
                .iter()
                .filter(|o| moving.contains(&o.index))
                .filter_map(|o| resolve_local(o.local, zone).ok().map(|r| r.instant))
                .collect();
        }
        tx.rollback().await.map_err(anyhow::Error::from)?;
        checked?;
        let new = NewRequest {
            guild: caller.guild_id,
            user: caller.user_id,
            partner: partner.id,
            kind: RequestKind::Move { session_id: session.id, scope },
            at: Some(when.instant),
            minutes: session.duration_minutes,
            topic: None,
        };
        let asked = self.ask_if_outside(&program, new, &starts, length, zone).await?;
        Ok(asked.map(|ask| OutsideAvailability { session_number: Some(session.number), ..ask }))
    }

    /// Stores `new` as a question when some of `starts` fall outside the partner's slots.
    async fn ask_if_outside(
        &self,
        program: &crate::domain::program::Program,
        new: NewRequest,
        starts: &[DateTime<Utc>],
        length: Duration,
        zone: chrono_tz::Tz,
    ) -> AppResult<Option<OutsideAvailability>> {
        let slots = self.store.availability(program.guild_id, new.partner).await?;
        let partner_zone = self.zone_of(program, new.partner).await?;
        let outside = starts.iter().filter(|s| !within_slots(&slots, partner_zone, **s, length)).count();
        if outside == 0 {
            return Ok(None);
        }
        let now = self.now();
        let request = self.store.add_request(&new, now, now + REQUEST_LIFETIME).await?;
        Ok(Some(OutsideAvailability {
            instant: new.at.unwrap_or(now),
            duration: new.minutes,
            partner_slots: show_in_zone(&slots, partner_zone, zone, now),
            zone,
            outside_of: (starts.len() > 1).then_some((outside, starts.len())),
            session_number: None,
            request,
        }))
    }

    /// After "It didn't happen": a request to book the pair's next session (as long as the one
    /// missed) and the free times to pick from.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id, session = session_id))]
    pub async fn book_again_offer(&self, caller: &Caller, session_id: i64) -> AppResult<FreeOffer> {
        let (session, pairing) = self.session_to_change(caller, super::content::SessionPick::Id(session_id)).await?;
        let partner = pairing.partner_of(caller.user_id).unwrap_or(pairing.mentor_id);
        let now = self.now();
        let new = NewRequest {
            guild: caller.guild_id,
            user: caller.user_id,
            partner,
            kind: RequestKind::Book,
            at: None,
            minutes: session.duration_minutes,
            topic: session.topic.clone(),
        };
        let request = self.store.add_request(&new, now, now + REQUEST_LIFETIME).await?;
        self.offer(caller, request).await
    }

    /// "Show free times": the free times for request `id`, pressed by `user`; nothing is booked.
    #[instrument(skip_all, fields(user = %user, request = id))]
    pub async fn free_times_for(&self, user: UserId, name: &str, id: i64) -> AppResult<Result<FreeOffer, Stale>> {
        let (request, caller) = match self.answerable(user, name, id).await? {
            Ok(found) => found,
            Err(stale) => return Ok(Err(stale)),
        };
        Ok(Ok(self.offer(&caller, request).await?))
    }

    async fn offer(&self, caller: &Caller, request: BookingRequest) -> AppResult<FreeOffer> {
        let ignore = match request.request.kind {
            RequestKind::Move { session_id, .. } => {
                self.store.session(session_id).await?.map(|s| (s.starts_at, s.ends_at()))
            }
            _ => None,
        };
        let minutes = Some(i64::from(request.request.minutes));
        let free = self.free_times(caller, request.request.partner, minutes, ignore).await?;
        let times = free.as_ref().map(FreeTimes::labelled).unwrap_or_default().into_iter().take(OFFERED_TIMES);
        Ok(FreeOffer { times: times.collect(), request })
    }

    /// Answers request `id` for `user`: books what it asked for ("Book anyway", `at` = `None`)
    /// or the same at the free time `at` picked, checked again in full. A request answered
    /// before, expired, or someone else's books nothing.
    ///
    /// # Errors
    /// What the booking refuses (the time was taken meanwhile, someone is away, ...); the
    /// request stays open then.
    #[instrument(skip_all, fields(user = %user, request = id))]
    pub async fn answer_request(
        &self,
        user: UserId,
        name: &str,
        id: i64,
        at: Option<DateTime<Utc>>,
    ) -> AppResult<Result<Answered, Stale>> {
        let (request, caller) = match self.answerable(user, name, id).await? {
            Ok(found) => found,
            Err(stale) => return Ok(Err(stale)),
        };
        let Some(at) = at.or(request.request.at) else {
            // Only free times were offered; a "Book anyway" for it can only be forged.
            return Ok(Err(Stale::Expired));
        };
        if !self.store.claim_request(id, self.now()).await? {
            let settled = self.store.request(id).await?.and_then(|r| r.settled).and_then(|(_, o)| o);
            return Ok(Err(Stale::Settled(settled)));
        }
        match self.book_request(&caller, &request, at).await {
            Ok(answered) => {
                self.store.settle_request(id, &answered.describe()).await?;
                Ok(Ok(answered))
            }
            Err(e) => {
                self.store.release_request(id).await?;
                Err(e)
            }
        }
    }

    async fn book_request(&self, caller: &Caller, request: &BookingRequest, at: DateTime<Utc>) -> AppResult<Answered> {
        let r = &request.request;
        let (program, _) = self.require_member(caller).await?;
        let with = self.person(&program, r.partner).await?;
        let when = instant_value(at);
        let minutes = Some(i64::from(r.minutes));
        Ok(match &r.kind {
            RequestKind::Book => Answered::Booked(self.book(caller, &with, &when, minutes, r.topic.as_deref()).await?),
            RequestKind::Series { repeat, count, until } => {
                let options = SeriesOptions { repeat: Some(repeat), count: *count, until: until.as_deref() };
                Answered::Series(self.book_series(caller, &with, &when, minutes, r.topic.as_deref(), options).await?)
            }
            RequestKind::Move { session_id, scope } => {
                Answered::Moved(self.reschedule(caller, &format!("s{session_id}"), &when, *scope).await?)
            }
        })
    }

    /// Whether `user` may answer request `id` now (a quick check before a button is answered).
    pub async fn request_state(&self, user: UserId, id: i64) -> AppResult<Result<BookingRequest, Stale>> {
        Ok(self.answerable(user, "", id).await?.map(|(request, _)| request))
    }

    /// Request `id` and the caller it acts for, if `user` may answer it now.
    async fn answerable(
        &self,
        user: UserId,
        name: &str,
        id: i64,
    ) -> AppResult<Result<(BookingRequest, Caller), Stale>> {
        let Some(request) = self.store.request(id).await? else { return Ok(Err(Stale::Expired)) };
        if let Err(stale) = request.check_answerable(user, self.now()) {
            return Ok(Err(stale));
        }
        let caller = Caller { guild_id: request.request.guild, user_id: user, name: name.to_owned(), is_admin: false };
        Ok(Ok((request, caller)))
    }
}
