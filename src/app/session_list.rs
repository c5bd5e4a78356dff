//! Listing a person's sessions: `/sessions` and the session pickers' autocomplete.

use std::collections::{hash_map::Entry, HashMap};

use chrono_tz::Tz;

use super::{sessions::truncate_chars, App, AppResult, Caller, Person};
use crate::{
    domain::{
        ids::UserId,
        pairing::Pairing,
        session::{Session, SessionStatus},
    },
    tr,
};

/// A session as `/sessions` lists it.
#[derive(Debug, Clone)]
pub struct SessionLine {
    pub session: Session,
    pub partner: UserId,
    pub partner_name: String,
    /// Whether the session's pairing is still active (an ended one is read-only).
    pub pairing_active: bool,
}

/// An autocomplete entry for a session option.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionChoice {
    pub label: String,
    pub value: String,
}

impl App {
    /// The caller's sessions with partner names, by start time.
    pub async fn list_sessions(&self, caller: &Caller) -> AppResult<(Tz, Vec<SessionLine>)> {
        let (program, me) = self.require_member(caller).await?;
        // A person has few pairings and many sessions: look each pairing and partner up once.
        let mut pairings: HashMap<i64, (Pairing, Person)> = HashMap::new();
        let mut lines = Vec::new();
        for session in self.store.sessions_of_user(caller.guild_id, caller.user_id).await? {
            let (pairing, partner) = match pairings.entry(session.pairing_id) {
                Entry::Occupied(known) => known.into_mut(),
                Entry::Vacant(new) => {
                    let pairing = self
                        .store
                        .pairing(session.pairing_id)
                        .await?
                        .ok_or_else(|| anyhow::anyhow!("session without pairing"))?;
                    let partner =
                        self.person(&program, pairing.partner_of(caller.user_id).unwrap_or(pairing.mentor_id)).await?;
                    new.insert((pairing, partner))
                }
            };
            lines.push(SessionLine {
                session,
                partner: partner.id,
                partner_name: partner.name.clone(),
                pairing_active: pairing.active,
            });
        }
        Ok((me.zone_or(program.zone), lines))
    }

    /// Autocomplete for session options: the caller's upcoming booked sessions matching `partial`.
    pub async fn session_choices(&self, caller: &Caller, partial: &str) -> AppResult<Vec<SessionChoice>> {
        let Ok((zone, lines)) = self.list_sessions(caller).await else {
            return Ok(Vec::new());
        };
        let now = self.now();
        let needle = partial.trim().trim_start_matches('#').to_lowercase();
        Ok(lines
            .into_iter()
            .filter(|l| l.pairing_active && l.session.status == SessionStatus::Booked && l.session.starts_at > now)
            .map(|l| {
                let local = crate::domain::dates::list_day_time(l.session.starts_at.with_timezone(&zone).naive_local());
                let topic = l.session.topic.as_deref().map(|t| format!(" · {t}")).unwrap_or_default();
                let mut label = tr!(
                    "app-session-choice",
                    number = l.session.number.to_string(),
                    partner = l.partner_name.as_str(),
                    when = local.as_str(),
                ) + &topic;
                truncate_chars(&mut label, 100);
                SessionChoice { label, value: format!("s{}", l.session.id) }
            })
            .filter(|c| needle.is_empty() || c.label.to_lowercase().contains(&needle))
            .take(25)
            .collect())
    }
}
