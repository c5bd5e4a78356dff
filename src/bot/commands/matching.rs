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
    tr,
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
    private(ctx, tr!("cmd-tags-set", tags = list.join(", ")), vec![]).await
}

/// Show the program's interest tags (admins only; members see them while typing in `/join`).
#[poise::command(slash_command, guild_only, rename = "show")]
pub async fn tags_show(ctx: Context<'_>) -> Result<(), BotError> {
    let caller = caller(ctx).await?;
    let tags = ctx.data().app.show_program_tags(&caller).await?;
    let text = if tags.is_empty() {
        tr!("cmd-tags-none")
    } else {
        tr!("cmd-tags-show", tags = tags.iter().map(|t| format!("`{}`", short(t))).collect::<Vec<_>>().join(", "))
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
        let text =
            if out.unpaired_mentees == 0 { tr!("cmd-match-none-all-paired") } else { tr!("cmd-match-none-no-mentor") };
        return private(ctx, text, vec![]).await;
    }
    let tip = if out.tags_defined { String::new() } else { format!("\n{}", tr!("cmd-match-tip")) };
    // Five suggestions a message: one row of buttons each (Discord allows five rows).
    for (i, chunk) in out.suggestions.chunks(5).enumerate() {
        let mut reply = CreateReply::default().ephemeral(true).allowed_mentions(no_pings());
        if i == 0 {
            let intro = tr!("cmd-match-intro", suggestions = out.suggestions.len(), mentees = out.unpaired_mentees);
            reply = reply.content(format!("{intro}{tip}"));
        }
        let mut rows = Vec::new();
        for s in chunk {
            reply = reply.embed(crate::render::look::finish(suggestion_embed(s)));
            rows.push(serenity::CreateActionRow::Buttons(vec![
                serenity::CreateButton::new(AdminPress::Pair { mentor: s.mentor.0, mentee: s.mentee.0 }.to_custom_id())
                    .label(pair_label(s))
                    .style(serenity::ButtonStyle::Success),
                serenity::CreateButton::new(AdminPress::Skip { mentor: s.mentor.0, mentee: s.mentee.0 }.to_custom_id())
                    .label(tr!("cmd-match-skip"))
                    .style(serenity::ButtonStyle::Secondary),
            ]));
        }
        ctx.send(reply.components(rows)).await?;
    }
    Ok(())
}

fn pair_label(s: &Suggestion) -> String {
    let mut label = tr!("cmd-match-pair", mentee = s.mentee_name.as_str(), mentor = s.mentor_name.as_str());
    crate::app::truncate_label(&mut label, 80);
    label
}

fn suggestion_embed(s: &Suggestion) -> serenity::CreateEmbed {
    let tags = if s.shared_tags.is_empty() {
        tr!("cmd-match-no-shared-tags")
    } else {
        s.shared_tags.iter().map(|t| format!("`{}`", short(t))).collect::<Vec<_>>().join(", ")
    };
    serenity::CreateEmbed::new()
        .title(tr!("cmd-match-suggested"))
        .description(tr!("cmd-match-pair-who", mentee = s.mentee.to_string(), mentor = s.mentor.to_string()))
        .field(tr!("cmd-match-shared-tags"), tags, true)
        .field(
            tr!("cmd-match-overlap"),
            tr!("cmd-match-overlap-hours", hours = format!("{:.1}", s.overlap_hours)),
            true,
        )
        .field(tr!("cmd-match-room"), tr!("cmd-match-places-left", count = s.capacity_left), true)
}
