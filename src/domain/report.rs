//! The program report: twelve weeks of aggregates (sessions held and missed, agendas on time,
//! action items done and overdue, the average rating of a week with enough ratings), their CSV,
//! and pair health (metadata only: names, dates and counts, never what a pair wrote or rated).

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;

use super::{
    attendance::{shown_average, Settled},
    local_time::{resolve_local_lenient, to_local},
};

/// How many weeks the report covers (the current one last).
pub const REPORT_WEEKS: usize = 12;

/// One session as the report counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionFact {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub attendance: Option<Settled>,
    /// The agenda was submitted before the session started.
    pub agenda_on_time: bool,
    /// Ratings given for it, and their sum (never shown per session).
    pub ratings: i64,
    pub rating_sum: i64,
}

/// One action item as the report counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionFact {
    pub deadline: DateTime<Utc>,
    /// When it was marked done, if it is done.
    pub done_at: Option<DateTime<Utc>>,
    /// Dropped items count neither as done nor as overdue.
    pub dropped: bool,
}

/// The aggregates of one week (Monday 00:00 to Monday 00:00 in the program's zone).
#[derive(Debug, Clone, PartialEq)]
pub struct WeekRow {
    /// The Monday the week starts on (program zone).
    pub monday: NaiveDate,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Sessions of the week that were held.
    pub held: i64,
    /// Sessions of the week that the pair said did not happen.
    pub missed: i64,
    /// Held sessions whose agenda came before the start.
    pub agendas_on_time: i64,
    /// Action items marked done during the week.
    pub actions_done: i64,
    /// Action items due during the week (and past due now) that were not done by their deadline.
    pub actions_overdue: i64,
    /// The week's average rating, only when at least `MIN_RATINGS_SHOWN` ratings exist.
    pub average_rating: Option<f64>,
}

/// The Mondays (program zone) of the `REPORT_WEEKS` weeks ending with the one containing `now`,
/// as `(monday, start, end)`.
pub fn report_weeks(now: DateTime<Utc>, zone: Tz) -> Vec<(NaiveDate, DateTime<Utc>, DateTime<Utc>)> {
    let today = to_local(now, zone).date();
    let this_monday = today - Days::new(u64::from(chrono::Datelike::weekday(&today).num_days_from_monday()));
    let midnight = |d: NaiveDate| resolve_local_lenient(d.and_time(NaiveTime::MIN), zone);
    (0..REPORT_WEEKS)
        .rev()
        .map(|back| {
            let monday = this_monday - Days::new(7 * back as u64);
            (monday, midnight(monday), midnight(monday + Days::new(7)))
        })
        .collect()
}

/// Counts sessions and action items into the report's weeks. A session counts in the week it
/// started, once it has ended; an action item is overdue in the week of its deadline.
pub fn weekly_rows(now: DateTime<Utc>, zone: Tz, sessions: &[SessionFact], actions: &[ActionFact]) -> Vec<WeekRow> {
    report_weeks(now, zone)
        .into_iter()
        .map(|(monday, start, end)| {
            let inside = |t: DateTime<Utc>| t >= start && t < end;
            let ended: Vec<&SessionFact> =
                sessions.iter().filter(|s| inside(s.starts_at) && s.ends_at <= now).collect();
            let held: Vec<&&SessionFact> = ended.iter().filter(|s| s.attendance == Some(Settled::Held)).collect();
            let (count, sum) = held.iter().fold((0, 0), |(c, s), f| (c + f.ratings, s + f.rating_sum));
            WeekRow {
                monday,
                start,
                end,
                held: len(held.len()),
                missed: len(ended.iter().filter(|s| s.attendance == Some(Settled::Missed)).count()),
                agendas_on_time: len(held.iter().filter(|s| s.agenda_on_time).count()),
                actions_done: len(actions.iter().filter(|a| a.done_at.is_some_and(inside)).count()),
                actions_overdue: len(actions
                    .iter()
                    .filter(|a| {
                        !a.dropped
                            && inside(a.deadline)
                            && a.deadline <= now
                            && a.done_at.is_none_or(|d| d > a.deadline)
                    })
                    .count()),
                average_rating: shown_average(count, sum),
            }
        })
        .collect()
}

fn len(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// The weekly aggregates as CSV (one header line, one line a week, `\n` line ends); the
/// average rating is empty for weeks with too few ratings.
pub fn weeks_csv(rows: &[WeekRow]) -> String {
    let mut out = String::from(
        "week_start,sessions_held,sessions_missed,agendas_on_time,actions_done,actions_overdue,average_rating\n",
    );
    for r in rows {
        let avg = r.average_rating.map(|a| format!("{a:.1}")).unwrap_or_default();
        let line = format!(
            "{},{},{},{},{},{},{avg}\n",
            r.monday, r.held, r.missed, r.agendas_on_time, r.actions_done, r.actions_overdue
        );
        out.push_str(&line);
    }
    out
}

/// The health of one active pairing: metadata only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairHealth {
    pub pairing_id: i64,
    pub mentor: String,
    pub mentee: String,
    pub mentor_id: u64,
    pub mentee_id: u64,
    pub since: DateTime<Utc>,
    /// The start of the last session that was held.
    pub last_held: Option<DateTime<Utc>>,
    /// The start of the next booked session.
    pub next_booked: Option<DateTime<Utc>>,
    pub held: i64,
    pub missed: i64,
    pub agendas_on_time: i64,
    pub open_actions: i64,
    pub overdue_actions: i64,
    /// No session held within `stale_after` (counted from the pairing's start when none was).
    pub stale: bool,
}

/// Whether a pair is stale: nothing held since `stale_before` (a pair formed after it is not).
pub fn is_stale(last_held: Option<DateTime<Utc>>, since: DateTime<Utc>, stale_before: DateTime<Utc>) -> bool {
    last_held.unwrap_or(since) < stale_before
}

/// Quotes a CSV cell when it needs it (names are the only free text in the report's files).
/// A leading `=`, `+`, `-` or `@` is defused, so a spreadsheet never runs a name as a formula.
pub fn csv_cell(s: &str) -> String {
    let defused = if s.starts_with(['=', '+', '-', '@']) { format!("'{s}") } else { s.to_owned() };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

/// Pair health as CSV (dates in UTC, RFC 3339; empty when there is none).
pub fn pairs_csv(pairs: &[PairHealth]) -> String {
    let mut out = String::from("mentor,mentee,paired_since,last_held,next_booked,sessions_held,sessions_missed,agendas_on_time,open_actions,overdue_actions,stale\n");
    let day = |t: Option<DateTime<Utc>>| t.map(|t| t.format("%Y-%m-%dT%H:%MZ").to_string()).unwrap_or_default();
    for p in pairs {
        let line = format!(
            "{},{},{},{},{},{},{},{},{},{},{}\n",
            csv_cell(&p.mentor),
            csv_cell(&p.mentee),
            day(Some(p.since)),
            day(p.last_held),
            day(p.next_booked),
            p.held,
            p.missed,
            p.agendas_on_time,
            p.open_actions,
            p.overdue_actions,
            if p.stale { "yes" } else { "no" }
        );
        out.push_str(&line);
    }
    out
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use chrono_tz::Europe::Berlin;

    use super::*;

    fn at(d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, d, h, 0, 0).unwrap()
    }

    fn session(d: u32, attendance: Option<Settled>, on_time: bool, ratings: (i64, i64)) -> SessionFact {
        SessionFact {
            starts_at: at(d, 10),
            ends_at: at(d, 11),
            attendance,
            agenda_on_time: on_time,
            ratings: ratings.0,
            rating_sum: ratings.1,
        }
    }

    #[test]
    fn twelve_weeks_end_with_the_current_one_and_start_on_local_mondays() {
        let weeks = report_weeks(at(25, 12), Berlin);
        assert_eq!(weeks.len(), REPORT_WEEKS);
        let (last_monday, start, end) = weeks[11];
        assert_eq!(last_monday, NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
        assert_eq!(start, Utc.with_ymd_and_hms(2026, 11, 22, 23, 0, 0).unwrap());
        assert_eq!(end - start, chrono::Duration::days(7));
        assert!(weeks.windows(2).all(|w| w[0].2 == w[1].1), "weeks touch");
    }

    #[test]
    fn sessions_count_in_their_week_and_ratings_show_only_from_five() {
        let now = at(27, 12);
        let sessions = [
            session(24, Some(Settled::Held), true, (2, 9)),
            session(25, Some(Settled::Held), false, (2, 8)),
            session(26, Some(Settled::Missed), false, (0, 0)),
            session(27, None, true, (0, 0)),
            session(17, Some(Settled::Held), true, (1, 5)),
        ];
        let rows = weekly_rows(now, Berlin, &sessions, &[]);
        let this = &rows[11];
        assert_eq!((this.held, this.missed, this.agendas_on_time), (2, 1, 1));
        assert_eq!(this.average_rating, None, "4 ratings are too few");
        let mut more = sessions.to_vec();
        more.push(session(26, Some(Settled::Held), true, (1, 3)));
        let rows = weekly_rows(now, Berlin, &more, &[]);
        assert_eq!(rows[11].average_rating, Some(4.0));
        assert_eq!(rows[10].held, 1);
        assert_eq!(rows[10].average_rating, None);
    }

    #[test]
    fn actions_are_done_in_the_week_marked_and_overdue_in_the_week_due() {
        let now = at(27, 12);
        let actions = [
            ActionFact { deadline: at(24, 22), done_at: Some(at(24, 8)), dropped: false },
            ActionFact { deadline: at(24, 22), done_at: Some(at(26, 8)), dropped: false },
            ActionFact { deadline: at(25, 22), done_at: None, dropped: false },
            ActionFact { deadline: at(25, 22), done_at: None, dropped: true },
            ActionFact { deadline: at(28, 22), done_at: None, dropped: false },
        ];
        let rows = weekly_rows(now, Berlin, &[], &actions);
        assert_eq!((rows[11].actions_done, rows[11].actions_overdue), (2, 2));
    }

    #[test]
    fn csv_cells_are_quoted_and_formulas_defused() {
        assert_eq!(csv_cell("Mo"), "Mo");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(1)"), "'=HYPERLINK(1)");
    }

    #[test]
    fn a_pair_is_stale_without_a_held_session_since_the_cutoff() {
        assert!(is_stale(None, at(1, 0), at(5, 0)));
        assert!(!is_stale(None, at(6, 0), at(5, 0)));
        assert!(!is_stale(Some(at(6, 0)), at(1, 0), at(5, 0)));
    }
}
