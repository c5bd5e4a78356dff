//! The bot's shared schedule of Discord requests on PostgreSQL (`rate_budget`): Discord's global
//! limit is per bot token, so every process takes each request's slot from one row. The slot is
//! the row's next free instant or now, whichever is later; the row moves one interval past it.
//! Instants are read from the database server's clock, so the processes' own clocks need not
//! agree. SQLite has no shared schedule (one process per file).

use std::time::Duration;

use anyhow::Context as _;

use super::{Backend, Store};

/// The bucket of Discord's global limit.
pub const GLOBAL_BUCKET: &str = "global";

impl Store {
    /// Takes the next slot of `bucket`, `interval` after the one taken before it; returns how
    /// long from now until the slot starts. PostgreSQL only.
    pub async fn take_request_slot(&self, bucket: &str, interval: Duration) -> anyhow::Result<Duration> {
        anyhow::ensure!(self.backend == Backend::Postgres, "the shared request schedule needs PostgreSQL");
        let interval_us = i64::try_from(interval.as_micros()).context("interval out of range")?.max(1);
        // One statement, one reading of the clock (a CTE with a volatile function is evaluated
        // once); the upsert creates the bucket's row on first use.
        let wait_us: i64 = sqlx::query_scalar(
            "WITH now AS (SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT) AS us)
             INSERT INTO rate_budget (bucket, next_slot_us)
             SELECT $1, now.us + $2 FROM now
             ON CONFLICT (bucket) DO UPDATE
                 SET next_slot_us = GREATEST(rate_budget.next_slot_us, (SELECT us FROM now)) + $2
             RETURNING next_slot_us - $2 - (SELECT us FROM now)",
        )
        .bind(bucket)
        .bind(interval_us)
        .fetch_one(&self.pool)
        .await
        .context("while taking a request slot")?;
        Ok(Duration::from_micros(u64::try_from(wait_us).unwrap_or(0)))
    }
}
