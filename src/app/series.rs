//! Booking a series of sessions: every occurrence at the same local wall time in the booker's
//! zone; each one a real session (its own number, agenda, notes, reminders). Occurrences that
//! overlap either person's sessions or fall into a DST gap are left out and reported; the
//! partner gets one notice with one calendar event for the whole series.

use chrono::Duration;
use tracing::instrument;

use super::{sessions::Basics, App, AppResult, Caller, CancelOutcome, Notice, NoticeKind, Person, UserError};
use crate::{
    domain::{
        ids::UserId,
        local_time::resolve_local_lenient,
        pairing::Pairing,
        program::Program,
        series::{
            check_count, count_until, expand, LeftOut, LeftOutWhy, Repeat, Scope, Series, SeriesError, MAX_COUNT,
        },
        session::{Session, SessionStatus},
        when::{parse_deadline, When},
    },
    store::{NewSeries, NewSession},
};

/// The series options of `/book`.
#[derive(Debug, Clone, Copy, Default)]
pub struct SeriesOptions<'a> {
    /// `weekly`, `every 2 weeks`, `every 3 weeks` or `monthly`.
    pub repeat: Option<&'a str>,
    /// How many occurrences (2–52).
    pub count: Option<i64>,
    /// The last date, read in the booker's zone.
    pub until: Option<&'a str>,
}

impl SeriesOptions<'_> {
    /// Whether any series option was given (else `/book` books one session).
    pub fn any(&self) -> bool {
        self.repeat.is_some() || self.count.is_some() || self.until.is_some()
    }
}

/// The result of booking a series.
#[derive(Debug, Clone)]
pub struct SeriesOutcome {
    pub series: Series,
    /// The booked occurrences, by start.
    pub sessions: Vec<Session>,
    /// The occurrences left out, and why.
    pub left_out: Vec<LeftOut>,
    /// Booked sessions (after the first) whose local time happens twice (clocks go back); the
    /// earlier instant was taken.
    pub ambiguous: Vec<chrono::DateTime<chrono::Utc>>,
    /// The first occurrence as typed.
    pub when: When,
    pub partner: UserId,
    pub notices: Vec<Notice>,
}

/// A series as `/sessions` shows it: its rule, how many of its sessions are still ahead, the next.
#[derive(Debug, Clone)]
pub struct SeriesSummary {
    pub series: Series,
    pub partner: UserId,
    /// Booked sessions still ahead.
    pub left: usize,
    pub next: chrono::DateTime<chrono::Utc>,
}

/// A series checked and expanded, not yet stored.
pub(super) struct SeriesPlan {
    pub basics: Basics,
    pub repeat: Repeat,
    pub count: u32,
    pub occurrences: Vec<crate::domain::series::Occurrence>,
}

/// A cancellation of several sessions of a series.
#[derive(Debug, Clone, Copy)]
pub(super) struct SeriesCancel<'a> {
    pub series: &'a Series,
    /// The session the caller picked.
    pub picked: &'a Session,
    /// `Following` (from the one picked) or `Series` (every upcoming one).
    pub scope: Scope,
    pub reason: Option<&'a str>,
}

impl App {
    /// The series among `lines` (from `list_sessions`) that still have sessions ahead, by their
    /// next session.
    pub async fn series_summaries(&self, lines: &[super::SessionLine]) -> AppResult<Vec<SeriesSummary>> {
        let now = self.now();
        let mut out: Vec<SeriesSummary> = Vec::new();
        for line in lines.iter().filter(|l| l.session.status == SessionStatus::Booked && l.session.starts_at > now) {
            let Some(id) = line.session.series_id else { continue };
            if let Some(summary) = out.iter_mut().find(|s| s.series.id == id) {
                summary.left += 1;
                summary.next = summary.next.min(line.session.starts_at);
                continue;
            }
            if let Some(series) = self.store.series(id).await? {
                out.push(SeriesSummary { series, partner: line.partner, left: 1, next: line.session.starts_at });
            }
        }
        out.sort_by_key(|s| s.next);
        Ok(out)
    }

    /// Books a series with the caller's partner `with`, starting at `when` (read in the caller's
    /// zone) and repeating as `options` say.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn book_series(
        &self,
        caller: &Caller,
        with: &Person,
        when: &str,
        duration_minutes: Option<i64>,
        topic: Option<&str>,
        options: SeriesOptions<'_>,
    ) -> AppResult<SeriesOutcome> {
        let topic = super::sessions::clean_topic(topic)?;
        let SeriesPlan { basics, repeat, count, occurrences } =
            self.series_plan(caller, with, when, duration_minutes, options).await?;
        let Basics { program, pairing, zone, when, duration, now } = basics;

        let mut tx = self.store.begin().await?;
        let new = NewSeries {
            pairing_id: pairing.id,
            repeat,
            zone,
            first_local: when.local,
            count,
            duration_minutes: duration,
            booked_by: caller.user_id,
        };
        let series = self.store.insert_series(&mut tx, &new, now).await?;
        let length = Duration::minutes(i64::from(duration));
        let (mut sessions, mut left_out, mut ambiguous) = (Vec::new(), Vec::new(), Vec::new());
        for occurrence in &occurrences {
            let Some(start) = occurrence.instant() else {
                left_out.push(LeftOut::gap(occurrence, zone));
                continue;
            };
            if let Some(who) = self.who_is_away(&mut tx, &program, caller, with, (start, start + length)).await? {
                left_out.push(LeftOut {
                    index: occurrence.index,
                    local: occurrence.local,
                    instant: start,
                    why: LeftOutWhy::Away { who },
                });
                continue;
            }
            if let Some(clash) =
                self.first_clash(&mut tx, &program, caller, with, (start, start + length), None).await?
            {
                let why = clash.left_out_why();
                left_out.push(LeftOut { index: occurrence.index, local: occurrence.local, instant: start, why });
                continue;
            }
            let new = NewSession {
                pairing_id: pairing.id,
                starts_at: start,
                duration_minutes: duration,
                topic,
                booked_by: caller.user_id,
                series: Some((series.id, occurrence.index)),
            };
            let session = self.store.insert_session(&mut tx, &new, now).await?;
            self.replan_session(&mut tx, &program, &pairing, &session, now).await?;
            if occurrence.index > 0 && occurrence.resolved.is_ok_and(|r| r.ambiguity.is_some()) {
                ambiguous.push(start);
            }
            sessions.push(session);
        }
        if sessions.is_empty() {
            return Err(UserError::from(SeriesError::NothingFree).into());
        }
        let notices = vec![Notice {
            to: with.id,
            kind: NoticeKind::SeriesBooked {
                series: series.clone(),
                sessions: sessions.clone(),
                left_out: left_out.clone(),
                by: caller.user_id,
            },
        }];
        self.plan_notices(&mut tx, caller.guild_id, &notices, now).await?;
        tx.commit().await.map_err(anyhow::Error::from)?;
        self.jobs_changed();
        Ok(SeriesOutcome { series, sessions, left_out, ambiguous, when, partner: with.id, notices })
    }

    /// What every series booking checks first (the booking, the repeat, the count or end date,
    /// how far ahead it reaches), and its occurrences; stores nothing.
    pub(super) async fn series_plan(
        &self,
        caller: &Caller,
        with: &Person,
        when: &str,
        duration_minutes: Option<i64>,
        options: SeriesOptions<'_>,
    ) -> AppResult<SeriesPlan> {
        let repeat = options.repeat.ok_or(UserError::from(SeriesError::EndWithoutRepeat))?;
        let repeat = Repeat::parse(repeat).map_err(UserError::from)?;
        let basics = self.booking_basics(caller, with, when, duration_minutes).await?;
        let (when, zone, now) = (&basics.when, basics.zone, basics.now);
        let count = match (options.count, options.until) {
            (Some(_), Some(_)) => return Err(UserError::from(SeriesError::CountAndUntil).into()),
            (None, None) => return Err(UserError::from(SeriesError::NoEnd).into()),
            (Some(count), None) => check_count(count).map_err(UserError::from)?,
            (None, Some(until)) => {
                let until = parse_deadline(until, now, zone).map_err(UserError::from)?;
                let n = count_until(repeat, when.local.date(), until.local.date());
                if n < 2 {
                    let second = repeat
                        .nth_date(when.local.date(), 1)
                        .map_or(when.instant, |d| resolve_local_lenient(d.and_time(when.local.time()), zone));
                    return Err(UserError::from(SeriesError::UntilTooSoon { until: until.instant, second }).into());
                }
                if n > MAX_COUNT {
                    return Err(UserError::from(SeriesError::UntilTooLong { count: n }).into());
                }
                check_count(n).map_err(UserError::from)?
            }
        };
        let occurrences = expand(repeat, when.local, zone, count);
        let max_days = self.limits().max_days_ahead;
        if let Some(last) = occurrences.last() {
            let last = resolve_local_lenient(last.local, zone);
            if last > now + Duration::days(i64::from(max_days)) {
                return Err(UserError::from(SeriesError::TooFarAhead { last, max_days }).into());
            }
        }
        Ok(SeriesPlan { basics, repeat, count, occurrences })
    }

    /// Cancels sessions of a series: from the one picked on (`Following`) or every upcoming one
    /// (`Series`); the series' rule then ends before the first one cancelled, so calendars drop
    /// the rest. The partner gets one notice with the series' updated calendar file.
    pub(super) async fn cancel_series_from(
        &self,
        caller: &Caller,
        program: &Program,
        pairing: &Pairing,
        change: SeriesCancel<'_>,
        now: chrono::DateTime<chrono::Utc>,
    ) -> AppResult<CancelOutcome> {
        let SeriesCancel { series, picked, scope, reason } = change;
        let mut tx = self.store.begin().await?;
        let all = self.store.sessions_of_series(&mut tx, series.id).await?;
        let upcoming = |s: &&Session| s.status == SessionStatus::Booked && s.starts_at > now;
        let from = match scope {
            Scope::Series => all.iter().filter(upcoming).filter_map(|s| s.occurrence).min(),
            _ => picked.occurrence,
        }
        .unwrap_or(0);
        let mut cancelled = Vec::new();
        for session in all.iter().filter(upcoming).filter(|s| s.occurrence.unwrap_or(0) >= from) {
            let done = self.store.cancel_session(&mut tx, session.id, caller.user_id, reason, now).await?;
            self.replan_session(&mut tx, program, pairing, &done, now).await?;
            cancelled.push(done);
        }
        cancelled.sort_by_key(|s| s.starts_at);
        self.store.cancel_series_top_ups(&mut tx, series.id, now).await?;
        let series = self.store.end_series_at(&mut tx, series.id, if from == 0 { series.count } else { from }).await?;
        let sessions = self.store.sessions_of_series(&mut tx, series.id).await?;
        let partner = pairing.partner_of(caller.user_id).unwrap_or(pairing.mentor_id);
        let notices = vec![Notice {
            to: partner,
            kind: NoticeKind::SeriesCancelled {
                series: series.clone(),
                sessions,
                cancelled: cancelled.clone(),
                by: caller.user_id,
            },
        }];
        self.plan_notices(&mut tx, caller.guild_id, &notices, now).await?;
        tx.commit().await.map_err(anyhow::Error::from)?;
        self.jobs_changed();
        let session = cancelled.first().cloned().unwrap_or_else(|| picked.clone());
        Ok(CancelOutcome { session, cancelled, series: Some(series), partner, notices })
    }
}
