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

/// A catalogue message as German readers get it.
async fn german(id: &'static str, number: Option<&str>) -> String {
    mentor_bot::catalogue::scope(Some("de"), async move {
        match (id, number) {
            ("app-book-with-self", _) => mentor_bot::tr!("app-book-with-self"),
            ("render-session-booked-title", Some(n)) => mentor_bot::tr!("render-session-booked-title", number = n),
            ("sched-agenda-request-title", Some(n)) => mentor_bot::tr!("sched-agenda-request-title", number = n),
            ("sched-weekly-title", _) => mentor_bot::tr!("sched-weekly-title"),
            _ => unreachable!("{id}"),
        }
    })
    .await
}

/// Waits until the bot has stored `user`'s locale (it does so after answering).
async fn stored_locale(w: &World, sql: &'static str, id: u64, locale: &str) {
    for _ in 0..100 {
        let stored: Option<String> =
            sqlx::query_scalar(sql).bind(i64::try_from(id).unwrap()).fetch_one(w.store.pool()).await.unwrap();
        if stored.as_deref() == Some(locale) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!("{locale} was not stored for {id}");
}

fn embed_titles(messages: &[discord_sim::Message]) -> Vec<String> {
    messages.iter().flat_map(|m| &m.embeds).filter_map(|e| e["title"].as_str().map(str::to_owned)).collect()
}

/// The bot answers in the language of each member's Discord client and writes its DMs in the
/// recipient's language: Mia's Discord is in German, Mo's in English.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_whose_discord_is_in_german_reads_replies_and_dms_in_german_and_the_partner_in_english() {
    let mut w = paired_world().await;
    w.sim.set_user_locale(MIA, "de").unwrap();
    let refused = book(&w, MIA, MIA, "tue 15:00").await;
    assert_eq!(refused, german("app-book-with-self", None).await);
    assert!(refused.contains("`/buchen`") || refused.contains("`mit:`"), "German command names: {refused}");
    stored_locale(&w, "SELECT locale FROM members WHERE user_id = $1", MIA, "de").await;

    // Mo books in English; Mia's notice is German.
    let booked = book(&w, MO, MIA, "tue 15:00").await;
    assert!(booked.contains("Session #1 booked with"), "{booked}");
    let notice = german("render-session-booked-title", Some("1")).await;
    dm_containing(&w, MIA, &notice).await;
    // Before the session: Mia's agenda request in German, Mo's messages in English.
    w.run_until(utc(2026, 11, 24, 13, 0)).await.unwrap();
    let mia = embed_titles(&w.sim.dms(MIA));
    assert!(mia.contains(&german("sched-agenda-request-title", Some("1")).await), "{mia:?}");
    let mo = embed_titles(&w.sim.dms(MO));
    assert!(!mo.is_empty() && mo.iter().all(|t| !t.contains("Sitzung")), "{mo:?}");
    // Since her first interaction in German (the pairing notice came before), no English words.
    let text: String = w.sim.dms(MIA).iter().skip(1).map(discord_sim::Message::text).collect();
    assert!(!text.contains("Tue ") && !text.contains("session #"), "{text}");
    assert_clean(&w);
    w.stop().await;
}

/// Channel posts follow the server's preferred language.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_weekly_nudge_is_posted_in_the_servers_language() {
    let mut w = paired_world().await;
    w.sim.set_guild_locale(GUILD, "de").unwrap();
    say(&w, ADA, "program status", &[]).await;
    stored_locale(&w, "SELECT locale FROM programs WHERE guild_id = $1", GUILD, "de").await;
    w.run_until(utc(2026, 11, 23, 9, 0)).await.unwrap();
    let posts = w.sim.channel_messages(MENTORING);
    assert_eq!(embed_titles(&posts), [german("sched-weekly-title", None).await]);
    assert_clean(&w);
    w.stop().await;
}
