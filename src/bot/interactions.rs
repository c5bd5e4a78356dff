//! Button presses and modal submissions. Stateless: the custom id (`render::components::ComponentId`)
//! says what to do, and the guild comes from the session, action item or goal it names (a
//! press in a DM carries no guild). Only the two members of that pairing get anywhere.

use poise::serenity_prelude as serenity;

use super::{
    answer::{Answer, Source},
    attendance,
    commands::{
        actions::changed_answer,
        agenda::saved_answer,
        notes::notes_answer,
        privacy::{on_forget_choice, ForgetChoice},
        reviews::review_answer,
    },
    error::{apology, error_id},
    marking::{mark, only, Fate},
    modals::{self, fields, values},
    reply::tell_with,
    user_id, BotError, Data,
};
use crate::{
    app::{ActionInput, AppError, BookOutcome, Caller, GoalInput, Person, ReviewAnswers, SessionPick, UserError},
    domain::{agenda::AgendaInput, attendance::Answer as Said, ids::UserId, notes::NotesInput},
    render::components::{ComponentId, Confirm, Form, RequestButton},
    render::when,
    tr,
};

/// What a custom id of ours asks for.
enum Route<'a> {
    /// A booking question's button (`avail:…`).
    Request(RequestButton),
    /// **Leave** / **Stay**, **Unpair** / **Keep**.
    Confirm(Confirm),
    /// The form of `/action add` or `/goal add` for their long fields.
    Form(&'a serenity::ModalInteraction, Form),
    /// An organiser's button (**Nudge both**, **Pair**, **Skip**).
    Admin(&'a serenity::ComponentInteraction, crate::render::admin_buttons::AdminPress),
    /// **Forget** / **Keep** of `/me forget`.
    Forget(&'a serenity::ComponentInteraction, ForgetChoice),
    /// Every other button and form ([`ComponentId`]).
    Component(ComponentId),
}

impl<'a> Route<'a> {
    fn parse(source: Source<'a>, custom_id: &str) -> Option<Self> {
        match source {
            Source::Component(c) => RequestButton::parse(custom_id)
                .map(Self::Request)
                .or_else(|| Confirm::parse(custom_id).map(Self::Confirm))
                .or_else(|| crate::render::admin_buttons::AdminPress::parse(custom_id).map(|p| Self::Admin(c, p)))
                .or_else(|| ForgetChoice::parse(custom_id).map(|f| Self::Forget(c, f)))
                .or_else(|| ComponentId::parse(custom_id).map(Self::Component)),
            Source::Modal(m) => Form::parse(custom_id)
                .map(|f| Self::Form(m, f))
                .or_else(|| ComponentId::parse(custom_id).map(Self::Component)),
        }
    }
}

/// Handles a component or modal interaction if its custom id is ours.
pub async fn handle(data: &Data, http: &serenity::Http, cache: &serenity::Cache, interaction: &serenity::Interaction) {
    let (source, custom_id) = match interaction {
        serenity::Interaction::Component(c) => (Source::Component(c), c.data.custom_id.as_str()),
        serenity::Interaction::Modal(m) => (Source::Modal(m), m.data.custom_id.as_str()),
        _ => return,
    };
    let Some(route) = Route::parse(source, custom_id) else {
        if matches!(source, Source::Component(_)) && custom_id.starts_with("avail:") {
            // A booking question of an older version: its id no longer says enough to book.
            let answer = Answer::text(tr!("bot-interaction-expired"));
            reply_or_log(http, source, answer, Sent::Fresh).await;
        }
        return;
    };
    let started = std::time::Instant::now();
    data.in_flight.enter();
    // Deferred: acknowledged first (a form's answer may wait for a notice; a question's answer
    // replaces it), so the answer edits the response.
    let (result, sent) = match route {
        Route::Request(button) => (super::requests::on_request(data, http, source, button).await, Sent::Fresh),
        Route::Confirm(confirm) => (super::confirm::on_confirm(data, http, source, confirm).await, Sent::Deferred),
        Route::Form(m, form) => (deferred_answer(http, source, on_form(data, m, form)).await, Sent::Deferred),
        Route::Admin(c, press) => (super::admin_buttons::on_press(data, (http, cache), c, press).await, Sent::Deferred),
        Route::Forget(c, choice) => (on_forget_choice(data, http, c, choice).await, Sent::Fresh),
        Route::Component(id) => match source {
            Source::Component(_) => (on_press(data, http, source, id).await, Sent::Fresh),
            Source::Modal(m) => on_modal(data, http, source, m, id).await,
        },
    };
    let outcome = finish(http, source, custom_id, result, sent).await;
    data.app.metrics.command(&metric_name(source, custom_id), outcome, started.elapsed().as_secs_f64());
    data.in_flight.exit();
}

/// Defers a form submission, then sends what `answer` comes to as the response.
async fn deferred_answer(
    http: &serenity::Http,
    source: Source<'_>,
    answer: impl std::future::Future<Output = Result<Answer, BotError>>,
) -> Result<(), BotError> {
    source.defer(http).await?;
    let answer = answer.await?;
    source.send(http, answer, true).await.map_err(BotError::from)
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

/// A form's submission. A form opened by a button of a message shows its outcome on that
/// message; any other is answered with a new ephemeral message (deferred first: the answer may
/// wait for a notice).
async fn on_modal(
    data: &Data,
    http: &serenity::Http,
    source: Source<'_>,
    m: &serenity::ModalInteraction,
    id: ComponentId,
) -> (Result<(), BotError>, Sent) {
    let (Some(message), Some(fate)) = (source.message(), after_submit(id)) else {
        return (deferred_answer(http, source, on_submit(data, source, m, id)).await, Sent::Deferred);
    };
    let result = match source.defer_update(http).await {
        Ok(()) => match on_submit(data, source, m, id).await {
            Ok(answer) => submitted(http, source, message, answer, fate).await,
            Err(e) => Err(e),
        },
        Err(e) => Err(e.into()),
    };
    (result, Sent::Updating)
}

/// How the interaction has been answered so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sent {
    /// Not at all.
    Fresh,
    /// Deferred with an ephemeral "thinking…" that the answer replaces.
    Deferred,
    /// Deferred as an update of the button's message: answers go in followups.
    Updating,
}

/// Which buttons of its message a form's submission retires, for forms whose message shows the
/// outcome (`None`: the answer is a new ephemeral message).
fn after_submit(id: ComponentId) -> Option<(Vec<ComponentId>, Fate)> {
    Some(match id {
        ComponentId::Agenda(_) | ComponentId::ActionBlocked(_) | ComponentId::Notes(_) | ComponentId::Resources(_) => {
            (vec![id], Fate::Disable)
        }
        ComponentId::Moved(sid) => (attendance_ids(sid), Fate::Remove),
        _ => return None,
    })
}

fn attendance_ids(sid: i64) -> Vec<ComponentId> {
    vec![ComponentId::Met(sid), ComponentId::Missed(sid), ComponentId::Moved(sid)]
}

/// A form's answer when its message shows the outcome: the message updated with the answer's
/// line and its used buttons.
async fn submitted(
    http: &serenity::Http,
    source: Source<'_>,
    message: &serenity::Message,
    answer: Answer,
    (ids, fate): (Vec<ComponentId>, Fate),
) -> Result<(), BotError> {
    // The form's fields were just typed: the line saying what became of them is the answer.
    let marked = mark(message, &answer.content, &[], only(&ids, fate), Vec::new());
    Ok(source.edit_marked(http, marked).await?)
}

/// Answers a press by updating its message with `status` and the given buttons' fate.
async fn update(
    http: &serenity::Http,
    source: Source<'_>,
    status: &str,
    fate: impl Fn(&str, &str) -> Fate,
    extra: Vec<serenity::CreateActionRow>,
    replaces: &[&str],
) -> Result<(), BotError> {
    let Some(message) = source.message() else {
        return Err(anyhow::anyhow!("a press without a message").into());
    };
    Ok(source.update_marked(http, mark(message, status, replaces, fate, extra)).await?)
}

/// Answers a refusal with its message and an unexpected error with an apology, and logs;
/// returns the outcome (`ok`, `refused`, `error`).
async fn finish(
    http: &serenity::Http,
    source: Source<'_>,
    custom_id: &str,
    result: Result<(), BotError>,
    sent: Sent,
) -> &'static str {
    let outcome = match result {
        Ok(()) => "ok",
        Err(BotError::App(AppError::User(e))) => {
            reply_or_log(http, source, Answer::text(e.to_string()), sent).await;
            "refused"
        }
        Err(other) => {
            let id = error_id();
            tracing::error!(error_id = %id, custom_id, error = ?other, "interaction failed");
            reply_or_log(http, source, Answer::text(apology(&id)), sent).await;
            "error"
        }
    };
    tracing::info!(user = %source.user().id, custom_id, outcome, "interaction finished");
    outcome
}

/// What a booking from a button or form answers, with what became of the partner's DM.
pub(super) async fn booked_answer(data: &Data, out: &BookOutcome, partner: impl std::fmt::Display) -> Answer {
    let failures = tell_with(data, &out.notices).await;
    Answer::text(tr!(
        "bot-interaction-booked",
        number = out.session.number,
        partner = partner.to_string(),
        start = out.session.starts_at.timestamp().to_string(),
        minutes = out.session.duration_minutes,
        told = super::reply::told(&failures, &tr!("bot-told-calendar-dm"))
    ))
}

async fn reply_or_log(http: &serenity::Http, source: Source<'_>, answer: Answer, sent: Sent) {
    let result = match sent {
        Sent::Fresh => source.send(http, answer, false).await,
        Sent::Deferred => source.send(http, answer, true).await,
        Sent::Updating => source.send_followups(http, answer).await,
    };
    if let Err(e) = result {
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
            let status = tr!("bot-interaction-action-done", item = out.item.short_id());
            let ids = [ComponentId::ActionDone(aid), ComponentId::ActionLater(aid), ComponentId::ActionBlocked(aid)];
            return update(http, source, &status, only(&ids, Fate::Disable), Vec::new(), &[]).await;
        }
        ComponentId::ActionLater(aid) => {
            let caller = action_caller(data, source, aid).await?;
            let out = app.postpone_action(&caller, &format!("i{aid}")).await?;
            let status =
                tr!("bot-interaction-action-later", item = out.item.short_id(), due = when(out.item.deadline_at));
            let ids = [ComponentId::ActionLater(aid)];
            return update(http, source, &status, only(&ids, Fate::Disable), Vec::new(), &[]).await;
        }
        ComponentId::ActionBlocked(aid) => {
            let caller = action_caller(data, source, aid).await?;
            modals::blocked_modal(&app.action_to_block(&caller, &format!("i{aid}")).await?)
        }
        ComponentId::Met(sid) | ComponentId::Missed(sid) => {
            let caller = session_caller(data, source, sid).await?;
            let what = if matches!(id, ComponentId::Met(_)) { Said::Met } else { Said::Missed };
            let out = app.answer_attendance(&caller, sid, what).await?;
            let offer = match (out.answer, out.settled) {
                (Said::Missed, Some(crate::domain::attendance::Settled::Held)) | (Said::Met, _) => None,
                (Said::Missed, _) => Some(app.book_again_offer(&caller, sid).await?),
            };
            let answer = attendance::answered(&out, offer.as_ref());
            // The answer given is disabled, the other one enabled (answers may change); what the
            // previous answer offered (ratings, free times) goes.
            let again = crate::render::labels::another_time();
            let fate = |custom_id: &str, label: &str| match ComponentId::parse(custom_id) {
                Some(ComponentId::Met(s) | ComponentId::Missed(s)) if s == sid => {
                    if ComponentId::parse(custom_id) == Some(id) {
                        Fate::Disable
                    } else {
                        Fate::Enable
                    }
                }
                Some(ComponentId::Rate(_, s)) if s == sid => Fate::Remove,
                Some(ComponentId::BookNext(s)) if s == sid && label == again => Fate::Remove,
                None if RequestButton::parse(custom_id).is_some() => Fate::Remove,
                _ => Fate::Keep,
            };
            let lines = attendance::answer_lines();
            let replaces: Vec<&str> = lines.iter().map(String::as_str).collect();
            return update(http, source, &answer.content, fate, answer.components, &replaces).await;
        }
        ComponentId::Rate(value, sid) => {
            let caller = session_caller(data, source, sid).await?;
            let session = app.rate_session(&caller, sid, value).await?;
            // Ephemeral: nobody sees a rating, and the buttons stay to change it.
            return Ok(source.send(http, attendance::rated(session.number, value), false).await?);
        }
        ComponentId::Moved(sid) => {
            let caller = session_caller(data, source, sid).await?;
            modals::moved_modal(&app.session_to_move(&caller, sid).await?.0)
        }
        ComponentId::AwayRemove(aid) => {
            let (user, name) = who(source);
            let view = app.remove_away(user, &name, aid).await?;
            let answer = super::commands::availability::show_answer(&view, &tr!("bot-interaction-away-removed"));
            return Ok(source.update(http, answer).await?);
        }
        ComponentId::Review(kind, gid) => {
            let (user, name) = who(source);
            let caller = app.caller_for_goal(user, &name, gid).await?;
            modals::review_modal(&app.review_form(&caller, kind, None, Some(&format!("g{gid}"))).await?)
        }
        // A form's id pressed as a button (forged): the same form; submitting it checks everything.
        ComponentId::BookWith(partner) => modals::book_with_partner_modal(partner),
        ComponentId::ReviewStart(..)
        | ComponentId::Reflection(_)
        | ComponentId::CheckIns(_)
        | ComponentId::Background(_)
        | ComponentId::MilestoneDone(_)
        | ComponentId::Outline(_) => return super::shape::on_press(data, http, source, id).await,
    };
    Ok(source.show_modal(http, modal).await?)
}

/// Adds the action item or goal of a `/action add` or `/goal add` form, everything checked
/// again (the interaction has been deferred).
async fn on_form(data: &Data, modal: &serenity::ModalInteraction, form: Form) -> Result<Answer, BotError> {
    let caller = super::caller::form_caller(data, modal).await?.ok_or(UserError::NotJoined)?;
    let v = values(modal);
    let get = |key: &str| v.get(key).cloned().unwrap_or_default();
    Ok(match form {
        Form::Action { session, goal } => {
            let (title, owner, deadline, success) =
                (get(fields::TITLE), get(fields::OWNER), get(fields::DEADLINE), get(fields::SUCCESS));
            let goal = goal.map(|g| format!("g{g}"));
            let input = ActionInput {
                title: &title,
                owner: &owner,
                deadline: &deadline,
                success: non_empty(&success),
                session: session.map(SessionPick::Id),
                goal: goal.as_deref(),
            };
            changed_answer(&data.app.add_action(&caller, input).await?, "added")
        }
        Form::Goal { with } => {
            let (title, why, target, measure) =
                (get(fields::TITLE), get(fields::WHY), get(fields::TARGET), get(fields::MEASURE));
            let input = GoalInput {
                title: &title,
                why: non_empty(&why),
                target: non_empty(&target),
                measure: non_empty(&measure),
            };
            let goal = data.app.add_goal(&caller, with.map(UserId), input).await?;
            super::commands::goals::goal_answer(&goal, "added")
        }
    })
}

fn non_empty(s: &str) -> Option<&str> {
    (!s.trim().is_empty()).then_some(s)
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
            let told = super::reply::told(&failures, &tr!("bot-interaction-mentee-told"));
            let list: Vec<String> = out.topics.iter().map(crate::domain::agenda::Topic::display).collect();
            let title = tr!("bot-interaction-topics-added-page");
            Answer::text(tr!("bot-interaction-topics-added", number = out.session.number, told = told))
                .pages(crate::domain::layout::pages(&title, &list.join("\n"), &[]))
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
            let out = app.book(&caller, &with, &get(fields::WHEN), minutes(&get(fields::DURATION))?, None).await?;
            booked_answer(data, &out, partner).await
        }
        ComponentId::ActionBlocked(aid) => {
            let caller = action_caller(data, source, aid).await?;
            let out = app.block_action(&caller, &format!("i{aid}"), &get(fields::REASON)).await?;
            let reason = out.item.status_reason.as_deref().unwrap_or_default();
            Answer::text(tr!("bot-interaction-action-blocked", item = out.item.short_id(), reason = reason))
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
        ComponentId::BookWith(partner) => {
            book_with(data, source, modal, partner, &get(fields::WHEN), &get(fields::DURATION)).await?
        }
        ComponentId::Reflection(_) | ComponentId::Background(_) | ComponentId::Outline(_) => {
            super::shape::on_submit(data, source, modal, id).await?
        }
        ComponentId::ActionDone(_)
        | ComponentId::ActionLater(_)
        | ComponentId::Met(_)
        | ComponentId::Missed(_)
        | ComponentId::Rate(..)
        | ComponentId::AwayRemove(_)
        | ComponentId::ReviewStart(..)
        | ComponentId::CheckIns(_)
        | ComponentId::MilestoneDone(_) => return Err(anyhow::anyhow!("a button's id came with a form").into()),
    };
    Ok(answer)
}

/// The minutes typed in a booking form (empty: the default).
fn minutes(text: &str) -> Result<Option<i64>, UserError> {
    match text.trim() {
        "" => Ok(None),
        m => m.parse::<i64>().map(Some).map_err(|_| UserError::BadMinutes(m.to_owned())),
    }
}

/// The **Book a session** form of a member's context menu: books with that member like `/book`
/// (the guild is the interaction's; the app checks that they are the caller's partner).
async fn book_with(
    data: &Data,
    source: Source<'_>,
    modal: &serenity::ModalInteraction,
    partner: i64,
    when: &str,
    duration: &str,
) -> Result<Answer, BotError> {
    let guild = modal.guild_id.ok_or_else(|| anyhow::anyhow!("a Book a session form outside a guild"))?;
    let (user, name) = who(source);
    let caller = Caller { guild_id: crate::domain::ids::GuildId(guild.get()), user_id: user, name, is_admin: false };
    let partner = UserId(u64::try_from(partner).map_err(|_| anyhow::anyhow!("a negative user id"))?);
    let with = Person { id: partner, name: format!("<@{partner}>"), is_bot: false };
    let out = data.app.book(&caller, &with, when, minutes(duration)?, None).await?;
    Ok(booked_answer(data, &out, partner).await)
}
