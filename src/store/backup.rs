//! Online backups: `VACUUM INTO` writes a consistent copy of the live database (one read
//! transaction, so writers carry on) into a new file, without running migrations first, so a
//! backup taken before an upgrade holds the old schema untouched.

use std::{path::Path, str::FromStr, time::Duration};

use anyhow::Context as _;
use sqlx::{
    sqlite::{SqliteConnectOptions, SqliteJournalMode},
    ConnectOptions as _, Connection as _,
};

/// What a finished backup holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupReport {
    /// Size of the copy in bytes.
    pub bytes: u64,
    /// The newest migration applied to the copied database.
    pub schema_version: Option<i64>,
}

/// Copies the database at `url` into the new file `to`. Refuses to overwrite anything, and
/// refuses a database that does not exist (instead of creating an empty one). The copy is
/// readable by its owner only and passes `PRAGMA integrity_check`.
pub async fn backup(url: &str, to: &Path) -> anyhow::Result<BackupReport> {
    if super::Backend::of(url) == super::Backend::Postgres {
        anyhow::bail!(
            "the database is PostgreSQL: back it up with its own tools, e.g. `pg_dump --format=custom` (see the README)"
        );
    }
    if to.exists() || to.is_symlink() {
        anyhow::bail!("{} already exists; a backup never overwrites a file (choose a new name)", to.display());
    }
    let target = to.to_str().with_context(|| format!("the backup path {} is not valid UTF-8", to.display()))?;
    let options = SqliteConnectOptions::from_str(url)
        .with_context(|| format!("while reading database url {url}"))?
        .create_if_missing(false)
        .busy_timeout(Duration::from_secs(30));
    let mut conn =
        options.connect().await.with_context(|| format!("while opening the database {url} (does it exist?)"))?;
    sqlx::query("VACUUM INTO $1")
        .bind(target)
        .execute(&mut conn)
        .await
        .with_context(|| format!("while copying the database into {}", to.display()))?;
    conn.close().await.context("while closing the database")?;
    restrict(to)?;

    let mut copy = SqliteConnectOptions::new()
        .filename(to)
        .create_if_missing(false)
        .journal_mode(SqliteJournalMode::Delete)
        .connect()
        .await
        .with_context(|| format!("while opening the copy {}", to.display()))?;
    let check: String =
        sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&mut copy).await.context("while checking the copy")?;
    if check != "ok" {
        anyhow::bail!("the copy {} failed its integrity check: {check}", to.display());
    }
    let schema_version: Option<i64> =
        sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations").fetch_one(&mut copy).await.unwrap_or(None);
    copy.close().await.context("while closing the copy")?;
    let bytes = std::fs::metadata(to).with_context(|| format!("while reading {}", to.display()))?.len();
    Ok(BackupReport { bytes, schema_version })
}

/// Makes the copy readable by its owner only (it holds everything the bot stores).
#[cfg(unix)]
fn restrict(path: &Path) -> anyhow::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
        .with_context(|| format!("while restricting {} to its owner", path.display()))
}

#[cfg(not(unix))]
fn restrict(_path: &Path) -> anyhow::Result<()> {
    Ok(())
}
