//! A program's session outline: what session N of a pair is for. The default follows the
//! mentoring guides (introductions and goals, narrowing the focus, an exercise, its debrief, then
//! repeat); admins replace it with one step a line, `Title: prompt`. Step N serves session N; the
//! last step repeats for every later session.

use super::text::short;
use crate::tr;

/// One step of the outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub title: String,
    pub prompt: String,
}

/// The steps, in order (at least one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outline {
    steps: Vec<Step>,
}

/// Most steps an outline may have.
pub const MAX_STEPS: usize = 12;
/// Longest step title.
pub const MAX_TITLE_CHARS: usize = 60;
/// Longest step prompt.
pub const MAX_PROMPT_CHARS: usize = 300;
/// Discord's limit on a text input's placeholder.
pub const PLACEHOLDER_CHARS: usize = 100;

/// Why an outline was refused. Messages are shown to the admin; nothing changes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OutlineError {
    #[error("{}", tr!("domain-outline-empty"))]
    Empty,
    #[error("{}", tr!("domain-outline-no-colon", line = *.line, text = short(.text)))]
    NoColon { line: usize, text: String },
    /// `what` is `title` or `prompt`.
    #[error("{}", tr!("domain-outline-empty-part", line = *.line, what = *.what))]
    EmptyPart { line: usize, what: &'static str },
    /// `what` is `title` or `prompt`.
    #[error("{}", tr!("domain-outline-too-long", line = *.line, what = *.what, len = *.len, max = *.max))]
    TooLong { line: usize, what: &'static str, len: usize, max: usize },
    #[error("{}", tr!("domain-outline-too-many", count = *.0, max = MAX_STEPS))]
    TooMany(usize),
}

impl Default for Outline {
    /// The outline of the mentoring guides, in the reader's language.
    fn default() -> Self {
        let steps = [
            (tr!("domain-outline-default-1-title"), tr!("domain-outline-default-1-prompt")),
            (tr!("domain-outline-default-2-title"), tr!("domain-outline-default-2-prompt")),
            (tr!("domain-outline-default-3-title"), tr!("domain-outline-default-3-prompt")),
            (tr!("domain-outline-default-4-title"), tr!("domain-outline-default-4-prompt")),
            (tr!("domain-outline-default-5-title"), tr!("domain-outline-default-5-prompt")),
        ];
        Self { steps: steps.into_iter().map(|(title, prompt)| Step { title, prompt }).collect() }
    }
}

impl Outline {
    /// Reads an outline: one step a line, `Title: prompt` (blank lines are ignored).
    pub fn parse(text: &str) -> Result<Self, OutlineError> {
        let mut steps = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let raw = raw.trim();
            if raw.is_empty() {
                continue;
            }
            let (title, prompt) =
                raw.split_once(':').ok_or_else(|| OutlineError::NoColon { line, text: raw.to_owned() })?;
            let (title, prompt) = (title.trim(), prompt.trim());
            for (what, part, max) in [("title", title, MAX_TITLE_CHARS), ("prompt", prompt, MAX_PROMPT_CHARS)] {
                let len = part.chars().count();
                if len == 0 {
                    return Err(OutlineError::EmptyPart { line, what });
                }
                if len > max {
                    return Err(OutlineError::TooLong { line, what, len, max });
                }
            }
            steps.push(Step { title: title.to_owned(), prompt: prompt.to_owned() });
        }
        match steps.len() {
            0 => Err(OutlineError::Empty),
            n if n > MAX_STEPS => Err(OutlineError::TooMany(n)),
            _ => Ok(Self { steps }),
        }
    }

    /// The steps in order.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// The step of session `number` (1-based): the last step repeats for later sessions.
    pub fn step_for(&self, number: i64) -> Option<&Step> {
        let index = usize::try_from(number.max(1) - 1).unwrap_or(0);
        self.steps.get(index).or_else(|| self.steps.last())
    }

    /// The outline as an admin edits it: one step a line.
    pub fn to_text(&self) -> String {
        self.steps.iter().map(|s| format!("{}: {}", s.title, s.prompt)).collect::<Vec<_>>().join("\n")
    }
}

impl Step {
    /// `Title: prompt`, cut to Discord's 100 characters of a placeholder.
    pub fn placeholder(&self) -> String {
        let full = format!("{}: {}", self.title, self.prompt);
        if full.chars().count() <= PLACEHOLDER_CHARS {
            return full;
        }
        let mut cut: String = full.chars().take(PLACEHOLDER_CHARS - 1).collect();
        cut.push('…');
        cut
    }

    /// One line for messages: `Focus of session 3 · An exercise: Choose one ...`.
    pub fn line(&self, session_number: i64) -> String {
        let heading = tr!("domain-outline-focus", number = session_number.to_string(), title = self.title.as_str());
        format!("{heading}\n{}", self.prompt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_outline_has_the_five_steps_of_the_guides_and_step_five_repeats() {
        let o = Outline::default();
        assert_eq!(o.steps().len(), 5);
        assert_eq!(o.step_for(1).unwrap().title, "Introductions and goals");
        assert!(o.step_for(2).unwrap().prompt.contains("problem statements"));
        assert_eq!(o.step_for(5), o.step_for(9));
        assert_eq!(o.step_for(0), o.step_for(1));
    }

    #[test]
    fn an_outline_reads_one_step_a_line_and_round_trips() {
        let o = Outline::parse("Kick-off: Who are we?\n\n  Plan : What next? Really: yes  \n").unwrap();
        assert_eq!(o.steps()[1], Step { title: "Plan".into(), prompt: "What next? Really: yes".into() });
        assert_eq!(Outline::parse(&o.to_text()).unwrap(), o);
    }

    #[test]
    fn a_bad_outline_is_refused_with_the_line_it_stumbled_on() {
        assert_eq!(Outline::parse(" \n "), Err(OutlineError::Empty));
        assert!(matches!(Outline::parse("A: b\nno colon here"), Err(OutlineError::NoColon { line: 2, .. })));
        assert_eq!(Outline::parse(": prompt"), Err(OutlineError::EmptyPart { line: 1, what: "title" }));
        assert!(matches!(Outline::parse(&format!("T: {}", "x".repeat(301))), Err(OutlineError::TooLong { .. })));
        assert_eq!(Outline::parse(&"T: p\n".repeat(13)), Err(OutlineError::TooMany(13)));
    }

    #[test]
    fn a_placeholder_fits_discords_100_characters() {
        for step in Outline::default().steps() {
            assert!(step.placeholder().chars().count() <= PLACEHOLDER_CHARS);
        }
    }
}
