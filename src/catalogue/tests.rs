use std::{
    collections::{BTreeMap, BTreeSet},
    path::Path,
};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::*;

/// Message ids with the variables their text (every variant) refers to, per locale.
fn messages_by_locale() -> BTreeMap<&'static str, BTreeMap<String, BTreeSet<String>>> {
    let mut out: BTreeMap<_, BTreeMap<_, _>> = BTreeMap::new();
    for (locale, file, text) in SOURCES {
        let resource = fluent_syntax::parser::parse(*text).unwrap_or_else(|(_, e)| panic!("{locale}/{file}: {e:?}"));
        for entry in resource.body {
            if let Entry::Message(message) = entry {
                let mut variables = BTreeSet::new();
                if let Some(value) = &message.value {
                    pattern_variables(value, &mut variables);
                }
                out.entry(*locale).or_default().insert(message.id.name.to_owned(), variables);
            }
        }
    }
    out
}

fn pattern_variables(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => inline_variables(inline, out),
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
    }
}

fn inline_variables(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

/// Every id named by a `tr!("…"` in the crate's sources, with the file that names it.
fn ids_used_in_code() -> BTreeMap<String, String> {
    fn walk(dir: &Path, out: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                if !path.ends_with("catalogue") {
                    walk(&path, out);
                }
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("catalogue.rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for (at, _) in text.match_indices("tr!(") {
                    let before = text[..at].chars().next_back();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue; // `include_str!(` and the like
                    }
                    let Some(rest) = text[at + 4..].trim_start().strip_prefix('"') else { continue };
                    let id = rest.split('"').next().unwrap_or_default();
                    out.entry(id.to_owned()).or_insert_with(|| path.display().to_string());
                }
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    out
}

#[test]
fn every_shipped_file_parses_and_no_message_is_defined_twice() {
    let (_, problems) = Catalogue::new(SOURCES);
    assert!(problems.is_empty(), "catalogue problems:\n{}", problems.join("\n"));
}

#[test]
fn every_id_the_code_uses_is_an_english_message_and_every_english_message_is_used() {
    let english = messages_by_locale().remove(DEFAULT_LOCALE).unwrap_or_default();
    let used = ids_used_in_code();
    let missing: Vec<_> = used.iter().filter(|(id, _)| !english.contains_key(*id)).collect();
    assert!(missing.is_empty(), "ids used in code but not in locales/en: {missing:?}");
    let unused: Vec<_> = english.keys().filter(|id| !used.contains_key(*id)).collect();
    assert!(unused.is_empty(), "English messages no code uses: {unused:?}");
}

#[test]
fn a_translation_has_only_messages_english_has_and_no_variables_english_lacks() {
    let mut locales = messages_by_locale();
    let english = locales.remove(DEFAULT_LOCALE).unwrap_or_default();
    for (locale, messages) in locales {
        for (id, variables) in messages {
            let Some(known) = english.get(&id) else { panic!("{locale}: {id} is not an English message") };
            let extra: Vec<_> = variables.difference(known).collect();
            assert!(extra.is_empty(), "{locale}: {id} uses {extra:?}, which the code does not give");
        }
    }
}

#[test]
fn german_ships_complete_every_english_message_has_a_german_one() {
    let locales = messages_by_locale();
    let (english, german) = (&locales[DEFAULT_LOCALE], &locales["de"]);
    let missing: Vec<_> = english.keys().filter(|id| !german.contains_key(*id)).collect();
    assert!(missing.is_empty(), "no German for {missing:?} (locales/de/*.ftl)");
}

#[test]
fn every_date_pattern_of_every_locale_writes_a_date() {
    let (catalogue, _) = Catalogue::new(SOURCES);
    let t = chrono::NaiveDate::from_ymd_opt(2027, 3, 1).unwrap().and_hms_opt(9, 5, 0).unwrap();
    for (locale, messages) in messages_by_locale() {
        for id in messages.keys().filter(|id| id.starts_with("domain-pattern-")) {
            let pattern = catalogue.format(locale, id, None);
            let mut out = String::new();
            let written = std::fmt::Write::write_fmt(&mut out, format_args!("{}", t.format(&pattern)));
            assert!(written.is_ok() && out.contains('1'), "{locale} {id}: {pattern:?}");
        }
    }
}

#[test]
fn a_locale_falls_back_to_its_language_then_to_english_message_by_message() {
    let sources = [
        (
            "en",
            "t.ftl",
            "hello = Hello, { $name }!\nbye = Bye\nitems = { $n ->\n  [one] one item\n *[other] { $n } items\n}\n",
        ),
        ("de", "t.ftl", "hello = Hallo, { $name }!\n"),
    ];
    let (catalogue, problems) = Catalogue::new(&sources);
    assert!(problems.is_empty(), "{problems:?}");
    let mut args = Args::new();
    args.set("name", "Ada");
    assert_eq!(catalogue.format("de", "hello", Some(&args)), "Hallo, Ada!");
    assert_eq!(catalogue.format("en-GB", "hello", Some(&args)), "Hello, Ada!");
    assert_eq!(catalogue.format("de", "bye", None), "Bye");
    assert_eq!(catalogue.format("pt-BR", "bye", None), "Bye");
    let count = |n: i64| {
        let mut args = Args::new();
        args.set("n", n);
        catalogue.format("en", "items", Some(&args))
    };
    assert_eq!((count(1), count(3)), ("one item".to_owned(), "3 items".to_owned()));
}

#[test]
fn a_broken_file_and_a_message_defined_twice_are_reported() {
    let sources = [("en", "a.ftl", "hello = Hello\n"), ("en", "b.ftl", "hello = Hi\nbroken = {\n")];
    let (_, problems) = Catalogue::new(&sources);
    assert!(problems.iter().any(|p| p.starts_with("en/b.ftl") && p.contains("Overriding")), "{problems:?}");
    assert!(problems.len() >= 2, "{problems:?}");
}

#[tokio::test]
async fn messages_follow_the_locale_of_the_interaction_being_answered() {
    assert_eq!(current_locale(), "en");
    assert_eq!(scope(Some("de"), async { current_locale() }).await, "de");
    assert_eq!(scope(None, async { current_locale() }).await, "en");
}
