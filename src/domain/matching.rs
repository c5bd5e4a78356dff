//! Matching mentees with mentors: a program's interest tags, the tags people choose from them,
//! and the ranking behind `/match suggest` (shared tags first, then overlapping daytime hours,
//! then the mentor's capacity left; never a pair that was together before).

use std::collections::HashSet;

use chrono::{DateTime, Duration, NaiveTime, Utc};
use chrono_tz::Tz;

use super::{
    ids::UserId,
    local_time::{resolve_local_lenient, to_local},
};
use crate::tr;

/// Most tags a program defines.
pub const MAX_PROGRAM_TAGS: usize = 25;
/// Most characters in one tag.
pub const MAX_TAG_CHARS: usize = 40;
/// Most tags a person picks.
pub const MAX_PERSON_TAGS: usize = 10;
/// Most mentees one mentor may take.
pub const MAX_CAPACITY: i64 = 20;
/// Daytime, in each person's zone, when sessions are easy to arrange.
pub const DAY_START_HOUR: u32 = 9;
/// End of daytime (exclusive).
pub const DAY_END_HOUR: u32 = 18;

/// A tag list that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TagError {
    #[error("{}", tr!("domain-tags-empty"))]
    Empty,
    #[error("{}", tr!("domain-tags-too-many-for-program", max = MAX_PROGRAM_TAGS, count = *.0))]
    TooManyForProgram(usize),
    #[error("{}", tr!("domain-tags-too-many-for-person", max = MAX_PERSON_TAGS, count = *.0))]
    TooManyForPerson(usize),
    #[error("{}", tr!("domain-tags-too-long", tag = super::text::short(.0), max = MAX_TAG_CHARS))]
    TooLong(String),
    #[error("{}", tr!("domain-tags-unknown", tag = super::text::short(.0), tags = .1.as_str()))]
    Unknown(String, String),
    #[error("{}", tr!("domain-tags-none-defined"))]
    NoneDefined,
}

/// Splits a comma-separated list into trimmed, non-empty pieces (duplicates dropped, case kept
/// as first written; compared case-insensitively).
pub fn split_tags(text: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    text.split(',')
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
        .filter(|t| seen.insert(t.to_lowercase()))
        .collect()
}

/// A program's tag list as an admin typed it.
pub fn parse_program_tags(text: &str) -> Result<Vec<String>, TagError> {
    let tags = split_tags(text);
    if tags.is_empty() {
        return Err(TagError::Empty);
    }
    if tags.len() > MAX_PROGRAM_TAGS {
        return Err(TagError::TooManyForProgram(tags.len()));
    }
    if let Some(long) = tags.iter().find(|t| t.chars().count() > MAX_TAG_CHARS) {
        return Err(TagError::TooLong(long.clone()));
    }
    Ok(tags)
}

/// A person's tags, each one of the program's (spelt as the program spells it). Empty text
/// gives no tags.
pub fn parse_person_tags(text: &str, program: &[String]) -> Result<Vec<String>, TagError> {
    let picked = split_tags(text);
    if picked.is_empty() {
        return Ok(Vec::new());
    }
    if program.is_empty() {
        return Err(TagError::NoneDefined);
    }
    if picked.len() > MAX_PERSON_TAGS {
        return Err(TagError::TooManyForPerson(picked.len()));
    }
    picked
        .iter()
        .map(|t| {
            program
                .iter()
                .find(|p| p.eq_ignore_ascii_case(t))
                .cloned()
                .ok_or_else(|| TagError::Unknown(t.clone(), program.join(", ")))
        })
        .collect()
}

/// Autocomplete for a comma-separated tag list: keeps what is typed before the last comma and
/// completes the last piece with the program's tags not chosen yet (at most `limit`).
pub fn complete_tags(partial: &str, program: &[String], limit: usize) -> Vec<String> {
    let (done, last) = match partial.rsplit_once(',') {
        Some((done, last)) => (split_tags(done), last.trim().to_lowercase()),
        None => (Vec::new(), partial.trim().to_lowercase()),
    };
    let chosen: HashSet<String> = done.iter().map(|t| t.to_lowercase()).collect();
    let prefix = if done.is_empty() { String::new() } else { format!("{}, ", done.join(", ")) };
    program
        .iter()
        .filter(|t| !chosen.contains(&t.to_lowercase()) && t.to_lowercase().contains(&last))
        .map(|t| format!("{prefix}{t}"))
        .filter(|s| s.chars().count() <= 100)
        .take(limit)
        .collect()
}

/// One person as matching sees them.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub user: UserId,
    pub name: String,
    pub zone: Tz,
    pub tags: Vec<String>,
    /// Mentors: most mentees at once; mentees: 1.
    pub capacity: i64,
    /// Active pairings now.
    pub active: i64,
}

/// A proposed pair and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub mentor: UserId,
    pub mentee: UserId,
    pub mentor_name: String,
    pub mentee_name: String,
    pub shared_tags: Vec<String>,
    /// Hours of both people's daytime (09–18 local) that overlap on a typical day.
    pub overlap_hours: f64,
    /// Places the mentor has left before this suggestion.
    pub capacity_left: i64,
}

/// Hours of overlap between `a`'s and `b`'s daytime around `now`: `a`'s working day that
/// contains (or follows) `now`, against `b`'s working days of the day before, of and after it.
pub fn daytime_overlap_hours(a: Tz, b: Tz, now: DateTime<Utc>) -> f64 {
    let day = |zone: Tz, date: chrono::NaiveDate| {
        let at = |h| resolve_local_lenient(date.and_time(NaiveTime::from_hms_opt(h, 0, 0).unwrap_or_default()), zone);
        (at(DAY_START_HOUR), at(DAY_END_HOUR))
    };
    let a_date = to_local(now, a).date();
    let (a_start, a_end) = day(a, a_date);
    let b_date = to_local(a_start, b).date();
    let mut total = Duration::zero();
    for offset in [-1i64, 0, 1] {
        let (b_start, b_end) = day(b, b_date + Duration::days(offset));
        let (s, e) = (a_start.max(b_start), a_end.min(b_end));
        if e > s {
            total += e - s;
        }
    }
    #[allow(clippy::cast_precision_loss)] // at most 9 hours of minutes
    let hours = total.num_minutes() as f64 / 60.0;
    hours
}

/// Suggestions for `mentees` (those without an active pairing) from `mentors`: every pair that
/// was never together (`past`) nor skipped, ranked by shared tags, then overlapping daytime
/// hours, then the mentor's capacity left; then assigned greedily, so each mentee gets at most
/// one suggestion and no mentor more than their capacity left.
#[allow(clippy::implicit_hasher)] // one caller, the default hasher
pub fn suggest(
    mentees: &[Candidate],
    mentors: &[Candidate],
    past: &HashSet<(UserId, UserId)>,
    now: DateTime<Utc>,
) -> Vec<Suggestion> {
    let mut options: Vec<Suggestion> = Vec::new();
    for mentee in mentees.iter().filter(|m| m.active == 0) {
        for mentor in mentors.iter().filter(|m| m.active < m.capacity && m.user != mentee.user) {
            if past.contains(&(mentor.user, mentee.user)) {
                continue;
            }
            let shared: Vec<String> =
                mentee.tags.iter().filter(|t| mentor.tags.iter().any(|m| m.eq_ignore_ascii_case(t))).cloned().collect();
            options.push(Suggestion {
                mentor: mentor.user,
                mentee: mentee.user,
                mentor_name: mentor.name.clone(),
                mentee_name: mentee.name.clone(),
                shared_tags: shared,
                overlap_hours: daytime_overlap_hours(mentee.zone, mentor.zone, now),
                capacity_left: mentor.capacity - mentor.active,
            });
        }
    }
    options.sort_by(|a, b| {
        b.shared_tags
            .len()
            .cmp(&a.shared_tags.len())
            .then(b.overlap_hours.total_cmp(&a.overlap_hours))
            .then(b.capacity_left.cmp(&a.capacity_left))
            .then(a.mentee.0.cmp(&b.mentee.0))
            .then(a.mentor.0.cmp(&b.mentor.0))
    });
    let mut taken: HashSet<UserId> = HashSet::new();
    let mut used: std::collections::HashMap<UserId, i64> = std::collections::HashMap::new();
    let mut out = Vec::new();
    for s in options {
        let u = used.entry(s.mentor).or_insert(0);
        if taken.contains(&s.mentee) || *u >= s.capacity_left {
            continue;
        }
        *u += 1;
        taken.insert(s.mentee);
        out.push(s);
    }
    out
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use chrono_tz::{America::New_York, Asia::Tokyo, Europe::Berlin, Europe::London};

    use super::*;

    fn person(id: u64, zone: Tz, tags: &[&str], capacity: i64, active: i64) -> Candidate {
        Candidate {
            user: UserId(id),
            name: format!("p{id}"),
            zone,
            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
            capacity,
            active,
        }
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap()
    }

    #[test]
    fn tags_split_trim_dedupe_and_must_come_from_the_program() {
        assert_eq!(split_tags(" leadership ,career  change,, Leadership"), vec!["leadership", "career change"]);
        let program = parse_program_tags("Leadership, Career change, Public speaking").unwrap();
        assert_eq!(parse_person_tags("career CHANGE", &program).unwrap(), vec!["Career change"]);
        assert!(matches!(parse_person_tags("cooking", &program), Err(TagError::Unknown(..))));
        assert_eq!(parse_program_tags(" , "), Err(TagError::Empty));
        assert_eq!(parse_person_tags("x", &[]), Err(TagError::NoneDefined));
        assert_eq!(parse_person_tags("", &[]), Ok(vec![]));
    }

    #[test]
    fn autocomplete_completes_the_last_piece_only() {
        let program = vec!["Leadership".to_owned(), "Career change".to_owned(), "Public speaking".to_owned()];
        assert_eq!(complete_tags("leadership, ca", &program, 25), vec!["leadership, Career change"]);
        assert_eq!(complete_tags("", &program, 2).len(), 2);
        assert!(complete_tags("leadership, lead", &program, 25).is_empty(), "a chosen tag is not offered again");
    }

    #[test]
    fn daytime_overlap_depends_on_the_zones() {
        assert!((daytime_overlap_hours(Berlin, Berlin, now()) - 9.0).abs() < 1e-9);
        assert!((daytime_overlap_hours(Berlin, London, now()) - 8.0).abs() < 1e-9);
        assert!((daytime_overlap_hours(Berlin, New_York, now()) - 3.0).abs() < 1e-9);
        assert!(daytime_overlap_hours(Berlin, Tokyo, now()) < 1.0 + 1e-9);
    }

    #[test]
    fn ranking_prefers_tags_then_hours_then_capacity_and_respects_capacity_and_history() {
        let mentees =
            [person(1, Berlin, &["a", "b"], 1, 0), person(2, Berlin, &["a"], 1, 0), person(3, Berlin, &[], 1, 1)];
        let mentors = [person(10, New_York, &["a", "b"], 1, 0), person(11, Berlin, &["a"], 2, 0)];
        let s = suggest(&mentees, &mentors, &HashSet::new(), now());
        let pairs: Vec<(u64, u64)> = s.iter().map(|s| (s.mentee.0, s.mentor.0)).collect();
        assert_eq!(pairs, vec![(1, 10), (2, 11)], "mentee 3 is paired already");
        assert_eq!(s[0].shared_tags, vec!["a", "b"]);
        let past: HashSet<_> = [(UserId(10), UserId(1))].into_iter().collect();
        let s = suggest(&mentees, &mentors, &past, now());
        let pairs: Vec<(u64, u64)> = s.iter().map(|s| (s.mentee.0, s.mentor.0)).collect();
        assert_eq!(pairs, vec![(1, 11), (2, 11)], "never again with a past partner; mentor 11 has room for two");
        let full = [person(10, New_York, &["a", "b"], 1, 1)];
        assert!(suggest(&mentees, &full, &HashSet::new(), now()).is_empty());
    }
}
