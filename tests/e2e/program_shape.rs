//! A program with a shape: the cohort timeline (midpoint and final review prompts at each
//! person's local time, late-formed pairs, the reminder after a week, opt-in quarterly
//! check-ins), the session outline in requests and forms, pre-work, and goal milestones.

use crate::common::*;

/// The DMs of `user` whose text contains `needle`.
fn dms_with(w: &World, user: u64, needle: &str) -> Vec<discord_sim::Message> {
    w.sim.dms(user).into_iter().filter(|m| m.text().contains(needle)).collect()
}

async fn setup_dates(w: &World, starts: &str, length: &str) -> String {
    say(
        w,
        ADA,
        "program setup",
        &[("channel", &MENTORING.to_string()), ("timezone", "Europe/Berlin"), ("starts", starts), ("length", length)],
    )
    .await
}

async fn pending_kind(w: &World, kind: &str) -> Vec<(u64, chrono::DateTime<chrono::Utc>)> {
    let jobs = w.store.pending_jobs(mentor_bot::domain::ids::GuildId(GUILD)).await.unwrap();
    jobs.into_iter().filter(|j| j.kind.as_str() == kind).map(|j| (j.recipient.map_or(0, |r| r.0), j.due_at)).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_midpoint_prompt_reaches_both_at_ten_local_and_only_who_has_not_reviewed_is_reminded_a_week_later() {
    let mut w = paired_world().await;
    let text = setup_dates(&w, "2026-11-23", "12").await;
    assert!(
        text.contains("Mon 23 Nov 2026 – Sun 14 Feb 2027 (12 weeks)") && text.contains("starts in 2 days"),
        "{text}"
    );
    w.actor(MIA)
        .slash(
            "goal add",
            &[("title", "Ship a Rust CLI"), ("why", "To own a tool end to end"), ("measure", "Published on crates.io")],
        )
        .await
        .unwrap();
    w.run_until(utc(2027, 1, 3, 16, 0)).await.unwrap();
    // Halfway from Mon 23 Nov to Sun 14 Feb: Sun 3 Jan, 10:00 in Berlin (CET) and in New York (EST).
    let mia = dms_with(&w, MIA, "Midpoint review");
    let mo = dms_with(&w, MO, "Midpoint review");
    assert_eq!((mia.len(), mo.len()), (1, 1));
    assert_eq!(mia[0].timestamp, utc(2027, 1, 3, 9, 0));
    assert_eq!(mo[0].timestamp, utc(2027, 1, 3, 15, 0));
    assert!(mia[0].text().contains("<@800000000000000002>"), "names the partner: {}", mia[0].text());
    let start = mia[0].button_id("Start midpoint review").unwrap();
    let r = w.actor(MIA).in_dm().press(&mia[0], &start).await.unwrap();
    let modal = r.modal().unwrap().clone();
    assert!(modal.title.contains("Midpoint review 1/1"), "{}", modal.title);
    let r = w.actor(MIA).in_dm().submit(&modal, &[("first", "50"), ("second", "First release")]).await.unwrap();
    assert!(r.text().contains("50%"), "{}", r.text());
    // Someone else pressing Mia's button gets nowhere.
    let post = w.sim.channel_messages(MENTORING).pop().expect("a weekly post Otto can see");
    let r = w.actor(OTTO).press_forged(&post, &start).await.unwrap();
    assert!(r.text().contains("I don't know that mentoring pair"), "{}", r.text());
    w.run_until(utc(2027, 1, 10, 16, 0)).await.unwrap();
    assert!(dms_with(&w, MIA, "still open").is_empty(), "Mia did her review");
    let reminder = dms_with(&w, MO, "midpoint review is still open");
    assert_eq!(reminder.len(), 1);
    assert_eq!(reminder[0].timestamp, utc(2027, 1, 10, 15, 0));
    let status = say(&w, ADA, "program status", &[]).await;
    assert!(status.contains("week 7 of 12"), "{status}");
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_final_review_takes_two_steps_and_a_pair_that_opts_in_gets_quarterly_check_ins() {
    let mut w = paired_world().await;
    setup_dates(&w, "2026-11-23", "4").await;
    w.actor(MIA)
        .slash(
            "goal add",
            &[("title", "Ship a Rust CLI"), ("why", "To own a tool end to end"), ("measure", "Published on crates.io")],
        )
        .await
        .unwrap();
    w.run_until(utc(2026, 12, 13, 16, 0)).await.unwrap();
    let mia = dms_with(&w, MIA, "End-of-Program Reflection");
    assert_eq!(mia.len(), 1);
    assert_eq!(mia[0].timestamp, utc(2026, 12, 13, 9, 0), "a week before Sun 20 Dec, 10:00 Berlin");
    assert!(mia[0].text().contains("Sun 20 Dec 2026"), "{}", mia[0].text());
    // Step 1: one form per goal (achieved, learnings, next steps); step 2: the reflection.
    let start = mia[0].button_id("Start final review").unwrap();
    let r = w.actor(MIA).in_dm().press(&mia[0], &start).await.unwrap();
    let modal = r.modal().unwrap().clone();
    assert_eq!(modal.fields.len(), 3);
    let r = w
        .actor(MIA)
        .in_dm()
        .submit(&modal, &[("first", "yes"), ("second", "Ship small"), ("third", "Write a blog post")])
        .await
        .unwrap();
    let answer = r.message().unwrap().clone();
    assert!(answer.text().contains("Step 2"), "{}", answer.text());
    let reflect = answer.button_id("Step 2: Reflection").unwrap();
    let r = w.actor(MIA).in_dm().press(&answer, &reflect).await.unwrap();
    let modal = r.modal().unwrap().clone();
    let labels: Vec<&str> = modal.fields.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(
        labels,
        ["What changed most for you?", "Which skills improved?", "What should continue after the program?"]
    );
    let r = w.actor(MIA).in_dm().submit(&modal, &[("changed_most", "Confidence"), ("skills", "Rust")]).await.unwrap();
    assert!(r.text().contains("Reflection is saved"), "{}", r.text());
    for user in [MIA, MO] {
        let list = say(&w, user, "goal list", &[]).await;
        assert!(
            list.contains("End-of-Program Reflection") && list.contains("**What changed most:** Confidence"),
            "{list}"
        );
    }
    // Mo opts the pair into check-ins.
    let mo = dms_with(&w, MO, "End-of-Program Reflection");
    let opt = mo[0].button_id("Quarterly check-ins").unwrap();
    let r = w.actor(MO).in_dm().press(&mo[0], &opt).await.unwrap();
    assert!(r.text().contains("the first on Sat 20 Mar 2027"), "{}", r.text());
    let r = w.actor(MIA).in_dm().press(&mia[0], &mia[0].button_id("Quarterly check-ins").unwrap()).await.unwrap();
    assert!(r.text().contains("already"), "{}", r.text());
    w.run_until(utc(2026, 12, 21, 0, 0)).await.unwrap();
    assert!(dms_with(&w, MIA, "Reflection is still open").is_empty(), "Mia did both steps");
    assert_eq!(dms_with(&w, MIA, "midpoint review is still open").len(), 1, "but not the midpoint review");
    assert_eq!(dms_with(&w, MO, "Reflection is still open").len(), 1, "Mo did not");
    w.run_until(utc(2027, 3, 21, 0, 0)).await.unwrap();
    let (mia_check, mo_check) =
        (dms_with(&w, MIA, "Quarterly check-in (1 of 4)"), dms_with(&w, MO, "Quarterly check-in (1 of 4)"));
    assert_eq!((mia_check.len(), mo_check.len()), (1, 1));
    assert_eq!(mia_check[0].timestamp, utc(2027, 3, 20, 9, 0), "10:00 Berlin (CET)");
    assert_eq!(mo_check[0].timestamp, utc(2027, 3, 20, 14, 0), "10:00 New York (EDT)");
    assert!(mia_check[0].text().contains("How are your goals going") && mia_check[0].text().contains("/book"));
    assert_eq!(pending_kind(&w, "check_in").await.len(), 6, "three more quarters for each");
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pair_formed_late_gets_its_midpoint_halfway_through_its_own_time_and_pairs_without_opt_in_get_no_check_ins() {
    let mut w = world().await;
    setup_program(&w).await;
    setup_dates(&w, "2026-11-23", "12").await;
    join(&w, MO, "mentor", Some("America/New_York")).await;
    join(&w, MIA, "mentee", None).await;
    w.set_time(utc(2026, 12, 21, 10, 0)).await.unwrap();
    let r = w.actor(ADA).slash("pair", &[("mentor", &MO.to_string()), ("mentee", &MIA.to_string())]).await.unwrap();
    assert!(r.text().contains("Paired"), "{}", r.text());
    // From Mon 21 Dec to Sun 14 Feb, halfway is Sun 17 Jan (not the cohort's 3 Jan).
    let prompts = pending_kind(&w, "review_prompt").await;
    assert!(prompts.contains(&(MIA, utc(2027, 1, 17, 9, 0))), "{prompts:?}");
    assert!(prompts.contains(&(MIA, utc(2027, 2, 7, 9, 0))), "final a week before the end: {prompts:?}");
    w.run_until(utc(2027, 1, 17, 12, 0)).await.unwrap();
    let mia = dms_with(&w, MIA, "Midpoint review");
    assert_eq!(mia.len(), 1);
    assert_eq!(mia[0].timestamp, utc(2027, 1, 17, 9, 0));
    // Without goals the midpoint form has nothing to review: a clear answer.
    let r = w.actor(MIA).in_dm().press(&mia[0], &mia[0].button_id("Start midpoint review").unwrap()).await.unwrap();
    assert!(r.text().contains("no goals for a midpoint review"), "{}", r.text());
    // Nobody opted in: nothing is planned after the end.
    w.run_until(utc(2027, 2, 15, 12, 0)).await.unwrap();
    assert!(pending_kind(&w, "check_in").await.is_empty());
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_timeline_is_refused_and_changes_nothing() {
    let w = world().await;
    setup_program(&w).await;
    let cases = [
        (vec![("starts", "2026-13-01"), ("length", "4")], "is not a date for `starts`"),
        (vec![("starts", "2027-02-01"), ("ends", "2027-01-01")], "must end after it starts"),
        (vec![("starts", "2027-01-01"), ("ends", "2027-02-01"), ("length", "4")], "either `ends` or `length`"),
        (vec![("ends", "2027-02-01")], "Give `starts` too"),
        (vec![("starts", "2027-01-01"), ("length", "200")], "whole number of weeks"),
    ];
    for (options, error) in cases {
        let mut all = vec![("channel", MENTORING.to_string()), ("timezone", "Europe/Berlin".to_owned())];
        all.extend(options.into_iter().map(|(k, v)| (k, v.to_owned())));
        let all: Vec<(&str, &str)> = all.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let text = say(&w, ADA, "program setup", &all).await;
        assert!(text.contains(error), "{error}: {text}");
    }
    let status = say(&w, ADA, "program status", &[]).await;
    assert!(status.contains("No dates yet"), "{status}");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_outline_shapes_the_agenda_request_the_form_and_the_prep_note_and_admins_replace_it() {
    let mut w = paired_world().await;
    let text = say(&w, MIA, "program outline", &[]).await;
    assert!(
        text.contains("(the default)")
            && text.contains("**1. Introductions and goals**")
            && text.contains("**5+. Repeat"),
        "{text}"
    );
    let s1 = book_mia(&w, "wed 15:00").await;
    w.run_until(utc(2026, 11, 25, 14, 30)).await.unwrap();
    let request = dm_containing(&w, MIA, "Agenda time").await;
    assert!(request.text().contains("Focus of session 1 · Introductions and goals"), "{}", request.text());
    assert!(request.text().contains("expect of your mentor"), "{}", request.text());
    let prep = dm_containing(&w, MO, "Prep · session #1").await;
    assert!(prep.text().contains("Focus of session 1 · Introductions and goals"), "{}", prep.text());
    // Admins only, and a bad outline changes nothing.
    let text = say(&w, MIA, "program outline", &[("replace", "true")]).await;
    assert!(text.contains("Only program admins"), "{text}");
    let form = || async {
        let r = w.actor(ADA).slash("program outline", &[("replace", "true")]).await.unwrap();
        r.modal().unwrap().clone()
    };
    let modal = form().await;
    assert!(modal.fields[0].value.as_deref().unwrap_or_default().starts_with("Introductions and goals: "));
    let r = w.actor(ADA).submit(&modal, &[("outline", "Kick-off: Who are we?\njust a line")]).await.unwrap();
    assert!(r.text().contains("Line 2 has no `:`"), "{}", r.text());
    let r =
        w.actor(ADA).submit(&form().await, &[("outline", &format!("Kick-off: {}", "x".repeat(301)))]).await.unwrap();
    assert!(r.text().contains("keep it within 300"), "{}", r.text());
    assert!(say(&w, MIA, "program outline", &[]).await.contains("(the default)"));
    let modal = form().await;
    let r = w
        .actor(ADA)
        .submit(&modal, &[("outline", "Kick-off: Who are we, and what do we want from these months together? Bring your goals and your questions.\nDeep dive: One topic in depth")])
        .await
        .unwrap();
    assert!(r.text().contains("Outline saved") && r.text().contains("**2+. Deep dive**"), "{}", r.text());
    // The replaced outline: session 2 and later take step 2, the form's placeholder fits 100 characters.
    let s2 = book_mia(&w, "fri 15:00").await;
    let r = w.actor(MIA).slash("agenda edit", &[("session", &s2)]).await.unwrap();
    let goal = &r.modal().unwrap().fields[0];
    assert_eq!(goal.placeholder.as_deref(), Some("Deep dive: One topic in depth"));
    let _ = s1;
    let s3 = book_mia(&w, "2026-12-02 15:00").await;
    let r = w.actor(MIA).slash("agenda edit", &[("session", &s3)]).await.unwrap();
    assert_eq!(
        r.modal().unwrap().fields[0].placeholder.as_deref(),
        Some("Deep dive: One topic in depth"),
        "step 2 repeats"
    );
    w.set_time(utc(2026, 11, 26, 8, 0)).await.unwrap();
    w.run_until(utc(2026, 11, 27, 14, 30)).await.unwrap();
    let request = dms_with(&w, MIA, "Agenda time · session #2");
    assert!(request[0].text().contains("Focus of session 2 · Deep dive"), "{}", request[0].text());
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_mentees_background_reaches_the_mentor_and_is_shown_to_the_pair_only() {
    let w = paired_world().await;
    let paired = dm_containing(&w, MIA, "new mentoring partner").await;
    assert!(paired.text().contains("Before your first session"), "{}", paired.text());
    let share = paired.button_id("Share background").unwrap();
    // The mentor cannot use it.
    let mo_paired = dm_containing(&w, MO, "new mentoring partner").await;
    assert!(mo_paired.button_id("Share background").is_err(), "only the mentee's DM has it");
    let r = w.actor(MO).in_dm().press_forged(&mo_paired, &share).await.unwrap();
    assert!(r.text().contains("The mentee shares their background"), "{}", r.text());
    let r = w.actor(MIA).in_dm().press(&paired, &share).await.unwrap();
    let modal = r.modal().unwrap().clone();
    assert_eq!(modal.fields.len(), 5);
    let r = w.actor(MIA).in_dm().submit(&modal, &[("current_role", " "), ("wants", "x")]).await.unwrap();
    assert!(r.text().contains("Current role is empty"), "{}", r.text());
    assert_eq!(count(&w, "backgrounds").await, 0);
    let r = w.actor(MIA).in_dm().press(&paired, &share).await.unwrap();
    let modal = r.modal().unwrap().clone();
    let r = w
        .actor(MIA)
        .in_dm()
        .submit(
            &modal,
            &[
                ("current_role", "Junior backend developer"),
                ("wants", "Grow into a senior role"),
                ("links", "https://example.com/cv.pdf"),
                ("communication", "Video calls"),
                ("frequency", "Every two weeks"),
            ],
        )
        .await
        .unwrap();
    assert!(r.text().contains("Background shared") && r.text().contains("Your mentor got it by DM"), "{}", r.text());
    let dm = dm_containing(&w, MO, "Your mentee's background").await;
    assert!(dm.text().contains("Junior backend developer") && dm.text().contains("cv.pdf"), "{}", dm.text());
    for user in [MIA, MO] {
        let text = say(&w, user, "profile", &[]).await;
        assert!(text.contains("Junior backend developer"), "{text}");
    }
    join(&w, OTTO, "mentee", None).await;
    let text = say(&w, OTTO, "profile", &[]).await;
    assert!(!text.contains("Junior backend developer"), "{text}");
    let s = book_mia(&w, "wed 15:00").await;
    let r = w.actor(MO).slash("session summary", &[("session", &s)]).await.unwrap();
    assert!(r.text().contains("Mentee's background") && r.text().contains("Every two weeks"), "{}", r.text());
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_milestone_is_reminded_like_an_action_item_and_counts_into_the_goals_progress_when_done() {
    let mut w = paired_world().await;
    w.actor(MIA)
        .slash(
            "goal add",
            &[("title", "Ship a Rust CLI"), ("why", "To own a tool end to end"), ("measure", "Published on crates.io")],
        )
        .await
        .unwrap();
    let text = say(&w, MIA, "goal milestone", &[("goal", "g1"), ("title", "First draft"), ("due", "2026-11-25")]).await;
    assert!(text.contains("M1 \"First draft\" added"), "{text}");
    let text = say(&w, MO, "goal milestone", &[("goal", "g1"), ("title", "Published"), ("due", "2026-11-28")]).await;
    assert!(text.contains("M2"), "{text}");
    let text = say(&w, MIA, "goal milestone", &[("goal", "g1"), ("title", "Bad"), ("due", "someday")]).await;
    assert!(!text.contains("added"), "{text}");
    assert_eq!(count(&w, "milestones").await, 2);
    let choices = w.actor(MIA).autocomplete("goal milestone_done", &[("milestone", "")], "milestone").await.unwrap();
    assert_eq!(choices.len(), 2);
    w.run_until(utc(2026, 11, 25, 12, 0)).await.unwrap();
    // Due Wed 25 Nov 23:59 Berlin; 24 hours before is inside quiet hours: 20:59 the evening before.
    let reminder = dm_containing(&w, MIA, "A milestone is due soon").await;
    assert_eq!(reminder.timestamp, utc(2026, 11, 24, 19, 59));
    assert!(reminder.text().contains("M1 · First draft"), "{}", reminder.text());
    let r = w.actor(MIA).in_dm().press(&reminder, &reminder.button_id("M1 done").unwrap()).await.unwrap();
    assert!(r.text().contains("M1 \"First draft\" is done") && r.text().contains("50%"), "{}", r.text());
    let r = w.actor(MIA).in_dm().press(&reminder, &reminder.button_id("M1 done").unwrap()).await.unwrap();
    assert!(r.text().contains("M1 is done already"), "{}", r.text());
    let post = w.sim.channel_messages(MENTORING).pop().expect("a weekly post Otto can see");
    let r = w.actor(OTTO).press_forged(&post, &reminder.button_id("M1 done").unwrap()).await.unwrap();
    assert!(r.text().contains("I don't know that milestone"), "{}", r.text());
    let text = say(&w, MO, "goal milestone_done", &[("milestone", "M2")]).await;
    assert!(text.contains("100%"), "{text}");
    let list = say(&w, MIA, "goal list", &[]).await;
    assert!(list.contains("M1 · First draft · ✅ done") && list.contains("Milestone M2 done: Published"), "{list}");
    w.run_until(utc(2026, 11, 30, 0, 0)).await.unwrap();
    assert!(dms_with(&w, MIA, "overdue").is_empty(), "done milestones are not reminded");
    assert_clean(&w);
    w.stop().await;
}
