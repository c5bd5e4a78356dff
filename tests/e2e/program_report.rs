//! `/program report` end to end: the chart (a PNG of the stated size), the numbers, the CSV of
//! the weekly aggregates against a known scenario, ratings hidden below five, pair health
//! without content, **Nudge both** and who may press it.

use crate::common::*;
use discord_sim::{Message, Reply};

const SECRET_GOAL: &str = "SECRET-GOAL-practise-interviews";
const SECRET_ACTION: &str = "SECRET-ACTION-update-cv";

fn follow_up(w: &World, user: u64, session: i64) -> Message {
    let id = format!("attend:met:{session}");
    w.sim.dms(user).into_iter().rev().find(|m| m.buttons().iter().any(|b| b.0 == id)).expect("a follow-up")
}

async fn press(w: &World, user: u64, message: &Message, button: &str) -> Reply {
    let r = w.sim.actor(user).in_dm().press(message, button).await.unwrap();
    // Private: an ephemeral answer, or the DM itself updated.
    assert!(r.is_ephemeral() || r.message().is_ok_and(|m| m.id == message.id), "{button}: {}", r.text());
    r
}

/// Says "We met" for `session` as `user` and rates it `rating`.
async fn met_and_rate(w: &World, user: u64, session: i64, rating: Option<u8>) {
    let r = press(w, user, &follow_up(w, user, session), &format!("attend:met:{session}")).await;
    if let Some(v) = rating {
        let m = r.message().unwrap().clone();
        press(w, user, &m, &format!("rate:{v}:{session}")).await;
    }
}

/// The report as Ada gets it: the first message (chart, files) and all text of its followups.
async fn report(w: &World) -> (Message, String) {
    let r = w.actor(ADA).slash("program report", &[]).await.unwrap();
    assert!(r.is_ephemeral());
    let text = full_text(w, &r, |t| t.contains("Pair health")).await;
    (r.message().unwrap().clone(), text)
}

fn attachment<'a>(m: &'a Message, name: &str) -> &'a [u8] {
    &m.attachments.iter().find(|a| a.filename == name).unwrap_or_else(|| panic!("no {name}")).bytes
}

/// Four sessions in the week of Monday 23 Nov (Berlin): three held (five ratings between them
/// once the last is given), one missed; one agenda on time; two action items.
async fn scenario() -> World {
    let mut w = paired_world().await;
    for day in 23..=26 {
        book_mia(&w, &format!("2026-11-{day} 10:00")).await;
    }
    write_agenda(&w, "s1", SECRET_GOAL, "interview practice").await;
    let add = |title: &'static str, deadline: &'static str| {
        let a = w.actor(MIA);
        async move {
            let r = a
                .slash(
                    "action add",
                    &[("title", title), ("owner", "me"), ("deadline", deadline), ("success", "Done and shown")],
                )
                .await
                .unwrap();
            assert!(r.text().contains("added"), "{}", r.text());
        }
    };
    add(SECRET_ACTION, "2026-11-24").await;
    add("second item", "2026-11-25").await;
    let r = w.actor(MIA).slash("action done", &[("item", "A1")]).await.unwrap();
    assert!(r.text().contains("done"), "{}", r.text());
    w.run_until(utc(2026, 11, 26, 12, 0)).await.unwrap();
    met_and_rate(&w, MIA, 1, Some(5)).await;
    met_and_rate(&w, MO, 1, Some(4)).await;
    met_and_rate(&w, MIA, 2, Some(3)).await;
    met_and_rate(&w, MO, 2, Some(4)).await;
    met_and_rate(&w, MIA, 3, None).await;
    press(&w, MIA, &follow_up(&w, MIA, 4), "attend:missed:4").await;
    w
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_report_has_a_png_of_the_stated_size_and_a_csv_equal_to_the_aggregates_of_a_known_scenario() {
    let w = scenario().await;
    let (first, text) = report(&w).await;

    let png_bytes = attachment(&first, "program-report.png");
    let decoder = png::Decoder::new(std::io::Cursor::new(png_bytes.to_vec()));
    let reader = decoder.read_info().expect("the chart is a PNG");
    assert_eq!((reader.info().width, reader.info().height), (mentor_bot::chart::WIDTH, mentor_bot::chart::HEIGHT));
    assert!(first.embeds[0]["image"]["url"].as_str() == Some("attachment://program-report.png"), "{:?}", first.embeds);

    let csv = String::from_utf8(attachment(&first, "program-weeks.csv").to_vec()).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 13, "{csv}");
    assert_eq!(
        lines[0],
        "week_start,sessions_held,sessions_missed,agendas_on_time,actions_done,actions_overdue,average_rating"
    );
    // A1 was done on Saturday 21 Nov (the week before); A2 was due Wednesday and is open.
    assert_eq!(lines[11], "2026-11-16,0,0,0,1,0,", "{csv}");
    assert_eq!(lines[12], "2026-11-23,3,1,1,0,1,", "4 ratings are too few to show: {csv}");
    assert!(lines[1..11].iter().all(|l| l.ends_with(",0,0,0,0,0,")), "{csv}");
    // The numbers beside the chart say the same.
    assert!(text.contains("23 Nov      3      1      1    0       1      –"), "{text}");

    // The fifth rating: the week's average shows, rounded, and still no single rating does.
    met_and_rate(&w, MO, 3, Some(4)).await;
    let (first, _) = report(&w).await;
    let csv = String::from_utf8(attachment(&first, "program-weeks.csv").to_vec()).unwrap();
    assert_eq!(csv.lines().nth(12), Some("2026-11-23,3,1,1,0,1,4.0"), "{csv}");
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pair_health_shows_counts_and_dates_but_no_content() {
    let w = scenario().await;
    let (first, text) = report(&w).await;
    let pairs = String::from_utf8(attachment(&first, "pair-health.csv").to_vec()).unwrap();
    let row = pairs.lines().nth(1).expect("one pair");
    assert!(row.starts_with("Mo,Mia,2026-11-21T09:00Z,2026-11-25T09:00Z,,3,1,1,1,1,no"), "{pairs}");
    assert!(text.contains("held 3 · missed 1 · agendas on time 1 · actions open 1 (overdue 1)"), "{text}");
    let everything = format!("{text}\n{pairs}\n{}", String::from_utf8_lossy(attachment(&first, "program-weeks.csv")));
    for secret in [SECRET_GOAL, SECRET_ACTION, "interview practice", "second item"] {
        assert!(!everything.contains(secret), "{secret} leaked into the report");
    }
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nudge_both_dms_both_without_naming_the_asker_and_only_admins_may_press_it() {
    let mut w = paired_world().await;
    w.advance(chrono::Duration::days(22)).await.unwrap();
    let r = w.actor(ADA).slash("program report", &[]).await.unwrap();
    let text = full_text(&w, &r, |t| t.contains("Stale pairs")).await;
    assert!(text.contains("⚠️ stale"), "{text}");
    let nudge = w
        .sim
        .followups(r.interaction_id)
        .into_iter()
        .find(|m| m.buttons().iter().any(|b| b.0.starts_with("nudge:")))
        .expect("a Nudge both button");
    let (id, label) = nudge.buttons()[0].clone();
    assert_eq!(label, "Nudge both: Mo & Mia");

    // Someone who is not an admin gets nowhere, even with a forged press.
    let refused = w.actor(OTTO).slash("program report", &[]).await.unwrap();
    assert!(refused.text().contains("Only program admins"), "{}", refused.text());
    let (mia_dms, mo_dms) = (dm_count(&w, MIA), dm_count(&w, MO));
    let forged = w.actor(OTTO).press_forged(refused.message().unwrap(), &id).await.unwrap();
    assert!(forged.text().contains("Only program admins"), "{}", forged.text());
    w.advance(chrono::Duration::minutes(1)).await.unwrap();
    assert_eq!((dm_count(&w, MIA), dm_count(&w, MO)), (mia_dms, mo_dms), "a refused press sends nothing");

    let pressed = w.actor(ADA).press(&nudge, &id).await.unwrap();
    let answer = full_text(&w, &pressed, |t| t.contains("Nudged")).await;
    assert!(answer.contains("Nudged"), "{answer}");
    for (user, partner) in [(MIA, MO), (MO, MIA)] {
        let dm = dm_containing(&w, user, "Time for your next mentoring session").await;
        let t = dm.text();
        assert!(t.contains(&format!("<@{partner}>")), "{t}");
        assert!(!t.contains("Ada") && !t.contains(&ADA.to_string()) && !t.contains("admin"), "names the asker: {t}");
    }
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_weekly_digest_dms_subscribed_admins_and_its_nudge_works_only_while_they_are_subscribed() {
    let mut w = paired_world().await;
    let refused = say(&w, OTTO, "program digest", &[("state", "on")]).await;
    assert!(refused.contains("Only program admins"), "{refused}");
    let on = say(&w, ADA, "program digest", &[("state", "on")]).await;
    assert!(on.contains("Mondays 09:00 (Europe/Berlin)"), "{on}");

    // Mondays 23 Nov to 14 Dec, 09:00 in Berlin; by the last the pair has not met for 23 days.
    w.run_until(utc(2026, 12, 14, 8, 30)).await.unwrap();
    let digests: Vec<Message> =
        w.sim.dms(ADA).into_iter().filter(|m| m.text().contains("Weekly program digest")).collect();
    assert_eq!(digests.len(), 4, "{digests:#?}");
    assert!(digests.iter().all(|d| d.timestamp.format("%a %H:%M").to_string() == "Mon 08:00"));
    assert!(digests[0].buttons().is_empty(), "a pair formed two days before is not stale");
    let last = digests.last().unwrap();
    assert!(last.text().contains("1 active pair(s), 1 without a held session lately"), "{}", last.text());
    let (id, label) = last.buttons()[0].clone();
    assert_eq!(label, "Nudge both: Mo & Mia");

    let r = w.sim.actor(ADA).in_dm().press(last, &id).await.unwrap();
    assert!(full_text(&w, &r, |t| t.contains("Nudged")).await.contains("Nudged"));
    dm_containing(&w, MIA, "Time for your next mentoring session").await;
    dm_containing(&w, MO, "Time for your next mentoring session").await;

    // Unsubscribed: no more digests, and the old button no longer works for her.
    say(&w, ADA, "program digest", &[("state", "off")]).await;
    w.advance(chrono::Duration::days(8)).await.unwrap();
    let count = w.sim.dms(ADA).iter().filter(|m| m.text().contains("Weekly program digest")).count();
    assert_eq!(count, 4);
    let r = w.sim.actor(ADA).in_dm().press(last, &id).await.unwrap();
    let text = full_text(&w, &r, |t| t.contains("admins")).await;
    assert!(text.contains("Only program admins"), "{text}");
    assert_clean(&w);
    w.stop().await;
}
