//! `mentor-bot demo`: the real bot against the simulated Discord on a temporary database,
//! playing a short program (setup, join, pair, book, reschedule, list) and printing the
//! conversation as a transcript. No token, no network.

use std::io::Write;

use anyhow::Context as _;
use chrono::{TimeZone, Utc};

use crate::testkit::{
    cast::{ADA, MENTORING, MIA, MO},
    World, WorldOptions,
};

/// Runs the demo and writes the transcript to `out`.
pub async fn run_demo(out: &mut dyn Write) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    // Saturday 21 Nov 2026, 10:00 in Berlin.
    let start = Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).single().context("demo start")?;
    let world = World::start(WorldOptions::at(start)).await?;
    let result = play(&world).await;
    writeln!(out, "mentor-bot demo: the real bot talking to a simulated Discord (no token, no network)")?;
    writeln!(out, "Cast: Ada (server admin, Berlin), Mo (mentor, New York), Mia (mentee, Berlin).")?;
    writeln!(out, "Times in each line are shown in the zone of the person who sees them.\n")?;
    write!(out, "{}", world.sim.transcript())?;
    let violations = world.sim.violations();
    world.stop().await;
    result?;
    if !violations.is_empty() {
        anyhow::bail!("the simulated Discord saw protocol violations: {violations:?}");
    }
    writeln!(out, "\nDemo finished in {:.1} s.", started.elapsed().as_secs_f64())?;
    Ok(())
}

async fn play(w: &World) -> anyhow::Result<()> {
    let (ada, mo, mia) = (w.actor(ADA), w.actor(MO), w.actor(MIA));
    ada.slash("program setup", &[("channel", &MENTORING.to_string()), ("timezone", "Europe/Berlin")]).await?;
    mo.slash("join", &[("role", "mentor"), ("timezone", "America/New_York")]).await?;
    mia.slash("join", &[("role", "mentee")]).await?;
    ada.slash("pair", &[("mentor", &MO.to_string()), ("mentee", &MIA.to_string())]).await?;
    mia.slash("book", &[("with", &MO.to_string()), ("when", "tue 15:00"), ("topic", "Career goals")]).await?;
    let choices = mo.autocomplete("reschedule", &[("session", "")], "session").await?;
    let (_label, session) = choices.first().context("Mo sees the booked session in the list")?;
    mo.slash("reschedule", &[("session", session), ("when", "wed 10am")]).await?;
    mia.slash("sessions", &[]).await?;
    Ok(())
}
