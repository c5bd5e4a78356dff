//! Queries on `agendas` and `agenda_topics`.

use anyhow::Context as _;
use chrono::{DateTime, Utc};

use super::{from_ts, ts, Store, Tx};
use crate::domain::{
    agenda::{AddedTopic, Agenda, AgendaInput, Topic},
    ids::UserId,
};

#[derive(sqlx::FromRow)]
struct Row {
    session_id: i64,
    goal: String,
    progress: String,
    challenges: String,
    topics: String,
    support: String,
    submitted_by: i64,
    submitted_at: i64,
    updated_at: i64,
    revision: i64,
}

impl From<Row> for Agenda {
    fn from(r: Row) -> Self {
        Agenda {
            session_id: r.session_id,
            goal: r.goal,
            progress: r.progress,
            challenges: r.challenges,
            topics: r.topics,
            support: r.support,
            submitted_by: UserId::from_db(r.submitted_by),
            submitted_at: from_ts(r.submitted_at),
            updated_at: from_ts(r.updated_at),
            revision: r.revision,
        }
    }
}

#[derive(sqlx::FromRow)]
struct TopicRow {
    id: i64,
    session_id: i64,
    added_by: i64,
    topic: String,
    high_priority: i64,
    added_at: i64,
}

impl From<TopicRow> for AddedTopic {
    fn from(r: TopicRow) -> Self {
        AddedTopic {
            id: r.id,
            session_id: r.session_id,
            added_by: UserId::from_db(r.added_by),
            topic: Topic { text: r.topic, high_priority: r.high_priority != 0 },
            added_at: from_ts(r.added_at),
        }
    }
}

impl Store {
    /// The agenda of a session, if one was submitted.
    pub async fn agenda(&self, session_id: i64) -> anyhow::Result<Option<Agenda>> {
        let row = sqlx::query_as::<_, Row>(
            "SELECT session_id, goal, progress, challenges, topics, support, submitted_by, submitted_at, updated_at,
                    revision
             FROM agendas WHERE session_id = $1",
        )
        .bind(session_id)
        .fetch_optional(self.pool())
        .await
        .context("while loading an agenda")?;
        Ok(row.map(Agenda::from))
    }

    /// Creates or replaces a session's agenda; returns it and whether it existed before.
    pub async fn save_agenda(
        &self,
        tx: &mut Tx,
        session_id: i64,
        input: &AgendaInput,
        by: UserId,
        now: DateTime<Utc>,
    ) -> anyhow::Result<(Agenda, bool)> {
        let existed = sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM agendas WHERE session_id = $1")
            .bind(session_id)
            .fetch_one(&mut **tx)
            .await
            .context("while checking for an agenda")?
            > 0;
        let row = sqlx::query_as::<_, Row>(
            "INSERT INTO agendas (session_id, goal, progress, challenges, topics, support, submitted_by,
                                  submitted_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
             ON CONFLICT (session_id) DO UPDATE SET
                 goal = excluded.goal, progress = excluded.progress, challenges = excluded.challenges,
                 topics = excluded.topics, support = excluded.support, updated_at = excluded.updated_at,
                 revision = agendas.revision + 1
             RETURNING session_id, goal, progress, challenges, topics, support, submitted_by, submitted_at,
                       updated_at, revision",
        )
        .bind(session_id)
        .bind(&input.goal)
        .bind(&input.progress)
        .bind(&input.challenges)
        .bind(&input.topics)
        .bind(&input.support)
        .bind(by.db())
        .bind(ts(now))
        .fetch_one(&mut **tx)
        .await
        .context("while saving an agenda")?;
        Ok((row.into(), existed))
    }

    /// Adds a topic (from the mentor) to a session's agenda.
    pub async fn add_agenda_topic(
        &self,
        tx: &mut Tx,
        session_id: i64,
        topic: &Topic,
        by: UserId,
        now: DateTime<Utc>,
    ) -> anyhow::Result<AddedTopic> {
        let row = sqlx::query_as::<_, TopicRow>(
            "INSERT INTO agenda_topics (session_id, added_by, topic, high_priority, added_at)
             VALUES ($1, $2, $3, $4, $5)
             RETURNING id, session_id, added_by, topic, high_priority, added_at",
        )
        .bind(session_id)
        .bind(by.db())
        .bind(&topic.text)
        .bind(i64::from(topic.high_priority))
        .bind(ts(now))
        .fetch_one(&mut **tx)
        .await
        .context("while adding an agenda topic")?;
        Ok(row.into())
    }

    /// The topics added to a session's agenda, oldest first.
    pub async fn agenda_topics(&self, session_id: i64) -> anyhow::Result<Vec<AddedTopic>> {
        let rows = sqlx::query_as::<_, TopicRow>(
            "SELECT id, session_id, added_by, topic, high_priority, added_at
             FROM agenda_topics WHERE session_id = $1 ORDER BY id",
        )
        .bind(session_id)
        .fetch_all(self.pool())
        .await
        .context("while loading agenda topics")?;
        Ok(rows.into_iter().map(AddedTopic::from).collect())
    }
}
