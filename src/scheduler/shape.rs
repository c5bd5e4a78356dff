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
    render::{labels, when, Outgoing},
    store::Job,
    tr,
};

fn one(group: &[Job], plan: Plan) -> Vec<Unit> {
    vec![Unit { jobs: group.to_vec(), plan }]
}

fn dm(embed: CreateEmbed, buttons: Vec<serenity::all::CreateButton>) -> Outgoing {
    let components = if buttons.is_empty() { Vec::new() } else { vec![CreateActionRow::Buttons(buttons)] };
    Outgoing { embeds: vec![embed], components, ..Outgoing::default() }
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
            let goals = if lines.is_empty() { tr!("sched-checkin-no-goals") } else { lines.join("\n") };
            let partner = format!("<@{partner}>");
            let book = if p.active {
                tr!("sched-checkin-book-active", partner = partner)
            } else {
                tr!("sched-checkin-book-ended", partner = partner)
            };
            let intro = tr!("sched-checkin-intro", months = quarter * 3);
            let embed = CreateEmbed::new()
                .title(tr!("sched-checkin-title", quarter = quarter.to_string(), total = CHECK_INS.to_string()))
                .description(format!("{intro}\n\n{book}"))
                .field(tr!("sched-checkin-goals"), goals, false);
            return Ok(one(group, Plan::Send(Target::Dm(to), dm(embed, Vec::new()))));
        }
        let Some(kind) = ReviewKind::parse(payload) else { return Ok(one(group, Plan::Skip("unreadable prompt"))) };
        if first.kind == JobKind::ReviewReminder && store.review_done(pairing, kind, to).await? {
            return Ok(one(group, Plan::Skip("the review is done")));
        }
        let timeline = store.program_shape(first.guild_id).await?.timeline;
        let ends = timeline.map(|t| crate::domain::dates::list_date(t.ends_on)).unwrap_or_default();
        let reminder = first.kind == JobKind::ReviewReminder;
        let partner = format!("<@{partner}>");
        let check_ins = tr!("sched-review-check-ins-button");
        let (title, text, label) = match kind {
            ReviewKind::Midpoint => (
                if reminder { tr!("sched-review-midpoint-reminder-title") } else { tr!("sched-review-midpoint-title") },
                tr!("sched-review-midpoint", partner = partner),
                tr!("sched-review-midpoint-start"),
            ),
            ReviewKind::Final => (
                if reminder { tr!("sched-review-final-reminder-title") } else { tr!("sched-review-final-title") },
                format!(
                    "{}\n\n{}",
                    tr!("sched-review-final", ends = ends, partner = partner),
                    tr!("sched-review-final-check-ins", label = check_ins.as_str())
                ),
                tr!("sched-review-final-start"),
            ),
        };
        let mut buttons = vec![ComponentId::ReviewStart(kind, pairing).button(label, ButtonStyle::Primary)];
        if kind == ReviewKind::Final {
            buttons.push(ComponentId::CheckIns(pairing).button(check_ins, ButtonStyle::Secondary));
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
        let (id, due) = (m.short_id(), when(m.due_at));
        let (title, text) = if overdue {
            (
                tr!("sched-milestone-overdue-title"),
                tr!(
                    "sched-milestone-overdue",
                    id = id.as_str(),
                    title = m.title.as_str(),
                    goal = goal_title,
                    when = due
                ),
            )
        } else {
            (
                tr!("sched-milestone-due-title"),
                tr!("sched-milestone-due", id = id.as_str(), title = m.title.as_str(), goal = goal_title, when = due),
            )
        };
        let embed = CreateEmbed::new().title(title).description(text);
        // The action items' **done** label, after the milestone's short id (as for an action item).
        let button = ComponentId::MilestoneDone(m.id).button(format!("{id} {}", labels::done()), ButtonStyle::Success);
        Ok(one(group, Plan::Send(Target::Dm(to), dm(embed, vec![button]))))
    }
}

#[cfg(test)]
mod tests {
    use crate::tr;

    #[test]
    fn an_overdue_milestone_and_a_check_in_after_an_ended_pairing_read_in_whole_sentences() {
        let text = tr!("sched-milestone-overdue", id = "M2", title = "Draft", goal = "Ship it", when = "<t:1:F>");
        assert_eq!(
            text,
            "**M2 · Draft** (goal \"Ship it\") was due <t:1:F>.\nDone? Press the button: it counts into the goal's progress."
        );
        assert_eq!(tr!("sched-checkin-book-ended", partner = "<@2>"), "Drop <@2> a message and book a catch-up.");
        assert_eq!(tr!("sched-deadline-title-many", count = 12), "⏳ 12 action items need you");
    }
}
