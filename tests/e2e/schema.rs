//! The two backends' migrations stay in step: the same migration files on both, and (with a
//! PostgreSQL server, `MENTOR_BOT_TEST_POSTGRES`) the same tables with the same columns after
//! migrating.

use std::collections::BTreeSet;

use mentor_bot::store::{create_postgres_database, Store};

/// The file names of one backend's migrations.
fn migrations(backend: &str) -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations").join(backend);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sql"))
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Every `(table, column)` of a migrated database.
async fn columns(store: &Store, sql: &str) -> BTreeSet<(String, String)> {
    sqlx::query_as::<_, (String, String)>(sqlx::AssertSqlSafe(sql.to_owned()))
        .fetch_all(store.pool())
        .await
        .unwrap()
        .into_iter()
        .filter(|(table, _)| table != "_sqlx_migrations")
        .collect()
}

#[test]
fn both_backends_have_the_same_migration_files() {
    let (sqlite, postgres) = (migrations("sqlite"), migrations("postgres"));
    assert!(sqlite.len() >= 15, "{sqlite:?}");
    assert_eq!(sqlite, postgres, "every migration exists for both backends, with the same name");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_backends_have_the_same_tables_and_columns_after_migrating() {
    let Some(server) = crate::common::postgres_server() else { return };
    let dir = tempfile::tempdir().unwrap();
    let sqlite = Store::open(&format!("sqlite://{}", dir.path().join("schema.db").display()), 1).await.unwrap();
    let name = format!("mentor_schema_{:016x}", rand::random::<u64>());
    let url = create_postgres_database(&server, &name, None).await.unwrap();
    let postgres = Store::open(&url, 1).await.unwrap();
    let lite = columns(
        &sqlite,
        "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
    )
    .await;
    let pg = columns(
        &postgres,
        "SELECT CAST(table_name AS TEXT), CAST(column_name AS TEXT) FROM information_schema.columns
         WHERE table_schema = 'public'",
    )
    .await;
    assert!(lite.len() > 100, "{} columns", lite.len());
    let only_sqlite: Vec<_> = lite.difference(&pg).collect();
    let only_postgres: Vec<_> = pg.difference(&lite).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "only on SQLite: {only_sqlite:?}; only on PostgreSQL: {only_postgres:?}"
    );
}
