//! Agendas: what the mentee brings to a session, and the topics the mentor adds.

use chrono::{DateTime, Utc};

use super::ids::UserId;
use crate::tr;

/// A session's agenda as the mentee wrote it (all text kept whole).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agenda {
    pub session_id: i64,
    /// The outcome that would make the session a success.
    pub goal: String,
    pub progress: String,
    pub challenges: String,
    /// One topic a line; a leading `!` marks high priority.
    pub topics: String,
    pub support: String,
    pub submitted_by: UserId,
    pub submitted_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Bumped on every edit.
    pub revision: i64,
}

/// What the agenda form holds (the five modal fields).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AgendaInput {
    pub goal: String,
    pub progress: String,
    pub challenges: String,
    pub topics: String,
    pub support: String,
}

impl From<&Agenda> for AgendaInput {
    fn from(a: &Agenda) -> Self {
        Self {
            goal: a.goal.clone(),
            progress: a.progress.clone(),
            challenges: a.challenges.clone(),
            topics: a.topics.clone(),
            support: a.support.clone(),
        }
    }
}

/// A topic the mentor added to an agenda.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddedTopic {
    pub id: i64,
    pub session_id: i64,
    pub added_by: UserId,
    pub topic: Topic,
    pub added_at: DateTime<Utc>,
}

/// One discussion topic.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Topic {
    pub text: String,
    pub high_priority: bool,
}

impl Topic {
    /// Reads one line: a leading `!` (spaces around it allowed) marks high priority.
    pub fn parse(line: &str) -> Option<Topic> {
        let line = line.trim();
        let (high_priority, text) = match line.strip_prefix('!') {
            Some(rest) => (true, rest.trim()),
            None => (false, line),
        };
        (!text.is_empty()).then(|| Topic { text: text.to_owned(), high_priority })
    }

    /// `🔴 text` for high priority, `• text` otherwise.
    pub fn display(&self) -> String {
        if self.high_priority {
            tr!("domain-topic-high-priority", text = self.text.as_str())
        } else {
            format!("• {}", self.text)
        }
    }
}

/// The topics of a text, one a line, blank lines skipped, high priority first (stable order
/// otherwise).
pub fn parse_topics(text: &str) -> Vec<Topic> {
    let mut topics: Vec<Topic> = text.lines().filter_map(Topic::parse).collect();
    topics.sort_by_key(|t| !t.high_priority);
    topics
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leading_bang_marks_high_priority_and_comes_first() {
        let topics = parse_topics("Portfolio review\n! Salary negotiation\n\n  !Team conflict  \nReading list");
        let shown: Vec<(&str, bool)> = topics.iter().map(|t| (t.text.as_str(), t.high_priority)).collect();
        assert_eq!(
            shown,
            vec![
                ("Salary negotiation", true),
                ("Team conflict", true),
                ("Portfolio review", false),
                ("Reading list", false)
            ]
        );
    }

    #[test]
    fn a_bang_alone_or_blank_lines_are_no_topics() {
        assert!(parse_topics("!\n   \n").is_empty());
    }

    #[test]
    fn a_bang_inside_the_text_is_kept() {
        let t = Topic::parse("Ship it!").unwrap();
        assert_eq!(t, Topic { text: "Ship it!".into(), high_priority: false });
        assert!(Topic::parse("!Urgent").unwrap().display().contains("high priority"));
    }
}
