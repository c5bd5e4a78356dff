//! A cohort's timeline: the program's first and last day (local dates in its zone), where it
//! stands ("week 5 of 12"), and the jobs it implies for a pair: the midpoint review prompt
//! halfway through the pair's own time in the program, the final review prompt a week before the
//! end, one reminder a week after each, and (for pairs that opt in) a quarterly check-in for a
//! year after the end. Every prompt goes out at a sensible local time of each recipient.

use chrono::{DateTime, Days, Months, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;

use super::{
    goal::ReviewKind,
    jobs::{JobKind, PlannedJob, Recipient, Subject},
    local_time::resolve_local_lenient,
    quiet_hours::{next_allowed_at_or_after, QuietHours},
    text::short,
};
use crate::tr;

/// A program's first and last day (inclusive), in its zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeline {
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

/// Longest program, in weeks.
pub const MAX_WEEKS: u32 = 104;
/// How many quarterly check-ins follow the end (a year).
pub const CHECK_INS: u32 = 4;
/// The local time prompts and check-ins go out (then moved out of quiet hours).
pub fn prompt_local_time() -> NaiveTime {
    NaiveTime::from_hms_opt(10, 0, 0).unwrap_or(NaiveTime::MIN)
}

/// Why a timeline was refused. Messages are shown to the admin; nothing changes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimelineError {
    /// `which` is the option's name, `starts` or `ends`.
    #[error("{}", tr!("domain-timeline-bad-date", text = short(.text), option = *.which))]
    BadDate { which: &'static str, text: String },
    #[error("{}", tr!("domain-timeline-bad-length", text = short(.0), max = MAX_WEEKS))]
    BadLength(String),
    #[error("{}", tr!("domain-timeline-ends-and-length"))]
    EndsAndLength,
    #[error("{}", tr!("domain-timeline-needs-start"))]
    NeedsStart,
    #[error("{}", tr!("domain-timeline-needs-end"))]
    NeedsEnd,
    #[error("{}", tr!("domain-timeline-end-before-start", starts = .starts.to_string(), ends = .ends.to_string()))]
    EndBeforeStart { starts: NaiveDate, ends: NaiveDate },
    #[error("{}", tr!("domain-timeline-too-long", max = MAX_WEEKS))]
    TooLong,
}

/// Reads a date: `2027-01-11` or `11.01.2027`.
pub fn parse_date(which: &'static str, text: &str) -> Result<NaiveDate, TimelineError> {
    let t = text.trim();
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(t, "%d.%m.%Y"))
        .map_err(|_| TimelineError::BadDate { which, text: t.to_owned() })
}

impl Timeline {
    /// A timeline from what `/program setup` was given: `starts` with `ends` or `length`
    /// (weeks); `current` fills in what is not given.
    pub fn from_options(
        starts: Option<&str>,
        ends: Option<&str>,
        length: Option<&str>,
        current: Option<Timeline>,
    ) -> Result<Option<Timeline>, TimelineError> {
        if starts.is_none() && ends.is_none() && length.is_none() {
            return Ok(current);
        }
        if ends.is_some() && length.is_some() {
            return Err(TimelineError::EndsAndLength);
        }
        let starts_on = match starts {
            Some(s) => parse_date("starts", s)?,
            None => current.ok_or(TimelineError::NeedsStart)?.starts_on,
        };
        let ends_on = match (ends, length) {
            (Some(e), _) => parse_date("ends", e)?,
            (None, Some(l)) => {
                let weeks = l.trim().parse::<u32>().ok().filter(|w| (1..=MAX_WEEKS).contains(w));
                let weeks = weeks.ok_or_else(|| TimelineError::BadLength(l.trim().to_owned()))?;
                starts_on.checked_add_days(Days::new(u64::from(weeks) * 7 - 1)).ok_or(TimelineError::TooLong)?
            }
            (None, None) => current.ok_or(TimelineError::NeedsEnd)?.ends_on,
        };
        if ends_on <= starts_on {
            return Err(TimelineError::EndBeforeStart { starts: starts_on, ends: ends_on });
        }
        let t = Timeline { starts_on, ends_on };
        if t.total_weeks() > MAX_WEEKS {
            return Err(TimelineError::TooLong);
        }
        Ok(Some(t))
    }

    /// Weeks the program runs (a started week counts).
    pub fn total_weeks(&self) -> u32 {
        let days = (self.ends_on - self.starts_on).num_days() + 1;
        u32::try_from((days + 6) / 7).unwrap_or(u32::MAX)
    }

    /// Where the program stands on `today` (a local date in its zone).
    pub fn position(&self, today: NaiveDate) -> Position {
        if today < self.starts_on {
            return Position::Before { days: (self.starts_on - today).num_days() };
        }
        if today > self.ends_on {
            return Position::After;
        }
        let week = u32::try_from((today - self.starts_on).num_days() / 7 + 1).unwrap_or(1);
        Position::Week { week, of: self.total_weeks() }
    }

    /// The day of the final review prompt: a week before the end, or the pair's first day when
    /// it was formed later than that.
    pub fn final_prompt_on(&self, pair_start: NaiveDate) -> NaiveDate {
        self.ends_on.checked_sub_days(Days::new(7)).unwrap_or(self.ends_on).max(pair_start).min(self.ends_on)
    }

    /// The day of the midpoint prompt: halfway from the pair's own start (the program's first
    /// day, or the day the pair was formed when later) to the end; `None` when that is not
    /// before the final prompt (a pair formed too late for a midpoint).
    pub fn midpoint_on(&self, pair_start: NaiveDate) -> Option<NaiveDate> {
        let from = pair_start.max(self.starts_on);
        let half = u64::try_from((self.ends_on - from).num_days() / 2).ok()?;
        let mid = from.checked_add_days(Days::new(half))?;
        (mid < self.final_prompt_on(pair_start)).then_some(mid)
    }
}

/// Where a program stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    Before { days: i64 },
    Week { week: u32, of: u32 },
    After,
}

/// `date` at the prompt time in `zone`, moved out of quiet hours.
pub fn prompt_at(date: NaiveDate, zone: Tz, quiet: &QuietHours) -> DateTime<Utc> {
    next_allowed_at_or_after(resolve_local_lenient(date.and_time(prompt_local_time()), zone), zone, quiet)
}

fn pair_job(kind: JobKind, pairing: i64, to: Recipient, due_at: DateTime<Utc>, key: &str, payload: &str) -> PlannedJob {
    PlannedJob {
        kind,
        subject: Subject::Pairing(pairing),
        recipient: Some(to.id),
        channel: None,
        due_at,
        dedupe_key: format!("{kind}:p{pairing}:u{}:{key}", to.id),
        payload: Some(payload.to_owned()),
    }
}

/// The review prompts of a pair (formed on `pair_start`) and their reminders a week later, for
/// both people, at the prompt time in each one's zone; what is already past is not planned.
pub fn plan_review_prompts(
    t: &Timeline,
    pairing: i64,
    pair_start: NaiveDate,
    people: [Recipient; 2],
    quiet: &QuietHours,
    now: DateTime<Utc>,
) -> Vec<PlannedJob> {
    let mut jobs = Vec::new();
    let days =
        [(ReviewKind::Midpoint, t.midpoint_on(pair_start)), (ReviewKind::Final, Some(t.final_prompt_on(pair_start)))];
    for (kind, date) in days {
        let Some(date) = date else { continue };
        let reminder_on = date.checked_add_days(Days::new(7)).unwrap_or(date);
        for to in people {
            let due = prompt_at(date, to.zone, quiet);
            if due <= now {
                continue;
            }
            let key = format!("{kind}:d{date}");
            jobs.push(pair_job(JobKind::ReviewPrompt, pairing, to, due, &key, kind.as_str()));
            let again = prompt_at(reminder_on, to.zone, quiet);
            jobs.push(pair_job(JobKind::ReviewReminder, pairing, to, again, &key, kind.as_str()));
        }
    }
    jobs
}

/// The quarterly check-ins after the program's end, for a year, to both people.
pub fn plan_check_ins(
    t: &Timeline,
    pairing: i64,
    people: [Recipient; 2],
    quiet: &QuietHours,
    now: DateTime<Utc>,
) -> Vec<PlannedJob> {
    let mut jobs = Vec::new();
    for quarter in 1..=CHECK_INS {
        let Some(date) = t.ends_on.checked_add_months(Months::new(3 * quarter)) else { continue };
        for to in people {
            let due = prompt_at(date, to.zone, quiet);
            if due > now {
                jobs.push(pair_job(JobKind::CheckIn, pairing, to, due, &format!("q{quarter}"), &quarter.to_string()));
            }
        }
    }
    jobs
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::domain::ids::UserId;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_length_in_weeks_ends_the_day_before_the_same_weekday() {
        let t = Timeline::from_options(Some("2027-01-04"), None, Some("12"), None).unwrap().unwrap();
        assert_eq!(t.ends_on, d(2027, 3, 28));
        assert_eq!(t.total_weeks(), 12);
        assert_eq!(t.position(d(2027, 2, 1)), Position::Week { week: 5, of: 12 });
        assert_eq!(t.position(d(2027, 1, 1)), Position::Before { days: 3 });
        assert_eq!(t.position(d(2027, 3, 29)), Position::After);
    }

    #[test]
    fn bad_timelines_are_refused() {
        let e = |s, en, l| Timeline::from_options(s, en, l, None).unwrap_err();
        assert!(matches!(e(Some("2027-13-01"), Some("2027-02-01"), None), TimelineError::BadDate { .. }));
        assert!(matches!(e(Some("2027-02-01"), Some("2027-01-01"), None), TimelineError::EndBeforeStart { .. }));
        assert_eq!(e(Some("2027-01-01"), Some("2027-02-01"), Some("3")), TimelineError::EndsAndLength);
        assert_eq!(e(None, Some("2027-02-01"), None), TimelineError::NeedsStart);
        assert_eq!(e(Some("2027-02-01"), None, None), TimelineError::NeedsEnd);
        assert!(matches!(e(Some("2027-02-01"), None, Some("0")), TimelineError::BadLength(_)));
        assert_eq!(Timeline::from_options(None, None, None, None), Ok(None));
    }

    #[test]
    fn a_late_pair_gets_its_midpoint_halfway_through_its_own_time() {
        let t = Timeline { starts_on: d(2027, 1, 4), ends_on: d(2027, 3, 28) };
        assert_eq!(t.midpoint_on(d(2026, 12, 1)), Some(d(2027, 2, 14)));
        assert_eq!(t.midpoint_on(d(2027, 2, 1)), Some(d(2027, 2, 28)));
        assert_eq!(t.final_prompt_on(d(2027, 1, 4)), d(2027, 3, 21));
        assert_eq!(t.midpoint_on(d(2027, 3, 20)), None, "too late for a midpoint");
        assert_eq!(t.final_prompt_on(d(2027, 3, 25)), d(2027, 3, 25));
    }

    #[test]
    fn prompts_go_out_at_ten_local_for_each_person_with_a_reminder_a_week_later() {
        let t = Timeline { starts_on: d(2027, 1, 4), ends_on: d(2027, 3, 28) };
        let people = [
            Recipient { id: UserId(1), zone: chrono_tz::Europe::Berlin },
            Recipient { id: UserId(2), zone: chrono_tz::America::New_York },
        ];
        let now = Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap();
        let jobs = plan_review_prompts(&t, 7, d(2027, 1, 4), people, &QuietHours::none(), now);
        assert_eq!(jobs.len(), 8);
        assert_eq!(jobs[0].due_at, Utc.with_ymd_and_hms(2027, 2, 14, 9, 0, 0).unwrap());
        assert_eq!(jobs[1].due_at, Utc.with_ymd_and_hms(2027, 2, 21, 9, 0, 0).unwrap());
        assert_eq!(jobs[2].due_at, Utc.with_ymd_and_hms(2027, 2, 14, 15, 0, 0).unwrap());
        let checks = plan_check_ins(&t, 7, people, &QuietHours::none(), now);
        assert_eq!(checks.len(), 8);
        assert_eq!(checks[0].due_at, Utc.with_ymd_and_hms(2027, 6, 28, 8, 0, 0).unwrap());
    }
}
