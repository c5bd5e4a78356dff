//! Runtime knobs of a running [`Sim`]: latency, rate limits and their records, outages, random
//! faults, nonces, the bot's guild membership, and the languages of users and servers.

use std::{
    sync::atomic::Ordering,
    time::{Duration, Instant},
};

use anyhow::{anyhow, bail};
use chrono::{DateTime, Utc};
use serde_json::json;

use crate::{
    faults::{RandomFaults, Rng},
    payloads,
    ratelimit::RateLimitHit,
    state::{Outage, Target},
    Sim,
};

impl Sim {
    /// Sets (or removes) the REST round trip: each request waits a uniform random time in
    /// `[min, max]`, half before it is handled and half after.
    pub fn set_latency(&self, latency: Option<(Duration, Duration)>) {
        self.shared.lock().controls.latency = latency;
    }

    /// Makes the gateway go silent (`true`) as a network black hole would: open connections get
    /// no heartbeat ACKs and no events, new ones no Hello, until it is switched off again.
    pub fn set_gateway_black_hole(&self, on: bool) {
        self.shared.lock().gateway.black_hole = on;
    }

    /// Switches Discord's rate limits on or off.
    pub fn set_rate_limits(&self, on: bool) {
        self.shared.lock().limits.enabled = on;
    }

    /// Every 429 answered so far (real and injected).
    pub fn rate_limit_hits(&self) -> Vec<RateLimitHit> {
        self.shared.lock().limits.hits.clone()
    }

    /// Answers 401, 403 and 429 within the last ten minutes (real time); Discord bans a bot's IP
    /// for a while at 10 000.
    pub fn invalid_request_count(&self) -> usize {
        self.shared.lock().limits.invalid_count(Instant::now())
    }

    /// The most non-exempt requests (not interaction callbacks or webhooks) within any one
    /// second so far.
    pub fn peak_requests_per_second(&self) -> usize {
        self.shared.lock().limits.peak
    }

    /// The most REST requests being handled at the same time so far.
    pub fn max_in_flight(&self) -> usize {
        self.shared.max_in_flight.load(Ordering::SeqCst)
    }

    /// Starts an outage: every REST request but `GET /gateway` and `GET /gateway/bot` answers
    /// `status` (e.g. 502, 503) with a Discord-style error body and changes nothing.
    pub fn begin_outage(&self, status: u16) {
        self.shared.lock().controls.outage = Some(Outage { status, until: None });
    }

    /// Ends the outage.
    pub fn end_outage(&self) {
        self.shared.lock().controls.outage = None;
    }

    /// An outage while the sim clock is before `until`.
    pub fn outage_until(&self, until: DateTime<Utc>, status: u16) {
        self.shared.lock().controls.outage = Some(Outage { status, until: Some(until) });
    }

    /// How many requests were answered by an outage.
    pub fn outage_requests(&self) -> usize {
        self.shared.lock().controls.outage_requests
    }

    /// Fails each eligible request (not interaction callbacks or webhooks, not gateway
    /// discovery) with `probability`: a 500, 502 or 503, or an injected 429 with `retry_after`
    /// between 0.5 and 2 s. Seeded, so runs repeat. `probability` 0 turns it off.
    pub fn random_faults(&self, probability: f64, seed: u64) {
        self.shared.lock().controls.random =
            (probability > 0.0).then(|| RandomFaults { probability, rng: Rng::new(seed) });
    }

    /// Forgets every enforced nonce, like a restart that outlasted the nonce window.
    pub fn forget_nonces(&self) {
        self.shared.lock().nonces.clear();
    }

    /// Removes the bot from a guild: sends `GUILD_DELETE` without `unavailable` (removed, not an
    /// outage); afterwards the guild's channels answer 403 `50001 Missing Access`.
    pub fn remove_bot_from_guild(&self, guild: u64) -> anyhow::Result<()> {
        {
            let mut state = self.shared.lock();
            if state.guild(guild).is_none() {
                bail!("test error: unknown guild {guild}");
            }
            if !state.controls.removed_guilds.insert(guild) {
                bail!("test error: the bot is not in guild {guild}");
            }
        }
        self.shared.dispatch(&Target::Guild(guild), "GUILD_DELETE", json!({"id": guild.to_string()}))?;
        self.shared.notify();
        Ok(())
    }

    /// Adds the bot back to a guild it was removed from: sends the full `GUILD_CREATE` again
    /// and restores access.
    pub fn add_bot_to_guild(&self, guild: u64) -> anyhow::Result<()> {
        let now = self.shared.now();
        let bot = payloads::user(self.shared.bot_user_id, &self.shared.bot_name, true);
        let payload = {
            let mut state = self.shared.lock();
            if !state.controls.removed_guilds.remove(&guild) {
                bail!("test error: the bot was not removed from guild {guild}");
            }
            let spec = state.guild(guild).cloned().ok_or_else(|| anyhow!("test error: unknown guild {guild}"))?;
            payloads::guild_create(&state, &spec, &bot, now)
        };
        self.shared.dispatch(&Target::Guild(guild), "GUILD_CREATE", payload)?;
        self.shared.notify();
        Ok(())
    }

    /// Switches a user's Discord client to another language (a Discord locale such as `de`):
    /// their next interactions carry it.
    pub fn set_user_locale(&self, user: u64, locale: &str) -> anyhow::Result<()> {
        let mut state = self.shared.lock();
        let spec = state.users.get_mut(&user).ok_or_else(|| anyhow!("test error: unknown user {user}"))?;
        locale.clone_into(&mut spec.locale);
        Ok(())
    }

    /// Sets a server's preferred language: its next interactions carry it.
    pub fn set_guild_locale(&self, guild: u64, locale: &str) -> anyhow::Result<()> {
        let mut state = self.shared.lock();
        let spec = state
            .guilds
            .iter_mut()
            .find(|g| g.id == guild)
            .ok_or_else(|| anyhow!("test error: unknown guild {guild}"))?;
        locale.clone_into(&mut spec.locale);
        Ok(())
    }
}
