//! The weekly admin digest (opt-in, `/program digest on|off`): a DM to each subscribed admin on
//! Mondays at 09:00 in the program's zone with pair health, and **Nudge both** for stale pairs.
//! A durable job per subscriber; each one sent plans the next.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use tracing::instrument;

use super::{require_admin, App, AppResult, Caller, UserError};
use crate::{
    domain::{
        ids::{GuildId, UserId},
        jobs::{JobKind, PlannedJob, Subject},
        program::Program,
        report::PairHealth,
        schedule::ZonedSchedule,
    },
    store::Tx,
};

/// When the digest goes out, in the program's zone (a cron expression).
pub const DIGEST_SCHEDULE: &str = "0 9 * * Mon";

/// The result of `/program digest`.
#[derive(Debug, Clone)]
pub struct DigestOutcome {
    pub on: bool,
    /// The next digest, when on.
    pub next: Option<DateTime<Utc>>,
    pub zone: Tz,
}

impl App {
    /// Turns the caller's weekly digest DM on or off (admins only).
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn set_digest(&self, caller: &Caller, on: bool) -> AppResult<DigestOutcome> {
        require_admin(caller)?;
        let program = self.require_program(caller.guild_id).await?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        self.store.set_digest(&mut tx, program.guild_id, caller.user_id, on, now).await?;
        self.store.cancel_digest_jobs(&mut tx, program.guild_id, caller.user_id, now).await?;
        let next = if on { self.plan_digest(&mut tx, &program, caller.user_id, now, now).await? } else { None };
        tx.commit().await.map_err(anyhow::Error::from)?;
        self.jobs_changed();
        Ok(DigestOutcome { on, next, zone: program.zone })
    }

    /// Plans a subscriber's next digest after `after`.
    pub(crate) async fn plan_digest(
        &self,
        tx: &mut Tx,
        program: &Program,
        user: UserId,
        after: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> AppResult<Option<DateTime<Utc>>> {
        let schedule = ZonedSchedule::parse(DIGEST_SCHEDULE, program.zone).map_err(UserError::from)?;
        let Some(due_at) = schedule.next_after(after) else { return Ok(None) };
        let job = PlannedJob {
            kind: JobKind::AdminDigest,
            subject: Subject::Program,
            recipient: Some(user),
            channel: None,
            due_at,
            dedupe_key: format!("admin_digest:g{}:u{user}:t{}", program.guild_id, due_at.timestamp()),
            payload: None,
        };
        self.store.plan_jobs(tx, program.guild_id, &[job], now).await?;
        Ok(Some(due_at))
    }

    /// After a digest was sent (or skipped): the next one, while the admin is subscribed.
    pub(crate) async fn replan_digest(
        &self,
        tx: &mut Tx,
        guild: GuildId,
        user: UserId,
        after: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> AppResult<()> {
        let Some(program) = self.store.program(guild).await? else { return Ok(()) };
        if self.store.digest_subscribed(guild, user).await? {
            self.plan_digest(tx, &program, user, after, now).await?;
        }
        Ok(())
    }

    /// What a digest shows: pair health of the program, when `user` still gets the digest.
    pub async fn digest_for(&self, guild: GuildId, user: UserId) -> AppResult<Option<(Program, Vec<PairHealth>)>> {
        let Some(program) = self.store.program(guild).await? else { return Ok(None) };
        if !self.store.digest_subscribed(guild, user).await? {
            return Ok(None);
        }
        let pairs = self.pair_health(&program, self.now()).await?;
        Ok(Some((program, pairs)))
    }

    /// The caller of a press on a digest DM (which carries no server): the pairing's server,
    /// admin only if they still get the digest there and `is_admin_now` (their permissions in
    /// that server, looked up through Discord).
    pub async fn digest_caller(
        &self,
        user: UserId,
        name: &str,
        pairing_id: i64,
        is_admin_now: bool,
    ) -> AppResult<Caller> {
        let pairing = self.store.pairing(pairing_id).await?.ok_or(UserError::UnknownPairing)?;
        let subscribed = self.store.digest_subscribed(pairing.guild_id, user).await?;
        Ok(Caller {
            guild_id: pairing.guild_id,
            user_id: user,
            name: name.to_owned(),
            is_admin: subscribed && is_admin_now,
        })
    }

    /// The guild of a pairing (for looking up the presser's permissions there).
    pub async fn pairing_guild(&self, pairing_id: i64) -> AppResult<GuildId> {
        Ok(self.store.pairing(pairing_id).await?.ok_or(UserError::UnknownPairing)?.guild_id)
    }
}
