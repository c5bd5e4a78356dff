//! Moving a session of a series together with the later ones (`/reschedule scope:following`):
//! the series splits. The old series ends before the session picked; a new series with the same
//! rule starts at the new time (read in the caller's zone) and the sessions move into it, keeping
//! their numbers, agendas and notes. A moved session that would overlap another session, fall
//! into either person's away period or into a DST gap is cancelled and reported instead; the
//! session picked itself must be free and outside away periods.

use chrono::{DateTime, Duration, Utc};

use super::{App, AppResult, Caller, Notice, NoticeKind, Person, RescheduleOutcome, UserError};
use crate::{
    domain::{
        local_time::{resolve_local, resolve_local_lenient},
        pairing::Pairing,
        program::Program,
        series::{LeftOut, LeftOutWhy, Series, SeriesError},
        session::{Session, SessionStatus},
        when::When,
    },
    store::NewSeries,
};

/// A move of a session of a series and the later ones.
#[derive(Debug, Clone, Copy)]
pub(super) struct SeriesMove<'a> {
    pub series: &'a Series,
    /// The session the caller picked.
    pub picked: &'a Session,
    /// Its new time.
    pub when: When,
}

/// Where a moved session would go, and whose.
#[derive(Clone, Copy)]
struct Place<'a> {
    program: &'a Program,
    caller: &'a Caller,
    partner: &'a Person,
    span: (DateTime<Utc>, DateTime<Utc>),
}

impl App {
    /// Why a session of the series cannot move to `place` (someone away, another session
    /// there), or `None` when it can. For the session picked these are refusals instead.
    async fn why_not_there(
        &self,
        tx: &mut crate::store::Tx,
        place: Place<'_>,
        session: i64,
        picked: bool,
    ) -> AppResult<Option<LeftOutWhy>> {
        let Place { program, caller, partner, span } = place;
        if picked {
            self.refuse_away(tx, program, caller, partner, span).await?;
        }
        if let Some(who) = self.who_is_away(tx, program, caller, partner, span).await? {
            return Ok(Some(LeftOutWhy::Away { who }));
        }
        let Some(clash) = self.first_clash(tx, program, caller, partner, span, Some(session)).await? else {
            return Ok(None);
        };
        if picked {
            return Err(UserError::from(clash.refusal()).into());
        }
        Ok(Some(clash.left_out_why()))
    }

    /// Splits `change.series` at the session picked and moves it and the later sessions to the
    /// new series starting at `change.when`.
    pub(super) async fn move_series_from(
        &self,
        caller: &Caller,
        program: &Program,
        pairing: &Pairing,
        partner: &Person,
        change: SeriesMove<'_>,
        now: DateTime<Utc>,
    ) -> AppResult<RescheduleOutcome> {
        let SeriesMove { series: old, picked, when } = change;
        let from = picked.occurrence.unwrap_or(0);
        let count = old.count.saturating_sub(from).max(1);
        let new = NewSeries {
            pairing_id: pairing.id,
            repeat: old.repeat,
            zone: when.zone,
            first_local: when.local,
            count,
            duration_minutes: old.duration_minutes,
            booked_by: caller.user_id,
        };
        let max_days = self.limits().max_days_ahead;
        let last_local = old.repeat.nth_date(when.local.date(), count - 1).map(|d| d.and_time(when.local.time()));
        if let Some(last) = last_local.map(|l| resolve_local_lenient(l, when.zone)) {
            if last > now + Duration::days(i64::from(max_days)) {
                return Err(UserError::from(SeriesError::TooFarAhead { last, max_days }).into());
            }
        }

        let mut tx = self.store.begin().await?;
        let all = self.store.sessions_of_series(&mut tx, old.id).await?;
        let mut moving: Vec<&Session> = all
            .iter()
            .filter(|s| s.status == SessionStatus::Booked && s.starts_at > now && s.occurrence.unwrap_or(0) >= from)
            .collect();
        // Move in the direction of the shift, so a session never meets the old place of the next.
        if when.instant > picked.starts_at {
            moving.reverse();
        }
        let series = self.store.insert_series(&mut tx, &new, now).await?;
        let length = Duration::minutes(i64::from(series.duration_minutes));
        let (mut moved, mut left_out) = (Vec::new(), Vec::new());
        for session in moving {
            let index = session.occurrence.unwrap_or(0) - from;
            let Some(local) = series.local_of(index) else { continue };
            let start = resolve_local(local, series.zone).ok().map(|r| r.instant);
            let why = match start {
                Some(start) => {
                    let place = Place { program, caller, partner, span: (start, start + length) };
                    self.why_not_there(&mut tx, place, session.id, session.id == picked.id).await?
                }
                None => Some(LeftOutWhy::Gap),
            };
            self.store.assign_series(&mut tx, session.id, series.id, index).await?;
            let (Some(start), None) = (start, &why) else {
                let why = why.unwrap_or(LeftOutWhy::Gap);
                let instant = start.unwrap_or_else(|| resolve_local_lenient(local, series.zone));
                left_out.push(LeftOut { index, local, instant, why });
                let done = self.store.cancel_session(&mut tx, session.id, caller.user_id, None, now).await?;
                self.replan_session(&mut tx, program, pairing, &done, now).await?;
                continue;
            };
            let done = self.store.move_session(&mut tx, session.id, start, now).await?;
            self.replan_session(&mut tx, program, pairing, &done, now).await?;
            moved.push(done);
        }
        moved.sort_by_key(|s| s.starts_at);
        left_out.sort_by_key(|l| l.index);
        self.store.cancel_series_top_ups(&mut tx, old.id, now).await?;
        let old = self.store.end_series_at(&mut tx, old.id, if from == 0 { old.count } else { from }).await?;
        let old_sessions = self.store.sessions_of_series(&mut tx, old.id).await?;
        let new_sessions = self.store.sessions_of_series(&mut tx, series.id).await?;
        let notices = vec![Notice {
            to: partner.id,
            kind: NoticeKind::SeriesMoved {
                old,
                old_sessions,
                new: series.clone(),
                new_sessions,
                left_out: left_out.clone(),
                by: caller.user_id,
            },
        }];
        self.plan_notices(&mut tx, caller.guild_id, &notices, now).await?;
        tx.commit().await.map_err(anyhow::Error::from)?;
        self.jobs_changed();
        let session = moved.iter().find(|s| s.id == picked.id).cloned().unwrap_or_else(|| picked.clone());
        Ok(RescheduleOutcome {
            session,
            previous_start: picked.starts_at,
            when,
            partner: partner.id,
            notices,
            following: Some((series, moved, left_out)),
        })
    }
}
