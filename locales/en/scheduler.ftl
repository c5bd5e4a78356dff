# The scheduler's messages: reminders and follow-ups sent by DM, the weekly post in the program
# channel, the admin digest, review prompts, check-ins, milestone reminders, and the report chart.
# They go out outside any interaction, so they are read in English (the default locale).
# Mentions ($mentor, $mentee, $partner, $user) arrive as Discord mentions; $when as Discord
# timestamps; $label as a button's label.

## Session reminders (src/scheduler/messages.rs)

sched-agenda-request-title = 📝 Agenda time · session #{ $number }
sched-agenda-request =
    Your session with { $mentor } is { $when }.
    Take five minutes to prepare: what would make it a success, what moved since last time, where are you stuck? Submit your agenda with the button or `/agenda edit`.
sched-agenda-nudge-title = ⏰ Agenda still missing · session #{ $number }
sched-agenda-nudge = Your session with { $mentor } starts { $when }. A short agenda helps you both get the most out of it.
sched-agenda-missing-title = 📭 No agenda yet · session #{ $number }
sched-agenda-missing = { $mentee } has not sent an agenda for your session { $when } yet. You might ask what they want to focus on.
sched-follow-up-title = ✅ How did it go? · session #{ $number }
sched-follow-up-again-title = ✅ Nothing recorded yet · session #{ $number }
sched-follow-up-question = **Did the session happen?** One "{ $label }" from either of you counts it as held.
sched-follow-up-mentor = Thanks for mentoring! Share the resources you mentioned so they are in the session record.
sched-follow-up-mentee = Capture takeaways and action items while they are fresh, and book the next session.

## The mentor's prep note

sched-prep-title = 🧭 Prep · session #{ $number }
sched-prep-open-actions = 📌 Open action items
sched-prep-no-open-actions = None.
sched-prep-no-agenda = ❌ No agenda has arrived.

## Action item reminders ($count is at least 2 in the "many" title)

sched-deadline-title-due = ⏳ An action item is due soon
sched-deadline-title-overdue = ⚠️ An action item is overdue
sched-deadline-title-many =
    { $count ->
       *[other] ⏳ { $count } action items need you
    }
sched-deadline-due = due { $when }
sched-deadline-overdue = overdue since { $when }
sched-deadline-done-when = Done when: { $success }
sched-deadline-continued = { $id } (continued)
sched-deadline-intro = Mark items done, give yourself 3 more days, or say what blocks you.
sched-deadline-more = More items: `/action list`.

## The weekly post in the program channel (aggregates only)

sched-weekly-title = 📊 Mentoring this week
sched-weekly-held = Sessions held last week
sched-weekly-missed = Missed last week
sched-weekly-unconfirmed = Unconfirmed last week
sched-weekly-booked = Booked this week
sched-weekly-agendas-on-time = Agendas on time
sched-weekly-on-time-share = { $percent }% ({ $on_time } of { $held })
sched-weekly-no-sessions-held = no sessions held
sched-weekly-actions-done = Actions done last week
sched-weekly-actions-overdue = Actions overdue
sched-weekly-stale-pairs = Pairs that haven't met in a while
sched-weekly-stale-share = { $stale } of { $active }
sched-weekly-call-to-action = No session booked yet? Use `/book`. Session coming up? Send your agenda with `/agenda`.

## When someone's DMs are closed (a mention in the program channel)

sched-dm-fallback = { $user }, I could not send you a mentoring reminder by direct message. Please allow direct messages from server members (server menu → Privacy Settings) so reminders reach you.

## The weekly admin digest (src/scheduler/digest.rs); $last and $next are dates or "—"

sched-digest-title = Weekly program digest ({ $zone })
sched-digest-summary = { $pairs } active pair(s), { $stale } without a held session lately. Counts and dates only.
sched-digest-pair = { $mentor } & { $mentee }: last held { $last }, next { $next }; held { $held } · missed { $missed } · overdue actions { $overdue }
sched-digest-more = …and { $count } more: see `/program report`.

## Quarterly check-ins after the program (src/scheduler/shape.rs)

sched-checkin-title = ☕ Quarterly check-in ({ $quarter } of { $total })
sched-checkin-intro = It has been { $months } months since your mentoring program ended. **How are your goals going?** What moved, what is stuck, what is next?
sched-checkin-book-active = Book a catch-up with { $partner }: `/book with:@… when:…` (your free times are suggested).
sched-checkin-book-ended = Drop { $partner } a message and book a catch-up.
sched-checkin-goals = Your goals when the program ended
sched-checkin-no-goals = No goals recorded.

## Review prompts and their reminders

sched-review-midpoint-title = 🪞 Midpoint review
sched-review-midpoint-reminder-title = ⏰ Your midpoint review is still open
sched-review-midpoint = You are halfway through your mentoring with { $partner }. Take ten minutes to review each goal: **progress** (0–100 %), the **evidence**, and what to **adjust** for the second half. You each answer on your own; only the two of you see the answers.
sched-review-midpoint-start = Start midpoint review
sched-review-final-title = 🏁 End-of-Program Reflection
sched-review-final-reminder-title = ⏰ Your End-of-Program Reflection is still open
sched-review-final = The program ends on { $ends }. Look back on your mentoring with { $partner } in two steps: **1.** for each goal, was it achieved, your key learnings and next steps; **2.** what changed most for you, which skills improved, and what should continue.
sched-review-final-check-ins = Want to keep the momentum? Choose **{ $label }** and you both get a short check-in every three months for a year.
sched-review-final-start = Start final review
sched-review-check-ins-button = Quarterly check-ins

## Milestone reminders

sched-milestone-due-title = 🎯 A milestone is due soon
sched-milestone-overdue-title = ⚠️ A milestone is overdue
sched-milestone-due = **{ $id } · { $title }** (goal "{ $goal }") is due { $when }.
    Done? Press the button: it counts into the goal's progress.
sched-milestone-overdue = **{ $id } · { $title }** (goal "{ $goal }") was due { $when }.
    Done? Press the button: it counts into the goal's progress.

## The program report's chart (src/chart.rs)

sched-chart-sessions = Sessions
sched-chart-held = held
sched-chart-missed = missed
sched-chart-agenda-on-time = agenda on time
sched-chart-actions = Action items
sched-chart-actions-done = done
sched-chart-actions-overdue = overdue (due that week)
sched-chart-rating = Average rating (weeks with at least 5 ratings)
sched-chart-no-rating = no week with 5 ratings yet
