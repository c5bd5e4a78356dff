//! Gateway sharding: several sessions of one token, each getting only its shard's guilds,
//! guild events and interactions (DMs on shard 0); an invalid shard is refused with 4010.

mod support;

use discord_sim::{shard_of, ChannelSpec, GuildSpec, Sim, SimSpec, UserSpec, INVALID_SHARD};
use futures_util::{SinkExt as _, StreamExt as _};
use serde_json::{json, Value};
use support::{connect, raw, spec, GENERAL, GUILD, LEO, MIA, WAIT};
use tokio_tungstenite::tungstenite::Message as WsMessage;

/// A second guild, on the other shard of two.
const SECOND: u64 = GUILD + (1 << 22);
const LOBBY: u64 = SECOND + 100;

fn two_guilds() -> SimSpec {
    spec()
        .guild(GuildSpec::new(SECOND, "Second").channel(ChannelSpec::new(LOBBY, "lobby")))
        .user(UserSpec::new(MIA + 10, "Max").member_of(GUILD).member_of(SECOND))
}

#[tokio::test]
async fn each_shard_gets_only_its_guilds_and_their_interactions_and_dms_go_to_shard_zero() -> anyhow::Result<()> {
    assert_eq!((shard_of(GUILD, 2), shard_of(SECOND, 2)), (0, 1), "the test's guilds sit on different shards");
    let sim = Sim::start(two_guilds()).await?;
    connect(&sim, Some((0, 2))).await?;
    sim.wait_shard((0, 2), WAIT).await?;
    connect(&sim, Some((1, 2))).await?;
    sim.wait_shard((1, 2), WAIT).await?;
    sim.wait_ready(WAIT).await?;
    let mut sessions = sim.sessions();
    sessions.sort_by_key(|s| s.shard);
    let layout: Vec<((u32, u32), Vec<u64>, bool)> =
        sessions.iter().map(|s| (s.shard, s.guilds.clone(), s.live)).collect();
    assert_eq!(layout, [((0, 2), vec![GUILD], true), ((1, 2), vec![SECOND], true)]);

    let max = sim.actor(MIA + 10);
    let first = max.clone().in_guild(GUILD).in_channel(GENERAL).slash("shard", &[]).await?;
    assert_eq!(first.text(), "shard 0");
    assert_eq!(sim.interaction_shards(first.interaction_id), [(0, 2)]);
    let second = max.clone().in_guild(SECOND).in_channel(LOBBY).slash("shard", &[]).await?;
    assert_eq!(second.text(), "shard 1");
    assert_eq!(sim.interaction_shards(second.interaction_id), [(1, 2)]);
    let dm = max.in_dm().slash("shard", &[]).await?;
    assert_eq!(dm.text(), "shard 0", "DM interactions go to shard 0");
    assert_eq!(sim.interaction_shards(dm.interaction_id), [(0, 2)]);

    // A guild event goes to the owning session only: READY, GUILD_CREATE, two interactions on
    // shard 0; READY, GUILD_CREATE, one interaction and the member on shard 1.
    sim.add_user(UserSpec::new(LEO + 10, "Lou").member_of(SECOND))?;
    let counts: Vec<((u32, u32), u64)> = {
        let mut s = sim.sessions();
        s.sort_by_key(|s| s.shard);
        s.iter().map(|s| (s.shard, s.dispatches)).collect()
    };
    assert_eq!(counts, [((0, 2), 4), ((1, 2), 4)]);
    sim.finish()
}

/// A raw gateway client: connects, reads Hello, sends IDENTIFY with `shard`.
async fn identify(
    sim: &Sim,
    shard: Value,
) -> anyhow::Result<tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>> {
    let (mut ws, _) = tokio_tungstenite::connect_async(sim.gateway_url()).await?;
    let hello = ws.next().await.ok_or_else(|| anyhow::anyhow!("no hello"))??;
    assert!(hello.to_text()?.contains("\"op\":10"), "{hello:?}");
    let identify = json!({"op": 2, "d": {"token": "sim-token", "intents": 1, "properties": {}, "shard": shard}});
    ws.send(WsMessage::Text(identify.to_string())).await?;
    Ok(ws)
}

#[tokio::test]
async fn an_identify_with_an_invalid_shard_is_closed_with_4010_and_gets_no_session() -> anyhow::Result<()> {
    let sim = Sim::start(spec()).await?;
    for shard in [json!([2, 2]), json!([0, 0]), json!([5, 3])] {
        let mut ws = identify(&sim, shard.clone()).await?;
        let frame = tokio::time::timeout(WAIT, ws.next()).await?.ok_or_else(|| anyhow::anyhow!("no answer"))??;
        let WsMessage::Close(Some(close)) = frame else { panic!("{shard}: expected a close frame, got {frame:?}") };
        assert_eq!(u16::from(close.code), INVALID_SHARD, "{shard}");
    }
    assert!(sim.sessions().is_empty());
    // A valid one gets READY with its shard.
    let mut ws = identify(&sim, json!([0, 1])).await?;
    let ready = tokio::time::timeout(WAIT, ws.next()).await?.ok_or_else(|| anyhow::anyhow!("no READY"))??;
    let ready: Value = serde_json::from_str(ready.to_text()?)?;
    assert_eq!((ready["t"].as_str(), &ready["d"]["shard"]), (Some("READY"), &json!([0, 1])));
    sim.finish()
}

#[tokio::test]
async fn gateway_bot_recommends_one_shard_for_a_small_world_with_max_concurrency() -> anyhow::Result<()> {
    let sim = Sim::start(spec()).await?;
    let answer = raw(&sim, "GET", "/gateway/bot", None).await?;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.body["shards"], 1);
    assert_eq!(answer.body["session_start_limit"]["max_concurrency"], 1);
    assert_eq!(answer.body["url"], sim.gateway_url());
    sim.finish()
}

/// A client that closes the connection gets Discord's Close frame back before the connection
/// ends (serenity waits for it when a shard shuts down, and spins if the stream just ends).
#[tokio::test]
async fn a_close_from_the_client_is_answered_with_a_close_frame() -> anyhow::Result<()> {
    let sim = Sim::start(spec()).await?;
    let mut ws = identify(&sim, json!([0, 1])).await?;
    let ready = tokio::time::timeout(WAIT, ws.next()).await?.ok_or_else(|| anyhow::anyhow!("no READY"))??;
    assert!(ready.to_text()?.contains("READY"), "{ready:?}");
    ws.send(WsMessage::Close(None)).await?;
    let mut answer = None;
    while let Some(frame) = tokio::time::timeout(WAIT, ws.next()).await? {
        if let WsMessage::Close(close) = frame? {
            answer = Some(close);
            break;
        }
    }
    assert!(answer.is_some(), "the stream ended without a Close frame");
    sim.finish()
}
