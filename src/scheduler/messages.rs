//! What scheduled messages say. DMs go to one member of a pair and may name the pair's own
//! content; channel posts carry aggregates only.

use chrono_tz::Tz;
use serenity::all::{ButtonStyle, CreateActionRow, CreateButton, CreateEmbed};

use crate::{
    app::AgendaView,
    domain::{action::ActionItem, ids::UserId, jobs::JobKind, layout, outline::Step},
    render::components::{action_buttons, attendance_buttons, ComponentId},
    render::{
        content::{action_line, agenda_sections, lines_or, single_message, Style},
        labels, when, Outgoing,
    },
    store::{SessionFacts, WeeklyStats},
    tr,
};

fn dm(embed: CreateEmbed, buttons: Vec<CreateButton>, nonce: String) -> Outgoing {
    let components = if buttons.is_empty() { Vec::new() } else { vec![CreateActionRow::Buttons(buttons)] };
    Outgoing { embeds: vec![embed], components, nonce, ..Outgoing::default() }
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
    let (mentor_mention, mentee_mention) = (format!("<@{mentor}>"), format!("<@{mentee}>"));
    let (id, number) = (s.id, s.number.to_string());
    let submit = || ComponentId::Agenda(id).button(labels::submit_agenda(), ButtonStyle::Primary);
    Some(match kind {
        JobKind::AgendaRequest => dm(
            CreateEmbed::new().title(tr!("sched-agenda-request-title", number = number)).description(format!(
                "{}{}",
                tr!("sched-agenda-request", mentor = mentor_mention, when = when(s.starts_at)),
                step.map(|st| format!("\n\n{}", st.line(s.number))).unwrap_or_default()
            )),
            vec![submit()],
            nonce,
        ),
        JobKind::AgendaNudge => dm(
            CreateEmbed::new().title(tr!("sched-agenda-nudge-title", number = number)).description(tr!(
                "sched-agenda-nudge",
                mentor = mentor_mention,
                when = when(s.starts_at)
            )),
            vec![submit()],
            nonce,
        ),
        JobKind::AgendaMissing => dm(
            CreateEmbed::new().title(tr!("sched-agenda-missing-title", number = number)).description(tr!(
                "sched-agenda-missing",
                mentee = mentee_mention,
                when = when(s.starts_at)
            )),
            Vec::new(),
            nonce,
        ),
        JobKind::FollowUp | JobKind::FollowUpAgain => {
            let title = if kind == JobKind::FollowUpAgain {
                tr!("sched-follow-up-again-title", number = number)
            } else {
                tr!("sched-follow-up-title", number = number)
            };
            // Asked until someone answered; the first follow-up always asks (the other may not have).
            let ask = kind == JobKind::FollowUp || f.attendance.is_none();
            let (text, buttons) = if to == mentor {
                (
                    tr!("sched-follow-up-mentor"),
                    vec![
                        ComponentId::Resources(id).button(labels::add_resources(), ButtonStyle::Primary),
                        ComponentId::Notes(id).button(labels::add_takeaways(), ButtonStyle::Secondary),
                    ],
                )
            } else {
                (
                    tr!("sched-follow-up-mentee"),
                    vec![
                        ComponentId::Notes(id).button(labels::add_takeaways(), ButtonStyle::Primary),
                        ComponentId::NewAction(id).button(labels::add_action(), ButtonStyle::Secondary),
                        ComponentId::BookNext(id).button(labels::book_next(), ButtonStyle::Success),
                    ],
                )
            };
            let (description, mut rows) = if ask {
                let question = tr!("sched-follow-up-question", label = labels::we_met());
                (format!("{question}\n\n{text}"), vec![attendance_buttons(id)])
            } else {
                (text, Vec::new())
            };
            rows.push(CreateActionRow::Buttons(buttons));
            let embed = CreateEmbed::new().title(title).description(description);
            Outgoing { embeds: vec![embed], components: rows, nonce, ..Outgoing::default() }
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
        sections.push(layout::Section::new(
            tr!("sched-prep-open-actions"),
            lines_or(&items, &tr!("sched-prep-no-open-actions")),
        ));
        let missing = if view.agenda.is_some() { String::new() } else { format!("\n{}", tr!("sched-prep-no-agenda")) };
        let focus = step.map(|s| format!("\n\n{}", s.line(view.session.number))).unwrap_or_default();
        let title = tr!("sched-prep-title", number = view.session.number.to_string());
        (title, format!("{intro}{missing}{focus}"), sections)
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
        (1, false) => tr!("sched-deadline-title-due"),
        (1, true) => tr!("sched-deadline-title-overdue"),
        (n, _) => tr!("sched-deadline-title-many", count = n),
    };
    let mut embed = CreateEmbed::new().title(title);
    let mut fields = 0;
    let mut shown = 0;
    for (kind, a) in items {
        let state = if *kind == JobKind::OverdueReminder {
            tr!("sched-deadline-overdue", when = when(a.deadline_at))
        } else {
            tr!("sched-deadline-due", when = when(a.deadline_at))
        };
        let success = a
            .success
            .as_deref()
            .map(|s| format!("\n{}", tr!("sched-deadline-done-when", success = s)))
            .unwrap_or_default();
        let pieces = layout::split(&format!("{}\n{state}{success}", a.title), 1024);
        if fields + pieces.len() > 24 {
            break;
        }
        for (i, piece) in pieces.into_iter().enumerate() {
            let name = if i == 0 { a.short_id() } else { tr!("sched-deadline-continued", id = a.short_id()) };
            embed = embed.field(name, piece, false);
            fields += 1;
        }
        shown += 1;
    }
    let rows = items.iter().take(5).map(|(_, a)| action_buttons(a)).collect();
    let more = if items.len() > shown.min(5) { format!("\n{}", tr!("sched-deadline-more")) } else { String::new() };
    Outgoing {
        content: format!("{}{more}", tr!("sched-deadline-intro")),
        embeds: vec![embed],
        components: rows,
        nonce,
        ..Outgoing::default()
    }
}

/// The weekly post in the program channel: aggregates and a call to action, no names.
pub fn weekly_message(s: &WeeklyStats, nonce: String) -> Outgoing {
    let on_time = if s.held_last_week == 0 {
        tr!("sched-weekly-no-sessions-held")
    } else {
        tr!(
            "sched-weekly-on-time-share",
            percent = (s.agendas_on_time * 100 / s.held_last_week).to_string(),
            on_time = s.agendas_on_time,
            held = s.held_last_week,
        )
    };
    let embed = CreateEmbed::new()
        .title(tr!("sched-weekly-title"))
        .field(tr!("sched-weekly-held"), s.held_last_week.to_string(), true)
        .field(tr!("sched-weekly-missed"), s.missed_last_week.to_string(), true)
        .field(tr!("sched-weekly-unconfirmed"), s.unconfirmed_last_week.to_string(), true)
        .field(tr!("sched-weekly-booked"), s.booked_this_week.to_string(), true)
        .field(tr!("sched-weekly-agendas-on-time"), on_time, true)
        .field(tr!("sched-weekly-actions-done"), s.actions_done_last_week.to_string(), true)
        .field(tr!("sched-weekly-actions-overdue"), s.actions_overdue.to_string(), true)
        .field(
            tr!("sched-weekly-stale-pairs"),
            tr!("sched-weekly-stale-share", stale = s.stale_pairs, active = s.active_pairs),
            true,
        )
        .description(tr!("sched-weekly-call-to-action"));
    Outgoing { embeds: vec![embed], nonce, ..Outgoing::default() }
}

/// The short channel mention when someone's DMs are closed (nothing private in it).
pub fn dm_fallback_message(user: UserId, nonce: String) -> Outgoing {
    Outgoing { content: tr!("sched-dm-fallback", user = format!("<@{user}>")), nonce, ..Outgoing::default() }
}
