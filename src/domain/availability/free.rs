//! Free slots of a pair: the next start instants inside the partner's weekly slots (anytime
//! when they set none), clear of busy intervals and the partner's quiet hours; whether a booking
//! lies inside someone's slots; and how a free slot is offered as a choice.

use chrono::{DateTime, Datelike, Duration, Utc};
use chrono_tz::Tz;

use super::{local_at, WeeklySlot, STEP_MINUTES};
use crate::{
    domain::{
        dates,
        local_time::{resolve_local, resolve_local_lenient, to_local},
        quiet_hours::QuietHours,
    },
    tr,
};

/// A half-open interval of time during which someone is busy.
pub type Busy = (DateTime<Utc>, DateTime<Utc>);

/// What [`free_slots`] needs to know.
#[derive(Clone, Debug)]
pub struct FreeSlotQuery<'a> {
    /// The partner's weekly slots (empty: available anytime).
    pub partner_slots: &'a [WeeklySlot],
    /// The partner's zone (their slots and quiet hours are read in it).
    pub partner_zone: Tz,
    /// The partner's quiet hours.
    pub partner_quiet: QuietHours,
    /// Both people's booked sessions and away periods, in any order.
    pub busy: &'a [Busy],
    /// How long the session lasts.
    pub duration: Duration,
    /// Now; results lie strictly after it.
    pub now: DateTime<Utc>,
    /// How far ahead to look.
    pub horizon: Duration,
    /// How many start instants to return at most.
    pub limit: usize,
}

/// The next (at most `limit`) start instants, ascending, at which a session of `duration` fits:
/// inside one of the partner's weekly slots (anytime when they set none), overlapping no busy
/// interval, and touching none of the partner's quiet hours.
#[must_use]
pub fn free_slots(q: &FreeSlotQuery<'_>) -> Vec<DateTime<Utc>> {
    if q.limit == 0 || q.duration <= Duration::zero() {
        return Vec::new();
    }
    let until = q.now + q.horizon;
    let mut busy: Vec<Busy> = q.busy.iter().copied().filter(|(s, e)| *e > q.now && *s < until + q.duration).collect();
    busy.sort_unstable();
    let fits = |start: DateTime<Utc>| {
        let end = start + q.duration;
        start > q.now
            && start <= until
            && !busy.iter().any(|(s, e)| *s < end && start < *e)
            && !touches_quiet(start, end, q.partner_zone, &q.partner_quiet)
    };
    let mut found = Vec::new();
    if q.partner_slots.is_empty() {
        let step = i64::from(STEP_MINUTES) * 60;
        let mut t = q.now.timestamp().div_euclid(step) * step + step;
        let last = until.timestamp();
        while t <= last && found.len() < q.limit {
            if let Some(start) = DateTime::from_timestamp(t, 0) {
                if fits(start) {
                    found.push(start);
                }
            }
            t += step;
        }
        return found;
    }
    let first_day = to_local(q.now, q.partner_zone).date();
    let mut day = first_day.pred_opt().unwrap_or(first_day);
    let last_day = to_local(until, q.partner_zone).date();
    while day <= last_day && found.len() < q.limit {
        let mut today: Vec<DateTime<Utc>> = Vec::new();
        for slot in q.partner_slots.iter().filter(|s| s.weekday() == day.weekday()) {
            let Some(slot_end) = local_at(day, slot.end).map(|l| resolve_local_lenient(l, q.partner_zone)) else {
                continue;
            };
            let mut minute = slot.start;
            while minute < slot.end {
                let start = local_at(day, minute).and_then(|l| resolve_local(l, q.partner_zone).ok());
                if let Some(start) = start.map(|r| r.instant) {
                    if start + q.duration > slot_end {
                        break;
                    }
                    if fits(start) {
                        today.push(start);
                    }
                }
                minute += STEP_MINUTES;
            }
        }
        today.sort_unstable();
        today.dedup();
        found.extend(today);
        day = match day.succ_opt() {
            Some(d) => d,
            None => break,
        };
    }
    found.sort_unstable();
    found.dedup();
    found.truncate(q.limit);
    found
}

/// Whether `instant` starts a session of `duration` that lies inside one of `slots` (read in
/// `zone`); true when `slots` is empty (available anytime).
#[must_use]
pub fn within_slots(slots: &[WeeklySlot], zone: Tz, instant: DateTime<Utc>, duration: Duration) -> bool {
    if slots.is_empty() {
        return true;
    }
    let date = to_local(instant, zone).date();
    [date.pred_opt(), Some(date)].into_iter().flatten().any(|day| {
        slots
            .iter()
            .filter(|s| s.weekday() == day.weekday())
            .any(|slot| slot.on(day, zone).is_some_and(|(start, end)| start <= instant && instant + duration <= end))
    })
}

/// Whether `[start, end)` touches quiet hours read on the wall clock of `zone`: its start is quiet,
/// or a quiet period begins before it ends.
fn touches_quiet(start: DateTime<Utc>, end: DateTime<Utc>, zone: Tz, quiet: &QuietHours) -> bool {
    if quiet.is_none() {
        return false;
    }
    let (s, e) = (to_local(start, zone), to_local(end, zone));
    if quiet.contains(s.time()) {
        return true;
    }
    let mut day = s.date();
    while day <= e.date() {
        let begins = day.and_time(quiet.start());
        if s < begins && begins < e {
            return true;
        }
        day = match day.succ_opt() {
            Some(d) => d,
            None => break,
        };
    }
    false
}

/// A choice label such as `Tue 1 Dec 18:00 (Mo: 12:00)`: the instant in the viewer's zone, then
/// the partner's name and wall time; at most 100 characters.
#[must_use]
pub fn choice_label(instant: DateTime<Utc>, viewer_zone: Tz, partner_name: &str, partner_zone: Tz) -> String {
    let mine = to_local(instant, viewer_zone);
    let theirs = to_local(instant, partner_zone);
    let theirs_time = theirs.format("%H:%M").to_string();
    let theirs_text =
        if theirs.date() == mine.date() { theirs_time } else { dates::weekday_time(theirs.weekday(), &theirs_time) };
    let name: String = partner_name.chars().take(40).collect();
    let label = tr!("domain-free-time-choice", when = dates::day_time(mine), name = name, their_time = theirs_text);
    label.chars().take(100).collect()
}
