//! Queries on `booking_requests`: bookings that wait for the asker's answer.

use anyhow::Context as _;
use chrono::{DateTime, Utc};

use super::{from_ts, ts, Store};
use crate::domain::{
    booking_request::{BookingRequest, NewRequest, RequestKind},
    ids::{GuildId, UserId},
    series::Scope,
};

type Row = (
    i64,
    i64,
    i64,
    i64,
    String,
    Option<i64>,
    i64,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<String>,
    Option<i64>,
    Option<String>,
    i64,
    Option<i64>,
    Option<String>,
);

const COLUMNS: &str = "id, guild_id, user_id, partner_id, kind, starts_at, minutes, topic, repeat, count, until, \
                       session_id, scope, expires_at, settled_at, outcome";

fn from_row(row: Row) -> anyhow::Result<BookingRequest> {
    let (
        id,
        guild,
        user,
        partner,
        kind,
        at,
        minutes,
        topic,
        repeat,
        count,
        until,
        session,
        scope,
        expires,
        settled,
        outcome,
    ) = row;
    let kind = match kind.as_str() {
        "book" => RequestKind::Book,
        "series" => RequestKind::Series { repeat: repeat.unwrap_or_default(), count, until },
        "move" => RequestKind::Move {
            session_id: session.context("a stored move without a session")?,
            scope: if scope.as_deref() == Some("following") { Scope::Following } else { Scope::This },
        },
        other => anyhow::bail!("stored request kind {other}"),
    };
    Ok(BookingRequest {
        id,
        request: NewRequest {
            guild: GuildId::from_db(guild),
            user: UserId::from_db(user),
            partner: UserId::from_db(partner),
            kind,
            at: at.map(from_ts),
            minutes: u32::try_from(minutes).context("stored minutes")?,
            topic,
        },
        expires_at: from_ts(expires),
        settled: settled.map(|s| (from_ts(s), outcome)),
    })
}

impl Store {
    /// Stores a request; returns it. Requests that expired a week ago are deleted on the way.
    pub async fn add_request(
        &self,
        new: &NewRequest,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> anyhow::Result<BookingRequest> {
        let mut tx = self.begin().await?;
        sqlx::query("DELETE FROM booking_requests WHERE expires_at < $1")
            .bind(ts(now - chrono::Duration::days(7)))
            .execute(&mut *tx)
            .await
            .context("while deleting old booking requests")?;
        let (repeat, count, until, session, scope) = match &new.kind {
            RequestKind::Book => (None, None, None, None, None),
            RequestKind::Series { repeat, count, until } => {
                (Some(repeat.as_str()), *count, until.as_deref(), None, None)
            }
            RequestKind::Move { session_id, scope } => {
                let scope = if *scope == Scope::Following { "following" } else { "this" };
                (None, None, None, Some(*session_id), Some(scope))
            }
        };
        let id = sqlx::query_scalar::<_, i64>(
            "INSERT INTO booking_requests (guild_id, user_id, partner_id, kind, starts_at, minutes, topic, repeat,
                                           count, until, session_id, scope, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
        )
        .bind(new.guild.db())
        .bind(new.user.db())
        .bind(new.partner.db())
        .bind(new.kind.name())
        .bind(new.at.map(ts))
        .bind(i64::from(new.minutes))
        .bind(new.topic.as_deref())
        .bind(repeat)
        .bind(count)
        .bind(until)
        .bind(session)
        .bind(scope)
        .bind(ts(now))
        .bind(ts(expires_at))
        .fetch_one(&mut *tx)
        .await
        .context("while saving a booking request")?;
        tx.commit().await.context("while saving a booking request")?;
        Ok(BookingRequest { id, request: new.clone(), expires_at, settled: None })
    }

    /// A request by id.
    pub async fn request(&self, id: i64) -> anyhow::Result<Option<BookingRequest>> {
        let row = sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM booking_requests WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(self.pool())
        .await
        .context("while loading a booking request")?;
        row.map(from_row).transpose()
    }

    /// Marks a request answered if nobody did before; `false` when someone did (a second press).
    pub async fn claim_request(&self, id: i64, now: DateTime<Utc>) -> anyhow::Result<bool> {
        let done = sqlx::query("UPDATE booking_requests SET settled_at = $1 WHERE id = $2 AND settled_at IS NULL")
            .bind(ts(now))
            .bind(id)
            .execute(self.pool())
            .await
            .context("while claiming a booking request")?;
        Ok(done.rows_affected() == 1)
    }

    /// Records what came of a claimed request.
    pub async fn settle_request(&self, id: i64, outcome: &str) -> anyhow::Result<()> {
        sqlx::query("UPDATE booking_requests SET outcome = $1 WHERE id = $2")
            .bind(outcome)
            .bind(id)
            .execute(self.pool())
            .await
            .context("while settling a booking request")?;
        Ok(())
    }

    /// Opens a claimed request again (its booking was refused, so it may be answered anew).
    pub async fn release_request(&self, id: i64) -> anyhow::Result<()> {
        sqlx::query("UPDATE booking_requests SET settled_at = NULL, outcome = NULL WHERE id = $1")
            .bind(id)
            .execute(self.pool())
            .await
            .context("while releasing a booking request")?;
        Ok(())
    }
}
