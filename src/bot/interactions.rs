//! Button presses and modal submissions. Stateless: the custom id (`components::ComponentId`)
//! says what to do, and the guild comes from the session, action item or goal it names (a
//! press in a DM carries no guild). Only the two members of that pairing get anywhere.

use poise::serenity_prelude as serenity;

use super::{
    answer::{Answer, Source},
    attendance,
    commands::{actions::changed_answer, agenda::saved_answer, notes::notes_answer, reviews::review_answer},
    components::{BookConfirm, ComponentId},
    error::{apology, error_id},
    modals::{self, fields, values},
    reply::tell_with,
    user_id, BotError, Data,
};
use crate::{
    app::{ActionInput, AppError, BookOutcome, Caller, Person, ReviewAnswers, SessionPick, UserError},
    domain::{agenda::AgendaInput, attendance::Answer as Said, ids::UserId, notes::NotesInput},
};

/// Handles a component or modal interaction if its custom id is ours.
pub async fn handle(data: &Data, http: &serenity::Http, interaction: &serenity::Interaction) {
    let (source, custom_id) = match interaction {
        serenity::Interaction::Component(c) => (Source::Component(c), c.data.custom_id.as_str()),
        serenity::Interaction::Modal(m) => (Source::Modal(m), m.data.custom_id.as_str()),
        _ => return,
    };
    let started = std::time::Instant::now();
    if let (Source::Component(_), Some(confirm)) = (source, BookConfirm::parse(custom_id)) {
        data.in_flight.enter();
        let result = match source.defer(http).await {
            Ok(()) => on_book_confirm(data, http, source, confirm).await,
            Err(e) => Err(e.into()),
        };
        let outcome = finish(http, source, custom_id, result, true).await;
        data.app.metrics.command(&metric_name(source, custom_id), outcome, started.elapsed().as_secs_f64());
        data.in_flight.exit();
        return;
    }
    let Some(id) = ComponentId::parse(custom_id) else {
        return;
    };
    data.in_flight.enter();
    // A form's answer may wait for a notice: answer first, whatever comes after.
    let deferred = matches!(source, Source::Modal(_));
    let result = match source {
        Source::Component(_) => on_press(data, http, source, id).await,
        Source::Modal(m) => match source.defer(http).await {
            Ok(()) => match on_submit(data, source, m, id).await {
                Ok(answer) => source.send(http, answer, true).await.map_err(BotError::from),
                Err(e) => Err(e),
            },
            Err(e) => Err(e.into()),
        },
    };
    let outcome = finish(http, source, custom_id, result, deferred).await;
    data.app.metrics.command(&metric_name(source, custom_id), outcome, started.elapsed().as_secs_f64());
    data.in_flight.exit();
}

/// A press's or form's name in the metrics: the kind of component, without the ids it carries
/// (`button:action:done`, `form:agenda`), so the number of series stays small.
fn metric_name(source: Source<'_>, custom_id: &str) -> String {
    let kind = match source {
        Source::Component(_) => "button",
        Source::Modal(_) => "form",
    };
    let words: Vec<&str> = custom_id
        .split(':')
        .filter(|w| !w.is_empty() && w.len() <= 16 && w.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .take(3)
        .collect();
    format!("{kind}:{}", words.join(":"))
}

/// Answers a refusal with its message and an unexpected error with an apology, and logs;
/// returns the outcome (`ok`, `refused`, `error`).
async fn finish(
    http: &serenity::Http,
    source: Source<'_>,
    custom_id: &str,
    result: Result<(), BotError>,
    deferred: bool,
) -> &'static str {
    let outcome = match result {
        Ok(()) => "ok",
        Err(BotError::App(AppError::User(e))) => {
            reply_or_log(http, source, Answer::text(e.to_string()), deferred).await;
            "refused"
        }
        Err(other) => {
            let id = error_id();
            tracing::error!(error_id = %id, custom_id, error = ?other, "interaction failed");
            reply_or_log(http, source, Answer::text(apology(&id)), deferred).await;
            "error"
        }
    };
    tracing::info!(user = %source.user().id, custom_id, outcome, "interaction finished");
    outcome
}

/// "Book anyway" books what the id carries, checked again in full for whoever pressed; "Show
/// free times" lists the pair's free times. The interaction has been deferred.
async fn on_book_confirm(
    data: &Data,
    http: &serenity::Http,
    source: Source<'_>,
    confirm: BookConfirm,
) -> Result<(), BotError> {
    let Source::Component(c) = source else { return Err(anyhow::anyhow!("a booking confirmation in a form").into()) };
    let guild = c.guild_id.ok_or(UserError::NotJoined)?;
    let (user, name) = who(source);
    let caller = Caller { guild_id: crate::domain::ids::GuildId(guild.get()), user_id: user, name, is_admin: false };
    let answer = match confirm {
        BookConfirm::Anyway { partner, at, minutes, topic } => {
            let with = Person { id: UserId(partner), name: format!("<@{partner}>"), is_bot: false };
            let when = format!("@{at}");
            let out = data.app.book(&caller, &with, &when, Some(i64::from(minutes)), topic.as_deref()).await?;
            booked_answer(data, &out, partner).await
        }
        BookConfirm::FreeTimes { partner, minutes } => {
            let free = data.app.free_slot_choices(&caller, UserId(partner), Some(i64::from(minutes)), "").await?;
            if free.is_empty() {
                Answer::text(format!(
                    "I found no free time with <@{partner}> in the next four weeks; ask them about it."
                ))
            } else {
                let list: Vec<String> = free.into_iter().take(10).map(|(label, _)| format!("• {label}")).collect();
                Answer::text(format!(
                    "Free times with <@{partner}> ({minutes} minutes; your time, then theirs):\n{}\nBook one with `/book with:@… when:` and pick it from the list. Nothing was booked.",
                    list.join("\n")
                ))
            }
        }
    };
    Ok(source.send(http, answer, true).await?)
}

/// What a booking from a button or form answers, with what became of the partner's DM.
async fn booked_answer(data: &Data, out: &BookOutcome, partner: impl std::fmt::Display) -> Answer {
    let failures = tell_with(data, &out.notices).await;
    Answer::text(format!(
        "📅 Session #{} booked with <@{partner}> on <t:{}:F> ({} minutes). {}",
        out.session.number,
        out.session.starts_at.timestamp(),
        out.session.duration_minutes,
        super::reply::told(&failures, "They got a DM with a calendar file.")
    ))
}

async fn reply_or_log(http: &serenity::Http, source: Source<'_>, answer: Answer, deferred: bool) {
    if let Err(e) = source.send(http, answer, deferred).await {
        tracing::error!(error = %e, "could not answer an interaction");
    }
}

fn who(source: Source<'_>) -> (UserId, String) {
    let user = source.user();
    (user_id(user.id), user.global_name.clone().unwrap_or_else(|| user.name.clone()))
}

async fn session_caller(data: &Data, source: Source<'_>, session_id: i64) -> Result<Caller, BotError> {
    let (user, name) = who(source);
    Ok(data.app.caller_for_session(user, &name, session_id).await?)
}

async fn action_caller(data: &Data, source: Source<'_>, action_id: i64) -> Result<Caller, BotError> {
    let (user, name) = who(source);
    Ok(data.app.caller_for_action(user, &name, action_id).await?)
}

async fn on_press(data: &Data, http: &serenity::Http, source: Source<'_>, id: ComponentId) -> Result<(), BotError> {
    let app = &data.app;
    let modal = match id {
        ComponentId::Agenda(sid) => {
            let caller = session_caller(data, source, sid).await?;
            modals::agenda_modal(&app.agenda_form(&caller, SessionPick::Id(sid)).await?)
        }
        ComponentId::AddTopic(sid) => {
            let caller = session_caller(data, source, sid).await?;
            modals::topic_modal(&app.topic_form(&caller, SessionPick::Id(sid)).await?)
        }
        ComponentId::Notes(sid) | ComponentId::Resources(sid) => {
            let caller = session_caller(data, source, sid).await?;
            let form = app.notes_form(&caller, SessionPick::Id(sid)).await?;
            modals::notes_modal(&form, matches!(id, ComponentId::Resources(_)))
        }
        ComponentId::NewAction(sid) => {
            let caller = session_caller(data, source, sid).await?;
            modals::action_modal(&app.session_to_change(&caller, SessionPick::Id(sid)).await?.0)
        }
        ComponentId::BookNext(sid) => {
            let caller = session_caller(data, source, sid).await?;
            modals::book_modal(&app.session_to_change(&caller, SessionPick::Id(sid)).await?.0)
        }
        ComponentId::ActionDone(aid) => {
            let caller = action_caller(data, source, aid).await?;
            let out = app.complete_action(&caller, &format!("i{aid}")).await?;
            return Ok(source.send(http, changed_answer(&out, "is done 🎉"), false).await?);
        }
        ComponentId::ActionLater(aid) => {
            let caller = action_caller(data, source, aid).await?;
            let out = app.postpone_action(&caller, &format!("i{aid}")).await?;
            return Ok(source.send(http, changed_answer(&out, "moved 3 days later"), false).await?);
        }
        ComponentId::ActionBlocked(aid) => {
            let caller = action_caller(data, source, aid).await?;
            modals::blocked_modal(&app.action_to_change(&caller, &format!("i{aid}")).await?.0)
        }
        ComponentId::Met(sid) | ComponentId::Missed(sid) => {
            let caller = session_caller(data, source, sid).await?;
            let what = if matches!(id, ComponentId::Met(_)) { Said::Met } else { Said::Missed };
            let out = app.answer_attendance(&caller, sid, what).await?;
            return Ok(source.send(http, attendance::answered(&out), false).await?);
        }
        ComponentId::Rate(value, sid) => {
            let caller = session_caller(data, source, sid).await?;
            let session = app.rate_session(&caller, sid, value).await?;
            return Ok(source.send(http, attendance::rated(session.number, value), false).await?);
        }
        ComponentId::Moved(sid) => {
            let caller = session_caller(data, source, sid).await?;
            modals::moved_modal(&app.session_to_move(&caller, sid).await?.0)
        }
        ComponentId::Review(kind, gid) => {
            let (user, name) = who(source);
            let caller = app.caller_for_goal(user, &name, gid).await?;
            modals::review_modal(&app.review_form(&caller, kind, None, Some(&format!("g{gid}"))).await?)
        }
    };
    Ok(source.show_modal(http, modal).await?)
}

/// Saves what a form says and returns the answer (the interaction has been deferred).
async fn on_submit(
    data: &Data,
    source: Source<'_>,
    modal: &serenity::ModalInteraction,
    id: ComponentId,
) -> Result<Answer, BotError> {
    let app = &data.app;
    let v = values(modal);
    let get = |key: &str| v.get(key).cloned().unwrap_or_default();
    let answer = match id {
        ComponentId::Agenda(sid) => {
            let caller = session_caller(data, source, sid).await?;
            let input = AgendaInput {
                goal: get(modals::agenda::GOAL),
                progress: get(modals::agenda::PROGRESS),
                challenges: get(modals::agenda::CHALLENGES),
                topics: get(modals::agenda::TOPICS),
                support: get(modals::agenda::SUPPORT),
            };
            let out = app.submit_agenda(&caller, sid, input).await?;
            let failures = tell_with(data, &out.notices).await;
            saved_answer(&out, &failures)
        }
        ComponentId::AddTopic(sid) => {
            let caller = session_caller(data, source, sid).await?;
            let out = app.add_topics(&caller, sid, &get(fields::TOPICS)).await?;
            let failures = tell_with(data, &out.notices).await;
            let told = super::reply::told(&failures, "Your mentee was told.");
            let list: Vec<String> = out.topics.iter().map(crate::domain::agenda::Topic::display).collect();
            Answer::text(format!("➕ Added to the agenda of session #{}. {told}", out.session.number))
                .pages(crate::domain::layout::pages("Topics added", &list.join("\n"), &[]))
        }
        ComponentId::Notes(sid) | ComponentId::Resources(sid) => {
            let caller = session_caller(data, source, sid).await?;
            let input = NotesInput {
                takeaways: get(modals::notes::TAKEAWAYS),
                resources: get(modals::notes::RESOURCES),
                obstacles: get(modals::notes::OBSTACLES),
                next_session: get(modals::notes::NEXT),
            };
            notes_answer(&app.save_notes(&caller, sid, input).await?)
        }
        ComponentId::NewAction(sid) => {
            let caller = session_caller(data, source, sid).await?;
            let (title, owner, deadline, success) =
                (get(fields::TITLE), get(fields::OWNER), get(fields::DEADLINE), get(fields::SUCCESS));
            let input = ActionInput {
                title: &title,
                owner: &owner,
                deadline: &deadline,
                success: Some(&success),
                session: Some(SessionPick::Id(sid)),
                goal: None,
            };
            changed_answer(&app.add_action(&caller, input).await?, "added")
        }
        ComponentId::BookNext(sid) => {
            let caller = session_caller(data, source, sid).await?;
            let (_, pairing) = app.session_to_change(&caller, SessionPick::Id(sid)).await?;
            let partner = pairing.partner_of(caller.user_id).unwrap_or(pairing.mentor_id);
            let with = Person { id: partner, name: format!("<@{partner}>"), is_bot: false };
            let minutes = get(fields::DURATION);
            let duration = match minutes.trim() {
                "" => None,
                m => Some(m.parse::<i64>().map_err(|_| UserError::BadMinutes(m.to_owned()))?),
            };
            let out = app.book(&caller, &with, &get(fields::WHEN), duration, None).await?;
            booked_answer(data, &out, partner).await
        }
        ComponentId::ActionBlocked(aid) => {
            let caller = action_caller(data, source, aid).await?;
            changed_answer(&app.block_action(&caller, &format!("i{aid}"), &get(fields::REASON)).await?, "is blocked")
        }
        ComponentId::Review(kind, gid) => {
            let (user, name) = who(source);
            let caller = app.caller_for_goal(user, &name, gid).await?;
            let answers =
                ReviewAnswers { first: get(fields::FIRST), second: get(fields::SECOND), third: get(fields::THIRD) };
            review_answer(&app.submit_review(&caller, kind, gid, &answers).await?)
        }
        ComponentId::Moved(sid) => {
            let caller = session_caller(data, source, sid).await?;
            let out = app.move_unheld_session(&caller, sid, &get(fields::WHEN)).await?;
            let failures = tell_with(data, &out.notices).await;
            attendance::moved(&out, &failures)
        }
        ComponentId::ActionDone(_)
        | ComponentId::ActionLater(_)
        | ComponentId::Met(_)
        | ComponentId::Missed(_)
        | ComponentId::Rate(..) => return Err(anyhow::anyhow!("a button's id came with a form").into()),
    };
    Ok(answer)
}
