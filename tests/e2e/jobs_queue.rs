//! The jobs queue on a real SQLite file: planning is idempotent, claiming is atomic across
//! concurrent runners, and an expired lease makes a job due again.

use std::collections::HashSet;

use chrono::{DateTime, Duration, TimeZone, Utc};
use mentor_bot::{
    domain::{
        ids::{GuildId, UserId},
        jobs::{JobKind, PlannedJob, Subject},
    },
    store::Store,
};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap()
}

async fn store() -> (Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let url = mentor_bot::testkit::fresh_database_url(dir.path()).await.unwrap();
    (Store::open(&url, 8).await.unwrap(), dir)
}

fn job(i: i64, due: DateTime<Utc>) -> PlannedJob {
    PlannedJob {
        kind: JobKind::DeadlineReminder,
        subject: Subject::Action(i),
        recipient: Some(UserId(7)),
        channel: None,
        due_at: due,
        dedupe_key: format!("deadline_reminder:a{i}:r0"),
        payload: None,
    }
}

async fn plan(store: &Store, jobs: &[PlannedJob]) {
    let mut tx = store.begin().await.unwrap();
    store.plan_jobs(&mut tx, GuildId(1), jobs, t0()).await.unwrap();
    tx.commit().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn planning_the_same_occurrence_twice_inserts_one_job() {
    let (store, _dir) = store().await;
    let jobs: Vec<_> = (0..10).map(|i| job(i, t0())).collect();
    plan(&store, &jobs).await;
    plan(&store, &jobs).await;
    assert_eq!(store.pending_jobs(GuildId(1)).await.unwrap().len(), 10);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_runners_never_claim_the_same_job() {
    let (store, _dir) = store().await;
    let jobs: Vec<_> = (0..1000).map(|i| job(i, t0() - Duration::seconds(i))).collect();
    plan(&store, &jobs).await;
    let mut tasks = Vec::new();
    for _ in 0..4 {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            let mut mine = Vec::new();
            loop {
                let batch = store.claim_due_jobs(t0(), Duration::minutes(2), 37).await.unwrap().jobs;
                if batch.is_empty() {
                    return mine;
                }
                mine.extend(batch.into_iter().map(|j| j.id));
            }
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.unwrap());
    }
    let unique: HashSet<_> = all.iter().collect();
    assert_eq!(all.len(), 1000);
    assert_eq!(unique.len(), 1000);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_claimed_job_is_due_again_only_after_its_lease_expires() {
    let (store, _dir) = store().await;
    plan(&store, &[job(1, t0())]).await;
    let claimed = store.claim_due_jobs(t0(), Duration::minutes(2), 10).await.unwrap().jobs;
    assert_eq!(claimed.len(), 1);
    assert_eq!(claimed[0].attempts, 1);
    assert!(store
        .claim_due_jobs(t0() + Duration::seconds(119), Duration::minutes(2), 10)
        .await
        .unwrap()
        .jobs
        .is_empty());
    assert_eq!(store.next_job_wakeup().await.unwrap(), Some(t0() + Duration::minutes(2)));
    let again = store.claim_due_jobs(t0() + Duration::minutes(2), Duration::minutes(2), 10).await.unwrap().jobs;
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].attempts, 2);
    assert!(again[0].in_flight, "the first claim expired unfinished: it may have been sent");
    let mut tx = store.begin().await.unwrap();
    assert!(
        !store.finish_job(&mut tx, &claimed[0], "sent", None, t0()).await.unwrap(),
        "the expired claim is fenced off"
    );
    assert!(store.finish_job(&mut tx, &again[0], "sent", None, t0()).await.unwrap());
    tx.commit().await.unwrap();
    assert_eq!(store.next_job_wakeup().await.unwrap(), None);
    // A finished occurrence is never planned again.
    plan(&store, &[job(1, t0())]).await;
    assert!(store.pending_jobs(GuildId(1)).await.unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_database_has_its_own_instance_id_for_nonces() {
    let (a, _dir_a) = store().await;
    let (b, _db) = store().await;
    assert_eq!(a.instance().len(), 6);
    assert_ne!(a.instance(), b.instance());
    let reopened = Store::open(a.url(), 1).await.unwrap();
    assert_eq!(reopened.instance(), a.instance(), "stable across restarts");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_job_of_a_kind_this_version_does_not_know_is_set_aside_and_never_blocks_the_others() {
    let (store, _dir) = store().await;
    plan(&store, &[job(1, t0() - Duration::minutes(2)), job(2, t0() - Duration::minutes(1)), job(3, t0())]).await;
    sqlx::query("UPDATE jobs SET kind = 'from_a_newer_version' WHERE subject_id = 1")
        .execute(store.pool())
        .await
        .unwrap();
    let claimed = store.claim_due_jobs(t0(), Duration::minutes(2), 10).await.unwrap();
    assert_eq!(claimed.set_aside, 1);
    assert_eq!(claimed.jobs.iter().map(|j| j.subject).collect::<Vec<_>>(), [Subject::Action(2), Subject::Action(3)]);
    let later = t0() + Duration::hours(1);
    assert_eq!(store.claim_due_jobs(later, Duration::minutes(2), 10).await.unwrap().set_aside, 0, "set aside once");
    assert_eq!(store.job_counts(GuildId(1)).await.unwrap().set_aside, 1, "/program status shows it");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn finished_jobs_are_pruned_after_their_retention_and_pending_ones_never() {
    let (store, _dir) = store().await;
    plan(&store, &[job(1, t0()), job(2, t0()), job(3, t0() + Duration::days(200))]).await;
    let claimed = store.claim_due_jobs(t0(), Duration::minutes(2), 10).await.unwrap().jobs;
    let mut tx = store.begin().await.unwrap();
    store.finish_job(&mut tx, &claimed[0], "sent", None, t0()).await.unwrap();
    store.finish_job(&mut tx, &claimed[1], "failed", Some("HTTP 403"), t0()).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(store.prune_jobs(t0()).await.unwrap(), 0, "nothing finished before then");
    assert_eq!(store.prune_jobs(t0() + Duration::days(90)).await.unwrap(), 1, "the sent one");
    let counts = store.job_counts(GuildId(1)).await.unwrap();
    assert_eq!((counts.sent, counts.failed, counts.pending), (0, 1, 1), "failures stay for admins to see");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn status_counts_match_the_jobs_through_every_change() {
    let (store, _dir) = store().await;
    let brute = |store: Store| async move {
        let rows = sqlx::query_as::<_, (String, i64, Option<i64>)>(
            "SELECT state, COUNT(*), MIN(due_at) FROM jobs WHERE guild_id = 1 GROUP BY state",
        )
        .fetch_all(store.pool())
        .await
        .unwrap();
        let n = |s: &[&str]| rows.iter().filter(|r| s.contains(&r.0.as_str())).map(|r| r.1).sum::<i64>();
        let next = rows.iter().filter(|r| r.0 == "pending" || r.0 == "running").filter_map(|r| r.2).min();
        (n(&["pending", "running"]), n(&["sent"]), n(&["failed"]), n(&["skipped"]), next)
    };
    let check = |store: Store, step: &'static str| async move {
        let c = store.job_counts(GuildId(1)).await.unwrap();
        let next = c.next_due.map(|t| t.timestamp());
        assert_eq!((c.pending, c.sent, c.failed, c.skipped, next), brute(store).await, "after {step}");
    };
    let jobs: Vec<_> = (0..6).map(|i| job(i, t0() - Duration::minutes(6 - i))).collect();
    plan(&store, &jobs).await;
    plan(&store, &jobs).await;
    check(store.clone(), "planning twice").await;
    let claimed = store.claim_due_jobs(t0(), Duration::minutes(2), 4).await.unwrap().jobs;
    check(store.clone(), "a claim").await;
    let mut tx = store.begin().await.unwrap();
    store.finish_job(&mut tx, &claimed[0], "sent", None, t0()).await.unwrap();
    store.finish_job(&mut tx, &claimed[1], "failed", Some("HTTP 403"), t0()).await.unwrap();
    store.finish_job(&mut tx, &claimed[2], "skipped", Some("done"), t0()).await.unwrap();
    store.retry_job(&mut tx, &claimed[3], t0() + Duration::minutes(5), Some("HTTP 502"), t0()).await.unwrap();
    store.cancel_jobs_of(&mut tx, Subject::Action(5), t0()).await.unwrap();
    tx.commit().await.unwrap();
    check(store.clone(), "finishing, retrying and cancelling").await;
    plan(&store, &jobs[5..]).await;
    check(store.clone(), "planning a cancelled occurrence again").await;
    store.prune_jobs(t0() + Duration::days(100)).await.unwrap();
    check(store.clone(), "pruning").await;
}
