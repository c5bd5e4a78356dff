//! Hardening end to end: a command whose options cannot be read leaves nothing running, SQLite
//! under concurrent bookings, privacy of the overlap refusal, the weekly nudge's hourly floor,
//! option limits in the command definitions.

use std::time::Duration;

use crate::common::*;

/// Waits (boundedly) for the counter of running commands to settle, then returns it.
async fn in_flight_after_reply(w: &World) -> usize {
    for _ in 0..100 {
        if w.bot.commands_in_flight() == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    w.bot.commands_in_flight()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_command_whose_options_cannot_be_read_is_answered_and_no_longer_counts_as_running() {
    let w = paired_world().await;
    let r = w.actor(MIA).slash("goal add", &[("title", "Ship it")]).await.unwrap();
    assert!(r.text().contains("Goal added"), "{}", r.text());
    // A client with an old copy of /goal progress sends `percent` as text.
    let r = w.actor(MIA).slash_outdated("goal progress", &[("goal", "g1"), ("percent", "fifty")]).await.unwrap();
    assert!(r.is_ephemeral());
    assert!(r.text().contains("could not read"), "{}", r.text());
    assert_eq!(in_flight_after_reply(&w).await, 0, "the failed command still counts as running");
    let r = w.actor(MIA).slash("goal list", &[]).await.unwrap();
    assert!(r.text().contains("0%"), "{}", r.text());
    assert_eq!(in_flight_after_reply(&w).await, 0);
    w.stop().await;
}
