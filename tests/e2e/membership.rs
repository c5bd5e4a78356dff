//! `/join`, `/leave`, `/timezone`, `/profile`.

use crate::common::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn joining_uses_the_programs_zone_unless_one_is_given() {
    let w = world().await;
    setup_program(&w).await;
    let text = join(&w, MIA, "mentee", None).await.text();
    assert!(text.contains("as a **mentee**") && text.contains("**Europe/Berlin**"), "{text}");
    let text = join(&w, MO, "mentor", Some("America/New_York")).await.text();
    assert!(text.contains("as a **mentor**") && text.contains("**America/New_York**"), "{text}");
    let text = join(&w, MIA, "mentee", None).await.text();
    assert!(text.contains("already in the program as a mentee"), "{text}");
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn joining_with_an_unknown_zone_changes_nothing() {
    let w = world().await;
    setup_program(&w).await;
    let text = join(&w, MIA, "mentee", Some("Berlin/Europe")).await.text();
    assert!(text.contains("`Berlin/Europe` is not a time zone"), "{text}");
    let text = say(&w, MIA, "profile", &[]).await;
    assert!(text.contains("not in this server's mentoring program"), "{text}");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn switching_roles_while_paired_is_refused() {
    let w = paired_world().await;
    let text = join(&w, MIA, "mentor", None).await.text();
    assert!(text.contains("paired as a mentee") && text.contains("/unpair"), "{text}");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_timezone_option_autocompletes_real_zone_names() {
    let w = world().await;
    let choices = w.actor(MIA).autocomplete("timezone", &[("zone", "berl")], "zone").await.unwrap();
    assert_eq!(choices.first().map(|c| c.1.as_str()), Some("Europe/Berlin"));
    let choices = w.actor(MIA).autocomplete("timezone", &[("zone", "new y")], "zone").await.unwrap();
    assert!(choices.iter().any(|c| c.1 == "America/New_York"), "{choices:?}");
    assert!(w.actor(MIA).autocomplete("timezone", &[("zone", "")], "zone").await.unwrap().len() <= 25);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_sets_a_zone_and_sees_it_in_the_profile() {
    let w = paired_world().await;
    let text = say(&w, MIA, "timezone", &[("zone", "Asia/Kolkata")]).await;
    assert!(text.contains("**Asia/Kolkata**") && text.contains("Sat 21 Nov 14:30"), "{text}");
    let text = say(&w, MIA, "profile", &[]).await;
    assert!(
        text.contains("mentee") && text.contains("Asia/Kolkata") && text.contains(&format!("<@{MO}> (your mentor)")),
        "{text}"
    );
    let text = say(&w, MO, "profile", &[]).await;
    assert!(text.contains(&format!("<@{MIA}> (your mentee)")), "{text}");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_zone_or_a_non_member_gets_a_clear_error() {
    let w = world().await;
    setup_program(&w).await;
    let text = say(&w, OTTO, "timezone", &[("zone", "Europe/Berlin")]).await;
    assert!(text.contains("/join role:mentee"), "{text}");
    join(&w, OTTO, "mentee", None).await;
    let text = say(&w, OTTO, "timezone", &[("zone", "Nowhere")]).await;
    assert!(text.contains("`Nowhere` is not a time zone"), "{text}");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leaving_ends_pairings_cancels_upcoming_sessions_and_tells_the_partner() {
    let w = paired_world().await;
    book(&w, MIA, MO, "tomorrow 15:00").await;
    let text = confirmed(&w, MIA, "leave", &[]).await;
    assert!(text.contains("Ended pairings: 1; cancelled upcoming sessions: 1"), "{text}");
    let dm = w.sim.dms(MO).last().unwrap().text();
    assert!(dm.contains("Pairing ended") && dm.contains("left the mentoring program"), "{dm}");
    let text = say(&w, MO, "sessions", &[]).await;
    assert!(text.contains("cancelled"), "{text}");
    let text = say(&w, MIA, "profile", &[]).await;
    assert!(text.contains("/join"), "{text}");
    let text = join(&w, MIA, "mentee", None).await.text();
    assert!(text.contains("Welcome back"), "{text}");
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leaving_without_having_joined_says_how_to_join() {
    let w = world().await;
    setup_program(&w).await;
    let text = confirmed(&w, OTTO, "leave", &[]).await;
    assert!(text.contains("/join"), "{text}");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hostile_zone_is_quoted_as_a_short_defused_excerpt() {
    let w = world().await;
    setup_program(&w).await;
    join(&w, OTTO, "mentee", None).await;
    let text = say(&w, OTTO, "timezone", &[("zone", &hostile(64))]).await;
    assert!(text.contains("is not a time zone I know"), "{text}");
    assert_quoted_safely(&text);
    assert_clean(&w);
    w.stop().await;
}
