//! Queries on `series` (the occurrences themselves are rows of `sessions`).

use anyhow::Context as _;
use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;

use super::{ts, Store, Tx};
use crate::domain::{
    ids::UserId,
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
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)
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
        sqlx::query_as::<_, Row>(
            "SELECT id, pairing_id, repeat, zone, first_local, count, duration_minutes, booked_by, revision
             FROM series WHERE id = ?",
        )
        .bind(id)
        .fetch_optional(self.pool())
        .await
        .context("while loading a series")?
        .map(Row::into_series)
        .transpose()
    }
}
