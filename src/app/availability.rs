//! Weekly availability and away periods: setting them (only their owner), showing them (anyone's
//! weekly slots, in the viewer's zone; notes only to their owner), and the free slots of a pair.

use chrono::{DateTime, Days, Duration, NaiveTime, Utc};
use chrono_tz::Tz;
use tracing::instrument;

use super::{App, AppResult, Caller, Person, UserError};
use crate::{
    domain::{
        availability::{
            choice_label, free_slots, parse_slots, show_in_zone, within_slots, AwayPeriod, FreeSlotQuery, WeeklySlot,
        },
        booking_request::{BookingRequest, NewRequest, RequestKind, REQUEST_LIFETIME},
        ids::UserId,
        local_time::resolve_local_lenient,
        session::check_slot,
        when::{instant_value, parse_deadline},
    },
    tr,
};

/// Longest away note accepted (the Discord option has the same limit).
pub const MAX_AWAY_NOTE_CHARS: usize = 200;

/// Longest away period, in days.
pub const MAX_AWAY_DAYS: u64 = 365;

/// How many days ahead free slots are looked for.
const FREE_SLOT_DAYS: i64 = 28;

/// How many free slots are computed before filtering by what was typed.
const FREE_SLOT_SCAN: usize = 200;

/// What `/availability show` shows.
#[derive(Debug, Clone)]
pub struct AvailabilityView {
    /// Whose availability it is.
    pub owner: UserId,
    /// Whether the viewer looks at their own.
    pub own: bool,
    /// The owner's zone (slots are set in it).
    pub owner_zone: Tz,
    /// The viewer's zone (slots are shown in it).
    pub viewer_zone: Tz,
    /// The weekly slots as wall times in the viewer's zone, e.g. `Mon 12:00-14:00`.
    pub slots: Vec<String>,
    /// Current and coming away periods with their ids; notes only when `own`.
    pub away: Vec<(i64, AwayPeriod)>,
}

/// A booking that falls outside the partner's weekly availability: what to ask the booker.
#[derive(Debug, Clone)]
pub struct OutsideAvailability {
    /// The instant that would be booked.
    pub instant: DateTime<Utc>,
    /// Its length in minutes.
    pub duration: u32,
    /// The partner's weekly slots in the booker's zone.
    pub partner_slots: Vec<String>,
    /// The booker's zone.
    pub zone: Tz,
    /// For a series or a move of several sessions: how many fall outside, of how many.
    pub outside_of: Option<(usize, usize)>,
    /// For a move: the number of the session picked.
    pub session_number: Option<i64>,
    /// The stored question, whose id the buttons carry (nothing is booked yet).
    pub request: BookingRequest,
}

/// The pair's next free start times, with what their labels need.
#[derive(Debug, Clone)]
pub struct FreeTimes {
    /// Free start times, earliest first.
    pub instants: Vec<DateTime<Utc>>,
    /// The viewer's zone (labels are in it).
    pub viewer_zone: Tz,
    pub partner_name: String,
    pub partner_zone: Tz,
}

impl FreeTimes {
    /// Each time with its label, e.g. `Tue 1 Dec 18:00 (Mo: 12:00)`.
    pub fn labelled(&self) -> Vec<(String, DateTime<Utc>)> {
        self.instants
            .iter()
            .map(|at| (choice_label(*at, self.viewer_zone, &self.partner_name, self.partner_zone), *at))
            .collect()
    }
}

/// The result of `/availability away`.
#[derive(Debug, Clone)]
pub struct AwayOutcome {
    pub period: AwayPeriod,
    pub zone: Tz,
    /// Booked sessions of the caller inside the period (left as they are).
    pub sessions_inside: usize,
}

impl App {
    /// Replaces the caller's weekly availability with the slots in `text` (their zone).
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn set_availability(&self, caller: &Caller, text: &str) -> AppResult<(Vec<WeeklySlot>, Tz)> {
        let (program, me) = self.require_member(caller).await?;
        let slots = parse_slots(text).map_err(UserError::from)?;
        self.store.set_availability(caller.guild_id, caller.user_id, &slots).await?;
        Ok((slots, me.zone_or(program.zone)))
    }

    /// Someone's availability (the caller's own when `user` is `None`), in the caller's zone.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn show_availability(&self, caller: &Caller, user: Option<&Person>) -> AppResult<AvailabilityView> {
        let (program, me) = self.require_member(caller).await?;
        let viewer_zone = me.zone_or(program.zone);
        let (owner, owner_zone) = match user {
            None => (caller.user_id, viewer_zone),
            Some(p) if p.id == caller.user_id => (caller.user_id, viewer_zone),
            Some(p) => match self.store.member(caller.guild_id, p.id).await? {
                Some(m) if m.active => (p.id, m.zone_or(program.zone)),
                _ => return Err(UserError::NoAvailability(p.name.clone()).into()),
            },
        };
        let own = owner == caller.user_id;
        let now = self.now();
        let slots = self.store.availability(caller.guild_id, owner).await?;
        let far = now + Duration::days(i64::try_from(MAX_AWAY_DAYS * 3).unwrap_or(1095));
        let mut away = self.store.away_periods_listed(caller.guild_id, owner, now, far).await?;
        if !own {
            for (_, a) in &mut away {
                a.note = None;
            }
        }
        let slots = show_in_zone(&slots, owner_zone, viewer_zone, now);
        Ok(AvailabilityView { owner, own, owner_zone, viewer_zone, slots, away })
    }

    /// Removes away period `id`, which only its owner (`user`) may; returns their availability
    /// as `/availability show` shows it.
    #[instrument(skip_all, fields(user = %user, away = id))]
    pub async fn remove_away(&self, user: UserId, name: &str, id: i64) -> AppResult<AvailabilityView> {
        let Some((guild, owner)) = self.store.away_owner(id).await? else { return Err(UserError::AwayGone.into()) };
        if owner != user {
            return Err(UserError::NotYourAway.into());
        }
        let caller = Caller { guild_id: guild, user_id: user, name: name.to_owned(), is_admin: false };
        self.require_member(&caller).await?;
        if !self.store.remove_away(id, user).await? {
            return Err(UserError::AwayGone.into());
        }
        self.show_availability(&caller, None).await
    }

    /// Records that the caller is away from the start of `from` to the end of `to` (dates in
    /// their zone).
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn add_away(&self, caller: &Caller, from: &str, to: &str, note: Option<&str>) -> AppResult<AwayOutcome> {
        let (program, me) = self.require_member(caller).await?;
        let zone = me.zone_or(program.zone);
        let now = self.now();
        let date = |which: &'static str, text: &str| {
            parse_deadline(text, now, zone)
                .map(|w| w.local.date())
                .map_err(|e| UserError::AwayDate { which, message: e.to_string() })
        };
        let (first, last) = (date("from", from)?, date("to", to)?);
        if last < first {
            return Err(UserError::AwayOrder.into());
        }
        if first.checked_add_days(Days::new(MAX_AWAY_DAYS)).is_some_and(|limit| last >= limit) {
            return Err(UserError::AwayTooLong(MAX_AWAY_DAYS).into());
        }
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        if note.is_some_and(|n| n.chars().count() > MAX_AWAY_NOTE_CHARS) {
            return Err(UserError::TooLong(tr!("app-away-note-too-long", max = MAX_AWAY_NOTE_CHARS)).into());
        }
        let midnight = |d: chrono::NaiveDate| resolve_local_lenient(d.and_time(NaiveTime::MIN), zone);
        let end_day = last.checked_add_days(Days::new(1)).ok_or(UserError::AwayTooLong(MAX_AWAY_DAYS))?;
        let period = AwayPeriod { start: midnight(first), end: midnight(end_day), note: note.map(str::to_owned) };
        self.store.add_away(caller.guild_id, caller.user_id, &period, now).await?;
        let sessions_inside = self
            .store
            .booked_intervals(caller.guild_id, caller.user_id, period.start.max(now), period.end)
            .await?
            .len();
        Ok(AwayOutcome { period, zone, sessions_inside })
    }

    /// The next free start times of the caller and their partner `with` (see
    /// [`free_slots`]), as autocomplete choices: a label in the caller's zone with the partner's
    /// wall time, and a value that books exactly that instant. Only labels containing `partial`
    /// (case-insensitive) are offered; nothing when `with` is not the caller's partner.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn free_slot_choices(
        &self,
        caller: &Caller,
        with: UserId,
        duration_minutes: Option<i64>,
        partial: &str,
    ) -> AppResult<Vec<(String, String)>> {
        let Some(free) = self.free_times(caller, with, duration_minutes, None).await? else { return Ok(Vec::new()) };
        let needle = partial.trim().to_lowercase();
        Ok(free
            .labelled()
            .into_iter()
            .map(|(label, at)| (label, instant_value(at)))
            .filter(|(label, _)| needle.is_empty() || label.to_lowercase().contains(&needle))
            .take(25)
            .collect())
    }

    /// The next free start times of the caller and their partner `with` at the given length
    /// (the session `ignore` spans does not count as busy: it is the one being moved); `None`
    /// when `with` is not the caller's partner.
    pub(super) async fn free_times(
        &self,
        caller: &Caller,
        with: UserId,
        duration_minutes: Option<i64>,
        ignore: Option<(DateTime<Utc>, DateTime<Utc>)>,
    ) -> AppResult<Option<FreeTimes>> {
        let (program, me) = self.require_member(caller).await?;
        if self.store.active_pairing_between(caller.guild_id, caller.user_id, with).await?.is_none() {
            return Ok(None);
        }
        let Some(partner) = self.store.member(caller.guild_id, with).await? else { return Ok(None) };
        let now = self.now();
        let limits = self.limits();
        let duration = duration_minutes.unwrap_or(i64::from(self.config.booking.default_duration_minutes));
        if check_slot(now + Duration::minutes(1), duration, now, limits).is_err() {
            return Ok(None);
        }
        let horizon = Duration::days(FREE_SLOT_DAYS.min(i64::from(limits.max_days_ahead)));
        let until = now + horizon + Duration::minutes(duration);
        let mut busy = Vec::new();
        for user in [caller.user_id, with] {
            busy.extend(self.store.booked_intervals(caller.guild_id, user, now, until).await?);
            busy.extend(
                self.store.away_periods(caller.guild_id, user, now, until).await?.into_iter().map(|a| (a.start, a.end)),
            );
        }
        if let Some(ignored) = ignore {
            busy.retain(|b| *b != ignored);
        }
        let partner_slots = self.store.availability(caller.guild_id, with).await?;
        let partner_zone = partner.zone_or(program.zone);
        let viewer_zone = me.zone_or(program.zone);
        let query = FreeSlotQuery {
            partner_slots: &partner_slots,
            partner_zone,
            partner_quiet: self.timings(&program)?.quiet_hours,
            busy: &busy,
            duration: Duration::minutes(duration),
            now,
            horizon,
            limit: FREE_SLOT_SCAN,
        };
        Ok(Some(FreeTimes {
            instants: free_slots(&query),
            viewer_zone,
            partner_name: partner.display_name,
            partner_zone,
        }))
    }

    /// Checks a booking like `/book` does, without storing anything, and says whether it falls
    /// outside the partner's weekly availability (then the booker is asked first).
    ///
    /// # Errors
    /// Everything `/book` refuses (time, duration, pairing, clashes, away periods).
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn outside_availability(
        &self,
        caller: &Caller,
        with: &Person,
        when: &str,
        duration_minutes: Option<i64>,
        topic: Option<&str>,
    ) -> AppResult<Option<OutsideAvailability>> {
        let topic = super::sessions::clean_topic(topic)?;
        let basics = self.booking_basics(caller, with, when, duration_minutes).await?;
        let start = basics.when.instant;
        let end = start + Duration::minutes(i64::from(basics.duration));
        {
            let mut tx = self.store.begin().await?;
            let checked = self.check_free(&mut tx, &basics.program, caller, with, start, end, None).await;
            tx.rollback().await.map_err(anyhow::Error::from)?;
            checked?;
        }
        let slots = self.store.availability(caller.guild_id, with.id).await?;
        let partner_zone = self.zone_of(&basics.program, with.id).await?;
        if within_slots(&slots, partner_zone, start, Duration::minutes(i64::from(basics.duration))) {
            return Ok(None);
        }
        let new = NewRequest {
            guild: caller.guild_id,
            user: caller.user_id,
            partner: with.id,
            kind: RequestKind::Book,
            at: Some(start),
            minutes: basics.duration,
            topic: topic.map(str::to_owned),
        };
        let request = self.store.add_request(&new, basics.now, basics.now + REQUEST_LIFETIME).await?;
        Ok(Some(OutsideAvailability {
            instant: start,
            duration: basics.duration,
            partner_slots: show_in_zone(&slots, partner_zone, basics.zone, basics.now),
            zone: basics.zone,
            outside_of: None,
            session_number: None,
            request,
        }))
    }

    /// The first away period of the caller, else of the partner, at some point of `[start, end)`,
    /// with whether it is the caller's.
    async fn first_away(
        &self,
        tx: &mut crate::store::Tx,
        program: &crate::domain::program::Program,
        caller: &Caller,
        partner: &Person,
        span: (DateTime<Utc>, DateTime<Utc>),
    ) -> AppResult<Option<(bool, AwayPeriod)>> {
        for (user, mine) in [(caller.user_id, true), (partner.id, false)] {
            if let Some(away) = self.away_during(tx, program.guild_id, user, span).await? {
                return Ok(Some((mine, away)));
            }
        }
        Ok(None)
    }

    /// Who of the two is away at some point of `[start, end)`: `you are` or `<partner> is`.
    pub(super) async fn who_is_away(
        &self,
        tx: &mut crate::store::Tx,
        program: &crate::domain::program::Program,
        caller: &Caller,
        partner: &Person,
        span: (DateTime<Utc>, DateTime<Utc>),
    ) -> AppResult<Option<String>> {
        let away = self.first_away(tx, program, caller, partner, span).await?;
        Ok(away.map(|(mine, _)| {
            if mine {
                tr!("app-left-out-away-you")
            } else {
                tr!("app-left-out-away-partner", name = partner.name.as_str())
            }
        }))
    }

    /// Refuses `[start, end)` when it falls into an away period of the caller or the partner
    /// (the error names who and when, never the partner's note).
    pub(super) async fn refuse_away(
        &self,
        tx: &mut crate::store::Tx,
        program: &crate::domain::program::Program,
        caller: &Caller,
        partner: &Person,
        span: (DateTime<Utc>, DateTime<Utc>),
    ) -> AppResult<()> {
        match self.first_away(tx, program, caller, partner, span).await? {
            Some((mine, away)) => {
                let partner = (!mine).then(|| partner.name.clone());
                Err(UserError::Away { partner, start: away.start, end: away.end }.into())
            }
            None => Ok(()),
        }
    }

    /// The first away period of `user` that overlaps `[start, end)`, if any (read in `tx`).
    pub(super) async fn away_during(
        &self,
        tx: &mut crate::store::Tx,
        guild: crate::domain::ids::GuildId,
        user: UserId,
        (start, end): (DateTime<Utc>, DateTime<Utc>),
    ) -> AppResult<Option<AwayPeriod>> {
        Ok(self.store.away_periods_in(tx, guild, user, start, end).await?.into_iter().next())
    }
}
