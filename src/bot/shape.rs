//! Buttons and forms of the program's shape: **Start midpoint/final review** (the next goal's
//! review form, then the End-of-Program Reflection), quarterly check-ins, **Share background**
//! (pre-work), a milestone's **done**, and the admins' outline form. Rights come from stored
//! state (the pairing a button names; the outline form re-checks admin rights on submit).

use poise::serenity_prelude as serenity;
use serenity::{CreateActionRow, CreateInputText, CreateModal, InputTextStyle};

use super::{
    answer::{Answer, Source},
    modals::{self, values},
    reply::tell_with,
    user_id, BotError, Data,
};
use crate::{
    app::{Caller, ReviewStep, UserError, MAX_NOTE_CHARS, MAX_TITLE_CHARS},
    domain::{background::BackgroundInput, goal::progress_bar, ids::GuildId, outline::Outline},
    render::components::ComponentId,
    tr,
};

/// Field ids of the shape's forms.
pub mod fields {
    pub const ROLE: &str = "current_role";
    pub const WANTS: &str = "wants";
    pub const LINKS: &str = "links";
    pub const COMMUNICATION: &str = "communication";
    pub const FREQUENCY: &str = "frequency";
    pub const CHANGED: &str = "changed_most";
    pub const SKILLS: &str = "skills";
    pub const KEEP: &str = "keep_doing";
    pub const OUTLINE: &str = "outline";
}

fn input(id: &str, label: &str, value: &str, required: bool, max: usize) -> CreateInputText {
    let style = if max > 200 { InputTextStyle::Paragraph } else { InputTextStyle::Short };
    // Discord takes 45 characters of a label; a translation may be longer.
    let mut label = label.to_owned();
    crate::app::truncate_label(&mut label, 45);
    let field =
        CreateInputText::new(style, &label, id).required(required).max_length(u16::try_from(max).unwrap_or(u16::MAX));
    if value.is_empty() {
        field
    } else {
        field.value(value)
    }
}

fn modal(id: ComponentId, title: &str, inputs: Vec<CreateInputText>) -> CreateModal {
    let mut title = title.to_owned();
    crate::app::truncate_label(&mut title, 45);
    CreateModal::new(id.to_custom_id(), title).components(inputs.into_iter().map(CreateActionRow::InputText).collect())
}

/// The mentee's Share background form (five fields, Discord's most).
fn background_modal(pairing: i64, v: &BackgroundInput) -> CreateModal {
    modal(
        ComponentId::Background(pairing),
        &tr!("bot-shape-background-title"),
        vec![
            input(fields::ROLE, &tr!("bot-shape-background-role"), &v.current_role, true, MAX_TITLE_CHARS)
                .placeholder(tr!("bot-shape-background-role-placeholder")),
            input(fields::WANTS, &tr!("bot-shape-background-wants"), &v.wants, false, MAX_NOTE_CHARS),
            input(fields::LINKS, &tr!("bot-shape-background-links"), &v.links, false, MAX_NOTE_CHARS),
            input(
                fields::COMMUNICATION,
                &tr!("bot-shape-background-communication"),
                &v.communication,
                false,
                MAX_TITLE_CHARS,
            )
            .placeholder(tr!("bot-shape-background-communication-placeholder")),
            input(fields::FREQUENCY, &tr!("bot-shape-background-frequency"), &v.frequency, false, MAX_TITLE_CHARS)
                .placeholder(tr!("bot-shape-background-frequency-placeholder")),
        ],
    )
}

/// Step 2 of the final review: the reflection prompts.
fn reflection_modal(pairing: i64) -> CreateModal {
    let m = MAX_NOTE_CHARS * 4;
    modal(
        ComponentId::Reflection(pairing),
        &tr!("bot-shape-reflection-title"),
        vec![
            input(fields::CHANGED, &tr!("bot-shape-reflection-changed"), "", true, m),
            input(fields::SKILLS, &tr!("bot-shape-reflection-skills"), "", false, m),
            input(fields::KEEP, &tr!("bot-shape-reflection-keep"), "", false, m),
        ],
    )
}

/// The admins' outline form, pre-filled with the current outline.
pub fn outline_modal(guild: GuildId, current: &str) -> CreateModal {
    modal(
        ComponentId::Outline(i64::try_from(guild.0).unwrap_or(0)),
        &tr!("bot-shape-outline-title"),
        vec![input(fields::OUTLINE, &tr!("bot-shape-outline-field"), current, true, 4000)
            .placeholder(tr!("bot-shape-outline-placeholder"))],
    )
}

/// The outline as text for a reply.
pub fn outline_text(outline: &Outline, replaced: bool) -> String {
    let steps: Vec<String> = outline
        .steps()
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let n = i + 1;
            let which = if n == outline.steps().len() { format!("{n}+") } else { n.to_string() };
            format!("**{which}. {}**: {}", s.title, s.prompt)
        })
        .collect();
    let origin = if replaced { "admin" } else { "default" };
    format!("{}\n{}", tr!("bot-shape-outline-heading", origin = origin), steps.join("\n"))
}

fn who(source: Source<'_>) -> (crate::domain::ids::UserId, String) {
    let user = source.user();
    (user_id(user.id), user.global_name.clone().unwrap_or_else(|| user.name.clone()))
}

/// A press on one of the shape's buttons.
pub async fn on_press(data: &Data, http: &serenity::Http, source: Source<'_>, id: ComponentId) -> Result<(), BotError> {
    let app = &data.app;
    let (user, name) = who(source);
    let modal = match id {
        ComponentId::ReviewStart(kind, pid) => {
            let (caller, pairing) = app.caller_for_pairing(user, &name, pid).await?;
            match app.review_step(&caller, kind, &pairing).await? {
                ReviewStep::Goal(form) => modals::review_modal(&form),
                ReviewStep::Reflection(pid) => reflection_modal(pid),
            }
        }
        ComponentId::Reflection(pid) => {
            let (caller, pairing) = app.caller_for_pairing(user, &name, pid).await?;
            app.require_active(&caller, &pairing).await?;
            reflection_modal(pid)
        }
        ComponentId::Background(pid) => {
            let (caller, pairing) = app.caller_for_pairing(user, &name, pid).await?;
            background_modal(pid, &app.background_form(&caller, &pairing).await?)
        }
        ComponentId::CheckIns(pid) => {
            let (caller, pairing) = app.caller_for_pairing(user, &name, pid).await?;
            let (first, new) = app.opt_into_check_ins(&caller, &pairing).await?;
            let text = if new {
                tr!("bot-shape-check-ins-on", first = crate::domain::dates::list_date(first))
            } else {
                tr!("bot-shape-check-ins-already")
            };
            return Ok(source.send(http, Answer::text(text), false).await?);
        }
        ComponentId::MilestoneDone(mid) => {
            let caller = app.caller_for_milestone(user, &name, mid).await?;
            let out = app.complete_milestone(&caller, &format!("m{mid}")).await?;
            return Ok(source.send(http, milestone_done_answer(&out), false).await?);
        }
        _ => return Err(anyhow::anyhow!("not a button of the program's shape").into()),
    };
    Ok(source.show_modal(http, modal).await?)
}

/// What marking a milestone done answers.
pub fn milestone_done_answer(out: &crate::app::MilestoneOutcome) -> Answer {
    Answer::text(tr!(
        "bot-shape-milestone-done",
        milestone = out.milestone.short_id(),
        title = out.milestone.title.as_str(),
        goal = out.goal.title.as_str(),
        progress = progress_bar(out.goal.progress)
    ))
}

/// The admin caller of a form sent in a server (a form from a DM is never an admin's).
fn guild_caller(data: &Data, modal: &serenity::ModalInteraction, guild: i64) -> Result<Caller, BotError> {
    let here = modal.guild_id.map(|g| i64::try_from(g.get()).unwrap_or(0));
    if here != Some(guild) {
        return Err(UserError::NotAdmin.into());
    }
    let is_admin = modal.member.as_ref().is_some_and(|m| {
        let perms = m.permissions.unwrap_or_else(serenity::Permissions::empty);
        perms.manage_guild()
            || perms.administrator()
            || data.admin_role.is_some_and(|r| m.roles.iter().any(|role| role.get() == r.0))
    });
    let (user, name) =
        (user_id(modal.user.id), modal.user.global_name.clone().unwrap_or_else(|| modal.user.name.clone()));
    Ok(Caller { guild_id: GuildId(u64::try_from(guild).unwrap_or(0)), user_id: user, name, is_admin })
}

/// A submitted form of the shape (the interaction has been deferred).
pub async fn on_submit(
    data: &Data,
    source: Source<'_>,
    modal: &serenity::ModalInteraction,
    id: ComponentId,
) -> Result<Answer, BotError> {
    let app = &data.app;
    let v = values(modal);
    let get = |key: &str| v.get(key).cloned().unwrap_or_default();
    let (user, name) = who(source);
    Ok(match id {
        ComponentId::Reflection(pid) => {
            let (caller, pairing) = app.caller_for_pairing(user, &name, pid).await?;
            app.require_active(&caller, &pairing).await?;
            let (a, b, c) = (get(fields::CHANGED), get(fields::SKILLS), get(fields::KEEP));
            app.save_reflection(&caller, &pairing, [&a, &b, &c]).await?;
            Answer::text(tr!("bot-shape-reflection-saved"))
        }
        ComponentId::Background(pid) => {
            let (caller, pairing) = app.caller_for_pairing(user, &name, pid).await?;
            let input = BackgroundInput {
                current_role: get(fields::ROLE),
                wants: get(fields::WANTS),
                links: get(fields::LINKS),
                communication: get(fields::COMMUNICATION),
                frequency: get(fields::FREQUENCY),
            };
            let (_, notices) = app.share_background(&caller, &pairing, input).await?;
            let failures = tell_with(data, &notices).await;
            let told = super::reply::told(&failures, &tr!("bot-shape-mentor-told"));
            Answer::text(tr!("bot-shape-background-shared", mentor = pairing.mentor_id.to_string(), told = told))
        }
        ComponentId::Outline(guild) => {
            let caller = guild_caller(data, modal, guild)?;
            let outline = app.replace_outline(&caller, &get(fields::OUTLINE)).await?;
            Answer::text(format!("{}\n{}", tr!("bot-shape-outline-saved"), outline_text(&outline, true)))
        }
        _ => return Err(anyhow::anyhow!("a button's id came with a form").into()),
    })
}
