//! The languages people and servers read the bot in. An interaction shows the person's client
//! language (and the server's preferred one); it is stored when it differs from what this
//! process last stored, after the interaction was answered, so the scheduler's DMs and channel
//! posts (`Store::reader_locale`) are in the language replies are in.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use super::App;
use crate::domain::ids::{GuildId, UserId};

/// The locales this process stored last, by user and by guild.
#[derive(Debug, Default)]
pub struct StoredLocales {
    users: Mutex<HashMap<UserId, String>>,
    guilds: Mutex<HashMap<GuildId, String>>,
}

/// Whether `map` already holds `value` for `key`.
fn known<K: std::hash::Hash + Eq>(map: &Mutex<HashMap<K, String>>, key: &K, value: &str) -> bool {
    map.lock().is_ok_and(|m| m.get(key).is_some_and(|v| v == value))
}

fn remember<K: std::hash::Hash + Eq>(map: &Mutex<HashMap<K, String>>, key: K, value: &str) {
    if let Ok(mut m) = map.lock() {
        m.insert(key, value.to_owned());
    }
}

impl App {
    /// Notes the locales an interaction showed: `locale`, the language of `user`'s client, and
    /// the preferred language of the server it came from. Returns at once; what changed is stored
    /// in the background (a person or server without a program row yet is tried again next time).
    pub fn note_locales(&self, user: UserId, locale: &str, guild: Option<(GuildId, &str)>) {
        let users = &self.stored_locales.users;
        let user_locale = (!known(users, &user, locale)).then(|| locale.to_owned());
        let guild = guild.filter(|(g, l)| !known(&self.stored_locales.guilds, g, l)).map(|(g, l)| (g, l.to_owned()));
        if user_locale.is_none() && guild.is_none() {
            return;
        }
        let (store, stored) = (self.store.clone(), Arc::clone(&self.stored_locales));
        tokio::spawn(async move {
            if let Some(locale) = user_locale {
                match store.note_member_locale(user, &locale).await {
                    Ok(true) => remember(&stored.users, user, &locale),
                    Ok(false) => {}
                    Err(e) => tracing::warn!(error = ?e, "could not store a member's locale"),
                }
            }
            if let Some((guild, locale)) = guild {
                match store.note_program_locale(guild, &locale).await {
                    Ok(true) => remember(&stored.guilds, guild, &locale),
                    Ok(false) => {}
                    Err(e) => tracing::warn!(error = ?e, "could not store a server's locale"),
                }
            }
        });
    }
}
