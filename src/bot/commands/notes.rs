//! `/notes` and `/session summary`.

use poise::serenity_prelude as serenity;

use super::autocomplete;
use crate::{
    app::{NotesOutcome, SessionPick},
    bot::{
        answer::{send, show_modal, Answer},
        caller::caller,
        modals::notes_modal,
        BotError, Context,
    },
    domain::{layout, notes::ResourceKind},
    render::components::{agenda_button, follow_up_buttons},
    render::summary::{record_markdown, record_pages},
    tr,
};

/// Write the notes of a session that has started (either of you); marks it completed.
#[poise::command(slash_command, guild_only)]
pub async fn notes(
    ctx: Context<'_>,
    #[description = "The session (default: your latest one that has started)"]
    #[autocomplete = "autocomplete::changeable_sessions"]
    #[max_length = 100]
    session: Option<String>,
) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let form = ctx.data().app.notes_form(&caller, SessionPick::or(session.as_deref(), SessionPick::Latest)).await?;
    show_modal(ctx, notes_modal(&form, false)).await
}

/// The confirmation after saving notes, with the follow-up buttons.
pub fn notes_answer(out: &NotesOutcome) -> Answer {
    let mut text = tr!("cmd-notes-saved", number = out.session.number, status = out.session.status.to_string());
    if !out.problems.is_empty() {
        text = format!("{text}\n{}", tr!("cmd-notes-resources-kept", types = ResourceKind::NAMES));
    }
    let problems: Vec<String> = out
        .problems
        .iter()
        .map(|p| tr!("cmd-notes-resource-line", line = p.line, problem = p.problem.as_str()))
        .collect();
    let pages = if problems.is_empty() {
        Vec::new()
    } else {
        layout::pages(&tr!("cmd-notes-resources-title"), &problems.join("\n"), &[])
    };
    Answer::text(text).pages(pages).components(vec![follow_up_buttons(out.session.id)])
}

/// Sessions: the whole record of one.
#[poise::command(slash_command, guild_only, subcommands("summary"), subcommand_required)]
pub async fn session(_ctx: Context<'_>) -> Result<(), BotError> {
    Ok(())
}

/// The whole record of a session in the session template, also attached as a Markdown file.
#[poise::command(slash_command, guild_only)]
pub async fn summary(
    ctx: Context<'_>,
    #[description = "The session (default: your latest one that has started)"]
    #[autocomplete = "autocomplete::any_sessions"]
    #[max_length = 100]
    session: Option<String>,
) -> Result<(), BotError> {
    ctx.defer_ephemeral().await?;
    let caller = caller(ctx).await?;
    let app = &ctx.data().app;
    let record = app.session_record(&caller, SessionPick::or(session.as_deref(), SessionPick::Latest)).await?;
    let program = app.require_program(caller.guild_id).await?;
    let zone = app.zone_of(&program, caller.user_id).await?;
    let file_name = format!("session-{}-summary.md", record.view.session.number);
    let file = serenity::CreateAttachment::bytes(record_markdown(&record, zone).into_bytes(), file_name.clone());
    let buttons =
        if record.started { follow_up_buttons(record.view.session.id) } else { agenda_button(record.view.session.id) };
    let answer = Answer {
        content: tr!("cmd-summary-attached", file = file_name.as_str()),
        pages: record_pages(&record),
        file: Some(file),
        components: vec![buttons],
    };
    send(ctx, answer).await
}
