use chrono::TimeZone;
use chrono_tz::{America::New_York, Europe::Berlin};

use super::*;
use crate::domain::session::SessionStatus;

fn timings() -> Timings {
    crate::domain::settings::test_timings()
}

fn session(start: DateTime<Utc>) -> Session {
    Session {
        id: 5,
        pairing_id: 1,
        number: 1,
        starts_at: start,
        duration_minutes: 60,
        status: SessionStatus::Booked,
        topic: None,
        booked_by: UserId(2),
        cancel_reason: None,
        revision: 0,
        series_id: None,
        occurrence: None,
    }
}

fn local(zone: Tz, y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    zone.with_ymd_and_hms(y, m, d, h, min, 0).earliest().unwrap().with_timezone(&Utc)
}

const MENTOR: Recipient = Recipient { id: UserId(1), zone: New_York };
const MENTEE: Recipient = Recipient { id: UserId(2), zone: Berlin };

fn due(jobs: &[PlannedJob], kind: JobKind, to: UserId) -> Option<DateTime<Utc>> {
    jobs.iter().find(|j| j.kind == kind && j.recipient == Some(to)).map(|j| j.due_at)
}

#[test]
fn a_session_booked_days_ahead_plans_every_reminder_and_follow_up() {
    let start = local(Berlin, 2026, 11, 24, 15, 0);
    let now = local(Berlin, 2026, 11, 21, 10, 0);
    let jobs = plan_session(&session(start), MENTOR, MENTEE, &timings(), now);
    assert_eq!(due(&jobs, JobKind::AgendaRequest, MENTEE.id), Some(start - Duration::hours(24)));
    assert_eq!(due(&jobs, JobKind::AgendaNudge, MENTEE.id), Some(start - Duration::hours(3)));
    // 3h before is 06:00 in New York, inside the mentor's quiet hours: 20:59 the evening before.
    assert_eq!(due(&jobs, JobKind::AgendaMissing, MENTOR.id), Some(local(New_York, 2026, 11, 23, 20, 59)));
    assert_eq!(due(&jobs, JobKind::MentorPrep, MENTOR.id), Some(local(New_York, 2026, 11, 23, 20, 59)));
    assert_eq!(due(&jobs, JobKind::FollowUp, MENTEE.id), Some(start + Duration::hours(2)));
    assert_eq!(due(&jobs, JobKind::FollowUpAgain, MENTOR.id), Some(start + Duration::hours(2) + Duration::days(2)));
    assert_eq!(jobs.len(), 8);
    let keys: std::collections::HashSet<_> = jobs.iter().map(|j| &j.dedupe_key).collect();
    assert_eq!(keys.len(), jobs.len(), "every occurrence has its own key");
}

#[test]
fn the_day_before_request_moves_out_of_the_mentees_quiet_hours_to_the_evening_before() {
    // A 07:30 session: 24h before is 07:30, inside 21:00-08:00, so 20:59 two evenings before.
    let start = local(Berlin, 2026, 11, 24, 7, 30);
    let jobs = plan_session(&session(start), MENTOR, MENTEE, &timings(), local(Berlin, 2026, 11, 20, 9, 0));
    assert_eq!(due(&jobs, JobKind::AgendaRequest, MENTEE.id), Some(local(Berlin, 2026, 11, 22, 20, 59)));
}

#[test]
fn follow_ups_after_a_late_session_wait_for_the_morning() {
    let start = local(Berlin, 2026, 11, 24, 20, 0);
    let jobs = plan_session(&session(start), MENTOR, MENTEE, &timings(), local(Berlin, 2026, 11, 20, 9, 0));
    assert_eq!(due(&jobs, JobKind::FollowUp, MENTEE.id), Some(local(Berlin, 2026, 11, 25, 8, 0)));
    // In New York it is 16:00 after the session: allowed.
    assert_eq!(due(&jobs, JobKind::FollowUp, MENTOR.id), Some(start + Duration::hours(2)));
}

#[test]
fn a_24h_lead_across_the_berlin_spring_forward_is_24_real_hours() {
    // Sunday 29 Mar 2026 10:00 CEST; the night before lost an hour.
    let start = local(Berlin, 2026, 3, 29, 10, 0);
    let jobs = plan_session(&session(start), MENTOR, MENTEE, &timings(), local(Berlin, 2026, 3, 20, 9, 0));
    assert_eq!(due(&jobs, JobKind::AgendaRequest, MENTEE.id), Some(local(Berlin, 2026, 3, 28, 9, 0)));
}

#[test]
fn a_24h_lead_across_the_berlin_fall_back_lands_an_hour_later_on_the_clock() {
    let start = local(Berlin, 2026, 10, 25, 10, 0);
    let jobs = plan_session(&session(start), MENTOR, MENTEE, &timings(), local(Berlin, 2026, 10, 20, 9, 0));
    assert_eq!(due(&jobs, JobKind::AgendaRequest, MENTEE.id), Some(local(Berlin, 2026, 10, 24, 11, 0)));
}

#[test]
fn new_york_spring_forward_and_fall_back_keep_quiet_hours_on_the_wall_clock() {
    let mentee_ny = Recipient { id: UserId(2), zone: New_York };
    // Monday 9 Mar 2026 07:30 EDT: 24h before is Sunday 07:30 EDT (quiet) -> Saturday 20:59 EST.
    let start = local(New_York, 2026, 3, 9, 7, 30);
    let jobs = plan_session(&session(start), MENTOR, mentee_ny, &timings(), local(New_York, 2026, 3, 1, 9, 0));
    assert_eq!(due(&jobs, JobKind::AgendaRequest, mentee_ny.id), Some(local(New_York, 2026, 3, 7, 20, 59)));
    // Sunday 1 Nov 2026 10:00 EST: 24 real hours before is Saturday 11:00 EDT.
    let start = local(New_York, 2026, 11, 1, 10, 0);
    let jobs = plan_session(&session(start), MENTOR, mentee_ny, &timings(), local(New_York, 2026, 10, 25, 9, 0));
    assert_eq!(due(&jobs, JobKind::AgendaRequest, mentee_ny.id), Some(local(New_York, 2026, 10, 31, 11, 0)));
}

#[test]
fn a_session_booked_at_short_notice_gets_its_request_and_prep_at_once() {
    let now = local(Berlin, 2026, 11, 24, 9, 0);
    let start = local(Berlin, 2026, 11, 24, 15, 0);
    let jobs = plan_session(&session(start), MENTOR, MENTEE, &timings(), now);
    assert_eq!(due(&jobs, JobKind::AgendaRequest, MENTEE.id), Some(now));
    assert_eq!(due(&jobs, JobKind::AgendaNudge, MENTEE.id), Some(start - Duration::hours(3)));
    // One hour ahead: no request (the time for it has gone), no nudge; the prep goes out now.
    let now = local(Berlin, 2026, 11, 24, 14, 0);
    let jobs = plan_session(&session(start), MENTOR, MENTEE, &timings(), now);
    assert_eq!(due(&jobs, JobKind::AgendaRequest, MENTEE.id), None);
    assert_eq!(due(&jobs, JobKind::AgendaNudge, MENTEE.id), None);
    assert_eq!(due(&jobs, JobKind::MentorPrep, MENTOR.id), Some(now));
}

#[test]
fn action_reminders_respect_quiet_hours_and_overdue_waits_for_the_next_morning() {
    let a = ActionDue { action_id: 9, revision: 2, deadline: local(Berlin, 2026, 11, 27, 23, 59), owner: MENTEE };
    let jobs = plan_action(&a, &timings(), local(Berlin, 2026, 11, 21, 10, 0));
    // 24h before is 23:59 the day before: quiet, so 20:59.
    assert_eq!(jobs[0].due_at, local(Berlin, 2026, 11, 26, 20, 59));
    assert_eq!(jobs[1].kind, JobKind::OverdueReminder);
    assert_eq!(jobs[1].due_at, local(Berlin, 2026, 11, 28, 8, 0));
    assert_eq!(jobs[1].dedupe_key, "overdue_reminder:a9:r2");
}

#[test]
fn catch_up_rules_skip_what_is_too_late_to_help() {
    let start = local(Berlin, 2026, 11, 24, 15, 0);
    let live = SubjectState { live: true, session_start: Some(start), ..SubjectState::default() };
    let late = start + Duration::minutes(5);
    assert!(matches!(catch_up(JobKind::AgendaRequest, start - Duration::hours(24), late, live), CatchUp::Skip(_)));
    assert_eq!(
        catch_up(JobKind::MentorPrep, start - Duration::hours(2), start - Duration::minutes(1), live),
        CatchUp::Send
    );
    let fu = start + Duration::hours(2);
    assert_eq!(catch_up(JobKind::FollowUp, fu, fu + Duration::hours(47), live), CatchUp::Send);
    assert!(matches!(catch_up(JobKind::FollowUp, fu, fu + Duration::hours(49), live), CatchUp::Skip(_)));
    assert_eq!(catch_up(JobKind::WeeklyNudge, fu, fu + Duration::hours(23), live), CatchUp::Send);
    assert!(matches!(catch_up(JobKind::WeeklyNudge, fu, fu + Duration::hours(25), live), CatchUp::Skip(_)));
    let with_agenda = SubjectState { has_agenda: true, ..live };
    assert!(matches!(
        catch_up(JobKind::AgendaNudge, start - Duration::hours(3), start - Duration::hours(3), with_agenda),
        CatchUp::Skip(_)
    ));
    let cancelled = SubjectState { live: false, ..live };
    assert!(matches!(catch_up(JobKind::FollowUp, fu, fu, cancelled), CatchUp::Skip(_)));
}

#[test]
fn the_second_follow_up_is_skipped_for_a_session_that_did_not_happen_but_not_for_one_held_without_notes() {
    use crate::domain::attendance::Settled;
    let start = local(Berlin, 2026, 11, 24, 15, 0);
    let again = start + Duration::days(2);
    let live = SubjectState { live: true, session_start: Some(start), ..SubjectState::default() };
    let missed = SubjectState { attendance: Some(Settled::Missed), ..live };
    let held = SubjectState { attendance: Some(Settled::Held), ..live };
    assert_eq!(catch_up(JobKind::FollowUpAgain, again, again, missed), CatchUp::Skip("the session did not happen"));
    assert_eq!(catch_up(JobKind::FollowUpAgain, again, again, held), CatchUp::Send);
    assert_eq!(catch_up(JobKind::FollowUp, again, again, missed), CatchUp::Send);
}

#[test]
fn backoff_doubles_up_to_the_cap_and_applies_jitter() {
    let (base, max) = (Duration::seconds(30), Duration::hours(1));
    assert_eq!(backoff(1, base, max, 1.0), Duration::seconds(30));
    assert_eq!(backoff(3, base, max, 1.0), Duration::seconds(120));
    assert_eq!(backoff(30, base, max, 1.0), Duration::hours(1));
    assert_eq!(backoff(1, base, max, 1.2), Duration::seconds(36));
}

#[test]
fn a_failing_delivery_is_retried_only_while_its_message_still_matters() {
    let deadline = local(Berlin, 2026, 11, 27, 18, 0);
    let open = SubjectState { live: true, deadline: Some(deadline), ..SubjectState::default() };
    let remind = deadline - Duration::hours(24);
    assert_eq!(catch_up(JobKind::DeadlineReminder, remind, deadline - Duration::minutes(1), open), CatchUp::Send);
    assert!(matches!(catch_up(JobKind::DeadlineReminder, remind, deadline, open), CatchUp::Skip(_)));
    let overdue = deadline + Duration::hours(14);
    assert_eq!(catch_up(JobKind::OverdueReminder, overdue, overdue + Duration::hours(47), open), CatchUp::Send);
    assert!(matches!(
        catch_up(JobKind::OverdueReminder, overdue, overdue + Duration::hours(49), open),
        CatchUp::Skip(_)
    ));
    let fallback = deadline;
    assert_eq!(catch_up(JobKind::DmFallback, fallback, fallback + Duration::hours(23), open), CatchUp::Send);
    assert!(matches!(catch_up(JobKind::DmFallback, fallback, fallback + Duration::hours(25), open), CatchUp::Skip(_)));
}
