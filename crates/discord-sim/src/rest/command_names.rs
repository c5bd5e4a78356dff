//! Discord's rules for the names and descriptions of application commands, localized ones
//! included: chat-input command, subcommand and option names match
//! `^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$` and are lowercase where a letter has a
//! lowercase form; user and message commands take any 1–32 characters and no description;
//! descriptions are 1–100 characters; localization keys are Discord locales.

use serde_json::Value;

/// The locales Discord accepts as keys of `name_localizations` / `description_localizations`.
pub(crate) const LOCALES: &[&str] = &[
    "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl", "no", "pl", "pt-BR",
    "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th", "zh-CN", "ja", "zh-TW", "ko",
];

/// Whether `name` is a valid chat-input command, subcommand or option name.
pub(crate) fn slash_name_ok(name: &str) -> bool {
    (1..=32).contains(&name.chars().count())
        && name.chars().all(|c| (c == '-' || c == '_' || c.is_alphanumeric()) && !c.is_uppercase())
}

/// The problems of one command definition (empty when Discord would accept its names).
pub(crate) fn problems(def: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let chat_input = def.get("type").and_then(Value::as_u64).unwrap_or(1) == 1;
    let name = def["name"].as_str().unwrap_or_default();
    if chat_input {
        check_named(def, name, &mut out);
    } else {
        for (locale, text) in localizations(def, "name_localizations", name, &mut out) {
            if !(1..=32).contains(&text.chars().count()) {
                out.push(format!("{name}: name_localizations.{locale} {text:?} is not 1–32 characters"));
            }
        }
        let described = def["description"].as_str().is_some_and(|d| !d.is_empty())
            || def["description_localizations"].as_object().is_some_and(|m| !m.is_empty());
        if described {
            out.push(format!("{name}: a user or message command has no description"));
        }
    }
    out
}

/// A chat-input command or option (recursively): names and descriptions, localized ones too.
fn check_named(def: &Value, path: &str, out: &mut Vec<String>) {
    let name = def["name"].as_str().unwrap_or_default();
    if !slash_name_ok(name) {
        out.push(format!("{path}: name {name:?} breaks Discord's naming rule"));
    }
    for (locale, text) in localizations(def, "name_localizations", path, out) {
        if !slash_name_ok(&text) {
            out.push(format!("{path}: name_localizations.{locale} {text:?} breaks Discord's naming rule"));
        }
    }
    for (locale, text) in localizations(def, "description_localizations", path, out) {
        if !(1..=100).contains(&text.chars().count()) {
            out.push(format!("{path}: description_localizations.{locale} is not 1–100 characters"));
        }
    }
    for option in def["options"].as_array().into_iter().flatten() {
        let option_name = option["name"].as_str().unwrap_or_default();
        check_named(option, &format!("{path} {option_name}"), out);
    }
}

/// The entries of a localization map; unknown locales and non-string values are problems.
fn localizations(def: &Value, key: &str, path: &str, out: &mut Vec<String>) -> Vec<(String, String)> {
    let mut list = Vec::new();
    for (locale, text) in def.get(key).and_then(Value::as_object).into_iter().flatten() {
        if !LOCALES.contains(&locale.as_str()) {
            out.push(format!("{path}: {key} has an unknown locale {locale:?}"));
        }
        match text.as_str() {
            Some(t) => list.push((locale.clone(), t.to_owned())),
            None => out.push(format!("{path}: {key}.{locale} is not a string")),
        }
    }
    list
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn localized_names_follow_discords_rules() {
        let ok = json!({"name": "book", "name_localizations": {"de": "buchen"}, "description": "Book",
            "description_localizations": {"de": "Buchen"},
            "options": [{"type": 3, "name": "when", "name_localizations": {"de": "wann"}}]});
        assert!(problems(&ok).is_empty(), "{:?}", problems(&ok));
        let bad = json!({"name": "book", "name_localizations": {"de": "Buchen", "xx": "b"},
            "options": [{"type": 3, "name": "when", "name_localizations": {"de": "zu welcher zeit"}}]});
        let found = problems(&bad).join("\n");
        assert!(
            found.contains("\"Buchen\"") && found.contains("\"xx\"") && found.contains("zu welcher zeit"),
            "{found}"
        );
        let menu = json!({"type": 2, "name": "Book a session", "name_localizations": {"de": "Sitzung buchen"}});
        assert!(problems(&menu).is_empty());
        let menu = json!({"type": 2, "name": "Book", "description_localizations": {"de": "Buchen"}});
        assert!(!problems(&menu).is_empty());
    }
}
