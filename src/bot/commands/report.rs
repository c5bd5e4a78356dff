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
    let mut t = String::from("```\nweek of  held missed agenda done overdue rating\n");
    for w in &r.weeks {
        let rating = w.average_rating.map_or_else(|| "–".to_owned(), |a| format!("{a:.1}"));
        let _ = writeln!(
            t,
            "{:<8} {:>4} {:>6} {:>6} {:>4} {:>7} {:>6}",
            w.monday.format("%d %b"),
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
    format!(
        "{}<@{}> & <@{}>: last held {}, next {}; held {} · missed {} · agendas on time {} · actions open {} (overdue {})",
        if p.stale { "⚠️ stale · " } else { "" },
        p.mentor_id,
        p.mentee_id,
        when(p.last_held),
        when(p.next_booked),
        p.held,
        p.missed,
        p.agendas_on_time,
        p.open_actions,
        p.overdue_actions
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
        .title(format!("Program health: the last {} weeks", r.weeks.len()))
        .description(numbers_table(&r))
        .field(
            "Reading it",
            format!(
                "Weeks start Monday 00:00 ({}). Sessions count in the week they started, once ended; agendas on time are \
                 of held sessions; overdue items were due that week and not done by their deadline. A week's rating \
                 shows only once it has {MIN_RATINGS_SHOWN} ratings.",
                r.program.zone.name()
            ),
            false,
        )
        .field("Active pairs", format!("{} ({stale} stale)", r.pairs.len()), true)
        .image(format!("attachment://{CHART_FILE}"))
        .footer(serenity::CreateEmbedFooter::new(format!(
            "Chart drawn in {} ms, {} KB",
            r.render_time.as_millis(),
            r.png.len().div_ceil(1024)
        )));
    let reply = CreateReply::default()
        .ephemeral(true)
        .allowed_mentions(no_pings())
        .content(format!(
            "📊 Program report. The weekly aggregates are in `{WEEKS_FILE}`, pair health in `{PAIRS_FILE}`."
        ))
        .embed(crate::render::look::finish(embed))
        .attachment(serenity::CreateAttachment::bytes(r.png.clone(), CHART_FILE))
        .attachment(serenity::CreateAttachment::bytes(weeks_csv(&r.weeks).into_bytes(), WEEKS_FILE))
        .attachment(serenity::CreateAttachment::bytes(pairs_csv(&r.pairs).into_bytes(), PAIRS_FILE));
    ctx.send(reply).await?;
    let lines: Vec<String> = r.pairs.iter().map(pair_line).collect();
    let body = if lines.is_empty() { "No active pairs yet.".to_owned() } else { lines.join("\n") };
    let intro = "Metadata only: no agendas, notes, action items or ratings. Stale: nothing held in `stale_after`.";
    answer::send(ctx, Answer::default().pages(layout::pages("Pair health", intro, &[Section::new("Pairs", body)])))
        .await?;
    let stale_pairs: Vec<&PairHealth> = r.pairs.iter().filter(|p| p.stale).collect();
    for chunk in stale_pairs.chunks(BUTTONS_PER_MESSAGE) {
        let rows = crate::render::admin_buttons::nudge_rows(chunk);
        let reply = CreateReply::default()
            .ephemeral(true)
            .allowed_mentions(no_pings())
            .content("Stale pairs: **Nudge both** DMs both a friendly prompt with their next free times (it does not say who asked).")
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
        Some(t) => format!(
            "📬 You get the weekly program digest by DM, Mondays 09:00 ({}). The next: <t:{}:F>. Stop it with `/program digest state:off`.",
            out.zone.name(),
            t.timestamp()
        ),
        None => "🔕 No more weekly digest for you. Turn it on again with `/program digest state:on`.".to_owned(),
    };
    crate::bot::reply::private(ctx, text, vec![]).await
}
