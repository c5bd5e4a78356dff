//! Session notes: takeaways, resources (`resource | type | purpose`), obstacles
//! (`challenge | impact | possible solutions`) and the next session.

use std::fmt;

use chrono::{DateTime, Utc};

use super::ids::UserId;
use crate::tr;

/// The notes of one session (text kept exactly as typed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionNotes {
    pub session_id: i64,
    pub takeaways: String,
    pub resources: String,
    pub obstacles: String,
    pub next_session: String,
    pub updated_by: UserId,
    pub updated_at: DateTime<Utc>,
}

/// What the notes form holds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NotesInput {
    pub takeaways: String,
    pub resources: String,
    pub obstacles: String,
    pub next_session: String,
}

impl From<&SessionNotes> for NotesInput {
    fn from(n: &SessionNotes) -> Self {
        Self {
            takeaways: n.takeaways.clone(),
            resources: n.resources.clone(),
            obstacles: n.obstacles.clone(),
            next_session: n.next_session.clone(),
        }
    }
}

/// The kinds of resource the template knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResourceKind {
    Tool,
    Article,
    Intro,
    Feedback,
}

impl ResourceKind {
    /// The accepted names, for messages (typed input, so the same in every language).
    pub const NAMES: &'static str = "tool, article, intro, feedback";

    fn parse(s: &str) -> Option<Self> {
        match s.trim().to_lowercase().as_str() {
            "tool" | "tools" => Some(Self::Tool),
            "article" | "articles" | "book" | "reading" => Some(Self::Article),
            "intro" | "introduction" => Some(Self::Intro),
            "feedback" => Some(Self::Feedback),
            _ => None,
        }
    }
}

impl ResourceKind {
    /// The catalogue's key (also the name typed in English).
    fn key(self) -> &'static str {
        match self {
            Self::Tool => "tool",
            Self::Article => "article",
            Self::Intro => "intro",
            Self::Feedback => "feedback",
        }
    }
}

impl fmt::Display for ResourceKind {
    /// The kind's name as a reader sees it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&tr!("domain-resource-kind", kind = self.key()))
    }
}

/// One resource line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    pub name: String,
    pub kind: Option<ResourceKind>,
    pub purpose: String,
}

/// One obstacle line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Obstacle {
    pub challenge: String,
    pub impact: String,
    pub solutions: String,
}

/// A line that does not follow its format; it is kept as typed and reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineProblem {
    /// 1-based line number within its field.
    pub line: usize,
    pub problem: String,
}

/// Splits a line at `|` into exactly `n` trimmed parts (missing ones empty, extra `|` kept in
/// the last part).
fn columns(line: &str, n: usize) -> Vec<String> {
    let mut parts: Vec<String> = line.splitn(n, '|').map(|p| p.trim().to_owned()).collect();
    parts.resize(n, String::new());
    parts
}

fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().map(|(i, l)| (i + 1, l.trim())).filter(|(_, l)| !l.is_empty())
}

/// Reads `resource | type | purpose` lines. A line without a known type keeps `kind: None` and
/// is reported, so nothing typed is lost.
pub fn parse_resources(text: &str) -> (Vec<Resource>, Vec<LineProblem>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (n, line) in lines(text) {
        let [name, kind, purpose]: [String; 3] = columns(line, 3).try_into().unwrap_or_default();
        let parsed = ResourceKind::parse(&kind);
        if parsed.is_none() {
            let problem = if kind.is_empty() {
                tr!("domain-resource-no-type", names = ResourceKind::NAMES)
            } else {
                tr!("domain-resource-unknown-type", kind = kind.as_str(), names = ResourceKind::NAMES)
            };
            problems.push(LineProblem { line: n, problem });
        }
        out.push(Resource { name, kind: parsed, purpose });
    }
    (out, problems)
}

/// Reads `challenge | impact | possible solutions` lines (missing columns stay empty).
pub fn parse_obstacles(text: &str) -> Vec<Obstacle> {
    lines(text)
        .map(|(_, line)| {
            let [challenge, impact, solutions]: [String; 3] = columns(line, 3).try_into().unwrap_or_default();
            Obstacle { challenge, impact, solutions }
        })
        .collect()
}

impl Resource {
    /// `name (type): purpose`.
    pub fn display(&self) -> String {
        let kind = self.kind.map(|k| format!(" ({k})")).unwrap_or_default();
        let purpose = if self.purpose.is_empty() { String::new() } else { format!(": {}", self.purpose) };
        format!("• {}{kind}{purpose}", self.name)
    }
}

impl Obstacle {
    /// `challenge — impact: …; solutions: …`.
    pub fn display(&self) -> String {
        let mut s = format!("• {}", self.challenge);
        if !self.impact.is_empty() {
            s = format!("{s} {}", tr!("domain-obstacle-impact", impact = self.impact.as_str()));
        }
        if !self.solutions.is_empty() {
            s = format!("{s} {}", tr!("domain-obstacle-solutions", solutions = self.solutions.as_str()));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resource_lines_are_read_in_three_columns() {
        let (r, problems) = parse_resources("The Pragmatic Programmer | article | craft\n\nrustlings|Tool|practice");
        assert!(problems.is_empty());
        assert_eq!(
            r,
            vec![
                Resource {
                    name: "The Pragmatic Programmer".into(),
                    kind: Some(ResourceKind::Article),
                    purpose: "craft".into()
                },
                Resource { name: "rustlings".into(), kind: Some(ResourceKind::Tool), purpose: "practice".into() },
            ]
        );
    }

    #[test]
    fn a_resource_with_an_unknown_or_missing_type_is_kept_and_reported() {
        let (r, problems) = parse_resources("Intro to Sam | person | hiring\njust a link");
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].kind, None);
        assert_eq!(r[1].name, "just a link");
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].line, 1);
        assert!(problems[0].problem.contains("`person`"));
        assert!(problems[1].problem.contains("no type"));
    }

    #[test]
    fn extra_bars_stay_in_the_last_column() {
        let (r, _) = parse_resources("a | intro | b | c");
        assert_eq!(r[0].purpose, "b | c");
        assert_eq!(r[0].display(), "• a (intro): b | c");
    }

    #[test]
    fn obstacles_have_three_columns_and_missing_ones_stay_empty() {
        let o = parse_obstacles("No time | slows learning | block mornings\nImposter feelings");
        assert_eq!(o[0].solutions, "block mornings");
        assert_eq!(
            o[1],
            Obstacle { challenge: "Imposter feelings".into(), impact: String::new(), solutions: String::new() }
        );
        assert_eq!(o[1].display(), "• Imposter feelings");
    }
}
