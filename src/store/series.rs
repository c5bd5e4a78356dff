//! Queries on `series` (the occurrences themselves are rows of `sessions`).

use anyhow::Context as _;
use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;

use super::{from_ts, ts, Store, Tx};
use crate::domain::{
    ids::UserId,
    jobs::{series_top_up_prefix, JobKind},
    series::{Repeat, Series},
};

const LOCAL_FORMAT: &str = "%Y-%m-%dT%H:%M:%S";

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    pairing_id: i64,
    repeat: String,
    zone: String,
    first_local: String,
    count: i64,
    duration_minutes: i64,
    booked_by: i64,
    revision: i64,
}

impl Row {
    fn into_series(self) -> anyhow::Result<Series> {
        Ok(Series {
            id: self.id,
            pairing_id: self.pairing_id,
            repeat: Repeat::parse(&self.repeat).map_err(|_| anyhow::anyhow!("stored repeat {:?}", self.repeat))?,
            zone: self.zone.parse::<Tz>().map_err(|e| anyhow::anyhow!("stored zone {:?}: {e}", self.zone))?,
            first_local: NaiveDateTime::parse_from_str(&self.first_local, LOCAL_FORMAT)
                .with_context(|| format!("stored first_local {:?}", self.first_local))?,
            count: u32::try_from(self.count).context("stored count")?,
            duration_minutes: u32::try_from(self.duration_minutes).context("stored duration")?,
            booked_by: UserId::from_db(self.booked_by),
            revision: self.revision,
        })
    }
}

/// What booking a series stores (its occurrences are inserted as sessions).
#[derive(Debug, Clone, Copy)]
pub struct NewSeries {
    pub pairing_id: i64,
    pub repeat: Repeat,
    pub zone: Tz,
    pub first_local: NaiveDateTime,
    pub count: u32,
    pub duration_minutes: u32,
    pub booked_by: UserId,
}

impl Store {
    /// Inserts a series.
    pub async fn insert_series(&self, tx: &mut Tx, new: &NewSeries, now: DateTime<Utc>) -> anyhow::Result<Series> {
        let row = sqlx::query_as::<_, Row>(
            "INSERT INTO series (pairing_id, repeat, zone, first_local, count, duration_minutes, booked_by,
                                 created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
             RETURNING id, pairing_id, repeat, zone, first_local, count, duration_minutes, booked_by, revision",
        )
        .bind(new.pairing_id)
        .bind(new.repeat.as_str())
        .bind(new.zone.name())
        .bind(new.first_local.format(LOCAL_FORMAT).to_string())
        .bind(i64::from(new.count))
        .bind(i64::from(new.duration_minutes))
        .bind(new.booked_by.db())
        .bind(ts(now))
        .fetch_one(&mut **tx)
        .await
        .context("while booking a series")?;
        row.into_series()
    }

    /// A series by id.
    pub async fn series(&self, id: i64) -> anyhow::Result<Option<Series>> {
        Self::series_on(self.pool(), id).await
    }

    /// [`Self::series`] read inside the transaction `tx` (never a second connection while it
    /// holds the write lock).
    pub async fn series_in(&self, tx: &mut Tx, id: i64) -> anyhow::Result<Option<Series>> {
        Self::series_on(&mut **tx, id).await
    }

    async fn series_on<'e>(conn: impl sqlx::AnyExecutor<'e>, id: i64) -> anyhow::Result<Option<Series>> {
        sqlx::query_as::<_, Row>(
            "SELECT id, pairing_id, repeat, zone, first_local, count, duration_minutes, booked_by, revision
             FROM series WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(conn)
        .await
        .context("while loading a series")?
        .map(Row::into_series)
        .transpose()
    }

    /// The ids of a series' booked sessions that start in `(after, until]`, by start.
    pub async fn series_sessions_between(
        &self,
        tx: &mut Tx,
        series: i64,
        after: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> anyhow::Result<Vec<i64>> {
        sqlx::query_scalar::<_, i64>(
            "SELECT id FROM sessions
             WHERE series_id = $1 AND status = 'booked' AND starts_at > $2 AND starts_at <= $3 ORDER BY starts_at",
        )
        .bind(series)
        .bind(ts(after))
        .bind(ts(until))
        .fetch_all(&mut **tx)
        .await
        .context("while listing a series' sessions")
    }

    /// The start of a series' first booked session after `after`.
    pub async fn next_series_start(
        &self,
        tx: &mut Tx,
        series: i64,
        after: DateTime<Utc>,
    ) -> anyhow::Result<Option<DateTime<Utc>>> {
        let start = sqlx::query_scalar::<_, Option<i64>>(
            "SELECT MIN(starts_at) FROM sessions WHERE series_id = $1 AND status = 'booked' AND starts_at > $2",
        )
        .bind(series)
        .bind(ts(after))
        .fetch_one(&mut **tx)
        .await
        .context("while finding a series' next session")?;
        Ok(start.map(from_ts))
    }

    /// When a series' pending top-up job is due (the earliest, if several).
    pub async fn pending_series_top_up(&self, tx: &mut Tx, series: i64) -> anyhow::Result<Option<DateTime<Utc>>> {
        let due = sqlx::query_scalar::<_, Option<i64>>(
            "SELECT MIN(due_at) FROM jobs WHERE kind = $1 AND state = 'pending' AND substr(dedupe_key, 1, CAST($2 AS INTEGER)) = $3",
        )
        .bind(JobKind::SeriesTopUp.as_str())
        .bind(i64::try_from(series_top_up_prefix(series).len())?)
        .bind(series_top_up_prefix(series))
        .fetch_one(&mut **tx)
        .await
        .context("while looking for a series' top-up job")?;
        Ok(due.map(from_ts))
    }

    /// Cancels a series' pending top-up jobs.
    pub async fn cancel_series_top_ups(&self, tx: &mut Tx, series: i64, now: DateTime<Utc>) -> anyhow::Result<()> {
        sqlx::query(
            "UPDATE jobs SET state = 'cancelled', updated_at = $1, finished_at = $1
             WHERE kind = $2 AND state = 'pending' AND substr(dedupe_key, 1, CAST($3 AS INTEGER)) = $4",
        )
        .bind(ts(now))
        .bind(JobKind::SeriesTopUp.as_str())
        .bind(i64::try_from(series_top_up_prefix(series).len())?)
        .bind(series_top_up_prefix(series))
        .execute(&mut **tx)
        .await
        .context("while cancelling a series' top-up jobs")?;
        Ok(())
    }

    /// Sets how many occurrences a series' rule has (it ends earlier) and bumps its revision.
    pub async fn end_series_at(&self, tx: &mut Tx, id: i64, count: u32) -> anyhow::Result<Series> {
        let row = sqlx::query_as::<_, Row>(
            "UPDATE series SET count = $1, revision = revision + 1 WHERE id = $2
             RETURNING id, pairing_id, repeat, zone, first_local, count, duration_minutes, booked_by, revision",
        )
        .bind(i64::from(count.max(1)))
        .bind(id)
        .fetch_one(&mut **tx)
        .await
        .context("while shortening a series")?;
        row.into_series()
    }
}
