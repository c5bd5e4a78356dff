//! Queries on `availability_slots` and `away_periods`, and the busy intervals of a person.

use anyhow::Context as _;
use chrono::{DateTime, Utc};

use super::{from_ts, ts, Store, Tx};
use crate::domain::{
    availability::{AwayPeriod, Busy, WeeklySlot},
    ids::{GuildId, UserId},
};

impl Store {
    /// A member's weekly slots, sorted.
    pub async fn availability(&self, guild: GuildId, user: UserId) -> anyhow::Result<Vec<WeeklySlot>> {
        let rows = sqlx::query_as::<_, (i64, i64, i64)>(
            "SELECT weekday, start_minute, end_minute FROM availability_slots
             WHERE guild_id = $1 AND user_id = $2 ORDER BY weekday, start_minute, end_minute",
        )
        .bind(guild.db())
        .bind(user.db())
        .fetch_all(self.pool())
        .await
        .context("while loading availability")?;
        rows.into_iter()
            .map(|(d, s, e)| WeeklySlot::from_stored(d, s, e).with_context(|| format!("stored slot {d} {s}-{e}")))
            .collect()
    }

    /// Replaces a member's weekly slots (in one transaction).
    pub async fn set_availability(&self, guild: GuildId, user: UserId, slots: &[WeeklySlot]) -> anyhow::Result<()> {
        let mut tx = self.begin().await?;
        sqlx::query("DELETE FROM availability_slots WHERE guild_id = $1 AND user_id = $2")
            .bind(guild.db())
            .bind(user.db())
            .execute(&mut *tx)
            .await
            .context("while clearing availability")?;
        for slot in slots {
            sqlx::query(
                "INSERT INTO availability_slots (guild_id, user_id, weekday, start_minute, end_minute)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(guild.db())
            .bind(user.db())
            .bind(i64::from(slot.weekday_index()))
            .bind(i64::from(slot.start_minute()))
            .bind(i64::from(slot.end_minute()))
            .execute(&mut *tx)
            .await
            .context("while saving availability")?;
        }
        tx.commit().await.context("while saving availability")?;
        Ok(())
    }

    /// Adds an away period; returns its id.
    pub async fn add_away(
        &self,
        guild: GuildId,
        user: UserId,
        period: &AwayPeriod,
        now: DateTime<Utc>,
    ) -> anyhow::Result<i64> {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO away_periods (guild_id, user_id, starts_at, ends_at, note, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(guild.db())
        .bind(user.db())
        .bind(ts(period.start))
        .bind(ts(period.end))
        .bind(period.note.as_deref())
        .bind(ts(now))
        .fetch_one(self.pool())
        .await
        .context("while saving an away period")
    }

    /// A member's away periods that end after `from` and start before `to`, by start.
    pub async fn away_periods(
        &self,
        guild: GuildId,
        user: UserId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> anyhow::Result<Vec<AwayPeriod>> {
        Self::away_periods_on(self.pool(), guild, user, from, to).await
    }

    /// [`Self::away_periods`] read inside the transaction `tx` (never a second connection while it
    /// holds the write lock).
    pub async fn away_periods_in(
        &self,
        tx: &mut Tx,
        guild: GuildId,
        user: UserId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> anyhow::Result<Vec<AwayPeriod>> {
        Self::away_periods_on(&mut **tx, guild, user, from, to).await
    }

    async fn away_periods_on<'e>(
        conn: impl sqlx::AnyExecutor<'e>,
        guild: GuildId,
        user: UserId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> anyhow::Result<Vec<AwayPeriod>> {
        let rows = sqlx::query_as::<_, (i64, i64, Option<String>)>(
            "SELECT starts_at, ends_at, note FROM away_periods
             WHERE guild_id = $1 AND user_id = $2 AND ends_at > $3 AND starts_at < $4 ORDER BY starts_at",
        )
        .bind(guild.db())
        .bind(user.db())
        .bind(ts(from))
        .bind(ts(to))
        .fetch_all(conn)
        .await
        .context("while loading away periods")?;
        Ok(rows.into_iter().map(|(s, e, note)| AwayPeriod { start: from_ts(s), end: from_ts(e), note }).collect())
    }

    /// Like [`Store::away_periods`], each with its id (to remove it).
    pub async fn away_periods_listed(
        &self,
        guild: GuildId,
        user: UserId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> anyhow::Result<Vec<(i64, AwayPeriod)>> {
        let rows = sqlx::query_as::<_, (i64, i64, i64, Option<String>)>(
            "SELECT id, starts_at, ends_at, note FROM away_periods
             WHERE guild_id = $1 AND user_id = $2 AND ends_at > $3 AND starts_at < $4 ORDER BY starts_at, id",
        )
        .bind(guild.db())
        .bind(user.db())
        .bind(ts(from))
        .bind(ts(to))
        .fetch_all(self.pool())
        .await
        .context("while listing away periods")?;
        Ok(rows
            .into_iter()
            .map(|(id, s, e, note)| (id, AwayPeriod { start: from_ts(s), end: from_ts(e), note }))
            .collect())
    }

    /// Whose away period `id` is (its guild and member), if it exists.
    pub async fn away_owner(&self, id: i64) -> anyhow::Result<Option<(GuildId, UserId)>> {
        let row = sqlx::query_as::<_, (i64, i64)>("SELECT guild_id, user_id FROM away_periods WHERE id = $1")
            .bind(id)
            .fetch_optional(self.pool())
            .await
            .context("while loading an away period")?;
        Ok(row.map(|(g, u)| (GuildId::from_db(g), UserId::from_db(u))))
    }

    /// Deletes away period `id` of `user`; `false` when there was none.
    pub async fn remove_away(&self, id: i64, user: UserId) -> anyhow::Result<bool> {
        let done = sqlx::query("DELETE FROM away_periods WHERE id = $1 AND user_id = $2")
            .bind(id)
            .bind(user.db())
            .execute(self.pool())
            .await
            .context("while removing an away period")?;
        Ok(done.rows_affected() == 1)
    }

    /// The booked sessions of a person (any of their pairings) that overlap `[from, to)`, as intervals.
    pub async fn booked_intervals(
        &self,
        guild: GuildId,
        user: UserId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> anyhow::Result<Vec<Busy>> {
        let rows = sqlx::query_as::<_, (i64, i64)>(
            "SELECT s.starts_at, s.starts_at + s.duration_minutes * 60
             FROM sessions s
             WHERE s.pairing_id IN (SELECT id FROM pairings WHERE guild_id = $1 AND mentor_id = $2
                                    UNION ALL
                                    SELECT id FROM pairings WHERE guild_id = $1 AND mentee_id = $2)
               AND s.status = 'booked' AND s.starts_at < $4 AND s.starts_at + s.duration_minutes * 60 > $3
             ORDER BY s.starts_at",
        )
        .bind(guild.db())
        .bind(user.db())
        .bind(ts(from))
        .bind(ts(to))
        .fetch_all(self.pool())
        .await
        .context("while loading booked sessions")?;
        Ok(rows.into_iter().map(|(s, e)| (from_ts(s), from_ts(e))).collect())
    }
}
