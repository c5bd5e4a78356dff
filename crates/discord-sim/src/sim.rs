//! The [`Sim`] handle: start, stop (checking violations), act, query and wait.

use std::{
    sync::{atomic::Ordering, Arc},
    time::Duration,
};

use anyhow::{anyhow, Context as _};
use serde_json::{json, Value};
use tokio::{net::TcpListener, sync::watch};

use crate::{
    actor::Actor,
    faults::Fault,
    model::{GatewaySession, Message, RequestRecord, Violation},
    payloads,
    spec::{SimSpec, UserSpec},
    state::{Shared, State, Target},
    transcript::Renderer,
};

/// Stops the server tasks when the last [`Sim`] handle is dropped, and panics with the
/// violations nobody took (unless the thread is already panicking).
struct StopOnDrop(Arc<Shared>);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        self.0.shutdown.send_replace(true);
        if std::thread::panicking() {
            return;
        }
        if let Err(e) = check_violations(&self.0) {
            panic!("{e:#}");
        }
    }
}

/// Marks the sim finished and fails with the untaken violations (only the first call checks).
fn check_violations(shared: &Shared) -> anyhow::Result<()> {
    if shared.finished.swap(true, Ordering::SeqCst) {
        return Ok(());
    }
    let violations = shared.lock().violations.clone();
    if violations.is_empty() {
        return Ok(());
    }
    let lines: Vec<String> = violations.iter().map(ToString::to_string).collect();
    Err(anyhow!(
        "discord-sim recorded {} violation(s) nobody took (a test provoking one on purpose takes it with \
         Sim::take_violations):\n{}",
        violations.len(),
        lines.join("\n")
    ))
}

/// Whether the environment variable `CI` asks for strictness (set, non-empty, not `false`).
fn on_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && !v.eq_ignore_ascii_case("false") && v != "0")
}

/// Loads the OpenAPI validator, or fails when one is required but cannot be had.
#[cfg(feature = "openapi")]
fn load_openapi(spec: &SimSpec) -> anyhow::Result<Option<crate::openapi::Validator>> {
    match &spec.openapi_spec {
        Some(path) if path.exists() => Ok(Some(crate::openapi::Validator::load(path)?)),
        Some(path) if spec.openapi_required || on_ci() => Err(anyhow!(
            "the OpenAPI document {} does not exist (required: {}; CI: {})",
            path.display(),
            spec.openapi_required,
            on_ci()
        )),
        None if spec.openapi_required => Err(anyhow!("SimSpec::require_openapi without SimSpec::openapi_spec")),
        _ => Ok(None),
    }
}

/// Without the `openapi` feature nothing is validated; that is an error when required.
#[cfg(not(feature = "openapi"))]
fn load_openapi(spec: &SimSpec) -> anyhow::Result<()> {
    let missing = spec.openapi_spec.as_ref().is_some_and(|p| !p.exists());
    if spec.openapi_required || (missing && on_ci()) {
        anyhow::bail!("OpenAPI validation is required but discord-sim was built without the `openapi` feature");
    }
    Ok(())
}

/// A running simulated Discord. Cheap to clone; dropping the last clone stops it and panics
/// if violations were recorded that no test took (see [`Sim::take_violations`]).
#[derive(Clone)]
pub struct Sim {
    pub(crate) shared: Arc<Shared>,
    _stop: Arc<StopOnDrop>,
}

impl Sim {
    /// Binds the REST server and the gateway on `127.0.0.1:0` and starts serving.
    pub async fn start(spec: SimSpec) -> anyhow::Result<Sim> {
        let http = TcpListener::bind("127.0.0.1:0").await.context("binding the REST listener")?;
        let gateway = TcpListener::bind("127.0.0.1:0").await.context("binding the gateway listener")?;
        let api_url = format!("http://{}", http.local_addr()?);
        let gateway_url = format!("ws://{}", gateway.local_addr()?);
        let (changed, _) = watch::channel(0);
        let (shutdown, _) = watch::channel(false);
        #[cfg(feature = "openapi")]
        let openapi = load_openapi(&spec)?;
        #[cfg(not(feature = "openapi"))]
        load_openapi(&spec)?;
        let shared = Arc::new(Shared {
            application_id: spec.application_id,
            bot_user_id: spec.bot_user_id,
            bot_name: spec.bot_name.clone(),
            owner_id: spec.owner_id,
            clock: spec.clock.clone(),
            nonce_window: chrono::Duration::from_std(spec.nonce_window).unwrap_or(chrono::Duration::MAX),
            state: std::sync::Mutex::new(State::new(&spec)),
            changed,
            api_url,
            gateway_url,
            shutdown,
            in_flight: std::sync::atomic::AtomicUsize::new(0),
            max_in_flight: std::sync::atomic::AtomicUsize::new(0),
            finished: std::sync::atomic::AtomicBool::new(false),
            #[cfg(feature = "openapi")]
            openapi,
        });
        tokio::spawn(crate::rest::serve(Arc::clone(&shared), http));
        tokio::spawn(crate::gateway::serve(Arc::clone(&shared), gateway));
        Ok(Sim { _stop: Arc::new(StopOnDrop(Arc::clone(&shared))), shared })
    }

    /// `http://127.0.0.1:PORT`, to pass to `HttpBuilder::proxy`.
    pub fn api_url(&self) -> String {
        self.shared.api_url.clone()
    }

    /// `ws://127.0.0.1:PORT`, what `GET /gateway` answers.
    pub fn gateway_url(&self) -> String {
        self.shared.gateway_url.clone()
    }

    /// Stops the servers (also happens when the last handle is dropped) and panics with the
    /// violations nobody took, like the last drop does.
    pub fn shutdown(&self) {
        self.shared.shutdown.send_replace(true);
        if !std::thread::panicking() {
            check_violations(&self.shared).unwrap_or_else(|e| panic!("{e:#}"));
        }
    }

    /// Stops the servers and fails with the violations nobody took; afterwards dropping the sim
    /// checks nothing.
    pub fn finish(&self) -> anyhow::Result<()> {
        self.shared.shutdown.send_replace(true);
        check_violations(&self.shared)
    }

    /// Takes the violations recorded so far (for tests that provoke them on purpose); taken
    /// violations no longer fail [`Sim::finish`] or the drop.
    pub fn take_violations(&self) -> Vec<Violation> {
        std::mem::take(&mut self.shared.lock().violations)
    }

    /// A user who can act; see [`Actor`].
    pub fn actor(&self, user: u64) -> Actor {
        Actor::new(self.clone(), user)
    }

    /// Adds a user after start; if the bot is connected, guilds get `GUILD_MEMBER_ADD`.
    pub fn add_user(&self, user: UserSpec) -> anyhow::Result<()> {
        let now = self.shared.now();
        let events: Vec<(u64, Value)> = {
            let mut state = self.shared.lock();
            let events = if state.gateway.guilds_sent {
                state
                    .guilds
                    .iter()
                    .filter(|g| user.membership(g).is_some())
                    .map(|g| {
                        let mut member = payloads::member(g, &user, now, true, None);
                        member["guild_id"] = json!(g.id.to_string());
                        (g.id, member)
                    })
                    .collect()
            } else {
                Vec::new()
            };
            state.users.insert(user.id, user);
            events
        };
        for (guild, event) in events {
            self.shared.dispatch(&Target::Guild(guild), "GUILD_MEMBER_ADD", event)?;
        }
        Ok(())
    }

    /// Waits until the bot identified, got its `GUILD_CREATE`s and registered commands.
    pub async fn wait_ready(&self, timeout: Duration) -> anyhow::Result<()> {
        let ready = self
            .shared
            .wait_until(timeout, |s| {
                (s.gateway.identifies > 0 && s.gateway.guilds_sent && s.command_puts > 0).then_some(())
            })
            .await;
        ready.ok_or_else(|| {
            let s = self.shared.lock();
            anyhow!(
                "bot not ready after {timeout:?}: identified={}, guilds sent={}, command registrations={}, \
                 requests={}, violations={:?}",
                s.gateway.identifies,
                s.gateway.guilds_sent,
                s.command_puts,
                s.requests.len(),
                s.violations.iter().map(ToString::to_string).collect::<Vec<_>>()
            )
        })
    }

    /// The registered command definitions (global first, then per guild), as the sim returned
    /// them (with `id`, `application_id`, `version`).
    pub fn commands(&self) -> Vec<Value> {
        let s = self.shared.lock();
        let mut all = s.global_commands.clone();
        for commands in s.guild_commands.values() {
            all.extend(commands.iter().cloned());
        }
        all
    }

    /// Non-ephemeral messages of a channel, in order.
    pub fn channel_messages(&self, channel: u64) -> Vec<Message> {
        self.shared.lock().channel_messages(channel).into_iter().filter(|m| !m.ephemeral).collect()
    }

    /// Everything the bot posted in `user`'s DM channel, in order.
    pub fn dms(&self, user: u64) -> Vec<Message> {
        let s = self.shared.lock();
        s.dm_by_user.get(&user).map(|c| s.channel_messages(*c)).unwrap_or_default()
    }

    /// The DM channel id with `user`, if one was opened.
    pub fn dm_channel(&self, user: u64) -> Option<u64> {
        self.shared.lock().dm_by_user.get(&user).copied()
    }

    /// Opens (or finds) the DM channel with `user` as `POST /users/@me/channels` would, without a
    /// request: a test's setup for people the bot sent direct messages before (their channel is in
    /// its cache).
    pub fn open_dm(&self, user: u64) -> anyhow::Result<u64> {
        if !self.shared.lock().users.contains_key(&user) {
            anyhow::bail!("test error: unknown user {user}");
        }
        Ok(crate::interactions::dm_channel(&self.shared, user))
    }

    /// The current version of a message.
    pub fn message(&self, id: u64) -> Option<Message> {
        self.shared.lock().messages.get(&id).cloned()
    }

    /// The current version of every message the bot has posted, sent or answered with
    /// (ephemeral ones too), in creation order.
    pub fn all_messages(&self) -> Vec<Message> {
        self.shared.lock().messages.values().cloned().collect()
    }

    /// Followups posted for an interaction so far.
    pub fn followups(&self, interaction: u64) -> Vec<Message> {
        let s = self.shared.lock();
        s.interactions
            .get(&interaction)
            .map(|r| r.followups.iter().filter_map(|m| s.messages.get(m)).cloned().collect())
            .unwrap_or_default()
    }

    /// Every REST request so far.
    pub fn requests(&self) -> Vec<RequestRecord> {
        self.shared.lock().requests.clone()
    }

    /// Every violation so far that was not taken.
    pub fn violations(&self) -> Vec<Violation> {
        self.shared.lock().violations.clone()
    }

    /// Fails with the list of violations, if any.
    pub fn assert_no_violations(&self) -> anyhow::Result<()> {
        let v = self.violations();
        if v.is_empty() {
            Ok(())
        } else {
            let lines: Vec<String> = v.iter().map(ToString::to_string).collect();
            Err(anyhow!("discord-sim recorded {} violation(s):\n{}", v.len(), lines.join("\n")))
        }
    }

    /// How many messages the bot created (posts, DMs, interaction responses, followups).
    pub fn sent_count(&self) -> usize {
        self.shared.lock().requests.iter().map(|r| r.created.len()).sum()
    }

    /// How many times the bot identified and resumed on the gateway.
    pub fn gateway_sessions(&self) -> (u32, u32) {
        let s = self.shared.lock();
        (s.gateway.identifies, s.gateway.resumes)
    }

    /// The gateway sessions now, one per shard `(id, total)` that identified.
    pub fn sessions(&self) -> Vec<GatewaySession> {
        let s = self.shared.lock();
        s.gateway
            .sessions
            .iter()
            .map(|session| GatewaySession {
                session_id: session.id.clone(),
                shard: session.shard,
                live: session.live.is_some(),
                guilds: session.guilds.clone(),
                dispatches: session.seq,
            })
            .collect()
    }

    /// The shards `(id, total)` whose sessions were sent interaction `id` (empty: no connected
    /// session owned it, so no bot saw it).
    pub fn interaction_shards(&self, id: u64) -> Vec<(u32, u32)> {
        self.shared.lock().interactions.get(&id).map(|r| r.shards.clone()).unwrap_or_default()
    }

    /// Waits until a live session of shard `(id, total)` got its READY and `GUILD_CREATE`s.
    pub async fn wait_shard(&self, shard: (u32, u32), timeout: Duration) -> anyhow::Result<()> {
        self.shared
            .wait_until(timeout, |s| {
                s.gateway.sessions.iter().any(|x| x.shard == shard && x.live.is_some() && x.guilds_sent).then_some(())
            })
            .await
            .ok_or_else(|| anyhow!("shard {shard:?} was not connected within {timeout:?}: {:?}", self.sessions()))
    }

    /// Makes the next matching requests fail.
    pub fn inject_fault(&self, fault: Fault) {
        self.shared.lock().faults.push(fault);
    }

    /// Sends op 7 (Reconnect) to every live session and closes its connection; serenity
    /// reconnects and resumes.
    pub fn force_reconnect(&self) -> anyhow::Result<()> {
        self.shared.send_op(&json!({"op": 7, "d": null, "s": null, "t": null}))
    }

    /// Waits until the bot resumed at least `count` times in total.
    pub async fn wait_resumed(&self, count: u32, timeout: Duration) -> anyhow::Result<()> {
        self.shared
            .wait_until(timeout, |s| {
                (s.gateway.resumes >= count && s.gateway.sessions.iter().any(|x| x.live.is_some())).then_some(())
            })
            .await
            .ok_or_else(|| anyhow!("the bot did not resume within {timeout:?}"))
    }

    /// Waits for a DM to `user` matching `predicate` (including ones already sent).
    ///
    /// `predicate` runs while the sim's state is locked: it must not call [`Sim`] methods.
    pub async fn wait_for_dm(
        &self,
        user: u64,
        predicate: impl Fn(&Message) -> bool,
        timeout: Duration,
    ) -> anyhow::Result<Message> {
        self.shared
            .wait_until(timeout, |s| {
                let channel = s.dm_by_user.get(&user)?;
                s.channel_messages(*channel).into_iter().find(|m| predicate(m))
            })
            .await
            .ok_or_else(|| anyhow!("no matching DM to user {user} within {timeout:?}; DMs: {:?}", self.dms(user)))
    }

    /// Waits for a non-ephemeral message in `channel` matching `predicate`.
    ///
    /// `predicate` runs while the sim's state is locked: it must not call [`Sim`] methods.
    pub async fn wait_for_channel_message(
        &self,
        channel: u64,
        predicate: impl Fn(&Message) -> bool,
        timeout: Duration,
    ) -> anyhow::Result<Message> {
        self.shared
            .wait_until(timeout, |s| s.channel_messages(channel).into_iter().find(|m| !m.ephemeral && predicate(m)))
            .await
            .ok_or_else(|| anyhow!("no matching message in channel {channel} within {timeout:?}"))
    }

    /// Waits for a REST request matching `predicate` (including earlier ones).
    ///
    /// `predicate` runs while the sim's state is locked: it must not call [`Sim`] methods.
    pub async fn wait_for_request(
        &self,
        predicate: impl Fn(&RequestRecord) -> bool,
        timeout: Duration,
    ) -> anyhow::Result<RequestRecord> {
        self.shared
            .wait_until(timeout, |s| s.requests.iter().find(|r| predicate(r)).cloned())
            .await
            .ok_or_else(|| anyhow!("no matching request within {timeout:?}"))
    }

    /// The transcript: user actions and bot outputs with times, names, rendered timestamps
    /// (in the viewing user's zone) and mentions.
    pub fn transcript(&self) -> String {
        let now = self.shared.now();
        let state = self.shared.lock();
        let renderer = Renderer {
            state: &state,
            bot_id: self.shared.bot_user_id,
            bot_name: &self.shared.bot_name,
            now: std::cell::Cell::new(now),
        };
        renderer.render(&state.transcript)
    }
}
