//! Booking sessions end to end: /book, /sessions, /reschedule, /cancel.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

mod common;

use common::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mentee_books_a_session_and_the_mentor_gets_a_dm_with_a_calendar_file() {
    let w = paired_world().await;
    let r = w
        .actor(MIA)
        .slash("book", &[("with", &MO.to_string()), ("when", "tomorrow 15:00"), ("topic", "Career goals")])
        .await
        .unwrap();
    assert!(r.is_ephemeral());
    let text = r.text();
    assert!(text.contains("Session #1 booked"), "{text}");
    // Sunday 22 Nov 2026 15:00 in Berlin = 14:00 UTC.
    assert!(text.contains("Read as **Sun 22 Nov 2026 15:00** in Europe/Berlin"), "{text}");
    assert!(text.contains("<t:1795356000:F>"), "{text}");
    let dm = w
        .sim
        .wait_for_dm(MO, |m| m.text().contains("Session #1 booked"), std::time::Duration::from_secs(5))
        .await
        .unwrap();
    assert!(dm.text().contains("Career goals"));
    let ics = dm.attachment_text("session-1.ics").unwrap();
    assert!(ics.contains("DTSTART:20261122T140000Z"), "{ics}");
    assert_clean(&w);
    w.stop().await;
}
