//! `/me export` and `/me forget`: a member's own data, with the Forget / Keep buttons.

use poise::{serenity_prelude as serenity, CreateReply};

use crate::{
    app::{Caller, ForgetOutcome, UserError},
    bot::{caller::caller, reply::no_pings, user_id, BotError, Context, Data},
    domain::ids::{GuildId, UserId},
    render::export::{export_files, fit_attachments},
    tr,
};

/// Discord's upload limit when the interaction does not say.
const DEFAULT_ATTACHMENT_LIMIT: usize = 10 * 1024 * 1024;

/// Your own data in this server's program: get a copy, or have it erased.
#[poise::command(slash_command, guild_only, subcommands("export", "forget"), subcommand_required)]
pub async fn me(_ctx: Context<'_>) -> Result<(), BotError> {
    Ok(())
}

/// Get everything the bot stores about you in this server, as files only you see.
#[poise::command(slash_command, guild_only)]
pub async fn export(ctx: Context<'_>) -> Result<(), BotError> {
    ctx.defer_ephemeral().await?;
    let caller = caller(ctx).await?;
    let app = &ctx.data().app;
    let data = app.export(&caller).await?;
    let files = export_files(&data, caller.user_id, app.store.instance())?;
    let limit = match ctx {
        poise::Context::Application(a) => usize::try_from(a.interaction.attachment_size_limit)
            .ok()
            .filter(|l| *l > 0)
            .unwrap_or(DEFAULT_ATTACHMENT_LIMIT),
        poise::Context::Prefix(_) => DEFAULT_ATTACHMENT_LIMIT,
    };
    let messages = fit_attachments(files, limit);
    let mut text = tr!("cmd-export-done", records = data.records.len(), upcoming = data.upcoming.len());
    if messages.len() > 1 {
        text = format!("{text} {}", tr!("cmd-export-parts"));
    }
    for (i, files) in messages.into_iter().enumerate() {
        let mut reply = CreateReply::default().ephemeral(true).allowed_mentions(no_pings());
        if i == 0 {
            reply = reply.content(text.clone());
        }
        for file in files {
            reply = reply.attachment(serenity::CreateAttachment::bytes(file.bytes, file.name));
        }
        ctx.send(reply).await?;
    }
    Ok(())
}

/// Erase your data in this server's program (asks you first).
#[poise::command(slash_command, guild_only)]
pub async fn forget(ctx: Context<'_>) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let app = &ctx.data().app;
    app.require_program(caller.guild_id).await?;
    if app.store.member(caller.guild_id, caller.user_id).await?.is_none() {
        return Err(UserError::NothingStored.into());
    }
    let text = tr!("cmd-forget-question");
    let buttons = vec![serenity::CreateActionRow::Buttons(vec![
        serenity::CreateButton::new(ForgetChoice { user: caller.user_id, forget: true }.id())
            .label(tr!("cmd-forget-button"))
            .style(serenity::ButtonStyle::Danger),
        serenity::CreateButton::new(ForgetChoice { user: caller.user_id, forget: false }.id())
            .label(tr!("cmd-forget-keep-button"))
            .style(serenity::ButtonStyle::Secondary),
    ])];
    let reply = CreateReply::default().ephemeral(true).content(text).components(buttons).allowed_mentions(no_pings());
    ctx.send(reply).await?;
    Ok(())
}

/// The Forget / Keep buttons: `forget:yes:<user>` / `forget:no:<user>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForgetChoice {
    /// Who asked; only they may press.
    pub user: UserId,
    pub forget: bool,
}

impl ForgetChoice {
    /// The custom id.
    pub fn id(self) -> String {
        format!("forget:{}:{}", if self.forget { "yes" } else { "no" }, self.user)
    }

    /// Reads a custom id.
    pub fn parse(id: &str) -> Option<Self> {
        let rest = id.strip_prefix("forget:")?;
        let (answer, user) = rest.split_once(':')?;
        let forget = match answer {
            "yes" => true,
            "no" => false,
            _ => return None,
        };
        Some(Self { user: UserId(user.parse().ok()?), forget })
    }
}

/// A press of Forget or Keep: only the person who asked, in the server they asked in; the
/// question is replaced by what happened.
pub async fn on_forget_choice(
    data: &Data,
    http: &serenity::Http,
    press: &serenity::ComponentInteraction,
    choice: ForgetChoice,
) -> Result<(), BotError> {
    if user_id(press.user.id) != choice.user {
        return Err(UserError::NotYourButton.into());
    }
    let guild = press.guild_id.ok_or(UserError::NothingStored)?;
    let text = if choice.forget {
        let caller = Caller {
            guild_id: GuildId(guild.get()),
            user_id: choice.user,
            name: press.user.name.clone(),
            is_admin: false,
        };
        forgotten_text(&data.app.forget(&caller).await?)
    } else {
        tr!("cmd-forget-kept")
    };
    let update = serenity::CreateInteractionResponseMessage::new()
        .content(text)
        .components(Vec::new())
        .allowed_mentions(no_pings());
    press.create_response(http, serenity::CreateInteractionResponse::UpdateMessage(update)).await?;
    Ok(())
}

/// What `/me forget` erased and what the partners keep.
fn forgotten_text(out: &ForgetOutcome) -> String {
    let e = &out.erased;
    tr!(
        "cmd-forget-done",
        availability = e.availability,
        agendas = e.agendas,
        topics = e.topics,
        notes = e.notes,
        actions = e.actions,
        goals = e.goals,
        goal_updates = e.goal_updates,
        reviews = e.reviews,
        jobs = e.jobs,
        ratings = e.ratings,
        ended_pairings = out.ended_pairings,
        cancelled_sessions = out.cancelled_sessions,
        kept_sessions = out.kept_sessions,
        partners = out.partners,
    )
}
