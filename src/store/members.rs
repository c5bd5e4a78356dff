//! Queries on `members`.

use anyhow::Context as _;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::{ts, Store, Tx};
use crate::domain::{
    ids::{GuildId, UserId},
    member::{Member, Role},
};

#[derive(sqlx::FromRow)]
struct Row {
    guild_id: i64,
    user_id: i64,
    role: String,
    time_zone: Option<String>,
    display_name: String,
    active: i64,
}

impl Row {
    fn into_member(self) -> anyhow::Result<Member> {
        Ok(Member {
            guild_id: GuildId::from_db(self.guild_id),
            user_id: UserId::from_db(self.user_id),
            role: Role::parse(&self.role).with_context(|| format!("stored role {:?}", self.role))?,
            zone: self
                .time_zone
                .map(|z| z.parse::<Tz>().map_err(|e| anyhow::anyhow!("stored zone {z:?}: {e}")))
                .transpose()?,
            display_name: self.display_name,
            active: self.active != 0,
        })
    }
}

impl Store {
    /// A member of a guild's program (active or not).
    pub async fn member(&self, guild: GuildId, user: UserId) -> anyhow::Result<Option<Member>> {
        Self::member_on(self.pool(), guild, user).await
    }

    /// [`Self::member`] read inside the transaction `tx` (never a second connection while it
    /// holds the write lock).
    pub async fn member_in(&self, tx: &mut Tx, guild: GuildId, user: UserId) -> anyhow::Result<Option<Member>> {
        Self::member_on(&mut **tx, guild, user).await
    }

    async fn member_on<'e>(
        conn: impl sqlx::AnyExecutor<'e>,
        guild: GuildId,
        user: UserId,
    ) -> anyhow::Result<Option<Member>> {
        sqlx::query_as::<_, Row>(
            "SELECT guild_id, user_id, role, time_zone, display_name, active
             FROM members WHERE guild_id = $1 AND user_id = $2",
        )
        .bind(guild.db())
        .bind(user.db())
        .fetch_optional(conn)
        .await
        .context("while loading a member")?
        .map(Row::into_member)
        .transpose()
    }

    /// Adds a member or re-activates one who left, with the given role (and zone when given).
    pub async fn upsert_member(&self, member: &Member, now: DateTime<Utc>) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO members (guild_id, user_id, role, time_zone, display_name, active, joined_at)
             VALUES ($1, $2, $3, $4, $5, 1, $6)
             ON CONFLICT (guild_id, user_id) DO UPDATE SET
                 role = excluded.role, display_name = excluded.display_name, active = 1,
                 time_zone = COALESCE(excluded.time_zone, members.time_zone)",
        )
        .bind(member.guild_id.db())
        .bind(member.user_id.db())
        .bind(member.role.as_str())
        .bind(member.zone.map(Tz::name))
        .bind(&member.display_name)
        .bind(ts(now))
        .execute(self.pool())
        .await
        .context("while saving a member")?;
        Ok(())
    }

    /// Sets a member's time zone.
    pub async fn set_member_zone(&self, guild: GuildId, user: UserId, zone: Tz) -> anyhow::Result<()> {
        sqlx::query("UPDATE members SET time_zone = $1 WHERE guild_id = $2 AND user_id = $3")
            .bind(zone.name())
            .bind(guild.db())
            .bind(user.db())
            .execute(self.pool())
            .await
            .context("while saving a time zone")?;
        Ok(())
    }

    /// Marks a member as having left (their history stays).
    pub async fn deactivate_member(&self, tx: &mut super::Tx, guild: GuildId, user: UserId) -> anyhow::Result<()> {
        sqlx::query("UPDATE members SET active = 0 WHERE guild_id = $1 AND user_id = $2")
            .bind(guild.db())
            .bind(user.db())
            .execute(&mut **tx)
            .await
            .context("while marking a member as left")?;
        Ok(())
    }
}
