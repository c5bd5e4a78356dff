//! The gateway websocket: Hello, Identify/`READY`/`GUILD_CREATE`, heartbeats, Resume, Reconnect and
//! checked dispatches.

use std::sync::{
    atomic::{AtomicU64, Ordering},
    Arc,
};

use anyhow::{bail, Context as _};
use futures_util::{SinkExt as _, StreamExt as _};
use serde_json::{json, Value};
use serenity::all::{Event, GatewayEvent};
use tokio::{net::TcpListener, sync::mpsc};
use tokio_tungstenite::tungstenite::Message as WsMessage;

use crate::{payloads, state::Shared};

/// Heartbeat interval announced in Hello (ms).
const HEARTBEAT_INTERVAL_MS: u64 = 41_250;

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
    /// Sends a dispatch to the bot: checks it, numbers it, keeps it for resume, and delivers it
    /// to the live connection (or leaves it queued for a resume).
    pub(crate) fn dispatch(&self, name: &str, data: Value) -> anyhow::Result<()> {
        let mut state = self.lock();
        let seq = state.gateway.seq + 1;
        let mut payload = json!({"op": 0, "t": name, "s": seq});
        payload["d"] = data;
        if let Err(e) = check_event(&payload) {
            state.violation("gateway-event", format!("{e:#}"));
            drop(state);
            self.notify();
            return Err(e);
        }
        state.gateway.seq = seq;
        state.gateway.history.push((seq, payload.clone()));
        if let Some((_, tx)) = &state.gateway.live {
            if tx.send(payload).is_err() {
                state.gateway.live = None;
            }
        }
        Ok(())
    }

    /// Sends a non-dispatch frame (after checking it) to the live connection.
    pub(crate) fn send_op(&self, payload: Value) -> anyhow::Result<()> {
        let mut state = self.lock();
        if let Err(e) = check_event(&payload) {
            state.violation("gateway-event", format!("{e:#}"));
            return Err(e);
        }
        match &state.gateway.live {
            Some((_, tx)) => tx.send(payload).map_err(|_| anyhow::anyhow!("gateway connection closed")),
            None => bail!("no live gateway connection"),
        }
    }
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
                        if state.gateway.live.as_ref().is_some_and(|(live, _)| *live == id) {
                            state.gateway.live = None;
                        }
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
    let hello = json!({"op": 10, "d": {"heartbeat_interval": HEARTBEAT_INTERVAL_MS}, "s": null, "t": null});
    check_event(&hello)?;
    sink.send(WsMessage::Text(hello.to_string())).await?;
    let (tx, mut rx) = mpsc::unbounded_channel::<Value>();
    let mut shutdown = shared.shutdown.subscribe();
    loop {
        tokio::select! {
            frame = source.next() => {
                let Some(frame) = frame else { return Ok(()) };
                match frame? {
                    WsMessage::Text(text) => {
                        let payload: Value = serde_json::from_str(&text)?;
                        for reply in handle_op(shared, &payload, id, &tx)? {
                            sink.send(WsMessage::Text(reply.to_string())).await?;
                        }
                    },
                    WsMessage::Close(_) => return Ok(()),
                    _ => {},
                }
            },
            out = rx.recv() => {
                let Some(out) = out else { return Ok(()) };
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

/// Handles one frame from the bot; returns frames to send on this connection right away.
fn handle_op(
    shared: &Arc<Shared>,
    payload: &Value,
    conn: u64,
    tx: &mpsc::UnboundedSender<Value>,
) -> anyhow::Result<Vec<Value>> {
    match payload["op"].as_u64() {
        Some(1) => {
            let ack = json!({"op": 11, "d": null, "s": null, "t": null});
            check_event(&ack)?;
            Ok(vec![ack])
        }
        Some(2) => {
            identify(shared, conn, tx)?;
            Ok(Vec::new())
        }
        Some(6) => {
            resume(shared, payload, conn, tx)?;
            Ok(Vec::new())
        }
        _ => Ok(Vec::new()),
    }
}

fn identify(shared: &Arc<Shared>, conn: u64, tx: &mpsc::UnboundedSender<Value>) -> anyhow::Result<()> {
    let now = shared.now();
    let bot = payloads::user(shared.bot_user_id, &shared.bot_name, true);
    let (ready, guilds) = {
        let mut state = shared.lock();
        state.gateway.identifies += 1;
        let session_id = format!("sim-session-{}", state.gateway.identifies);
        state.gateway.session_id = Some(session_id.clone());
        state.gateway.seq = 0;
        state.gateway.history.clear();
        state.gateway.live = Some((conn, tx.clone()));
        let member: Vec<&crate::spec::GuildSpec> =
            state.guilds.iter().filter(|g| !state.controls.removed_guilds.contains(&g.id)).collect();
        let ids: Vec<u64> = member.iter().map(|g| g.id).collect();
        let ready = payloads::ready(&bot, &ids, &session_id, &shared.gateway_url, shared.application_id);
        let guilds: Vec<Value> = member.iter().map(|g| payloads::guild_create(&state, g, &bot, now)).collect();
        (ready, guilds)
    };
    shared.dispatch("READY", ready)?;
    for guild in guilds {
        shared.dispatch("GUILD_CREATE", guild)?;
    }
    shared.lock().gateway.guilds_sent = true;
    shared.notify();
    Ok(())
}

fn resume(shared: &Arc<Shared>, payload: &Value, conn: u64, tx: &mpsc::UnboundedSender<Value>) -> anyhow::Result<()> {
    let session = payload["d"]["session_id"].as_str().unwrap_or_default();
    let seq = payload["d"]["seq"].as_u64().unwrap_or(0);
    let mut state = shared.lock();
    if state.gateway.session_id.as_deref() != Some(session) {
        drop(state);
        // Not resumable: op 9 with d=false makes serenity identify again.
        let invalid = json!({"op": 9, "d": false, "s": null, "t": null});
        check_event(&invalid)?;
        tx.send(invalid)?;
        return Ok(());
    }
    state.gateway.resumes += 1;
    for (_, missed) in state.gateway.history.iter().filter(|(s, _)| *s > seq) {
        tx.send(missed.clone())?;
    }
    state.gateway.live = Some((conn, tx.clone()));
    drop(state);
    shared.dispatch("RESUMED", json!({"_trace": ["discord-sim"]}))?;
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
}
