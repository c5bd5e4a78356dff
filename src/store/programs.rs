//! Queries on `programs`.

use anyhow::Context as _;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::{ts, Store, Tx};
use crate::domain::{
    ids::{ChannelId, GuildId, RoleId},
    program::Program,
    settings::Overrides,
};

#[derive(sqlx::FromRow)]
struct Row {
    guild_id: i64,
    channel_id: i64,
    time_zone: String,
    settings: String,
    coordinator_role_id: Option<i64>,
    retain_ended_secs: Option<i64>,
}

impl Row {
    fn into_program(self) -> anyhow::Result<Program> {
        Ok(Program {
            guild_id: GuildId::from_db(self.guild_id),
            channel_id: ChannelId::from_db(self.channel_id),
            zone: self
                .time_zone
                .parse::<Tz>()
                .map_err(|e| anyhow::anyhow!("stored zone {:?} is invalid: {e}", self.time_zone))?,
            overrides: serde_json::from_str(&self.settings).context("stored program settings")?,
            coordinator_role: self.coordinator_role_id.map(RoleId::from_db),
            retain_ended: self.retain_ended_secs.map(chrono::Duration::seconds),
        })
    }
}

impl Store {
    /// The program of a guild, if it was set up.
    pub async fn program(&self, guild: GuildId) -> anyhow::Result<Option<Program>> {
        Self::program_on(self.pool(), guild).await
    }

    /// [`Self::program`] read inside the transaction `tx` (never a second connection while it
    /// holds the write lock).
    pub async fn program_in(&self, tx: &mut Tx, guild: GuildId) -> anyhow::Result<Option<Program>> {
        Self::program_on(&mut **tx, guild).await
    }

    async fn program_on<'e>(conn: impl sqlx::AnyExecutor<'e>, guild: GuildId) -> anyhow::Result<Option<Program>> {
        sqlx::query_as::<_, Row>(
            "SELECT guild_id, channel_id, time_zone, settings, coordinator_role_id, retain_ended_secs
             FROM programs WHERE guild_id = $1",
        )
        .bind(guild.db())
        .fetch_optional(conn)
        .await
        .context("while loading a program")?
        .map(Row::into_program)
        .transpose()
    }

    /// Saves a program's scheduler settings.
    pub async fn save_program_settings(
        &self,
        tx: &mut Tx,
        guild: GuildId,
        overrides: &Overrides,
        now: DateTime<Utc>,
    ) -> anyhow::Result<()> {
        sqlx::query("UPDATE programs SET settings = $1, updated_at = $2 WHERE guild_id = $3")
            .bind(serde_json::to_string(overrides)?)
            .bind(ts(now))
            .bind(guild.db())
            .execute(&mut **tx)
            .await
            .context("while saving program settings")?;
        Ok(())
    }

    /// Creates or updates the channel and zone of a guild's program (settings stay); returns
    /// whether it was created.
    pub async fn upsert_program(&self, tx: &mut Tx, program: &Program, now: DateTime<Utc>) -> anyhow::Result<bool> {
        let existed = sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM programs WHERE guild_id = $1")
            .bind(program.guild_id.db())
            .fetch_one(&mut **tx)
            .await
            .context("while looking up a program")?
            > 0;
        sqlx::query(
            "INSERT INTO programs (guild_id, channel_id, time_zone, created_at, updated_at,
                                   coordinator_role_id, retain_ended_secs)
             VALUES ($1, $2, $3, $4, $4, $5, $6)
             ON CONFLICT (guild_id) DO UPDATE SET
                 channel_id = excluded.channel_id, time_zone = excluded.time_zone,
                 updated_at = excluded.updated_at, coordinator_role_id = excluded.coordinator_role_id,
                 retain_ended_secs = excluded.retain_ended_secs",
        )
        .bind(program.guild_id.db())
        .bind(program.channel_id.db())
        .bind(program.zone.name())
        .bind(ts(now))
        .bind(program.coordinator_role.map(RoleId::db))
        .bind(program.retain_ended.map(|d| d.num_seconds()))
        .execute(&mut **tx)
        .await
        .context("while saving a program")?;
        Ok(!existed)
    }
}
