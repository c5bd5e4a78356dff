//! `/pair` and `/unpair`.

use crate::common::*;

fn pair_opts(mentor: u64, mentee: u64) -> [(&'static str, String); 2] {
    [("mentor", mentor.to_string()), ("mentee", mentee.to_string())]
}

async fn pair(w: &World, by: u64, mentor: u64, mentee: u64) -> String {
    let o = pair_opts(mentor, mentee);
    say(w, by, "pair", &[(o[0].0, &o[0].1), (o[1].0, &o[1].1)]).await
}

async fn unpair(w: &World, by: u64, mentor: u64, mentee: u64) -> String {
    let o = pair_opts(mentor, mentee);
    confirmed(w, by, "unpair", &[(o[0].0, &o[0].1), (o[1].0, &o[1].1)]).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pairing_tells_both_people_by_dm() {
    let w = paired_world().await;
    assert!(w.sim.dms(MO)[0].text().contains(&format!("paired with <@{MIA}>, your mentee")));
    assert!(w.sim.dms(MIA)[0].text().contains(&format!("paired with <@{MO}>, your mentor")));
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_admins_can_pair_and_unpair() {
    let w = paired_world().await;
    join(&w, LEO, "mentor", None).await;
    assert!(pair(&w, MIA, LEO, MIA).await.contains("Only program admins"));
    assert!(unpair(&w, MO, MO, MIA).await.contains("Only program admins"));
    assert!(say(&w, MO, "profile", &[]).await.contains("your mentee"));
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pairing_checks_who_joined_and_in_which_role() {
    let w = world().await;
    setup_program(&w).await;
    join(&w, MO, "mentor", None).await;
    join(&w, MIA, "mentee", None).await;
    let text = pair(&w, ADA, MO, OTTO).await;
    assert!(text.contains("Otto has not joined") && text.contains("/join role:mentee"), "{text}");
    let text = pair(&w, ADA, MIA, MO).await;
    assert!(text.contains("Mia joined as a mentee, not as a mentor"), "{text}");
    let text = pair(&w, ADA, MO, MO).await;
    assert!(text.contains("two different people"), "{text}");
    assert!(pair(&w, ADA, MO, MIA).await.contains("Paired"));
    let text = pair(&w, ADA, MO, MIA).await;
    assert!(text.contains("already paired"), "{text}");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_admin_is_told_when_a_partner_cannot_receive_dms() {
    let w = world().await;
    setup_program(&w).await;
    join(&w, MO, "mentor", None).await;
    join(&w, DANA, "mentee", None).await;
    let text = pair(&w, ADA, MO, DANA).await;
    assert!(text.contains("Paired"), "{text}");
    assert!(
        text.contains(&format!("could not DM <@{DANA}>")) && text.contains("don't accept direct messages"),
        "{text}"
    );
    assert_eq!(dm_count(&w, MO), 1);
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unpairing_cancels_upcoming_sessions_and_tells_both() {
    let w = paired_world().await;
    book(&w, MIA, MO, "tomorrow 15:00").await;
    let text = unpair(&w, ADA, MO, MIA).await;
    assert!(text.contains("1 upcoming session(s) cancelled"), "{text}");
    assert!(w.sim.dms(MIA).last().unwrap().text().contains("a program admin ended it"));
    assert!(w.sim.dms(MO).last().unwrap().text().contains("Pairing ended"));
    let text = book(&w, MIA, MO, "tomorrow 17:00").await;
    assert!(text.contains("Your pairing with Mo has ended"), "{text}");
    let text = unpair(&w, ADA, MO, MIA).await;
    assert!(text.contains("Mo and Mia are not paired"), "{text}");
    assert_clean(&w);
    w.stop().await;
}
