//! Ephemeral answers that may be long: content laid out as embed pages (`domain::layout`), sent
//! as a first message plus followups, with an optional file and buttons on the first message.
//! The same answer goes out through a slash command (poise) or a button/modal interaction.

use std::sync::atomic::Ordering;

use poise::{serenity_prelude as serenity, CreateReply};

use super::{marking::Marked, reply::no_pings, BotError, Context};
use crate::{
    domain::layout::{self, Page},
    render::{content::page_embed, look},
};

/// What to show.
#[derive(Debug, Default)]
pub struct Answer {
    pub content: String,
    pub pages: Vec<Page>,
    pub file: Option<serenity::CreateAttachment>,
    pub components: Vec<serenity::CreateActionRow>,
}

/// One message of an answer.
struct Part {
    content: String,
    embeds: Vec<serenity::CreateEmbed>,
    file: Option<serenity::CreateAttachment>,
    components: Vec<serenity::CreateActionRow>,
}

impl Answer {
    /// A plain text answer.
    pub fn text(content: impl Into<String>) -> Self {
        Self { content: content.into(), ..Self::default() }
    }

    /// With pages.
    #[must_use]
    pub fn pages(mut self, pages: Vec<Page>) -> Self {
        self.pages = pages;
        self
    }

    /// With buttons.
    #[must_use]
    pub fn components(mut self, rows: Vec<serenity::CreateActionRow>) -> Self {
        self.components = rows;
        self
    }

    fn parts(self) -> Vec<Part> {
        let (content, mut pages) = fit_content(self.content);
        pages.extend(self.pages);
        let mut groups = layout::messages(pages).into_iter();
        let first = groups.next().unwrap_or_default();
        let mut parts = vec![Part {
            content,
            embeds: first.iter().map(|p| look::finish(page_embed(p))).collect(),
            file: self.file,
            components: self.components,
        }];
        parts.extend(groups.map(|g| Part {
            content: String::new(),
            embeds: g.iter().map(|p| look::finish(page_embed(p))).collect(),
            file: None,
            components: Vec::new(),
        }));
        parts
    }
}

/// Message content as Discord takes it: content longer than a message holds moves, whole, into
/// embed pages (it may be the user's own data, so nothing is cut away).
pub fn fit_content(content: String) -> (String, Vec<Page>) {
    if content.chars().count() <= layout::MESSAGE_CHARS {
        (content, Vec::new())
    } else {
        (String::new(), layout::pages(&crate::tr!("bot-answer-reply-page"), &content, &[]))
    }
}

/// Sends an answer to a slash command (ephemeral).
pub async fn send(ctx: Context<'_>, answer: Answer) -> Result<(), BotError> {
    for part in answer.parts() {
        let mut reply = CreateReply::default()
            .ephemeral(true)
            .content(part.content)
            .components(part.components)
            .allowed_mentions(no_pings());
        for embed in part.embeds {
            reply = reply.embed(embed);
        }
        if let Some(file) = part.file {
            reply = reply.attachment(file);
        }
        ctx.send(reply).await?;
    }
    Ok(())
}

/// The interaction a button press or modal submission arrived with.
#[derive(Debug, Clone, Copy)]
pub enum Source<'a> {
    Component(&'a serenity::ComponentInteraction),
    Modal(&'a serenity::ModalInteraction),
}

impl Source<'_> {
    /// Who pressed or submitted.
    pub fn user(&self) -> &serenity::User {
        match self {
            Source::Component(c) => &c.user,
            Source::Modal(m) => &m.user,
        }
    }

    async fn respond(
        &self,
        http: &serenity::Http,
        response: serenity::CreateInteractionResponse,
    ) -> serenity::Result<()> {
        match self {
            Source::Component(c) => c.create_response(http, response).await,
            Source::Modal(m) => m.create_response(http, response).await,
        }
    }

    async fn followup(
        &self,
        http: &serenity::Http,
        f: serenity::CreateInteractionResponseFollowup,
    ) -> serenity::Result<()> {
        match self {
            Source::Component(c) => c.create_followup(http, f).await.map(drop),
            Source::Modal(m) => m.create_followup(http, f).await.map(drop),
        }
    }

    /// The message whose button was pressed (for a form: whose button opened it), if any.
    pub fn message(&self) -> Option<&serenity::Message> {
        match self {
            Source::Component(c) => Some(&c.message),
            Source::Modal(m) => m.message.as_deref(),
        }
    }

    /// Answers a button press by updating the message it sits on (`UPDATE_MESSAGE`): its new
    /// content and buttons; its embeds stay.
    pub async fn update_marked(&self, http: &serenity::Http, marked: Marked) -> serenity::Result<()> {
        let message = serenity::CreateInteractionResponseMessage::new()
            .content(marked.content)
            .components(marked.rows)
            .allowed_mentions(no_pings());
        self.respond(http, serenity::CreateInteractionResponse::UpdateMessage(message)).await
    }

    /// After `defer_update` of a form opened by a button: updates the message of that button.
    pub async fn edit_marked(&self, http: &serenity::Http, marked: Marked) -> serenity::Result<()> {
        let edit = serenity::EditInteractionResponse::new()
            .content(marked.content)
            .components(marked.rows)
            .allowed_mentions(no_pings());
        self.edit_original(http, edit).await
    }

    /// Sends a whole answer as ephemeral followups (after `defer_update`, whose response is the
    /// updated message).
    pub async fn send_followups(&self, http: &serenity::Http, answer: Answer) -> serenity::Result<()> {
        for part in answer.parts() {
            let mut f = serenity::CreateInteractionResponseFollowup::new()
                .ephemeral(true)
                .content(part.content)
                .embeds(part.embeds)
                .components(part.components)
                .allowed_mentions(no_pings());
            if let Some(file) = part.file {
                f = f.add_file(file);
            }
            self.followup(http, f).await?;
        }
        Ok(())
    }

    /// Shows a modal (only a button press can answer with one).
    pub async fn show_modal(&self, http: &serenity::Http, modal: serenity::CreateModal) -> serenity::Result<()> {
        self.respond(http, serenity::CreateInteractionResponse::Modal(modal)).await
    }

    /// Acknowledges at once with an ephemeral "thinking…", so nothing slow can miss Discord's
    /// 3-second deadline; the answer then comes with `send(.., deferred: true)`.
    pub async fn defer(&self, http: &serenity::Http) -> serenity::Result<()> {
        let message = serenity::CreateInteractionResponseMessage::new().ephemeral(true);
        self.respond(http, serenity::CreateInteractionResponse::Defer(message)).await
    }

    /// Acknowledges a button press without a new message (the message it sits on stays until
    /// `send(.., deferred: true)` edits it: the answer replaces the question).
    pub async fn defer_update(&self, http: &serenity::Http) -> serenity::Result<()> {
        self.respond(http, serenity::CreateInteractionResponse::Acknowledge).await
    }

    /// Answers a button press by replacing the message it sits on (its buttons with the
    /// answer's, none if it has none).
    pub async fn update(&self, http: &serenity::Http, answer: Answer) -> serenity::Result<()> {
        let mut parts = answer.parts().into_iter();
        if let Some(part) = parts.next() {
            let message = serenity::CreateInteractionResponseMessage::new()
                .content(part.content)
                .embeds(part.embeds)
                .components(part.components)
                .allowed_mentions(no_pings());
            self.respond(http, serenity::CreateInteractionResponse::UpdateMessage(message)).await?;
        }
        self.follow_pages(http, parts).await
    }

    /// The pages after an answer's first message, as ephemeral followups.
    async fn follow_pages(&self, http: &serenity::Http, pages: impl Iterator<Item = Part>) -> serenity::Result<()> {
        for part in pages {
            let f = serenity::CreateInteractionResponseFollowup::new()
                .ephemeral(true)
                .embeds(part.embeds)
                .allowed_mentions(no_pings());
            self.followup(http, f).await?;
        }
        Ok(())
    }

    async fn edit_original(
        &self,
        http: &serenity::Http,
        edit: serenity::EditInteractionResponse,
    ) -> serenity::Result<()> {
        match self {
            Source::Component(c) => c.edit_response(http, edit).await.map(drop),
            Source::Modal(m) => m.edit_response(http, edit).await.map(drop),
        }
    }

    /// Sends an answer (ephemeral): as the first response, or after `defer` as its edit.
    pub async fn send(&self, http: &serenity::Http, answer: Answer, deferred: bool) -> serenity::Result<()> {
        let mut parts = answer.parts().into_iter();
        if let Some(part) = parts.next() {
            if deferred {
                let mut edit = serenity::EditInteractionResponse::new()
                    .content(part.content)
                    .embeds(part.embeds)
                    .components(part.components)
                    .allowed_mentions(no_pings());
                if let Some(file) = part.file {
                    edit = edit.new_attachment(file);
                }
                self.edit_original(http, edit).await?;
            } else {
                let mut message = serenity::CreateInteractionResponseMessage::new()
                    .ephemeral(true)
                    .content(part.content)
                    .embeds(part.embeds)
                    .components(part.components)
                    .allowed_mentions(no_pings());
                if let Some(file) = part.file {
                    message = message.add_file(file);
                }
                self.respond(http, serenity::CreateInteractionResponse::Message(message)).await?;
            }
        }
        self.follow_pages(http, parts).await
    }
}

/// Answers a slash command with a modal.
pub async fn show_modal(ctx: Context<'_>, modal: serenity::CreateModal) -> Result<(), BotError> {
    let poise::Context::Application(actx) = ctx else {
        return Err(anyhow::anyhow!("a modal can only answer a slash command").into());
    };
    actx.interaction.create_response(ctx.http(), serenity::CreateInteractionResponse::Modal(modal)).await?;
    actx.has_sent_initial_response.store(true, Ordering::SeqCst);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bot::error::fit_error_text;

    #[test]
    fn content_that_fits_stays_content() {
        let (content, pages) = fit_content("✅ A3 added.".to_owned());
        assert_eq!(content, "✅ A3 added.");
        assert!(pages.is_empty());
    }

    #[test]
    fn long_content_moves_whole_into_pages() {
        let long = "word ".repeat(1000);
        let (content, pages) = fit_content(long.clone());
        assert!(content.is_empty());
        let kept: String = pages.iter().map(|p| p.description.as_str()).collect();
        assert_eq!(kept, long.trim_end());
        assert!(pages.iter().all(|p| p.description.chars().count() <= layout::DESCRIPTION_CHARS));
    }

    #[test]
    fn an_answer_never_sends_more_than_a_message_of_content() {
        let parts = Answer::text("x".repeat(5000)).parts();
        assert!(parts.iter().all(|p| p.content.chars().count() <= layout::MESSAGE_CHARS));
        assert!(!parts[0].embeds.is_empty());
    }

    #[test]
    fn a_long_error_text_of_ours_is_cut_to_one_message() {
        let text = fit_error_text(&"e".repeat(3000));
        assert_eq!(text.chars().count(), layout::MESSAGE_CHARS);
        assert!(text.ends_with('…'));
    }
}
