//! `/book when:` suggests the pair's next free times (autocomplete) and books exactly the one
//! picked; its latency with a busy program.

use crate::common::*;
use mentor_bot::{domain::ids::UserId, store::NewSession};

/// The `when` choices Mia (Berlin) gets for a booking with Mo (New York), with extra options.
async fn suggestions(w: &World, user: u64, with: u64, extra: &[(&str, &str)], typed: &str) -> Vec<(String, String)> {
    let with = with.to_string();
    let mut options = vec![("with", with.as_str())];
    options.extend_from_slice(extra);
    options.push(("when", typed));
    let choices = w.actor(user).autocomplete("book", &options, "when").await.unwrap();
    choices.into_iter().map(|c| (c.0, c.1)).collect()
}

/// Mo (New York) has slots on Monday and Tuesday lunchtime and a session with Dana on Monday
/// 23 Nov 13:00-14:00; Mia (Berlin) has a session on Tuesday 24 Nov 18:00.
async fn busy_world() -> World {
    let w = paired_world().await;
    join(&w, DANA, "mentee", None).await;
    say(&w, ADA, "pair", &[("mentor", &MO.to_string()), ("mentee", &DANA.to_string())]).await;
    assert!(book(&w, MO, DANA, "2026-11-23 13:00").await.contains("booked"));
    assert!(book(&w, MIA, MO, "2026-11-24 18:00").await.contains("booked"));
    say(&w, MO, "availability set", &[("slots", "mon 12:00-14:00, tue 12:00-13:00")]).await;
    w
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn when_suggests_free_times_inside_the_partners_slots_outside_both_persons_sessions() {
    let w = busy_world().await;
    let choices = suggestions(&w, MIA, MO, &[], "").await;
    let labels: Vec<&str> = choices.iter().map(|c| c.0.as_str()).collect();
    // Monday 12:00 New York is 18:00 Berlin; 12:30 and 13:00 clash with Dana's session, Tuesday
    // 24 Nov with Mia's own.
    assert_eq!(
        labels[..5],
        [
            "Mon 23 Nov 18:00 (Mo: 12:00)",
            "Mon 30 Nov 18:00 (Mo: 12:00)",
            "Mon 30 Nov 18:30 (Mo: 12:30)",
            "Mon 30 Nov 19:00 (Mo: 13:00)",
            "Tue 1 Dec 18:00 (Mo: 12:00)"
        ]
    );
    assert!(choices.len() <= 25);
    assert_eq!(choices[0].1, format!("@{}", utc(2026, 11, 23, 17, 0).timestamp()));
    // A longer session no longer fits before Dana's.
    let longer = suggestions(&w, MIA, MO, &[("duration", "90")], "").await;
    assert_eq!(longer[0].0, "Mon 30 Nov 18:00 (Mo: 12:00)");
    // Typing narrows the list.
    let tuesdays = suggestions(&w, MIA, MO, &[], "tue").await;
    assert!(!tuesdays.is_empty() && tuesdays.iter().all(|c| c.0.starts_with("Tue")), "{tuesdays:?}");
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_picked_suggestion_books_exactly_that_instant() {
    let w = busy_world().await;
    let first = suggestions(&w, MIA, MO, &[], "").await.remove(0);
    let text = book(&w, MIA, MO, &first.1).await;
    assert!(text.contains("Read as **Mon 23 Nov 2026 18:00** in Europe/Berlin"), "{text}");
    assert!(text.contains(&format!("<t:{}:F>", utc(2026, 11, 23, 17, 0).timestamp())), "{text}");
    let next = suggestions(&w, MIA, MO, &[], "").await;
    assert_eq!(next[0].0, "Mon 30 Nov 18:00 (Mo: 12:00)", "the booked time is no longer offered");
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_slots_any_time_outside_the_partners_quiet_hours_is_suggested() {
    let w = paired_world().await;
    // Mo (New York, 04:00) books with Mia (Berlin, 10:00); Mia set no slots.
    let choices = suggestions(&w, MO, MIA, &[], "").await;
    assert_eq!(choices[0].0, "Sat 21 Nov 04:30 (Mia: 10:30)");
    assert_eq!(choices.len(), 25);
    assert!(choices.iter().all(|c| c.0.chars().count() <= 100 && c.1.len() <= 100));
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hand_typed_instant_is_validated_and_stores_nothing() {
    let w = paired_world().await;
    for bad in ["@123", "@soon", "@1795356030"] {
        let text = book(&w, MIA, MO, bad).await;
        assert!(text.contains("not one of the times I suggest"), "{bad}: {text}");
    }
    let past = book(&w, MIA, MO, &format!("@{}", utc(2026, 11, 20, 9, 0).timestamp())).await;
    assert!(past.contains("in the past"), "{past}");
    assert_eq!(count(&w, "sessions").await, 0);
    assert!(suggestions(&w, MIA, OTTO, &[], "").await.is_empty(), "no suggestions for someone not paired");
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn suggestions_stay_fast_with_200_sessions_and_20_slots_each() {
    let w = paired_world().await;
    let slots = |hour0: u32| {
        let mut list = Vec::new();
        for day in ["mon", "tue", "wed", "thu", "fri"] {
            for k in 0..4u32 {
                list.push(format!("{day} {}-{}", hour0 + k * 2, hour0 + 1 + k * 2));
            }
        }
        list.join(", ")
    };
    say(&w, MO, "availability set", &[("slots", &slots(9))]).await;
    say(&w, MIA, "availability set", &[("slots", &slots(10))]).await;
    assert_eq!(count(&w, "availability_slots").await, 40);
    let pairing = sqlx::query_scalar::<_, i64>("SELECT id FROM pairings").fetch_one(w.store.pool()).await.unwrap();
    let mut tx = w.store.begin().await.unwrap();
    for i in 0..200i64 {
        let new = NewSession {
            pairing_id: pairing,
            starts_at: t0() + chrono::Duration::hours(3 + i * 7),
            duration_minutes: 60,
            topic: None,
            booked_by: UserId(MIA),
            series: None,
        };
        w.store.insert_session(&mut tx, &new, t0()).await.unwrap();
    }
    tx.commit().await.unwrap();
    let mut times = Vec::new();
    for _ in 0..10 {
        let started = std::time::Instant::now();
        let choices = suggestions(&w, MIA, MO, &[], "").await;
        times.push(started.elapsed());
        assert!(!choices.is_empty());
    }
    times.sort();
    eprintln!("free-time autocomplete: median {:?}, max {:?}", times[times.len() / 2], times[times.len() - 1]);
    assert!(times[times.len() / 2] < std::time::Duration::from_millis(500), "{times:?}");
    assert_clean(&w);
    w.stop().await;
}
