//! Quoting what a user typed back to them: error messages show a short, harmless excerpt, never
//! the whole input (which may be thousands of characters, carry mentions or break the markup).

/// How many characters of an input an error message quotes.
pub const EXCERPT_CHARS: usize = 60;

/// A short, sanitised excerpt of `s` to quote in a message: at most `max_chars` characters
/// (ending in `…` when cut), on one line (newlines, tabs and other control characters become
/// spaces, runs of spaces collapse), without backticks (they would end an inline code span) or
/// direction overrides, and with every mention defused (`@everyone`, `@here`, `<@…>`, `<@&…>`
/// and `<#…>` get a zero-width space after `@` or `#`, so Discord shows them as plain text).
pub fn excerpt(s: &str, max_chars: usize) -> String {
    let mut clean = String::with_capacity(s.len().min(max_chars * 4));
    let mut previous: Option<char> = None;
    for c in s.trim().chars() {
        let c = match c {
            '`' => '\'',
            c if c.is_control() || c.is_whitespace() => ' ',
            c if is_invisible(c) => continue,
            c => c,
        };
        if c == ' ' && previous == Some(' ') {
            continue;
        }
        clean.push(c);
        if c == '@' || (c == '#' && previous == Some('<')) {
            clean.push('\u{200B}');
        }
        previous = Some(c);
    }
    let clean = clean.trim();
    if clean.chars().count() <= max_chars {
        return clean.to_owned();
    }
    let mut cut: String = clean.chars().take(max_chars.saturating_sub(1)).collect();
    // Never end on half a defused mention marker or a space.
    while cut.ends_with('\u{200B}') || cut.ends_with(' ') {
        cut.pop();
    }
    cut.push('…');
    cut
}

/// [`excerpt`] with the usual length, [`EXCERPT_CHARS`].
pub fn short(s: &str) -> String {
    excerpt(s, EXCERPT_CHARS)
}

/// Characters that change how text around them is displayed without showing themselves:
/// bidirectional marks, embeddings, overrides and isolates, and zero-width characters.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_plain_input_is_quoted_as_it_is() {
        assert_eq!(short("  Europe/Berlin "), "Europe/Berlin");
    }

    #[test]
    fn a_long_input_is_cut_with_an_ellipsis() {
        let out = excerpt(&"x".repeat(5000), 60);
        assert_eq!(out.chars().count(), 60);
        assert!(out.ends_with('…'));
    }

    #[test]
    fn mentions_are_defused() {
        let out = short("@everyone @here <@123> <@&456> <#789>");
        assert!(!out.contains("@everyone") && !out.contains("@here"), "{out}");
        assert!(!out.contains("<@1") && !out.contains("<@&") && !out.contains("<#7"), "{out}");
        assert_eq!(out.replace('\u{200B}', ""), "@everyone @here <@123> <@&456> <#789>");
    }

    #[test]
    fn backticks_newlines_and_direction_marks_are_removed() {
        let out = short("a`b\n\n c\u{202E}d\te");
        assert_eq!(out, "a'b cd e");
    }

    #[test]
    fn the_excerpt_never_exceeds_the_limit_even_with_many_mentions() {
        let out = excerpt(&"@".repeat(500), 60);
        assert!(out.chars().count() <= 60, "{}", out.chars().count());
    }
}
