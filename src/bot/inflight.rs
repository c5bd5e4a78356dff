//! Counts commands that are running, so shutdown can wait for them to finish.

use std::{
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc,
    },
    time::Duration,
};

use tokio::sync::Notify;

/// A shared counter of running commands.
#[derive(Debug, Clone, Default)]
pub struct InFlight {
    count: Arc<AtomicUsize>,
    idle: Arc<Notify>,
}

impl InFlight {
    /// A command started.
    pub fn enter(&self) {
        self.count.fetch_add(1, Ordering::SeqCst);
    }

    /// A command finished (successfully or not).
    pub fn exit(&self) {
        let before = self.count.fetch_sub(1, Ordering::SeqCst);
        if before <= 1 {
            self.count.store(0, Ordering::SeqCst);
            self.idle.notify_waiters();
        }
    }

    /// How many commands are running.
    pub fn count(&self) -> usize {
        self.count.load(Ordering::SeqCst)
    }

    /// Waits until no command runs, at most `limit`; returns whether it got there.
    pub async fn wait_idle(&self, limit: Duration) -> bool {
        tokio::time::timeout(limit, async {
            loop {
                let idle = self.idle.notified();
                if self.count() == 0 {
                    return;
                }
                idle.await;
            }
        })
        .await
        .is_ok()
    }
}
