//! The program's shape, delivered: review prompts (with **Start … review** and, for the final
//! review, the quarterly check-in opt-in), their reminder when the review is still not done, the
//! quarterly check-ins after the program, and milestone reminders (with **done**). Each reads its
//! pairing, goal or milestone as it is when it goes out.

use chrono::{DateTime, Utc};
use serenity::all::{ButtonStyle, CreateActionRow, CreateEmbed};

use super::{
    prepare::{Plan, Target, Unit},
    Scheduler,
};
use crate::{
    domain::{
        goal::{progress_bar, GoalStatus, ReviewKind},
        jobs::{catch_up, CatchUp, JobKind, SubjectState},
        timeline::CHECK_INS,
    },
    render::components::ComponentId,
    render::{content::COLOUR, when, Outgoing},
    store::Job,
};

fn one(group: &[Job], plan: Plan) -> Vec<Unit> {
    vec![Unit { jobs: group.to_vec(), plan }]
}

fn dm(embed: CreateEmbed, buttons: Vec<serenity::all::CreateButton>) -> Outgoing {
    let components = if buttons.is_empty() { Vec::new() } else { vec![CreateActionRow::Buttons(buttons)] };
    Outgoing { embeds: vec![embed.colour(COLOUR)], components, ..Outgoing::default() }
}

impl Scheduler {
    /// A review prompt, its reminder or a check-in, about pairing `pairing`.
    pub(super) async fn prepare_shape(
        &self,
        group: &[Job],
        first: &Job,
        pairing: i64,
        now: DateTime<Utc>,
    ) -> anyhow::Result<Vec<Unit>> {
        let store = &self.app.store;
        let Some(to) = first.recipient else { return Ok(one(group, Plan::Skip("no recipient"))) };
        let Some(p) = store.pairing(pairing).await? else { return Ok(one(group, Plan::Skip("pairing gone"))) };
        let Some(partner) = p.partner_of(to) else { return Ok(one(group, Plan::Skip("not of the pair"))) };
        // Check-ins were chosen by the pair and go on after the pairing; prompts end with it.
        let live = first.kind == JobKind::CheckIn || p.active;
        let state = SubjectState { live, ..SubjectState::default() };
        if let CatchUp::Skip(why) = catch_up(first.kind, first.planned_at, now, state) {
            return Ok(one(group, Plan::Skip(why)));
        }
        let payload = first.payload.as_deref().unwrap_or_default();
        if first.kind == JobKind::CheckIn {
            let quarter = payload.parse::<u32>().unwrap_or(1);
            let goals = store.goals_of_pairing(pairing).await?;
            let lines: Vec<String> = goals
                .iter()
                .map(|g| {
                    let state =
                        if g.status == GoalStatus::Open { progress_bar(g.progress) } else { g.status.to_string() };
                    format!("• {} · {state}", g.title)
                })
                .collect();
            let goals = if lines.is_empty() { "No goals recorded.".to_owned() } else { lines.join("\n") };
            let book = if p.active {
                format!("Book a catch-up with <@{partner}>: `/book with:@… when:…` (your free times are suggested).")
            } else {
                format!("Drop <@{partner}> a message and book a catch-up.")
            };
            let embed = CreateEmbed::new()
                .title(format!("☕ Quarterly check-in ({quarter} of {CHECK_INS})"))
                .description(format!(
                    "It has been {} months since your mentoring program ended. **How are your goals going?** \
                     What moved, what is stuck, what is next?\n\n{book}",
                    quarter * 3
                ))
                .field("Your goals when the program ended", goals, false);
            return Ok(one(group, Plan::Send(Target::Dm(to), dm(embed, Vec::new()))));
        }
        let Some(kind) = ReviewKind::parse(payload) else { return Ok(one(group, Plan::Skip("unreadable prompt"))) };
        if first.kind == JobKind::ReviewReminder && store.review_done(pairing, kind, to).await? {
            return Ok(one(group, Plan::Skip("the review is done")));
        }
        let timeline = store.program_shape(first.guild_id).await?.timeline;
        let ends = timeline.map(|t| t.ends_on.format("%a %d %b %Y").to_string()).unwrap_or_default();
        let reminder = first.kind == JobKind::ReviewReminder;
        let (title, text, label) = match kind {
            ReviewKind::Midpoint => (
                if reminder { "⏰ Your midpoint review is still open" } else { "🪞 Midpoint review" },
                format!(
                    "You are halfway through your mentoring with <@{partner}>. Take ten minutes to review each goal: \
                     **progress** (0–100 %), the **evidence**, and what to **adjust** for the second half. You each \
                     answer on your own; only the two of you see the answers."
                ),
                "Start midpoint review",
            ),
            ReviewKind::Final => (
                if reminder {
                    "⏰ Your End-of-Program Reflection is still open"
                } else {
                    "🏁 End-of-Program Reflection"
                },
                format!(
                    "The program ends on {ends}. Look back on your mentoring with <@{partner}> in two steps: \
                     **1.** for each goal, was it achieved, your key learnings and next steps; **2.** what changed \
                     most for you, which skills improved, and what should continue.\n\nWant to keep the momentum? \
                     Choose **Quarterly check-ins** and you both get a short check-in every three months for a year."
                ),
                "Start final review",
            ),
        };
        let mut buttons = vec![ComponentId::ReviewStart(kind, pairing).button(label, ButtonStyle::Primary)];
        if kind == ReviewKind::Final {
            buttons.push(ComponentId::CheckIns(pairing).button("Quarterly check-ins", ButtonStyle::Secondary));
        }
        let embed = CreateEmbed::new().title(title).description(text);
        Ok(one(group, Plan::Send(Target::Dm(to), dm(embed, buttons))))
    }

    /// A milestone reminder: before the due time, or the morning after a missed one.
    pub(super) async fn prepare_milestone(
        &self,
        group: &[Job],
        first: &Job,
        now: DateTime<Utc>,
    ) -> anyhow::Result<Vec<Unit>> {
        let store = &self.app.store;
        let Some(to) = first.recipient else { return Ok(one(group, Plan::Skip("no recipient"))) };
        let id = first.payload.as_deref().and_then(|p| p.parse::<i64>().ok()).unwrap_or(0);
        let Some(m) = store.milestone(id).await? else { return Ok(one(group, Plan::Skip("milestone gone"))) };
        let active = store.pairing(m.pairing_id).await?.is_some_and(|p| p.active);
        let goal = store.goal(m.goal_id).await?;
        let open = goal.as_ref().is_some_and(|g| g.status == GoalStatus::Open);
        let overdue = first.due_at >= m.due_at;
        let state =
            SubjectState { live: active && open && !m.is_done(), deadline: Some(m.due_at), ..SubjectState::default() };
        // A reminder before the due time behaves like a deadline reminder; the one after, like an overdue one.
        let kind = if overdue { JobKind::OverdueReminder } else { JobKind::DeadlineReminder };
        if let CatchUp::Skip(why) = catch_up(kind, first.planned_at, now, state) {
            return Ok(one(group, Plan::Skip(why)));
        }
        let goal_title = goal.map(|g| g.title).unwrap_or_default();
        let (title, state) = if overdue {
            ("⚠️ A milestone is overdue", "was due")
        } else {
            ("🎯 A milestone is due soon", "is due")
        };
        let embed = CreateEmbed::new().title(title).description(format!(
            "**{} · {}** (goal \"{goal_title}\") {state} {}.\nDone? Press the button: it counts into the goal's progress.",
            m.short_id(),
            m.title,
            when(m.due_at)
        ));
        let button = ComponentId::MilestoneDone(m.id).button(format!("{} done", m.short_id()), ButtonStyle::Success);
        Ok(one(group, Plan::Send(Target::Dm(to), dm(embed, vec![button]))))
    }
}
