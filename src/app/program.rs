//! Setting up a guild's program.

use tracing::instrument;

use super::{require_admin, App, AppResult, Caller};
use crate::domain::{
    ids::ChannelId,
    program::{parse_zone, Program},
};

/// The result of `/program setup`.
#[derive(Debug, Clone)]
pub struct SetupOutcome {
    pub program: Program,
    pub created: bool,
}

impl App {
    /// Creates or updates the caller's guild program (admins only).
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn setup_program(&self, caller: &Caller, channel: ChannelId, zone: &str) -> AppResult<SetupOutcome> {
        require_admin(caller)?;
        let zone = parse_zone(zone).map_err(super::UserError::from)?;
        let program = Program { guild_id: caller.guild_id, channel_id: channel, zone };
        let created = self.store.upsert_program(&program, self.now()).await?;
        Ok(SetupOutcome { program, created })
    }
}
