//! `/join`, `/leave`, `/timezone`, `/profile`.

use poise::serenity_prelude as serenity;

use super::autocomplete;
use crate::{
    bot::{answer::send, caller::caller, confirm::leave_question, reply::private, BotError, Context},
    domain::member::Role,
};

/// Your role in the program.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum RoleChoice {
    #[name = "mentee"]
    Mentee,
    #[name = "mentor"]
    Mentor,
}

impl From<RoleChoice> for Role {
    fn from(c: RoleChoice) -> Self {
        match c {
            RoleChoice::Mentee => Role::Mentee,
            RoleChoice::Mentor => Role::Mentor,
        }
    }
}

/// Join this server's mentoring program as a mentee or a mentor.
#[poise::command(slash_command, guild_only)]
pub async fn join(
    ctx: Context<'_>,
    #[description = "mentee (you want guidance) or mentor (you give it)"] role: RoleChoice,
    #[description = "Your time zone (default: the program's)"]
    #[autocomplete = "autocomplete::zones"]
    #[max_length = 64]
    timezone: Option<String>,
) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let out = ctx.data().app.join(&caller, role.into(), timezone.as_deref()).await?;
    let zone = out.member.zone_or(out.program.zone);
    let text = if out.already {
        format!("You are already in the program as a {}. Your time zone is {}.", out.member.role, zone.name())
    } else {
        let again = if out.rejoined { "Welcome back! " } else { "" };
        format!(
            "🎉 {again}You joined the mentoring program as a **{}**. Times are shown to you in **{}**; change it with `/timezone`.\n\
             An admin will pair you; then book sessions with `/book`.",
            out.member.role,
            zone.name()
        )
    };
    private(ctx, text, vec![]).await
}

/// Leave the program: ends your pairings and cancels upcoming sessions (asks first).
#[poise::command(slash_command, guild_only)]
pub async fn leave(ctx: Context<'_>) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let preview = ctx.data().app.leave_preview(&caller).await?;
    send(ctx, leave_question(&preview, ctx.author().id.get())).await
}

/// Set the time zone your session times are read and shown in.
#[poise::command(slash_command, guild_only)]
pub async fn timezone(
    ctx: Context<'_>,
    #[description = "IANA zone name, e.g. Europe/Berlin (start typing to search)"]
    #[autocomplete = "autocomplete::zones"]
    #[max_length = 64]
    zone: String,
) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let zone = ctx.data().app.set_zone(&caller, &zone).await?;
    let now = ctx.data().app.now().with_timezone(&zone);
    private(
        ctx,
        format!("🕒 Your time zone is now **{}** (it is {} there).", zone.name(), now.format("%a %d %b %H:%M")),
        vec![],
    )
    .await
}

/// Show your role, time zone and pairings.
#[poise::command(slash_command, guild_only)]
pub async fn profile(ctx: Context<'_>) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let p = ctx.data().app.profile(&caller).await?;
    let zone = p.member.zone_or(p.program.zone);
    let zone_note = if p.member.zone.is_some() { "" } else { " (the program's)" };
    let pairs: Vec<String> = p
        .pairings
        .iter()
        .map(|pairing| {
            let (partner, role) = if pairing.mentor_id == caller.user_id {
                (pairing.mentee_id, "mentee")
            } else {
                (pairing.mentor_id, "mentor")
            };
            format!("• <@{partner}> (your {role})")
        })
        .collect();
    let pairs =
        if pairs.is_empty() { "None yet: an admin pairs people with `/pair`.".to_owned() } else { pairs.join("\n") };
    let embed = serenity::CreateEmbed::new()
        .title(format!("Profile of {}", p.member.display_name))
        .field("Role", p.member.role.as_str(), true)
        .field("Time zone", format!("{}{zone_note}", zone.name()), true)
        .field("Upcoming sessions", p.upcoming_sessions.to_string(), true)
        .field("Pairings", pairs, false);
    private(ctx, "", vec![embed]).await
}
