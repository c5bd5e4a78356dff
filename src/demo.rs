//! `mentor-bot demo`: the real bot against the simulated Discord on a temporary database,
//! playing a short program (setup, join, pair, book, reschedule, list; then an agenda with a
//! topic the mentor adds, a goal, action items, the session itself, its notes and summary) and
//! printing the conversation as a transcript. No token, no network.

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
    content(w).await
}

/// The session content part: agenda, mentor topic, goal, actions, notes, summary.
async fn content(w: &World) -> anyhow::Result<()> {
    let (mo, mia) = (w.actor(MO), w.actor(MIA));
    mia.slash("goal add", &[("title", "Get promoted to senior engineer"), ("target", "2027-06-30")]).await?;
    mia.slash("action add", &[("title", "Collect three salary data points"), ("owner", "me"), ("deadline", "tue")])
        .await?;
    let form = mia.slash("agenda edit", &[]).await?;
    let agenda = [
        ("goal", "Leave with an outline of my promotion case"),
        ("progress", "Shipped the billing migration"),
        ("challenges", "I undersell my work in reviews"),
        ("topics", "Promotion criteria\n! How to present impact"),
        ("support", "Should I ask my manager for a sponsor?"),
    ];
    mia.submit(form.modal()?, &agenda).await?;
    let dm = w
        .sim
        .wait_for_dm(MO, |m| m.text().contains("Agenda for session #1"), std::time::Duration::from_secs(5))
        .await?;
    let topic = mo.clone().in_dm().press(&dm, &dm.button_id("Add topic")?).await?;
    mo.clone().in_dm().submit(topic.modal()?, &[("topics", "! Your wins log")]).await?;
    // Wednesday 25 Nov, 11:30 in New York: the session (10:00-11:00) is over.
    w.clock.set(Utc.with_ymd_and_hms(2026, 11, 25, 16, 30, 0).single().context("demo time")?);
    let notes = mo.slash("notes", &[]).await?;
    let notes_fields = [
        ("takeaways", "Write the case as outcomes, not tasks"),
        ("resources", "The Staff Engineer's Path | article | scope of senior roles"),
        ("obstacles", "Underselling | reviewers miss impact | keep a wins log"),
        ("next_session", "in two weeks"),
    ];
    mo.submit(notes.modal()?, &notes_fields).await?;
    let summary = mo.slash("session summary", &[]).await?;
    let message = summary.message()?.clone();
    let form = mo.press(&message, &message.button_id("Add action item")?).await?;
    let action = [
        ("title", "Draft the promotion case"),
        ("owner", "partner"),
        ("deadline", "fri"),
        ("success", "One page, three outcomes"),
    ];
    mo.submit(form.modal()?, &action).await?;
    mia.slash("action list", &[]).await?;
    mia.slash("goal progress", &[("goal", "G1"), ("percent", "30"), ("evidence", "Case outline agreed")]).await?;
    Ok(())
}
