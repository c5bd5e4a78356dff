//! Command latency through the real bot (serenity + poise) and the simulated Discord of the
//! testkit's `World` (gateway and REST on localhost, no added latency, Discord's limits on): the
//! wall time from the interaction being sent to the bot's final reply.

use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Duration, Utc};
use mentor_bot::{
    clock::Clock as _,
    domain::{
        ids::{GuildId, UserId},
        jobs::Recipient,
    },
    testkit::{
        cast::{ADA, GUILD, LEO, MENTORING, MIA, MO, OTTO},
        World, WorldOptions,
    },
};

use crate::common::{book, keep, percentile, sorted, Pair, BERLIN, NEW_YORK};

/// p50 and p99 of one command, in milliseconds.
#[derive(Debug, Clone, Copy)]
pub struct Latency {
    pub p50: f64,
    pub p99: f64,
}

pub struct CommandFigures {
    pub status: Latency,
    pub sessions: Latency,
    pub profile: Latency,
    pub book: Latency,
}

/// A world with the cast's program: Ada sets it up, Mo and Leo mentor Mia and Otto, each pair
/// with 20 booked sessions (as every pairing of the large program has).
pub async fn cast_world(start: DateTime<Utc>) -> World {
    let w = World::start(WorldOptions::at(start)).await.unwrap();
    let ada = w.actor(ADA);
    let r = ada
        .slash("program setup", &[("channel", &MENTORING.to_string()), ("timezone", "Europe/Berlin")])
        .await
        .unwrap();
    assert!(r.text().contains("Started"), "{}", r.text());
    for (user, role, zone) in [
        (MO, "mentor", "America/New_York"),
        (LEO, "mentor", "America/New_York"),
        (MIA, "mentee", "Europe/Berlin"),
        (OTTO, "mentee", "Europe/Berlin"),
    ] {
        w.actor(user).slash("join", &[("role", role), ("timezone", zone)]).await.unwrap();
    }
    for (mentor, mentee) in [(MO, MIA), (LEO, OTTO)] {
        let r = ada.slash("pair", &[("mentor", &mentor.to_string()), ("mentee", &mentee.to_string())]).await.unwrap();
        assert!(r.text().contains("Paired"), "{}", r.text());
    }
    let guild = GuildId(GUILD);
    let program = w.store.program(guild).await.unwrap().unwrap();
    let timings = w.bot.app.timings(&program).unwrap();
    let now = w.clock.now();
    let mut tx = w.store.begin().await.unwrap();
    for (mentor, mentee) in [(MO, MIA), (LEO, OTTO)] {
        let pairing = w.store.active_pairing_between(guild, UserId(mentor), UserId(mentee)).await.unwrap().unwrap();
        let pair = Pair {
            pairing,
            mentor: Recipient { id: UserId(mentor), zone: NEW_YORK },
            mentee: Recipient { id: UserId(mentee), zone: BERLIN },
        };
        for week in 0..20 {
            book(&w.store, &mut tx, guild, &pair, now + Duration::days(60 + 7 * week), &timings, now, &keep).await;
        }
    }
    tx.commit().await.unwrap();
    w
}

/// Runs a command 3 times to warm up, then `samples` times; `run` returns its own wall time.
async fn time(samples: usize, mut run: impl AsyncFnMut(usize) -> f64) -> Latency {
    for i in 0..3 {
        run(i).await;
    }
    let mut ms = Vec::with_capacity(samples);
    for i in 0..samples {
        ms.push(run(3 + i).await);
    }
    let ms = sorted(ms);
    Latency { p50: percentile(&ms, 0.5), p99: percentile(&ms, 0.99) }
}

/// Times `/program status` (Ada), `/sessions` and `/profile` (Mia) and `/book` (the four members
/// in turn, each with their partner, one day apart so nothing overlaps; paced so the partner's
/// DM channel stays within Discord's 5 messages per 5 s and the notice goes out at once).
pub async fn measure(w: &World, samples: usize) -> CommandFigures {
    let status = time(samples, async |_| {
        let started = Instant::now();
        let r = w.actor(ADA).slash("program status", &[]).await.unwrap();
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        assert!(!r.text().is_empty());
        ms
    })
    .await;
    let sessions = time(samples, async |_| {
        let started = Instant::now();
        let r = w.actor(MIA).slash("sessions", &[]).await.unwrap();
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        assert!(r.text().contains('#'), "{}", r.text());
        ms
    })
    .await;
    let profile = time(samples, async |_| {
        let started = Instant::now();
        w.actor(MIA).slash("profile", &[]).await.unwrap();
        started.elapsed().as_secs_f64() * 1000.0
    })
    .await;
    let start = w.clock.now();
    let book = time(samples, async |i| {
        let (who, with) = [(MIA, MO), (MO, MIA), (OTTO, LEO), (LEO, OTTO)][i % 4];
        let day = (start + Duration::days(2 + i as i64)).with_timezone(&BERLIN).format("%Y-%m-%d");
        let started = Instant::now();
        let r = w
            .actor(who)
            .slash("book", &[("with", &with.to_string()), ("when", &format!("{day} 12:00"))])
            .await
            .unwrap();
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        assert!(r.text().contains("booked"), "{}", r.text());
        if let Some(rest) = StdDuration::from_millis(300).checked_sub(started.elapsed()) {
            tokio::time::sleep(rest).await;
        }
        ms
    })
    .await;
    CommandFigures { status, sessions, profile, book }
}
