//! Pre-work: when a pair is formed the mentee gets a **Share background** button (on the DM that
//! tells them about the pairing); what they share goes to their mentor by DM and shows in
//! `/profile` and `/session summary`, for the two of them only.

use tracing::instrument;

use super::{
    content::{check_text, MAX_NOTE_CHARS, MAX_TITLE_CHARS},
    App, AppResult, Caller, Notice, NoticeKind, UserError,
};
use crate::{
    domain::{
        background::{Background, BackgroundInput},
        pairing::Pairing,
    },
    tr,
};

impl App {
    /// The background form, pre-filled with what the mentee shared before (mentee only).
    pub async fn background_form(&self, caller: &Caller, pairing: &Pairing) -> AppResult<BackgroundInput> {
        if pairing.mentee_id != caller.user_id {
            return Err(UserError::MenteeSharesBackground.into());
        }
        self.require_active(caller, pairing).await?;
        Ok(self.store.background(pairing.id).await?.map(|b| b.input).unwrap_or_default())
    }

    /// Saves the mentee's background and tells the mentor (a DM job).
    #[instrument(skip_all, fields(user = %caller.user_id, pairing = pairing.id))]
    pub async fn share_background(
        &self,
        caller: &Caller,
        pairing: &Pairing,
        input: BackgroundInput,
    ) -> AppResult<(Background, Vec<Notice>)> {
        self.background_form(caller, pairing).await?;
        let trim = |s: String| s.trim().to_owned();
        let input = BackgroundInput {
            current_role: trim(input.current_role),
            wants: trim(input.wants),
            links: trim(input.links),
            communication: trim(input.communication),
            frequency: trim(input.frequency),
        };
        if input.current_role.is_empty() {
            return Err(UserError::Required(tr!("app-required-current-role")).into());
        }
        check_text(&tr!("app-field-current-role"), &input.current_role, MAX_TITLE_CHARS)?;
        for (what, text) in [(tr!("app-field-wants"), &input.wants), (tr!("app-field-links"), &input.links)] {
            check_text(&what, text, MAX_NOTE_CHARS)?;
        }
        for (what, text) in
            [(tr!("app-field-communication"), &input.communication), (tr!("app-field-frequency"), &input.frequency)]
        {
            check_text(&what, text, MAX_TITLE_CHARS)?;
        }
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let revision = self.store.save_background(&mut tx, pairing.id, caller.user_id, &input, now).await?;
        let notices = vec![Notice {
            to: pairing.mentor_id,
            kind: NoticeKind::BackgroundShared { pairing: pairing.clone(), background: input.clone(), revision },
        }];
        self.plan_notices(&mut tx, pairing.guild_id, &notices, now).await?;
        tx.commit().await.map_err(anyhow::Error::from)?;
        self.jobs_changed();
        let background = Background { pairing_id: pairing.id, by: caller.user_id, input, revision, updated_at: now };
        Ok((background, notices))
    }

    /// The pair's background, for one of the two (callers check the pairing).
    pub async fn background_of(&self, pairing: &Pairing) -> AppResult<Option<Background>> {
        Ok(self.store.background(pairing.id).await?)
    }
}
