//! Agendas: the mentee writes one for an upcoming session, the mentor gets it by DM and adds
//! topics, and either of them reads it (also for past sessions).

use tracing::instrument;

use super::{
    content::{check_text, SessionPick},
    App, AppError, AppResult, Caller, Notice, NoticeKind, UserError,
};
use crate::{
    domain::{
        action::ActionItem,
        agenda::{parse_topics, AddedTopic, Agenda, AgendaInput, Topic},
        layout::MODAL_VALUE_CHARS,
        member::Member,
        pairing::Pairing,
        session::{Session, SessionStatus},
    },
    tr,
};

/// Everything shown for one agenda.
#[derive(Debug, Clone)]
pub struct AgendaView {
    pub session: Session,
    pub pairing: Pairing,
    pub mentor_name: String,
    pub mentee_name: String,
    pub agenda: Option<Agenda>,
    /// Topics the mentor added.
    pub added: Vec<AddedTopic>,
    /// The pair's still-open items from before this session ("leftover actions").
    pub leftovers: Vec<ActionItem>,
}

/// The agenda form of a session, pre-filled when an agenda exists.
#[derive(Debug, Clone)]
pub struct AgendaForm {
    pub session: Session,
    pub input: AgendaInput,
    /// The outline's step for this session (its focus, shown as the form's placeholder).
    pub step: Option<crate::domain::outline::Step>,
}

/// The result of submitting an agenda.
#[derive(Debug, Clone)]
pub struct AgendaOutcome {
    pub view: AgendaView,
    /// An earlier version existed.
    pub updated: bool,
    pub notices: Vec<Notice>,
}

/// The result of adding topics.
#[derive(Debug, Clone)]
pub struct TopicOutcome {
    pub session: Session,
    pub topics: Vec<Topic>,
    pub notices: Vec<Notice>,
}

/// Agendas and topics are for sessions still ahead.
fn check_upcoming(session: &Session, now: chrono::DateTime<chrono::Utc>) -> AppResult<()> {
    match session.status {
        SessionStatus::Cancelled => Err(UserError::AgendaCancelled { number: session.number }.into()),
        SessionStatus::Completed => Err(UserError::AgendaPast { number: session.number }.into()),
        SessionStatus::Booked if session.starts_at <= now => {
            Err(UserError::AgendaPast { number: session.number }.into())
        }
        SessionStatus::Booked => Ok(()),
    }
}

impl App {
    /// The agenda form for the mentee (their next session unless picked).
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn agenda_form(&self, caller: &Caller, pick: SessionPick<'_>) -> AppResult<AgendaForm> {
        let (session, pairing) = self.session_to_change(caller, pick).await?;
        if pairing.mentee_id != caller.user_id {
            return Err(UserError::MenteeWritesAgenda.into());
        }
        check_upcoming(&session, self.now())?;
        let input = self.store.agenda(session.id).await?.as_ref().map(AgendaInput::from).unwrap_or_default();
        let step = self.step_for(pairing.guild_id, session.number).await?;
        Ok(AgendaForm { session, input, step })
    }

    /// Saves the mentee's agenda and sends it to the mentor.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id, session = session_id))]
    pub async fn submit_agenda(
        &self,
        caller: &Caller,
        session_id: i64,
        input: AgendaInput,
    ) -> AppResult<AgendaOutcome> {
        let (session, pairing) = self.session_to_change(caller, SessionPick::Id(session_id)).await?;
        if pairing.mentee_id != caller.user_id {
            return Err(UserError::MenteeWritesAgenda.into());
        }
        let now = self.now();
        check_upcoming(&session, now)?;
        let input = AgendaInput {
            goal: input.goal.trim().to_owned(),
            progress: input.progress.trim().to_owned(),
            challenges: input.challenges.trim().to_owned(),
            topics: input.topics.trim().to_owned(),
            support: input.support.trim().to_owned(),
        };
        if input.goal.is_empty() {
            return Err(UserError::Required(tr!("app-required-session-goal")).into());
        }
        for (what, text) in [
            (tr!("app-field-session-goal"), &input.goal),
            (tr!("app-field-progress"), &input.progress),
            (tr!("app-field-challenges"), &input.challenges),
            (tr!("app-field-topics-to-discuss"), &input.topics),
            (tr!("app-field-support"), &input.support),
        ] {
            check_text(&what, text, MODAL_VALUE_CHARS)?;
        }
        let mut tx = self.store.begin().await?;
        let (agenda, updated) = self.store.save_agenda(&mut tx, session.id, &input, caller.user_id, now).await?;
        let notices = vec![Notice {
            to: pairing.mentor_id,
            kind: NoticeKind::AgendaShared { session: session.clone(), updated, revision: agenda.revision },
        }];
        self.plan_notices(&mut tx, caller.guild_id, &notices, now).await?;
        tx.commit().await.map_err(anyhow::Error::from)?;
        self.jobs_changed();
        let view = self.agenda_view(session, pairing).await?;
        Ok(AgendaOutcome { view, updated, notices })
    }

    /// Checks that the mentor may add topics to a session; returns the session.
    pub async fn topic_form(&self, caller: &Caller, pick: SessionPick<'_>) -> AppResult<Session> {
        Ok(self.topic_target(caller, pick).await?.0)
    }

    async fn topic_target(&self, caller: &Caller, pick: SessionPick<'_>) -> AppResult<(Session, Pairing)> {
        let (session, pairing) = self.session_to_change(caller, pick).await?;
        if pairing.mentor_id != caller.user_id {
            return Err(UserError::MentorAddsTopics.into());
        }
        check_upcoming(&session, self.now())?;
        Ok((session, pairing))
    }

    /// Adds the mentor's topics (one a line, `!` for high priority) and tells the mentee.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id, session = session_id))]
    pub async fn add_topics(&self, caller: &Caller, session_id: i64, text: &str) -> AppResult<TopicOutcome> {
        let (session, pairing) = self.topic_target(caller, SessionPick::Id(session_id)).await?;
        check_text(&tr!("app-field-the-topics"), text, MODAL_VALUE_CHARS)?;
        let topics = parse_topics(text);
        if topics.is_empty() {
            return Err(UserError::Required(tr!("app-required-topic")).into());
        }
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let mut first_id = None;
        for topic in &topics {
            let added = self.store.add_agenda_topic(&mut tx, session.id, topic, caller.user_id, now).await?;
            first_id.get_or_insert(added.id);
        }
        let notices = vec![Notice {
            to: pairing.mentee_id,
            kind: NoticeKind::TopicsAdded {
                session: session.clone(),
                topics: topics.clone(),
                by: caller.user_id,
                first_id: first_id.unwrap_or_default(),
            },
        }];
        self.plan_notices(&mut tx, caller.guild_id, &notices, now).await?;
        tx.commit().await.map_err(anyhow::Error::from)?;
        self.jobs_changed();
        Ok(TopicOutcome { session, topics, notices })
    }

    /// The agenda of a session (the next one unless picked, else the latest), for either member.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn view_agenda(&self, caller: &Caller, pick: SessionPick<'_>) -> AppResult<AgendaView> {
        let (session, pairing) = match self.pick_session(caller, pick).await {
            Err(AppError::User(UserError::NoUpcomingSession)) => self.pick_session(caller, SessionPick::Latest).await?,
            other => other?,
        };
        self.agenda_view(session, pairing).await
    }

    pub(crate) async fn agenda_view(&self, session: Session, pairing: Pairing) -> AppResult<AgendaView> {
        let agenda = self.store.agenda(session.id).await?;
        let added = self.store.agenda_topics(session.id).await?;
        let leftovers = self
            .store
            .open_actions_of_pairing(pairing.id)
            .await?
            .into_iter()
            .filter(|a| a.created_at < session.starts_at && a.session_id != Some(session.id))
            .collect();
        let name = |m: Option<Member>, id| m.map_or_else(|| format!("<@{id}>"), |m| m.display_name);
        let mentor_name = name(self.store.member(pairing.guild_id, pairing.mentor_id).await?, pairing.mentor_id);
        let mentee_name = name(self.store.member(pairing.guild_id, pairing.mentee_id).await?, pairing.mentee_id);
        Ok(AgendaView { session, pairing, mentor_name, mentee_name, agenda, added, leftovers })
    }
}
