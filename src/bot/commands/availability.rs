//! `/availability set|show|away`: weekly slots in your zone, shown in the viewer's zone, and
//! away periods (holidays) in which nothing can be booked; your own view lists them with a
//! Remove button each (`away:remove:<id>`, answered in `interactions.rs`, owner only).

use poise::serenity_prelude as serenity;

use crate::{
    app::AvailabilityView,
    bot::{
        answer::{send, Answer},
        caller::{caller, person},
        reply::private,
        BotError, Context,
    },
    domain::text::short,
    render::components::away_remove_buttons,
    tr,
};

/// When you can meet: weekly slots in your time zone, and holidays.
#[poise::command(slash_command, guild_only, subcommands("set", "show", "away"), subcommand_required)]
pub async fn availability(_ctx: Context<'_>) -> Result<(), BotError> {
    Ok(())
}

/// Replace your weekly availability (times in your time zone); `none` clears it.
#[poise::command(slash_command, guild_only)]
pub async fn set(
    ctx: Context<'_>,
    #[description = "Weekly slots, e.g. mon 18:00-20:00, thu 12:00-13:30, sat 10-12 (or none)"]
    #[max_length = 1000]
    slots: String,
) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let (slots, zone) = ctx.data().app.set_availability(&caller, &slots).await?;
    let text = if slots.is_empty() {
        tr!("cmd-availability-cleared")
    } else {
        let list: Vec<String> = slots.iter().map(ToString::to_string).collect();
        format!("{}\n{}", tr!("cmd-availability-set", zone = zone.name()), list.join("\n"))
    };
    private(ctx, text, vec![]).await
}

/// Show someone's weekly availability (yours by default) in your time zone, and when they are away.
#[poise::command(slash_command, guild_only)]
pub async fn show(
    ctx: Context<'_>,
    #[description = "Whose availability (default: yours)"] user: Option<serenity::User>,
) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let who = user.as_ref().map(person);
    let view = ctx.data().app.show_availability(&caller, who.as_ref()).await?;
    send(ctx, show_answer(&view, "")).await
}

/// What `/availability show` shows, after `intro`: your own away periods come with a Remove
/// button each (the first five).
pub fn show_answer(view: &AvailabilityView, intro: &str) -> Answer {
    let text = show_text(view);
    let text = if intro.is_empty() { text } else { format!("{intro}\n{text}") };
    if !view.own {
        return Answer::text(text);
    }
    let zone = view.viewer_zone;
    let day = |t: chrono::DateTime<chrono::Utc>| crate::domain::dates::day_month(t.with_timezone(&zone).date_naive());
    let periods: Vec<(i64, String)> = view
        .away
        .iter()
        .map(|(id, a)| (*id, format!("{}–{}", day(a.start), day(a.end - chrono::Duration::seconds(1)))))
        .collect();
    Answer::text(text).components(away_remove_buttons(&periods))
}

fn show_text(view: &AvailabilityView) -> String {
    let (own, owner) = (if view.own { "yes" } else { "no" }, view.owner.to_string());
    let mut text = if view.slots.is_empty() {
        tr!("cmd-availability-not-set", own = own, owner = owner)
    } else {
        let (zone, owner_zone) = (view.viewer_zone.name(), view.owner_zone.name());
        let heading = if view.owner_zone == view.viewer_zone {
            tr!("cmd-availability-slots", own = own, owner = owner, zone = zone)
        } else {
            tr!("cmd-availability-slots-other-zone", own = own, owner = owner, zone = zone, owner_zone = owner_zone)
        };
        format!("{heading}\n{}", view.slots.join("\n"))
    };
    if !view.away.is_empty() {
        let lines: Vec<String> = view
            .away
            .iter()
            .take(10)
            .map(|(_, a)| {
                let note = a.note.as_deref().map(|n| format!(" · {}", short(n))).unwrap_or_default();
                let period =
                    tr!("cmd-availability-away-period", from = a.start.timestamp(), to = a.end.timestamp() - 1);
                format!("\n{period}{note}")
            })
            .collect();
        text = format!("{text}\n{}{}", tr!("cmd-availability-away-heading"), lines.concat());
    }
    text
}

/// Mark days you are away (a holiday): nothing can be booked with you then.
#[poise::command(slash_command, guild_only)]
pub async fn away(
    ctx: Context<'_>,
    #[description = "First day away, in your time zone, e.g. 2026-12-21 or 21.12."]
    #[max_length = 100]
    from: String,
    #[description = "Last day away, e.g. 2027-01-03 or 3.1."]
    #[max_length = 100]
    to: String,
    #[description = "A note for yourself (only you see it)"]
    #[max_length = 200]
    note: Option<String>,
) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let out = ctx.data().app.add_away(&caller, &from, &to, note.as_deref()).await?;
    let mut text = tr!(
        "cmd-availability-away-added",
        from = out.period.start.timestamp(),
        to = out.period.end.timestamp() - 1,
        zone = out.zone.name()
    );
    if out.sessions_inside > 0 {
        text = format!("{text}\n{}", tr!("cmd-availability-away-sessions", count = out.sessions_inside));
    }
    private(ctx, text, vec![]).await
}
