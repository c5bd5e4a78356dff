//! The weekly admin digest DM: pair health (names, dates and counts; never content), stale pairs
//! first, each with **Nudge both** (at most 25 buttons; `/program report` has every pair).

use chrono::{DateTime, Utc};
use serenity::all::CreateEmbed;

use super::{
    prepare::{Plan, Target, Unit},
    Scheduler,
};
use crate::{
    domain::{
        jobs::{catch_up, CatchUp, SubjectState},
        layout::DESCRIPTION_CHARS,
        program::Program,
        report::PairHealth,
    },
    render::admin_buttons::nudge_rows,
    render::Outgoing,
    store::Job,
    tr,
};

/// Renders the digest for `pairs` of `program`.
pub fn digest_message(program: &Program, pairs: &[PairHealth]) -> Outgoing {
    let stale: Vec<&PairHealth> = pairs.iter().filter(|p| p.stale).collect();
    let mut lines = vec![tr!("sched-digest-summary", pairs = pairs.len(), stale = stale.len())];
    let when = |t: Option<DateTime<Utc>>| t.map_or_else(|| "—".to_owned(), |t| format!("<t:{}:d>", t.timestamp()));
    let mut shown = 0;
    let ordered = stale.iter().copied().chain(pairs.iter().filter(|p| !p.stale));
    for p in ordered {
        let line = tr!(
            "sched-digest-pair",
            mentor = format!("<@{}>", p.mentor_id),
            mentee = format!("<@{}>", p.mentee_id),
            last = when(p.last_held),
            next = when(p.next_booked),
            held = p.held,
            missed = p.missed,
            overdue = p.overdue_actions,
        );
        let line = if p.stale { format!("⚠️ {line}") } else { line };
        let used: usize = lines.iter().map(|l| l.chars().count() + 1).sum();
        if used + line.chars().count() + 80 > DESCRIPTION_CHARS {
            break;
        }
        lines.push(line);
        shown += 1;
    }
    if shown < pairs.len() {
        lines.push(tr!("sched-digest-more", count = pairs.len() - shown));
    }
    let embed =
        CreateEmbed::new().title(tr!("sched-digest-title", zone = program.zone.name())).description(lines.join("\n"));
    Outgoing { embeds: vec![embed], components: nudge_rows(&stale), ..Outgoing::default() }
}

impl Scheduler {
    /// A subscriber's digest, unless they unsubscribed or it is too late.
    pub(super) async fn prepare_digest(
        &self,
        group: &[Job],
        first: &Job,
        now: DateTime<Utc>,
    ) -> anyhow::Result<Vec<Unit>> {
        let skip = |why| Ok(vec![Unit { jobs: group.to_vec(), plan: Plan::Skip(why) }]);
        let Some(user) = first.recipient else { return skip("no recipient") };
        if let CatchUp::Skip(why) = catch_up(first.kind, first.planned_at, now, SubjectState::default()) {
            return skip(why);
        }
        let Some((program, pairs)) =
            self.app.digest_for(first.guild_id, user).await.map_err(|e| anyhow::anyhow!("{e}"))?
        else {
            return skip("the admin no longer gets the digest");
        };
        let message = digest_message(&program, &pairs);
        Ok(vec![Unit { jobs: group.to_vec(), plan: Plan::Send(Target::Dm(user), message) }])
    }
}
