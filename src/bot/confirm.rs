//! The questions of destructive commands: `/leave` and `/unpair` first say what will happen,
//! with **Leave** / **Stay** or **Unpair** / **Keep**. Nothing changes until the asker presses
//! the red button; the press runs the real use case (every check again), and the question is
//! replaced by the outcome, its buttons removed. A press on an old question answers with what
//! is true now (e.g. "you are not in the program"), never acting twice.

use poise::serenity_prelude as serenity;

use super::{
    answer::{Answer, Source},
    caller::press_caller,
    reply::{tell_with, told},
    BotError, Data,
};
use crate::app::{LeaveOutcome, LeavePreview, PairOutcome, Person, UnpairPreview, UserError};
use crate::render::components::Confirm;

/// The question `/leave` asks.
pub fn leave_question(preview: &LeavePreview, user: u64) -> Answer {
    let partners: Vec<String> = preview.partners.iter().map(|p| format!("<@{p}>")).collect();
    let pairings = if partners.is_empty() {
        "You have no pairing right now.".to_owned()
    } else {
        format!("This ends your pairing with {} (they are told by DM).", partners.join(", "))
    };
    let text = format!(
        "⚠️ **Leave the mentoring program?**\n{pairings}\nIt cancels your {} upcoming session(s) and their reminders. \
         Your history is kept and stays readable; you can `/join` again later.\nNothing changes until you press **Leave**.",
        preview.upcoming
    );
    Answer::text(text).components(vec![Confirm::Leave { user, go: true }.buttons()])
}

/// What `/leave` tells the one who left.
pub fn left_text(out: &LeaveOutcome, failures: &str) -> String {
    format!(
        "You left the mentoring program. Ended pairings: {}; cancelled upcoming sessions: {}. Your history is kept; `/join` again any time. {}",
        out.ended_pairings.len(),
        out.cancelled_sessions.len(),
        told(failures, if out.notices.is_empty() { "" } else { "Your partners were told." })
    )
}

/// The question `/unpair` asks.
pub fn unpair_question(preview: UnpairPreview, admin: u64, mentor: u64, mentee: u64) -> Answer {
    let text = format!(
        "⚠️ **End the pairing of <@{mentor}> and <@{mentee}>?**\nIt cancels their {} upcoming session(s) and \
         their reminders; both are told by DM. What they wrote stays readable to them but can no longer change.\n\
         Nothing changes until you press **Unpair**.",
        preview.upcoming
    );
    Answer::text(text).components(vec![Confirm::Unpair { admin, mentor, mentee, go: true }.buttons()])
}

/// What `/unpair` tells the admin.
pub fn unpaired_text(out: &PairOutcome, failures: &str) -> String {
    format!(
        "Ended the pairing of <@{}> and <@{}>; {} upcoming session(s) cancelled. {}",
        out.pairing.mentor_id,
        out.pairing.mentee_id,
        out.cancelled_sessions.len(),
        told(failures, "Both were told by DM.")
    )
}

/// Handles a press of **Leave** / **Stay** / **Unpair** / **Keep**.
pub async fn on_confirm(
    data: &Data,
    http: &serenity::Http,
    source: Source<'_>,
    confirm: Confirm,
) -> Result<(), BotError> {
    let Source::Component(press) = source else { return Err(anyhow::anyhow!("a confirmation in a form").into()) };
    if press.user.id.get() != confirm.asker() {
        // Someone else's question: answer them alone, leave the question as it is.
        let text = "Only the one who asked can answer this question; nothing changed.";
        return Ok(source.send(http, Answer::text(text), false).await?);
    }
    source.defer_update(http).await?;
    let caller = press_caller(data, press).await?.ok_or(UserError::NotJoined)?;
    let text = match confirm {
        Confirm::Leave { go: false, .. } => "You stayed in the mentoring program; nothing changed.".to_owned(),
        Confirm::Unpair { mentor, mentee, go: false, .. } => {
            format!("The pairing of <@{mentor}> and <@{mentee}> stays; nothing changed.")
        }
        Confirm::Leave { go: true, .. } => {
            let out = data.app.leave(&caller).await?;
            left_text(&out, &tell_with(data, &out.notices).await)
        }
        Confirm::Unpair { mentor, mentee, go: true, .. } => {
            let person =
                |id: u64| Person { id: crate::domain::ids::UserId(id), name: format!("<@{id}>"), is_bot: false };
            let out = data.app.unpair(&caller, &person(mentor), &person(mentee)).await?;
            unpaired_text(&out, &tell_with(data, &out.notices).await)
        }
    };
    Ok(source.send(http, Answer::text(text), true).await?)
}
