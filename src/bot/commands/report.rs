//! `/program report` (admins): the chart of the last twelve weeks, its numbers, the weekly
//! aggregates and pair health as CSV files, pair health as embed pages, and a **Nudge both**
//! button for each stale pair. Counts, dates and names only.

use std::fmt::Write as _;

use poise::{serenity_prelude as serenity, CreateReply};

use crate::{
    app::ProgramReport,
    bot::{
        answer::{self, Answer},
        caller::caller,
        reply::no_pings,
        BotError, Context,
    },
    domain::{
        attendance::MIN_RATINGS_SHOWN,
        layout::{self, Section},
        report::{pairs_csv, weeks_csv, PairHealth},
    },
    tr,
};

/// The chart's file name (the embed shows it as `attachment://…`).
pub const CHART_FILE: &str = "program-report.png";
/// The weekly aggregates' file name.
pub const WEEKS_FILE: &str = "program-weeks.csv";
/// Pair health's file name.
pub const PAIRS_FILE: &str = "pair-health.csv";

/// Buttons on one message (5 rows of 5).
const BUTTONS_PER_MESSAGE: usize = 25;

/// The numbers of the chart as a fixed-width table (one line a week).
pub fn numbers_table(r: &ProgramReport) -> String {
    let mut t = format!("```\n{}\n", tr!("cmd-report-table-head"));
    for w in &r.weeks {
        let rating = w.average_rating.map_or_else(|| "–".to_owned(), |a| format!("{a:.1}"));
        let _ = writeln!(
            t,
            "{:<8} {:>4} {:>6} {:>6} {:>4} {:>7} {:>6}",
            crate::domain::dates::week(w.monday),
            w.held,
            w.missed,
            w.agendas_on_time,
            w.actions_done,
            w.actions_overdue,
            rating
        );
    }
    t.push_str("```");
    t
}

/// One pair's line: names as mentions (shown as names, never pinging), dates and counts.
fn pair_line(p: &PairHealth) -> String {
    let when = |t: Option<chrono::DateTime<chrono::Utc>>| {
        t.map_or_else(|| "—".to_owned(), |t| format!("<t:{}:d>", t.timestamp()))
    };
    tr!(
        "cmd-report-pair",
        stale = if p.stale { "yes" } else { "no" },
        mentor = p.mentor_id.to_string(),
        mentee = p.mentee_id.to_string(),
        last = when(p.last_held),
        next = when(p.next_booked),
        held = p.held,
        missed = p.missed,
        agendas = p.agendas_on_time,
        open = p.open_actions,
        overdue = p.overdue_actions
    )
}

/// Program health: a chart of the last 12 weeks, the numbers, CSV files and pair health (admins).
#[poise::command(slash_command, guild_only)]
pub async fn report(ctx: Context<'_>) -> Result<(), BotError> {
    ctx.defer_ephemeral().await?;
    let caller = caller(ctx).await?;
    let r = ctx.data().app.program_report(&caller).await?;
    let stale = r.pairs.iter().filter(|p| p.stale).count();
    let embed = serenity::CreateEmbed::new()
        .title(tr!("cmd-report-title", weeks = r.weeks.len()))
        .description(numbers_table(&r))
        .field(
            tr!("cmd-report-reading-name"),
            tr!("cmd-report-reading", zone = r.program.zone.name(), min = MIN_RATINGS_SHOWN),
            false,
        )
        .field(
            tr!("cmd-report-active-pairs"),
            tr!("cmd-report-active-pairs-count", pairs = r.pairs.len(), stale = stale),
            true,
        )
        .image(format!("attachment://{CHART_FILE}"))
        .footer(serenity::CreateEmbedFooter::new(tr!(
            "cmd-report-footer",
            ms = r.render_time.as_millis().to_string(),
            kb = r.png.len().div_ceil(1024)
        )));
    let reply = CreateReply::default()
        .ephemeral(true)
        .allowed_mentions(no_pings())
        .content(tr!("cmd-report-content", weeks_file = WEEKS_FILE, pairs_file = PAIRS_FILE))
        .embed(crate::render::look::finish(embed))
        .attachment(serenity::CreateAttachment::bytes(r.png.clone(), CHART_FILE))
        .attachment(serenity::CreateAttachment::bytes(weeks_csv(&r.weeks).into_bytes(), WEEKS_FILE))
        .attachment(serenity::CreateAttachment::bytes(pairs_csv(&r.pairs).into_bytes(), PAIRS_FILE));
    ctx.send(reply).await?;
    let lines: Vec<String> = r.pairs.iter().map(pair_line).collect();
    let body = if lines.is_empty() { tr!("cmd-report-no-pairs") } else { lines.join("\n") };
    let intro = tr!("cmd-report-health-intro");
    let sections = [Section::new(tr!("cmd-report-pairs"), body)];
    answer::send(ctx, Answer::default().pages(layout::pages(&tr!("cmd-report-health-title"), &intro, &sections)))
        .await?;
    let stale_pairs: Vec<&PairHealth> = r.pairs.iter().filter(|p| p.stale).collect();
    for chunk in stale_pairs.chunks(BUTTONS_PER_MESSAGE) {
        let rows = crate::render::admin_buttons::nudge_rows(chunk);
        let reply = CreateReply::default()
            .ephemeral(true)
            .allowed_mentions(no_pings())
            .content(tr!("cmd-report-stale"))
            .components(rows);
        ctx.send(reply).await?;
    }
    Ok(())
}

/// On or off.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum OnOff {
    #[name = "on"]
    On,
    #[name = "off"]
    Off,
}

/// A weekly DM to you with pair health and Nudge both for stale pairs, or stop it (admins).
#[poise::command(slash_command, guild_only)]
pub async fn digest(
    ctx: Context<'_>,
    #[description = "on: get the digest every Monday 09:00 (program time); off: stop it"] state: OnOff,
) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let out = ctx.data().app.set_digest(&caller, matches!(state, OnOff::On)).await?;
    let text = match out.next {
        Some(t) => tr!("cmd-digest-on", zone = out.zone.name(), next = t.timestamp()),
        None => tr!("cmd-digest-off"),
    };
    crate::bot::reply::private(ctx, text, vec![]).await
}
