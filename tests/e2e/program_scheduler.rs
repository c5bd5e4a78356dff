//! `/program nudges` and `/program settings`: admins shape the rhythm of their program.

use crate::common::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_moves_the_weekly_nudge_and_sees_the_next_three_times_in_the_programs_zone() {
    let mut w = world().await;
    setup_program(&w).await;
    let text =
        say(&w, ADA, "program nudges", &[("schedule", "30 17 * * Fri"), ("channel", &GENERAL.to_string())]).await;
    assert!(text.contains("`30 17 * * Fri`") && text.contains("Europe/Berlin"), "{text}");
    for day in ["Fri 27 Nov 2026 17:30 CET", "Fri 04 Dec 2026 17:30 CET", "Fri 11 Dec 2026 17:30 CET"] {
        assert!(text.contains(day), "{day} missing: {text}");
    }
    w.run_until(utc(2026, 11, 28, 0, 0)).await.unwrap();
    assert!(w.sim.channel_messages(MENTORING).is_empty(), "Monday's post was replaced");
    let posts = w.sim.channel_messages(GENERAL);
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].timestamp, utc(2026, 11, 27, 16, 30));
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_seconds_form_is_accepted_and_a_bad_schedule_changes_nothing() {
    let mut w = world().await;
    setup_program(&w).await;
    let text = say(&w, ADA, "program nudges", &[("schedule", "0 0 9 * * Mon")]).await;
    assert!(text.contains("Mon 23 Nov 2026 09:00 CET"), "{text}");
    let text = say(&w, ADA, "program nudges", &[("schedule", "every monday")]).await;
    assert!(text.contains("`every monday`") && text.contains("0 9 * * Mon"), "{text}");
    w.run_until(utc(2026, 11, 24, 0, 0)).await.unwrap();
    assert_eq!(w.sim.channel_messages(MENTORING).len(), 1, "the valid schedule stayed");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nudges_can_be_turned_off_and_only_admins_may() {
    let mut w = world().await;
    setup_program(&w).await;
    let text = say(&w, OTTO, "program nudges", &[("off", "true")]).await;
    assert!(text.contains("Only program admins"), "{text}");
    let text = say(&w, ADA, "program nudges", &[("off", "true")]).await;
    assert!(text.contains("off"), "{text}");
    w.run_until(utc(2026, 12, 8, 0, 0)).await.unwrap();
    assert!(w.sim.channel_messages(MENTORING).is_empty());
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_program_setting_changes_the_timing_of_new_bookings() {
    let mut w = paired_world().await;
    let text = say(&w, ADA, "program settings", &[]).await;
    assert!(text.contains("agenda_request_before\n1day") && text.contains("quiet_hours\n21:00-08:00"), "{text}");
    let text = say(&w, ADA, "program settings", &[("name", "agenda_request_before"), ("value", "48h")]).await;
    assert!(text.contains("is now `48h`") && text.contains("agenda_request_before\n2days"), "{text}");
    let text = say(&w, ADA, "program settings", &[("name", "quiet_hours"), ("value", "25:00-08:00")]).await;
    assert!(text.contains("`25:00` is not a valid time"), "{text}");
    let text = say(&w, ADA, "program settings", &[("name", "reminder"), ("value", "1h")]).await;
    assert!(text.contains("`reminder` is not a setting"), "{text}");
    let text = say(&w, MIA, "program settings", &[]).await;
    assert!(text.contains("Only program admins"), "{text}");
    book(&w, MIA, MO, "wed 15:00").await;
    let mia0 = dm_count(&w, MIA);
    w.run_until(utc(2026, 11, 24, 0, 0)).await.unwrap();
    w.run_until(utc(2026, 11, 24, 15, 0)).await.unwrap();
    let request = w.sim.dms(MIA).into_iter().skip(mia0).find(|m| m.text().contains("Agenda time")).unwrap();
    assert_eq!(request.timestamp, utc(2026, 11, 23, 14, 0), "48 hours before Wednesday 15:00 Berlin");
    w.stop().await;
}
