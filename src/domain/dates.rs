//! How dates and times read to a person: weekday and month words from the catalogue, and the
//! short date formats built from them (`Mon 1 Mar 2027`, `Tue 1 Dec 18:00`, `Tue 12:00`).
//! Times of day are `HH:MM` everywhere. Typed input keeps its own English keywords (see
//! [`super::when`]); this module is only about what is shown.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};

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

/// A calendar date, e.g. `Mon 1 Mar 2027`.
#[must_use]
pub fn date(d: NaiveDate) -> String {
    tr!(
        "domain-date",
        weekday = weekday_short(d.weekday()),
        day = d.day().to_string(),
        month = month_short(d.month()),
        year = d.year().to_string(),
    )
}

/// A date with its time and no year, e.g. `Tue 1 Dec 18:00`.
#[must_use]
pub fn day_time(local: NaiveDateTime) -> String {
    tr!(
        "domain-day-time",
        weekday = weekday_short(local.weekday()),
        day = local.day().to_string(),
        month = month_short(local.month()),
        time = local.format("%H:%M").to_string(),
    )
}

/// A date with its time and year, and what stands after it (a zone's offset), e.g.
/// `Tue 24 Nov 2026 15:00 CET (UTC+01:00)`.
#[must_use]
pub fn date_time_offset(local: NaiveDateTime, offset: &str) -> String {
    tr!(
        "domain-date-time-offset",
        weekday = weekday_short(local.weekday()),
        day = local.day().to_string(),
        month = month_short(local.month()),
        year = local.year().to_string(),
        time = local.format("%H:%M").to_string(),
        offset = offset,
    )
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
