//! Shared setup of the integration tests: a world (simulated Discord + real bot + fresh
//! database + manual clock) with Discord's OpenAPI document for request validation.

#![allow(dead_code, unused_imports)] // each feature module uses a different part

use chrono::{DateTime, TimeZone, Utc};
use discord_sim::Reply;
pub use mentor_bot::testkit::{cast::*, Downtime, World, WorldOptions};

/// Saturday 21 Nov 2026, 09:00 UTC (10:00 in Berlin, 04:00 in New York).
pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap()
}

/// An instant given in UTC.
pub fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

/// Discord's OpenAPI document in `shared/` beside the checkout. Every request body is validated
/// against it; under CI a missing document fails the world's start instead of being skipped.
fn openapi() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/discord-api-spec/openapi.json")
}

/// A fresh world at `t0()`.
pub async fn world() -> World {
    world_at(t0()).await
}

/// A fresh world starting at `start`.
pub async fn world_at(start: DateTime<Utc>) -> World {
    world_with(start, |_| {}).await
}

/// A fresh world starting at `start`, with options adjusted (latency, configuration).
pub async fn world_with(start: DateTime<Utc>, adjust: impl FnOnce(&mut WorldOptions)) -> World {
    let mut options = WorldOptions::at(start);
    options.openapi = Some(openapi());
    adjust(&mut options);
    World::start(options).await.expect("the world starts")
}

/// A world with a program (Berlin), Mo as mentor (New York), Mia as mentee, paired.
pub async fn paired_world() -> World {
    pair(world().await).await
}

/// Like [`paired_world`], on a SQLite file whichever backend the tests run on (tests of the
/// file itself).
pub async fn paired_sqlite_world() -> World {
    pair(world_with(t0(), |o| o.sqlite_file = true).await).await
}

async fn pair(w: World) -> World {
    setup_program(&w).await;
    join(&w, MO, "mentor", Some("America/New_York")).await;
    join(&w, MIA, "mentee", None).await;
    let r = w.actor(ADA).slash("pair", &[("mentor", &MO.to_string()), ("mentee", &MIA.to_string())]).await.unwrap();
    assert!(r.text().contains("Paired"), "{}", r.text());
    w
}

/// Ada sets up the program in #mentoring, Europe/Berlin.
pub async fn setup_program(w: &World) {
    let r = w
        .actor(ADA)
        .slash("program setup", &[("channel", &MENTORING.to_string()), ("timezone", "Europe/Berlin")])
        .await
        .unwrap();
    assert!(r.text().contains("Started"), "{}", r.text());
}

/// `user` joins with `role` (and a zone).
pub async fn join(w: &World, user: u64, role: &str, zone: Option<&str>) -> Reply {
    let mut options = vec![("role", role)];
    if let Some(z) = zone {
        options.push(("timezone", z));
    }
    let r = w.actor(user).slash("join", &options).await.unwrap();
    assert!(r.is_ephemeral());
    r
}

/// Asserts the simulated Discord saw nothing wrong (bad payloads, late answers, spec violations).
pub fn assert_clean(w: &World) {
    w.sim.assert_no_violations().unwrap();
}

/// Runs a slash command as `user` and returns the reply text (asserting it is ephemeral).
pub async fn say(w: &World, user: u64, command: &str, options: &[(&str, &str)]) -> String {
    let reply = w.actor(user).slash(command, options).await.unwrap();
    assert!(reply.is_ephemeral(), "replies are private: {command} -> {}", reply.text());
    reply.text()
}

/// Runs a destructive command (`leave`, `unpair`) as `user` and answers its question with the
/// red button; returns the text the question was replaced with (or the refusal, when it did
/// not ask).
pub async fn confirmed(w: &World, user: u64, command: &str, options: &[(&str, &str)]) -> String {
    let reply = w.actor(user).slash(command, options).await.unwrap();
    assert!(reply.is_ephemeral(), "replies are private: {command} -> {}", reply.text());
    let Ok(question) = reply.message() else { return reply.text() };
    let Some((go, _)) = question.buttons().into_iter().find(|(_, l)| l == "Leave" || l == "Unpair") else {
        return reply.text();
    };
    let pressed = w.actor(user).press(question, &go).await.unwrap();
    pressed.text()
}

/// Mia books with Mo; returns the reply text.
pub async fn book(w: &World, user: u64, with: u64, when: &str) -> String {
    say(w, user, "book", &[("with", &with.to_string()), ("when", when)]).await
}

/// The autocomplete value of `user`'s first session choice.
pub async fn first_session(w: &World, user: u64, command: &str) -> String {
    let choices = w.actor(user).autocomplete(command, &[("session", "")], "session").await.unwrap();
    choices.first().expect("a session to pick").1.clone()
}

/// How many DMs `user` has received.
pub fn dm_count(w: &World, user: u64) -> usize {
    w.sim.dms(user).len()
}

/// Mia books a session with Mo at `when` (her zone); returns its option value `s<id>`.
pub async fn book_mia(w: &World, when: &str) -> String {
    let r = w.actor(MIA).slash("book", &[("with", &MO.to_string()), ("when", when)]).await.unwrap();
    assert!(r.text().contains("booked"), "{}", r.text());
    format!("s{}", last_session_id(w).await)
}

/// The id of the most recently created session.
pub async fn last_session_id(w: &World) -> i64 {
    sqlx::query_scalar::<_, i64>("SELECT MAX(id) FROM sessions").fetch_one(w.store.pool()).await.unwrap()
}

/// Counts rows of a table (to assert that a refusal changed nothing).
pub async fn count(w: &World, table: &str) -> i64 {
    sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
        .fetch_one(w.store.pool())
        .await
        .unwrap()
}

/// The reply's text plus the text of its followups, waiting (up to 5 s) until `done` holds.
pub async fn full_text(w: &World, reply: &Reply, done: impl Fn(&str) -> bool) -> String {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        let mut text = reply.text();
        for f in w.sim.followups(reply.interaction_id) {
            text.push('\n');
            text.push_str(&f.text());
        }
        if done(&text) || std::time::Instant::now() > deadline {
            return text;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// Waits for a DM to `user` whose text contains `needle`.
pub async fn dm_containing(w: &World, user: u64, needle: &str) -> discord_sim::Message {
    w.sim
        .wait_for_dm(user, |m| m.text().contains(needle), std::time::Duration::from_secs(5))
        .await
        .unwrap_or_else(|e| panic!("no DM to {user} containing {needle:?}: {e}"))
}

/// Mia writes the agenda of `session` with the given goal and topics.
pub async fn write_agenda(w: &World, session: &str, goal: &str, topics: &str) -> Reply {
    let r = w.actor(MIA).slash("agenda edit", &[("session", session)]).await.unwrap();
    let modal = r.modal().unwrap().clone();
    w.actor(MIA).submit(&modal, &[("goal", goal), ("topics", topics)]).await.unwrap()
}

/// `len` characters of hostile input: mentions of everyone and of a role, backticks, newlines.
pub fn hostile(len: usize) -> String {
    "@everyone <@&900000000000000201> `x`\n@here ".repeat(len).chars().take(len).collect()
}

/// Asserts an error reply quotes typed input only as a short, defused excerpt.
pub fn assert_quoted_safely(text: &str) {
    assert!(text.chars().count() <= 600, "{} characters: {text}", text.chars().count());
    for raw in ["@everyone", "@here", "<@&"] {
        assert!(!text.contains(raw), "{raw} quoted as typed: {text}");
    }
    assert!(!text.contains("something went wrong"), "{text}");
}

/// The PostgreSQL server the tests may use (`MENTOR_BOT_TEST_POSTGRES`), or `None` after saying
/// that the calling test is skipped (`scripts/test.sh` and CI always set it).
pub fn postgres_server() -> Option<String> {
    match std::env::var(mentor_bot::testkit::TEST_POSTGRES) {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            println!("skipped: needs {}", mentor_bot::testkit::TEST_POSTGRES);
            None
        }
    }
}

/// Whether the tests run on PostgreSQL; when not, says that the calling test is skipped.
pub fn postgres_only() -> bool {
    postgres_server().is_some()
}
