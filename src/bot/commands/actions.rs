//! `/action add|list|done|update|history`.

use poise::serenity_prelude as serenity;

use super::autocomplete;
use crate::{
    app::{ActionFilter, ActionHistory, ActionInput, ActionList, ActionOutcome, SessionPick},
    bot::{
        answer::{send, show_modal, Answer},
        caller::{caller, person},
        modals, BotError, Context,
    },
    domain::{
        action::{ActionEvent, ActionItem, ActionStatus, ChangeKind},
        layout::{self, Section},
        local_time::describe_offset,
    },
    render::components::{action_buttons, Form},
};

/// Action items: what each of you agreed to do, by when.
#[poise::command(
    slash_command,
    guild_only,
    subcommands("add", "list", "done", "update", "history"),
    subcommand_required
)]
pub async fn action(_ctx: Context<'_>) -> Result<(), BotError> {
    Ok(())
}

/// Which items to list.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum Filter {
    #[name = "open"]
    Open,
    #[name = "overdue"]
    Overdue,
    #[name = "done"]
    Done,
    #[name = "mine"]
    Mine,
    #[name = "all"]
    All,
}

/// A new status.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum Status {
    #[name = "blocked"]
    Blocked,
    #[name = "dropped"]
    Dropped,
    #[name = "open"]
    Open,
    #[name = "done"]
    Done,
}

/// Add an action item (deadline in the owner's zone); without success:, a form asks for it.
#[poise::command(slash_command, guild_only)]
#[allow(clippy::too_many_arguments)]
pub async fn add(
    ctx: Context<'_>,
    #[description = "What will be done"]
    #[max_length = 200]
    title: String,
    #[description = "Who does it: me, partner, or your partner's @mention"]
    #[autocomplete = "autocomplete::owners"]
    #[max_length = 100]
    owner: String,
    #[description = "By when, in the owner's time zone: fri, 1.12., in 3 days, 2026-12-01 18:00"]
    #[max_length = 100]
    deadline: String,
    #[description = "How you will know it is done"]
    #[max_length = 1000]
    success: Option<String>,
    #[description = "The session it was agreed in"]
    #[autocomplete = "autocomplete::changeable_sessions"]
    #[max_length = 100]
    session: Option<String>,
    #[description = "The goal it serves"]
    #[autocomplete = "autocomplete::open_goals"]
    #[max_length = 100]
    goal: Option<String>,
) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let input = ActionInput {
        title: &title,
        owner: &owner,
        deadline: &deadline,
        success: success.as_deref(),
        session: session.as_deref().map(SessionPick::Typed),
        goal: goal.as_deref(),
    };
    if success.is_none() {
        // The long field goes in a form; what was given is checked first and pre-filled.
        let (session, goal) = ctx.data().app.precheck_action(&caller, input).await?;
        let form = Form::Action { session, goal };
        return show_modal(ctx, modals::action_form(form, &title, &owner, &deadline)).await;
    }
    let out = ctx.data().app.add_action(&caller, input).await?;
    send(ctx, changed_answer(&out, "added")).await
}

/// List your pair's action items, with buttons for your own open ones.
#[poise::command(slash_command, guild_only)]
pub async fn list(
    ctx: Context<'_>,
    #[description = "Which items (default: open)"] filter: Option<Filter>,
    #[description = "Only the items with this partner"]
    #[rename = "with"]
    with_user: Option<serenity::User>,
) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let filter = match filter.unwrap_or(Filter::Open) {
        Filter::Open => ActionFilter::Open,
        Filter::Overdue => ActionFilter::Overdue,
        Filter::Done => ActionFilter::Done,
        Filter::Mine => ActionFilter::Mine,
        Filter::All => ActionFilter::All,
    };
    let with = with_user.as_ref().map(|u| person(u).id);
    let list = ctx.data().app.list_actions(&caller, filter, with).await?;
    let mine: Vec<&ActionItem> =
        list.items.iter().filter(|a| a.owner_id == caller.user_id && a.status.is_pending()).take(5).collect();
    let buttons = mine.into_iter().map(action_buttons).collect();
    send(ctx, list_answer(&list, filter).components(buttons)).await
}

/// Mark an action item done.
#[poise::command(slash_command, guild_only)]
pub async fn done(
    ctx: Context<'_>,
    #[description = "The item (pick from the list, or type its id like A3)"]
    #[autocomplete = "autocomplete::actions"]
    #[max_length = 100]
    item: String,
) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let out = ctx.data().app.complete_action(&caller, &item).await?;
    send(ctx, changed_answer(&out, "is done 🎉")).await
}

/// Change an action item: a new deadline, or a status (blocked or dropped need a reason).
#[poise::command(slash_command, guild_only)]
pub async fn update(
    ctx: Context<'_>,
    #[description = "The item (pick from the list, or type its id like A3)"]
    #[autocomplete = "autocomplete::actions"]
    #[max_length = 100]
    item: String,
    #[description = "New deadline, in the owner's time zone"]
    #[max_length = 100]
    deadline: Option<String>,
    #[description = "New status"] status: Option<Status>,
    #[description = "Why (needed for blocked and dropped)"]
    #[max_length = 1000]
    reason: Option<String>,
) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let status = status.map(|s| match s {
        Status::Blocked => ActionStatus::Blocked,
        Status::Dropped => ActionStatus::Dropped,
        Status::Open => ActionStatus::Open,
        Status::Done => ActionStatus::Done,
    });
    let out = ctx.data().app.update_action(&caller, &item, deadline.as_deref(), status, reason.as_deref()).await?;
    let verb = match out.item.status {
        _ if out.when.is_some() => "has a new deadline",
        ActionStatus::Open => "is open again",
        ActionStatus::Done => "is done 🎉",
        ActionStatus::Blocked => "is blocked",
        ActionStatus::Dropped => "is dropped",
    };
    send(ctx, changed_answer(&out, verb)).await
}

/// Every change of an action item: created, deadlines moved, status changes, who and why.
#[poise::command(slash_command, guild_only)]
pub async fn history(
    ctx: Context<'_>,
    #[description = "The item (pick from the list, or type its id like A3)"]
    #[autocomplete = "autocomplete::any_actions"]
    #[max_length = 100]
    item: String,
) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let history = ctx.data().app.action_history(&caller, &item).await?;
    send(ctx, history_answer(&history)).await
}

/// An item's history as pages: one section per change, oldest first, nothing cut.
fn history_answer(history: &ActionHistory) -> Answer {
    let item = &history.item;
    let sections: Vec<Section> =
        history.events.iter().enumerate().map(|(i, e)| Section::new(event_name(i + 1, e), event_body(e))).collect();
    let overdue = if item.is_overdue(history.now) { " · ⚠️ overdue" } else { "" };
    let intro = format!(
        "Owner: <@{}> · now {}{overdue} · deadline <t:{}:F>\n{} change(s), oldest first; times in your time zone.",
        item.owner_id,
        item.status,
        item.deadline_at.timestamp(),
        history.events.len()
    );
    Answer::default().pages(layout::pages(
        &format!("History of {} · {}", item.short_id(), item.title),
        &intro,
        &sections,
    ))
}

fn event_name(n: usize, event: &ActionEvent) -> String {
    match event.change {
        ChangeKind::Created => format!("{n}. Created"),
        ChangeKind::Deadline => format!("{n}. Deadline moved"),
        ChangeKind::Status => format!(
            "{n}. Status: {} → {}",
            event.old_value.as_deref().unwrap_or("?"),
            event.new_value.as_deref().unwrap_or("?")
        ),
    }
}

fn event_body(event: &ActionEvent) -> String {
    let at = event.at.timestamp();
    let mut body = format!("<t:{at}:f> (<t:{at}:R>) by <@{}>", event.by);
    let instant = |v: &Option<String>| v.as_deref().and_then(|s| s.parse::<i64>().ok()).map(|t| format!("<t:{t}:F>"));
    match event.change {
        ChangeKind::Created => {
            if let Some(deadline) = instant(&event.new_value) {
                body = format!("{body}\nDeadline: {deadline}");
            }
        }
        ChangeKind::Deadline => {
            let (old, new) = (instant(&event.old_value), instant(&event.new_value));
            body = format!("{body}\nFrom {} to {}", old.as_deref().unwrap_or("?"), new.as_deref().unwrap_or("?"));
        }
        ChangeKind::Status => {}
    }
    if let Some(reason) = &event.reason {
        body = format!("{body}\nWhy: {reason}");
    }
    body
}

/// One item in full.
pub fn item_text(item: &ActionItem, zone: chrono_tz::Tz) -> String {
    let local = item.deadline_at.with_timezone(&zone);
    let mut text = format!(
        "Owner: {0}\nDeadline: <t:{2}:F> (<t:{2}:R>) · {1} {3} ({4})\nStatus: {5}",
        item.owner_id.mention(),
        local.format("%a %d %b %Y %H:%M"),
        item.deadline_at.timestamp(),
        zone.name(),
        describe_offset(item.deadline_at, zone),
        item.status
    );
    if let Some(reason) = &item.status_reason {
        text = format!("{text} — {reason}");
    }
    if let Some(success) = &item.success {
        text = format!("{text}\nSuccess looks like: {success}");
    }
    text
}

/// The answer after a change: what the item looks like now.
pub fn changed_answer(out: &ActionOutcome, verb: &str) -> Answer {
    let item = &out.item;
    let pages = layout::pages(
        &format!("{} · {}", item.short_id(), item.title),
        &format!("{}\n(Deadline shown in the owner's time zone.)", item_text(item, out.owner_zone)),
        &[],
    );
    Answer::text(format!("✅ {} {verb}.", item.short_id())).pages(pages)
}

fn list_answer(list: &ActionList, filter: ActionFilter) -> Answer {
    if list.items.is_empty() {
        return Answer::text(format!("{} Add one with `/action add`.", empty_list(filter)));
    }
    let sections: Vec<Section> = list
        .items
        .iter()
        .map(|a| {
            let overdue = if a.is_overdue(list.now) { " ⚠️ overdue" } else { "" };
            Section::new(format!("{} · {}{overdue}", a.short_id(), a.title), item_text(a, list.zone))
        })
        .collect();
    let title = list_title(filter);
    Answer::default().pages(layout::pages(title, "Deadlines are also shown in your time zone.", &sections))
}

/// What an empty list says, as a sentence.
fn empty_list(filter: ActionFilter) -> &'static str {
    match filter {
        ActionFilter::Open => "No open action items.",
        ActionFilter::Overdue => "No overdue action items.",
        ActionFilter::Done => "No action items are done yet.",
        ActionFilter::Mine => "You have no open action items.",
        ActionFilter::All => "No action items yet.",
    }
}

/// The title of a list.
fn list_title(filter: ActionFilter) -> &'static str {
    match filter {
        ActionFilter::Open => "Open action items",
        ActionFilter::Overdue => "Overdue action items",
        ActionFilter::Done => "Done action items",
        ActionFilter::Mine => "Your open action items",
        ActionFilter::All => "All action items",
    }
}
