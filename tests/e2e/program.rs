//! `/program setup`, `/help`, registration, permissions, guild isolation and error handling.

use crate::common::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_bot_registers_every_command_with_descriptions() {
    let w = world().await;
    let commands = w.sim.commands();
    let names: Vec<&str> = commands.iter().filter_map(|c| c["name"].as_str()).collect();
    for expected in [
        "program",
        "join",
        "leave",
        "timezone",
        "profile",
        "pair",
        "unpair",
        "book",
        "sessions",
        "reschedule",
        "cancel",
        "availability",
        "help",
    ] {
        assert!(names.contains(&expected), "{expected} missing from {names:?}");
    }
    for c in &commands {
        // Discord wants a description on slash commands and none on context-menu commands.
        let described = !c["description"].as_str().unwrap_or_default().is_empty();
        assert_eq!(described, c["type"] == 1, "{c}");
    }
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_starts_and_then_updates_the_program() {
    let w = world().await;
    setup_program(&w).await;
    let text =
        say(&w, ADA, "program setup", &[("channel", &GENERAL.to_string()), ("timezone", "America/New_York")]).await;
    assert!(text.contains("Updated") && text.contains("America/New_York"), "{text}");
    let program = w.store.program(mentor_bot::domain::ids::GuildId(GUILD)).await.unwrap().unwrap();
    assert_eq!(program.zone, chrono_tz::America::New_York);
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_without_manage_server_cannot_set_up_the_program() {
    let w = world().await;
    let text =
        say(&w, OTTO, "program setup", &[("channel", &MENTORING.to_string()), ("timezone", "Europe/Berlin")]).await;
    assert!(text.contains("Only program admins"), "{text}");
    assert!(w.store.program(mentor_bot::domain::ids::GuildId(GUILD)).await.unwrap().is_none());
    let text = say(&w, OTTO, "join", &[("role", "mentee")]).await;
    assert!(text.contains("no mentoring program yet") && text.contains("/program setup"), "{text}");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_configured_admin_role_counts_as_admin() {
    let w = world().await;
    let text =
        say(&w, CORA, "program setup", &[("channel", &MENTORING.to_string()), ("timezone", "Europe/Berlin")]).await;
    assert!(text.contains("Started"), "{text}");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_time_zone_is_refused_by_name() {
    let w = world().await;
    let text =
        say(&w, ADA, "program setup", &[("channel", &MENTORING.to_string()), ("timezone", "Mars/Olympus")]).await;
    assert!(text.contains("`Mars/Olympus` is not a time zone"), "{text}");
    assert!(w.store.program(mentor_bot::domain::ids::GuildId(GUILD)).await.unwrap().is_none());
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn programs_are_per_guild_and_nothing_crosses_guilds() {
    let w = paired_world().await;
    book(&w, MIA, MO, "tomorrow 15:00").await;
    // Mia is in the other server too, but not in its program.
    let other = w.sim.actor(MIA).in_guild(OTHER_GUILD).in_channel(OTHER_CHANNEL);
    let text = other.slash("sessions", &[]).await.unwrap().text();
    assert!(text.contains("no mentoring program yet"), "{text}");
    let r = w
        .sim
        .actor(ADA)
        .in_guild(OTHER_GUILD)
        .in_channel(OTHER_CHANNEL)
        .slash("program setup", &[("channel", &OTHER_CHANNEL.to_string()), ("timezone", "Asia/Tokyo")])
        .await
        .unwrap();
    // Ada is no admin there.
    assert!(r.text().contains("Only program admins"), "{}", r.text());
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn help_explains_the_commands_for_every_role() {
    let w = world().await;
    let text = say(&w, OTTO, "help", &[]).await;
    for needle in [
        "/join",
        "/book",
        "/sessions",
        "/reschedule",
        "/cancel",
        "/program setup",
        "/pair",
        "/program nudges",
        "/program status",
        "Admins",
    ] {
        assert!(text.contains(needle), "{needle} missing: {text}");
    }
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unexpected_failure_is_answered_with_an_apology_and_an_error_id() {
    let w = world().await;
    setup_program(&w).await;
    w.store.close().await;
    let text = say(&w, OTTO, "profile", &[]).await;
    assert!(text.contains("Sorry, something went wrong") && text.contains("error id `"), "{text}");
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_gateway_reconnect_the_bot_resumes_and_still_answers() {
    let w = world().await;
    w.sim.force_reconnect().unwrap();
    w.sim.wait_resumed(1, std::time::Duration::from_secs(10)).await.unwrap();
    let text = say(&w, OTTO, "help", &[]).await;
    assert!(text.contains("/book"));
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hostile_time_zone_for_the_program_is_quoted_as_a_short_defused_excerpt() {
    let w = world().await;
    let text = say(&w, ADA, "program setup", &[("channel", &MENTORING.to_string()), ("timezone", &hostile(64))]).await;
    assert!(text.contains("is not a time zone I know"), "{text}");
    assert_quoted_safely(&text);
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hostile_setting_name_or_value_is_quoted_as_a_short_defused_excerpt() {
    let w = world().await;
    setup_program(&w).await;
    let text = say(&w, ADA, "program settings", &[("name", &hostile(64)), ("value", "24h")]).await;
    assert!(text.contains("is not a setting"), "{text}");
    assert_quoted_safely(&text);
    let text = say(&w, ADA, "program settings", &[("name", "stale_after"), ("value", &hostile(40))]).await;
    assert!(text.contains("is not a duration"), "{text}");
    assert!(!text.contains("@everyone") && !text.contains("<@&"), "{text}");
    let text = say(&w, ADA, "program settings", &[("name", &hostile(64))]).await;
    assert!(text.contains("is not a setting"), "{text}");
    assert_quoted_safely(&text);
    assert_clean(&w);
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_setting_name_without_a_value_is_for_admins_and_must_exist() {
    let w = world().await;
    setup_program(&w).await;
    let text = say(&w, MIA, "program settings", &[("name", "stale_after")]).await;
    assert!(text.contains("Only program admins"), "{text}");
    let text = say(&w, ADA, "program settings", &[("name", "stale_after")]).await;
    assert!(text.contains("Give a `value` for `stale_after`"), "{text}");
    let text = say(&w, ADA, "program settings", &[("name", "quiet_hours")]).await;
    assert!(text.contains("Give a `value` for `quiet_hours`"), "{text}");
    let text = say(&w, ADA, "program settings", &[("name", "snooze")]).await;
    assert!(text.contains("`snooze` is not a setting"), "{text}");
    assert_clean(&w);
    w.stop().await;
}
