# The words of the slash commands (src/bot/commands/): replies, embeds, buttons, /help.
# Every id starts with cmd-. Keep Discord Markdown (backticks, **bold**) as it is.

# /help (src/bot/commands/help.rs). Field texts are Discord Markdown; keep the backticks.
cmd-help-title = mentor-bot: structured mentoring
cmd-help-intro = Both sides arrive prepared and leave with actions. Book sessions with your partner; each of you sees times in your own time zone. Everything about a pair stays private to the pair.
cmd-help-everyone-name = Everyone
cmd-help-everyone =
    `/join role:mentee|mentor` join the program (mentees: `interests:`; mentors: `expertise:` `capacity:`)
    `/timezone zone:` set your time zone
    `/profile` your role, zone and pairings
    `/leave` leave the program
    `/me export` a copy of everything stored about you · `/me forget` erase it (asks first)
cmd-help-pairs-name = Mentees and mentors
cmd-help-pairs =
    `/book with:@partner when:tomorrow 15:00` book a session (your zone)
    `/book ... repeat:weekly count:10` book a series at the same local time
    `/sessions` upcoming and recent sessions
    `/reschedule session: when:` move a session
    `/cancel session: reason:` cancel a session
    `/availability set slots:mon 18:00-20:00, sat 10-12` your weekly slots (your zone)
    `/availability show user:@` anyone's slots in your zone (yours: with Remove buttons for away periods)
    `/availability away from: to:` a holiday
cmd-help-content-name = Session content (private to your pair)
cmd-help-content =
    `/agenda edit` mentee: write or edit the next session's agenda (a form)
    `/agenda topic` mentor: add topics (start a line with `!` for high priority)
    `/agenda view session:` read an agenda, also of past sessions
    `/notes session:` after a session: takeaways, resources, obstacles, next session
    `/session summary session:` the whole record, also as a Markdown file
cmd-help-actions-name = Actions, goals and reviews (private to your pair)
cmd-help-actions =
    `/action add title: owner:me|partner deadline:fri` an action item (owner's time zone)
    `/action list filter:` · `/action done item:A3` · `/action update item:A3 deadline:|status:` · `/action history item:A3`
    `/goal add title:` · `/goal list` · `/goal progress goal: percent:` · `/goal close goal: achieved:`
    `/goal milestone goal: title: due:` · `/goal milestone_done milestone:` milestones count into progress
    `/review midpoint` · `/review final` one form per goal (the final one ends with a reflection)
    `/program outline` what each session of the program is for
cmd-help-buttons-name = Buttons in my DMs
# $session, $attendance: button labels joined by " · "; $items: the action item buttons.
cmd-help-buttons =
    { $session }
    After a session: { $attendance }; a rating is private
    Action item reminders: { $items }
    A button you used is greyed out and the message shows what it did.
cmd-help-admins-name = Admins (Manage Server or the coordinator role)
cmd-help-admins =
    `/program setup channel: timezone: starts: ends:|length: coordinator_role:? retain_ended:?` start or update the program
    `/program outline replace:true` replace the session outline (one step a line, `Title: prompt`)
    `/pair mentor:@ mentee:@` pair two members
    `/unpair mentor:@ mentee:@` end a pairing
    `/program settings name: value:` reminder timings and quiet hours
    `/program nudges schedule: channel: off:` the weekly nudge
    `/program status` where the program stands (week 5 of 12), delivery, sessions held or missed, the average rating
cmd-help-health-name = Admins: health and matching
cmd-help-health =
    `/program report` 12-week chart, numbers, CSV and pair health · `/program digest state:` weekly DM
    `/program tags set tags:` interest tags · `/match suggest` suggested pairs with Pair / Skip
cmd-help-times-name = Times you can type
cmd-help-times = `2026-11-24 15:00` · `24.11. 15:00` · `tomorrow 15:00` · `mon 9:30` · `in 2 days 10am` · `in 3 hours`

# /agenda (src/bot/commands/agenda.rs)
# $updated: yes when an agenda was edited, no when it is new.
cmd-agenda-saved = ✅ Agenda for session #{ $number } { $updated ->
        [yes] updated
       *[other] saved
    }. { $told }
cmd-agenda-mentor-told = <@{ $mentor }> got it by DM.

# /pair (src/bot/commands/pairing.rs)
cmd-pair-told = Both were told by DM.
cmd-pair-done = 🤝 Paired mentor <@{ $mentor }> with mentee <@{ $mentee }>. { $told }

# /notes and /session summary (src/bot/commands/notes.rs)
cmd-notes-saved = 📝 Notes of session #{ $number } saved; the session is marked { $status }. See everything with `/session summary`.
cmd-notes-resources-kept = Kept as typed, but not in the `resource | type | purpose` form (types: { $types }):
cmd-notes-resource-line = Resources line { $line }: { $problem }
cmd-notes-resources-title = Resource lines to check
cmd-summary-attached = The complete record is attached as `{ $file }`.

# /review (src/bot/commands/reviews.rs); $kind: midpoint or final.
cmd-review-saved = ✅ { $kind ->
        [final] final
       *[other] midpoint
    } review of "{ $title }" saved ({ $progress } · { $status }). It shows in `/goal list` and `/session summary`.
cmd-review-last-final = That was the last goal. Step 2: the End-of-Program Reflection.
cmd-review-reflection-button = Step 2: Reflection
cmd-review-last = That was the last goal for the { $kind ->
        [final] final
       *[other] midpoint
    } review.

# /action (src/bot/commands/actions.rs)
# $change: added, done, deadline (a new deadline), open, blocked or dropped.
cmd-action-changed = ✅ { $id } { $change ->
        [done] is done 🎉
        [deadline] has a new deadline
        [open] is open again
        [blocked] is blocked
        [dropped] is dropped
       *[added] added
    }.
cmd-action-owner-zone-note = (Deadline shown in the owner's time zone.)
cmd-action-history-title = History of { $id } · { $title }
# $overdue: yes or no; $changes: how many changes are listed.
cmd-action-history-intro =
    Owner: <@{ $owner }> · now { $status }{ $overdue ->
        [yes] {" · ⚠️ overdue"}
       *[other] {""}
    } · deadline <t:{ $deadline }:F>
    { $changes } change(s), oldest first; times in your time zone.
cmd-action-event-created = { $n }. Created
cmd-action-event-deadline-moved = { $n }. Deadline moved
cmd-action-event-status = { $n }. Status: { $old } → { $new }
cmd-action-event-by = <t:{ $at }:f> (<t:{ $at }:R>) by <@{ $by }>
cmd-action-event-deadline = Deadline: { $deadline }
cmd-action-event-moved = From { $old } to { $new }
cmd-action-event-why = Why: { $reason }
# $local: the deadline's wall time in the owner's zone; $offset: like UTC+1.
cmd-action-item =
    Owner: { $owner }
    Deadline: <t:{ $deadline }:F> (<t:{ $deadline }:R>) · { $local } { $zone } ({ $offset })
    Status: { $status }
cmd-action-success = Success looks like: { $success }
cmd-action-empty-open = No open action items. Add one with `/action add`.
cmd-action-empty-overdue = No overdue action items. Add one with `/action add`.
cmd-action-empty-done = No action items are done yet. Add one with `/action add`.
cmd-action-empty-mine = You have no open action items. Add one with `/action add`.
cmd-action-empty-all = No action items yet. Add one with `/action add`.
cmd-action-list-item = { $id } · { $title }
cmd-action-list-item-overdue = { $id } · { $title } ⚠️ overdue
cmd-action-list-intro = Deadlines are also shown in your time zone.
cmd-action-list-open = Open action items
cmd-action-list-overdue = Overdue action items
cmd-action-list-done = Done action items
cmd-action-list-mine = Your open action items
cmd-action-list-all = All action items

# /availability (src/bot/commands/availability.rs)
cmd-availability-cleared = 🗓️ Your weekly availability is cleared: your partners can book any time outside your quiet hours.
# Followed by the slots, one a line.
cmd-availability-set = 🗓️ Your weekly availability, in { $zone } (it stays on these wall times when clocks change):
# $own: yes for your own availability, no for someone else's (<@$owner>).
cmd-availability-not-set = { $own ->
        [yes] Your
       *[other] <@{ $owner }>'s
    } weekly availability: not set (any time outside quiet hours).
cmd-availability-slots = { $own ->
        [yes] Your
       *[other] <@{ $owner }>'s
    } weekly availability, in { $zone }:
cmd-availability-slots-other-zone = { $own ->
        [yes] Your
       *[other] <@{ $owner }>'s
    } weekly availability, in your zone { $zone } (set in { $owner_zone }):
cmd-availability-away-heading = Away:
cmd-availability-away-period = • <t:{ $from }:D> to <t:{ $to }:D>
cmd-availability-away-added = 🏖️ You are away from <t:{ $from }:D> to <t:{ $to }:D> ({ $zone }). Nobody can book a session with you then.
cmd-availability-away-sessions = ⚠️ You have { $count ->
        [one] { $count } session
       *[other] { $count } sessions
    } booked in that time; move or cancel { $count ->
        [one] it
       *[other] them
    } with `/reschedule` or `/cancel`.

# /book, /sessions, /reschedule, /cancel (src/bot/commands/booking.rs)
# $local: the typed time as read, like Mon 24 Nov 2026 15:00; $offset: like CET (UTC+01:00).
cmd-book-read-as = Read as **{ $local }** in { $zone } ({ $offset }).
cmd-book-ambiguous = ⚠️ That local time happens twice (clocks go back that night). I chose the earlier one, <t:{ $chosen }:F>; the later one would be <t:{ $other }:F>.
cmd-book-series-told = <@{ $partner }> got one DM with a calendar file for the whole series.
cmd-book-booked = 📅 Session #{ $number } booked with { $partner }
cmd-book-told = <@{ $partner }> got a DM with a calendar file.
cmd-book-with-pick = Pick your mentor or mentee: right-click them → Apps → **Book a session**.
cmd-book-series-title = 🔁 { $booked } of { $count } sessions booked with { $partner }
# $series: how it repeats, like every 2 weeks, Tue 17:00.
cmd-book-series-summary = { $series }, in { $zone }, { $minutes } minutes each.
cmd-book-first-sessions = First sessions
cmd-book-clocks-go-back = ⚠️ Clocks go back
cmd-book-ambiguous-times = These local times happen twice; I took the earlier one: { $times }
cmd-book-left-out = Left out ({ $count })
# One session in /sessions; $local: its wall time in your zone.
cmd-sessions-line = **#{ $number }** with { $partner } · <t:{ $start }:F> ({ $local } { $zone }) · { $minutes } min
cmd-sessions-none = None.
cmd-sessions-none-upcoming = None. Book one with `/book`.
cmd-sessions-title = Your sessions
cmd-sessions-upcoming = Upcoming
cmd-sessions-series = Series
cmd-sessions-recent = Recent
cmd-sessions-series-line = 🔁 **{ $series }** ({ $zone }) with { $partner } · { $left } of { $count } left · next <t:{ $next }:F>
cmd-sessions-more = … and more (pick from `/reschedule`'s list)
cmd-reschedule-series-told = <@{ $partner }> was told, with updated calendar files.
cmd-reschedule-series-title = 🔁 { $count ->
        [one] { $count } session
       *[other] { $count } sessions
    } of the series moved
cmd-reschedule-series-summary = From session #{ $number } on, the series is now { $series }, in { $zone }.
cmd-reschedule-next-sessions = Next sessions
cmd-reschedule-left-out = Cancelled, could not move ({ $count })
cmd-reschedule-moved = 🔁 Session #{ $number } moved
# $to: the new time as Discord timestamps.
cmd-reschedule-from-to = From <t:{ $from }:F> to { $to }.
cmd-reschedule-told = <@{ $partner }> was told, with an updated calendar file.
cmd-cancel-series = ❌ Cancelled { $count ->
        [one] { $count } session
       *[other] { $count } sessions
    } of the series ({ $series }, { $zone }) from <t:{ $from }:F> on; it now ends before them. { $told }
cmd-cancel-series-told = <@{ $partner }> was told, with the series' updated calendar file.
cmd-cancel-done = ❌ Cancelled session #{ $number } on <t:{ $start }:F>. { $told }
cmd-cancel-told = <@{ $partner }> was told.

# /goal (src/bot/commands/goals.rs)
cmd-goal-why = Why: { $why }
cmd-goal-measure = Measure: { $measure }
cmd-goal-target = Target: { $target }
cmd-goal-learnings = Learnings: { $learnings }
# $id: like M2; $due: a Discord timestamp's unix seconds.
cmd-goal-milestone-added = 🎯 { $id } "{ $title }" added to goal "{ $goal }", due <t:{ $due }:F>. A reminder comes the day before; mark it done with `/goal milestone_done` or the button in the reminder.
# $change: added, updated or closed.
cmd-goal-changed = 🎯 Goal { $change ->
        [updated] updated
        [closed] closed
       *[added] added
    }.
cmd-goal-none = No goals yet. Add one with `/goal add title:…`.
cmd-goal-update = • <t:{ $at }:d> { $by } { $percent }%
cmd-goal-midpoint-review = 🔎 Midpoint review by { $by }: { $percent }%
# $achieved: yes or no.
cmd-goal-final-review = 🏁 Final review by { $by }: { $achieved ->
        [yes] achieved
       *[other] not achieved
    }
cmd-goal-review-evidence = evidence: { $text }
cmd-goal-review-adjustment = adjustment: { $text }
cmd-goal-review-learnings = learnings: { $text }
cmd-goal-review-next-steps = next steps: { $text }
cmd-goal-milestone-done = ✅ done <t:{ $at }:d>
cmd-goal-milestone-due = ◻️ due <t:{ $at }:d>
cmd-goal-reflection-changed = What changed most
cmd-goal-reflection-skills = Skills improved
cmd-goal-reflection-continue = What should continue
cmd-goal-reflection-title = 🏁 End-of-Program Reflection
cmd-goal-reflection-by = by { $by }
cmd-goal-list-intro = Goals of { $mentee } with { $mentor } (mentor).
cmd-goal-list-title = 🎯 Goals

# /program tags, /match suggest (src/bot/commands/matching.rs)
# $tags: the tags in backticks, comma-separated.
cmd-tags-set = 🏷️ The program's tags are now { $tags }. Members pick from them with `/join … interests:` (mentees) or `expertise:` (mentors); `/match suggest` uses them.
cmd-tags-none = This program has no interest tags yet; an admin sets them with `/program tags set`.
cmd-tags-show = 🏷️ Tags: { $tags }
cmd-match-none-all-paired = No suggestions. Every mentee has a pairing.
cmd-match-none-no-mentor = No suggestions. No mentor with room is left who hasn't been paired with these mentees before (or was skipped).
cmd-match-tip = Tip: set interest tags with `/program tags set` for better matches.
cmd-match-intro = 💡 { $suggestions } suggestion(s) for { $mentees } mentee(s) without a pairing, best first: shared tags, then overlapping daytime hours (09–18 local), then the mentor's room.
cmd-match-skip = Skip
cmd-match-pair = Pair { $mentee } with { $mentor }
cmd-match-suggested = Suggested pair
cmd-match-pair-who = Mentee <@{ $mentee }> with mentor <@{ $mentor }>
cmd-match-shared-tags = Shared tags
cmd-match-no-shared-tags = none
cmd-match-overlap = Daytime overlap
# $hours: pre-formatted with one decimal.
cmd-match-overlap-hours = { $hours } h
cmd-match-room = Mentor's room
cmd-match-places-left = { $count } place(s) left

# /join, /timezone, /profile (src/bot/commands/membership.rs); $role: mentee or mentor.
cmd-join-already = You are already in the program as a { $role ->
        [mentor] mentor
       *[other] mentee
    }. Your time zone is { $zone }.
# $rejoined: yes when the member had left before.
cmd-join-joined =
    🎉 { $rejoined ->
        [yes] Welcome back! You
       *[other] You
    } joined the mentoring program as a **{ $role ->
        [mentor] mentor
       *[other] mentee
    }**. Times are shown to you in **{ $zone }**; change it with `/timezone`.
    An admin will pair you; then book sessions with `/book`.
# $tags: the tags in backticks, comma-separated.
cmd-join-interests = Your interests: { $tags }.
cmd-join-capacity = You take up to { $capacity } mentee(s) at once.
cmd-join-expertise = Your expertise: { $tags }; you take up to { $capacity } mentee(s) at once.
# $now: the time there, like Mon 24 Nov 15:00.
cmd-timezone-set = 🕒 Your time zone is now **{ $zone }** (it is { $now } there).
cmd-profile-pairing = • <@{ $partner }> (your { $role ->
        [mentor] mentor
       *[other] mentee
    })
cmd-profile-no-pairings = None yet: an admin pairs people with `/pair`.
cmd-profile-title = Profile of { $name }
cmd-profile-role-name = Role
cmd-profile-role = { $role ->
        [mentor] mentor
       *[other] mentee
    }
cmd-profile-zone-name = Time zone
cmd-profile-zone-program = { $zone } (the program's)
cmd-profile-upcoming = Upcoming sessions
cmd-profile-pairings = Pairings
cmd-profile-background = 🧳 Background
cmd-profile-background-by = Shared by <@{ $by }> for your mentoring (only the two of you see it).

# /me export, /me forget (src/bot/commands/privacy.rs)
# $records: session records in sessions.md; $upcoming: sessions in the calendar file.
cmd-export-done = 📦 Everything I store about you in this server: `mentor-bot-export.json` (your profile, pairings, sessions, agendas, notes, topics, action items, goals, reviews, your own attendance answers and ratings, and the messages planned for you), `sessions.md` ({ $records } session record(s) in the session template) and `upcoming-sessions.ics` ({ $upcoming } upcoming session(s) to import into a calendar).
cmd-export-parts = A file too large for one message comes in numbered parts: join them in order.
cmd-forget-question =
    ⚠️ **Erase your data in this server's mentoring program?**
    Erased: your profile (role, time zone, weekly availability, away periods), the agenda fields, notes and topics you wrote, the action items you own, the goals you set (with their progress and reviews), your reviews and progress updates, and your pending reminders. Your ratings stop naming you (they only count in the program's anonymous average). Running pairings end and upcoming sessions are cancelled; partners are told.
    Your partners keep the sessions you had together (times, status, what they wrote), with you shown as "a former member". This cannot be undone; `/me export` gives you a copy first.
cmd-forget-button = Forget
cmd-forget-keep-button = Keep
cmd-forget-kept = 👍 Kept: nothing was erased.
cmd-forget-done =
    🧹 **Erased** your data in this server: your profile, { $availability } availability/away entr(ies), { $agendas } agenda(s), { $topics } topic(s), { $notes } session note(s), { $actions } action item(s) you owned, { $goals } goal(s) you set, { $goal_updates } goal progress update(s), { $reviews } review(s), and { $jobs } pending reminder(s).
    Your { $ratings } rating(s) no longer name you: they only count in the program's anonymous average.
    Ended pairings: { $ended_pairings }; cancelled upcoming sessions: { $cancelled_sessions } (your partners were told by DM).
    {"**"}Your partners keep** { $kept_sessions } session(s) in { $partners } pairing(s): times, status, what they wrote, and the program's counts, with you shown as "a former member". `/join` again starts afresh.

# /program setup, outline, settings, nudges, status (src/bot/commands/program.rs)
# $created: yes for a new program; $coordinators: a role mention or cmd-setup-no-coordinator;
# $retention: how long, like 365 days.
cmd-setup-done = ✅ { $created ->
        [yes] Started
       *[other] Updated
    } the mentoring program. Channel: <#{ $channel }>, time zone: { $zone }, coordinator role: { $coordinators }; the content of ended pairings is deleted { $retention } after they end.
cmd-setup-no-coordinator = none
cmd-setup-next = Next: mentors and mentees `/join`, then you `/pair mentor:@… mentee:@…`.
cmd-setup-retention-days = { $days } days
# $position: before (it starts in $days days), week ($week of $of) or ended; $starts, $ends: dates.
cmd-timeline = 📅 { $starts } – { $ends } ({ $weeks } weeks) · **{ $position ->
        [before] starts in { $days ->
            [one] { $days } day
           *[other] { $days } days
        }
        [week] week { $week } of { $of }
       *[ended] ended
    }**. Each pair gets a midpoint review halfway through its time and the final review a week before the end, by DM.
cmd-settings-title = Scheduler settings
cmd-settings-changed = ✅ `{ $name }` is now `{ $value }`. Sessions booked from now on use it.
cmd-settings-give-value = Give a `value` for `{ $name }`.
cmd-nudges-off = 🔕 The weekly nudge is off. Turn it on again with `/program nudges schedule:…`.
# Followed by the next times, one a line.
cmd-nudges-on = 📣 Weekly nudge `{ $schedule }` in <#{ $channel }>, evaluated in { $zone }. Next:
cmd-status-nothing-planned = nothing planned
cmd-status-to-channel = channel
# $who: a mention or cmd-status-to-channel.
cmd-status-failure = • { $kind } to { $who }: { $error }
cmd-status-unknown-error = unknown error
cmd-status-unauthorized = ⛔ Discord refuses the bot's token: nothing is being sent. The operator must set a valid `DISCORD_TOKEN` and restart the bot; reminders wait in the queue.
cmd-status-paused = ⏸️ Discord is failing; delivery is paused and retried <t:{ $until }:R>. Nothing is lost.
cmd-status-delivering = ✅ Delivering.
cmd-status-title = Reminder delivery
cmd-status-pending = Pending
cmd-status-sent = Sent
cmd-status-failed = Failed
cmd-status-skipped = Skipped
cmd-status-set-aside = Set aside (unknown kind; a newer version may send them)
cmd-status-sessions = held { $held } · missed { $missed } · unconfirmed { $unconfirmed } · awaiting an answer { $awaiting }
cmd-status-rating-hidden = shown once { $min } ratings exist
# $average: pre-formatted with one decimal.
cmd-status-rating = { $average } of 5 on average, program-wide
cmd-status-sessions-name = Sessions that ended (last { $weeks } weeks)
cmd-status-rating-name = How useful sessions were
cmd-status-timeline-name = Program timeline
cmd-status-no-dates = No dates yet: `/program setup starts:… ends:…` (or `length:`).
cmd-status-next-due = Next due
cmd-status-failures-name = Recent failed deliveries
cmd-status-no-failures = None.

# /program report, /program digest (src/bot/commands/report.rs)
# The column heads of the fixed-width table of weekly numbers (keep the columns' widths).
cmd-report-table-head = week of  held missed agenda done overdue rating
# $stale: yes or no; $last, $next: Discord dates or —.
cmd-report-pair = { $stale ->
        [yes] {"⚠️ stale · "}
       *[other] {""}
    }<@{ $mentor }> & <@{ $mentee }>: last held { $last }, next { $next }; held { $held } · missed { $missed } · agendas on time { $agendas } · actions open { $open } (overdue { $overdue })
cmd-report-title = Program health: the last { $weeks } weeks
cmd-report-reading-name = Reading it
cmd-report-reading = Weeks start Monday 00:00 ({ $zone }). Sessions count in the week they started, once ended; agendas on time are of held sessions; overdue items were due that week and not done by their deadline. A week's rating shows only once it has { $min } ratings.
cmd-report-active-pairs = Active pairs
cmd-report-active-pairs-count = { $pairs } ({ $stale } stale)
cmd-report-footer = Chart drawn in { $ms } ms, { $kb } KB
cmd-report-content = 📊 Program report. The weekly aggregates are in `{ $weeks_file }`, pair health in `{ $pairs_file }`.
cmd-report-no-pairs = No active pairs yet.
cmd-report-health-intro = Metadata only: no agendas, notes, action items or ratings. Stale: nothing held in `stale_after`.
cmd-report-health-title = Pair health
cmd-report-pairs = Pairs
cmd-report-stale = Stale pairs: **Nudge both** DMs both a friendly prompt with their next free times (it does not say who asked).
cmd-digest-on = 📬 You get the weekly program digest by DM, Mondays 09:00 ({ $zone }). The next: <t:{ $next }:F>. Stop it with `/program digest state:off`.
cmd-digest-off = 🔕 No more weekly digest for you. Turn it on again with `/program digest state:on`.
