//! Queries on the locales people and servers read the bot in (`members.locale`,
//! `programs.locale`): written when an interaction shows a new one, read by the scheduler.

use anyhow::Context as _;

use super::Store;
use crate::domain::ids::{GuildId, UserId};

impl Store {
    /// Stores the language of `user`'s Discord client in every program they are a member of
    /// (Discord's locale is the person's, not the server's); returns whether they are a member
    /// anywhere.
    pub async fn note_member_locale(&self, user: UserId, locale: &str) -> anyhow::Result<bool> {
        let done = sqlx::query("UPDATE members SET locale = $2 WHERE user_id = $1")
            .bind(user.db())
            .bind(locale)
            .execute(self.pool())
            .await
            .context("while storing a member's locale")?;
        Ok(done.rows_affected() > 0)
    }

    /// Stores the preferred language of a server; returns whether it has a program.
    pub async fn note_program_locale(&self, guild: GuildId, locale: &str) -> anyhow::Result<bool> {
        let done = sqlx::query("UPDATE programs SET locale = $2 WHERE guild_id = $1")
            .bind(guild.db())
            .bind(locale)
            .execute(self.pool())
            .await
            .context("while storing a server's locale")?;
        Ok(done.rows_affected() > 0)
    }

    /// The locale a message of `guild` is read in: its recipient's (a DM), else the server's (a
    /// channel post, or a recipient whose language is not known); `None` when neither is known.
    pub async fn reader_locale(&self, guild: GuildId, recipient: Option<UserId>) -> anyhow::Result<Option<String>> {
        sqlx::query_scalar::<_, Option<String>>(
            "SELECT COALESCE(
                 (SELECT locale FROM members WHERE guild_id = $1 AND user_id = $2),
                 (SELECT locale FROM programs WHERE guild_id = $1))",
        )
        .bind(guild.db())
        .bind(recipient.map(UserId::db))
        .fetch_one(self.pool())
        .await
        .context("while reading a reader's locale")
    }
}
