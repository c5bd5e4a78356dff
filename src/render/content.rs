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
        ids::UserId,
        layout::{self, Page, Section},
    },
    render::components::ComponentId,
};

/// Colour of content embeds.
pub const COLOUR: u32 = 0x0057_F287;

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
            Style::Plain(zone) => format!("{} ({})", t.with_timezone(&zone).format("%a %d %b %Y %H:%M"), zone.name()),
        }
    }

    /// A member of the pair: a mention, or their name.
    pub fn person(self, view: &AgendaView, id: UserId) -> String {
        match self {
            Style::Discord => id.mention(),
            Style::Plain(_) if id == view.pairing.mentor_id => view.mentor_name.clone(),
            Style::Plain(_) if id == view.pairing.mentee_id => view.mentee_name.clone(),
            Style::Plain(_) => format!("user {id}"),
        }
    }
}

/// `**A3** Title — owner · due … · status`.
pub fn action_line(view: &AgendaView, item: &ActionItem, style: Style) -> String {
    let mut line = format!(
        "**{}** {} — {} · due {} · {}",
        item.short_id(),
        item.title,
        style.person(view, item.owner_id),
        style.at(item.deadline_at),
        item.status
    );
    if let Some(reason) = &item.status_reason {
        line = format!("{line} ({reason})");
    }
    if let Some(success) = &item.success {
        line = format!("{line}\n  Success looks like: {success}");
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
        lines.push(format!("{} — added by {}", t.topic.display(), style.person(view, t.added_by)));
    }
    lines_or(&lines, "No topics yet.")
}

/// The agenda as an intro and sections.
pub fn agenda_sections(view: &AgendaView, style: Style) -> (String, String, Vec<Section>) {
    let s = &view.session;
    let title = format!("📝 Agenda for session #{}", s.number);
    let mut intro = format!(
        "{} with {} (mentor) · {} · {} minutes",
        style.person(view, view.pairing.mentee_id),
        style.person(view, view.pairing.mentor_id),
        style.at(s.starts_at),
        s.duration_minutes
    );
    let mut sections = Vec::new();
    if let Some(a) = &view.agenda {
        sections.push(Section::new("🎯 Session goal", a.goal.clone()));
        sections.push(Section::new("📈 Progress since last session", a.progress.clone()));
        sections.push(Section::new("🧱 Challenges", a.challenges.clone()));
        sections.push(Section::new("🗣️ Topics to discuss", topics_text(view, style)));
        sections.push(Section::new("🆘 Support or decisions needed", a.support.clone()));
    } else {
        intro.push_str("\nNo agenda yet: the mentee writes it with `/agenda edit`.");
        if !view.added.is_empty() {
            sections.push(Section::new("🗣️ Topics to discuss", topics_text(view, style)));
        }
    }
    let leftovers: Vec<String> = view.leftovers.iter().map(|a| action_line(view, a, style)).collect();
    sections.push(Section::new("↩️ Leftover actions from last session", lines_or(&leftovers, "None.")));
    (title, intro, sections)
}

/// A page as an embed.
pub fn page_embed(page: &Page) -> CreateEmbed {
    let mut embed = CreateEmbed::new().title(&page.title).colour(COLOUR);
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
        out.content = format!("This is long: the complete text is in the attached file `{file_name}`.");
        out.files.push(CreateAttachment::bytes(markdown().into_bytes(), file_name.to_owned()));
    }
    out
}

/// The DM to the mentor: the agenda with an **Add topic** button.
pub fn agenda_message(view: &AgendaView, updated: bool, zone: Tz) -> Outgoing {
    let (title, intro, sections) = agenda_sections(view, Style::Discord);
    let verb = if updated { "updated" } else { "shared" };
    let intro =
        format!("{} {verb} the agenda for your session.\n{intro}", format_args!("<@{}>", view.pairing.mentee_id));
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
