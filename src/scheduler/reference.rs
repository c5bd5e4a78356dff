//! How a sent message names the jobs it delivers. The nonce (sent with `enforce_nonce`) makes a
//! retry within Discord's nonce window return the first message; the reference (a short line in
//! the message itself) lets a restarted runner find what a crashed one sent long after that
//! window, by reading the channel's recent messages.

use crate::{
    app::base36,
    render::{look, Outgoing},
    store::Job,
};

/// The nonce of a single job's message: stable across retries and restarts, unique per job and
/// database (at most 1 + 13 + 1 + 6 = 21 characters; Discord allows 25).
pub fn job_nonce(job: &Job, instance: &str) -> String {
    format!("j{}.{instance}", base36(job.id.unsigned_abs()))
}

/// The nonce of a message delivering `jobs`: a single job's own nonce, or for a group one that
/// names all of its jobs (a hash of their ids), so a regrouped retry never reuses it.
pub fn unit_nonce(jobs: &[Job], instance: &str) -> String {
    if let [job] = jobs {
        return job_nonce(job, instance);
    }
    // FNV-1a over the sorted ids: stable, and different for a different set.
    let mut ids: Vec<i64> = jobs.iter().map(|j| j.id).collect();
    ids.sort_unstable();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in ids.iter().flat_map(|id| id.to_le_bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("g{}.{instance}", base36(hash))
}

/// The reference line: `ref <instance>:<id>,<id>` (ids in base 36).
pub fn reference(jobs: &[Job], instance: &str) -> String {
    let ids: Vec<String> = jobs.iter().map(|j| base36(j.id.unsigned_abs())).collect();
    format!("ref {instance}:{}", ids.join(","))
}

/// Puts the reference in the message: at the end of the last embed's footer, or a small line of
/// text.
pub fn stamp(message: &mut Outgoing, reference: &str) {
    if let Some(last) = message.embeds.pop() {
        message.embeds.push(look::add_to_footer(last, reference));
    } else {
        message.content = format!("{}\n-# {reference}", message.content);
    }
}

/// The job ids referenced in a message's text (its JSON), for this database.
pub fn referenced_ids(text: &str, instance: &str) -> Vec<i64> {
    let marker = format!("ref {instance}:");
    text.match_indices(&marker)
        .flat_map(|(at, _)| {
            let rest = &text[at + marker.len()..];
            let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == ',')).unwrap_or(rest.len());
            rest[..end].split(',').filter_map(|id| i64::from_str_radix(id, 36).ok()).collect::<Vec<_>>()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::domain::{ids::GuildId, jobs::JobKind, jobs::Subject};

    fn job(id: i64) -> Job {
        Job {
            id,
            kind: JobKind::DeadlineReminder,
            guild_id: GuildId(1),
            subject: Subject::Action(id),
            recipient: None,
            channel: None,
            due_at: Utc::now(),
            planned_at: Utc::now(),
            attempts: 1,
            last_error: None,
            claim_token: 1,
            in_flight: false,
            lease_until: None,
            payload: None,
        }
    }

    #[test]
    fn a_group_nonce_names_its_whole_set_of_jobs_and_fits_discord() {
        let (a, b, c) = (job(1), job(2), job(3));
        let ab = unit_nonce(&[a.clone(), b.clone()], "abc123");
        assert_eq!(ab, unit_nonce(&[b.clone(), a.clone()], "abc123"), "order does not matter");
        assert_ne!(ab, unit_nonce(&[a.clone(), b, c], "abc123"), "a regrouped set gets another nonce");
        assert_ne!(ab, job_nonce(&a, "abc123"));
        assert!(ab.len() <= 25, "{ab}");
    }

    #[test]
    fn a_stamped_reference_is_found_again_in_the_messages_json() {
        let jobs = [job(1_000_000), job(36)];
        let reference = reference(&jobs, "abc123");
        let mut with_embed =
            Outgoing { embeds: vec![serenity::all::CreateEmbed::new().title("t")], ..Outgoing::default() };
        stamp(&mut with_embed, &reference);
        let json = serde_json::to_string(&with_embed.embeds).unwrap();
        assert_eq!(referenced_ids(&json, "abc123"), vec![1_000_000, 36]);
        assert!(referenced_ids(&json, "ffffff").is_empty(), "another database's references do not count");
        let mut text = Outgoing { content: "hello".into(), ..Outgoing::default() };
        stamp(&mut text, &reference);
        assert_eq!(referenced_ids(&text.content, "abc123"), vec![1_000_000, 36]);
    }
}
