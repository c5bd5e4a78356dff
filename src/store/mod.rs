//! Storage: the SQLite pool (WAL, foreign keys), embedded migrations, and one file per table
//! family. This is the only place with SQL.

mod actions;
mod agendas;
mod attendance;
mod availability;
mod backup;
mod delivery;
mod digest;
mod goals;
mod jobs;
mod matching;
mod members;
mod notes;
mod pairings;
mod privacy;
mod programs;
mod report;
mod requests;
mod retention;
mod series;
mod sessions;
mod shape;
mod stats;

use std::{path::Path, str::FromStr, time::Duration};

use anyhow::Context as _;
use chrono::{DateTime, Utc};
use sqlx::{
    sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous},
    Sqlite, SqlitePool, Transaction,
};

pub use actions::NewAction;
pub use attendance::{AttendanceCounts, RatingTotals};
pub use backup::{backup, BackupReport};
pub use goals::NewGoal;
pub use jobs::{Claimed, Job, JobCounts, JobOutcome};
pub use privacy::Erased;
pub use series::NewSeries;
pub use sessions::NewSession;
pub use shape::{NewMilestone, ProgramShape};
pub use stats::{SessionFacts, WeeklyStats, Weeks};

/// The database handle (cheap to clone).
#[derive(Debug, Clone)]
pub struct Store {
    pool: SqlitePool,
    instance: String,
}

/// A write transaction (`BEGIN IMMEDIATE`, so concurrent writers queue instead of failing).
pub type Tx = Transaction<'static, Sqlite>;

impl Store {
    /// Opens (creating the file and its folder when missing) and migrates the database at `url`.
    pub async fn open(url: &str, max_connections: u32) -> anyhow::Result<Self> {
        let options = SqliteConnectOptions::from_str(url)
            .with_context(|| format!("while reading database url {url}"))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        if let Some(dir) = Path::new(options.get_filename()).parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("while creating the database folder {}", dir.display()))?;
            }
        }
        create_private(Path::new(options.get_filename()))?;
        let pool = SqlitePoolOptions::new()
            .max_connections(max_connections)
            .connect_with(options)
            .await
            .with_context(|| format!("while opening the database {url}"))?;
        sqlx::migrate!("./migrations").run(&pool).await.context("while applying database migrations")?;
        let instance = sqlx::query_scalar::<_, String>("SELECT id FROM instance LIMIT 1")
            .fetch_one(&pool)
            .await
            .context("while reading the database's instance id")?;
        Ok(Store { pool, instance })
    }

    /// A random id of this database (six hex digits), part of every job's message nonce.
    pub fn instance(&self) -> &str {
        &self.instance
    }

    /// Starts a write transaction.
    pub async fn begin(&self) -> anyhow::Result<Tx> {
        self.pool.begin_with("BEGIN IMMEDIATE").await.context("while starting a transaction")
    }

    /// The pool, for the benchmarks and tests.
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Whether the database answers a query within `limit`.
    pub async fn ping(&self, limit: Duration) -> anyhow::Result<()> {
        let answer = tokio::time::timeout(limit, sqlx::query_scalar::<_, i64>("SELECT 1").fetch_one(&self.pool)).await;
        match answer {
            Ok(Ok(_)) => Ok(()),
            Ok(Err(e)) => Err(e).context("the database did not answer"),
            Err(_) => anyhow::bail!("the database did not answer within {limit:?}"),
        }
    }

    /// Waits for in-flight queries and closes every connection.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Creates a missing database file readable and writable by its owner only (0600); SQLite
/// gives its `-wal` and `-shm` files the same mode. An existing file is left as it is.
fn create_private(path: &Path) -> anyhow::Result<()> {
    let name = path.as_os_str();
    if name.is_empty() || name == ":memory:" || path.exists() {
        return Ok(());
    }
    let mut open = std::fs::OpenOptions::new();
    open.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut open, 0o600);
    match open.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e).with_context(|| format!("while creating the database file {}", path.display())),
    }
}

/// Unix seconds, the one way instants are stored.
pub(crate) fn ts(t: DateTime<Utc>) -> i64 {
    t.timestamp()
}

/// An instant from its stored form.
pub(crate) fn from_ts(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap_or_default()
}
