//! Command names and descriptions in other languages: one catalogue file per Discord locale
//! (`locales/<locale>/commands.toml`), applied to every command, subcommand and option before the
//! commands are registered. English stays the source (the doc comments and `#[description]`s),
//! so a new language is a new file plus one line in [`CATALOGUES`], not a code change.
//!
//! A catalogue is keyed by the qualified command path:
//! `[book]` holds `name` and `description`, `[book.options.when]` an option's, `[action.add]` a
//! subcommand's. Context-menu commands are keyed by their Rust name (`[book_with]`) and carry a
//! `name` only (Discord shows no description for them).

use std::borrow::Cow;

use super::{BotError, Data};

type Command = poise::Command<Data, BotError>;
type Localizations = Cow<'static, [(Cow<'static, str>, Cow<'static, str>)]>;

/// The shipped catalogues: Discord locale and file contents.
pub const CATALOGUES: &[(&str, &str)] = &[("de", include_str!("../../locales/de/commands.toml"))];

/// Applies every shipped catalogue to `commands`; returns what did not fit (empty when every
/// command is fully translated and every entry matched a command with a name Discord accepts).
pub fn localize_all(commands: &mut [Command]) -> Vec<String> {
    CATALOGUES.iter().flat_map(|(locale, text)| localize(commands, locale, text)).collect()
}

/// Applies one catalogue (`text`, TOML) for `locale` to `commands`; returns the problems found.
pub fn localize(commands: &mut [Command], locale: &str, text: &str) -> Vec<String> {
    let table = match text.parse::<toml::Table>() {
        Ok(t) => t,
        Err(e) => return vec![format!("{locale}: the catalogue is not valid TOML: {e}")],
    };
    let mut problems = Vec::new();
    let mut walker = Walker { locale, problems: &mut problems };
    for command in commands.iter_mut() {
        let path = command.name.clone();
        walker.command(command, &path, table.get(path.as_ref()));
    }
    for key in table.keys() {
        if !commands.iter().any(|c| c.name == key.as_str()) {
            problems.push(format!("{locale}: [{key}] matches no command"));
        }
    }
    problems
}

struct Walker<'a> {
    locale: &'a str,
    problems: &'a mut Vec<String>,
}

impl Walker<'_> {
    fn problem(&mut self, text: &str) {
        self.problems.push(format!("{}: {text}", self.locale));
    }

    /// The `key` entry of `entry`, a string, or a problem.
    fn text(&mut self, entry: Option<&toml::Value>, path: &str, key: &str) -> Option<String> {
        match entry.and_then(|e| e.get(key)) {
            Some(toml::Value::String(s)) => Some(s.clone()),
            Some(_) => {
                self.problem(&format!("[{path}] {key} is not a string"));
                None
            }
            None => {
                self.problem(&format!("[{path}] has no {key}"));
                None
            }
        }
    }

    fn localized(&self, value: String, existing: &Localizations) -> Localizations {
        let mut list: Vec<_> = existing.iter().filter(|(l, _)| l != self.locale).cloned().collect();
        list.push((self.locale.to_owned().into(), value.into()));
        list.into()
    }

    fn command(&mut self, command: &mut Command, path: &str, entry: Option<&toml::Value>) {
        if entry.is_none() {
            self.problem(&format!("[{path}] is missing"));
            return;
        }
        let context_menu = command.context_menu_action.is_some() && command.slash_action.is_none();
        if let Some(name) = self.text(entry, path, "name") {
            let valid = if context_menu { context_menu_name_ok(&name) } else { slash_name_ok(&name) };
            if !valid {
                self.problem(&format!("[{path}] name {name:?} is not a name Discord accepts"));
            }
            command.name_localizations = self.localized(name, &command.name_localizations);
        }
        let mut known = vec!["name"];
        if context_menu {
            if entry.and_then(|e| e.get("description")).is_some() {
                self.problem(&format!("[{path}] a context menu has no description"));
            }
        } else {
            known.extend(["description", "options"]);
            if let Some(description) = self.text(entry, path, "description") {
                self.check_description(path, &description);
                command.description_localizations = self.localized(description, &command.description_localizations);
            }
            let options = entry.and_then(|e| e.get("options"));
            for param in &mut command.parameters {
                let option_path = format!("{path}.options.{}", param.name);
                self.parameter(param, &option_path, options.and_then(|o| o.get(param.name.as_ref())));
            }
            for key in options.and_then(toml::Value::as_table).into_iter().flat_map(toml::Table::keys) {
                if !command.parameters.iter().any(|p| p.name == key.as_str()) {
                    self.problem(&format!("[{path}.options.{key}] matches no option"));
                }
            }
        }
        for sub in &mut command.subcommands {
            let sub_path = format!("{path}.{}", sub.name);
            self.command(sub, &sub_path, entry.and_then(|e| e.get(sub.name.as_ref())));
        }
        for key in entry.and_then(toml::Value::as_table).into_iter().flat_map(toml::Table::keys) {
            if !known.contains(&key.as_str()) && !command.subcommands.iter().any(|s| s.name == key.as_str()) {
                self.problem(&format!("[{path}.{key}] matches no subcommand"));
            }
        }
    }

    fn parameter(
        &mut self,
        param: &mut poise::CommandParameter<Data, BotError>,
        path: &str,
        entry: Option<&toml::Value>,
    ) {
        if entry.is_none() {
            self.problem(&format!("[{path}] is missing"));
            return;
        }
        if let Some(name) = self.text(entry, path, "name") {
            if !slash_name_ok(&name) {
                self.problem(&format!("[{path}] name {name:?} is not a name Discord accepts"));
            }
            param.name_localizations = self.localized(name, &param.name_localizations);
        }
        if let Some(description) = self.text(entry, path, "description") {
            self.check_description(path, &description);
            param.description_localizations = self.localized(description, &param.description_localizations);
        }
        for key in entry.and_then(toml::Value::as_table).into_iter().flat_map(toml::Table::keys) {
            if key != "name" && key != "description" {
                self.problem(&format!("[{path}] {key} is not name or description"));
            }
        }
    }

    fn check_description(&mut self, path: &str, description: &str) {
        let len = description.chars().count();
        if !(1..=100).contains(&len) {
            self.problem(&format!("[{path}] description has {len} characters (1–100)"));
        }
    }
}

/// Discord's rule for slash command and option names: 1–32 characters out of
/// `[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]`, lowercase where the letter has a lowercase form.
pub fn slash_name_ok(name: &str) -> bool {
    let len = name.chars().count();
    (1..=32).contains(&len) && name.chars().all(|c| (c == '-' || c == '_' || c.is_alphanumeric()) && !c.is_uppercase())
}

/// Discord's rule for context-menu names: 1–32 characters, spaces and capitals allowed.
pub fn context_menu_name_ok(name: &str) -> bool {
    (1..=32).contains(&name.chars().count()) && !name.trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_catalogue_translates_every_command_and_matches_nothing_else() {
        let mut commands = super::super::commands::all_unlocalized();
        let problems = localize_all(&mut commands);
        assert!(problems.is_empty(), "catalogue problems:\n{}", problems.join("\n"));
    }

    #[test]
    fn a_missing_entry_an_unknown_key_and_a_bad_name_are_reported() {
        let mut commands = super::super::commands::all_unlocalized();
        let problems = localize(&mut commands, "de", "[book]\nname = \"Buchen\"\n[nonsense]\nname = \"x\"\n");
        let text = problems.join("\n");
        assert!(text.contains("[book] has no description"), "{text}");
        assert!(text.contains("\"Buchen\" is not a name Discord accepts"), "{text}");
        assert!(text.contains("[nonsense] matches no command"), "{text}");
        assert!(text.contains("[join] is missing"), "{text}");
    }

    #[test]
    fn a_description_over_a_hundred_characters_is_reported() {
        let mut commands = super::super::commands::all_unlocalized();
        let long = "x".repeat(101);
        let problems = localize(&mut commands, "de", &format!("[help]\nname = \"hilfe\"\ndescription = \"{long}\"\n"));
        assert!(problems.iter().any(|p| p.contains("[help] description has 101 characters")), "{problems:?}");
    }

    #[test]
    fn discord_name_rules_accept_lowercase_letters_of_any_script_and_refuse_the_rest() {
        assert!(slash_name_ok("buchen") && slash_name_ok("größe") && slash_name_ok("日付") && slash_name_ok("ab-c_1"));
        assert!(!slash_name_ok("Buchen") && !slash_name_ok("zwei wörter") && !slash_name_ok(""));
        assert!(!slash_name_ok(&"a".repeat(33)));
        assert!(context_menu_name_ok("Sitzung buchen") && !context_menu_name_ok(&"a".repeat(33)));
    }
}
