//! Matching end to end: program tags, `/join` with interests, expertise and capacity (tags
//! autocompleted), `/match suggest` ranking a known cast, **Pair** (what `/pair` does) and
//! **Skip**, capacity, never pairing people again, and refusals on commands and buttons.

use crate::common::*;
use discord_sim::{Message, Reply};

async fn join_with(w: &World, user: u64, options: &[(&str, &str)]) -> Reply {
    w.actor(user).slash("join", options).await.unwrap()
}

/// Tags; Mo (New York, capacity 1) and Leo (Berlin, capacity 2) mentor; Mia, Otto and Dana
/// (Berlin) are mentees with different interests.
async fn cast() -> World {
    let w = world().await;
    setup_program(&w).await;
    let t = say(&w, ADA, "program tags set", &[("tags", "Leadership, Career change, Public speaking")]).await;
    assert!(t.contains("`Leadership`, `Career change`, `Public speaking`"), "{t}");
    let r = join_with(
        &w,
        MO,
        &[("role", "mentor"), ("timezone", "America/New_York"), ("expertise", "leadership, career change")],
    )
    .await;
    assert!(r.text().contains("Your expertise: `Leadership`, `Career change`; you take up to 1"), "{}", r.text());
    join_with(&w, LEO, &[("role", "mentor"), ("expertise", "Leadership"), ("capacity", "2")]).await;
    let r = join_with(&w, MIA, &[("role", "mentee"), ("interests", "Leadership, Career change")]).await;
    assert!(r.text().contains("Your interests: `Leadership`, `Career change`"), "{}", r.text());
    join_with(&w, OTTO, &[("role", "mentee"), ("interests", "leadership")]).await;
    join_with(&w, DANA, &[("role", "mentee"), ("interests", "public speaking")]).await;
    w
}

/// `/match suggest` as Ada: the messages with suggestions (first one first).
async fn suggest(w: &World) -> Vec<Message> {
    let r = w.actor(ADA).slash("match suggest", &[]).await.unwrap();
    assert!(r.is_ephemeral());
    let mut all = vec![r.message().unwrap().clone()];
    all.extend(w.sim.followups(r.interaction_id));
    all
}

/// The suggested (mentee, mentor) pairs in order.
fn pairs(messages: &[Message]) -> Vec<(u64, u64)> {
    messages
        .iter()
        .flat_map(Message::buttons)
        .filter_map(|(id, _)| {
            let rest = id.strip_prefix("match:pair:")?;
            let (mentor, mentee) = rest.split_once(':')?;
            Some((mentee.parse().ok()?, mentor.parse().ok()?))
        })
        .collect()
}

fn with_button<'a>(messages: &'a [Message], id: &str) -> &'a Message {
    messages.iter().find(|m| m.buttons().iter().any(|b| b.0 == id)).unwrap_or_else(|| panic!("no button {id}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn suggestions_rank_shared_tags_then_daytime_overlap_and_respect_capacity() {
    let w = cast().await;
    let messages = suggest(&w).await;
    // Mia shares two tags with Mo; Otto one with each, and Leo (Berlin) shares his whole day;
    // Dana shares none, and Mo is full after Mia.
    assert_eq!(pairs(&messages), vec![(MIA, MO), (OTTO, LEO), (DANA, LEO)]);
    let text = messages[0].text();
    assert!(text.contains("`Leadership`, `Career change`") && text.contains("3.0 h"), "{text}");
    assert!(text.contains("9.0 h") && text.contains("2 place(s) left"), "{text}");
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pair_does_what_pair_does_and_capacity_history_and_skips_hold_on_every_path() {
    let w = cast().await;
    let messages = suggest(&w).await;
    let pair_mia = format!("match:pair:{MO}:{MIA}");
    let r = w.actor(ADA).press(with_button(&messages, &pair_mia), &pair_mia).await.unwrap();
    let text = full_text(&w, &r, |t| t.contains("Paired")).await;
    assert!(text.contains("Paired mentor") && text.contains("Both were told"), "{text}");
    dm_containing(&w, MIA, "new mentoring partner").await;
    dm_containing(&w, MO, "new mentoring partner").await;
    assert_eq!(count(&w, "pairings").await, 1);

    // Mo is full: a (forged) press pairing him again is refused and changes nothing.
    let full = w.actor(ADA).press_forged(&messages[0], &format!("match:pair:{MO}:{OTTO}")).await.unwrap();
    assert!(full.text().contains("capacity"), "{}", full.text());
    assert_eq!(count(&w, "pairings").await, 1);

    // Skip: Otto–Leo is not suggested again.
    let skip = format!("match:skip:{LEO}:{OTTO}");
    let r = w.actor(ADA).press(with_button(&messages, &skip), &skip).await.unwrap();
    assert!(full_text(&w, &r, |t| t.contains("Skipped")).await.contains("Skipped"));
    assert_eq!(pairs(&suggest(&w).await), vec![(DANA, LEO)]);

    // Never again: after the pairing ends, Mia is not suggested with Mo, and a forged Pair fails.
    confirmed(&w, ADA, "unpair", &[("mentor", &MO.to_string()), ("mentee", &MIA.to_string())]).await;
    let again = suggest(&w).await;
    assert!(!pairs(&again).contains(&(MIA, MO)), "{:?}", pairs(&again));
    assert!(pairs(&again).contains(&(MIA, LEO)), "{:?}", pairs(&again));
    let forged = w.actor(ADA).press_forged(&again[0], &pair_mia).await.unwrap();
    assert!(forged.text().contains("paired before"), "{}", forged.text());
    assert_eq!(count(&w, "pairings").await, 1);
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_admins_suggest_pair_skip_or_set_tags() {
    let w = cast().await;
    let r = w.actor(OTTO).slash("match suggest", &[]).await.unwrap();
    assert!(r.text().contains("Only program admins"), "{}", r.text());
    let t = say(&w, OTTO, "program tags set", &[("tags", "cooking")]).await;
    assert!(t.contains("Only program admins"), "{t}");
    for id in [format!("match:pair:{MO}:{MIA}"), format!("match:skip:{MO}:{MIA}")] {
        let forged = w.actor(OTTO).press_forged(r.message().unwrap(), &id).await.unwrap();
        assert!(forged.text().contains("Only program admins"), "{id}: {}", forged.text());
    }
    assert_eq!(count(&w, "pairings").await, 0);
    assert_eq!(count(&w, "match_skips").await, 0);
    // Cora has the coordinator role: she may.
    assert_eq!(
        pairs(&{
            let r = w.actor(CORA).slash("match suggest", &[]).await.unwrap();
            vec![r.message().unwrap().clone()]
        }),
        vec![(MIA, MO), (OTTO, LEO), (DANA, LEO)]
    );
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn join_takes_tags_from_the_program_with_autocomplete_and_refuses_the_wrong_ones() {
    let w = cast().await;
    let choices = w
        .actor(OTTO)
        .autocomplete("join", &[("role", "mentee"), ("interests", "leadership, pub")], "interests")
        .await
        .unwrap();
    assert_eq!(choices, vec![("leadership, Public speaking".to_owned(), "leadership, Public speaking".to_owned())]);
    let before = sqlx::query_scalar::<_, String>("SELECT tags FROM members WHERE user_id = $1")
        .bind(i64::try_from(OTTO).unwrap())
        .fetch_one(w.store.pool())
        .await
        .unwrap();
    for (options, needle) in [
        (vec![("role", "mentee"), ("interests", "cooking")], "not one of this program's tags"),
        (vec![("role", "mentee"), ("expertise", "Leadership")], "`expertise` is for mentors"),
        (vec![("role", "mentee"), ("capacity", "3")], "`capacity` is for mentors"),
        (vec![("role", "mentor"), ("interests", "Leadership")], "`interests` is for mentees"),
    ] {
        let r = join_with(&w, OTTO, &options).await;
        assert!(r.is_ephemeral() && r.text().contains(needle), "{options:?}: {}", r.text());
    }
    let (role, tags) = sqlx::query_as::<_, (String, String)>("SELECT role, tags FROM members WHERE user_id = $1")
        .bind(i64::try_from(OTTO).unwrap())
        .fetch_one(w.store.pool())
        .await
        .unwrap();
    assert_eq!((role.as_str(), tags), ("mentee", before), "a refused join changes nothing");
    assert_clean(&w);
    w.stop().await;
}
