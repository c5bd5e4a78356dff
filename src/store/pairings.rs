//! Queries on `pairings`.

use anyhow::Context as _;
use chrono::{DateTime, Utc};

use super::{ts, Store, Tx};
use crate::domain::{
    ids::{GuildId, UserId},
    pairing::Pairing,
};

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    guild_id: i64,
    mentor_id: i64,
    mentee_id: i64,
    active: i64,
}

impl From<Row> for Pairing {
    fn from(r: Row) -> Self {
        Pairing {
            id: r.id,
            guild_id: GuildId::from_db(r.guild_id),
            mentor_id: UserId::from_db(r.mentor_id),
            mentee_id: UserId::from_db(r.mentee_id),
            active: r.active != 0,
        }
    }
}

impl Store {
    /// The active pairing of two people (in either role order), if any.
    pub async fn active_pairing_between(
        &self,
        guild: GuildId,
        a: UserId,
        b: UserId,
    ) -> anyhow::Result<Option<Pairing>> {
        let row = sqlx::query_as::<_, Row>(
            // Each half is one lookup in `pairings_one_active`; an OR over both role orders would
            // scan every active pairing of the guild.
            "SELECT id, guild_id, mentor_id, mentee_id, active FROM pairings
             WHERE guild_id = $1 AND active = 1 AND mentor_id = $2 AND mentee_id = $3
             UNION ALL
             SELECT id, guild_id, mentor_id, mentee_id, active FROM pairings
             WHERE guild_id = $1 AND active = 1 AND mentor_id = $3 AND mentee_id = $2",
        )
        .bind(guild.db())
        .bind(a.db())
        .bind(b.db())
        .fetch_optional(self.pool())
        .await
        .context("while looking up a pairing")?;
        Ok(row.map(Pairing::from))
    }

    /// A pairing by id.
    pub async fn pairing(&self, id: i64) -> anyhow::Result<Option<Pairing>> {
        Self::pairing_on(self.pool(), id).await
    }

    /// [`Self::pairing`] read inside the transaction `tx` (never a second connection while it
    /// holds the write lock).
    pub async fn pairing_in(&self, tx: &mut Tx, id: i64) -> anyhow::Result<Option<Pairing>> {
        Self::pairing_on(&mut **tx, id).await
    }

    async fn pairing_on<'e>(conn: impl sqlx::AnyExecutor<'e>, id: i64) -> anyhow::Result<Option<Pairing>> {
        let row =
            sqlx::query_as::<_, Row>("SELECT id, guild_id, mentor_id, mentee_id, active FROM pairings WHERE id = $1")
                .bind(id)
                .fetch_optional(conn)
                .await
                .context("while loading a pairing")?;
        Ok(row.map(Pairing::from))
    }

    /// The active pairings a user is part of, oldest first.
    pub async fn active_pairings_of(&self, guild: GuildId, user: UserId) -> anyhow::Result<Vec<Pairing>> {
        let rows = sqlx::query_as::<_, Row>(
            // One index lookup per role (`pairings_by_mentor`, `pairings_by_mentee`); an OR would
            // scan every pairing of the guild.
            "SELECT id, guild_id, mentor_id, mentee_id, active FROM pairings
             WHERE guild_id = $1 AND active = 1 AND mentor_id = $2
             UNION ALL
             SELECT id, guild_id, mentor_id, mentee_id, active FROM pairings
             WHERE guild_id = $1 AND active = 1 AND mentee_id = $2
             ORDER BY id",
        )
        .bind(guild.db())
        .bind(user.db())
        .fetch_all(self.pool())
        .await
        .context("while listing pairings")?;
        Ok(rows.into_iter().map(Pairing::from).collect())
    }

    /// Every pairing a user is part of, active or ended, oldest first.
    pub async fn pairings_of(&self, guild: GuildId, user: UserId) -> anyhow::Result<Vec<Pairing>> {
        let rows = sqlx::query_as::<_, Row>(
            "SELECT id, guild_id, mentor_id, mentee_id, active FROM pairings
             WHERE guild_id = $1 AND (mentor_id = $2 OR mentee_id = $2) ORDER BY id",
        )
        .bind(guild.db())
        .bind(user.db())
        .fetch_all(self.pool())
        .await
        .context("while listing pairings with ended ones")?;
        Ok(rows.into_iter().map(Pairing::from).collect())
    }

    /// Starts a pairing.
    pub async fn create_pairing(
        &self,
        tx: &mut Tx,
        guild: GuildId,
        mentor: UserId,
        mentee: UserId,
        now: DateTime<Utc>,
    ) -> anyhow::Result<Pairing> {
        let id = sqlx::query_scalar::<_, i64>(
            "INSERT INTO pairings (guild_id, mentor_id, mentee_id, active, created_at)
             VALUES ($1, $2, $3, 1, $4) RETURNING id",
        )
        .bind(guild.db())
        .bind(mentor.db())
        .bind(mentee.db())
        .bind(ts(now))
        .fetch_one(&mut **tx)
        .await
        .context("while creating a pairing")?;
        Ok(Pairing { id, guild_id: guild, mentor_id: mentor, mentee_id: mentee, active: true })
    }

    /// Ends a pairing (its history stays).
    pub async fn end_pairing(&self, tx: &mut Tx, id: i64, now: DateTime<Utc>) -> anyhow::Result<()> {
        sqlx::query("UPDATE pairings SET active = 0, ended_at = $1 WHERE id = $2")
            .bind(ts(now))
            .bind(id)
            .execute(&mut **tx)
            .await
            .context("while ending a pairing")?;
        Ok(())
    }
}
