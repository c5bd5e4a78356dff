//! `/session summary`: the record of a session in the shape of the mentoring session template,
//! as embeds and as a Markdown file.

use super::content::{action_line, lines_or, topics_text, Style};
use crate::{
    app::SessionRecord,
    domain::{
        goal::{progress_bar, show_date, Review, ReviewKind},
        layout::{self, Page, Section},
        notes::{parse_obstacles, parse_resources, Obstacle, Resource},
    },
    tr,
};

/// Title, intro and sections of the record.
pub fn record_sections(record: &SessionRecord, style: Style) -> (String, String, Vec<Section>) {
    let view = &record.view;
    let s = &view.session;
    let title = tr!("render-summary-title", number = s.number.to_string());
    let details = details(record, style);
    let agenda = view.agenda.as_ref();
    let text = |f: fn(&crate::domain::agenda::Agenda) -> &String| agenda.map(|a| f(a).clone()).unwrap_or_default();
    let notes = record.notes.as_ref();
    let obstacles = notes.map(|n| parse_obstacles(&n.obstacles)).unwrap_or_default();
    let (resources, _) = notes.map(|n| parse_resources(&n.resources)).unwrap_or_default();
    let next_steps: Vec<String> = record.actions.iter().map(|a| action_line(view, a, style)).collect();
    let follow_up = follow_up(record, style);
    let leftovers: Vec<String> = view.leftovers.iter().map(|a| action_line(view, a, style)).collect();
    let background = record.background.as_ref().map_or_else(
        || tr!("render-summary-background-none"),
        |b| {
            b.input
                .fields()
                .iter()
                .map(|(k, v)| tr!("render-summary-background-field", name = k.as_str(), value = *v))
                .collect::<Vec<_>>()
                .join("\n")
        },
    );
    let sections = vec![
        Section::new(tr!("render-summary-section-details"), details),
        Section::new(tr!("render-summary-section-background"), background),
        Section::new(
            tr!("render-section-goal"),
            if agenda.is_some() { text(|a| &a.goal) } else { tr!("render-summary-no-agenda") },
        ),
        Section::new(tr!("render-section-progress"), text(|a| &a.progress)),
        Section::new(tr!("render-section-challenges"), text(|a| &a.challenges)),
        Section::new(tr!("render-section-support"), text(|a| &a.support)),
        Section::new(tr!("render-summary-section-topics"), topics_text(view, style)),
        Section::new(tr!("render-section-leftovers"), lines_or(&leftovers, &tr!("render-none"))),
        Section::new(
            tr!("render-summary-section-obstacles"),
            lines_or(&obstacles.iter().map(Obstacle::display).collect::<Vec<_>>(), &tr!("render-none-noted")),
        ),
        Section::new(
            tr!("render-summary-section-resources"),
            lines_or(&resources.iter().map(Resource::display).collect::<Vec<_>>(), &tr!("render-none-noted")),
        ),
        Section::new(tr!("render-summary-section-takeaways"), notes.map(|n| n.takeaways.clone()).unwrap_or_default()),
        Section::new(
            tr!("render-summary-section-next-steps"),
            lines_or(&next_steps, &tr!("render-summary-no-actions")),
        ),
        Section::new(
            tr!("render-summary-section-follow-up"),
            lines_or(&follow_up, &tr!("render-summary-nothing-planned")),
        ),
    ];
    let intro = if record.notes.is_none() && record.started {
        tr!("render-summary-no-notes")
    } else if !record.started {
        tr!("render-summary-not-started")
    } else {
        String::new()
    };
    (title, intro, sections)
}

/// The session's details, one a line.
fn details(record: &SessionRecord, style: Style) -> String {
    let view = &record.view;
    let s = &view.session;
    [
        tr!("render-summary-date", date = style.at(s.starts_at)),
        tr!("render-summary-mentor", mentor = style.person(view, view.pairing.mentor_id)),
        tr!("render-summary-mentee", mentee = style.person(view, view.pairing.mentee_id)),
        tr!("render-summary-number", number = s.number.to_string()),
        tr!("render-summary-duration", minutes = s.duration_minutes),
        tr!("render-summary-status", status = s.status.to_string()),
    ]
    .join("\n")
}

/// What follows the session: the next one (from the notes, booked) and the pair's milestones with
/// their reviews.
fn follow_up(record: &SessionRecord, style: Style) -> Vec<String> {
    let notes = record.notes.as_ref();
    let mut follow_up = Vec::new();
    if let Some(n) = notes.filter(|n| !n.next_session.is_empty()) {
        follow_up.push(tr!("render-summary-next-from-notes", next = n.next_session.as_str()));
    }
    if let Some(next) = &record.next_session {
        follow_up.push(tr!(
            "render-summary-next-booked",
            number = next.number.to_string(),
            when = style.at(next.starts_at)
        ));
    }
    for goal in &record.goals {
        let mut line = tr!(
            "render-summary-milestone",
            title = goal.title.as_str(),
            bar = progress_bar(goal.progress),
            status = goal.status.to_string()
        );
        if let Some(target) = goal.target {
            line = tr!("render-summary-milestone-target", milestone = line, target = show_date(target));
        }
        for review in record.reviews.iter().filter(|r| r.goal_id == goal.id) {
            line = format!("{line}\n  {}", review_line(record, review, style));
        }
        follow_up.push(line);
    }
    follow_up
}

/// One review of a milestone.
fn review_line(record: &SessionRecord, review: &Review, style: Style) -> String {
    let view = &record.view;
    let by = style.person(view, review.by);
    match review.kind {
        ReviewKind::Midpoint => {
            let progress = review.progress.unwrap_or_default().to_string();
            let review_line = tr!("render-summary-midpoint", by = by, progress = progress);
            match &review.adjustment {
                Some(a) => tr!("render-summary-adjustment", review = review_line, adjustment = a.as_str()),
                None => review_line,
            }
        }
        ReviewKind::Final => {
            let achieved = if review.achieved == Some(true) { "yes" } else { "no" };
            let review_line = tr!("render-summary-final", by = by, achieved = achieved);
            match &review.next_steps {
                Some(n) => tr!("render-summary-next-steps", review = review_line, steps = n.as_str()),
                None => review_line,
            }
        }
    }
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
