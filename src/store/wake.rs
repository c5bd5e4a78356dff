//! Wake-ups across processes on PostgreSQL: triggers (migration 000015) notify the channel
//! `mentor_bot_jobs` whenever a job becomes pending or a program is paused or resumed, and every
//! process running the scheduler LISTENs there, so a job planned by one process is delivered by
//! another at once rather than at its heartbeat. On SQLite there is nothing to listen to: one
//! process per file, which wakes itself.

use std::time::Duration;

use sqlx::postgres::PgListener;

use super::{redacted, Backend, Store};

/// The channel the triggers notify.
pub const JOBS_CHANNEL: &str = "mentor_bot_jobs";

/// The longest wait between two attempts to connect the listener.
const MAX_BACKOFF: Duration = Duration::from_secs(30);

impl Store {
    /// On PostgreSQL, a task body that listens for job changes and calls `wake` on each, for as
    /// long as it runs (the caller spawns it and aborts it when the bot stops); `None` on SQLite.
    ///
    /// It survives a lost connection: it connects again (backing off up to 30 s while the
    /// database is unreachable) and then wakes once, since notifications sent meanwhile are lost.
    /// It also wakes once when it first connects: jobs may have changed before it listened.
    pub fn job_wakeups(
        &self,
        wake: impl Fn() + Send + Sync + 'static,
    ) -> Option<impl std::future::Future<Output = ()> + Send + 'static> {
        (self.backend == Backend::Postgres).then(|| listen(self.url.clone(), wake))
    }
}

/// Connects a listener on [`JOBS_CHANNEL`].
async fn connect(url: &str) -> Result<PgListener, sqlx::Error> {
    let mut listener = PgListener::connect(url).await?;
    listener.listen(JOBS_CHANNEL).await?;
    Ok(listener)
}

async fn listen(url: String, wake: impl Fn() + Send + Sync + 'static) {
    let mut backoff = Duration::from_secs(1);
    let mut connected_before = false;
    let mut failing = false;
    loop {
        let mut listener = match connect(&url).await {
            Ok(listener) => listener,
            Err(e) => {
                if !failing {
                    tracing::warn!(error = %e, database = %redacted(&url), "cannot listen for job changes; retrying (until then, other processes' new jobs wait for the heartbeat)");
                    failing = true;
                }
                tokio::time::sleep(backoff).await;
                backoff = (backoff * 2).min(MAX_BACKOFF);
                continue;
            }
        };
        if connected_before {
            tracing::info!("listening for job changes again");
        } else {
            tracing::info!(channel = JOBS_CHANNEL, "listening for job changes");
        }
        connected_before = true;
        failing = false;
        backoff = Duration::from_secs(1);
        wake();
        loop {
            match listener.try_recv().await {
                Ok(Some(_)) => wake(),
                Ok(None) => {
                    // sqlx connected again at once: notifications of the gap are lost.
                    tracing::warn!("the job listener's connection was lost and is back; looking at the queue");
                    wake();
                }
                Err(e) => {
                    tracing::warn!(error = %e, "the job listener's connection failed; connecting again");
                    break;
                }
            }
        }
        tokio::time::sleep(backoff).await;
    }
}
