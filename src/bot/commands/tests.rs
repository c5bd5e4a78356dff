//! The English of the command messages that choose words (Fluent selects, plurals, lines) reads
//! exactly as the replies did before the catalogue; the e2e tests cover the common branches.

use crate::tr;

#[test]
fn an_action_change_names_what_happened_and_defaults_to_added() {
    let said = |change: &str| tr!("cmd-action-changed", id = "A3", change = change);
    assert_eq!(said("added"), "✅ A3 added.");
    assert_eq!(said("done"), "✅ A3 is done 🎉.");
    assert_eq!(said("deadline"), "✅ A3 has a new deadline.");
    assert_eq!(said("open"), "✅ A3 is open again.");
    assert_eq!(said("blocked"), "✅ A3 is blocked.");
    assert_eq!(said("dropped"), "✅ A3 is dropped.");
}

#[test]
fn an_action_history_intro_marks_an_overdue_item_on_its_first_line() {
    let intro = |overdue: &str| {
        tr!(
            "cmd-action-history-intro",
            owner = "42",
            status = "open",
            overdue = overdue,
            deadline = 1_700_000_000,
            changes = 3
        )
    };
    assert_eq!(
        intro("yes"),
        "Owner: <@42> · now open · ⚠️ overdue · deadline <t:1700000000:F>\n3 change(s), oldest first; times in your time zone."
    );
    assert_eq!(
        intro("no"),
        "Owner: <@42> · now open · deadline <t:1700000000:F>\n3 change(s), oldest first; times in your time zone."
    );
}

#[test]
fn an_action_item_reads_as_three_lines() {
    let text = tr!(
        "cmd-action-item",
        owner = "<@42>",
        local = "Fri 04 Dec 2026 18:00",
        deadline = 1_700_000_000,
        zone = "Europe/Berlin",
        offset = "CET (UTC+01:00)",
        status = "open"
    );
    assert_eq!(
        text,
        "Owner: <@42>\nDeadline: <t:1700000000:F> (<t:1700000000:R>) · Fri 04 Dec 2026 18:00 Europe/Berlin (CET (UTC+01:00))\nStatus: open"
    );
}

#[test]
fn availability_says_whose_it_is() {
    assert_eq!(
        tr!("cmd-availability-not-set", own = "yes", owner = "1"),
        "Your weekly availability: not set (any time outside quiet hours)."
    );
    assert_eq!(
        tr!("cmd-availability-slots-other-zone", own = "no", owner = "7", zone = "UTC", owner_zone = "Asia/Tokyo"),
        "<@7>'s weekly availability, in your zone UTC (set in Asia/Tokyo):"
    );
    assert_eq!(
        tr!("cmd-availability-away-sessions", count = 1),
        "⚠️ You have 1 session booked in that time; move or cancel it with `/reschedule` or `/cancel`."
    );
    assert_eq!(
        tr!("cmd-availability-away-sessions", count = 3),
        "⚠️ You have 3 sessions booked in that time; move or cancel them with `/reschedule` or `/cancel`."
    );
}

#[test]
fn series_counts_say_session_or_sessions() {
    assert_eq!(tr!("cmd-reschedule-series-title", count = 1), "🔁 1 session of the series moved");
    assert_eq!(tr!("cmd-reschedule-series-title", count = 4), "🔁 4 sessions of the series moved");
    assert_eq!(
        tr!("cmd-cancel-series", count = 2, series = "weekly", zone = "UTC", from = 5, told = "<@9> was told."),
        "❌ Cancelled 2 sessions of the series (weekly, UTC) from <t:5:F> on; it now ends before them. <@9> was told."
    );
}

#[test]
fn joining_welcomes_back_and_names_the_role() {
    assert_eq!(
        tr!("cmd-join-joined", rejoined = "yes", role = "mentor", zone = "UTC"),
        "🎉 Welcome back! You joined the mentoring program as a **mentor**. Times are shown to you in **UTC**; change it with `/timezone`.\nAn admin will pair you; then book sessions with `/book`."
    );
    assert_eq!(
        tr!("cmd-join-joined", rejoined = "no", role = "mentee", zone = "UTC"),
        "🎉 You joined the mentoring program as a **mentee**. Times are shown to you in **UTC**; change it with `/timezone`.\nAn admin will pair you; then book sessions with `/book`."
    );
    assert_eq!(
        tr!("cmd-join-already", role = "mentee", zone = "UTC"),
        "You are already in the program as a mentee. Your time zone is UTC."
    );
    assert_eq!(tr!("cmd-profile-pairing", partner = "5", role = "mentor"), "• <@5> (your mentor)");
}

#[test]
fn the_timeline_says_where_the_program_stands() {
    let line = |position: &str, days: i64, week: u32| {
        tr!(
            "cmd-timeline",
            starts = "Mon 04 Jan 2027",
            ends = "Sun 28 Mar 2027",
            weeks = 12,
            position = position,
            days = days,
            week = week,
            of = 12
        )
    };
    let tail = "**. Each pair gets a midpoint review halfway through its time and the final review a week before the end, by DM.";
    assert_eq!(
        line("before", 1, 0),
        format!("📅 Mon 04 Jan 2027 – Sun 28 Mar 2027 (12 weeks) · **starts in 1 day{tail}")
    );
    assert_eq!(
        line("before", 3, 0),
        format!("📅 Mon 04 Jan 2027 – Sun 28 Mar 2027 (12 weeks) · **starts in 3 days{tail}")
    );
    assert_eq!(line("week", 0, 5), format!("📅 Mon 04 Jan 2027 – Sun 28 Mar 2027 (12 weeks) · **week 5 of 12{tail}"));
    assert_eq!(line("ended", 0, 0), format!("📅 Mon 04 Jan 2027 – Sun 28 Mar 2027 (12 weeks) · **ended{tail}"));
}

#[test]
fn a_pair_line_starts_with_stale_only_for_a_stale_pair() {
    let line = |stale: &str| {
        tr!(
            "cmd-report-pair",
            stale = stale,
            mentor = "1",
            mentee = "2",
            last = "—",
            next = "<t:9:d>",
            held = 3,
            missed = 1,
            agendas = 2,
            open = 4,
            overdue = 0
        )
    };
    let rest =
        "<@1> & <@2>: last held —, next <t:9:d>; held 3 · missed 1 · agendas on time 2 · actions open 4 (overdue 0)";
    assert_eq!(line("yes"), format!("⚠️ stale · {rest}"));
    assert_eq!(line("no"), rest);
}

#[test]
fn goal_reviews_and_changes_read_as_before() {
    assert_eq!(tr!("cmd-goal-final-review", by = "<@1>", achieved = "yes"), "🏁 Final review by <@1>: achieved");
    assert_eq!(tr!("cmd-goal-final-review", by = "<@1>", achieved = "no"), "🏁 Final review by <@1>: not achieved");
    assert_eq!(tr!("cmd-goal-changed", change = "closed"), "🎯 Goal closed.");
    assert_eq!(tr!("cmd-goal-changed", change = "added"), "🎯 Goal added.");
    assert_eq!(
        tr!("cmd-review-saved", kind = "final", title = "Ship", progress = "██ 100%", status = "achieved"),
        "✅ final review of \"Ship\" saved (██ 100% · achieved). It shows in `/goal list` and `/session summary`."
    );
    assert_eq!(tr!("cmd-review-last", kind = "midpoint"), "That was the last goal for the midpoint review.");
    assert_eq!(
        tr!("cmd-agenda-saved", number = 2, updated = "yes", told = "<@3> got it by DM."),
        "✅ Agenda for session #2 updated. <@3> got it by DM."
    );
}

#[test]
fn what_forget_erased_keeps_its_bold_last_line() {
    let text = tr!(
        "cmd-forget-done",
        availability = 1,
        agendas = 2,
        topics = 3,
        notes = 4,
        actions = 5,
        goals = 6,
        goal_updates = 7,
        reviews = 8,
        jobs = 9,
        ratings = 10,
        ended_pairings = 11,
        cancelled_sessions = 12,
        kept_sessions = 13,
        partners = 14
    );
    assert_eq!(
        text,
        "🧹 **Erased** your data in this server: your profile, 1 availability/away entr(ies), 2 agenda(s), \
         3 topic(s), 4 session note(s), 5 action item(s) you owned, 6 goal(s) you set, 7 goal progress \
         update(s), 8 review(s), and 9 pending reminder(s).\n\
         Your 10 rating(s) no longer name you: they only count in the program's anonymous average.\n\
         Ended pairings: 11; cancelled upcoming sessions: 12 (your partners were told by DM).\n\
         **Your partners keep** 13 session(s) in 14 pairing(s): times, status, what they wrote, and the \
         program's counts, with you shown as \"a former member\". `/join` again starts afresh."
    );
}

#[test]
fn setup_says_started_or_updated() {
    let done = |created: &str| {
        tr!(
            "cmd-setup-done",
            created = created,
            channel = "8",
            zone = "UTC",
            coordinators = "none",
            retention = "365 days"
        )
    };
    let rest = " the mentoring program. Channel: <#8>, time zone: UTC, coordinator role: none; the content of ended pairings is deleted 365 days after they end.";
    assert_eq!(done("yes"), format!("✅ Started{rest}"));
    assert_eq!(done("no"), format!("✅ Updated{rest}"));
}

#[test]
fn the_help_buttons_field_is_four_lines() {
    assert_eq!(
        tr!("cmd-help-buttons", session = "**a** · **b**", attendance = "**c**", items = "**A3 d**"),
        "**a** · **b**\nAfter a session: **c**; a rating is private\nAction item reminders: **A3 d**\n\
         A button you used is greyed out and the message shows what it did."
    );
}
