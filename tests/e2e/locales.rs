//! Other languages: the commands registered in Discord carry German names and descriptions
//! from `locales/de/commands.toml` for every command, subcommand and option, and the context menu's
//! name; the bot still answers the commands (Discord sends the English names).

use serde_json::Value;

use crate::common::*;

fn find<'a>(list: &'a [Value], name: &str) -> &'a Value {
    list.iter().find(|c| c["name"] == name).unwrap_or_else(|| panic!("no {name} in {list:?}"))
}

fn de(def: &Value, key: &str) -> String {
    def[key]["de"].as_str().unwrap_or_else(|| panic!("no German {key} on {def}")).to_owned()
}

/// Every chat-input command, subcommand and option under `def` has a German name and description.
fn assert_all_german(def: &Value, path: &str) {
    assert!(!de(def, "name_localizations").is_empty(), "{path}");
    assert!(!de(def, "description_localizations").is_empty(), "{path}");
    for option in def["options"].as_array().into_iter().flatten() {
        assert_all_german(option, &format!("{path} {}", option["name"]));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_registered_command_subcommand_and_option_carries_its_german_name_and_description() {
    let w = paired_world().await;
    let registered = w.sim.commands();
    let book = find(&registered, "book");
    assert_eq!(de(book, "name_localizations"), "buchen");
    assert!(de(book, "description_localizations").starts_with("Eine Sitzung"), "{book}");
    let options = book["options"].as_array().unwrap();
    assert_eq!(de(find(options, "when"), "name_localizations"), "wann");
    // The configured limits are written into the German description too.
    let duration = de(find(options, "duration"), "description_localizations");
    assert!(duration.starts_with("Länge in Minuten (") && !duration.contains('{'), "{duration}");
    assert_eq!(duration.trim_start_matches("Länge in Minuten "), {
        let english = find(options, "duration")["description"].as_str().unwrap().to_owned();
        english.trim_start_matches("Length in minutes ").replace("default", "Standard")
    });
    let action = find(&registered, "action");
    let add = find(action["options"].as_array().unwrap(), "add");
    assert_eq!(de(add, "name_localizations"), "hinzufügen");
    assert_eq!(de(find(add["options"].as_array().unwrap(), "deadline"), "name_localizations"), "frist");

    let menu = find(&registered, "Book a session");
    assert_eq!(menu["type"], 2);
    assert_eq!(de(menu, "name_localizations"), "Sitzung buchen");
    assert!(menu["description_localizations"].as_object().is_none_or(serde_json::Map::is_empty), "{menu}");

    let chat_input: Vec<_> = registered.iter().filter(|c| c["type"] == 1).collect();
    assert!(chat_input.len() > 15, "{}", chat_input.len());
    for def in chat_input {
        assert_all_german(def, def["name"].as_str().unwrap());
    }
    // Discord sends the default (English) name; the bot answers as before.
    let r = w.actor(MIA).slash("book", &[("with", &MO.to_string()), ("when", "tue 15:00")]).await.unwrap();
    assert!(r.text().contains("Session #1 booked with"), "{}", r.text());
    assert_clean(&w);
    w.stop().await;
}

const GRETA: u64 = 800_000_000_000_000_031;

/// The bot's messages follow the language of the member's Discord client, message by message:
/// German has command names but no messages yet, so a German member reads every answer, error
/// and form in whole English sentences, never a message id or a placeholder.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_whose_discord_is_in_german_reads_whole_answers_in_english_where_german_has_no_message() {
    let w = paired_world().await;
    w.sim.add_user(discord_sim::UserSpec::new(GRETA, "Greta").locale("de")).unwrap();
    let refused = say(&w, GRETA, "book", &[("with", &MO.to_string()), ("when", "tue 15:00")]).await;
    assert!(refused.starts_with("You are not in this server's mentoring program yet."), "{refused}");
    let joined = say(&w, GRETA, "join", &[("role", "mentee")]).await;
    let unpaired = say(&w, GRETA, "book", &[("with", &MO.to_string()), ("when", "tue 15:00")]).await;
    let help = say(&w, GRETA, "help", &[]).await;
    for text in [&refused, &joined, &unpaired, &help] {
        assert!(!text.contains("{ $") && !text.contains("app-") && !text.contains("cmd-"), "{text}");
    }
    assert!(unpaired.starts_with("You can only book with your own mentor or mentee"), "{unpaired}");
    assert_clean(&w);
    w.stop().await;
}
