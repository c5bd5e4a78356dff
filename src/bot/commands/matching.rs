//! `/program tags` and `/match suggest` (admins): interest tags and suggested pairs with
//! **Pair** and **Skip** buttons.

use poise::{serenity_prelude as serenity, CreateReply};

use crate::{
    bot::{
        caller::caller,
        reply::{no_pings, private},
        BotError, Context,
    },
    domain::{matching::Suggestion, text::short},
    render::admin_buttons::AdminPress,
};

/// The program's interest tags, which members pick from when they `/join` (admins).
#[poise::command(slash_command, guild_only, subcommands("tags_set", "tags_show"), subcommand_required, rename = "tags")]
pub async fn tags(_ctx: Context<'_>) -> Result<(), BotError> {
    Ok(())
}

/// Replace the program's interest tags (admins only), e.g. "leadership, career change".
#[poise::command(slash_command, guild_only, rename = "set")]
pub async fn tags_set(
    ctx: Context<'_>,
    #[description = "Comma-separated tags, e.g. leadership, career change, public speaking"]
    #[max_length = 1000]
    tags: String,
) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let tags = ctx.data().app.set_program_tags(&caller, &tags).await?;
    let list: Vec<String> = tags.iter().map(|t| format!("`{}`", short(t))).collect();
    private(
        ctx,
        format!(
            "🏷️ The program's tags are now {}. Members pick from them with `/join … interests:` (mentees) or \
             `expertise:` (mentors); `/match suggest` uses them.",
            list.join(", ")
        ),
        vec![],
    )
    .await
}

/// Show the program's interest tags (admins only; members see them while typing in `/join`).
#[poise::command(slash_command, guild_only, rename = "show")]
pub async fn tags_show(ctx: Context<'_>) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let tags = ctx.data().app.show_program_tags(&caller).await?;
    let text = if tags.is_empty() {
        "This program has no interest tags yet; an admin sets them with `/program tags set`.".to_owned()
    } else {
        format!("🏷️ Tags: {}", tags.iter().map(|t| format!("`{}`", short(t))).collect::<Vec<_>>().join(", "))
    };
    private(ctx, text, vec![]).await
}

/// Matching mentees with mentors (admins).
#[poise::command(slash_command, guild_only, subcommands("suggest"), subcommand_required, rename = "match")]
pub async fn match_(_ctx: Context<'_>) -> Result<(), BotError> {
    Ok(())
}

/// Suggest mentors for mentees without a pairing, with the reasons (admins only).
#[poise::command(slash_command, guild_only)]
pub async fn suggest(ctx: Context<'_>) -> Result<(), BotError> {
    ctx.defer_ephemeral().await?;
    let caller = caller(ctx).await?;
    let out = ctx.data().app.suggest_matches(&caller).await?;
    if out.suggestions.is_empty() {
        let why = if out.unpaired_mentees == 0 {
            "Every mentee has a pairing."
        } else {
            "No mentor with room is left who hasn't been paired with these mentees before (or was skipped)."
        };
        return private(ctx, format!("No suggestions. {why}"), vec![]).await;
    }
    let tip =
        if out.tags_defined { "" } else { "\nTip: set interest tags with `/program tags set` for better matches." };
    // Five suggestions a message: one row of buttons each (Discord allows five rows).
    for (i, chunk) in out.suggestions.chunks(5).enumerate() {
        let mut reply = CreateReply::default().ephemeral(true).allowed_mentions(no_pings());
        if i == 0 {
            reply = reply.content(format!(
                "💡 {} suggestion(s) for {} mentee(s) without a pairing, best first: shared tags, then overlapping \
                 daytime hours (09–18 local), then the mentor's room.{tip}",
                out.suggestions.len(),
                out.unpaired_mentees
            ));
        }
        let mut rows = Vec::new();
        for s in chunk {
            reply = reply.embed(crate::render::look::finish(suggestion_embed(s)));
            rows.push(serenity::CreateActionRow::Buttons(vec![
                serenity::CreateButton::new(AdminPress::Pair { mentor: s.mentor.0, mentee: s.mentee.0 }.to_custom_id())
                    .label(pair_label(s))
                    .style(serenity::ButtonStyle::Success),
                serenity::CreateButton::new(AdminPress::Skip { mentor: s.mentor.0, mentee: s.mentee.0 }.to_custom_id())
                    .label("Skip")
                    .style(serenity::ButtonStyle::Secondary),
            ]));
        }
        ctx.send(reply.components(rows)).await?;
    }
    Ok(())
}

fn pair_label(s: &Suggestion) -> String {
    let mut label = format!("Pair {} with {}", s.mentee_name, s.mentor_name);
    crate::app::truncate_label(&mut label, 80);
    label
}

fn suggestion_embed(s: &Suggestion) -> serenity::CreateEmbed {
    let tags = if s.shared_tags.is_empty() {
        "none".to_owned()
    } else {
        s.shared_tags.iter().map(|t| format!("`{}`", short(t))).collect::<Vec<_>>().join(", ")
    };
    serenity::CreateEmbed::new()
        .title("Suggested pair")
        .description(format!("Mentee <@{}> with mentor <@{}>", s.mentee, s.mentor))
        .field("Shared tags", tags, true)
        .field("Daytime overlap", format!("{:.1} h", s.overlap_hours), true)
        .field("Mentor's room", format!("{} place(s) left", s.capacity_left), true)
}
