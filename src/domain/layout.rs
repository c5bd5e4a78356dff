//! Laying out long text into Discord-sized pieces without losing any of it.
//!
//! Discord limits: message content 2000 characters, embed title 256, description 4096, field name
//! 256, field value 1024, 25 fields per embed, 6000 characters per embed and per message (all its
//! embeds together), 10 embeds per message. Text is split at line breaks where possible, else at
//! spaces, else between characters; every character of the input ends up in exactly one piece.

use crate::tr;

/// Most characters in a message's content.
pub const MESSAGE_CHARS: usize = 2000;
/// Most characters in an embed title.
pub const TITLE_CHARS: usize = 256;
/// Most characters in an embed description.
pub const DESCRIPTION_CHARS: usize = 4096;
/// Most characters in a field name.
pub const FIELD_NAME_CHARS: usize = 256;
/// Most characters in a field value.
pub const FIELD_CHARS: usize = 1024;
/// Most fields in one embed.
pub const MAX_FIELDS: usize = 25;
/// Most characters in one embed, and in all embeds of one message together.
pub const EMBED_TOTAL_CHARS: usize = 6000;
/// Room left on every embed for its footer: the bot's signature, and a note or a job's reference
/// (`render::look`).
pub const FOOTER_CHARS: usize = 100;
/// Most embeds in one message.
pub const MAX_EMBEDS: usize = 10;
/// Most characters in a modal text input's value.
pub const MODAL_VALUE_CHARS: usize = 4000;

/// What a field shows when its section is empty (Discord refuses empty values).
const EMPTY: &str = "—";

/// A named block of text, e.g. "Challenges" and what the mentee wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub name: String,
    pub body: String,
}

impl Section {
    /// A section.
    pub fn new(name: impl Into<String>, body: impl Into<String>) -> Self {
        Self { name: name.into(), body: body.into() }
    }
}

/// One embed's worth of content; every part is within Discord's limits.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Page {
    pub title: String,
    pub description: String,
    pub fields: Vec<(String, String)>,
}

impl Page {
    /// Characters Discord counts against the 6000 limit, with the room kept for the footer.
    pub fn size(&self) -> usize {
        FOOTER_CHARS
            + chars(&self.title)
            + chars(&self.description)
            + self.fields.iter().map(|(n, v)| chars(n) + chars(v)).sum::<usize>()
    }
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Splits `text` into pieces of at most `max` characters (`max` > 0), preferring line breaks,
/// then spaces. Concatenating the pieces gives back `text` exactly.
pub fn split(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut pieces = Vec::new();
    let mut rest = text;
    while chars(rest) > max {
        // Byte index just after the `max`-th character.
        let limit = rest.char_indices().nth(max).map_or(rest.len(), |(i, _)| i);
        let window = &rest[..limit];
        let cut = window
            .rfind('\n')
            .map(|i| i + 1)
            .filter(|&i| i > limit / 4)
            .or_else(|| window.rfind(' ').map(|i| i + 1).filter(|&i| i > limit / 4))
            .unwrap_or(limit);
        pieces.push(rest[..cut].to_owned());
        rest = &rest[cut..];
    }
    if !rest.is_empty() || pieces.is_empty() {
        pieces.push(rest.to_owned());
    }
    pieces
}

/// Cuts a label (a title or field name, never user content that is not shown elsewhere) to `max`.
fn label(s: &str, max: usize) -> String {
    if chars(s) <= max {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Lays out a title, an intro and sections as embeds: the intro goes into descriptions, each
/// section into one or more fields ("Name (2/3)" when split), starting a new page whenever a
/// limit would be crossed.
pub fn pages(title: &str, intro: &str, sections: &[Section]) -> Vec<Page> {
    let title = label(title, TITLE_CHARS);
    let mut out: Vec<Page> = Vec::new();
    let new_page = |out: &mut Vec<Page>| {
        let t = if out.is_empty() {
            title.clone()
        } else {
            label(&tr!("domain-page-continued", title = title.as_str()), TITLE_CHARS)
        };
        out.push(Page { title: t, ..Page::default() });
    };
    new_page(&mut out);
    let intro = intro.trim_end();
    if !intro.is_empty() {
        for (i, piece) in split(intro, DESCRIPTION_CHARS.min(EMBED_TOTAL_CHARS - TITLE_CHARS - FOOTER_CHARS - 20))
            .into_iter()
            .enumerate()
        {
            if i > 0 {
                new_page(&mut out);
            }
            if let Some(page) = out.last_mut() {
                page.description = piece;
            }
        }
    }
    for section in sections {
        let body = section.body.trim_end();
        let values = if body.trim().is_empty() { vec![EMPTY.to_owned()] } else { split(body, FIELD_CHARS) };
        let count = values.len();
        for (i, value) in values.into_iter().enumerate() {
            let name = if count > 1 {
                let part = tr!("domain-section-part", name = section.name.as_str(), part = i + 1, parts = count);
                label(&part, FIELD_NAME_CHARS)
            } else {
                label(&section.name, FIELD_NAME_CHARS)
            };
            let needed = chars(&name) + chars(&value);
            let full = out.last().is_none_or(|p| p.fields.len() >= MAX_FIELDS || p.size() + needed > EMBED_TOTAL_CHARS);
            if full {
                new_page(&mut out);
            }
            if let Some(page) = out.last_mut() {
                page.fields.push((name, value));
            }
        }
    }
    out
}

/// Groups pages into messages: at most 10 embeds and 6000 characters per message.
pub fn messages(pages: Vec<Page>) -> Vec<Vec<Page>> {
    let mut out: Vec<Vec<Page>> = Vec::new();
    let mut size = 0;
    for page in pages {
        let fits = out.last().is_some_and(|m| m.len() < MAX_EMBEDS && size + page.size() <= EMBED_TOTAL_CHARS);
        if !fits {
            out.push(Vec::new());
            size = 0;
        }
        size += page.size();
        if let Some(m) = out.last_mut() {
            m.push(page);
        }
    }
    out
}

/// The same content as one Markdown document (for attachments, where nothing is cut).
pub fn markdown(title: &str, intro: &str, sections: &[Section]) -> String {
    let mut out = format!("# {title}\n\n");
    if !intro.trim().is_empty() {
        out.push_str(intro.trim_end());
        out.push_str("\n\n");
    }
    for section in sections {
        let body = section.body.trim_end();
        out = format!("{out}## {}\n\n{}\n\n", section.name, if body.trim().is_empty() { EMPTY } else { body });
    }
    out
}

/// Checks a text typed by a user against a limit; the error names the field and the numbers.
pub fn check_length(what: &str, text: &str, max: usize) -> Result<(), String> {
    let n = chars(text);
    if n > max {
        Err(tr!("domain-too-long", what = what, count = n, max = max))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitting_keeps_every_character_and_respects_the_limit() {
        let text = "word ".repeat(900) + &"x".repeat(3000) + "\nend";
        let pieces = split(&text, 1024);
        assert!(pieces.iter().all(|p| p.chars().count() <= 1024));
        assert_eq!(pieces.concat(), text);
    }

    #[test]
    fn splitting_prefers_line_breaks() {
        let text = format!("{}\n{}", "a".repeat(600), "b".repeat(600));
        let pieces = split(&text, 1024);
        assert_eq!(pieces, vec![format!("{}\n", "a".repeat(600)), "b".repeat(600)]);
    }

    #[test]
    fn splitting_counts_characters_not_bytes() {
        let text = "ü".repeat(2000);
        let pieces = split(&text, 1024);
        assert_eq!(pieces.len(), 2);
        assert_eq!(pieces[0].chars().count(), 1024);
        assert_eq!(pieces.concat(), text);
    }

    #[test]
    fn short_text_is_one_piece_and_empty_text_one_empty_piece() {
        assert_eq!(split("hi", 10), vec!["hi"]);
        assert_eq!(split("", 10), vec![""]);
    }

    #[test]
    fn five_full_modal_fields_fit_into_pages_within_every_limit() {
        let sections: Vec<Section> = (0..5).map(|i| Section::new(format!("S{i}"), "y".repeat(4000))).collect();
        let pages = pages("Agenda", &"i".repeat(5000), &sections);
        for page in &pages {
            assert!(page.size() <= EMBED_TOTAL_CHARS);
            assert!(page.description.chars().count() <= DESCRIPTION_CHARS);
            assert!(page.fields.len() <= MAX_FIELDS);
            assert!(page.fields.iter().all(|(n, v)| n.chars().count() <= 256 && v.chars().count() <= FIELD_CHARS));
        }
        let all_values: String = pages.iter().flat_map(|p| p.fields.iter().map(|(_, v)| v.as_str())).collect();
        assert_eq!(all_values, "y".repeat(20_000));
        let intro: String = pages.iter().map(|p| p.description.as_str()).collect();
        assert_eq!(intro, "i".repeat(5000));
        let first_field = pages.iter().find_map(|p| p.fields.first()).map(|(n, _)| n.as_str());
        assert_eq!(first_field, Some("S0 (1/4)"));
        let grouped = messages(pages);
        for m in &grouped {
            assert!(m.len() <= MAX_EMBEDS);
            assert!(m.iter().map(Page::size).sum::<usize>() <= EMBED_TOTAL_CHARS);
        }
    }

    #[test]
    fn empty_sections_show_a_dash_and_many_sections_start_new_pages() {
        let sections: Vec<Section> = (0..30).map(|i| Section::new(format!("S{i}"), "")).collect();
        let pages = pages("T", "", &sections);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].fields.len(), 25);
        assert_eq!(pages[0].fields[0].1, "—");
        assert_eq!(pages[1].title, "T (continued)");
    }

    #[test]
    fn small_pages_share_one_message() {
        let p = pages("T", "short", &[Section::new("A", "b")]);
        assert_eq!(messages(p).len(), 1);
    }

    #[test]
    fn markdown_keeps_every_section_whole() {
        let long = "z".repeat(9000);
        let md = markdown("T", "intro", &[Section::new("A", long.clone()), Section::new("B", "")]);
        assert!(md.starts_with("# T\n\nintro\n\n## A\n\n"));
        assert!(md.contains(&long));
        assert!(md.contains("## B\n\n—"));
    }

    #[test]
    fn length_check_names_the_numbers() {
        assert!(check_length("Title", "abc", 3).is_ok());
        let e = check_length("Title", "abcd", 3).unwrap_err();
        assert!(e.contains("4 characters") && e.contains("limit is 3"), "{e}");
    }
}
