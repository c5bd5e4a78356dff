//! `mentor-bot demo`: the real bot against the simulated Discord on a temporary database,
//! playing ten days of a program and printing the conversation as a transcript: setup, join,
//! pair, book, reschedule, list; a goal and an action item; the scheduler's weekly nudge,
//! deadline reminder and agenda request; the agenda sent from the request's button and a topic
//! the mentor adds; the mentor's prep note; the session and its follow-ups ("We met" and a
//! private rating); notes from the follow-up's button; the summary and an action item from it;
//! another deadline reminder and the next weekly nudge; the mentor's weekly availability, a
//! bi-weekly series booked from his free times, one occurrence moved, another moved to a free
//! time picked from the buttons offered when the time asked for is outside his hours. The
//! program's shape: its eight-week timeline, the session outline (its first step in the agenda
//! request and the prep note), the mentee's pre-work (her background, sent to the mentor), and
//! the midpoint review prompt four weeks in, answered from its button. Matching and health:
//! interest tags, a second mentor and mentee, a suggestion accepted, and the program report (its
//! chart is written to the temporary folder and named at the end). The clock jumps from one due
//! job to the next, so it takes seconds.

use std::{io::Write, time::Duration};

use anyhow::Context as _;
use chrono::{DateTime, TimeZone, Utc};

mod health;

use crate::testkit::{
    cast::{ADA, MENTORING, MIA, MO},
    World, WorldOptions,
};

/// Runs the demo and writes the transcript to `out`.
pub async fn run_demo(out: &mut dyn Write) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    // Saturday 21 Nov 2026, 10:00 in Berlin.
    let start = Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).single().context("demo start")?;
    let mut world = World::start(WorldOptions::at(start)).await?;
    let mut result = play(&mut world).await;
    let mut chart = None;
    if result.is_ok() {
        match health::play_health(&mut world).await {
            Ok(c) => chart = Some(c),
            Err(e) => result = Err(e),
        }
    }
    writeln!(out, "mentor-bot demo: the real bot talking to a simulated Discord (no token, no network)")?;
    writeln!(out, "Cast: Ada (server admin, Berlin), Mo (mentor, New York), Mia (mentee, Berlin).")?;
    writeln!(out, "Times in each line are shown in the zone of the person who sees them.\n")?;
    write!(out, "{}", world.sim.transcript())?;
    let checked = world.finish().await;
    result?;
    checked.context("the simulated Discord saw what real Discord would have refused")?;
    if let Some(c) = chart {
        writeln!(out, "\nThe program report's chart: {} ({} bytes; {}).", c.path.display(), c.bytes, c.drawn)?;
    }
    writeln!(out, "\nDemo finished in {:.1} s.", started.elapsed().as_secs_f64())?;
    Ok(())
}

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> anyhow::Result<DateTime<Utc>> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).single().context("demo time")
}

/// The newest DM to `user` whose text contains `needle`.
fn dm(w: &World, user: u64, needle: &str) -> anyhow::Result<discord_sim::Message> {
    w.sim
        .dms(user)
        .into_iter()
        .rev()
        .find(|m| m.text().contains(needle))
        .with_context(|| format!("a DM with {needle:?}"))
}

async fn play(w: &mut World) -> anyhow::Result<()> {
    let (ada, mo, mia) = (w.actor(ADA), w.actor(MO), w.actor(MIA));
    let setup = [
        ("channel", MENTORING.to_string()),
        ("timezone", "Europe/Berlin".into()),
        ("starts", "2026-11-23".into()),
        ("length", "8".into()),
    ];
    let setup: Vec<(&str, &str)> = setup.iter().map(|(k, v)| (*k, v.as_str())).collect();
    ada.slash("program setup", &setup).await?;
    mo.slash("join", &[("role", "mentor"), ("timezone", "America/New_York")]).await?;
    mia.slash("join", &[("role", "mentee")]).await?;
    ada.slash("pair", &[("mentor", &MO.to_string()), ("mentee", &MIA.to_string())]).await?;
    // Pre-work: Mia shares her background from the pairing DM; Mo gets it by DM.
    let paired =
        w.sim.wait_for_dm(MIA, |m| m.text().contains("Before your first session"), Duration::from_secs(5)).await?;
    let form = mia.clone().in_dm().press(&paired, &paired.button_id("Share background")?).await?;
    let background = [
        ("current_role", "Backend engineer (3 years), payments team"),
        ("wants", "A path to senior: scope, visibility, a promotion case"),
        ("links", "https://example.com/mia-cv.pdf"),
        ("communication", "Video calls; DMs for quick questions"),
        ("frequency", "Every two weeks"),
    ];
    mia.clone().in_dm().submit(form.modal()?, &background).await?;
    w.sim.wait_for_dm(MO, |m| m.text().contains("Your mentee's background"), Duration::from_secs(5)).await?;
    mia.slash("program outline", &[]).await?;
    mia.slash("book", &[("with", &MO.to_string()), ("when", "tue 15:00"), ("topic", "Career goals")]).await?;
    let choices = mo.autocomplete("reschedule", &[("session", "")], "session").await?;
    let (_label, session) = choices.first().context("Mo sees the booked session in the list")?;
    // Wednesday 10:00 in New York = 16:00 in Berlin.
    mo.slash("reschedule", &[("session", session), ("when", "wed 10am")]).await?;
    mia.slash("sessions", &[]).await?;
    mia.slash(
        "goal add",
        &[
            ("title", "Get promoted to senior engineer"),
            ("why", "Lead the platform work"),
            ("measure", "A promotion decision"),
            ("target", "2027-06-30"),
        ],
    )
    .await?;
    mia.slash(
        "action add",
        &[
            ("title", "Collect three salary data points"),
            ("owner", "me"),
            ("deadline", "tue"),
            ("success", "Three numbers in the notes"),
        ],
    )
    .await?;

    // The scheduler takes over: Monday's weekly nudge and deadline reminder, Tuesday's agenda request.
    w.run_until(at(2026, 11, 24, 15, 0)?).await?;
    let reminder = dm(w, MIA, "due soon")?;
    mia.clone().in_dm().press(&reminder, &reminder.button_id("A1 done")?).await?;
    let request = dm(w, MIA, "Agenda time")?;
    let form = mia.clone().in_dm().press(&request, &request.button_id("Submit agenda")?).await?;
    let agenda = [
        ("goal", "Leave with an outline of my promotion case"),
        ("progress", "Shipped the billing migration"),
        ("challenges", "I undersell my work in reviews"),
        ("topics", "Promotion criteria\n! How to present impact"),
        ("support", "Should I ask my manager for a sponsor?"),
    ];
    mia.clone().in_dm().submit(form.modal()?, &agenda).await?;
    let shared = w.sim.wait_for_dm(MO, |m| m.text().contains("Agenda for session #1"), Duration::from_secs(5)).await?;
    let topic = mo.clone().in_dm().press(&shared, &shared.button_id("Add topic")?).await?;
    mo.clone().in_dm().submit(topic.modal()?, &[("topics", "! Your wins log")]).await?;

    // Wednesday: the mentor's prep note, the session (15:00-16:00 UTC), the follow-ups.
    w.run_until(at(2026, 11, 25, 17, 0)?).await?;
    let follow_up = dm(w, MIA, "How did it go?")?;
    let met = mia.clone().in_dm().press(&follow_up, &follow_up.button_id("We met")?).await?;
    let rating = met.message()?.clone();
    mia.clone().in_dm().press(&rating, &rating.button_id("4")?).await?;
    let notes = mia.clone().in_dm().press(&follow_up, &follow_up.button_id("Add takeaways")?).await?;
    let notes_fields = [
        ("takeaways", "Write the case as outcomes, not tasks"),
        ("resources", "The Staff Engineer's Path | article | scope of senior roles"),
        ("obstacles", "Underselling | reviewers miss impact | keep a wins log"),
        ("next_session", "in two weeks"),
    ];
    mia.clone().in_dm().submit(notes.modal()?, &notes_fields).await?;
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

    // The rest of the week: a deadline reminder, then Monday's weekly nudge.
    w.run_until(at(2026, 11, 30, 9, 0)?).await?;
    mia.slash("goal progress", &[("goal", "G1"), ("percent", "30"), ("evidence", "Case outline agreed")]).await?;

    rhythm(w).await?;
    midpoint(w).await
}

/// A rhythm: Mo says when he is free, Mia books every other week from his free times (shown in
/// both zones), one occurrence moves, and a move outside his hours picks one of his free times.
async fn rhythm(w: &World) -> anyhow::Result<()> {
    let (mo, mia) = (w.actor(MO), w.actor(MIA));
    mo.slash("availability set", &[("slots", "tue 11:00-13:00, thu 11:00-12:00")]).await?;
    mia.slash("availability show", &[("user", &MO.to_string())]).await?;
    let free = mia.autocomplete("book", &[("with", &MO.to_string()), ("when", "")], "when").await?;
    let (_label, slot) = free.first().context("Mia sees Mo's free times")?;
    let series =
        [("with", MO.to_string()), ("when", slot.clone()), ("repeat", "every 2 weeks".into()), ("count", "6".into())];
    let series: Vec<(&str, &str)> = series.iter().map(|(k, v)| (*k, v.as_str())).collect();
    mia.slash("book", &series).await?;
    mo.slash("reschedule", &[("session", "#3"), ("when", "17.12. 11:00"), ("scope", "this")]).await?;
    // Moving one to an evening outside Mo's hours asks first; Mia picks one of his free times.
    let asked = mia.slash("reschedule", &[("session", "#4"), ("when", "29.12. 20:00")]).await?;
    let question = asked.message()?.clone();
    let free = mia.press(&question, &question.button_id("Show free times")?).await?;
    let offer = free.message()?.clone();
    let slot = offer.buttons().into_iter().find(|b| b.0.starts_with("avail:slot:")).context("a free time to pick")?;
    mia.press(&offer, &slot.0).await?;
    mia.slash("sessions", &[]).await?;

    Ok(())
}

/// Four weeks in: the midpoint review prompt (10:00 in each one's zone); Mia reviews her goal.
async fn midpoint(w: &mut World) -> anyhow::Result<()> {
    let (ada, mia) = (w.actor(ADA), w.actor(MIA));
    w.run_until(at(2026, 12, 20, 16, 0)?).await?;
    let prompt = dm(w, MIA, "Midpoint review")?;
    let form = mia.clone().in_dm().press(&prompt, &prompt.button_id("Start midpoint review")?).await?;
    let review =
        [("first", "40"), ("second", "Case outline agreed with my manager"), ("third", "Ask for a stretch project")];
    mia.clone().in_dm().submit(form.modal()?, &review).await?;
    ada.slash("program status", &[]).await?;
    Ok(())
}
