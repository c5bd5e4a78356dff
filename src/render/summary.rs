//! `/session summary`: the record of a session in the shape of the mentoring session template,
//! as embeds and as a Markdown file.

use super::content::{action_line, lines_or, topics_text, Style};
use crate::{
    app::SessionRecord,
    domain::{
        goal::{progress_bar, show_date, ReviewKind},
        layout::{self, Page, Section},
        notes::{parse_obstacles, parse_resources, Obstacle, Resource},
    },
};

/// Title, intro and sections of the record.
pub fn record_sections(record: &SessionRecord, style: Style) -> (String, String, Vec<Section>) {
    let view = &record.view;
    let s = &view.session;
    let title = format!("📒 Session #{} summary", s.number);
    let details = format!(
        "**Date:** {}\n**Mentor:** {}\n**Mentee:** {}\n**Session number:** {}\n**Duration:** {} minutes\n**Status:** {}",
        style.at(s.starts_at),
        style.person(view, view.pairing.mentor_id),
        style.person(view, view.pairing.mentee_id),
        s.number,
        s.duration_minutes,
        s.status
    );
    let agenda = view.agenda.as_ref();
    let text = |f: fn(&crate::domain::agenda::Agenda) -> &String| agenda.map(|a| f(a).clone()).unwrap_or_default();
    let notes = record.notes.as_ref();
    let obstacles = notes.map(|n| parse_obstacles(&n.obstacles)).unwrap_or_default();
    let (resources, _) = notes.map(|n| parse_resources(&n.resources)).unwrap_or_default();
    let next_steps: Vec<String> = record.actions.iter().map(|a| action_line(view, a, style)).collect();
    let mut follow_up = Vec::new();
    if let Some(n) = notes.filter(|n| !n.next_session.is_empty()) {
        follow_up.push(format!("**Next session (notes):** {}", n.next_session));
    }
    if let Some(next) = &record.next_session {
        follow_up.push(format!("**Next session booked:** #{} on {}", next.number, style.at(next.starts_at)));
    }
    for goal in &record.goals {
        let mut line = format!("**Milestone:** {} — {} · {}", goal.title, progress_bar(goal.progress), goal.status);
        if let Some(target) = goal.target {
            line = format!("{line} · target {}", show_date(target));
        }
        for review in record.reviews.iter().filter(|r| r.goal_id == goal.id) {
            let review_line = match review.kind {
                ReviewKind::Midpoint => format!(
                    "\n  Midpoint review by {}: {}%{}",
                    style.person(view, review.by),
                    review.progress.unwrap_or_default(),
                    review.adjustment.as_ref().map(|a| format!(" · adjustment: {a}")).unwrap_or_default()
                ),
                ReviewKind::Final => format!(
                    "\n  Final review by {}: {}{}",
                    style.person(view, review.by),
                    if review.achieved == Some(true) { "achieved" } else { "not achieved" },
                    review.next_steps.as_ref().map(|n| format!(" · next steps: {n}")).unwrap_or_default()
                ),
            };
            line = format!("{line}{review_line}");
        }
        follow_up.push(line);
    }
    let leftovers: Vec<String> = view.leftovers.iter().map(|a| action_line(view, a, style)).collect();
    let background = record.background.as_ref().map_or_else(
        || "Not shared yet (the mentee shares it with the button in the pairing DM).".to_owned(),
        |b| b.input.fields().iter().map(|(k, v)| format!("**{k}:** {v}")).collect::<Vec<_>>().join("\n"),
    );
    let sections = vec![
        Section::new("📅 Session details", details),
        Section::new("🧳 Mentee's background", background),
        Section::new(
            "🎯 Session goal",
            if agenda.is_some() { text(|a| &a.goal) } else { "No agenda was written.".into() },
        ),
        Section::new("📈 Progress since last session", text(|a| &a.progress)),
        Section::new("🧱 Challenges", text(|a| &a.challenges)),
        Section::new("🆘 Support or decisions needed", text(|a| &a.support)),
        Section::new("🗣️ Discussion topics", topics_text(view, style)),
        Section::new("↩️ Leftover actions from last session", lines_or(&leftovers, "None.")),
        Section::new(
            "🚧 Obstacles",
            lines_or(&obstacles.iter().map(Obstacle::display).collect::<Vec<_>>(), "None noted."),
        ),
        Section::new(
            "📚 Resources shared",
            lines_or(&resources.iter().map(Resource::display).collect::<Vec<_>>(), "None noted."),
        ),
        Section::new("💡 Key takeaways", notes.map(|n| n.takeaways.clone()).unwrap_or_default()),
        Section::new("✅ Next steps", lines_or(&next_steps, "No action items agreed in this session yet.")),
        Section::new("🔭 Follow-up", lines_or(&follow_up, "Nothing planned yet.")),
    ];
    let intro = if record.notes.is_none() && record.started {
        "No session notes yet: write them with `/notes`.".to_owned()
    } else if !record.started {
        "This session has not started yet.".to_owned()
    } else {
        String::new()
    };
    (title, intro, sections)
}

/// The record as embed pages.
pub fn record_pages(record: &SessionRecord) -> Vec<Page> {
    let (title, intro, sections) = record_sections(record, Style::Discord);
    layout::pages(&title, &intro, &sections)
}

/// The record as a Markdown document in `zone`.
pub fn record_markdown(record: &SessionRecord, zone: chrono_tz::Tz) -> String {
    let (title, intro, sections) = record_sections(record, Style::Plain(zone));
    layout::markdown(&title, &intro, &sections)
}
