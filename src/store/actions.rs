//! Queries on `action_items` and `action_events`.

use anyhow::Context as _;
use chrono::{DateTime, Utc};

use super::{from_ts, ts, Store, Tx};
use crate::domain::{
    action::{ActionEvent, ActionItem, ActionStatus, ChangeKind},
    ids::UserId,
};

/// The columns every query returns (a macro, so queries stay static strings).
macro_rules! action_columns {
    () => {
        "id, pairing_id, number, title, owner_id, deadline_at, success, session_id, goal_id, status,
                       status_reason, created_by, created_at, revision"
    };
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    pairing_id: i64,
    number: i64,
    title: String,
    owner_id: i64,
    deadline_at: i64,
    success: Option<String>,
    session_id: Option<i64>,
    goal_id: Option<i64>,
    status: String,
    status_reason: Option<String>,
    created_by: i64,
    created_at: i64,
    revision: i64,
}

impl Row {
    fn into_item(self) -> anyhow::Result<ActionItem> {
        Ok(ActionItem {
            id: self.id,
            pairing_id: self.pairing_id,
            number: self.number,
            title: self.title,
            owner_id: UserId::from_db(self.owner_id),
            deadline_at: from_ts(self.deadline_at),
            success: self.success,
            session_id: self.session_id,
            goal_id: self.goal_id,
            status: ActionStatus::parse(&self.status).with_context(|| format!("stored status {:?}", self.status))?,
            status_reason: self.status_reason,
            created_by: UserId::from_db(self.created_by),
            created_at: from_ts(self.created_at),
            revision: self.revision,
        })
    }
}

fn convert(rows: Vec<Row>) -> anyhow::Result<Vec<ActionItem>> {
    rows.into_iter().map(Row::into_item).collect()
}

#[derive(sqlx::FromRow)]
struct EventRow {
    action_id: i64,
    by_user: i64,
    change: String,
    old_value: Option<String>,
    new_value: Option<String>,
    reason: Option<String>,
    at: i64,
}

/// What adding an action item stores.
#[derive(Debug, Clone)]
pub struct NewAction<'a> {
    pub pairing_id: i64,
    pub title: &'a str,
    pub owner: UserId,
    pub deadline: DateTime<Utc>,
    pub success: Option<&'a str>,
    pub session_id: Option<i64>,
    pub goal_id: Option<i64>,
    pub created_by: UserId,
}

/// One history entry to record.
#[derive(Debug, Clone)]
pub struct NewEvent<'a> {
    pub by: UserId,
    pub change: ChangeKind,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub reason: Option<&'a str>,
}

impl Store {
    /// An action item by id.
    pub async fn action(&self, id: i64) -> anyhow::Result<Option<ActionItem>> {
        sqlx::query_as::<_, Row>(concat!("SELECT ", action_columns!(), " FROM action_items WHERE id = $1"))
            .bind(id)
            .fetch_optional(self.pool())
            .await
            .context("while loading an action item")?
            .map(Row::into_item)
            .transpose()
    }

    /// The pairing's pending (open or blocked) items, by deadline.
    pub async fn open_actions_of_pairing(&self, pairing_id: i64) -> anyhow::Result<Vec<ActionItem>> {
        let rows = sqlx::query_as::<_, Row>(concat!(
            "SELECT ",
            action_columns!(),
            " FROM action_items WHERE pairing_id = $1 AND status IN ('open', 'blocked')
             ORDER BY deadline_at, number"
        ))
        .bind(pairing_id)
        .fetch_all(self.pool())
        .await
        .context("while listing open action items")?;
        convert(rows)
    }

    /// The ids of the pairing's pending (open or blocked) items, read inside a change's
    /// transaction (to cancel their reminders when the pairing ends).
    pub async fn pending_action_ids_of_pairing(&self, tx: &mut Tx, pairing_id: i64) -> anyhow::Result<Vec<i64>> {
        sqlx::query_scalar::<_, i64>(
            "SELECT id FROM action_items WHERE pairing_id = $1 AND status IN ('open', 'blocked') ORDER BY id",
        )
        .bind(pairing_id)
        .fetch_all(&mut **tx)
        .await
        .context("while listing a pairing's pending action items")
    }

    /// All items of a pairing, by number.
    pub async fn actions_of_pairing(&self, pairing_id: i64) -> anyhow::Result<Vec<ActionItem>> {
        let rows = sqlx::query_as::<_, Row>(concat!(
            "SELECT ",
            action_columns!(),
            " FROM action_items WHERE pairing_id = $1 ORDER BY number"
        ))
        .bind(pairing_id)
        .fetch_all(self.pool())
        .await
        .context("while listing action items")?;
        convert(rows)
    }

    /// Inserts an item with the pairing's next number and records its creation.
    pub async fn insert_action(
        &self,
        tx: &mut Tx,
        new: &NewAction<'_>,
        now: DateTime<Utc>,
    ) -> anyhow::Result<ActionItem> {
        let row = sqlx::query_as::<_, Row>(concat!(
            "INSERT INTO action_items (pairing_id, number, title, owner_id, deadline_at, success, session_id, goal_id,
                                       status, created_by, created_at, updated_at)
             VALUES ($1, (SELECT COALESCE(MAX(number), 0) + 1 FROM action_items WHERE pairing_id = $1),
                     $2, $3, $4, $5, $6, $7, 'open', $8, $9, $9)
             RETURNING ",
            action_columns!()
        ))
        .bind(new.pairing_id)
        .bind(new.title)
        .bind(new.owner.db())
        .bind(ts(new.deadline))
        .bind(new.success)
        .bind(new.session_id)
        .bind(new.goal_id)
        .bind(new.created_by.db())
        .bind(ts(now))
        .fetch_one(&mut **tx)
        .await
        .context("while adding an action item")?;
        let item = row.into_item()?;
        let event = NewEvent {
            by: new.created_by,
            change: ChangeKind::Created,
            old_value: None,
            new_value: Some(ts(new.deadline).to_string()),
            reason: None,
        };
        self.insert_action_event(tx, item.id, &event, now).await?;
        Ok(item)
    }

    /// Sets an item's status (and reason), bumps its revision and records the change.
    pub async fn set_action_status(
        &self,
        tx: &mut Tx,
        item: &ActionItem,
        status: ActionStatus,
        reason: Option<&str>,
        by: UserId,
        now: DateTime<Utc>,
    ) -> anyhow::Result<ActionItem> {
        let row = sqlx::query_as::<_, Row>(concat!(
            "UPDATE action_items SET status = $1, status_reason = $2, revision = revision + 1, updated_at = $3
             WHERE id = $4 RETURNING ",
            action_columns!()
        ))
        .bind(status.as_str())
        .bind(reason)
        .bind(ts(now))
        .bind(item.id)
        .fetch_one(&mut **tx)
        .await
        .context("while changing an action item's status")?;
        let event = NewEvent {
            by,
            change: ChangeKind::Status,
            old_value: Some(item.status.as_str().to_owned()),
            new_value: Some(status.as_str().to_owned()),
            reason,
        };
        self.insert_action_event(tx, item.id, &event, now).await?;
        row.into_item()
    }

    /// Moves an item's deadline, bumps its revision and records the change.
    pub async fn set_action_deadline(
        &self,
        tx: &mut Tx,
        item: &ActionItem,
        deadline: DateTime<Utc>,
        reason: Option<&str>,
        by: UserId,
        now: DateTime<Utc>,
    ) -> anyhow::Result<ActionItem> {
        let row = sqlx::query_as::<_, Row>(concat!(
            "UPDATE action_items SET deadline_at = $1, revision = revision + 1, updated_at = $2
             WHERE id = $3 RETURNING ",
            action_columns!()
        ))
        .bind(ts(deadline))
        .bind(ts(now))
        .bind(item.id)
        .fetch_one(&mut **tx)
        .await
        .context("while moving an action item's deadline")?;
        let event = NewEvent {
            by,
            change: ChangeKind::Deadline,
            old_value: Some(ts(item.deadline_at).to_string()),
            new_value: Some(ts(deadline).to_string()),
            reason,
        };
        self.insert_action_event(tx, item.id, &event, now).await?;
        row.into_item()
    }

    async fn insert_action_event(
        &self,
        tx: &mut Tx,
        action_id: i64,
        event: &NewEvent<'_>,
        now: DateTime<Utc>,
    ) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO action_events (action_id, by_user, change, old_value, new_value, reason, at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(action_id)
        .bind(event.by.db())
        .bind(event.change.as_str())
        .bind(event.old_value.as_deref())
        .bind(event.new_value.as_deref())
        .bind(event.reason)
        .bind(ts(now))
        .execute(&mut **tx)
        .await
        .context("while recording an action item change")?;
        Ok(())
    }

    /// An item's history, oldest first.
    pub async fn action_events(&self, action_id: i64) -> anyhow::Result<Vec<ActionEvent>> {
        let rows = sqlx::query_as::<_, EventRow>(
            "SELECT action_id, by_user, change, old_value, new_value, reason, at
             FROM action_events WHERE action_id = $1 ORDER BY id",
        )
        .bind(action_id)
        .fetch_all(self.pool())
        .await
        .context("while loading an action item's history")?;
        rows.into_iter()
            .map(|r| {
                Ok(ActionEvent {
                    action_id: r.action_id,
                    by: UserId::from_db(r.by_user),
                    change: ChangeKind::parse(&r.change).with_context(|| format!("stored change {:?}", r.change))?,
                    old_value: r.old_value,
                    new_value: r.new_value,
                    reason: r.reason,
                    at: from_ts(r.at),
                })
            })
            .collect()
    }
}
