//! Booking sessions end to end: /book, /sessions, /reschedule, /cancel.

use crate::common::*;

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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_documented_time_form_books_in_the_bookers_zone() {
    let w = paired_world().await;
    // Saturday 21 Nov 2026 10:00 Berlin; Mo (the booker here) is in New York (04:00).
    for (input, read) in [
        ("2026-11-24 15:00", "Tue 24 Nov 2026 15:00"),
        ("25.11. 15:00", "Wed 25 Nov 2026 15:00"),
        ("tomorrow 15:00", "Sun 22 Nov 2026 15:00"),
        ("mon 9:30", "Mon 23 Nov 2026 09:30"),
        ("in 5 days 10am", "Thu 26 Nov 2026 10:00"),
    ] {
        let text = book(&w, MO, MIA, input).await;
        assert!(text.contains(&format!("Read as **{read}** in America/New_York")), "{input}: {text}");
    }
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn times_in_the_past_or_over_a_year_ahead_are_refused() {
    let w = paired_world().await;
    let text = book(&w, MIA, MO, "2026-11-20 15:00").await;
    assert!(text.contains("in the past"), "{text}");
    let text = book(&w, MIA, MO, "2027-12-01 15:00").await;
    assert!(text.contains("more than 365 days ahead"), "{text}");
    let text = book(&w, MIA, MO, "sometime soon").await;
    assert!(text.contains("I don't understand") && text.contains("tomorrow 15:00"), "{text}");
    assert!(say(&w, MIA, "sessions", &[]).await.contains("None. Book one"));
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_duration_outside_15_to_240_minutes_is_refused() {
    let w = paired_world().await;
    // The registered definition carries the limits: Discord's client does not send these.
    for (bad, why) in [("10", "at least 15"), ("300", "at most 240")] {
        let options = [("with", MO.to_string()), ("when", "tomorrow 15:00".into()), ("duration", bad.into())];
        let options: Vec<(&str, &str)> = options.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let refused = w.actor(MIA).slash("book", &options).await.unwrap_err();
        assert!(refused.to_string().contains(why), "{bad}: {refused}");
    }
    let text =
        say(&w, MIA, "book", &[("with", &MO.to_string()), ("when", "tomorrow 15:00"), ("duration", "240")]).await;
    assert!(text.contains("240 minutes"), "{text}");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_time_inside_the_spring_forward_gap_is_refused_with_the_next_valid_time() {
    let w = paired_world().await;
    let text = book(&w, MIA, MO, "2027-03-28 02:30").await;
    assert!(text.contains("does not exist in Europe/Berlin") && text.contains("2027-03-28 03:00"), "{text}");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_ambiguous_fall_back_time_says_which_instant_it_chose() {
    let w = paired_world().await;
    let text = book(&w, MIA, MO, "2027-10-31 02:30").await;
    // 02:30 CEST = 00:30 UTC is the earlier one; 02:30 CET = 01:30 UTC the later.
    assert!(
        text.contains("happens twice") && text.contains("<t:1824942600:F>") && text.contains("<t:1824946200:F>"),
        "{text}"
    );
    assert!(text.contains("CEST (UTC+02:00)"), "{text}");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn overlapping_sessions_of_either_person_are_refused() {
    let w = paired_world().await;
    join(&w, DANA, "mentee", None).await;
    say(&w, ADA, "pair", &[("mentor", &MO.to_string()), ("mentee", &DANA.to_string())]).await;
    // Mo meets Dana at 15:00-16:00 Berlin time (09:00 New York).
    assert!(book(&w, MO, DANA, "tomorrow 9:00").await.contains("Session #1 booked"));
    let text = book(&w, MIA, MO, "tomorrow 15:30").await;
    assert!(text.contains("Mo is busy then"), "{text}");
    assert!(book(&w, MIA, MO, "tomorrow 16:00").await.contains("booked"), "back to back is fine");
    let text = book(&w, MIA, MO, "tomorrow 16:59").await;
    assert!(text.contains("overlaps session #1 of yours"), "{text}");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_two_people_of_an_active_pairing_can_book_together() {
    let w = paired_world().await;
    join(&w, OTTO, "mentee", None).await;
    let text = book(&w, MIA, OTTO, "tomorrow 15:00").await;
    assert!(text.contains("not paired with Otto"), "{text}");
    let text = book(&w, OTTO, MO, "tomorrow 15:00").await;
    assert!(text.contains("not paired with Mo"), "{text}");
    let text = book(&w, LEO, MO, "tomorrow 15:00").await;
    assert!(text.contains("/join"), "{text}");
    let text = book(&w, MIA, MIA, "tomorrow 15:00").await;
    assert!(text.contains("with yourself"), "{text}");
    assert_eq!(dm_count(&w, MO), 1, "only the pairing DM");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_booker_is_told_when_the_other_party_has_dms_closed() {
    let w = world().await;
    setup_program(&w).await;
    join(&w, LEO, "mentor", None).await;
    join(&w, DANA, "mentee", None).await;
    say(&w, ADA, "pair", &[("mentor", &LEO.to_string()), ("mentee", &DANA.to_string())]).await;
    let text = book(&w, LEO, DANA, "tomorrow 15:00").await;
    assert!(text.contains("Session #1 booked"), "{text}");
    assert!(text.contains(&format!("could not DM <@{DANA}>")), "{text}");
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sessions_lists_upcoming_and_recent_with_numbers() {
    let w = paired_world().await;
    book(&w, MIA, MO, "tomorrow 15:00").await;
    book(&w, MIA, MO, "mon 15:00").await;
    w.clock.advance(chrono::Duration::days(1) + chrono::Duration::hours(8));
    let text = say(&w, MIA, "sessions", &[]).await;
    let (upcoming, recent) = text.split_once("Recent").unwrap();
    assert!(upcoming.contains("**#2**") && !upcoming.contains("**#1**"), "{text}");
    assert!(recent.contains("**#1**") && recent.contains(&format!("<@{MO}>")), "{text}");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rescheduling_moves_the_session_and_sends_an_updated_calendar_file() {
    let w = paired_world().await;
    book(&w, MIA, MO, "tomorrow 15:00").await;
    let session = first_session(&w, MO, "reschedule").await;
    let text = say(&w, MO, "reschedule", &[("session", &session), ("when", "mon 10am")]).await;
    assert!(
        text.contains("Session #1 moved") && text.contains("Read as **Mon 23 Nov 2026 10:00** in America/New_York"),
        "{text}"
    );
    let dm = w.sim.dms(MIA).last().unwrap().clone();
    assert!(dm.text().contains("moved your session"), "{}", dm.text());
    let ics = dm.attachment_text("session-1.ics").unwrap();
    assert!(ics.contains("DTSTART:20261123T150000Z") && ics.contains("SEQUENCE:1"), "{ics}");
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_can_be_picked_by_its_number_and_others_sessions_stay_unknown() {
    let w = paired_world().await;
    book(&w, MIA, MO, "tomorrow 15:00").await;
    assert!(say(&w, MIA, "reschedule", &[("session", "#1"), ("when", "mon 11:00")]).await.contains("moved"));
    join(&w, OTTO, "mentee", None).await;
    let text = say(&w, OTTO, "cancel", &[("session", "s1")]).await;
    assert!(text.contains("I don't know that session"), "{text}");
    assert!(w.actor(OTTO).autocomplete("cancel", &[("session", "")], "session").await.unwrap().is_empty());
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rescheduling_onto_another_session_is_refused_and_changes_nothing() {
    let w = paired_world().await;
    book(&w, MIA, MO, "tomorrow 15:00").await;
    book(&w, MIA, MO, "tomorrow 17:00").await;
    let text = say(&w, MIA, "reschedule", &[("session", "#2"), ("when", "tomorrow 15:30")]).await;
    assert!(text.contains("overlaps session #1"), "{text}");
    let text = say(&w, MIA, "sessions", &[]).await;
    assert!(text.contains("Sun 22 Nov 17:00"), "{text}");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancelling_tells_the_partner_and_a_cancelled_or_started_session_cannot_change() {
    let w = paired_world().await;
    book(&w, MIA, MO, "tomorrow 15:00").await;
    book(&w, MIA, MO, "mon 15:00").await;
    let text = say(&w, MIA, "cancel", &[("session", "#1"), ("reason", "Sick")]).await;
    assert!(text.contains("Cancelled session #1") && text.contains(&format!("<@{MO}> was told")), "{text}");
    let dm = w.sim.dms(MO).last().unwrap().clone();
    assert!(dm.text().contains("Session #1 cancelled") && dm.text().contains("Sick"), "{}", dm.text());
    assert!(dm.attachment_text("session-1.ics").unwrap().contains("STATUS:CANCELLED"));
    let text = say(&w, MIA, "cancel", &[("session", "s1")]).await;
    assert!(text.contains("cancelled already"), "{text}");
    // Monday 15:00 Berlin has started.
    w.clock.set(chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 23, 14, 10, 0).unwrap());
    let text = say(&w, MIA, "cancel", &[("session", "s2")]).await;
    assert!(text.contains("already started"), "{text}");
    let text = say(&w, MIA, "reschedule", &[("session", "s2"), ("when", "tue 15:00")]).await;
    assert!(text.contains("already started"), "{text}");
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_notice_that_discord_fails_is_retried_after_the_command_answered_and_arrives_once() {
    use discord_sim::{Fault, FaultKind, RouteMatch};
    let mut w = paired_world().await;
    let mo_dm = w.sim.dm_channel(MO).unwrap();
    w.sim.inject_fault(Fault::once(RouteMatch::CreateMessage { channel: Some(mo_dm) }, FaultKind::ServerError(503)));
    let text = book(&w, MIA, MO, "tomorrow 15:00").await;
    assert!(text.contains(&format!("My DM to <@{MO}> is on its way")), "{text}");
    w.advance(chrono::Duration::minutes(1)).await.unwrap();
    assert_eq!(w.sim.dms(MO).iter().filter(|m| m.text().contains("Session #1 booked")).count(), 1);

    // Mo's DMs fail six times in a row: the booker hears the DM will follow, and it does, once,
    // after backing off (30 s, 1, 2, 4, 8, 16 minutes).
    let route = RouteMatch::CreateMessage { channel: Some(mo_dm) };
    w.sim.inject_fault(Fault { route, kind: FaultKind::ServerError(500), times: 6 });
    let text = book(&w, MIA, MO, "tomorrow 17:00").await;
    assert!(text.contains(&format!("My DM to <@{MO}> is on its way")), "{text}");
    w.advance(chrono::Duration::minutes(20)).await.unwrap();
    assert_eq!(w.sim.dms(MO).iter().filter(|m| m.text().contains("Session #2 booked")).count(), 0);
    w.advance(chrono::Duration::hours(3)).await.unwrap();
    assert_eq!(w.sim.dms(MO).iter().filter(|m| m.text().contains("Session #2 booked")).count(), 1);
    assert_clean(&w);
    w.stop().await;
}
