//! A property test over every registered command and subcommand: random, hostile but
//! well-formed option values (inside each option's declared type, choices and limits, as Discord
//! delivers them), run by each member of the cast. Every answer must arrive, be private and
//! specific (never the generic apology), fit in a message, and nothing may ping `@everyone`,
//! `@here` or a role; `/program …` refuses everyone but admins. Forms the bot opens are
//! submitted with random values too. `FUZZ_VERBOSE=1` prints the start of every answer.

use std::time::{Duration, Instant};

use crate::common::*;
use discord_sim::{Message, Reply, ReplyKind};
use rand::{rngs::StdRng, seq::IndexedRandom, Rng, SeedableRng};
use serde_json::Value;

/// Fixed, so a failure replays exactly.
const SEED: u64 = 0x5EED_2026_1121;
/// Rounds over all commands.
const ROUNDS: usize = 8;
/// Cast members each command runs as per round (round robin over [`ROLES`]).
const ROLES_PER_COMMAND: usize = 3;
/// Admin, mentor, mentee, outsider, coordinator.
const ROLES: [(u64, &str); 5] = [(ADA, "Ada"), (MO, "Mo"), (MIA, "Mia"), (OTTO, "Otto"), (CORA, "Cora")];
/// Discord's longest string option value.
const DISCORD_MAX_STRING: u64 = 6000;
/// Discord's largest safe integer option value.
const DISCORD_MAX_INT: i64 = 9_007_199_254_740_991;

/// Pieces random strings are made of: mentions, markdown, control and direction characters,
/// emoji, very long words, SQL-ish quotes, and bits of valid input.
const FRAGMENTS: &[&str] = &[
    "@everyone",
    "@here",
    "<@&900000000000000201>",
    "<@800000000000000004>",
    "<@!800000000000000003>",
    "<#900000000000000102>",
    "</program setup:1>",
    "**bold**",
    "__under__",
    "~~gone~~",
    "||spoiler||",
    "`",
    "```rust\nfn main() {}\n```",
    "> quote",
    "# Heading",
    "[link](https://example.com)",
    "\n",
    "\r\n",
    "\t",
    "   ",
    "🎉",
    "👩🏽‍💻",
    "🇩🇪",
    "\u{202E}",
    "\u{200F}",
    "\u{200B}",
    "\u{FEFF}",
    "مرحبا",
    "日本語",
    "Ω≈ç√∫",
    "'; DROP TABLE sessions; --",
    "\" OR 1=1 --",
    "Robert'); ",
    "%s%n{0}${x}\\",
    "{{}}",
    "0",
    "-1",
    "99999999999999999999",
    "s1",
    "#1",
    "A1",
    "G1",
    "i1",
    "me",
    "partner",
    "tomorrow 15:00",
    "in 3 days",
    "24.11.",
    "11/24",
    "15.00",
    "25:00",
    "0 9 * * Mon",
    "24h",
    "21:00-08:00",
    "Europe/Berlin",
    "Mars/Olympus_Mons",
    "supercalifragilisticexpialidociousandthensomemorewithoutanyspaceatallforaverylongtime",
];

/// Plausible values for options whose name says what they hold, so later rules get reached.
fn plausible(name: &str) -> &'static [&'static str] {
    match name {
        "when" | "deadline" | "target" => &["tomorrow 15:00", "in 3 days", "fri", "2027-01-15 10:00", "in 2 hours"],
        "value" => &["24h", "90m", "21:00-08:00", "off", "2days"],
        "schedule" => &["0 9 * * Mon", "30 17 * * Mon-Fri"],
        "owner" => &["me", "partner"],
        "timezone" | "zone" => &["Europe/Berlin", "America/New_York", "asia/kolkata"],
        _ => &[],
    }
}

/// A leaf command (`"program settings"`) and its option definitions.
struct Leaf {
    path: String,
    options: Vec<Value>,
}

fn leaves(commands: &[Value]) -> Vec<Leaf> {
    fn walk(prefix: &str, options: &[Value], out: &mut Vec<Leaf>) {
        let subs: Vec<&Value> = options.iter().filter(|o| matches!(o["type"].as_u64(), Some(1 | 2))).collect();
        if subs.is_empty() {
            out.push(Leaf { path: prefix.to_owned(), options: options.to_vec() });
        }
        for sub in subs {
            let path = format!("{prefix} {}", sub["name"].as_str().unwrap());
            walk(&path, sub["options"].as_array().map(Vec::as_slice).unwrap_or_default(), out);
        }
    }
    let mut out = Vec::new();
    for c in commands.iter().filter(|c| c["type"].as_u64().unwrap_or(1) == 1) {
        walk(c["name"].as_str().unwrap(), c["options"].as_array().map(Vec::as_slice).unwrap_or_default(), &mut out);
    }
    out
}

/// A random string of exactly `len` characters (at least one not blank), from [`FRAGMENTS`].
fn hostile(rng: &mut StdRng, len: usize) -> String {
    let mut s = String::new();
    while s.chars().count() < len {
        s.push_str(FRAGMENTS.choose(rng).unwrap());
        if rng.random_bool(0.3) {
            s.push(' ');
        }
    }
    let mut s: String = s.chars().take(len).collect();
    if s.trim().is_empty() {
        s.replace_range(..s.char_indices().nth(1).map_or(s.len(), |(i, _)| i), "x");
    }
    s
}

/// A length in `1..=max`, often short, often exactly the limit.
fn length(rng: &mut StdRng, max: u64) -> usize {
    let max = usize::try_from(max.max(1)).unwrap();
    match rng.random_range(0..4) {
        0 => rng.random_range(1..=max.min(20)),
        1 => max,
        _ => rng.random_range(1..=max),
    }
}

/// A value for one option, inside its declared limits.
async fn value(w: &World, rng: &mut StdRng, user: u64, leaf: &Leaf, def: &Value) -> String {
    let name = def["name"].as_str().unwrap();
    if let Some(choices) = def["choices"].as_array().filter(|c| !c.is_empty()) {
        return choices.choose(rng).unwrap()["name"].as_str().unwrap().to_owned();
    }
    match def["type"].as_u64().unwrap() {
        3 => {
            let max = def["max_length"].as_u64().unwrap_or(DISCORD_MAX_STRING);
            let roll = rng.random_range(0..10);
            if def["autocomplete"] == true && roll < 3 {
                let choices = w.actor(user).autocomplete(&leaf.path, &[(name, "")], name).await.unwrap_or_default();
                if let Some((_, v)) = choices.choose(rng) {
                    return v.clone();
                }
            }
            let fits: Vec<&&str> = plausible(name).iter().filter(|p| p.chars().count() as u64 <= max).collect();
            if roll >= 7 && !fits.is_empty() {
                return (**fits.choose(rng).unwrap()).to_owned();
            }
            let len = length(rng, max);
            hostile(rng, len)
        }
        4 => {
            // poise writes integer limits as numbers like `100.0`.
            #[allow(clippy::cast_possible_truncation)]
            let limit = |key: &str| def[key].as_f64().map(|v| v as i64);
            let min = limit("min_value").unwrap_or(-DISCORD_MAX_INT);
            let max = limit("max_value").unwrap_or(DISCORD_MAX_INT);
            match rng.random_range(0..4) {
                0 => min,
                1 => max,
                _ => rng.random_range(min..=max),
            }
            .to_string()
        }
        10 => {
            let min = def["min_value"].as_f64().unwrap_or(-1e15);
            let max = def["max_value"].as_f64().unwrap_or(1e15);
            rng.random_range(min..=max).to_string()
        }
        5 => rng.random_bool(0.5).to_string(),
        6 | 9 => [ADA, MO, MIA, OTTO, DANA, CORA, LEO].choose(rng).unwrap().to_string(),
        7 => [GENERAL, MENTORING].choose(rng).unwrap().to_string(),
        8 => COORDINATOR_ROLE.to_string(),
        other => panic!("option {name} of /{} has type {other}, which this test cannot fill", leaf.path),
    }
}

/// Whether a request body may ping `@everyone`, `@here` or a role: content with such a mention
/// and no `allowed_mentions` that rules it out. `strict` (answers to interactions): any content
/// must come with such `allowed_mentions`.
fn may_ping(body: &Value, strict: bool) -> Option<String> {
    let message = if body.get("type").is_some() && body.get("data").is_some() { &body["data"] } else { body };
    let content = message["content"].as_str().unwrap_or_default();
    let allowed = &message["allowed_mentions"];
    let parse: Vec<&str> =
        allowed["parse"].as_array().map(|p| p.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    let safe = allowed.is_object()
        && !parse.contains(&"everyone")
        && !parse.contains(&"roles")
        && allowed["roles"].as_array().is_none_or(Vec::is_empty);
    let pings = content.contains("@everyone") || content.contains("@here") || content.contains("<@&");
    ((pings || (strict && !content.is_empty())) && !safe)
        .then(|| format!("content {content:?} with allowed_mentions {allowed}"))
}

/// The problems of one message of an answer.
fn check_message(what: &str, m: &Message, problems: &mut Vec<String>) {
    let text = m.text();
    if !m.ephemeral {
        problems.push(format!("{what}: the answer is public: {text:?}"));
    }
    if text.contains("something went wrong on my side") {
        problems.push(format!("{what}: the generic apology: {text:?}"));
    }
    if text.contains("I could not read the option") {
        problems.push(format!("{what}: a well-formed option was not read: {text:?}"));
    }
    let n = m.content.chars().count();
    if n > 2000 {
        problems.push(format!("{what}: content of {n} characters"));
    }
}

/// The problems of an answer and its followups.
fn check_reply(w: &World, what: &str, reply: &Reply, problems: &mut Vec<String>) {
    match &reply.kind {
        ReplyKind::Message(m) | ReplyKind::Updated(m) => check_message(what, m, problems),
        ReplyKind::Modal(_) => {}
        ReplyKind::Choices(_) => problems.push(format!("{what}: answered with autocomplete choices")),
    }
    for f in w.sim.followups(reply.interaction_id) {
        check_message(&format!("{what} (followup)"), &f, problems);
    }
}

/// Fills a form the bot showed with random values inside each field's limits and submits it.
async fn submit_randomly(
    w: &World,
    rng: &mut StdRng,
    user: u64,
    what: &str,
    reply: &Reply,
    problems: &mut Vec<String>,
) {
    let ReplyKind::Modal(modal) = &reply.kind else { return };
    let mut values = Vec::new();
    for field in &modal.fields {
        match field.max_length {
            Some(max) if max <= 4000 => {}
            other => problems.push(format!("{what}: form field {:?} has max_length {other:?}", field.custom_id)),
        }
        if field.required || rng.random_bool(0.7) {
            let max = field.max_length.unwrap_or(4000).min(4000);
            let len = length(rng, max);
            values.push((field.custom_id.clone(), hostile(rng, len)));
        }
    }
    let refs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let what = format!("{what} → form {:?}", modal.title);
    match w.actor(user).with_timeout(Duration::from_secs(5)).submit(modal, &refs).await {
        Ok(answer) => check_reply(w, &what, &answer, problems),
        Err(e) => problems.push(format!("{what}: no answer: {e:#}")),
    }
}

/// Puts the cast back into a program with a pair and a booked session (commands like `/leave`
/// or `/unpair` undo that); refusals here are fine.
async fn restore(w: &World, round: usize) {
    for (user, role, zone) in [(MO, "mentor", "America/New_York"), (MIA, "mentee", "Europe/Berlin")] {
        let _ = w.actor(user).slash("join", &[("role", role), ("timezone", zone)]).await;
    }
    let _ = w.actor(ADA).slash("pair", &[("mentor", &MO.to_string()), ("mentee", &MIA.to_string())]).await;
    let when = format!("in {} days 15:00", round + 2);
    let _ = w.actor(MIA).slash("book", &[("with", &MO.to_string()), ("when", &when)]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_string_option_has_a_length_limit_the_domain_can_store() {
    let w = world().await;
    let mut problems = Vec::new();
    for leaf in leaves(&w.sim.commands()) {
        for def in leaf.options.iter().filter(|d| d["type"] == 3 && d["choices"].as_array().is_none_or(Vec::is_empty)) {
            match def["max_length"].as_u64() {
                Some(1..=1000) => {}
                other => problems.push(format!("/{} {}: max_length {other:?}", leaf.path, def["name"])),
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_but_well_formed_input_always_gets_a_private_specific_answer_that_pings_no_one() {
    let started = Instant::now();
    let w = paired_world().await;
    let leaves = leaves(&w.sim.commands());
    let mut rng = StdRng::seed_from_u64(SEED);
    let mut problems = Vec::new();
    let mut runs = 0;
    for round in 0..ROUNDS {
        restore(&w, round).await;
        for (i, leaf) in leaves.iter().enumerate() {
            for k in 0..ROLES_PER_COMMAND {
                let (user, who) = ROLES[(round * ROLES_PER_COMMAND + i + k) % ROLES.len()];
                let mut options = Vec::new();
                for def in &leaf.options {
                    if def["required"] == true || rng.random_bool(0.6) {
                        options.push((
                            def["name"].as_str().unwrap().to_owned(),
                            value(&w, &mut rng, user, leaf, def).await,
                        ));
                    }
                }
                let refs: Vec<(&str, &str)> = options.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                let what = format!("round {round}: {who} runs /{} {refs:?}", leaf.path);
                runs += 1;
                match w.actor(user).with_timeout(Duration::from_secs(5)).slash(&leaf.path, &refs).await {
                    Ok(reply) => {
                        if std::env::var_os("FUZZ_VERBOSE").is_some() {
                            eprintln!("{} {who}: {:?}", leaf.path, reply.text().chars().take(70).collect::<String>());
                        }
                        check_reply(&w, &what, &reply, &mut problems);
                        let admin = user == ADA || user == CORA;
                        // Reading the session outline is for everyone; replacing it is for admins.
                        let replaces = refs.iter().any(|(k, v)| *k == "replace" && *v == "true");
                        let public = leaf.path == "program outline" && !replaces;
                        if leaf.path.starts_with("program ")
                            && !public
                            && !admin
                            && !reply.text().contains("Only program admins")
                        {
                            problems.push(format!("{what}: a non-admin got {:?}", reply.text()));
                        }
                        submit_randomly(&w, &mut rng, user, &what, &reply, &mut problems).await;
                    }
                    Err(e) => problems.push(format!("{what}: no answer: {e:#}")),
                }
            }
        }
    }
    for channel in [GENERAL, MENTORING] {
        for m in w.sim.channel_messages(channel) {
            if m.content.contains("@everyone") || m.content.contains("@here") || m.content.contains("<@&") {
                problems.push(format!("a public post in {channel} mentions everyone or a role: {:?}", m.content));
            }
        }
    }
    for r in w.sim.requests() {
        let strict = r.path.contains("/interactions/") || r.path.contains("/webhooks/");
        if let Some(why) = r.body.as_ref().and_then(|b| may_ping(b, strict)) {
            problems.push(format!("{} {} may ping everyone or a role: {why}", r.method, r.path));
        }
    }
    assert!(problems.is_empty(), "{} problem(s) in {runs} runs:\n{}", problems.len(), problems.join("\n\n"));
    assert_clean(&w);
    eprintln!("{runs} commands in {:?}", started.elapsed());
    w.stop().await;
}
