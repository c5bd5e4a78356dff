//! `/book`, `/sessions`, `/reschedule`, `/cancel`.

use chrono_tz::Tz;
use poise::{serenity_prelude as serenity, ChoiceParameter as _};

use super::autocomplete;
use crate::{
    app::{SeriesOptions, SeriesOutcome, SeriesSummary, SessionLine},
    bot::{
        answer::send,
        caller::{caller, person},
        reply::{private, tell, told},
        requests::{ask_answer, Asking},
        BotError, Context,
    },
    domain::{local_time::describe_offset, series::Scope, session::SessionStatus, when::When},
    render::{series_first_times, series_left_out, session_embed, when as when_text},
    tr,
};

/// How a series repeats (the `repeat` option of `/book`).
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum RepeatChoice {
    #[name = "weekly"]
    Weekly,
    #[name = "every 2 weeks"]
    EveryTwoWeeks,
    #[name = "every 3 weeks"]
    EveryThreeWeeks,
    #[name = "monthly"]
    Monthly,
}

/// How the parsed time reads back, so a misread is caught at once.
fn read_back(when: &When) -> String {
    let read = tr!(
        "cmd-book-read-as",
        local = crate::domain::dates::list_date_time(when.local),
        zone = when.zone.name(),
        offset = describe_offset(when.instant, when.zone)
    );
    match &when.ambiguity {
        None => read,
        Some(amb) => {
            let ambiguous = tr!("cmd-book-ambiguous", chosen = amb.chosen.timestamp(), other = amb.other.timestamp());
            format!("{read}\n{ambiguous}")
        }
    }
}

/// Book a session with your mentor or mentee, or a series of them; times are read in your time zone.
#[poise::command(slash_command, guild_only)]
#[allow(clippy::too_many_arguments)]
pub async fn book(
    ctx: Context<'_>,
    #[description = "Your mentor or mentee"]
    #[rename = "with"]
    with_user: serenity::User,
    #[description = "Pick a free time from the list, or type one in your zone: tomorrow 15:00, mon 9:30, 24.11. 15:00"]
    #[autocomplete = "autocomplete::free_times"]
    #[max_length = 100]
    when: String,
    #[description = "Length in minutes (15–240, default 60)"]
    #[min = 15]
    #[max = 240]
    duration: Option<i64>,
    #[description = "What the session is about"]
    #[max_length = 200]
    topic: Option<String>,
    #[description = "Book a series at the same local time: weekly, every 2 or 3 weeks, or monthly (same weekday)"]
    repeat: Option<RepeatChoice>,
    #[description = "How many sessions in the series (2–52); or give until"]
    #[min = 2]
    #[max = 52]
    count: Option<i64>,
    #[description = "Last date of the series, in your time zone (e.g. 2027-03-31); or give count"]
    #[max_length = 100]
    until: Option<String>,
) -> Result<(), BotError> {
    ctx.defer_ephemeral().await?;
    let caller = caller(ctx).await?;
    let with = person(&with_user);
    let options = SeriesOptions { repeat: repeat.map(|r| r.name()), count, until: until.as_deref() };
    let name = with_user.global_name.clone().unwrap_or_else(|| with_user.name.clone());
    if options.any() {
        let asked =
            ctx.data().app.series_outside_availability(&caller, &with, &when, duration, topic.as_deref(), options);
        if let Some(ask) = asked.await? {
            return send(ctx, ask_answer(&ask, Asking::Series(&name))).await;
        }
        let out = ctx.data().app.book_series(&caller, &with, &when, duration, topic.as_deref(), options).await?;
        let failures = tell(ctx, &out.notices).await;
        let told = told(&failures, &tr!("cmd-book-series-told", partner = out.partner.to_string()));
        let embed = series_embed(&out, &with_user.name, &told);
        return private(ctx, "", vec![embed]).await;
    }
    if let Some(ask) = ctx.data().app.outside_availability(&caller, &with, &when, duration, topic.as_deref()).await? {
        return send(ctx, ask_answer(&ask, Asking::Book(&name))).await;
    }
    let out = ctx.data().app.book(&caller, &with, &when, duration, topic.as_deref()).await?;
    let failures = tell(ctx, &out.notices).await;
    let title = tr!("cmd-book-booked", number = out.session.number, partner = with_user.name.as_str());
    let told = told(&failures, &tr!("cmd-book-told", partner = out.partner.to_string()));
    let embed = session_embed(&out.session, title).description(format!("{}\n{told}", read_back(&out.when)));
    private(ctx, "", vec![embed]).await
}

/// Book a session with this member (right-click a member → Apps): opens the booking form.
#[poise::command(context_menu_command = "Book a session", guild_only)]
pub async fn book_with(
    ctx: Context<'_>,
    #[description = "The member to book with"] member: serenity::User,
) -> Result<(), BotError> {
    if member.bot || member.id == ctx.author().id {
        return private(ctx, tr!("cmd-book-with-pick"), Vec::new()).await;
    }
    let name = member.global_name.clone().unwrap_or_else(|| member.name.clone());
    let id = i64::try_from(member.id.get()).map_err(|_| anyhow::anyhow!("a user id beyond i64"))?;
    crate::bot::answer::show_modal(ctx, crate::bot::modals::book_with_modal(id, &name)).await
}

/// What the booker reads after booking a series: how many were booked, the first few times, what
/// was left out and why.
fn series_embed(out: &SeriesOutcome, partner: &str, told: &str) -> serenity::CreateEmbed {
    let series = &out.series;
    let mut embed = serenity::CreateEmbed::new()
        .title(tr!("cmd-book-series-title", booked = out.sessions.len(), count = series.count, partner = partner))
        .description(format!(
            "{}\n{}\n{told}",
            tr!(
                "cmd-book-series-summary",
                series = series.describe(),
                zone = series.zone.name(),
                minutes = series.duration_minutes
            ),
            read_back(&out.when)
        ))
        .field(tr!("cmd-book-first-sessions"), series_first_times(&out.sessions), false);
    if !out.ambiguous.is_empty() {
        let times: Vec<String> = out.ambiguous.iter().take(5).map(|t| format!("<t:{}:F>", t.timestamp())).collect();
        embed = embed.field(
            tr!("cmd-book-clocks-go-back"),
            tr!("cmd-book-ambiguous-times", times = times.join(", ")),
            false,
        );
    }
    if !out.left_out.is_empty() {
        let name = tr!("cmd-book-left-out", count = out.left_out.len());
        embed = embed.field(name, series_left_out(&out.left_out, true), false);
    }
    embed
}

fn session_line(line: &SessionLine, zone: Tz) -> String {
    let s = &line.session;
    let local = crate::domain::dates::list_day_time(s.starts_at.with_timezone(&zone).naive_local());
    let topic = s.topic.as_deref().map(|t| format!(" · {t}")).unwrap_or_default();
    let status = match s.status {
        SessionStatus::Booked => String::new(),
        other => format!(" · *{other}*"),
    };
    let line = tr!(
        "cmd-sessions-line",
        number = s.number,
        partner = line.partner.mention(),
        start = s.starts_at.timestamp(),
        local = local.as_str(),
        zone = zone.name(),
        minutes = s.duration_minutes
    );
    format!("{line}{topic}{status}")
}

/// List your upcoming and recent sessions.
#[poise::command(slash_command, guild_only)]
pub async fn sessions(ctx: Context<'_>) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let (zone, lines) = ctx.data().app.list_sessions(&caller).await?;
    let now = ctx.data().app.now();
    let (upcoming, past): (Vec<_>, Vec<_>) =
        lines.iter().partition(|l| l.session.status == SessionStatus::Booked && l.session.ends_at() > now);
    let series = ctx.data().app.series_summaries(&lines).await?;
    // A series shows its next two sessions here; the rest is summed up under "Series".
    let mut shown: Vec<(i64, usize)> = Vec::new();
    let upcoming: Vec<_> = upcoming
        .into_iter()
        .filter(|l| {
            let Some(id) = l.session.series_id else { return true };
            match shown.iter_mut().find(|(s, _)| *s == id) {
                Some((_, n)) if *n >= 2 => false,
                Some((_, n)) => {
                    *n += 1;
                    true
                }
                None => {
                    shown.push((id, 1));
                    true
                }
            }
        })
        .collect();
    let recent: Vec<_> = past.iter().rev().take(5).rev().collect();
    let join = |v: Vec<String>| {
        if v.is_empty() {
            tr!("cmd-sessions-none")
        } else {
            v.join("\n")
        }
    };
    let mut upcoming_text = join(upcoming.iter().map(|l| session_line(l, zone)).collect());
    if upcoming.is_empty() {
        upcoming_text = tr!("cmd-sessions-none-upcoming");
    }
    let mut embed = serenity::CreateEmbed::new().title(tr!("cmd-sessions-title")).field(
        tr!("cmd-sessions-upcoming"),
        fit_field(upcoming_text),
        false,
    );
    if !series.is_empty() {
        let lines = series.iter().map(series_line).collect::<Vec<_>>().join("\n");
        embed = embed.field(tr!("cmd-sessions-series"), fit_field(lines), false);
    }
    let recent = fit_field(join(recent.iter().map(|l| session_line(l, zone)).collect()));
    let embed = embed.field(tr!("cmd-sessions-recent"), recent, false);
    private(ctx, "", vec![embed]).await
}

/// A series in one line: `every 2 weeks, Tue 17:00 (Europe/Berlin) with @x · 4 of 10 left · next ...`.
fn series_line(s: &SeriesSummary) -> String {
    tr!(
        "cmd-sessions-series-line",
        series = s.series.describe(),
        zone = s.series.zone.name(),
        partner = s.partner.mention(),
        left = s.left,
        count = s.series.count,
        next = s.next.timestamp()
    )
}

/// Embed fields hold 1024 characters; a long list ends with a pointer instead of being cut mid-line.
fn fit_field(text: String) -> String {
    if text.chars().count() <= 1024 {
        return text;
    }
    let mut out = String::new();
    for line in text.lines() {
        if out.chars().count() + line.chars().count() + 40 > 1024 {
            out.push_str(&tr!("cmd-sessions-more"));
            break;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Move one of your sessions (or it and the rest of its series) to another time in your time zone.
#[poise::command(slash_command, guild_only)]
pub async fn reschedule(
    ctx: Context<'_>,
    #[description = "The session to move (pick from the list)"]
    #[autocomplete = "autocomplete::sessions"]
    #[max_length = 100]
    session: String,
    #[description = "New time, e.g. tomorrow 15:00 or 24.11. 15:00"]
    #[max_length = 100]
    when: String,
    #[description = "For a series: this session only (default), or this and the following ones"] scope: Option<
        MoveScope,
    >,
) -> Result<(), BotError> {
    ctx.defer_ephemeral().await?;
    let caller = caller(ctx).await?;
    let scope = match scope {
        None | Some(MoveScope::This) => Scope::This,
        Some(MoveScope::Following) => Scope::Following,
    };
    if let Some(ask) = ctx.data().app.move_outside_availability(&caller, &session, &when, scope).await? {
        return send(ctx, ask_answer(&ask, Asking::Move)).await;
    }
    let out = ctx.data().app.reschedule(&caller, &session, &when, scope).await?;
    let failures = tell(ctx, &out.notices).await;
    if let Some((series, moved, left_out)) = &out.following {
        let told = told(&failures, &tr!("cmd-reschedule-series-told", partner = out.partner.to_string()));
        let summary = tr!(
            "cmd-reschedule-series-summary",
            number = out.session.number,
            series = series.describe(),
            zone = series.zone.name()
        );
        let mut embed = serenity::CreateEmbed::new()
            .title(tr!("cmd-reschedule-series-title", count = moved.len()))
            .description(format!("{summary}\n{}\n{told}", read_back(&out.when)))
            .field(tr!("cmd-reschedule-next-sessions"), series_first_times(moved), false);
        if !left_out.is_empty() {
            let name = tr!("cmd-reschedule-left-out", count = left_out.len());
            embed = embed.field(name, series_left_out(left_out, true), false);
        }
        return private(ctx, "", vec![embed]).await;
    }
    let from_to =
        tr!("cmd-reschedule-from-to", from = out.previous_start.timestamp(), to = when_text(out.session.starts_at));
    let told = told(&failures, &tr!("cmd-reschedule-told", partner = out.partner.to_string()));
    let embed = session_embed(&out.session, tr!("cmd-reschedule-moved", number = out.session.number))
        .description(format!("{from_to}\n{}\n{told}", read_back(&out.when)));
    private(ctx, "", vec![embed]).await
}

/// Which sessions of a series `/reschedule` applies to.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum MoveScope {
    #[name = "this"]
    This,
    #[name = "following"]
    Following,
}

/// Which sessions of a series `/cancel` applies to.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum CancelScope {
    #[name = "this"]
    This,
    #[name = "following"]
    Following,
    #[name = "series"]
    Series,
}

/// Cancel one of your upcoming sessions (or the rest of its series); your partner is told.
#[poise::command(slash_command, guild_only)]
pub async fn cancel(
    ctx: Context<'_>,
    #[description = "The session to cancel (pick from the list)"]
    #[autocomplete = "autocomplete::sessions"]
    #[max_length = 100]
    session: String,
    #[description = "Why (shared with your partner)"]
    #[max_length = 200]
    reason: Option<String>,
    #[description = "For a series: this session only (default), this and the following ones, or the whole series"]
    scope: Option<CancelScope>,
) -> Result<(), BotError> {
    ctx.defer_ephemeral().await?;
    let caller = caller(ctx).await?;
    let scope = match scope {
        None | Some(CancelScope::This) => Scope::This,
        Some(CancelScope::Following) => Scope::Following,
        Some(CancelScope::Series) => Scope::Series,
    };
    let out = ctx.data().app.cancel(&caller, &session, reason.as_deref(), scope).await?;
    let failures = tell(ctx, &out.notices).await;
    if let (Some(series), true) = (&out.series, scope != Scope::This) {
        let told = told(&failures, &tr!("cmd-cancel-series-told", partner = out.partner.to_string()));
        let text = tr!(
            "cmd-cancel-series",
            count = out.cancelled.len(),
            series = series.describe(),
            zone = series.zone.name(),
            from = out.session.starts_at.timestamp(),
            told = told
        );
        return private(ctx, text, vec![]).await;
    }
    let told = told(&failures, &tr!("cmd-cancel-told", partner = out.partner.to_string()));
    let text =
        tr!("cmd-cancel-done", number = out.session.number, start = out.session.starts_at.timestamp(), told = told);
    private(ctx, text, vec![]).await
}
