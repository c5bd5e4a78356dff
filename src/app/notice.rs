//! Notices: what a use case wants the people involved to be told. Each is a job written in the
//! same transaction as the change (its payload says what happened) and sent by the scheduler at
//! once, so an outage or a crash never loses one; `render` renders them.

use chrono::{DateTime, Utc};

use crate::domain::{
    agenda::Topic,
    background::BackgroundInput,
    ids::UserId,
    jobs::{JobKind, PlannedJob, Subject},
    pairing::Pairing,
    series::{LeftOut, Series},
    session::Session,
};

/// One message to one person.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Notice {
    pub to: UserId,
    pub kind: NoticeKind,
}

/// What happened.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(tag = "what", rename_all = "snake_case")]
pub enum NoticeKind {
    /// An admin paired the recipient with `partner`.
    Paired { pairing: Pairing, partner: UserId },
    /// The pairing with `partner` ended (`/unpair` or the partner left).
    Unpaired { pairing: Pairing, partner: UserId, partner_left: bool },
    /// `by` booked a session with the recipient.
    SessionBooked { session: Session, by: UserId },
    /// `by` booked a series with the recipient: the sessions booked, the occurrences left out.
    SeriesBooked { series: Series, sessions: Vec<Session>, left_out: Vec<LeftOut>, by: UserId },
    /// `by` moved a session; `previous_start` is where it was. `series` is set for an occurrence
    /// of one (its calendar update names the occurrence).
    SessionMoved {
        session: Session,
        by: UserId,
        previous_start: chrono::DateTime<chrono::Utc>,
        #[serde(default)]
        series: Option<Series>,
    },
    /// `by` cancelled a session (`series`: as for a move).
    SessionCancelled {
        session: Session,
        by: UserId,
        #[serde(default)]
        series: Option<Series>,
    },
    /// `by` moved sessions of series `old` from one on into the new series `new`; both come with
    /// every session they now hold (for their calendar files) and `left_out` with what could not move.
    SeriesMoved {
        old: Series,
        old_sessions: Vec<Session>,
        new: Series,
        new_sessions: Vec<Session>,
        left_out: Vec<LeftOut>,
        by: UserId,
    },
    /// `by` cancelled `cancelled`, sessions of a series from one on; `sessions` is every session
    /// of the series as it now stands (for its calendar file).
    SeriesCancelled { series: Series, sessions: Vec<Session>, cancelled: Vec<Session>, by: UserId },
    /// The mentee shared (or `updated`) the agenda of a session, at `revision`; sent to the
    /// mentor, showing the agenda as it is when the message goes out.
    AgendaShared { session: Session, updated: bool, revision: i64 },
    /// The mentor added topics to an agenda; sent to the mentee. `first_id` is the first topic's row.
    TopicsAdded { session: Session, topics: Vec<Topic>, by: UserId, first_id: i64 },
    /// The mentee shared (or updated, at `revision`) their background; sent to the mentor.
    BackgroundShared { pairing: Pairing, background: BackgroundInput, revision: i64 },
    /// A program admin pressed **Nudge both** for a pair that has not met lately: a friendly
    /// prompt to book, with the recipient's next free times with `partner` (labels in the
    /// recipient's zone). It never says who asked. `day` (unix days) makes one nudge a day.
    Nudged { pairing: Pairing, partner: UserId, free_times: Vec<String>, day: i64 },
}

impl Notice {
    /// A stable key for this notice, used as the message nonce: the same notice always gets the
    /// same nonce, different notices (or recipients) never share one. Base 36 keeps it within
    /// Discord's 25 characters.
    pub fn nonce(&self) -> String {
        let (tag, id, rev) = match &self.kind {
            NoticeKind::Paired { pairing, .. } => ('p', pairing.id, 0),
            NoticeKind::Unpaired { pairing, .. } => ('u', pairing.id, 0),
            NoticeKind::SessionBooked { session, .. } => ('b', session.id, 0),
            NoticeKind::SeriesBooked { series, .. } => ('r', series.id, series.revision),
            NoticeKind::SeriesCancelled { series, .. } => ('x', series.id, series.revision),
            NoticeKind::SeriesMoved { new, .. } => ('v', new.id, new.revision),
            NoticeKind::SessionMoved { session, .. } => ('m', session.id, session.revision),
            NoticeKind::SessionCancelled { session, .. } => ('c', session.id, 0),
            NoticeKind::AgendaShared { session, revision, .. } => ('g', session.id, *revision),
            NoticeKind::TopicsAdded { first_id, .. } => ('t', *first_id, 0),
            NoticeKind::BackgroundShared { pairing, revision, .. } => ('k', pairing.id, *revision),
            NoticeKind::Nudged { pairing, day, .. } => ('n', pairing.id, *day),
        };
        format!("{tag}{}.{}.{}", base36(id.unsigned_abs()), base36(rev.unsigned_abs()), base36(self.to.0))
    }
}

impl Notice {
    /// The session it is about, if any.
    pub fn session(&self) -> Option<&Session> {
        match &self.kind {
            NoticeKind::SessionBooked { session, .. }
            | NoticeKind::SessionMoved { session, .. }
            | NoticeKind::SessionCancelled { session, .. }
            | NoticeKind::AgendaShared { session, .. }
            | NoticeKind::TopicsAdded { session, .. } => Some(session),
            NoticeKind::Paired { .. }
            | NoticeKind::Unpaired { .. }
            | NoticeKind::BackgroundShared { .. }
            | NoticeKind::Nudged { .. }
            | NoticeKind::SeriesBooked { .. }
            | NoticeKind::SeriesCancelled { .. }
            | NoticeKind::SeriesMoved { .. } => None,
        }
    }

    /// The job that delivers it: due at once, unique per notice.
    pub fn job(&self, now: DateTime<Utc>) -> anyhow::Result<PlannedJob> {
        let subject = match (&self.kind, self.session()) {
            (_, Some(session)) => Subject::Session(session.id),
            (
                NoticeKind::Paired { pairing, .. }
                | NoticeKind::Unpaired { pairing, .. }
                | NoticeKind::BackgroundShared { pairing, .. }
                | NoticeKind::Nudged { pairing, .. },
                None,
            ) => Subject::Pairing(pairing.id),
            (
                NoticeKind::SeriesBooked { series, .. }
                | NoticeKind::SeriesCancelled { series, .. }
                | NoticeKind::SeriesMoved { new: series, .. },
                None,
            ) => Subject::Pairing(series.pairing_id),
            _ => Subject::Program,
        };
        Ok(PlannedJob {
            kind: JobKind::Notice,
            subject,
            recipient: Some(self.to),
            channel: None,
            due_at: now,
            dedupe_key: self.dedupe_key(),
            payload: Some(serde_json::to_string(self)?),
        })
    }

    /// The job's dedupe key (a command waits on the job by it).
    pub fn dedupe_key(&self) -> String {
        format!("notice:{}", self.nonce())
    }
}

/// `n` in base 36 (at most 13 characters for a u64).
pub fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[usize::try_from(n % 36).unwrap_or(0)]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base36_round_trips_through_u64_parsing() {
        for n in [0, 1, 35, 36, 1_234_567, u64::MAX] {
            assert_eq!(u64::from_str_radix(&base36(n), 36).unwrap(), n);
        }
    }

    #[test]
    fn nonces_fit_discord_limit_for_two_billion_rows_and_real_snowflakes() {
        // Snowflakes stay below 2^63 for decades; row ids below 36^6 (2.1 billion).
        let big_user = UserId(1 << 62);
        let pairing = Pairing {
            id: 2_000_000_000,
            guild_id: crate::domain::ids::GuildId(1),
            mentor_id: big_user,
            mentee_id: UserId(2),
            active: true,
        };
        let n = Notice { to: big_user, kind: NoticeKind::Paired { partner: UserId(2), pairing } };
        assert!(n.nonce().len() <= 25, "{}", n.nonce());
    }
}
