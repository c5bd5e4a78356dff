//! `/help`: what the bot does and which commands each kind of member uses.

use poise::serenity_prelude as serenity;

use crate::{
    bot::{reply::private, BotError, Context},
    render::labels::{self, bold},
};

/// What mentor-bot does, and the commands for mentees, mentors and admins.
#[poise::command(slash_command)]
pub async fn help(ctx: Context<'_>) -> Result<(), BotError> {
    let embed = serenity::CreateEmbed::new()
        .title("mentor-bot: structured mentoring")
        .description(
            "Both sides arrive prepared and leave with actions. Book sessions with your partner; \
             each of you sees times in your own time zone. Everything about a pair stays private to the pair.",
        )
        .field(
            "Everyone",
            "`/join role:mentee|mentor` join the program (mentees: `interests:`; mentors: `expertise:` `capacity:`)\n\
             `/timezone zone:` set your time zone\n\
             `/profile` your role, zone and pairings\n\
             `/leave` leave the program\n\
             `/me export` a copy of everything stored about you · `/me forget` erase it (asks first)",
            false,
        )
        .field(
            "Mentees and mentors",
            "`/book with:@partner when:tomorrow 15:00` book a session (your zone)\n\
             `/book ... repeat:weekly count:10` book a series at the same local time\n\
             `/sessions` upcoming and recent sessions\n\
             `/reschedule session: when:` move a session\n\
             `/cancel session: reason:` cancel a session\n\
             `/availability set slots:mon 18:00-20:00, sat 10-12` your weekly slots (your zone)\n\
             `/availability show user:@` anyone's slots in your zone (yours: with Remove buttons for away periods)\n\
             `/availability away from: to:` a holiday",
            false,
        )
        .field(
            "Session content (private to your pair)",
            "`/agenda edit` mentee: write or edit the next session's agenda (a form)\n\
             `/agenda topic` mentor: add topics (start a line with `!` for high priority)\n\
             `/agenda view session:` read an agenda, also of past sessions\n\
             `/notes session:` after a session: takeaways, resources, obstacles, next session\n\
             `/session summary session:` the whole record, also as a Markdown file",
            false,
        )
        .field(
            "Actions, goals and reviews (private to your pair)",
            "`/action add title: owner:me|partner deadline:fri` an action item (owner's time zone)\n\
             `/action list filter:` · `/action done item:A3` · `/action update item:A3 deadline:|status:` · `/action history item:A3`\n\
             `/goal add title:` · `/goal list` · `/goal progress goal: percent:` · `/goal close goal: achieved:`\n\
             `/goal milestone goal: title: due:` · `/goal milestone_done milestone:` milestones count into progress\n\
             `/review midpoint` · `/review final` one form per goal (the final one ends with a reflection)\n\
             `/program outline` what each session of the program is for",
            false,
        )
        .field("Buttons in my DMs", dm_buttons(), false)
        .field(
            "Admins (Manage Server or the coordinator role)",
            "`/program setup channel: timezone: starts: ends:|length: coordinator_role:? retain_ended:?` start or update the program\n\
             `/program outline replace:true` replace the session outline (one step a line, `Title: prompt`)\n\
             `/pair mentor:@ mentee:@` pair two members\n\
             `/unpair mentor:@ mentee:@` end a pairing\n\
             `/program settings name: value:` reminder timings and quiet hours\n\
             `/program nudges schedule: channel: off:` the weekly nudge\n\
             `/program status` where the program stands (week 5 of 12), delivery, sessions held or missed, the average rating",
            false,
        )
        .field(
            "Admins: health and matching",
            "`/program report` 12-week chart, numbers, CSV and pair health · `/program digest state:` weekly DM\n\
             `/program tags set tags:` interest tags · `/match suggest` suggested pairs with Pair / Skip",
            false,
        )
        .field(
            "Times you can type",
            "`2026-11-24 15:00` · `24.11. 15:00` · `tomorrow 15:00` · `mon 9:30` · `in 2 days 10am` · `in 3 hours`",
            false,
        );
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
    format!(
        "{session}\nAfter a session: {attendance}; a rating is private\nAction item reminders: {items}\n\
         A button you used is greyed out and the message shows what it did."
    )
}
