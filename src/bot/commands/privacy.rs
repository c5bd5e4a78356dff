//! `/me export` and `/me forget`: a member's own data, with the Forget / Keep buttons.

use poise::{serenity_prelude as serenity, CreateReply};

use crate::{
    app::{Caller, ForgetOutcome, UserError},
    bot::{caller::caller, reply::no_pings, user_id, BotError, Context, Data},
    domain::ids::{GuildId, UserId},
    render::export::{export_files, fit_attachments},
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
    let text = format!(
        "📦 Everything I store about you in this server: `mentor-bot-export.json` (your profile, \
         pairings, sessions, agendas, notes, topics, action items, goals, reviews, your own \
         attendance answers and ratings, and the messages planned for you), `sessions.md` ({} \
         session record(s) in the session template) and `upcoming-sessions.ics` ({} upcoming \
         session(s) to import into a calendar).{}",
        data.records.len(),
        data.upcoming.len(),
        if messages.len() > 1 {
            " A file too large for one message comes in numbered parts: join them in order."
        } else {
            ""
        }
    );
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
    let text = "⚠️ **Erase your data in this server's mentoring program?**\n\
        Erased: your profile (role, time zone, weekly availability, away periods), the agenda \
        fields, notes and topics you wrote, the action items you own, the goals you set (with \
        their progress and reviews), your reviews and progress updates, and your pending \
        reminders. Your ratings stop naming you (they only count in the program's anonymous \
        average). Running pairings end and upcoming sessions are cancelled; partners are told.\n\
        Your partners keep the sessions you had together (times, status, what they wrote), with \
        you shown as \"a former member\". This cannot be undone; `/me export` gives you a copy first.";
    let buttons = vec![serenity::CreateActionRow::Buttons(vec![
        serenity::CreateButton::new(ForgetChoice { user: caller.user_id, forget: true }.id())
            .label("Forget")
            .style(serenity::ButtonStyle::Danger),
        serenity::CreateButton::new(ForgetChoice { user: caller.user_id, forget: false }.id())
            .label("Keep")
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
        "👍 Kept: nothing was erased.".to_owned()
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
    format!(
        "🧹 **Erased** your data in this server: your profile, {} availability/away entr(ies), {} agenda(s), \
         {} topic(s), {} session note(s), {} action item(s) you owned, {} goal(s) you set, {} goal progress \
         update(s), {} review(s), and {} pending reminder(s).\n\
         Your {} rating(s) no longer name you: they only count in the program's anonymous average.\n\
         Ended pairings: {}; cancelled upcoming sessions: {} (your partners were told by DM).\n\
         **Your partners keep** {} session(s) in {} pairing(s): times, status, what they wrote, and the \
         program's counts, with you shown as \"a former member\". `/join` again starts afresh.",
        e.availability,
        e.agendas,
        e.topics,
        e.notes,
        e.actions,
        e.goals,
        e.goal_updates,
        e.reviews,
        e.jobs,
        e.ratings,
        out.ended_pairings,
        out.cancelled_sessions,
        out.kept_sessions,
        out.partners,
    )
}
