//! `/help`: what the bot does and which commands each kind of member uses.

use poise::serenity_prelude as serenity;

use crate::{
    bot::{reply::private, BotError, Context},
    render::labels::{self, bold},
    tr,
};

/// What mentor-bot does, and the commands for mentees, mentors and admins.
#[poise::command(slash_command)]
pub async fn help(ctx: Context<'_>) -> Result<(), BotError> {
    let embed = serenity::CreateEmbed::new()
        .title(tr!("cmd-help-title"))
        .description(tr!("cmd-help-intro"))
        .field(tr!("cmd-help-everyone-name"), tr!("cmd-help-everyone"), false)
        .field(tr!("cmd-help-pairs-name"), tr!("cmd-help-pairs"), false)
        .field(tr!("cmd-help-content-name"), tr!("cmd-help-content"), false)
        .field(tr!("cmd-help-actions-name"), tr!("cmd-help-actions"), false)
        .field(tr!("cmd-help-buttons-name"), dm_buttons(), false)
        .field(tr!("cmd-help-admins-name"), tr!("cmd-help-admins"), false)
        .field(tr!("cmd-help-health-name"), tr!("cmd-help-health"), false)
        .field(tr!("cmd-help-times-name"), tr!("cmd-help-times"), false);
    private(ctx, "", vec![embed]).await
}

/// The buttons of my DMs under the names they carry everywhere.
fn dm_buttons() -> String {
    let session = [
        labels::submit_agenda(),
        labels::add_topic(),
        labels::add_takeaways(),
        labels::add_resources(),
        labels::add_action(),
        labels::book_next(),
    ]
    .map(bold)
    .join(" · ");
    let attendance = [labels::we_met(), labels::didnt_happen(), labels::we_moved()].map(bold).join(" · ");
    let items = [labels::done(), labels::later(), labels::blocked()].map(|l| format!("**A3 {l}**")).join(" · ");
    tr!("cmd-help-buttons", session = session, attendance = attendance, items = items)
}
