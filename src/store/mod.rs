//! Storage: one store API over SQLite (the embedded default: WAL, foreign keys) or PostgreSQL
//! (for several processes), chosen by the database url; embedded migrations per backend, kept
//! in step; one file per table family. This is the only place with SQL: statements use `$N`
//! placeholders, which both backends read, and differ per backend only where the dialects do.

mod actions;
mod agendas;
mod attendance;
mod availability;
mod backup;
mod delivery;
mod digest;
mod goals;
mod jobs;
mod locales;
mod matching;
mod members;
mod notes;
mod pairings;
mod privacy;
mod programs;
mod report;
mod request_slots;
mod requests;
mod retention;
mod series;
mod sessions;
mod shape;
mod stats;
mod wake;

use std::{path::Path, str::FromStr, time::Duration};

use anyhow::Context as _;
use chrono::{DateTime, Utc};
use sqlx::{any::AnyPoolOptions, sqlite::SqliteConnectOptions, Any, AnyPool, Executor as _, Transaction};

pub use actions::NewAction;
pub use attendance::{AttendanceCounts, RatingTotals};
pub use backup::{backup, BackupReport};
pub use goals::NewGoal;
pub use jobs::{Claimed, Job, JobCounts, JobOutcome};
pub use privacy::Erased;
pub use request_slots::GLOBAL_BUCKET;
pub use series::NewSeries;
pub use sessions::NewSession;
pub use shape::{NewMilestone, ProgramShape};
pub use stats::{SessionFacts, WeeklyStats, Weeks};
pub use wake::JOBS_CHANNEL;

/// The database handle (cheap to clone).
#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    url: String,
    instance: String,
}

/// Which database a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// One file, one process (the default).
    Sqlite,
    /// A server several processes share.
    Postgres,
}

impl Backend {
    /// `SELECT value FROM …` the elements of the JSON array of strings bound as `$n` (the
    /// dialects spell it differently).
    pub(crate) fn json_values(self, n: u8) -> String {
        match self {
            Backend::Sqlite => format!("SELECT value FROM json_each(${n})"),
            Backend::Postgres => format!("SELECT value FROM json_array_elements_text(CAST(${n} AS JSON))"),
        }
    }

    /// SQLite's hint to read `table` through `index` (PostgreSQL's planner needs none).
    pub(crate) fn indexed_by(self, index: &str) -> String {
        match self {
            Backend::Sqlite => format!("INDEXED BY {index}"),
            Backend::Postgres => String::new(),
        }
    }

    /// The backend a database url names (`postgres://` or `postgresql://`; anything else is SQLite).
    pub fn of(url: &str) -> Self {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        }
    }
}

/// A write transaction. Writers queue, one at a time, on both backends: SQLite's
/// `BEGIN IMMEDIATE`, and on PostgreSQL a transaction-scoped advisory lock every writer takes,
/// so a check-then-write (an overlap check, then the booking) means the same on both. Job
/// claiming does not use it (it claims with `FOR UPDATE SKIP LOCKED`).
pub type Tx = Transaction<'static, Any>;

/// The advisory lock key of write transactions on PostgreSQL ("mentor" in ASCII).
const WRITE_LOCK: i64 = 0x6d65_6e74_6f72;

impl Store {
    /// Opens and migrates the database at `url`: a SQLite file (created with its folder when
    /// missing) or a PostgreSQL database.
    pub async fn open(url: &str, max_connections: u32) -> anyhow::Result<Self> {
        sqlx::any::install_default_drivers();
        let backend = Backend::of(url);
        let pool = match backend {
            Backend::Sqlite => open_sqlite(url, max_connections).await?,
            Backend::Postgres => AnyPoolOptions::new()
                .max_connections(max_connections)
                .connect(url)
                .await
                .with_context(|| format!("while opening the database {}", redacted(url)))?,
        };
        let migrated = match backend {
            Backend::Sqlite => sqlx::migrate!("./migrations/sqlite").run(&pool).await,
            Backend::Postgres => sqlx::migrate!("./migrations/postgres").run(&pool).await,
        };
        migrated.context("while applying database migrations")?;
        let instance = sqlx::query_scalar::<_, String>("SELECT id FROM instance LIMIT 1")
            .fetch_one(&pool)
            .await
            .context("while reading the database's instance id")?;
        Ok(Store { pool, backend, url: url.to_owned(), instance })
    }

    /// Which database this is.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The url the store was opened with (PostgreSQL wake-ups open their own connection).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// A random id of this database (six hex digits), part of every job's message nonce.
    pub fn instance(&self) -> &str {
        &self.instance
    }

    /// Starts a write transaction.
    pub async fn begin(&self) -> anyhow::Result<Tx> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await.context("while starting a transaction"),
            Backend::Postgres => {
                let mut tx = self.pool.begin().await.context("while starting a transaction")?;
                sqlx::query("SELECT pg_advisory_xact_lock($1)")
                    .bind(WRITE_LOCK)
                    .execute(&mut *tx)
                    .await
                    .context("while waiting for the write lock")?;
                Ok(tx)
            }
        }
    }

    /// Starts a transaction for writes that need no writers' lock because they cannot race:
    /// updates fenced by a claim's token and inserts deduplicated by their key (recording
    /// deliveries). On PostgreSQL several schedulers then record at once; on SQLite it is
    /// [`begin`](Self::begin).
    pub async fn begin_fenced(&self) -> anyhow::Result<Tx> {
        match self.backend {
            Backend::Sqlite => self.begin().await,
            Backend::Postgres => self.pool.begin().await.context("while starting a transaction"),
        }
    }

    /// The pool, for the benchmarks and tests.
    pub fn pool(&self) -> &AnyPool {
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

/// Creates a database named `name` on the PostgreSQL server of `server_url`, empty or as a copy
/// of `template` (tests, benchmarks); returns its url.
pub async fn create_postgres_database(server_url: &str, name: &str, template: Option<&str>) -> anyhow::Result<String> {
    let from = match template {
        Some(t) => format!(" TEMPLATE {}", plain_name(t)?),
        None => String::new(),
    };
    on_server(server_url, &format!("CREATE DATABASE {}{from}", plain_name(name)?))
        .await
        .with_context(|| format!("while creating the database {name}"))?;
    let (head, query) = server_url.split_once('?').map_or((server_url, None), |(h, q)| (h, Some(q)));
    let base = head.rsplit_once('/').map_or(head, |(base, _)| base);
    let url = match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    };
    if template.is_some() {
        // A copy is another database: it gets its own instance id (part of every nonce).
        on_server(&url, "UPDATE instance SET id = substr(md5(random()::text), 1, 6)")
            .await
            .context("while giving the copy its own instance id")?;
    }
    Ok(url)
}

/// Drops the database `name` on the PostgreSQL server of `server_url`, closing its connections
/// (tests, benchmarks).
pub async fn drop_postgres_database(server_url: &str, name: &str) -> anyhow::Result<()> {
    on_server(server_url, &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", plain_name(name)?))
        .await
        .with_context(|| format!("while dropping the database {name}"))
}

/// `name` when it is safe to write into a statement as it is (letters, digits, underscores).
fn plain_name(name: &str) -> anyhow::Result<&str> {
    anyhow::ensure!(name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'), "bad database name {name:?}");
    Ok(name)
}

/// Runs one statement on its own connection to `url` (statements no pool may run, such as
/// creating or dropping a database).
async fn on_server(url: &str, sql: &str) -> anyhow::Result<()> {
    use sqlx::Connection as _;
    sqlx::any::install_default_drivers();
    let mut conn =
        sqlx::AnyConnection::connect(url).await.with_context(|| format!("while connecting to {}", redacted(url)))?;
    conn.execute(sqlx::AssertSqlSafe(sql.to_owned())).await?;
    conn.close().await.ok();
    Ok(())
}

/// A SQLite pool: the file created private when missing, WAL, normal sync, foreign keys on.
async fn open_sqlite(url: &str, max_connections: u32) -> anyhow::Result<AnyPool> {
    let options = SqliteConnectOptions::from_str(url).with_context(|| format!("while reading database url {url}"))?;
    let file = Path::new(options.get_filename());
    if let Some(dir) = file.parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("while creating the database folder {}", dir.display()))?;
        }
    }
    create_private(file)?;
    AnyPoolOptions::new()
        .max_connections(max_connections)
        .after_connect(|conn, _| {
            Box::pin(async move {
                conn.execute(
                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;
                     PRAGMA busy_timeout = 5000;",
                )
                .await?;
                Ok(())
            })
        })
        .connect(url)
        .await
        .with_context(|| format!("while opening the database {url}"))
}

/// A database url without its password, for messages.
fn redacted(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let user = &url[scheme + 3..at];
            let user = user.split(':').next().unwrap_or_default();
            format!("{}{user}:***{}", &url[..scheme + 3], &url[at..])
        }
        _ => url.to_owned(),
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

/// A statement of a table of statements with the leading values bound, as many as it names
/// (`$1` up to its highest `$N`): PostgreSQL refuses values a statement does not use.
pub(crate) fn bind_leading(
    sql: &'static str,
    values: &[i64],
) -> sqlx::query::Query<'static, Any, sqlx::any::AnyArguments> {
    let highest = sql
        .split('$')
        .skip(1)
        .filter_map(|rest| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse::<usize>().ok()
        })
        .max()
        .unwrap_or(0);
    values.iter().take(highest).fold(sqlx::query(sql), |q, v| q.bind(*v))
}

/// Unix seconds, the one way instants are stored.
pub(crate) fn ts(t: DateTime<Utc>) -> i64 {
    t.timestamp()
}

/// An instant from its stored form.
pub(crate) fn from_ts(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap_or_default()
}
