//! Scheduled jobs as the domain sees them: their kinds, which jobs a booking or an action item
//! implies (the planner), what to do with a job that is processed late (catch-up rules) and how
//! long to wait before a retry (backoff).

use std::fmt;

use chrono::{DateTime, Days, Duration, NaiveTime, Utc};
use chrono_tz::Tz;

use super::{
    attendance::Settled,
    day_before,
    ids::UserId,
    local_time::{resolve_local_lenient, to_local},
    quiet_hours::{latest_allowed_at_or_before, next_allowed_at_or_after},
    session::Session,
    settings::Timings,
};

/// What a job does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JobKind {
    /// The day before: ask the mentee for an agenda.
    AgendaRequest,
    /// A few hours before, no agenda yet: nudge the mentee.
    AgendaNudge,
    /// A few hours before, no agenda yet: tell the mentor.
    AgendaMissing,
    /// Before the session: the agenda (or its absence) and open actions to the mentor.
    MentorPrep,
    /// After the session: prompt for takeaways, actions, next booking.
    FollowUp,
    /// Days after the session, nothing recorded: one more prompt.
    FollowUpAgain,
    /// Before an action item's deadline.
    DeadlineReminder,
    /// The morning after a missed deadline.
    OverdueReminder,
    /// The program channel's weekly aggregate post.
    WeeklyNudge,
    /// A short channel mention asking someone to open their DMs.
    DmFallback,
    /// A notice to one person (booked, moved, cancelled, paired, unpaired, agenda, topics); what
    /// it says is the job's payload.
    Notice,
    /// Sends nothing: plans the reminders of a series' occurrences as they come within
    /// [`SERIES_HORIZON_DAYS`], then the next top-up. The payload names the series.
    SeriesTopUp,
    /// The program's timeline: a DM with **Start midpoint review** / **Start final review**;
    /// the payload names the review.
    ReviewPrompt,
    /// A week after a review prompt, only when that person has not done the review.
    ReviewReminder,
    /// A quarterly check-in after the program (pairs that opted in); the payload is the quarter.
    CheckIn,
    /// Before a milestone's due day, and the morning after when it is missed; the payload is
    /// the milestone's id.
    MilestoneReminder,
    /// An opted-in admin's weekly digest DM: pair health, **Nudge both** for stale pairs.
    AdminDigest,
}

/// How far ahead the reminders of a series' occurrences are planned; later occurrences wait for
/// the series' top-up job, so a long series keeps few rows in the job table.
pub const SERIES_HORIZON_DAYS: i64 = 14;

impl JobKind {
    /// Every kind, for status tables.
    pub const ALL: [JobKind; 17] = [
        JobKind::AgendaRequest,
        JobKind::AgendaNudge,
        JobKind::AgendaMissing,
        JobKind::MentorPrep,
        JobKind::FollowUp,
        JobKind::FollowUpAgain,
        JobKind::DeadlineReminder,
        JobKind::OverdueReminder,
        JobKind::WeeklyNudge,
        JobKind::DmFallback,
        JobKind::Notice,
        JobKind::SeriesTopUp,
        JobKind::ReviewPrompt,
        JobKind::ReviewReminder,
        JobKind::CheckIn,
        JobKind::MilestoneReminder,
        JobKind::AdminDigest,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            JobKind::AgendaRequest => "agenda_request",
            JobKind::AgendaNudge => "agenda_nudge",
            JobKind::AgendaMissing => "agenda_missing",
            JobKind::MentorPrep => "mentor_prep",
            JobKind::FollowUp => "follow_up",
            JobKind::FollowUpAgain => "follow_up_again",
            JobKind::DeadlineReminder => "deadline_reminder",
            JobKind::OverdueReminder => "overdue_reminder",
            JobKind::WeeklyNudge => "weekly_nudge",
            JobKind::DmFallback => "dm_fallback",
            JobKind::Notice => "notice",
            JobKind::SeriesTopUp => "series_top_up",
            JobKind::ReviewPrompt => "review_prompt",
            JobKind::ReviewReminder => "review_reminder",
            JobKind::CheckIn => "check_in",
            JobKind::MilestoneReminder => "milestone_reminder",
            JobKind::AdminDigest => "admin_digest",
        }
    }

    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether the job sends a DM (else it posts in a channel).
    pub fn is_dm(self) -> bool {
        !matches!(self, JobKind::WeeklyNudge | JobKind::DmFallback | JobKind::SeriesTopUp)
    }
}

impl fmt::Display for JobKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a job is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Session(i64),
    Action(i64),
    Pairing(i64),
    Program,
}

/// A job to insert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedJob {
    pub kind: JobKind,
    pub subject: Subject,
    pub recipient: Option<UserId>,
    pub channel: Option<u64>,
    pub due_at: DateTime<Utc>,
    /// Unique per occurrence: the same occurrence is never planned (or sent) twice.
    pub dedupe_key: String,
    /// What a notice says (JSON), for notice kinds.
    pub payload: Option<String>,
}

/// The top-up job of series `series_id` (of pairing `pairing_id`), due at `due_at`.
pub fn plan_series_top_up(series_id: i64, pairing_id: i64, due_at: DateTime<Utc>) -> PlannedJob {
    PlannedJob {
        kind: JobKind::SeriesTopUp,
        subject: Subject::Pairing(pairing_id),
        recipient: None,
        channel: None,
        due_at,
        dedupe_key: format!("{}t{}", series_top_up_prefix(series_id), due_at.timestamp()),
        payload: Some(series_id.to_string()),
    }
}

/// The start of the dedupe keys of a series' top-up jobs.
pub fn series_top_up_prefix(series_id: i64) -> String {
    format!("series_top_up:x{series_id}:")
}

/// A person to plan for: who, and the zone their local rules use.
#[derive(Debug, Clone, Copy)]
pub struct Recipient {
    pub id: UserId,
    pub zone: Tz,
}

fn session_job(kind: JobKind, session: &Session, to: Recipient, due_at: DateTime<Utc>) -> PlannedJob {
    PlannedJob {
        kind,
        subject: Subject::Session(session.id),
        recipient: Some(to.id),
        channel: None,
        due_at,
        dedupe_key: format!("{kind}:s{}:r{}:u{}", session.id, session.revision, to.id),
        payload: None,
    }
}

/// The jobs a booked session implies, as of `now`. Reminders before the session move out of the
/// recipient's quiet hours to the latest earlier allowed time; prompts after it move to the next
/// allowed time. A reminder whose time has already passed at booking is not planned, except the
/// agenda request (sent at once while there is still time before the agenda nudge) and the
/// mentor's prep note (sent at once while the session is ahead).
pub fn plan_session(
    session: &Session,
    mentor: Recipient,
    mentee: Recipient,
    t: &Timings,
    now: DateTime<Utc>,
) -> Vec<PlannedJob> {
    let start = session.starts_at;
    let end = session.ends_at();
    let q = &t.quiet_hours;
    let before = |lead: Duration, to: Recipient| day_before::before(start, lead, to.zone, q);
    let mut jobs = Vec::new();
    if start <= now {
        return jobs;
    }
    let request = before(t.agenda_request_before, mentee);
    if request > now {
        jobs.push(session_job(JobKind::AgendaRequest, session, mentee, request));
    } else if start - now > t.agenda_nudge_before {
        jobs.push(session_job(JobKind::AgendaRequest, session, mentee, now));
    }
    for (kind, to) in [(JobKind::AgendaNudge, mentee), (JobKind::AgendaMissing, mentor)] {
        let due = before(t.agenda_nudge_before, to);
        if due > now {
            jobs.push(session_job(kind, session, to, due));
        }
    }
    let prep = before(t.mentor_prep_before, mentor);
    jobs.push(session_job(JobKind::MentorPrep, session, mentor, prep.max(now)));
    for to in [mentee, mentor] {
        let after = |delay: Duration| next_allowed_at_or_after(end + delay, to.zone, q);
        jobs.push(session_job(JobKind::FollowUp, session, to, after(t.follow_up_after)));
        jobs.push(session_job(JobKind::FollowUpAgain, session, to, after(t.follow_up_after + t.follow_up_again_after)));
    }
    jobs
}

/// What an action item's reminders need to know.
#[derive(Debug, Clone, Copy)]
pub struct ActionDue {
    pub action_id: i64,
    pub revision: i64,
    pub deadline: DateTime<Utc>,
    pub owner: Recipient,
}

/// The reminders of an open action item: one before the deadline (quiet hours respected; at
/// once when that time has passed but the deadline has not) and one the morning after a missed
/// deadline.
pub fn plan_action(a: &ActionDue, t: &Timings, now: DateTime<Utc>) -> Vec<PlannedJob> {
    let job = |kind: JobKind, due_at| PlannedJob {
        kind,
        subject: Subject::Action(a.action_id),
        recipient: Some(a.owner.id),
        channel: None,
        due_at,
        dedupe_key: format!("{kind}:a{}:r{}", a.action_id, a.revision),
        payload: None,
    };
    let mut jobs = Vec::new();
    if a.deadline > now {
        let remind = latest_allowed_at_or_before(a.deadline - t.deadline_reminder_before, a.owner.zone, &t.quiet_hours);
        jobs.push(job(JobKind::DeadlineReminder, remind.max(now)));
    }
    jobs.push(job(JobKind::OverdueReminder, next_morning(a.deadline, a.owner.zone, t).max(now)));
    jobs
}

/// The morning after `instant` in `zone`: the end of quiet hours on the next local day (09:00
/// when there are no quiet hours).
pub fn next_morning(instant: DateTime<Utc>, zone: Tz, t: &Timings) -> DateTime<Utc> {
    let morning = if t.quiet_hours.is_none() { NaiveTime::from_hms_opt(9, 0, 0) } else { Some(t.quiet_hours.end()) };
    let local = to_local(instant, zone);
    let next_day = local.date().checked_add_days(Days::new(1)).unwrap_or(local.date());
    resolve_local_lenient(next_day.and_time(morning.unwrap_or_default()), zone)
}

/// What to do with a job processed at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CatchUp {
    Send,
    Skip(&'static str),
}

/// Facts about a job's subject at the time it is processed.
#[derive(Debug, Clone, Copy, Default)]
pub struct SubjectState {
    /// The session is booked (not cancelled) and its pairing active; for action jobs: the item is
    /// open and its pairing active.
    pub live: bool,
    /// The session start (session jobs).
    pub session_start: Option<DateTime<Utc>>,
    /// The action item's deadline (action jobs).
    pub deadline: Option<DateTime<Utc>>,
    /// An agenda exists (session jobs).
    pub has_agenda: bool,
    /// Notes were recorded (session jobs).
    pub has_notes: bool,
    /// Whether the pair said the session happened (session jobs).
    pub attendance: Option<Settled>,
}

/// However a job's kind reads, it is not sent more than this late.
pub const MAX_LATENESS_DAYS: i64 = 7;

/// The catch-up rule of each kind, for a job first due at `due` (retries do not move it) and
/// processed at `now`. It is also how long a failing delivery is retried: as long as the
/// message is still worth sending.
pub fn catch_up(kind: JobKind, due: DateTime<Utc>, now: DateTime<Utc>, s: SubjectState) -> CatchUp {
    let ahead = s.session_start.is_some_and(|start| start > now);
    let before_session =
        matches!(kind, JobKind::AgendaRequest | JobKind::AgendaNudge | JobKind::AgendaMissing | JobKind::MentorPrep);
    let asks_for_agenda = matches!(kind, JobKind::AgendaRequest | JobKind::AgendaNudge | JobKind::AgendaMissing);
    let follow_up = matches!(kind, JobKind::FollowUp | JobKind::FollowUpAgain | JobKind::OverdueReminder);
    let late = now - due;
    match kind {
        _ if late > Duration::days(MAX_LATENESS_DAYS) => CatchUp::Skip("more than a week late"),
        JobKind::WeeklyNudge | JobKind::DmFallback | JobKind::AdminDigest if late > Duration::days(1) => {
            CatchUp::Skip("more than a day late")
        }
        // A notice is about an ended pairing or a cancelled session too: that is what it says.
        JobKind::Notice if s.session_start.is_some_and(|start| start <= now) => {
            CatchUp::Skip("the session it is about has started")
        }
        JobKind::WeeklyNudge | JobKind::DmFallback | JobKind::Notice | JobKind::AdminDigest => CatchUp::Send,
        _ if !s.live => CatchUp::Skip("the session or action item changed"),
        _ if before_session && !ahead => CatchUp::Skip("the session has started"),
        _ if asks_for_agenda && s.has_agenda => CatchUp::Skip("the agenda has arrived"),
        JobKind::DeadlineReminder if s.deadline.is_some_and(|d| d <= now) => CatchUp::Skip("the deadline has passed"),
        _ if follow_up && late > Duration::hours(48) => CatchUp::Skip("more than 48 hours late"),
        JobKind::FollowUpAgain if s.has_notes => CatchUp::Skip("notes were recorded"),
        JobKind::FollowUpAgain if s.attendance == Some(Settled::Missed) => CatchUp::Skip("the session did not happen"),
        _ => CatchUp::Send,
    }
}

/// The wait before retry number `attempt` (1-based): `base * 2^(attempt-1)`, capped at `max`,
/// then scaled by `jitter` (expected in 0.8..=1.2).
pub fn backoff(attempt: u32, base: Duration, max: Duration, jitter: f64) -> Duration {
    let factor = 2_i32.saturating_pow(attempt.saturating_sub(1).min(20));
    let plain = (base * factor).min(max);
    #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
    let millis = (plain.num_milliseconds() as f64 * jitter.clamp(0.5, 1.5)) as i64;
    Duration::milliseconds(millis.max(1))
}

#[cfg(test)]
#[path = "jobs_tests.rs"]
mod tests;
