//! An action item's stored history (every creation, deadline move and status change, with who
//! and why), readable by the two people of its pairing only, also after the pairing ended.

use chrono::{DateTime, Utc};

use super::{App, AppResult, Caller, Choice};
use crate::domain::action::{ActionEvent, ActionItem};

/// An item and its history, oldest change first.
#[derive(Debug, Clone)]
pub struct ActionHistory {
    pub item: ActionItem,
    pub events: Vec<ActionEvent>,
    pub now: DateTime<Utc>,
}

impl App {
    /// The history of the item `typed` names (`i<id>` from autocomplete, or `A3`). Someone
    /// outside its pairing gets the answer for an unknown item.
    pub async fn action_history(&self, caller: &Caller, typed: &str) -> AppResult<ActionHistory> {
        let (item, _pairing) = self.pick_action(caller, typed).await?;
        let events = self.store.action_events(item.id).await?;
        Ok(ActionHistory { item, events, now: self.now() })
    }

    /// Autocomplete: every item of the caller's pairings (any status, ended pairings too),
    /// newest first, narrowed to what was typed.
    pub async fn any_action_choices(&self, caller: &Caller, partial: &str) -> AppResult<Vec<Choice>> {
        if self.require_member(caller).await.is_err() {
            return Ok(Vec::new());
        }
        let needle = partial.trim().to_lowercase();
        let mut items = Vec::new();
        for pairing in self.store.pairings_of(caller.guild_id, caller.user_id).await? {
            items.extend(self.store.actions_of_pairing(pairing.id).await?);
        }
        items.sort_by_key(|a| std::cmp::Reverse(a.id));
        Ok(items
            .into_iter()
            .map(|a| {
                let mut label = format!("{} · {} · {}", a.short_id(), a.title, a.status);
                super::sessions::truncate_chars(&mut label, 100);
                Choice { label, value: format!("i{}", a.id) }
            })
            .filter(|c| needle.is_empty() || c.label.to_lowercase().contains(&needle))
            .take(25)
            .collect())
    }
}
