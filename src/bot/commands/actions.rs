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
    tr,
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
    send(ctx, changed_answer(&out, "done")).await
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
    let change = match out.item.status {
        _ if out.when.is_some() => "deadline",
        ActionStatus::Open => "open",
        ActionStatus::Done => "done",
        ActionStatus::Blocked => "blocked",
        ActionStatus::Dropped => "dropped",
    };
    send(ctx, changed_answer(&out, change)).await
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
    let intro = tr!(
        "cmd-action-history-intro",
        owner = item.owner_id.to_string(),
        status = item.status.to_string(),
        overdue = if item.is_overdue(history.now) { "yes" } else { "no" },
        deadline = item.deadline_at.timestamp(),
        changes = history.events.len()
    );
    let title = tr!("cmd-action-history-title", id = item.short_id(), title = item.title.as_str());
    Answer::default().pages(layout::pages(&title, &intro, &sections))
}

fn event_name(n: usize, event: &ActionEvent) -> String {
    match event.change {
        ChangeKind::Created => tr!("cmd-action-event-created", n = n),
        ChangeKind::Deadline => tr!("cmd-action-event-deadline-moved", n = n),
        ChangeKind::Status => tr!(
            "cmd-action-event-status",
            n = n,
            old = event.old_value.as_deref().unwrap_or("?"),
            new = event.new_value.as_deref().unwrap_or("?")
        ),
    }
}

fn event_body(event: &ActionEvent) -> String {
    let at = event.at.timestamp();
    let mut body = tr!("cmd-action-event-by", at = at, by = event.by.to_string());
    let instant = |v: &Option<String>| v.as_deref().and_then(|s| s.parse::<i64>().ok()).map(|t| format!("<t:{t}:F>"));
    match event.change {
        ChangeKind::Created => {
            if let Some(deadline) = instant(&event.new_value) {
                body = format!("{body}\n{}", tr!("cmd-action-event-deadline", deadline = deadline));
            }
        }
        ChangeKind::Deadline => {
            let (old, new) = (instant(&event.old_value), instant(&event.new_value));
            let (old, new) = (old.as_deref().unwrap_or("?"), new.as_deref().unwrap_or("?"));
            body = format!("{body}\n{}", tr!("cmd-action-event-moved", old = old, new = new));
        }
        ChangeKind::Status => {}
    }
    if let Some(reason) = &event.reason {
        body = format!("{body}\n{}", tr!("cmd-action-event-why", reason = reason.as_str()));
    }
    body
}

/// One item in full.
pub fn item_text(item: &ActionItem, zone: chrono_tz::Tz) -> String {
    let local = item.deadline_at.with_timezone(&zone);
    let mut text = tr!(
        "cmd-action-item",
        owner = item.owner_id.mention(),
        local = crate::domain::dates::list_date_time(local.naive_local()),
        deadline = item.deadline_at.timestamp(),
        zone = zone.name(),
        offset = describe_offset(item.deadline_at, zone),
        status = item.status.to_string()
    );
    if let Some(reason) = &item.status_reason {
        text = format!("{text} — {reason}");
    }
    if let Some(success) = &item.success {
        text = format!("{text}\n{}", tr!("cmd-action-success", success = success.as_str()));
    }
    text
}

/// The answer after a change: what the item looks like now. `change` says what happened:
/// `added`, `done`, `deadline` (a new one), `open`, `blocked` or `dropped`.
pub fn changed_answer(out: &ActionOutcome, change: &str) -> Answer {
    let item = &out.item;
    let pages = layout::pages(
        &format!("{} · {}", item.short_id(), item.title),
        &format!("{}\n{}", item_text(item, out.owner_zone), tr!("cmd-action-owner-zone-note")),
        &[],
    );
    Answer::text(tr!("cmd-action-changed", id = item.short_id(), change = change)).pages(pages)
}

fn list_answer(list: &ActionList, filter: ActionFilter) -> Answer {
    if list.items.is_empty() {
        return Answer::text(empty_list(filter));
    }
    let sections: Vec<Section> = list
        .items
        .iter()
        .map(|a| {
            let (id, title) = (a.short_id(), a.title.as_str());
            let name = if a.is_overdue(list.now) {
                tr!("cmd-action-list-item-overdue", id = id, title = title)
            } else {
                tr!("cmd-action-list-item", id = id, title = title)
            };
            Section::new(name, item_text(a, list.zone))
        })
        .collect();
    let title = list_title(filter);
    Answer::default().pages(layout::pages(&title, &tr!("cmd-action-list-intro"), &sections))
}

/// What an empty list says, with how to add an item.
fn empty_list(filter: ActionFilter) -> String {
    match filter {
        ActionFilter::Open => tr!("cmd-action-empty-open"),
        ActionFilter::Overdue => tr!("cmd-action-empty-overdue"),
        ActionFilter::Done => tr!("cmd-action-empty-done"),
        ActionFilter::Mine => tr!("cmd-action-empty-mine"),
        ActionFilter::All => tr!("cmd-action-empty-all"),
    }
}

/// The title of a list.
fn list_title(filter: ActionFilter) -> String {
    match filter {
        ActionFilter::Open => tr!("cmd-action-list-open"),
        ActionFilter::Overdue => tr!("cmd-action-list-overdue"),
        ActionFilter::Done => tr!("cmd-action-list-done"),
        ActionFilter::Mine => tr!("cmd-action-list-mine"),
        ActionFilter::All => tr!("cmd-action-list-all"),
    }
}
