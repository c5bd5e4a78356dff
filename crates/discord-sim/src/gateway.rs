//! The gateway websocket: Hello, Identify/`READY`/`GUILD_CREATE`, heartbeats, Resume, Reconnect and
//! checked dispatches, over one session per shard `[id, total]` (several at once).

use std::sync::{
    atomic::{AtomicU64, Ordering},
    Arc,
};

use anyhow::{bail, Context as _};
use futures_util::{SinkExt as _, StreamExt as _};
use serde_json::{json, Value};
use serenity::all::{Event, GatewayEvent};
use tokio::{net::TcpListener, sync::mpsc};
use tokio_tungstenite::tungstenite::{
    protocol::{frame::coding::CloseCode, CloseFrame},
    Message as WsMessage,
};

use crate::{
    payloads,
    state::{Session, Shared, Target},
};

/// Discord's close code for an IDENTIFY with an invalid shard.
pub const INVALID_SHARD: u16 = 4010;

/// Checks that serenity can read `payload` and, for dispatches, that it is not `Event::Unknown`.
pub fn check_event(payload: &Value) -> anyhow::Result<()> {
    let event: GatewayEvent = serde_json::from_value(payload.clone())
        .with_context(|| format!("serenity cannot deserialize {}", describe(payload)))?;
    if let GatewayEvent::Dispatch(_, Event::Unknown(_)) = event {
        // serenity falls back to Unknown when the typed variant fails; find out why.
        let name = payload["t"].as_str().unwrap_or_default();
        let again = serde_json::from_value::<Event>(json!({"t": name, "d": payload["d"]}));
        bail!("serenity reads {} as Event::Unknown ({again:?})", describe(payload));
    }
    Ok(())
}

fn describe(payload: &Value) -> String {
    match payload["t"].as_str() {
        Some(t) => format!("dispatch {t}"),
        None => format!("op {}", payload["op"]),
    }
}

impl Shared {
    /// Sends a dispatch to the session(s) `target` names: checks it, numbers it per session,
    /// keeps it for resume, and delivers it to the live connection (or leaves it queued for a
    /// resume). Returns the shards `(id, total)` it went to (none: no session owns it).
    pub(crate) fn dispatch(&self, target: &Target, name: &str, data: Value) -> anyhow::Result<Vec<(u32, u32)>> {
        let mut state = self.lock();
        let mut payload = json!({"op": 0, "t": name, "s": 1});
        payload["d"] = data;
        if let Err(e) = check_event(&payload) {
            state.violation("gateway-event", format!("{e:#}"));
            drop(state);
            self.notify();
            return Err(e);
        }
        let mut reached = Vec::new();
        for session in state.gateway.targets(target) {
            session.seq += 1;
            payload["s"] = json!(session.seq);
            session.history.push((session.seq, payload.clone()));
            if let Some((_, tx)) = &session.live {
                if tx.send(payload.clone()).is_err() {
                    session.live = None;
                }
            }
            reached.push(session.shard);
        }
        Ok(reached)
    }

    /// Sends a non-dispatch frame (after checking it) to every live connection.
    pub(crate) fn send_op(&self, payload: &Value) -> anyhow::Result<()> {
        let mut state = self.lock();
        if let Err(e) = check_event(payload) {
            state.violation("gateway-event", format!("{e:#}"));
            return Err(e);
        }
        let mut sent = 0;
        for session in &state.gateway.sessions {
            if let Some((_, tx)) = &session.live {
                tx.send(payload.clone()).map_err(|_| anyhow::anyhow!("gateway connection closed"))?;
                sent += 1;
            }
        }
        if sent == 0 {
            bail!("no live gateway connection");
        }
        Ok(())
    }
}

/// What the connection does after a frame from the bot.
enum Outcome {
    /// Send these frames on this connection.
    Send(Vec<Value>),
    /// Close the connection with this code and reason, as Discord does.
    Close(u16, &'static str),
}

/// Accepts gateway connections until shutdown.
pub(crate) async fn serve(shared: Arc<Shared>, listener: TcpListener) {
    let ids = AtomicU64::new(1);
    let mut shutdown = shared.shutdown.subscribe();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    let id = ids.fetch_add(1, Ordering::Relaxed);
                    let shared = Arc::clone(&shared);
                    tokio::spawn(async move {
                        if let Err(e) = connection(&shared, stream, id).await {
                            tracing::debug!("gateway connection {id} ended: {e:#}");
                        }
                        let mut state = shared.lock();
                        for session in &mut state.gateway.sessions {
                            if session.live.as_ref().is_some_and(|(live, _)| *live == id) {
                                session.live = None;
                            }
                        }
                        drop(state);
                        shared.notify();
                    });
                },
                Err(e) => tracing::warn!("gateway accept failed: {e}"),
            },
            _ = shutdown.changed() => return,
        }
    }
}

async fn connection(shared: &Arc<Shared>, stream: tokio::net::TcpStream, id: u64) -> anyhow::Result<()> {
    let ws = tokio_tungstenite::accept_async(stream).await?;
    let (mut sink, mut source) = ws.split();
    let mut shutdown = shared.shutdown.subscribe();
    // A silent gateway sends no Hello until it answers again.
    while shared.lock().gateway.black_hole {
        tokio::select! {
            () = tokio::time::sleep(std::time::Duration::from_millis(50)) => {}
            _ = shutdown.changed() => return Ok(()),
        }
    }
    let interval = shared.lock().gateway.heartbeat_interval_ms;
    let hello = json!({"op": 10, "d": {"heartbeat_interval": interval}, "s": null, "t": null});
    check_event(&hello)?;
    sink.send(WsMessage::Text(hello.to_string())).await?;
    let (tx, mut rx) = mpsc::unbounded_channel::<Value>();
    loop {
        tokio::select! {
            frame = source.next() => {
                let Some(frame) = frame else { return Ok(()) };
                match frame? {
                    WsMessage::Text(_) if shared.lock().gateway.black_hole => {},
                    WsMessage::Text(text) => {
                        let payload: Value = serde_json::from_str(&text)?;
                        match handle_op(shared, &payload, id, &tx)? {
                            Outcome::Send(replies) => {
                                for reply in replies {
                                    sink.send(WsMessage::Text(reply.to_string())).await?;
                                }
                            },
                            Outcome::Close(code, reason) => {
                                let frame = CloseFrame { code: CloseCode::from(code), reason: reason.into() };
                                sink.send(WsMessage::Close(Some(frame))).await?;
                                return Ok(());
                            },
                        }
                    },
                    WsMessage::Close(_) => {
                        // Discord answers a client's Close frame with its own before the
                        // connection ends (tungstenite queued the reply; send it).
                        let _ = sink.close().await;
                        return Ok(());
                    },
                    _ => {},
                }
            },
            out = rx.recv() => {
                let Some(out) = out else { return Ok(()) };
                if shared.lock().gateway.black_hole {
                    continue;
                }
                let reconnect = out["op"] == 7;
                sink.send(WsMessage::Text(out.to_string())).await?;
                if reconnect {
                    // Discord closes the connection after asking for a reconnect.
                    sink.close().await?;
                    return Ok(());
                }
            },
            _ = shutdown.changed() => {
                sink.close().await?;
                return Ok(());
            },
        }
    }
}

/// Handles one frame from the bot.
fn handle_op(
    shared: &Arc<Shared>,
    payload: &Value,
    conn: u64,
    tx: &mpsc::UnboundedSender<Value>,
) -> anyhow::Result<Outcome> {
    match payload["op"].as_u64() {
        Some(1) => {
            let ack = json!({"op": 11, "d": null, "s": null, "t": null});
            check_event(&ack)?;
            Ok(Outcome::Send(vec![ack]))
        }
        Some(2) => match requested_shard(&payload["d"]["shard"]) {
            Some(asked) => {
                identify(shared, asked, conn, tx)?;
                Ok(Outcome::Send(Vec::new()))
            }
            None => Ok(Outcome::Close(INVALID_SHARD, "Invalid shard.")),
        },
        Some(6) => {
            resume(shared, payload, conn, tx)?;
            Ok(Outcome::Send(Vec::new()))
        }
        _ => Ok(Outcome::Send(Vec::new())),
    }
}

/// The shard an IDENTIFY asks for: `[id, total]`, `[0, 1]` when absent; `None` when invalid
/// (not two numbers, `total < 1`, `id >= total`).
fn requested_shard(shard: &Value) -> Option<(u32, u32)> {
    if shard.is_null() {
        return Some((0, 1));
    }
    let pair = shard.as_array().filter(|a| a.len() == 2)?;
    let number = |v: &Value| v.as_u64().and_then(|n| u32::try_from(n).ok());
    let (id, total) = (number(&pair[0])?, number(&pair[1])?);
    (total >= 1 && id < total).then_some((id, total))
}

fn identify(
    shared: &Arc<Shared>,
    which: (u32, u32),
    conn: u64,
    tx: &mpsc::UnboundedSender<Value>,
) -> anyhow::Result<()> {
    let now = shared.now();
    let bot = payloads::user(shared.bot_user_id, &shared.bot_name, true);
    let (session_id, ready, guilds) = {
        let mut state = shared.lock();
        state.gateway.identifies += 1;
        let session_id = format!("sim-session-{}", state.gateway.identifies);
        let member: Vec<&crate::spec::GuildSpec> = state
            .guilds
            .iter()
            .filter(|g| !state.controls.removed_guilds.contains(&g.id) && crate::shard_of(g.id, which.1) == which.0)
            .collect();
        let ids: Vec<u64> = member.iter().map(|g| g.id).collect();
        let ready = payloads::ready(&bot, &ids, &session_id, &shared.gateway_url, shared.application_id, which);
        let guilds: Vec<Value> = member.iter().map(|g| payloads::guild_create(&state, g, &bot, now)).collect();
        // A new IDENTIFY of a shard takes its events over from an older session of it.
        state.gateway.sessions.retain(|s| s.shard != which);
        state.gateway.sessions.push(Session {
            id: session_id.clone(),
            shard: which,
            seq: 0,
            history: Vec::new(),
            live: Some((conn, tx.clone())),
            guilds: ids,
            guilds_sent: false,
        });
        (session_id, ready, guilds)
    };
    let target = Target::Session(session_id.clone());
    shared.dispatch(&target, "READY", ready)?;
    for guild in guilds {
        shared.dispatch(&target, "GUILD_CREATE", guild)?;
    }
    {
        let mut state = shared.lock();
        state.gateway.guilds_sent = true;
        for session in state.gateway.targets(&target) {
            session.guilds_sent = true;
        }
    }
    shared.notify();
    Ok(())
}

fn resume(shared: &Arc<Shared>, payload: &Value, conn: u64, tx: &mpsc::UnboundedSender<Value>) -> anyhow::Result<()> {
    let session_id = payload["d"]["session_id"].as_str().unwrap_or_default().to_owned();
    let seq = payload["d"]["seq"].as_u64().unwrap_or(0);
    let mut state = shared.lock();
    let Some(session) = state.gateway.sessions.iter_mut().find(|s| s.id == session_id) else {
        drop(state);
        // Not resumable: op 9 with d=false makes serenity identify again.
        let invalid = json!({"op": 9, "d": false, "s": null, "t": null});
        check_event(&invalid)?;
        tx.send(invalid)?;
        return Ok(());
    };
    for (_, missed) in session.history.iter().filter(|(s, _)| *s > seq) {
        tx.send(missed.clone())?;
    }
    session.live = Some((conn, tx.clone()));
    state.gateway.resumes += 1;
    drop(state);
    shared.dispatch(&Target::Session(session_id), "RESUMED", json!({"_trace": ["discord-sim"]}))?;
    shared.notify();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_interaction_without_attachment_size_limit_is_rejected() {
        let bad = json!({"op": 0, "s": 1, "t": "INTERACTION_CREATE", "d": {"id": "1", "type": 2}});
        assert!(check_event(&bad).is_err());
        let hello = json!({"op": 10, "d": {"heartbeat_interval": 1000}});
        assert!(check_event(&hello).is_ok());
    }

    #[test]
    fn an_identify_asks_for_a_valid_shard_or_none_at_all() {
        assert_eq!(requested_shard(&Value::Null), Some((0, 1)));
        assert_eq!(requested_shard(&json!([1, 2])), Some((1, 2)));
        assert_eq!(requested_shard(&json!([2, 2])), None, "id >= total");
        assert_eq!(requested_shard(&json!([0, 0])), None, "total < 1");
        assert_eq!(requested_shard(&json!([0])), None);
        assert_eq!(requested_shard(&json!(["0", "1"])), None);
    }
}
