//! `/join`, `/leave`, `/timezone`, `/profile`.

use poise::serenity_prelude as serenity;

use super::autocomplete;
use crate::{
    bot::{answer::send, caller::caller, confirm::leave_question, reply::private, BotError, Context},
    domain::member::Role,
    tr,
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
    #[description = "Mentees: what you want to work on, comma-separated, from the program's tags"]
    #[autocomplete = "autocomplete::tags"]
    #[max_length = 500]
    interests: Option<String>,
    #[description = "Mentors: what you can help with, comma-separated, from the program's tags"]
    #[autocomplete = "autocomplete::tags"]
    #[max_length = 500]
    expertise: Option<String>,
    #[description = "Mentors: how many mentees you take at once (default 1)"]
    #[min = 1]
    #[max = 20]
    capacity: Option<i64>,
) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let app = &ctx.data().app;
    // Checked before joining, so a bad tag or capacity changes nothing.
    let matching =
        app.check_matching(&caller, role.into(), interests.as_deref(), expertise.as_deref(), capacity).await?;
    let out = app.join(&caller, role.into(), timezone.as_deref()).await?;
    let (tags, capacity) = app.save_matching(&caller, &matching).await?;
    let matching_line = matching_summary(out.member.role, &tags, capacity);
    let zone = out.member.zone_or(out.program.zone);
    let (role, zone) = (out.member.role.as_str(), zone.name());
    let text = if out.already {
        tr!("cmd-join-already", role = role, zone = zone)
    } else {
        tr!("cmd-join-joined", rejoined = if out.rejoined { "yes" } else { "no" }, role = role, zone = zone)
    };
    private(ctx, format!("{text}{matching_line}"), vec![]).await
}

/// What a member gave for matching, as one line (empty when nothing).
fn matching_summary(role: Role, tags: &[String], capacity: i64) -> String {
    let list = tags.iter().map(|t| format!("`{}`", crate::domain::text::short(t))).collect::<Vec<_>>().join(", ");
    match role {
        Role::Mentee if tags.is_empty() => String::new(),
        Role::Mentee => format!("\n{}", tr!("cmd-join-interests", tags = list)),
        Role::Mentor if tags.is_empty() => format!("\n{}", tr!("cmd-join-capacity", capacity = capacity)),
        Role::Mentor => format!("\n{}", tr!("cmd-join-expertise", tags = list, capacity = capacity)),
    }
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
    let text =
        tr!("cmd-timezone-set", zone = zone.name(), now = crate::domain::dates::list_day_time(now.naive_local()));
    private(ctx, text, vec![]).await
}

/// Show your role, time zone and pairings.
#[poise::command(slash_command, guild_only)]
pub async fn profile(ctx: Context<'_>) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let p = ctx.data().app.profile(&caller).await?;
    let zone = p.member.zone_or(p.program.zone);
    let zone = if p.member.zone.is_some() {
        zone.name().to_owned()
    } else {
        tr!("cmd-profile-zone-program", zone = zone.name())
    };
    let pairs: Vec<String> = p
        .pairings
        .iter()
        .map(|pairing| {
            let (partner, role) = if pairing.mentor_id == caller.user_id {
                (pairing.mentee_id, "mentee")
            } else {
                (pairing.mentor_id, "mentor")
            };
            tr!("cmd-profile-pairing", partner = partner.to_string(), role = role)
        })
        .collect();
    let pairs = if pairs.is_empty() { tr!("cmd-profile-no-pairings") } else { pairs.join("\n") };
    let embed = serenity::CreateEmbed::new()
        .title(tr!("cmd-profile-title", name = p.member.display_name.as_str()))
        .field(tr!("cmd-profile-role-name"), tr!("cmd-profile-role", role = p.member.role.as_str()), true)
        .field(tr!("cmd-profile-zone-name"), zone, true)
        .field(tr!("cmd-profile-upcoming"), p.upcoming_sessions.to_string(), true)
        .field(tr!("cmd-profile-pairings"), pairs, false);
    // Pre-work, visible to the pair only: this is the caller's own pairing.
    let mut embeds = vec![embed];
    // Within Discord's 6,000 characters a message: three backgrounds, 200 characters a field
    // (the whole text is in `/session summary`).
    for b in p.backgrounds.iter().take(3) {
        let mut e = serenity::CreateEmbed::new()
            .title(tr!("cmd-profile-background"))
            .description(tr!("cmd-profile-background-by", by = b.by.to_string()));
        for (name, value) in b.input.fields() {
            let mut value = value.to_owned();
            crate::app::truncate_label(&mut value, 200);
            e = e.field(name, value, false);
        }
        embeds.push(e);
    }
    private(ctx, "", embeds).await
}
