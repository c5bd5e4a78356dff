//! What delivery remembers besides the jobs: each person's DM channel (so a DM costs one request
//! after the first), and which programs are paused because the bot was removed from their server.

use anyhow::Context as _;
use chrono::{DateTime, Utc};

use super::{ts, Store};
use crate::domain::ids::{GuildId, UserId};

impl Store {
    /// The cached DM channel with `user`.
    pub async fn dm_channel(&self, user: UserId) -> anyhow::Result<Option<u64>> {
        let id = sqlx::query_scalar::<_, i64>("SELECT channel_id FROM dm_channels WHERE user_id = $1")
            .bind(user.db())
            .fetch_optional(self.pool())
            .await
            .context("while reading a DM channel")?;
        #[allow(clippy::cast_sign_loss)]
        Ok(id.map(|c| c as u64))
    }

    /// Remembers the DM channel with `user`.
    pub async fn save_dm_channel(&self, user: UserId, channel: u64, now: DateTime<Utc>) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO dm_channels (user_id, channel_id, updated_at) VALUES ($1, $2, $3)
             ON CONFLICT (user_id) DO UPDATE SET channel_id = excluded.channel_id, updated_at = excluded.updated_at",
        )
        .bind(user.db())
        .bind(i64::try_from(channel).unwrap_or_default())
        .bind(ts(now))
        .execute(self.pool())
        .await
        .context("while saving a DM channel")?;
        Ok(())
    }

    /// Pauses (the bot was removed from the server) or resumes a program's jobs.
    pub async fn set_program_paused(&self, guild: GuildId, paused: bool) -> anyhow::Result<bool> {
        let done = sqlx::query("UPDATE programs SET paused = $1 WHERE guild_id = $2 AND paused <> $3")
            .bind(i64::from(paused))
            .bind(guild.db())
            .bind(i64::from(paused))
            .execute(self.pool())
            .await
            .context("while pausing or resuming a program")?;
        Ok(done.rows_affected() > 0)
    }
}
