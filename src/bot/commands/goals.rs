//! `/goal add|list|progress|close|milestone|milestone_done`.

use poise::serenity_prelude as serenity;

use super::autocomplete;
use crate::{
    app::{GoalInput, GoalList},
    bot::{
        answer::{send, show_modal, Answer},
        caller::{caller, person},
        modals, BotError, Context,
    },
    domain::{
        goal::{progress_bar, show_date, Goal, ReviewKind},
        layout::{self, Section},
    },
    render::components::Form,
    tr,
};

/// Goals of your mentoring: SMART goals, progress and closing them.
#[poise::command(
    slash_command,
    guild_only,
    subcommands("add", "list", "progress", "close", "milestone", "milestone_done"),
    subcommand_required
)]
pub async fn goal(_ctx: Context<'_>) -> Result<(), BotError> {
    Ok(())
}

/// Yes or no.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum YesNo {
    #[name = "yes"]
    Yes,
    #[name = "no"]
    No,
}

/// Add a goal for your pair (specific, measurable, with a target date); a form asks for the rest.
#[poise::command(slash_command, guild_only)]
pub async fn add(
    ctx: Context<'_>,
    #[description = "The goal, specific: e.g. Ship a Rust CLI to crates.io"]
    #[max_length = 200]
    title: String,
    #[description = "Why it matters"]
    #[max_length = 1000]
    why: Option<String>,
    #[description = "Target date, in your time zone: e.g. 2027-03-01 or in 8 weeks"]
    #[max_length = 100]
    target: Option<String>,
    #[description = "How progress is measured"]
    #[max_length = 1000]
    measure: Option<String>,
    #[description = "The partner this goal is with (if you have several)"]
    #[rename = "with"]
    with_user: Option<serenity::User>,
) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let input =
        GoalInput { title: &title, why: why.as_deref(), target: target.as_deref(), measure: measure.as_deref() };
    let with = with_user.as_ref().map(|u| person(u).id);
    if why.is_none() || measure.is_none() {
        // The long fields go in a form; what was given is checked first and pre-filled.
        ctx.data().app.precheck_goal(&caller, with, input).await?;
        let form = Form::Goal { with: with.map(|w| w.0) };
        let (why, target, measure) =
            (why.as_deref().unwrap_or(""), target.as_deref().unwrap_or(""), measure.as_deref().unwrap_or(""));
        return show_modal(ctx, modals::goal_form(form, &title, why, target, measure)).await;
    }
    let goal = ctx.data().app.add_goal(&caller, with, input).await?;
    send(ctx, goal_answer(&goal, "added")).await
}

/// Your pair's goals with progress, evidence and reviews.
#[poise::command(slash_command, guild_only)]
pub async fn list(
    ctx: Context<'_>,
    #[description = "The partner (if you have several)"]
    #[rename = "with"]
    with_user: Option<serenity::User>,
) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let list = ctx.data().app.list_goals(&caller, with_user.as_ref().map(|u| person(u).id)).await?;
    send(ctx, list_answer(&list)).await
}

/// Record progress on a goal (0–100 %).
#[poise::command(slash_command, guild_only)]
pub async fn progress(
    ctx: Context<'_>,
    #[description = "The goal (pick from the list)"]
    #[autocomplete = "autocomplete::open_goals"]
    #[max_length = 100]
    goal: String,
    #[description = "Progress in percent, 0–100"]
    #[min = 0]
    #[max = 100]
    percent: i64,
    #[description = "What shows it (a link, a result)"]
    #[max_length = 1000]
    evidence: Option<String>,
) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let goal = ctx.data().app.goal_progress(&caller, &goal, percent, evidence.as_deref()).await?;
    send(ctx, goal_answer(&goal, "updated")).await
}

/// Close a goal as achieved or not, with what you learned.
#[poise::command(slash_command, guild_only)]
pub async fn close(
    ctx: Context<'_>,
    #[description = "The goal (pick from the list)"]
    #[autocomplete = "autocomplete::open_goals"]
    #[max_length = 100]
    goal: String,
    #[description = "Was it achieved?"] achieved: YesNo,
    #[description = "Key learnings"]
    #[max_length = 1000]
    learnings: Option<String>,
) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let achieved = matches!(achieved, YesNo::Yes);
    let goal = ctx.data().app.close_goal(&caller, &goal, achieved, learnings.as_deref()).await?;
    send(ctx, goal_answer(&goal, "closed")).await
}

fn goal_text(goal: &Goal) -> String {
    let mut text = format!("{} · {}", progress_bar(goal.progress), goal.status);
    if let Some(why) = &goal.why {
        text = format!("{text}\n{}", tr!("cmd-goal-why", why = why.as_str()));
    }
    if let Some(measure) = &goal.measure {
        text = format!("{text}\n{}", tr!("cmd-goal-measure", measure = measure.as_str()));
    }
    if let Some(target) = goal.target {
        text = format!("{text}\n{}", tr!("cmd-goal-target", target = show_date(target)));
    }
    if let Some(learnings) = &goal.learnings {
        text = format!("{text}\n{}", tr!("cmd-goal-learnings", learnings = learnings.as_str()));
    }
    text
}

/// Add a milestone to a goal: a step with a due day, reminded like an action item.
#[poise::command(slash_command, guild_only)]
pub async fn milestone(
    ctx: Context<'_>,
    #[description = "The goal"]
    #[autocomplete = "autocomplete::open_goals"]
    #[max_length = 100]
    goal: String,
    #[description = "The milestone, e.g. First draft reviewed"]
    #[max_length = 200]
    title: String,
    #[description = "Due day, in your time zone: e.g. 2027-02-01 or fri"]
    #[max_length = 100]
    due: String,
) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let out = ctx.data().app.add_milestone(&caller, &goal, &title, &due).await?;
    let m = &out.milestone;
    let text = tr!(
        "cmd-goal-milestone-added",
        id = m.short_id(),
        title = m.title.as_str(),
        goal = out.goal.title.as_str(),
        due = m.due_at.timestamp()
    );
    send(ctx, Answer::text(text)).await
}

/// Mark a milestone done; it counts into its goal's progress.
#[poise::command(slash_command, guild_only)]
pub async fn milestone_done(
    ctx: Context<'_>,
    #[description = "The milestone"]
    #[autocomplete = "autocomplete::open_milestones"]
    #[max_length = 100]
    milestone: String,
) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let out = ctx.data().app.complete_milestone(&caller, &milestone).await?;
    send(ctx, crate::bot::shape::milestone_done_answer(&out)).await
}

/// The answer after a change of a goal: `change` is `added`, `updated` or `closed`.
pub fn goal_answer(goal: &Goal, change: &str) -> Answer {
    Answer::text(tr!("cmd-goal-changed", change = change)).pages(layout::pages(&goal.title, &goal_text(goal), &[]))
}

fn list_answer(list: &GoalList) -> Answer {
    if list.entries.is_empty() && list.reflections.is_empty() {
        return Answer::text(tr!("cmd-goal-none"));
    }
    let mut sections = Vec::new();
    for e in &list.entries {
        let mut body = goal_text(&e.goal);
        for u in &e.updates {
            let evidence = u.evidence.as_ref().map(|ev| format!(": {ev}")).unwrap_or_default();
            let update = tr!("cmd-goal-update", at = u.at.timestamp(), by = u.by.mention(), percent = u.percent);
            body = format!("{body}\n{update}{evidence}");
        }
        for r in &e.reviews {
            let by = r.by.mention();
            // Each given part after ` · `.
            let part = |text: &Option<String>, say: fn(&str) -> String| {
                text.as_deref().map(|x| format!(" · {}", say(x))).unwrap_or_default()
            };
            let line = match r.kind {
                ReviewKind::Midpoint => format!(
                    "\n{}{}{}",
                    tr!("cmd-goal-midpoint-review", by = by, percent = r.progress.unwrap_or_default()),
                    part(&r.evidence, |x| tr!("cmd-goal-review-evidence", text = x)),
                    part(&r.adjustment, |x| tr!("cmd-goal-review-adjustment", text = x))
                ),
                ReviewKind::Final => format!(
                    "\n{}{}{}",
                    tr!(
                        "cmd-goal-final-review",
                        by = by,
                        achieved = if r.achieved == Some(true) { "yes" } else { "no" }
                    ),
                    part(&r.learnings, |x| tr!("cmd-goal-review-learnings", text = x)),
                    part(&r.next_steps, |x| tr!("cmd-goal-review-next-steps", text = x))
                ),
            };
            body.push_str(&line);
        }
        for m in &e.milestones {
            let state = if let Some(at) = m.done_at {
                tr!("cmd-goal-milestone-done", at = at.timestamp())
            } else {
                tr!("cmd-goal-milestone-due", at = m.due_at.timestamp())
            };
            body = format!("{body}\n   {} · {} · {state}", m.short_id(), m.title);
        }
        sections.push(Section::new(format!("G{} · {}", e.number, e.goal.title), body));
    }
    for (by, [changed, skills, keep]) in &list.reflections {
        let lines: Vec<String> = [
            (tr!("cmd-goal-reflection-changed"), changed),
            (tr!("cmd-goal-reflection-skills"), skills),
            (tr!("cmd-goal-reflection-continue"), keep),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("**{k}:** {v}"))
        .collect();
        let by = tr!("cmd-goal-reflection-by", by = by.mention());
        sections.push(Section::new(tr!("cmd-goal-reflection-title"), format!("{by}\n{}", lines.join("\n"))));
    }
    let intro = tr!(
        "cmd-goal-list-intro",
        mentee = list.pairing.mentee_id.mention(),
        mentor = list.pairing.mentor_id.mention()
    );
    Answer::default().pages(layout::pages(&tr!("cmd-goal-list-title"), &intro, &sections))
}
