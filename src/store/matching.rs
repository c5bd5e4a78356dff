//! Queries of matching: program tags, members' tags and capacity, past pairs and skips.

use std::collections::HashSet;

use anyhow::Context as _;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::{ts, Store};
use crate::domain::{
    ids::{GuildId, UserId},
    matching::Candidate,
    member::Role,
};

fn tags_from(json: &str) -> Vec<String> {
    serde_json::from_str(json).unwrap_or_default()
}

fn tags_json(tags: &[String]) -> anyhow::Result<String> {
    serde_json::to_string(tags).context("while writing tags")
}

impl Store {
    /// The program's interest tags.
    pub async fn program_tags(&self, guild: GuildId) -> anyhow::Result<Vec<String>> {
        let json = sqlx::query_scalar::<_, String>("SELECT interest_tags FROM programs WHERE guild_id = $1")
            .bind(guild.db())
            .fetch_optional(self.pool())
            .await
            .context("while reading the program's tags")?;
        Ok(json.as_deref().map(tags_from).unwrap_or_default())
    }

    /// Replaces the program's interest tags.
    pub async fn set_program_tags(&self, guild: GuildId, tags: &[String], now: DateTime<Utc>) -> anyhow::Result<()> {
        sqlx::query("UPDATE programs SET interest_tags = $1, updated_at = $2 WHERE guild_id = $3")
            .bind(tags_json(tags)?)
            .bind(ts(now))
            .bind(guild.db())
            .execute(self.pool())
            .await
            .context("while saving the program's tags")?;
        Ok(())
    }

    /// A member's tags and capacity.
    pub async fn member_matching(&self, guild: GuildId, user: UserId) -> anyhow::Result<(Vec<String>, i64)> {
        let row = sqlx::query_as::<_, (String, i64)>(
            "SELECT tags, capacity FROM members WHERE guild_id = $1 AND user_id = $2",
        )
        .bind(guild.db())
        .bind(user.db())
        .fetch_optional(self.pool())
        .await
        .context("while reading a member's tags")?;
        Ok(row.map_or((Vec::new(), 1), |(t, c)| (tags_from(&t), c)))
    }

    /// Sets a member's tags and/or capacity (what is `None` stays).
    pub async fn set_member_matching(
        &self,
        guild: GuildId,
        user: UserId,
        tags: Option<&[String]>,
        capacity: Option<i64>,
    ) -> anyhow::Result<()> {
        sqlx::query(
            "UPDATE members SET tags = COALESCE($1, tags), capacity = COALESCE($2, capacity)
             WHERE guild_id = $3 AND user_id = $4",
        )
        .bind(tags.map(tags_json).transpose()?)
        .bind(capacity)
        .bind(guild.db())
        .bind(user.db())
        .execute(self.pool())
        .await
        .context("while saving a member's tags")?;
        Ok(())
    }

    /// Active members of one role with their tags, capacity and active pairings.
    pub async fn match_candidates(&self, guild: GuildId, role: Role, zone: Tz) -> anyhow::Result<Vec<Candidate>> {
        let rows = sqlx::query_as::<_, (i64, String, Option<String>, String, i64, i64)>(
            "SELECT m.user_id, m.display_name, m.time_zone, m.tags, m.capacity,
                    (SELECT COUNT(*) FROM pairings p WHERE p.guild_id = m.guild_id AND p.active = 1
                       AND (p.mentor_id = m.user_id OR p.mentee_id = m.user_id))
             FROM members m WHERE m.guild_id = $1 AND m.role = $2 AND m.active = 1 ORDER BY m.user_id",
        )
        .bind(guild.db())
        .bind(role.as_str())
        .fetch_all(self.pool())
        .await
        .context("while listing candidates for matching")?;
        Ok(rows
            .into_iter()
            .map(|(user, name, z, tags, capacity, active)| Candidate {
                user: UserId::from_db(user),
                name,
                zone: z.and_then(|z| z.parse().ok()).unwrap_or(zone),
                tags: tags_from(&tags),
                capacity: if role == Role::Mentor { capacity } else { 1 },
                active,
            })
            .collect())
    }

    /// (mentor, mentee) of every pairing of the guild, active or ended, and every skipped suggestion.
    pub async fn pairs_not_to_suggest(&self, guild: GuildId) -> anyhow::Result<HashSet<(UserId, UserId)>> {
        let rows = sqlx::query_as::<_, (i64, i64)>(
            "SELECT mentor_id, mentee_id FROM pairings WHERE guild_id = $1
             UNION SELECT mentor_id, mentee_id FROM match_skips WHERE guild_id = $1",
        )
        .bind(guild.db())
        .fetch_all(self.pool())
        .await
        .context("while listing past pairs")?;
        Ok(rows.into_iter().map(|(a, b)| (UserId::from_db(a), UserId::from_db(b))).collect())
    }

    /// Whether these two were ever paired.
    pub async fn ever_paired(&self, guild: GuildId, mentor: UserId, mentee: UserId) -> anyhow::Result<bool> {
        let n = sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM pairings WHERE guild_id = $1 AND mentor_id = $2 AND mentee_id = $3",
        )
        .bind(guild.db())
        .bind(mentor.db())
        .bind(mentee.db())
        .fetch_one(self.pool())
        .await
        .context("while checking past pairs")?;
        Ok(n > 0)
    }

    /// Records a skipped suggestion.
    pub async fn skip_match(
        &self,
        guild: GuildId,
        mentor: UserId,
        mentee: UserId,
        by: UserId,
        now: DateTime<Utc>,
    ) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO match_skips (guild_id, mentor_id, mentee_id, skipped_by, skipped_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT DO NOTHING",
        )
        .bind(guild.db())
        .bind(mentor.db())
        .bind(mentee.db())
        .bind(by.db())
        .bind(ts(now))
        .execute(self.pool())
        .await
        .context("while skipping a suggestion")?;
        Ok(())
    }
}
