# The Discord glue's words (src/bot, outside the commands): answers to buttons and forms, the
# forms themselves, booking questions and what became of the DMs a change sent.
# Mentions (<@{ $partner }>) and timestamps (<t:{ $start }:F>) are Discord markup: keep them as they are.

## What became of the DMs a change sent (src/bot/reply.rs and the answers that use it)

bot-reply-dm-closed = ⚠️ I could not DM <@{ $to }>: they don't accept direct messages from server members. Please tell them yourself.
bot-reply-dm-refused = ⚠️ I could not reach <@{ $to }> by DM (Discord did not accept the message). Please tell them yourself.
bot-reply-dm-on-its-way = ⏳ My DM to <@{ $to }> is on its way; Discord is slow right now, it will arrive.
bot-told-calendar-dm = They got a DM with a calendar file.
bot-told-series-dm = They got one DM with a calendar file for the whole series.
bot-told-updated-calendar = <@{ $partner }> was told, with an updated calendar file.
bot-told-both-dm = Both were told by DM.

## Long answers (src/bot/answer.rs)

# The title of the embed page a reply too long for one message moves into.
bot-answer-reply-page = Reply

## Buttons and forms of messages (src/bot/interactions.rs)

bot-interaction-expired = ⌛ This choice has expired; nothing was booked. Use `/book` again.
bot-interaction-booked = 📅 Session #{ $number } booked with <@{ $partner }> on <t:{ $start }:F> ({ $minutes } minutes). { $told }
bot-interaction-action-done = ✅ { $item } is done 🎉
bot-interaction-action-later = ⏩ { $item } moved 3 days later: now due { $due }.
bot-interaction-action-blocked = ⛔ { $item } is blocked: { $reason }
bot-interaction-away-removed = 🗑️ Away period removed.
bot-interaction-topics-added = ➕ Added to the agenda of session #{ $number }. { $told }
bot-interaction-topics-added-page = Topics added
bot-interaction-mentee-told = Your mentee was told.

## Attendance answers (src/bot/attendance.rs)

# A new answer replaces the lines of an earlier one that start with these three: each must stay
# the start of its line in the messages below (which use them).
bot-attendance-line-thanks = ✅ Thanks!
bot-attendance-line-rating = How useful
bot-attendance-line-noted = Noted
bot-attendance-met = { bot-attendance-line-thanks } Session #{ $number } counts as held.
    { bot-attendance-line-rating } was it for you? 1 = not at all, 5 = very. Your rating is shown to nobody, not even your partner; admins only see a program-wide average, and only once { $min } ratings exist.
bot-attendance-still-held = { bot-attendance-line-noted }. <@{ $partner }> said you met (or notes were written), so session #{ $number } still counts as held. If that's wrong, sort it out together; one "We met" is enough for a session to count.
# $another is the bold label of the "Another time…" button, $we_met the bold label of "We met".
bot-attendance-missed = { bot-attendance-line-noted }: session #{ $number } didn't happen. { $pick } If you did meet after all, press { $we_met } in my message.
bot-attendance-no-free-time = I found no free time for you both in the next four weeks; type one with { $another } (or `/book`).
bot-attendance-book-again = Book again: press one of the free times below (your time, then <@{ $partner }>'s; { $minutes } minutes), or { $another } to type one.
bot-attendance-rated = 🙏 Thanks: you rated session #{ $number } { $value } of 5. Nobody sees your rating; press another number to change it.
bot-attendance-moved = 🔁 Session #{ $number } moved to { $when } ({ $minutes } minutes). Reminders and the follow-up come again for the new time. { $told }

## The questions of /leave and /unpair (src/bot/confirm.rs)

bot-confirm-leave-question = ⚠️ **Leave the mentoring program?**
    { $pairings }
    It cancels your { $upcoming } upcoming session(s) and their reminders. Your history is kept and stays readable; you can `/join` again later.
    Nothing changes until you press **Leave**.
bot-confirm-leave-no-pairing = You have no pairing right now.
bot-confirm-leave-ends-pairings = This ends your pairing with { $partners } (they are told by DM).
bot-confirm-left = You left the mentoring program. Ended pairings: { $pairings }; cancelled upcoming sessions: { $sessions }. Your history is kept; `/join` again any time. { $told }
bot-confirm-partners-told = Your partners were told.
bot-confirm-unpair-question = ⚠️ **End the pairing of <@{ $mentor }> and <@{ $mentee }>?**
    It cancels their { $upcoming } upcoming session(s) and their reminders; both are told by DM. What they wrote stays readable to them but can no longer change.
    Nothing changes until you press **Unpair**.
bot-confirm-unpaired = Ended the pairing of <@{ $mentor }> and <@{ $mentee }>; { $sessions } upcoming session(s) cancelled. { $told }
bot-confirm-not-the-asker = Only the one who asked can answer this question; nothing changed.
bot-confirm-stayed = You stayed in the mentoring program; nothing changed.
bot-confirm-pairing-stays = The pairing of <@{ $mentor }> and <@{ $mentee }> stays; nothing changed.

## A booking that waits for an answer (src/bot/requests.rs)

# $partner is the partner's name or mention; $slots their weekly availability, one line each.
bot-request-outside-book = ⚠️ <t:{ $start }:F> ({ $minutes } minutes) is outside { $partner }'s weekly availability, which is (in your zone { $zone }):
    { $slots }
    Book it anyway, or see the free times? Nothing is booked yet.
bot-request-outside-series = ⚠️ { $outside } of the { $total } sessions of this series (from <t:{ $start }:F>, { $minutes } minutes each) fall outside { $partner }'s weekly availability, which is (in your zone { $zone }):
    { $slots }
    Book it anyway, or see the free times? Nothing is booked yet.
bot-request-outside-move-following = ⚠️ Moving session #{ $number } and the following ones to start <t:{ $start }:F>: { $outside } of the { $total } sessions would fall outside { $partner }'s weekly availability, which is (in your zone { $zone }):
    { $slots }
    Move it anyway, or see the free times? Nothing is moved yet.
bot-request-outside-move = ⚠️ Moving session #{ $number } to <t:{ $start }:F> puts it outside { $partner }'s weekly availability, which is (in your zone { $zone }):
    { $slots }
    Move it anyway, or see the free times? Nothing is moved yet.
bot-request-book-anyway = Book anyway
bot-request-move-anyway = Move anyway
bot-request-no-free-time = I found no free time with <@{ $partner }> in the next four weeks; ask them about it, or type a time with `/book`.
bot-request-free-times = Free times with <@{ $partner }> ({ $minutes } minutes; your time, then theirs). Press one to { $kind ->
        [series] start the series then
        [move] move the session there
       *[book] book it
    }:
bot-request-nothing-booked = Nothing was booked.
bot-request-nothing-moved = Nothing was moved.
# $outcome is what the earlier answer did, a sentence of its own.
bot-request-already-done = ✅ Already done: { $outcome } Nothing else was booked.
bot-request-already-answered = ✅ This was already answered; nothing else was booked. See `/sessions`.
bot-request-expired = ⌛ This choice has expired; nothing was booked. Use `/book` (or `/reschedule`) again.
bot-request-not-yours = These buttons belong to someone else's booking, so they do nothing for you. Book your own with `/book`.
# $pattern describes the series' rhythm, e.g. "every Tuesday at 15:00".
bot-request-series-booked = 🔁 { $booked } of { $count } sessions booked with <@{ $partner }>: { $pattern }, in { $zone }, { $minutes } minutes each. { $told }
bot-request-first-sessions = **First sessions**
bot-request-left-out = **Left out ({ $count })**
bot-request-series-moved = 🔁 { $moved ->
        [one] 1 session
       *[other] { $moved } sessions
    } of the series moved: from session #{ $number } on it is now { $pattern }, in { $zone }. { $told }
bot-request-next-sessions = **Next sessions**
bot-request-could-not-move = **Cancelled, could not move ({ $count })**
bot-request-moved = 🔁 Session #{ $number } moved from <t:{ $from }:F> to <t:{ $to }:F>. { $told }

## Organisers' buttons (src/bot/admin_buttons.rs)

bot-admin-nudged = 👋 Nudged <@{ $mentor }> and <@{ $mentee }>. { $told }
bot-admin-nudge-told = Both got a DM with their next free times; it does not say who asked.
bot-admin-paired = 🤝 Paired mentor <@{ $mentor }> with mentee <@{ $mentee }>. { $told }
bot-admin-skipped = Skipped: I won't suggest <@{ $mentor }> for <@{ $mentee }> again.

## The program's shape: reviews, reflection, check-ins, background, outline (src/bot/shape.rs)

bot-shape-background-title = Share your background
bot-shape-background-role = Current role
bot-shape-background-role-placeholder = e.g. Junior backend developer at Acme
bot-shape-background-wants = What you want from mentoring
bot-shape-background-links = Links (resume, job description, ...)
bot-shape-background-communication = How you prefer to communicate
bot-shape-background-communication-placeholder = e.g. video calls, DMs for quick questions
bot-shape-background-frequency = How often
bot-shape-background-frequency-placeholder = e.g. every two weeks
bot-shape-reflection-title = End-of-Program Reflection (step 2)
bot-shape-reflection-changed = What changed most for you?
bot-shape-reflection-skills = Which skills improved?
bot-shape-reflection-keep = What should continue after the program?
bot-shape-outline-title = Session outline
# The format of a line is read back by the bot: "Title: prompt".
bot-shape-outline-field = One step a line: Title: prompt
bot-shape-outline-placeholder = Introductions and goals: Share your backgrounds and goals
bot-shape-outline-heading = 🗺️ **Session outline** ({ $origin ->
        [admin] set by an admin
       *[default] the default
    }). Session N of every pair follows step N; the last step repeats.
bot-shape-outline-saved = ✅ Outline saved.
bot-shape-check-ins-on = 📆 Done: you and your partner will get a check-in every three months for a year after the program, the first on { $first }.
bot-shape-check-ins-already = 📆 Your pair already gets the quarterly check-ins.
bot-shape-milestone-done = 🎯 { $milestone } "{ $title }" is done. Goal "{ $goal }": { $progress }.
bot-shape-reflection-saved = ✅ Your End-of-Program Reflection is saved (only you and your partner can read it). Thank you for taking part!
bot-shape-background-shared = 🧳 Background shared with <@{ $mentor }>. { $told } It shows in `/profile` and `/session summary` for the two of you.
bot-shape-mentor-told = Your mentor got it by DM.

## Forms (src/bot/modals.rs). Titles are cut to Discord's 45 characters.

bot-modal-agenda-title = Agenda for session #{ $number }
bot-modal-agenda-goal = Session goal (what would make it a success)
bot-modal-agenda-goal-placeholder = e.g. Leave with a plan for my promotion case
bot-modal-agenda-progress = Progress since last session
bot-modal-agenda-challenges = Challenges
# "!" marks a high-priority topic when the bot reads the field: keep it.
bot-modal-topics = Topics (one a line, ! = high priority)
bot-modal-agenda-topics-placeholder = ! Salary negotiation
    Portfolio review
bot-modal-agenda-support = Support or decisions needed
bot-modal-topic-title = Add topics to session #{ $number }
bot-modal-topic-placeholder = ! Feedback on your design doc
bot-modal-notes-takeaways = Key takeaways
# "|" separates the parts the bot reads; the four types are words the bot reads too.
bot-modal-notes-resources = Resources (resource | type | purpose)
bot-modal-notes-resources-placeholder = rustlings | tool | practice ownership
    types: tool, article, intro, feedback
bot-modal-notes-obstacles = Obstacles (challenge | impact | solutions)
# "book later" is read by the bot.
bot-modal-notes-next = Next session (a date, or "book later")
bot-modal-resources-title = Resources of session #{ $number }
bot-modal-notes-title = Notes of session #{ $number }
bot-modal-action-title = Action item from session #{ $number }
bot-modal-action-what = What will be done
# "me" and "partner" are read by the bot.
bot-modal-action-owner = Owner: me or partner
bot-modal-action-owner-mention = Owner: me, partner or @mention
bot-modal-action-deadline = Deadline (owner's time zone), e.g. fri
bot-modal-action-success = Success looks like
bot-modal-new-action-title = New action item
bot-modal-new-goal-title = New goal
bot-modal-goal-title = The goal, specific
bot-modal-goal-why = Why it matters
bot-modal-goal-target = Target date, e.g. 2027-03-01
bot-modal-goal-measure = How progress is measured
bot-modal-book-title = Book the next session
bot-modal-book-when = When (your time zone), e.g. tue 15:00
bot-modal-book-minutes = Minutes (default 60)
bot-modal-book-with-title = Book a session with { $name }
bot-modal-book-with-partner-title = Book a session with your partner
bot-modal-moved-title = Move session #{ $number }
bot-modal-moved-when = New time (your time zone), e.g. fri 15:00
bot-modal-blocked-title = { $item } is blocked
bot-modal-blocked-reason = What blocks it?
bot-modal-review-title = { $kind ->
        [midpoint] Midpoint
       *[final] Final
    } review { $position }/{ $total }: { $goal }
bot-modal-review-progress = Current progress (0-100 %)
bot-modal-review-evidence = Evidence
bot-modal-review-adjustment = Adjustment needed
# "yes" and "no" are read by the bot.
bot-modal-review-achieved = Achieved? (yes or no)
bot-modal-review-learnings = Key learnings
bot-modal-review-next-steps = Next steps
