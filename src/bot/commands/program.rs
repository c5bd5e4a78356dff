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
    let verb = if outcome.created { "Started" } else { "Updated" };
    let p = &outcome.program;
    let timeline = timeline.map(|t| format!("\n{}", timeline_line(&t))).unwrap_or_default();
    let coordinators = p.coordinator_role.map_or_else(|| "none".to_owned(), |r| format!("<@&{r}>"));
    let retention = p.retain_ended.unwrap_or(ctx.data().app.retain_ended);
    private(
        ctx,
        format!(
            "✅ {verb} the mentoring program. Channel: <#{}>, time zone: {}, coordinator role: {coordinators}; \
             the content of ended pairings is deleted {} after they end.{timeline}\n\
             Next: mentors and mentees `/join`, then you `/pair mentor:@… mentee:@…`.",
            p.channel_id,
            p.zone.name(),
            if retention.num_seconds() % 86_400 == 0 {
                format!("{} days", retention.num_days())
            } else {
                format_duration(retention)
            },
        ),
        vec![],
    )
    .await
}

/// `📅 Mon 04 Jan 2027 – Sun 28 Mar 2027 (12 weeks) · week 5 of 12`, with what it implies.
fn timeline_line(t: &TimelineStatus) -> String {
    let tl = &t.timeline;
    let position = match t.position {
        Position::Before { days } => format!("starts in {days} day{}", if days == 1 { "" } else { "s" }),
        Position::Week { week, of } => format!("week {week} of {of}"),
        Position::After => "ended".to_owned(),
    };
    format!(
        "📅 {} – {} ({} weeks) · **{position}**. Each pair gets a midpoint review halfway through its time and the \
         final review a week before the end, by DM.",
        tl.starts_on.format("%a %d %b %Y"),
        tl.ends_on.format("%a %d %b %Y"),
        tl.total_weeks()
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
    let mut embed = serenity::CreateEmbed::new().title("Scheduler settings");
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
            let text = format!("✅ `{}` is now `{}`. Sessions booked from now on use it.", short(&name), short(&value));
            private(ctx, text, vec![settings_embed(&timings)]).await
        }
        (Some(name), None) => {
            // The same checks as a change: admins only, and only names that exist.
            app.program_settings(&caller).await?;
            let name = name.trim();
            if name != "quiet_hours" && !TIMING_KEYS.contains(&name) {
                return Err(UserError::from(SettingError::UnknownKey(name.to_owned())).into());
            }
            private(ctx, format!("Give a `value` for `{}`.", short(name)), vec![]).await
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
        None => "🔕 The weekly nudge is off. Turn it on again with `/program nudges schedule:…`.".to_owned(),
        Some(s) => {
            let next: Vec<String> = out
                .next
                .iter()
                .map(|t| {
                    format!(
                        "• {} (<t:{}:R>)",
                        t.with_timezone(&out.program.zone).format("%a %d %b %Y %H:%M %Z"),
                        t.timestamp()
                    )
                })
                .collect();
            format!(
                "📣 Weekly nudge `{}` in <#{}>, evaluated in {}. Next:\n{}",
                s.expr(),
                out.channel,
                out.program.zone.name(),
                next.join("\n")
            )
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
    let next =
        c.next_due.map_or_else(|| "nothing planned".to_owned(), |t| format!("<t:{0}:F> (<t:{0}:R>)", t.timestamp()));
    let failures: Vec<String> = s
        .failed
        .iter()
        .map(|j| {
            let who = j.recipient.map_or_else(|| "channel".to_owned(), |u| format!("<@{u}>"));
            format!("• {} to {who}: {}", j.kind, j.last_error.as_deref().unwrap_or("unknown error"))
        })
        .collect();
    let health = &ctx.data().app.delivery;
    let state = if health.unauthorized() {
        "⛔ Discord refuses the bot's token: nothing is being sent. The operator must set a valid \
         `DISCORD_TOKEN` and restart the bot; reminders wait in the queue."
            .to_owned()
    } else if let Some(t) = health.paused_until() {
        format!("⏸️ Discord is failing; delivery is paused and retried <t:{}:R>. Nothing is lost.", t.timestamp())
    } else {
        "✅ Delivering.".to_owned()
    };
    let mut embed = serenity::CreateEmbed::new()
        .title("Reminder delivery")
        .description(state)
        .field("Pending", c.pending.to_string(), true)
        .field("Sent", c.sent.to_string(), true)
        .field("Failed", c.failed.to_string(), true)
        .field("Skipped", c.skipped.to_string(), true);
    if c.set_aside > 0 {
        embed = embed.field("Set aside (unknown kind; a newer version may send them)", c.set_aside.to_string(), true);
    }
    let a = &s.attendance;
    let c = &a.counts;
    let sessions = format!(
        "held {} · missed {} · unconfirmed {} · awaiting an answer {}",
        c.held, c.missed, c.unconfirmed, c.awaiting
    );
    let usefulness = a.average_rating.map_or_else(
        || format!("shown once {MIN_RATINGS_SHOWN} ratings exist"),
        |avg| format!("{avg:.1} of 5 on average, program-wide"),
    );
    let embed = embed.field(format!("Sessions that ended (last {STATUS_WEEKS} weeks)"), sessions, false).field(
        "How useful sessions were",
        usefulness,
        false,
    );
    let embed = match &s.timeline {
        Some(t) => embed.field("Program timeline", timeline_line(t), false),
        None => {
            embed.field("Program timeline", "No dates yet: `/program setup starts:… ends:…` (or `length:`).", false)
        }
    };
    let embed = embed.field("Next due", next, false).field(
        "Recent failed deliveries",
        if failures.is_empty() { "None.".to_owned() } else { failures.join("\n") },
        false,
    );
    private(ctx, "", vec![embed]).await
}
