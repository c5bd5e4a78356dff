//! What scheduled messages say. DMs go to one member of a pair and may name the pair's own
//! content; channel posts carry aggregates only.

use chrono_tz::Tz;
use serenity::all::{ButtonStyle, CreateActionRow, CreateButton, CreateEmbed};

use crate::{
    app::AgendaView,
    domain::{action::ActionItem, ids::UserId, jobs::JobKind, layout, outline::Step, session::Session},
    render::components::{action_buttons, attendance_buttons, ComponentId},
    render::{
        content::{action_line, agenda_sections, lines_or, single_message, Style, COLOUR},
        labels, when, Outgoing,
    },
    store::{SessionFacts, WeeklyStats},
};

fn dm(embed: CreateEmbed, buttons: Vec<CreateButton>, nonce: String) -> Outgoing {
    let components = if buttons.is_empty() { Vec::new() } else { vec![CreateActionRow::Buttons(buttons)] };
    Outgoing { embeds: vec![embed.colour(COLOUR)], components, nonce, ..Outgoing::default() }
}

fn session_title(emoji: &str, what: &str, s: &Session) -> String {
    format!("{emoji} {what} · session #{}", s.number)
}

/// The DM of a session job (all but the mentor's prep) for `to`, or `None` for other kinds.
pub fn session_message(
    kind: JobKind,
    f: &SessionFacts,
    to: UserId,
    step: Option<&Step>,
    nonce: String,
) -> Option<Outgoing> {
    let s = &f.session;
    let (mentor, mentee) = (f.pairing.mentor_id, f.pairing.mentee_id);
    let id = s.id;
    let submit = || ComponentId::Agenda(id).button(labels::submit_agenda(), ButtonStyle::Primary);
    Some(match kind {
        JobKind::AgendaRequest => dm(
            CreateEmbed::new().title(session_title("📝", "Agenda time", s)).description(format!(
                "Your session with <@{mentor}> is {}.\nTake five minutes to prepare: what would make it a success, \
                 what moved since last time, where are you stuck? Submit your agenda with the button or `/agenda edit`.{}",
                when(s.starts_at),
                step.map(|st| format!("\n\n{}", st.line(s.number))).unwrap_or_default()
            )),
            vec![submit()],
            nonce,
        ),
        JobKind::AgendaNudge => dm(
            CreateEmbed::new().title(session_title("⏰", "Agenda still missing", s)).description(format!(
                "Your session with <@{mentor}> starts {}. A short agenda helps you both get the most out of it.",
                when(s.starts_at)
            )),
            vec![submit()],
            nonce,
        ),
        JobKind::AgendaMissing => dm(
            CreateEmbed::new().title(session_title("📭", "No agenda yet", s)).description(format!(
                "<@{mentee}> has not sent an agenda for your session {} yet. You might ask what they want to focus on.",
                when(s.starts_at)
            )),
            Vec::new(),
            nonce,
        ),
        JobKind::FollowUp | JobKind::FollowUpAgain => {
            let title = if kind == JobKind::FollowUpAgain { "Nothing recorded yet" } else { "How did it go?" };
            // Asked until someone answered; the first follow-up always asks (the other may not have).
            let ask = kind == JobKind::FollowUp || f.attendance.is_none();
            let (text, buttons) = if to == mentor {
                (
                    "Thanks for mentoring! Share the resources you mentioned so they are in the session record.",
                    vec![
                        ComponentId::Resources(id).button(labels::add_resources(), ButtonStyle::Primary),
                        ComponentId::Notes(id).button(labels::add_takeaways(), ButtonStyle::Secondary),
                    ],
                )
            } else {
                (
                    "Capture takeaways and action items while they are fresh, and book the next session.",
                    vec![
                        ComponentId::Notes(id).button(labels::add_takeaways(), ButtonStyle::Primary),
                        ComponentId::NewAction(id).button(labels::add_action(), ButtonStyle::Secondary),
                        ComponentId::BookNext(id).button(labels::book_next(), ButtonStyle::Success),
                    ],
                )
            };
            let (question, mut rows) = if ask {
                ("**Did the session happen?** One \"We met\" from either of you counts it as held.\n\n", vec![attendance_buttons(id)])
            } else {
                ("", Vec::new())
            };
            rows.push(CreateActionRow::Buttons(buttons));
            let embed = CreateEmbed::new().title(session_title("✅", title, s)).description(format!("{question}{text}"));
            Outgoing { embeds: vec![embed.colour(COLOUR)], components: rows, nonce, ..Outgoing::default() }
        }
        _ => return None,
    })
}

/// The mentor's prep note: the agenda (or its absence) and every open action item of the pair.
/// Long agendas are laid out across embeds, with the whole text attached when they don't fit.
pub fn prep_message(view: &AgendaView, open: &[ActionItem], zone: Tz, step: Option<&Step>, nonce: String) -> Outgoing {
    let build = |style: Style| {
        let (_, intro, mut sections) = agenda_sections(view, style);
        sections.retain(|s| !s.name.starts_with("↩️"));
        let items: Vec<String> = open.iter().map(|a| action_line(view, a, style)).collect();
        sections.push(layout::Section::new("📌 Open action items", lines_or(&items, "None.")));
        let missing = if view.agenda.is_some() { "" } else { "\n❌ No agenda has arrived." };
        let focus = step.map(|s| format!("\n\n{}", s.line(view.session.number))).unwrap_or_default();
        (format!("🧭 Prep · session #{}", view.session.number), format!("{intro}{missing}{focus}"), sections)
    };
    let (title, intro, sections) = build(Style::Discord);
    let file = format!("prep-session-{}.md", view.session.number);
    let mut out = single_message(layout::pages(&title, &intro, &sections), &file, || {
        let (title, intro, sections) = build(Style::Plain(zone));
        layout::markdown(&title, &intro, &sections)
    });
    out.nonce = nonce;
    out
}

/// One DM for all due deadline/overdue reminders of one person, with Done / +3 days / Blocked
/// for (up to five of) the items.
pub fn deadline_message(items: &[(JobKind, ActionItem)], nonce: String) -> Outgoing {
    let overdue = items.iter().any(|(k, _)| *k == JobKind::OverdueReminder);
    let title = match (items.len(), overdue) {
        (1, false) => "⏳ An action item is due soon".to_owned(),
        (1, true) => "⚠️ An action item is overdue".to_owned(),
        (n, _) => format!("⏳ {n} action items need you"),
    };
    let mut embed = CreateEmbed::new().title(title).colour(COLOUR);
    let mut fields = 0;
    let mut shown = 0;
    for (kind, a) in items {
        let state = if *kind == JobKind::OverdueReminder { "overdue since" } else { "due" };
        let success = a.success.as_deref().map(|s| format!("\nDone when: {s}")).unwrap_or_default();
        let pieces = layout::split(&format!("{}\n{state} {}{success}", a.title, when(a.deadline_at)), 1024);
        if fields + pieces.len() > 24 {
            break;
        }
        for (i, piece) in pieces.into_iter().enumerate() {
            let name = if i == 0 { a.short_id() } else { format!("{} (continued)", a.short_id()) };
            embed = embed.field(name, piece, false);
            fields += 1;
        }
        shown += 1;
    }
    let rows = items.iter().take(5).map(|(_, a)| action_buttons(a)).collect();
    let more = if items.len() > shown.min(5) { "\nMore items: `/action list`." } else { "" };
    Outgoing {
        content: format!("Mark items done, give yourself 3 more days, or say what blocks you.{more}"),
        embeds: vec![embed],
        components: rows,
        nonce,
        ..Outgoing::default()
    }
}

/// The weekly post in the program channel: aggregates and a call to action, no names.
pub fn weekly_message(s: &WeeklyStats, nonce: String) -> Outgoing {
    let on_time = if s.held_last_week == 0 {
        "no sessions held".to_owned()
    } else {
        format!("{}% ({} of {})", s.agendas_on_time * 100 / s.held_last_week, s.agendas_on_time, s.held_last_week)
    };
    let embed = CreateEmbed::new()
        .title("📊 Mentoring this week")
        .field("Sessions held last week", s.held_last_week.to_string(), true)
        .field("Missed last week", s.missed_last_week.to_string(), true)
        .field("Unconfirmed last week", s.unconfirmed_last_week.to_string(), true)
        .field("Booked this week", s.booked_this_week.to_string(), true)
        .field("Agendas on time", on_time, true)
        .field("Actions done last week", s.actions_done_last_week.to_string(), true)
        .field("Actions overdue", s.actions_overdue.to_string(), true)
        .field("Pairs that haven't met in a while", format!("{} of {}", s.stale_pairs, s.active_pairs), true)
        .description("No session booked yet? Use `/book`. Session coming up? Send your agenda with `/agenda`.")
        .colour(COLOUR);
    Outgoing { embeds: vec![embed], nonce, ..Outgoing::default() }
}

/// The short channel mention when someone's DMs are closed (nothing private in it).
pub fn dm_fallback_message(user: UserId, nonce: String) -> Outgoing {
    Outgoing {
        content: format!(
            "<@{user}>, I could not send you a mentoring reminder by direct message. Please allow direct messages \
             from server members (server menu → Privacy Settings) so reminders reach you."
        ),
        nonce,
        ..Outgoing::default()
    }
}
