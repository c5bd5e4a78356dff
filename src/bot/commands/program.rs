//! `/program ...`: admin commands for the guild's program.

use poise::serenity_prelude as serenity;

use super::autocomplete;
use crate::{
    app::{SetupInput, TimelineOptions, TimelineStatus, UserError, STATUS_WEEKS},
    bot::{
        answer::show_modal,
        caller::caller,
        reply::private,
        shape::{outline_modal, outline_text},
        BotError, Context,
    },
    domain::{
        attendance::MIN_RATINGS_SHOWN,
        ids::{ChannelId, RoleId},
        settings::{format_duration, SettingError, Timings, TIMING_KEYS},
        text::short,
        timeline::Position,
    },
    tr,
};

/// A text channel option, or the error saying it must be one.
fn text_channel(channel: &serenity::PartialChannel) -> Result<ChannelId, BotError> {
    match channel.kind {
        serenity::ChannelType::Text | serenity::ChannelType::News => Ok(ChannelId(channel.id.get())),
        _ => Err(UserError::NotATextChannel(channel.id.get()).into()),
    }
}

/// Manage this server's mentoring program (admins).
#[poise::command(
    slash_command,
    guild_only,
    default_member_permissions = "MANAGE_GUILD",
    subcommands(
        "setup",
        "settings",
        "nudges",
        "status",
        "outline",
        "super::report::report",
        "super::report::digest",
        "super::matching::tags"
    ),
    subcommand_required
)]
pub async fn program(_ctx: Context<'_>) -> Result<(), BotError> {
    Ok(())
}

/// Create or update the program: channel, zone, dates, coordinator role, retention (admins only).
#[poise::command(slash_command, guild_only)]
#[allow(clippy::too_many_arguments)] // one parameter per command option
pub async fn setup(
    ctx: Context<'_>,
    #[description = "Channel for program announcements and weekly nudges"]
    #[channel_types("Text")]
    channel: serenity::PartialChannel,
    #[description = "The program's time zone (IANA name, e.g. Europe/Berlin)"]
    #[autocomplete = "autocomplete::zones"]
    #[max_length = 64]
    timezone: String,
    #[description = "The program's first day, e.g. 2027-01-11 (in its time zone)"]
    #[max_length = 20]
    starts: Option<String>,
    #[description = "The program's last day, e.g. 2027-04-04 (or give length)"]
    #[max_length = 20]
    ends: Option<String>,
    #[description = "Or the program's length in weeks (1-104)"]
    #[max_length = 4]
    length: Option<String>,
    #[description = "Members with this role administer the program (besides Manage Server)"] coordinator_role: Option<
        serenity::Role,
    >,
    #[description = "Delete content of pairings that ended this long ago, e.g. 365days (`default`: bot setting)"]
    #[max_length = 40]
    retain_ended: Option<String>,
) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let input = SetupInput {
        channel: text_channel(&channel)?,
        zone: &timezone,
        coordinator_role: coordinator_role.as_ref().map(|r| RoleId(r.id.get())),
        retain_ended: retain_ended.as_deref(),
    };
    let dates = TimelineOptions { starts: starts.as_deref(), ends: ends.as_deref(), length: length.as_deref() };
    let (outcome, timeline) = ctx.data().app.setup_program_shaped(&caller, input, dates).await?;
    let p = &outcome.program;
    let timeline = timeline.map(|t| format!("\n{}", timeline_line(&t))).unwrap_or_default();
    let coordinators = p.coordinator_role.map_or_else(|| tr!("cmd-setup-no-coordinator"), |r| format!("<@&{r}>"));
    let retention = p.retain_ended.unwrap_or(ctx.data().app.retain_ended);
    let retention = if retention.num_seconds() % 86_400 == 0 {
        tr!("cmd-setup-retention-days", days = retention.num_days())
    } else {
        format_duration(retention)
    };
    let done = tr!(
        "cmd-setup-done",
        created = if outcome.created { "yes" } else { "no" },
        channel = p.channel_id.to_string(),
        zone = p.zone.name(),
        coordinators = coordinators,
        retention = retention
    );
    private(ctx, format!("{done}{timeline}\n{}", tr!("cmd-setup-next")), vec![]).await
}

/// `📅 Mon 04 Jan 2027 – Sun 28 Mar 2027 (12 weeks) · week 5 of 12`, with what it implies.
fn timeline_line(t: &TimelineStatus) -> String {
    let tl = &t.timeline;
    let (position, days, week, of) = match t.position {
        Position::Before { days } => ("before", days, 0, 0),
        Position::Week { week, of } => ("week", 0, week, of),
        Position::After => ("ended", 0, 0, 0),
    };
    tr!(
        "cmd-timeline",
        starts = crate::domain::dates::list_date(tl.starts_on),
        ends = crate::domain::dates::list_date(tl.ends_on),
        weeks = tl.total_weeks(),
        position = position,
        days = days,
        week = week,
        of = of
    )
}

/// Show the session outline; admins can replace it (a form, one step a line).
#[poise::command(slash_command, guild_only)]
pub async fn outline(
    ctx: Context<'_>,
    #[description = "Replace the outline (admins): opens a form with the current one"] replace: Option<bool>,
) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let app = &ctx.data().app;
    if replace.unwrap_or(false) {
        let current = app.outline_form(&caller).await?;
        return show_modal(ctx, outline_modal(caller.guild_id, &current)).await;
    }
    let (outline, replaced) = app.program_outline(&caller).await?;
    private(ctx, outline_text(&outline, replaced), vec![]).await
}

/// Names users pick from in `/program settings`.
async fn setting_names(_ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let choices = TIMING_KEYS
        .iter()
        .chain(std::iter::once(&"quiet_hours"))
        .filter(|k| k.contains(partial.trim()))
        .map(|k| serenity::AutocompleteChoice::from(*k))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

fn settings_embed(t: &Timings) -> serenity::CreateEmbed {
    let mut embed = serenity::CreateEmbed::new().title(tr!("cmd-settings-title"));
    for key in TIMING_KEYS {
        let value = t.get(key).map(format_duration).unwrap_or_default();
        embed = embed.field(key, value, true);
    }
    embed.field("quiet_hours", t.quiet_hours.to_string(), true)
}

/// Show or change the reminder timings and quiet hours of this program (admins only).
#[poise::command(slash_command, guild_only)]
pub async fn settings(
    ctx: Context<'_>,
    #[description = "The setting to change (leave empty to see all)"]
    #[autocomplete = "setting_names"]
    #[max_length = 64]
    name: Option<String>,
    #[description = "New value: a duration like 24h, 90m, 2days; quiet hours like 21:00-08:00 or off"]
    #[max_length = 40]
    value: Option<String>,
) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let app = &ctx.data().app;
    match (name, value) {
        (Some(name), Some(value)) => {
            let (_, timings) = app.change_setting(&caller, name.trim(), &value).await?;
            let text = tr!("cmd-settings-changed", name = short(&name), value = short(&value));
            private(ctx, text, vec![settings_embed(&timings)]).await
        }
        (Some(name), None) => {
            // The same checks as a change: admins only, and only names that exist.
            app.program_settings(&caller).await?;
            let name = name.trim();
            if name != "quiet_hours" && !TIMING_KEYS.contains(&name) {
                return Err(UserError::from(SettingError::UnknownKey(name.to_owned())).into());
            }
            private(ctx, tr!("cmd-settings-give-value", name = short(name)), vec![]).await
        }
        (None, _) => {
            let (_, timings) = app.program_settings(&caller).await?;
            private(ctx, "", vec![settings_embed(&timings)]).await
        }
    }
}

/// Set the weekly nudge schedule and channel, or turn it off (admins only).
#[poise::command(slash_command, guild_only)]
pub async fn nudges(
    ctx: Context<'_>,
    #[description = "Cron schedule in the program's zone, e.g. 0 9 * * Mon (Mondays 09:00)"]
    #[max_length = 100]
    schedule: Option<String>,
    #[description = "Channel for the weekly post (default: the program channel)"]
    #[channel_types("Text")]
    channel: Option<serenity::PartialChannel>,
    #[description = "Turn the weekly nudge off"] off: Option<bool>,
) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let channel = channel.as_ref().map(text_channel).transpose()?;
    let out = ctx.data().app.set_nudges(&caller, schedule.as_deref(), channel, off.unwrap_or(false)).await?;
    let text = match &out.schedule {
        None => tr!("cmd-nudges-off"),
        Some(s) => {
            let next: Vec<String> = out
                .next
                .iter()
                .map(|t| {
                    let local = t.with_timezone(&out.program.zone);
                    let when = crate::domain::dates::list_date_time(local.naive_local());
                    format!("• {when} {} (<t:{}:R>)", local.format("%Z"), t.timestamp())
                })
                .collect();
            let heading = tr!(
                "cmd-nudges-on",
                schedule = s.expr(),
                channel = out.channel.to_string(),
                zone = out.program.zone.name()
            );
            format!("{heading}\n{}", next.join("\n"))
        }
    };
    private(ctx, text, vec![]).await
}

/// Delivery of reminders (pending, sent, failed, skipped, recent failures) and attendance (admins).
#[poise::command(slash_command, guild_only)]
pub async fn status(ctx: Context<'_>) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let s = ctx.data().app.program_status(&caller).await?;
    let c = &s.counts;
    let next = c
        .next_due
        .map_or_else(|| tr!("cmd-status-nothing-planned"), |t| format!("<t:{0}:F> (<t:{0}:R>)", t.timestamp()));
    let failures: Vec<String> = s
        .failed
        .iter()
        .map(|j| {
            let who = j.recipient.map_or_else(|| tr!("cmd-status-to-channel"), |u| format!("<@{u}>"));
            let error = j.last_error.clone().unwrap_or_else(|| tr!("cmd-status-unknown-error"));
            tr!("cmd-status-failure", kind = j.kind.to_string(), who = who, error = error)
        })
        .collect();
    let health = &ctx.data().app.delivery;
    let state = if health.unauthorized() {
        tr!("cmd-status-unauthorized")
    } else if let Some(t) = health.paused_until() {
        tr!("cmd-status-paused", until = t.timestamp())
    } else {
        tr!("cmd-status-delivering")
    };
    let mut embed = serenity::CreateEmbed::new()
        .title(tr!("cmd-status-title"))
        .description(state)
        .field(tr!("cmd-status-pending"), c.pending.to_string(), true)
        .field(tr!("cmd-status-sent"), c.sent.to_string(), true)
        .field(tr!("cmd-status-failed"), c.failed.to_string(), true)
        .field(tr!("cmd-status-skipped"), c.skipped.to_string(), true);
    if c.set_aside > 0 {
        embed = embed.field(tr!("cmd-status-set-aside"), c.set_aside.to_string(), true);
    }
    let a = &s.attendance;
    let c = &a.counts;
    let sessions = tr!(
        "cmd-status-sessions",
        held = c.held,
        missed = c.missed,
        unconfirmed = c.unconfirmed,
        awaiting = c.awaiting
    );
    let usefulness = a.average_rating.map_or_else(
        || tr!("cmd-status-rating-hidden", min = MIN_RATINGS_SHOWN),
        |avg| tr!("cmd-status-rating", average = format!("{avg:.1}")),
    );
    let embed = embed.field(tr!("cmd-status-sessions-name", weeks = STATUS_WEEKS), sessions, false).field(
        tr!("cmd-status-rating-name"),
        usefulness,
        false,
    );
    let timeline = match &s.timeline {
        Some(t) => timeline_line(t),
        None => tr!("cmd-status-no-dates"),
    };
    let embed = embed.field(tr!("cmd-status-timeline-name"), timeline, false);
    let failures = if failures.is_empty() { tr!("cmd-status-no-failures") } else { failures.join("\n") };
    let embed =
        embed.field(tr!("cmd-status-next-due"), next, false).field(tr!("cmd-status-failures-name"), failures, false);
    private(ctx, "", vec![embed]).await
}
