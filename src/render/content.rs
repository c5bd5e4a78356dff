//! How agendas and action items read, in Discord (embeds, timestamps, mentions) and in Markdown
//! files (plain dates in the reader's zone, names). Long text is laid out by `domain::layout`,
//! so nothing is cut.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serenity::all::{CreateActionRow, CreateAttachment, CreateButton, CreateEmbed};

use super::Outgoing;
use crate::{
    app::AgendaView,
    domain::{
        action::ActionItem,
        agenda::{parse_topics, Topic},
        dates,
        ids::UserId,
        layout::{self, Page, Section},
    },
    render::components::ComponentId,
    tr,
};

/// Discord markup, or plain text for a Markdown file read in `zone`.
#[derive(Debug, Clone, Copy)]
pub enum Style {
    Discord,
    Plain(Tz),
}

impl Style {
    /// An instant: Discord timestamps, or a local date with the zone name.
    pub fn at(self, t: DateTime<Utc>) -> String {
        match self {
            Style::Discord => super::when(t),
            Style::Plain(zone) => tr!(
                "render-plain-at",
                datetime = dates::list_date_time(t.with_timezone(&zone).naive_local()),
                zone = zone.name()
            ),
        }
    }

    /// A member of the pair: a mention, or their name.
    pub fn person(self, view: &AgendaView, id: UserId) -> String {
        match self {
            Style::Discord => id.mention(),
            Style::Plain(_) if id == view.pairing.mentor_id => view.mentor_name.clone(),
            Style::Plain(_) if id == view.pairing.mentee_id => view.mentee_name.clone(),
            Style::Plain(_) => tr!("render-user-fallback", id = id.to_string()),
        }
    }
}

/// `**A3** Title — owner · due … · status`.
pub fn action_line(view: &AgendaView, item: &ActionItem, style: Style) -> String {
    let mut line = tr!(
        "render-action-line",
        id = item.short_id(),
        title = item.title.as_str(),
        owner = style.person(view, item.owner_id),
        due = style.at(item.deadline_at),
        status = item.status.to_string()
    );
    if let Some(reason) = &item.status_reason {
        line = tr!("render-action-line-reason", line = line, reason = reason.as_str());
    }
    if let Some(success) = &item.success {
        line = format!("{line}\n  {}", tr!("render-action-success", success = success.as_str()));
    }
    line
}

/// The lines of a list, or `empty` when there are none.
pub fn lines_or(lines: &[String], empty: &str) -> String {
    if lines.is_empty() {
        empty.to_owned()
    } else {
        lines.join("\n")
    }
}

/// The discussion topics: the mentee's (high priority first) and the mentor's.
pub fn topics_text(view: &AgendaView, style: Style) -> String {
    let mut lines: Vec<String> =
        view.agenda.as_ref().map(|a| parse_topics(&a.topics).iter().map(Topic::display).collect()).unwrap_or_default();
    let mut added: Vec<_> = view.added.iter().collect();
    added.sort_by_key(|t| !t.topic.high_priority);
    for t in added {
        lines.push(tr!("render-topic-added-by", topic = t.topic.display(), by = style.person(view, t.added_by)));
    }
    lines_or(&lines, &tr!("render-no-topics"))
}

/// The agenda as an intro and sections.
pub fn agenda_sections(view: &AgendaView, style: Style) -> (String, String, Vec<Section>) {
    let s = &view.session;
    let title = tr!("render-agenda-title", number = s.number.to_string());
    let mut intro = tr!(
        "render-agenda-intro",
        mentee = style.person(view, view.pairing.mentee_id),
        mentor = style.person(view, view.pairing.mentor_id),
        when = style.at(s.starts_at),
        minutes = s.duration_minutes
    );
    let mut sections = Vec::new();
    if let Some(a) = &view.agenda {
        sections.push(Section::new(tr!("render-section-goal"), a.goal.clone()));
        sections.push(Section::new(tr!("render-section-progress"), a.progress.clone()));
        sections.push(Section::new(tr!("render-section-challenges"), a.challenges.clone()));
        sections.push(Section::new(tr!("render-section-topics"), topics_text(view, style)));
        sections.push(Section::new(tr!("render-section-support"), a.support.clone()));
    } else {
        intro.push('\n');
        intro.push_str(&tr!("render-agenda-none-yet"));
        if !view.added.is_empty() {
            sections.push(Section::new(tr!("render-section-topics"), topics_text(view, style)));
        }
    }
    let leftovers: Vec<String> = view.leftovers.iter().map(|a| action_line(view, a, style)).collect();
    sections.push(Section::new(tr!("render-section-leftovers"), lines_or(&leftovers, &tr!("render-none"))));
    (title, intro, sections)
}

/// A page as an embed.
pub fn page_embed(page: &Page) -> CreateEmbed {
    let mut embed = CreateEmbed::new().title(&page.title);
    if !page.description.is_empty() {
        embed = embed.description(&page.description);
    }
    for (name, value) in &page.fields {
        embed = embed.field(name, value, false);
    }
    embed
}

/// Content as embeds for one message: everything when it fits, otherwise the first part plus
/// the whole content as a Markdown file named `file_name`.
pub fn single_message(pages: Vec<Page>, file_name: &str, markdown: impl FnOnce() -> String) -> Outgoing {
    let mut groups = layout::messages(pages).into_iter();
    let first = groups.next().unwrap_or_default();
    let mut out = Outgoing { embeds: first.iter().map(page_embed).collect(), ..Outgoing::default() };
    if groups.next().is_some() {
        out.content = tr!("render-long-attached", file = file_name);
        out.files.push(CreateAttachment::bytes(markdown().into_bytes(), file_name.to_owned()));
    }
    out
}

/// The DM to the mentor: the agenda with an **Add topic** button.
pub fn agenda_message(view: &AgendaView, updated: bool, zone: Tz) -> Outgoing {
    let (title, intro, sections) = agenda_sections(view, Style::Discord);
    let how = if updated { "updated" } else { "shared" };
    let shared = tr!("render-agenda-shared", mentee = format!("<@{}>", view.pairing.mentee_id), how = how);
    let intro = format!("{shared}\n{intro}");
    let pages = layout::pages(&title, &intro, &sections);
    let file = format!("agenda-session-{}.md", view.session.number);
    let mut out = single_message(pages, &file, || {
        let (title, intro, sections) = agenda_sections(view, Style::Plain(zone));
        layout::markdown(&title, &intro, &sections)
    });
    out.components =
        vec![CreateActionRow::Buttons(vec![CreateButton::new(ComponentId::AddTopic(view.session.id).to_custom_id())
            .label(super::labels::add_topic())
            .emoji('➕')])];
    out
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    #[test]
    fn markdown_dates_read_in_the_readers_zone() {
        let local = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap().and_hms_opt(14, 5, 0).unwrap();
        let at = Style::Plain(chrono_tz::Europe::Berlin).at(local.and_utc());
        assert_eq!(at, "Tue 24 Nov 2026 15:05 (Europe/Berlin)");
    }

    #[test]
    fn sentences_with_choices_read_exactly_as_the_english_text_did() {
        assert_eq!(
            tr!("render-paired-description", partner = "<@1>", role = "mentee"),
            "You are now paired with <@1>, your mentee.\nBook your first session with `/book with:@… when:…`, e.g. `when:tomorrow 15:00`."
        );
        assert_eq!(
            tr!("render-unpaired-description", partner = "<@1>", why = "left"),
            "Your mentoring pairing with <@1> has ended (they left the mentoring program). Upcoming sessions of the pair were cancelled."
        );
        assert_eq!(tr!("render-series-moved-title", count = 1_usize), "🔁 1 session of your series moved");
        assert_eq!(tr!("render-series-booked-title", count = 4_usize), "🔁 4 sessions booked: a series");
        assert_eq!(
            tr!("render-agenda-shared", mentee = "<@2>", how = "updated"),
            "<@2> updated the agenda for your session."
        );
        assert_eq!(tr!("render-summary-final", by = "Mo", achieved = "no"), "Final review by Mo: not achieved");
        assert_eq!(
            tr!("render-action-line", id = "A3", title = "T", owner = "Mo", due = "d", status = "open"),
            "**A3** T — Mo · due d · open"
        );
        assert_eq!(tr!("render-series-time", number = "3", when = "w"), "#3 · w");
    }
}
