//! How dates and times read to a person: weekday and month words from the catalogue, and the
//! short date formats built from them (`Mon 1 Mar 2027`, `Tue 1 Dec 18:00`, `Tue 12:00`).
//! Times of day are `HH:MM` everywhere. Typed input keeps its own English keywords (see
//! [`super::when`]); this module is only about what is shown.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use crate::tr;

/// The catalogue's key of a weekday (`mon` … `sun`).
fn weekday_key(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "mon",
        Weekday::Tue => "tue",
        Weekday::Wed => "wed",
        Weekday::Thu => "thu",
        Weekday::Fri => "fri",
        Weekday::Sat => "sat",
        Weekday::Sun => "sun",
    }
}

/// The catalogue's key of a month, 1-based (`jan` … `dec`).
pub(super) fn month_key(month: u32) -> &'static str {
    const KEYS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    month.checked_sub(1).and_then(|m| KEYS.get(m as usize)).copied().unwrap_or("dec")
}

/// A weekday's short name, e.g. `Mon`.
#[must_use]
pub fn weekday_short(day: Weekday) -> String {
    tr!("domain-weekday-short", day = weekday_key(day))
}

/// A month's short name (1-based), e.g. `Nov`.
#[must_use]
pub fn month_short(month: u32) -> String {
    tr!("domain-month-short", month = month_key(month))
}

/// A local date and time written with `pattern`: chrono's `strftime` syntax, with `%a` and `%b`
/// the catalogue's weekday and month names. Patterns are catalogue messages too
/// (`domain-pattern-*`), so a language orders dates its own way; a pattern chrono cannot read
/// is a bug of the catalogue, logged, and the date is written as ISO 8601.
#[must_use]
pub fn format(local: NaiveDateTime, pattern: &str) -> String {
    let pattern = pattern.replace("%a", &weekday_short(local.weekday())).replace("%b", &month_short(local.month()));
    let mut out = String::new();
    if write!(out, "{}", local.format(&pattern)).is_err() {
        debug_assert!(false, "the date pattern {pattern:?} is not valid");
        tracing::error!(pattern, "a date pattern in the catalogue is not valid");
        out = local.format("%Y-%m-%d %H:%M").to_string();
    }
    out
}

fn format_date(d: NaiveDate, pattern: &str) -> String {
    format(d.and_time(NaiveTime::MIN), pattern)
}

/// A calendar date, e.g. `Mon 1 Mar 2027`.
#[must_use]
pub fn date(d: NaiveDate) -> String {
    format_date(d, &tr!("domain-pattern-date"))
}

/// A date with its time and no year, e.g. `Tue 1 Dec 18:00`.
#[must_use]
pub fn day_time(local: NaiveDateTime) -> String {
    format(local, &tr!("domain-pattern-day-time"))
}

/// A date with its time and year, and what stands after it (a zone's offset), e.g.
/// `Tue 24 Nov 2026 15:00 CET (UTC+01:00)`.
#[must_use]
pub fn date_time_offset(local: NaiveDateTime, offset: &str) -> String {
    tr!("domain-date-time-offset", date_time = format(local, &tr!("domain-pattern-date-time")), offset = offset)
}

/// A date and time in a list, the day two digits wide, e.g. `Tue 01 Dec 18:00`.
#[must_use]
pub fn list_day_time(local: NaiveDateTime) -> String {
    format(local, &tr!("domain-pattern-list-day-time"))
}

/// A date and time with its year in a list, e.g. `Tue 01 Dec 2026 18:00`.
#[must_use]
pub fn list_date_time(local: NaiveDateTime) -> String {
    format(local, &tr!("domain-pattern-list-date-time"))
}

/// A date with its year in a list, e.g. `Tue 01 Dec 2026`.
#[must_use]
pub fn list_date(d: NaiveDate) -> String {
    format_date(d, &tr!("domain-pattern-list-date"))
}

/// The Monday a report week starts, e.g. `30 Nov`.
#[must_use]
pub fn week(monday: NaiveDate) -> String {
    format_date(monday, &tr!("domain-pattern-week"))
}

/// A day of a month, e.g. `1 Dec`.
#[must_use]
pub fn day_month(d: NaiveDate) -> String {
    format_date(d, &tr!("domain-pattern-day-month"))
}

/// A weekday and a time, e.g. `Tue 12:00`.
#[must_use]
pub fn weekday_time(day: Weekday, time: &str) -> String {
    tr!("domain-weekday-time", weekday = weekday_short(day), time = time)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_they_always_did_in_english() {
        let d = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
        assert_eq!(date(d), "Mon 1 Mar 2027");
        let t = d.and_hms_opt(9, 5, 0).unwrap();
        assert_eq!(day_time(t), "Mon 1 Mar 09:05");
        assert_eq!(date_time_offset(t, "CET (UTC+01:00)"), "Mon 1 Mar 2027 09:05 CET (UTC+01:00)");
        assert_eq!(weekday_time(Weekday::Sun, "00:30"), "Sun 00:30");
        assert_eq!(list_day_time(t), "Mon 01 Mar 09:05");
        assert_eq!(list_date_time(t), "Mon 01 Mar 2027 09:05");
        assert_eq!(list_date(d), "Mon 01 Mar 2027");
        assert_eq!((week(d), day_month(d)), ("01 Mar".to_owned(), "1 Mar".to_owned()));
        for day in 0..400 {
            let t = t + chrono::Duration::days(day);
            assert_eq!(list_date_time(t), t.format("%a %d %b %Y %H:%M").to_string(), "as chrono writes it in English");
        }
        let months: Vec<String> = (1..=12).map(month_short).collect();
        assert_eq!(months.join(" "), "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec");
        let days: Vec<String> = [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat]
            .into_iter()
            .map(weekday_short)
            .collect();
        assert_eq!(days.join(" "), "Mon Tue Wed Thu Fri Sat");
    }

    #[test]
    fn every_choice_of_the_domains_select_messages_reads_as_before() {
        use crate::domain::{goal::GoalStatus, notes::parse_resources, outline::OutlineError, series::Repeat};
        let names: Vec<String> =
            (1..=12).map(|m| tr!("domain-date-month-days", month = month_key(m), days = 31)).collect();
        assert_eq!(names[0], "January has 31 days");
        assert_eq!(names[8], "September has 31 days");
        assert_eq!(names[11], "December has 31 days");
        let statuses: Vec<String> =
            [GoalStatus::Open, GoalStatus::Achieved, GoalStatus::NotAchieved].iter().map(ToString::to_string).collect();
        assert_eq!(statuses, ["open", "achieved", "not achieved"]);
        let (resources, _) = parse_resources("a | tool\nb | article\nc | intro\nd | feedback | x");
        let shown: Vec<String> = resources.iter().map(crate::domain::notes::Resource::display).collect();
        assert_eq!(shown, ["• a (tool)", "• b (article)", "• c (intro)", "• d (feedback): x"]);
        assert_eq!(
            OutlineError::EmptyPart { line: 2, what: "prompt" }.to_string(),
            "Line 2 has an empty prompt. Write one step a line, `Title: prompt`. Nothing was changed."
        );
        assert_eq!(
            OutlineError::TooLong { line: 1, what: "title", len: 61, max: 60 }.to_string(),
            "Line 1: the title is 61 characters; keep it within 60. Nothing was changed."
        );
        let tuesday = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap().and_hms_opt(17, 0, 0).unwrap();
        assert_eq!(Repeat::Weekly { weeks: 1 }.describe(tuesday(1)), "weekly, Tue 17:00");
        assert_eq!(Repeat::Weekly { weeks: 3 }.describe(tuesday(1)), "every 3 weeks, Tue 17:00");
        assert_eq!(Repeat::Monthly.describe(tuesday(1)), "monthly, 1st Tue 17:00");
        assert_eq!(Repeat::Monthly.describe(tuesday(15)), "monthly, 3rd Tue 17:00");
        assert_eq!(Repeat::Monthly.describe(tuesday(22)), "monthly, 4th Tue 17:00");
        assert_eq!(Repeat::Monthly.describe(tuesday(29)), "monthly, last Tue 17:00");
    }
}
