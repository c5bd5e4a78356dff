//! `GET /channels/{id}/messages`: a channel's history, newest first, paged like Discord with
//! `limit` (1–100, default 50) and one of `before`, `after` or `around`.

use serde_json::Value;

use super::{messages, Answer, Ctx};

/// The paging parameters of a history request.
#[derive(Debug, Default, PartialEq, Eq)]
struct Paging {
    limit: usize,
    before: Option<u64>,
    after: Option<u64>,
    around: Option<u64>,
}

/// Parses the query; `Err` names the bad parameter.
fn paging(query: Option<&str>) -> Result<Paging, &'static str> {
    let mut paging = Paging { limit: 50, ..Paging::default() };
    for pair in query.unwrap_or_default().split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let snowflake = || value.parse::<u64>().ok();
        match key {
            "limit" => match value.parse::<usize>() {
                Ok(n) if (1..=100).contains(&n) => paging.limit = n,
                _ => return Err("limit"),
            },
            "before" => paging.before = Some(snowflake().ok_or("before")?),
            "after" => paging.after = Some(snowflake().ok_or("after")?),
            "around" => paging.around = Some(snowflake().ok_or("around")?),
            _ => {}
        }
    }
    Ok(paging)
}

/// Picks ids (ascending input) per Discord's rules; the result is newest first.
fn select(ids: &[u64], p: &Paging) -> Vec<u64> {
    let mut out: Vec<u64> = if let Some(around) = p.around {
        let older: Vec<u64> = ids.iter().copied().filter(|id| *id < around).collect();
        let newer: Vec<u64> = ids.iter().copied().filter(|id| *id >= around).collect();
        let take_older = (p.limit / 2).min(older.len());
        let take_newer = (p.limit - take_older).min(newer.len());
        let mut picked = older[older.len() - take_older..].to_vec();
        picked.extend_from_slice(&newer[..take_newer]);
        picked
    } else if let Some(after) = p.after {
        ids.iter().copied().filter(|id| *id > after).take(p.limit).collect()
    } else {
        let older: Vec<u64> = ids.iter().copied().filter(|id| p.before.is_none_or(|b| *id < b)).collect();
        older[older.len().saturating_sub(p.limit)..].to_vec()
    };
    out.reverse();
    out
}

/// `GET /channels/{channel}/messages`.
pub(crate) fn list(ctx: &Ctx<'_>, channel: u64) -> Answer {
    let state = ctx.shared.lock();
    if !state.channels.contains_key(&channel) {
        return Answer::error(404, 10003, "Unknown Channel");
    }
    if state.channel_removed(channel) {
        return Answer::missing_access();
    }
    let paging = match paging(ctx.query) {
        Ok(p) => p,
        Err(field) => {
            let breach =
                crate::limits::Breach::invalid(field, "NUMBER_TYPE_MAX", "Value must be a valid query parameter.");
            return Answer::breach(&breach);
        }
    };
    let visible: Vec<u64> =
        state.channel_messages(channel).into_iter().filter(|m| !m.ephemeral).map(|m| m.id).collect();
    let list: Vec<Value> = select(&visible, &paging)
        .into_iter()
        .filter_map(|id| state.messages.get(&id))
        .map(|m| messages::to_json(ctx.shared, m))
        .collect();
    Answer::ok(Value::Array(list))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_is_newest_first_and_pages_with_before_after_and_around() {
        let ids: Vec<u64> = (1..=10).collect();
        let page = |q: &str| select(&ids, &paging(Some(q)).unwrap());
        assert_eq!(page("limit=3"), [10, 9, 8]);
        assert_eq!(page("limit=3&before=8"), [7, 6, 5]);
        assert_eq!(page("limit=3&after=2"), [5, 4, 3]);
        assert_eq!(page("limit=4&around=5"), [6, 5, 4, 3]);
        assert_eq!(page("").len(), 10);
        assert_eq!(paging(Some("limit=101")), Err("limit"));
        assert_eq!(paging(Some("limit=0")), Err("limit"));
    }
}
