# What render/ writes: notices (DMs), agendas, session records, series messages, buttons of
# questions, calendar event titles and the export's readable parts.

## Buttons and their labels (components.rs, admin_buttons.rs)
render-show-free-times = Show free times
render-away-remove = Remove { $dates }
render-confirm-leave = Leave
render-confirm-stay = Stay
render-confirm-unpair = Unpair
render-confirm-keep = Keep
# An action item's button: its short id, then what the button does (done, +3 days, blocked).
render-action-button = { $id } { $label }
render-next-goal = Next goal: { $title }
render-nudge-both = Nudge both: { $mentor } & { $mentee }

## Dates in Markdown files (the reader's zone), e.g. "Tue 24 Nov 2026 14:00"
render-plain-at = { $datetime } ({ $zone })

## Session notices (notice.rs)
render-paired-title = 🤝 You have a new mentoring partner
render-paired-description =
    You are now paired with { $partner }, your { $role ->
        [mentee] mentee
       *[mentor] mentor
    }.
    Book your first session with `/book with:@… when:…`, e.g. `when:tomorrow 15:00`.
render-unpaired-title = 👋 Pairing ended
render-unpaired-description = Your mentoring pairing with { $partner } has ended ({ $why ->
        [left] they left the mentoring program
       *[admin] a program admin ended it
    }). Upcoming sessions of the pair were cancelled.
render-session-booked-title = 📅 Session #{ $number } booked
render-session-booked-description = { $by } booked a mentoring session with you.
render-session-moved-title = 🔁 Session #{ $number } moved
render-session-moved-description = { $by } moved your session from { $previous } to the time below.
render-session-cancelled-title = ❌ Session #{ $number } cancelled
render-session-cancelled-description = { $by } cancelled your session on { $start }.
render-field-reason = Reason
render-field-when = When
render-field-duration = Duration
render-field-topic = Topic
render-minutes = { $count } minutes
render-topics-added-title = ➕ Topics added to session #{ $number }
render-topics-added-file-title = Topics added to session #{ $number }
render-topics-added-intro = { $by } added to the agenda of your session on { $when }:
render-nudged-title = 👋 Time for your next mentoring session?
render-nudged-description = It has been a while since you and { $partner } last met. A short check-in keeps things moving.
render-nudged-no-times = Pick a time together with `/book with:@… when:…`; `/availability show` shows when they are free.
render-nudged-times-intro = Some times you are both free:
render-nudged-times-outro = Book one with `/book with:@… when:` and pick it from the list.

## Calendar event titles
render-calendar-series-title = Mentoring session
render-calendar-session-title = Mentoring session #{ $number }

## Agendas and action items (content.rs)
render-user-fallback = user { $id }
render-action-line = **{ $id }** { $title } — { $owner } · due { $due } · { $status }
render-action-line-reason = { $line } ({ $reason })
render-action-success = Success looks like: { $success }
render-topic-added-by = { $topic } — added by { $by }
render-no-topics = No topics yet.
render-agenda-title = 📝 Agenda for session #{ $number }
render-agenda-intro = { $mentee } with { $mentor } (mentor) · { $when } · { $minutes } minutes
render-agenda-none-yet = No agenda yet: the mentee writes it with `/agenda edit`.
render-agenda-shared = { $mentee } { $how ->
        [updated] updated
       *[shared] shared
    } the agenda for your session.
render-section-goal = 🎯 Session goal
render-section-progress = 📈 Progress since last session
render-section-challenges = 🧱 Challenges
render-section-topics = 🗣️ Topics to discuss
render-section-support = 🆘 Support or decisions needed
render-section-leftovers = ↩️ Leftover actions from last session
render-none = None.
render-long-attached = This is long: the complete text is in the attached file `{ $file }`.

## The session record (summary.rs)
render-summary-title = 📒 Session #{ $number } summary
render-summary-date = **Date:** { $date }
render-summary-mentor = **Mentor:** { $mentor }
render-summary-mentee = **Mentee:** { $mentee }
render-summary-number = **Session number:** { $number }
render-summary-duration = **Duration:** { $minutes } minutes
render-summary-status = **Status:** { $status }
render-summary-next-from-notes = **Next session (notes):** { $next }
render-summary-next-booked = **Next session booked:** #{ $number } on { $when }
render-summary-milestone = **Milestone:** { $title } — { $bar } · { $status }
render-summary-milestone-target = { $milestone } · target { $target }
render-summary-midpoint = Midpoint review by { $by }: { $progress }%
render-summary-adjustment = { $review } · adjustment: { $adjustment }
render-summary-final = Final review by { $by }: { $achieved ->
        [yes] achieved
       *[no] not achieved
    }
render-summary-next-steps = { $review } · next steps: { $steps }
render-summary-background-none = Not shared yet (the mentee shares it with the button in the pairing DM).
render-summary-background-field = **{ $name }:** { $value }
render-summary-section-details = 📅 Session details
render-summary-section-background = 🧳 Mentee's background
render-summary-no-agenda = No agenda was written.
render-summary-section-topics = 🗣️ Discussion topics
render-summary-section-obstacles = 🚧 Obstacles
render-summary-section-resources = 📚 Resources shared
render-summary-section-takeaways = 💡 Key takeaways
render-summary-section-next-steps = ✅ Next steps
render-summary-section-follow-up = 🔭 Follow-up
render-none-noted = None noted.
render-summary-no-actions = No action items agreed in this session yet.
render-summary-nothing-planned = Nothing planned yet.
render-summary-no-notes = No session notes yet: write them with `/notes`.
render-summary-not-started = This session has not started yet.

## Series (render_series.rs)
render-series-cancelled-title = ❌ { $count ->
        [one] 1 session
       *[other] { $count } sessions
    } of your series cancelled
render-series-cancelled-description = { $by } cancelled your series ({ $series }, { $zone }) from { $from } on.
render-series-field-cancelled = Cancelled
render-series-moved-title = 🔁 { $count ->
        [one] 1 session
       *[other] { $count } sessions
    } of your series moved
render-series-moved-description = { $by } moved your series from the session below on: it is now { $series } ({ $zone }). The calendar files update the old series and add the new one.
render-series-field-next = Next sessions
render-series-field-not-moved = Cancelled (could not move)
render-series-booked-title = 🔁 { $count ->
        [one] 1 session
       *[other] { $count } sessions
    } booked: a series
render-series-booked-description = { $by } booked a series with you: { $series } ({ $zone }), { $minutes } minutes each. The calendar file holds the whole series.
render-series-field-first = First sessions
render-series-field-left-out = Left out
render-series-time = #{ $number } · { $when }
render-and-more = … and { $count } more
render-left-out-overlap-of = { $at }: overlaps session #{ $number } of { $who }
render-left-out-busy = { $at }: { $who } is busy then
render-left-out-overlap = { $at }: overlaps another session
render-left-out-away-who = { $at }: { $who } away then
render-left-out-away = { $at }: during an away period
render-left-out-gap = { $at }: that local time does not exist (the clocks jump forward)

## Pre-work (render_shape.rs)
render-prework-field = Before your first session
render-prework-text = Share your background with your mentor: your current role, what you want from mentoring, links (a resume, a job description) and how you prefer to communicate. Only the two of you see it.
render-background-title = 🧳 Your mentee's background
render-background-description = { $mentee } { $how ->
        [updated] updated
       *[shared] shared
    } their background for your mentoring. Only the two of you see it.
render-background-continued = { $name } (continued)

## /me export (export.rs)
render-export-note = Instants are unix seconds (UTC). Ratings and attendance answers are only yours; agendas, notes, topics, action items, goals and reviews are those of your pairings.
render-export-heading = Your mentoring sessions
render-export-no-sessions = No session has taken place yet.
