//! What scheduled messages say. DMs go to one member of a pair and may name the pair's own
//! content; channel posts carry aggregates only.

use serenity::all::{ButtonStyle, CreateActionRow, CreateButton, CreateEmbed};

use crate::{
    domain::{ids::UserId, jobs::JobKind, pairing::Pairing, session::Session},
    notify::{when, Outgoing},
    store::{ActionFacts, SessionFacts, WeeklyStats},
};

const COLOUR: u32 = 0x0057_F287;

fn button(custom_id: String, label: &str, style: ButtonStyle) -> CreateButton {
    CreateButton::new(custom_id).label(label).style(style)
}

fn dm(embed: CreateEmbed, buttons: Vec<CreateButton>, nonce: String) -> Outgoing {
    let components = if buttons.is_empty() { Vec::new() } else { vec![CreateActionRow::Buttons(buttons)] };
    Outgoing { embeds: vec![embed.colour(COLOUR)], components, nonce, ..Outgoing::default() }
}

fn session_title(emoji: &str, what: &str, s: &Session) -> String {
    format!("{emoji} {what} · session #{}", s.number)
}

/// The DM of a session job for `to`, or `None` when the kind is not a session job.
pub fn session_message(
    kind: JobKind,
    f: &SessionFacts,
    to: UserId,
    open_actions: &[ActionFacts],
    nonce: String,
) -> Option<Outgoing> {
    let s = &f.session;
    let p: &Pairing = &f.pairing;
    let (mentor, mentee) = (p.mentor_id, p.mentee_id);
    let id = s.id;
    let submit = || button(format!("agenda:{id}"), "Submit agenda", ButtonStyle::Primary);
    Some(match kind {
        JobKind::AgendaRequest => dm(
            CreateEmbed::new().title(session_title("📝", "Agenda time", s)).description(format!(
                "Your session with <@{mentor}> is {}.\nTake five minutes to prepare: what would make it a success, \
                 what moved since last time, where are you stuck? Submit your agenda with the button or `/agenda`.",
                when(s.starts_at)
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
        JobKind::MentorPrep => {
            let agenda = if f.has_agenda {
                "✅ The agenda is in: see it with `/agenda view`."
            } else {
                "❌ No agenda has arrived."
            };
            let mut embed = CreateEmbed::new()
                .title(session_title("🧭", "Prep", s))
                .description(format!("Your session with <@{mentee}> starts {}.\n{agenda}", when(s.starts_at)));
            embed = embed.field("Open action items", action_list(open_actions), false);
            dm(embed, Vec::new(), nonce)
        }
        JobKind::FollowUp | JobKind::FollowUpAgain => {
            let again = kind == JobKind::FollowUpAgain;
            let title = if again { "Nothing recorded yet" } else { "How did it go?" };
            let (text, buttons) = if to == mentor {
                (
                    "Thanks for mentoring! Share the resources you mentioned so they are in the session record.",
                    vec![
                        button(format!("resources:{id}"), "Share resources", ButtonStyle::Primary),
                        button(format!("notes:{id}"), "Add takeaways", ButtonStyle::Secondary),
                    ],
                )
            } else {
                (
                    "Capture takeaways and action items while they are fresh, and book the next session.",
                    vec![
                        button(format!("notes:{id}"), "Add takeaways", ButtonStyle::Primary),
                        button(format!("action:new:{id}"), "Add action item", ButtonStyle::Secondary),
                        button(format!("book:next:{id}"), "Book next session", ButtonStyle::Success),
                    ],
                )
            };
            dm(CreateEmbed::new().title(session_title("✅", title, s)).description(text), buttons, nonce)
        }
        _ => return None,
    })
}

/// One line per action item: `A3 · title · due <t>`.
fn action_list(items: &[ActionFacts]) -> String {
    if items.is_empty() {
        return "None.".to_owned();
    }
    let mut out = String::new();
    for a in items {
        let line = format!("• **A{}** {} · <@{}> · due <t:{}:R>\n", a.number, a.title, a.owner, a.deadline.timestamp());
        if out.len() + line.len() > 1000 {
            out.push_str("… more in `/action list`");
            break;
        }
        out.push_str(&line);
    }
    out
}

/// One DM for all due deadline/overdue reminders of one person, with buttons per item.
pub fn deadline_message(items: &[(JobKind, ActionFacts)], nonce: String) -> Outgoing {
    let overdue = items.iter().any(|(k, _)| *k == JobKind::OverdueReminder);
    let title = match (items.len(), overdue) {
        (1, false) => "⏳ An action item is due soon".to_owned(),
        (1, true) => "⚠️ An action item is overdue".to_owned(),
        (n, _) => format!("⏳ {n} action items need you"),
    };
    let mut embed = CreateEmbed::new().title(title).colour(COLOUR);
    for (kind, a) in items.iter().take(20) {
        let state = if *kind == JobKind::OverdueReminder { "overdue since" } else { "due" };
        let success = a.success.as_deref().map(|s| format!("\nDone when: {s}")).unwrap_or_default();
        embed = embed.field(
            format!("A{} · {}", a.number, a.title),
            format!("{state} {}{success}", when(a.deadline)),
            false,
        );
    }
    let rows = items
        .iter()
        .take(5)
        .map(|(_, a)| {
            CreateActionRow::Buttons(vec![
                button(format!("action:done:{}", a.id), &format!("A{} done", a.number), ButtonStyle::Success),
                button(format!("action:later:{}", a.id), "+3 days", ButtonStyle::Secondary),
                button(format!("action:blocked:{}", a.id), "Blocked", ButtonStyle::Danger),
            ])
        })
        .collect();
    let more = if items.len() > 5 { "\nMore items: `/action list`." } else { "" };
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
