//! Queries on `sessions`.

use anyhow::Context as _;
use chrono::{DateTime, Utc};

use super::{from_ts, ts, Store, Tx};
use crate::domain::{
    ids::{GuildId, UserId},
    session::{Session, SessionStatus},
};

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    pairing_id: i64,
    number: i64,
    starts_at: i64,
    duration_minutes: i64,
    status: String,
    topic: Option<String>,
    booked_by: i64,
    cancel_reason: Option<String>,
    revision: i64,
    series_id: Option<i64>,
    occurrence: Option<i64>,
}

impl Row {
    fn into_session(self) -> anyhow::Result<Session> {
        Ok(Session {
            id: self.id,
            pairing_id: self.pairing_id,
            number: self.number,
            starts_at: from_ts(self.starts_at),
            duration_minutes: u32::try_from(self.duration_minutes).context("stored duration")?,
            status: SessionStatus::parse(&self.status).with_context(|| format!("stored status {:?}", self.status))?,
            topic: self.topic,
            booked_by: UserId::from_db(self.booked_by),
            cancel_reason: self.cancel_reason,
            revision: self.revision,
            series_id: self.series_id,
            occurrence: self.occurrence.map(u32::try_from).transpose().context("stored occurrence")?,
        })
    }
}

fn convert(rows: Vec<Row>) -> anyhow::Result<Vec<Session>> {
    rows.into_iter().map(Row::into_session).collect()
}

/// What a booking stores.
#[derive(Debug, Clone)]
pub struct NewSession<'a> {
    pub pairing_id: i64,
    pub starts_at: DateTime<Utc>,
    pub duration_minutes: u32,
    pub topic: Option<&'a str>,
    pub booked_by: UserId,
    /// The series and the occurrence of its rule (0 = the first), for an occurrence of one.
    pub series: Option<(i64, u32)>,
}

impl Store {
    /// A session by id.
    pub async fn session(&self, id: i64) -> anyhow::Result<Option<Session>> {
        Self::session_on(self.pool(), id).await
    }

    /// [`Self::session`] read inside the transaction `tx` (never a second connection while it
    /// holds the write lock).
    pub async fn session_in(&self, tx: &mut Tx, id: i64) -> anyhow::Result<Option<Session>> {
        Self::session_on(&mut **tx, id).await
    }

    async fn session_on<'e>(conn: impl sqlx::AnyExecutor<'e>, id: i64) -> anyhow::Result<Option<Session>> {
        sqlx::query_as::<_, Row>(
            "SELECT id, pairing_id, number, starts_at, duration_minutes, status, topic, booked_by,
                    cancel_reason, revision, series_id, occurrence
             FROM sessions WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(conn)
        .await
        .context("while loading a session")?
        .map(Row::into_session)
        .transpose()
    }

    /// A user's booked sessions in a guild that overlap `[start, end)`, except `exclude`.
    pub async fn overlapping_sessions(
        &self,
        tx: &mut Tx,
        guild: GuildId,
        user: UserId,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
        exclude: Option<i64>,
    ) -> anyhow::Result<Vec<Session>> {
        let rows = sqlx::query_as::<_, Row>(
            "SELECT s.id, s.pairing_id, s.number, s.starts_at, s.duration_minutes, s.status, s.topic,
                    s.booked_by, s.cancel_reason, s.revision, s.series_id, s.occurrence
             FROM sessions s
             WHERE s.pairing_id IN (SELECT id FROM pairings WHERE guild_id = $1 AND mentor_id = $2
                                    UNION ALL
                                    SELECT id FROM pairings WHERE guild_id = $1 AND mentee_id = $2)
               AND s.status = 'booked' AND s.id <> $5
               AND s.starts_at < $4 AND s.starts_at + s.duration_minutes * 60 > $3
             ORDER BY s.starts_at",
        )
        .bind(guild.db())
        .bind(user.db())
        .bind(ts(start))
        .bind(ts(end))
        .bind(exclude.unwrap_or(-1))
        .fetch_all(&mut **tx)
        .await
        .context("while checking for overlapping sessions")?;
        convert(rows)
    }

    /// Inserts a booked session with the next number of its pairing.
    pub async fn insert_session(
        &self,
        tx: &mut Tx,
        new: &NewSession<'_>,
        now: DateTime<Utc>,
    ) -> anyhow::Result<Session> {
        let row = sqlx::query_as::<_, Row>(
            "INSERT INTO sessions (pairing_id, number, starts_at, duration_minutes, status, topic,
                                   booked_by, created_at, updated_at, series_id, occurrence)
             VALUES ($1, (SELECT COALESCE(MAX(number), 0) + 1 FROM sessions WHERE pairing_id = $1),
                     $2, $3, 'booked', $4, $5, $6, $6, $7, $8)
             RETURNING id, pairing_id, number, starts_at, duration_minutes, status, topic, booked_by,
                       cancel_reason, revision, series_id, occurrence",
        )
        .bind(new.pairing_id)
        .bind(ts(new.starts_at))
        .bind(i64::from(new.duration_minutes))
        .bind(new.topic)
        .bind(new.booked_by.db())
        .bind(ts(now))
        .bind(new.series.map(|(id, _)| id))
        .bind(new.series.map(|(_, occurrence)| i64::from(occurrence)))
        .fetch_one(&mut **tx)
        .await
        .context("while booking a session")?;
        row.into_session()
    }

    /// Moves a session to a new start (bumping its revision).
    pub async fn move_session(
        &self,
        tx: &mut Tx,
        id: i64,
        start: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> anyhow::Result<Session> {
        let row = sqlx::query_as::<_, Row>(
            "UPDATE sessions SET starts_at = $1, revision = revision + 1, updated_at = $2 WHERE id = $3
             RETURNING id, pairing_id, number, starts_at, duration_minutes, status, topic, booked_by,
                       cancel_reason, revision, series_id, occurrence",
        )
        .bind(ts(start))
        .bind(ts(now))
        .bind(id)
        .fetch_one(&mut **tx)
        .await
        .context("while moving a session")?;
        row.into_session()
    }

    /// Cancels a session.
    pub async fn cancel_session(
        &self,
        tx: &mut Tx,
        id: i64,
        by: UserId,
        reason: Option<&str>,
        now: DateTime<Utc>,
    ) -> anyhow::Result<Session> {
        let row = sqlx::query_as::<_, Row>(
            "UPDATE sessions SET status = 'cancelled', cancelled_by = $1, cancel_reason = $2,
                                 revision = revision + 1, updated_at = $3
             WHERE id = $4
             RETURNING id, pairing_id, number, starts_at, duration_minutes, status, topic, booked_by,
                       cancel_reason, revision, series_id, occurrence",
        )
        .bind(by.db())
        .bind(reason)
        .bind(ts(now))
        .bind(id)
        .fetch_one(&mut **tx)
        .await
        .context("while cancelling a session")?;
        row.into_session()
    }

    /// Booked sessions of a pairing that start after `now`.
    pub async fn upcoming_sessions_of_pairing(
        &self,
        tx: &mut Tx,
        pairing: i64,
        now: DateTime<Utc>,
    ) -> anyhow::Result<Vec<Session>> {
        let rows = sqlx::query_as::<_, Row>(
            "SELECT id, pairing_id, number, starts_at, duration_minutes, status, topic, booked_by,
                    cancel_reason, revision, series_id, occurrence
             FROM sessions WHERE pairing_id = $1 AND status = 'booked' AND starts_at > $2 ORDER BY starts_at",
        )
        .bind(pairing)
        .bind(ts(now))
        .fetch_all(&mut **tx)
        .await
        .context("while listing a pairing's upcoming sessions")?;
        convert(rows)
    }

    /// The ids of all sessions of a pairing, read inside a change's transaction (to cancel their
    /// pending jobs when the pairing ends).
    pub async fn session_ids_of_pairing(&self, tx: &mut Tx, pairing: i64) -> anyhow::Result<Vec<i64>> {
        sqlx::query_scalar::<_, i64>("SELECT id FROM sessions WHERE pairing_id = $1 ORDER BY id")
            .bind(pairing)
            .fetch_all(&mut **tx)
            .await
            .context("while listing a pairing's sessions")
    }

    /// A user's sessions in a guild (all their pairings, past and future), by start time.
    pub async fn sessions_of_user(&self, guild: GuildId, user: UserId) -> anyhow::Result<Vec<Session>> {
        let rows = sqlx::query_as::<_, Row>(
            "SELECT s.id, s.pairing_id, s.number, s.starts_at, s.duration_minutes, s.status, s.topic,
                    s.booked_by, s.cancel_reason, s.revision, s.series_id, s.occurrence
             FROM sessions s
             WHERE s.pairing_id IN (SELECT id FROM pairings WHERE guild_id = $1 AND mentor_id = $2
                                    UNION ALL
                                    SELECT id FROM pairings WHERE guild_id = $1 AND mentee_id = $2)
             ORDER BY s.starts_at",
        )
        .bind(guild.db())
        .bind(user.db())
        .fetch_all(self.pool())
        .await
        .context("while listing sessions")?;
        convert(rows)
    }

    /// Every session of a series (any status), by occurrence, read inside a change.
    pub async fn sessions_of_series(&self, tx: &mut Tx, series: i64) -> anyhow::Result<Vec<Session>> {
        let rows = sqlx::query_as::<_, Row>(
            "SELECT id, pairing_id, number, starts_at, duration_minutes, status, topic, booked_by,
                    cancel_reason, revision, series_id, occurrence
             FROM sessions WHERE series_id = $1 ORDER BY occurrence, id",
        )
        .bind(series)
        .fetch_all(&mut **tx)
        .await
        .context("while listing a series' sessions")?;
        convert(rows)
    }

    /// Makes a session occurrence `occurrence` of series `series`.
    pub async fn assign_series(&self, tx: &mut Tx, id: i64, series: i64, occurrence: u32) -> anyhow::Result<()> {
        sqlx::query("UPDATE sessions SET series_id = $1, occurrence = $2 WHERE id = $3")
            .bind(series)
            .bind(i64::from(occurrence))
            .bind(id)
            .execute(&mut **tx)
            .await
            .context("while moving a session into a series")?;
        Ok(())
    }
}
