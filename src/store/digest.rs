//! Queries of the weekly admin digest: who gets it, and cancelling a subscriber's pending one.

use anyhow::Context as _;
use chrono::{DateTime, Utc};

use super::{ts, Store, Tx};
use crate::domain::{
    ids::{GuildId, UserId},
    jobs::JobKind,
};

impl Store {
    /// Subscribes (`on`) or unsubscribes an admin; whether anything changed.
    pub async fn set_digest(
        &self,
        tx: &mut Tx,
        guild: GuildId,
        user: UserId,
        on: bool,
        now: DateTime<Utc>,
    ) -> anyhow::Result<bool> {
        let query = if on {
            sqlx::query(
                "INSERT INTO digest_subscribers (guild_id, user_id, since) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            )
            .bind(guild.db())
            .bind(user.db())
            .bind(ts(now))
        } else {
            sqlx::query("DELETE FROM digest_subscribers WHERE guild_id = $1 AND user_id = $2")
                .bind(guild.db())
                .bind(user.db())
        };
        let done = query.execute(&mut **tx).await.context("while saving a digest subscription")?;
        Ok(done.rows_affected() > 0)
    }

    /// Whether an admin gets the digest of a guild.
    pub async fn digest_subscribed(&self, guild: GuildId, user: UserId) -> anyhow::Result<bool> {
        let n = sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM digest_subscribers WHERE guild_id = $1 AND user_id = $2",
        )
        .bind(guild.db())
        .bind(user.db())
        .fetch_one(self.pool())
        .await
        .context("while reading a digest subscription")?;
        Ok(n > 0)
    }

    /// Cancels a subscriber's pending digest.
    pub async fn cancel_digest_jobs(
        &self,
        tx: &mut Tx,
        guild: GuildId,
        user: UserId,
        now: DateTime<Utc>,
    ) -> anyhow::Result<()> {
        sqlx::query(
            "UPDATE jobs SET state = 'cancelled', updated_at = $1, finished_at = $1
             WHERE guild_id = $2 AND kind = $3 AND recipient_id = $4 AND state = 'pending'",
        )
        .bind(ts(now))
        .bind(guild.db())
        .bind(JobKind::AdminDigest.as_str())
        .bind(user.db())
        .execute(&mut **tx)
        .await
        .context("while cancelling a digest")?;
        Ok(())
    }
}
