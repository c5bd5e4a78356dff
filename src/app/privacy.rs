//! A member's own data: `/me export` (everything stored about them in this server) and
//! `/me forget` (erase it; the partner keeps the sessions, shown with "a former member"), and
//! the retention of ended pairings' content.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde_json::{Map, Value};
use tracing::instrument;

use super::{App, AppResult, Caller, Notice, NoticeKind, SessionRecord, UserError};
use crate::{
    domain::session::{Session, SessionStatus},
    store::Erased,
};

/// What `/me export` gathers; the bot renders it as JSON, Markdown and `.ics` files.
#[derive(Debug, Clone)]
pub struct ExportData {
    /// Table by table, the rows that belong to the caller.
    pub sections: Map<String, Value>,
    /// The records of their sessions that started (not cancelled), oldest first.
    pub records: Vec<SessionRecord>,
    /// Their upcoming booked sessions.
    pub upcoming: Vec<Session>,
    /// The caller's zone (the program's when they set none).
    pub zone: Tz,
    pub generated_at: DateTime<Utc>,
}

/// What `/me forget` did.
#[derive(Debug, Clone)]
pub struct ForgetOutcome {
    pub erased: Erased,
    /// Pairings that were still running and ended now.
    pub ended_pairings: usize,
    /// Upcoming sessions cancelled now.
    pub cancelled_sessions: usize,
    /// Sessions that stay in partners' history (with "a former member").
    pub kept_sessions: usize,
    /// Partners who keep a shared history.
    pub partners: usize,
    pub notices: Vec<Notice>,
}

impl App {
    /// Everything stored about the caller in this server (for the caller only).
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn export(&self, caller: &Caller) -> AppResult<ExportData> {
        let program = self.require_program(caller.guild_id).await?;
        let member = self.store.member(caller.guild_id, caller.user_id).await?;
        let zone = member.as_ref().map_or(program.zone, |m| m.zone_or(program.zone));
        let sections = self.store.export_member(caller.guild_id, caller.user_id).await?;
        let now = self.now();
        let sessions = self.store.sessions_of_user(caller.guild_id, caller.user_id).await?;
        let mut records = Vec::new();
        let mut upcoming = Vec::new();
        for session in sessions {
            if session.status == SessionStatus::Booked && session.starts_at > now {
                upcoming.push(session.clone());
            }
            if session.status == SessionStatus::Cancelled || session.starts_at > now {
                continue;
            }
            let pairing = self
                .store
                .pairing(session.pairing_id)
                .await?
                .ok_or_else(|| anyhow::anyhow!("session {} without pairing", session.id))?;
            records.push(self.record_of(caller, session, pairing).await?);
        }
        Ok(ExportData { sections, records, upcoming, zone, generated_at: now })
    }

    /// Ends the caller's running pairings (partners are told), then erases their data in this
    /// server, all in one transaction.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn forget(&self, caller: &Caller) -> AppResult<ForgetOutcome> {
        let program = self.require_program(caller.guild_id).await?;
        if self.store.member(caller.guild_id, caller.user_id).await?.is_none() {
            return Err(UserError::NothingStored.into());
        }
        let now = self.now();
        let active = self.store.active_pairings_of(caller.guild_id, caller.user_id).await?;
        let all = self.store.pairings_of(caller.guild_id, caller.user_id).await?;
        let mut tx = self.store.begin().await?;
        let mut cancelled = 0;
        let mut notices = Vec::new();
        for pairing in &active {
            let partner = pairing.partner_of(caller.user_id).unwrap_or(pairing.mentor_id);
            for session in self.store.upcoming_sessions_of_pairing(&mut tx, pairing.id, now).await? {
                let session = self.store.cancel_session(&mut tx, session.id, caller.user_id, None, now).await?;
                self.replan_session(&mut tx, &program, pairing, &session, now).await?;
                cancelled += 1;
            }
            self.store.end_pairing(&mut tx, pairing.id, now).await?;
            self.cancel_jobs_of_ended(&mut tx, pairing.id, now).await?;
            notices.push(Notice {
                to: partner,
                kind: NoticeKind::Unpaired { pairing: pairing.clone(), partner: caller.user_id, partner_left: true },
            });
        }
        self.plan_notices(&mut tx, caller.guild_id, &notices, now).await?;
        // The notices name the caller until the erasure below puts the stand-in in their place.
        let erased = self.store.erase_member(&mut tx, caller.guild_id, caller.user_id, now).await?;
        let kept_sessions = self.store.count_sessions_of(&mut tx, caller.guild_id, erased.former_id).await?;
        tx.commit().await.map_err(anyhow::Error::from)?;
        self.jobs_changed();
        tracing::info!(former = %erased.former_id, "a member's data was erased at their request");
        Ok(ForgetOutcome {
            erased,
            ended_pairings: active.len(),
            cancelled_sessions: cancelled,
            kept_sessions,
            partners: all.len(),
            notices,
        })
    }

    /// Deletes the content of pairings that ended longer ago than their program keeps it (the
    /// scheduler runs this with its maintenance); returns how many pairings were cleared.
    pub async fn apply_retention(&self, now: DateTime<Utc>) -> AppResult<u64> {
        let mut cleared = 0;
        for (guild, keep) in self.store.retention_overrides().await? {
            let keep = keep.unwrap_or(self.retain_ended);
            cleared += self.store.erase_ended_content(guild, now - keep, now).await?;
        }
        Ok(cleared)
    }
}
