//! `/agenda edit`, `/agenda topic`, `/agenda view`.

use super::autocomplete;
use crate::{
    app::{AgendaOutcome, AgendaView, SessionPick},
    bot::{
        answer::{send, show_modal, Answer},
        caller::caller,
        modals::{agenda_modal, topic_modal},
        reply::told,
        BotError, Context,
    },
    domain::layout,
    render::content::{agenda_sections, Style},
    tr,
};

/// Session agendas: the mentee prepares each session, the mentor adds topics.
#[poise::command(slash_command, guild_only, subcommands("edit", "topic", "view"), subcommand_required)]
pub async fn agenda(_ctx: Context<'_>) -> Result<(), BotError> {
    Ok(())
}

/// Write or edit the agenda of your next session (mentees); opens a form, pre-filled when editing.
#[poise::command(slash_command, guild_only)]
pub async fn edit(
    ctx: Context<'_>,
    #[description = "The session (default: your next one)"]
    #[autocomplete = "autocomplete::sessions"]
    #[max_length = 100]
    session: Option<String>,
) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let form = ctx.data().app.agenda_form(&caller, SessionPick::or(session.as_deref(), SessionPick::Next)).await?;
    show_modal(ctx, agenda_modal(&form)).await
}

/// Add topics to your mentee's agenda (mentors); opens a form.
#[poise::command(slash_command, guild_only)]
pub async fn topic(
    ctx: Context<'_>,
    #[description = "The session (default: your next one)"]
    #[autocomplete = "autocomplete::sessions"]
    #[max_length = 100]
    session: Option<String>,
) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let session = ctx.data().app.topic_form(&caller, SessionPick::or(session.as_deref(), SessionPick::Next)).await?;
    show_modal(ctx, topic_modal(&session)).await
}

/// Read the agenda of a session: your next one, or pick a past one.
#[poise::command(slash_command, guild_only)]
pub async fn view(
    ctx: Context<'_>,
    #[description = "The session (default: your next one)"]
    #[autocomplete = "autocomplete::any_sessions"]
    #[max_length = 100]
    session: Option<String>,
) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let view = ctx.data().app.view_agenda(&caller, SessionPick::or(session.as_deref(), SessionPick::Next)).await?;
    send(ctx, Answer::default().pages(agenda_pages(&view))).await
}

/// The agenda as embed pages.
pub fn agenda_pages(view: &AgendaView) -> Vec<layout::Page> {
    let (title, intro, sections) = agenda_sections(view, Style::Discord);
    layout::pages(&title, &intro, &sections)
}

/// What the mentee sees after submitting: confirmation and the agenda as the mentor got it.
pub fn saved_answer(out: &AgendaOutcome, failures: &str) -> Answer {
    let told = told(failures, &tr!("cmd-agenda-mentor-told", mentor = out.view.pairing.mentor_id.to_string()));
    let updated = if out.updated { "yes" } else { "no" };
    Answer::text(tr!("cmd-agenda-saved", number = out.view.session.number, updated = updated, told = told))
        .pages(agenda_pages(&out.view))
}
