//! A member's own data: everything stored about them in one server (for `/me export`), and
//! erasing it (`/me forget`) in one transaction while the partner keeps their history.

use anyhow::Context as _;
use chrono::{DateTime, Utc};
use serde_json::{Map, Value};
use sqlx::{any::AnyRow, Column as _, Row as _, ValueRef as _};

use super::{bind_leading, ts, Store, Tx};
use crate::domain::ids::{GuildId, UserId, FORMER_MEMBER, FORMER_MEMBER_IDS};

/// The pairings of `?2` in guild `?1`, as a common table expression every export query starts with.
macro_rules! mine {
    ($rest:literal) => {
        concat!(
            "WITH mine AS (SELECT id FROM pairings WHERE guild_id = $1 AND mentor_id = $2
                           UNION SELECT id FROM pairings WHERE guild_id = $1 AND mentee_id = $2) ",
            $rest
        )
    };
}

/// What `/me export` holds, section by section: each a table's rows that belong to the caller
/// (their profile, their pairings and the pairings' content, their own answers and ratings).
const EXPORT: &[(&str, &str)] = &[
    ("profile", "SELECT * FROM members WHERE guild_id = $1 AND user_id = $2"),
    ("weekly_availability", "SELECT * FROM availability_slots WHERE guild_id = $1 AND user_id = $2"),
    ("away_periods", "SELECT * FROM away_periods WHERE guild_id = $1 AND user_id = $2"),
    ("pairings", mine!("SELECT p.* FROM pairings p JOIN mine ON mine.id = p.id ORDER BY p.id")),
    ("series", mine!("SELECT s.* FROM series s JOIN mine ON mine.id = s.pairing_id ORDER BY s.id")),
    ("sessions", mine!("SELECT s.* FROM sessions s JOIN mine ON mine.id = s.pairing_id ORDER BY s.starts_at")),
    (
        "agendas",
        mine!("SELECT a.* FROM agendas a JOIN sessions s ON s.id = a.session_id JOIN mine ON mine.id = s.pairing_id"),
    ),
    (
        "agenda_topics",
        mine!(
            "SELECT t.* FROM agenda_topics t JOIN sessions s ON s.id = t.session_id
             JOIN mine ON mine.id = s.pairing_id ORDER BY t.id"
        ),
    ),
    (
        "session_notes",
        mine!(
            "SELECT n.* FROM session_notes n JOIN sessions s ON s.id = n.session_id JOIN mine ON mine.id = s.pairing_id"
        ),
    ),
    (
        "your_attendance_answers_and_ratings",
        mine!(
            "SELECT a.* FROM session_answers a JOIN sessions s ON s.id = a.session_id
             JOIN mine ON mine.id = s.pairing_id WHERE a.user_id = $2"
        ),
    ),
    ("action_items", mine!("SELECT a.* FROM action_items a JOIN mine ON mine.id = a.pairing_id ORDER BY a.id")),
    (
        "action_item_history",
        mine!(
            "SELECT e.* FROM action_events e JOIN action_items a ON a.id = e.action_id
             JOIN mine ON mine.id = a.pairing_id ORDER BY e.id"
        ),
    ),
    ("goals", mine!("SELECT g.* FROM goals g JOIN mine ON mine.id = g.pairing_id ORDER BY g.id")),
    (
        "goal_progress",
        mine!(
            "SELECT u.* FROM goal_updates u JOIN goals g ON g.id = u.goal_id
             JOIN mine ON mine.id = g.pairing_id ORDER BY u.id"
        ),
    ),
    ("reviews", mine!("SELECT r.* FROM reviews r JOIN mine ON mine.id = r.pairing_id ORDER BY r.id")),
    (
        "messages_to_you",
        "SELECT id, kind, subject_kind, subject_id, due_at, state, attempts, last_error, created_at, finished_at
         FROM jobs WHERE guild_id = $1 AND recipient_id = $2 ORDER BY due_at",
    ),
    ("direct_message_channel", "SELECT * FROM dm_channels WHERE user_id = $2"),
];

/// What `/me forget` erased (counts), and the stand-in id the partner's history now shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Erased {
    pub former_id: UserId,
    pub profile: u64,
    pub availability: u64,
    pub agendas: u64,
    pub topics: u64,
    pub notes: u64,
    pub actions: u64,
    pub goals: u64,
    pub goal_updates: u64,
    pub reviews: u64,
    pub ratings: u64,
    pub jobs: u64,
}

/// Bytes as lowercase hex.
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    bytes.iter().flat_map(|b| [DIGITS[usize::from(b >> 4)], DIGITS[usize::from(b & 15)]]).map(char::from).collect()
}

/// Which count of [`Erased`] a statement of [`ERASE`] adds to.
#[derive(Debug, Clone, Copy)]
enum Count {
    Jobs,
    Agendas,
    Topics,
    Notes,
    Actions,
    Goals,
    GoalUpdates,
    Reviews,
    Availability,
    Uncounted,
}

/// Erasing a member (`$1` the guild, `$2` the user, `$3` now), in order: children before parents.
const ERASE: &[(Count, &str)] = &[
    // Pending reminders to them, and of the action items about to be erased.
    (
        Count::Jobs,
        "UPDATE jobs SET state = 'cancelled', finished_at = $3, updated_at = $3, payload = NULL
         WHERE guild_id = $1 AND state = 'pending' AND (recipient_id = $2
            OR (subject_kind = 'action' AND subject_id IN (SELECT a.id FROM action_items a
                JOIN pairings p ON p.id = a.pairing_id WHERE p.guild_id = $1 AND a.owner_id = $2)))",
    ),
    (
        Count::Agendas,
        "DELETE FROM agendas WHERE submitted_by = $2 AND session_id IN (SELECT s.id FROM sessions s
             JOIN pairings p ON p.id = s.pairing_id WHERE p.guild_id = $1)",
    ),
    (
        Count::Topics,
        "DELETE FROM agenda_topics WHERE added_by = $2 AND session_id IN (SELECT s.id FROM sessions s
             JOIN pairings p ON p.id = s.pairing_id WHERE p.guild_id = $1)",
    ),
    (
        Count::Topics,
        "UPDATE sessions SET topic = NULL WHERE booked_by = $2 AND topic IS NOT NULL
             AND pairing_id IN (SELECT id FROM pairings WHERE guild_id = $1)",
    ),
    (
        Count::Uncounted,
        "UPDATE sessions SET cancel_reason = NULL WHERE cancelled_by = $2
             AND pairing_id IN (SELECT id FROM pairings WHERE guild_id = $1)",
    ),
    (
        Count::Notes,
        "DELETE FROM session_notes WHERE updated_by = $2 AND session_id IN (SELECT s.id FROM sessions s
             JOIN pairings p ON p.id = s.pairing_id WHERE p.guild_id = $1)",
    ),
    (
        Count::Uncounted,
        "DELETE FROM action_events WHERE action_id IN (SELECT a.id FROM action_items a
             JOIN pairings p ON p.id = a.pairing_id WHERE p.guild_id = $1 AND a.owner_id = $2)",
    ),
    (
        Count::Actions,
        "DELETE FROM action_items WHERE owner_id = $2 AND pairing_id IN (SELECT id FROM pairings WHERE guild_id = $1)",
    ),
    // Their goals, with everything that hangs on them.
    (
        Count::Uncounted,
        "UPDATE action_items SET goal_id = NULL WHERE goal_id IN (SELECT g.id FROM goals g
             JOIN pairings p ON p.id = g.pairing_id WHERE p.guild_id = $1 AND g.created_by = $2)",
    ),
    (
        Count::GoalUpdates,
        "DELETE FROM goal_updates WHERE (by_user = $2 OR goal_id IN (SELECT g.id FROM goals g
             JOIN pairings p ON p.id = g.pairing_id WHERE p.guild_id = $1 AND g.created_by = $2))
           AND goal_id IN (SELECT g.id FROM goals g JOIN pairings p ON p.id = g.pairing_id WHERE p.guild_id = $1)",
    ),
    (
        Count::Reviews,
        "DELETE FROM reviews WHERE pairing_id IN (SELECT id FROM pairings WHERE guild_id = $1)
           AND (by_user = $2 OR goal_id IN (SELECT g.id FROM goals g
                JOIN pairings p ON p.id = g.pairing_id WHERE p.guild_id = $1 AND g.created_by = $2))",
    ),
    (
        Count::Goals,
        "DELETE FROM goals WHERE created_by = $2 AND pairing_id IN (SELECT id FROM pairings WHERE guild_id = $1)",
    ),
    (Count::Availability, "DELETE FROM availability_slots WHERE guild_id = $1 AND user_id = $2"),
    (Count::Availability, "DELETE FROM away_periods WHERE guild_id = $1 AND user_id = $2"),
];

/// Putting the stand-in (`?3`) in the member's place (`?2`) in guild `?1`.
const REPOINT: &[&str] = &[
    "UPDATE session_answers SET user_id = $3 WHERE user_id = $2 AND session_id IN
         (SELECT s.id FROM sessions s JOIN pairings p ON p.id = s.pairing_id WHERE p.guild_id = $1)",
    "UPDATE sessions SET booked_by = $3 WHERE booked_by = $2 AND pairing_id IN (SELECT id FROM pairings WHERE guild_id = $1)",
    "UPDATE sessions SET cancelled_by = $3 WHERE cancelled_by = $2 AND pairing_id IN (SELECT id FROM pairings WHERE guild_id = $1)",
    "UPDATE series SET booked_by = $3 WHERE booked_by = $2 AND pairing_id IN (SELECT id FROM pairings WHERE guild_id = $1)",
    "UPDATE agendas SET submitted_by = $3 WHERE submitted_by = $2 AND session_id IN
         (SELECT s.id FROM sessions s JOIN pairings p ON p.id = s.pairing_id WHERE p.guild_id = $1)",
    "UPDATE action_items SET created_by = $3 WHERE created_by = $2 AND pairing_id IN (SELECT id FROM pairings WHERE guild_id = $1)",
    "UPDATE action_events SET by_user = $3 WHERE by_user = $2 AND action_id IN (SELECT a.id FROM action_items a
         JOIN pairings p ON p.id = a.pairing_id WHERE p.guild_id = $1)",
    "UPDATE goals SET created_by = $3 WHERE created_by = $2 AND pairing_id IN (SELECT id FROM pairings WHERE guild_id = $1)",
    "UPDATE pairings SET mentor_id = $3 WHERE guild_id = $1 AND mentor_id = $2",
    "UPDATE pairings SET mentee_id = $3 WHERE guild_id = $1 AND mentee_id = $2",
    "UPDATE jobs SET recipient_id = $3 WHERE guild_id = $1 AND recipient_id = $2",
    "UPDATE jobs SET dedupe_key = replace(dedupe_key, CAST($2 AS TEXT), CAST($3 AS TEXT))
     WHERE guild_id = $1 AND dedupe_key LIKE '%' || CAST($2 AS TEXT) || '%'",
    // What notices said about them (e.g. \"X booked a session\") names the stand-in.
    "UPDATE jobs SET payload = replace(payload, CAST($2 AS TEXT), CAST($3 AS TEXT))
     WHERE guild_id = $1 AND payload LIKE '%' || CAST($2 AS TEXT) || '%'",
];

/// One row as a JSON object, column by column (integers, reals, text; blobs as hex).
fn row_json(row: &AnyRow) -> Value {
    let mut out = Map::new();
    for (i, column) in row.columns().iter().enumerate() {
        let value = match row.try_get_raw(i) {
            Ok(raw) if raw.is_null() => Value::Null,
            Ok(_) => (row.try_get::<i64, _>(i).map(Value::from))
                .or_else(|_| row.try_get::<f64, _>(i).map(Value::from))
                .or_else(|_| row.try_get::<String, _>(i).map(Value::from))
                .or_else(|_| row.try_get::<Vec<u8>, _>(i).map(|b| Value::from(hex(&b))))
                .unwrap_or(Value::Null),
            Err(_) => Value::Null,
        };
        out.insert(column.name().to_owned(), value);
    }
    Value::Object(out)
}

/// Runs one statement with the guild, the user and now as `$1`, `$2`, `$3` (those it names);
/// returns rows affected.
async fn exec(tx: &mut Tx, sql: &'static str, guild: GuildId, user: UserId, now: DateTime<Utc>) -> anyhow::Result<u64> {
    let done = bind_leading(sql, &[guild.db(), user.db(), ts(now)])
        .execute(&mut **tx)
        .await
        .with_context(|| format!("while erasing a member's data: {}", &sql[..sql.len().min(60)]))?;
    Ok(done.rows_affected())
}

/// Like [`exec`] with the stand-in id as `$3`.
async fn repoint(tx: &mut Tx, sql: &'static str, guild: GuildId, user: UserId, former: UserId) -> anyhow::Result<()> {
    bind_leading(sql, &[guild.db(), user.db(), former.db()])
        .execute(&mut **tx)
        .await
        .with_context(|| format!("while replacing a forgotten member in: {}", &sql[..sql.len().min(40)]))?;
    Ok(())
}

impl Store {
    /// How many sessions (of any state) `user`'s pairings in `guild` hold.
    pub async fn count_sessions_of(&self, tx: &mut Tx, guild: GuildId, user: UserId) -> anyhow::Result<usize> {
        let n =
            sqlx::query_scalar::<_, i64>(mine!("SELECT COUNT(*) FROM sessions s JOIN mine ON mine.id = s.pairing_id"))
                .bind(guild.db())
                .bind(user.db())
                .fetch_one(&mut **tx)
                .await
                .context("while counting sessions")?;
        Ok(usize::try_from(n).unwrap_or_default())
    }

    /// Everything stored about `user` in `guild`, as one JSON object of sections.
    pub async fn export_member(&self, guild: GuildId, user: UserId) -> anyhow::Result<Map<String, Value>> {
        let mut out = Map::new();
        for (name, sql) in EXPORT {
            let rows = sqlx::query(*sql)
                .bind(guild.db())
                .bind(user.db())
                .fetch_all(self.pool())
                .await
                .with_context(|| format!("while exporting {name}"))?;
            out.insert((*name).to_owned(), Value::Array(rows.iter().map(row_json).collect()));
        }
        Ok(out)
    }

    /// Erases what `user` wrote and holds in `guild` and puts a stand-in member in their place in
    /// the history they share with partners (pairings, sessions, series, remaining items). Their
    /// pending jobs are cancelled (so the job counts stay right); their ratings stay, linked to
    /// the stand-in only, so program-wide averages keep counting. Call after their pairings ended.
    pub async fn erase_member(
        &self,
        tx: &mut Tx,
        guild: GuildId,
        user: UserId,
        now: DateTime<Utc>,
    ) -> anyhow::Result<Erased> {
        let next = sqlx::query_scalar::<_, i64>(
            "SELECT COALESCE(MAX(user_id), 0) + 1 FROM members WHERE guild_id = $1 AND user_id < $2",
        )
        .bind(guild.db())
        .bind(i64::try_from(FORMER_MEMBER_IDS)?)
        .fetch_one(&mut **tx)
        .await
        .context("while choosing a stand-in id")?;
        let former = UserId::from_db(next);
        anyhow::ensure!(former.is_former(), "no stand-in ids left in this server");
        sqlx::query(
            "INSERT INTO members (guild_id, user_id, role, time_zone, display_name, active, joined_at, forgotten_at)
             SELECT guild_id, $3, role, NULL, $4, 0, $5, $5 FROM members WHERE guild_id = $1 AND user_id = $2",
        )
        .bind(guild.db())
        .bind(user.db())
        .bind(former.db())
        .bind(FORMER_MEMBER)
        .bind(ts(now))
        .execute(&mut **tx)
        .await
        .context("while adding a stand-in member")?;

        let mut e = Erased { former_id: former, ..Erased::default() };
        e.ratings = sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM session_answers WHERE user_id = $2 AND rating IS NOT NULL AND session_id IN
                 (SELECT s.id FROM sessions s JOIN pairings p ON p.id = s.pairing_id WHERE p.guild_id = $1)",
        )
        .bind(guild.db())
        .bind(user.db())
        .fetch_one(&mut **tx)
        .await
        .context("while counting ratings")?
        .try_into()
        .unwrap_or_default();
        for (count, sql) in ERASE {
            let n = exec(tx, sql, guild, user, now).await?;
            match count {
                Count::Jobs => e.jobs += n,
                Count::Agendas => e.agendas += n,
                Count::Topics => e.topics += n,
                Count::Notes => e.notes += n,
                Count::Actions => e.actions += n,
                Count::Goals => e.goals += n,
                Count::GoalUpdates => e.goal_updates += n,
                Count::Reviews => e.reviews += n,
                Count::Availability => e.availability += n,
                Count::Uncounted => {}
            }
        }
        // The shared history now names the stand-in.
        for sql in REPOINT {
            repoint(tx, sql, guild, user, former).await?;
        }
        e.profile = exec(tx, "DELETE FROM members WHERE guild_id = $1 AND user_id = $2", guild, user, now).await?;
        Ok(e)
    }
}
