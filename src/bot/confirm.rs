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
use crate::tr;

/// The question `/leave` asks.
pub fn leave_question(preview: &LeavePreview, user: u64) -> Answer {
    let partners: Vec<String> = preview.partners.iter().map(|p| format!("<@{p}>")).collect();
    let pairings = if partners.is_empty() {
        tr!("bot-confirm-leave-no-pairing")
    } else {
        tr!("bot-confirm-leave-ends-pairings", partners = partners.join(", "))
    };
    let text = tr!("bot-confirm-leave-question", pairings = pairings, upcoming = preview.upcoming);
    Answer::text(text).components(vec![Confirm::Leave { user, go: true }.buttons()])
}

/// What `/leave` tells the one who left.
pub fn left_text(out: &LeaveOutcome, failures: &str) -> String {
    let success = if out.notices.is_empty() { String::new() } else { tr!("bot-confirm-partners-told") };
    tr!(
        "bot-confirm-left",
        pairings = out.ended_pairings.len(),
        sessions = out.cancelled_sessions.len(),
        told = told(failures, &success)
    )
}

/// The question `/unpair` asks.
pub fn unpair_question(preview: UnpairPreview, admin: u64, mentor: u64, mentee: u64) -> Answer {
    let text = tr!(
        "bot-confirm-unpair-question",
        mentor = mentor.to_string(),
        mentee = mentee.to_string(),
        upcoming = preview.upcoming
    );
    Answer::text(text).components(vec![Confirm::Unpair { admin, mentor, mentee, go: true }.buttons()])
}

/// What `/unpair` tells the admin.
pub fn unpaired_text(out: &PairOutcome, failures: &str) -> String {
    tr!(
        "bot-confirm-unpaired",
        mentor = out.pairing.mentor_id.to_string(),
        mentee = out.pairing.mentee_id.to_string(),
        sessions = out.cancelled_sessions.len(),
        told = told(failures, &tr!("bot-told-both-dm"))
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
        let text = tr!("bot-confirm-not-the-asker");
        return Ok(source.send(http, Answer::text(text), false).await?);
    }
    source.defer_update(http).await?;
    let caller = press_caller(data, press).await?.ok_or(UserError::NotJoined)?;
    let text = match confirm {
        Confirm::Leave { go: false, .. } => tr!("bot-confirm-stayed"),
        Confirm::Unpair { mentor, mentee, go: false, .. } => {
            tr!("bot-confirm-pairing-stays", mentor = mentor.to_string(), mentee = mentee.to_string())
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
