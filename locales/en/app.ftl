# Use cases (src/app) and the bot's error replies (src/bot/error.rs): what a person is told when a
# request cannot be done, and the few words use cases produce themselves.
# Text in `backticks` that names a command, an option or an option value (`/join role:mentee`,
# `with:`, `status:open`, `me`) is what Discord users type: keep it as it is.

## Refusals: the program and its members

app-no-program = This server has no mentoring program yet. An admin can start one with `/program setup`.
app-not-joined = You are not in this server's mentoring program yet. Join with `/join role:mentee` or `/join role:mentor`.
app-not-admin = Only program admins (Manage Server permission or the program's coordinator role) can do that.
app-bad-retention = `{ $value }` is not a retention I can use: give a duration of at least a day like `365days` or `6months`, or `default` for the bot's setting.
app-not-your-button = Only the person who asked can answer this.
app-nothing-stored = I hold nothing about you in this server's mentoring program.
# $role is the option value of /join (mentor or mentee), as typed.
app-other-not-joined = { $name } has not joined the program yet. Ask them to run `/join role:{ $role }`.
app-wrong-role = { $name } joined as a { $actual ->
        [mentor] mentor
       *[mentee] mentee
    }, not as a { $expected ->
        [mentor] mentor
       *[mentee] mentee
    }.
app-is-bot = { $name } is a bot; mentoring is for people.
app-same-person = A mentor and a mentee must be two different people.
app-already-paired = { $mentor } and { $mentee } are already paired.
app-not-paired = { $mentor } and { $mentee } are not paired.
app-not-your-partner = You can only book with your own mentor or mentee, and you are not paired with { $name }. An admin pairs people with `/pair`.
app-book-with-self = You cannot book a session with yourself. Use `with:` to pick your mentor or mentee.
app-role-change-while-paired = You are paired as a { $role ->
        [mentor] mentor
       *[mentee] mentee
    } right now; leave your pairings (ask an admin to `/unpair`) before switching roles.
app-unknown-session = I don't know that session. Pick one from the list while typing, or see `/sessions`.
app-not-a-text-channel = <#{ $channel }> is not a text channel of this server. Pick a text channel.
app-no-partner = You are not paired with anyone yet. A program admin pairs mentors and mentees with `/pair`.
app-which-partner = You have more than one mentoring partner; say which one with the `with:` option.
app-no-upcoming-session = You have no upcoming session. Book one with `/book`, or pick a session with `session:`.
app-no-session-yet = You have no sessions yet. Book one with `/book`.
# $name is a display name or a mention.
app-not-partner-of = You are not paired with { $name }; pick your mentor or mentee with `with:`.
app-pairing-ended = Your pairing with { $name } has ended, so its sessions, notes, agendas, goals and action items can no longer be changed. You can still read them with `/sessions`, `/action list`, `/goal list`, `/agenda view` and `/session summary`.
app-unknown-pairing = I don't know that mentoring pair, or it has ended.
app-mentor-full = { $name } mentors { $active } mentee(s) already, their capacity. They can raise it with `/join role:mentor capacity:`, or pick another mentor.

## Refusals: sessions, agendas, notes and attendance

app-agenda-cancelled = Session #{ $number } is cancelled, so it takes no agenda. Pick an upcoming session with `session:`.
app-agenda-past = Session #{ $number } has already started, so its agenda can no longer change. Read it with `/agenda view`, or write session notes with `/notes`.
app-mentee-writes-agenda = The mentee writes the agenda. As the mentor, add topics with `/agenda topic` (or the Add topic button in my DM).
app-mentor-adds-topics = The mentor adds topics to the agenda. As the mentee, put your topics into the agenda with `/agenda edit`.
app-notes-cancelled = Session #{ $number } was cancelled, so it takes no notes.
# $ts is a unix timestamp (Discord shows it in the reader's zone).
app-notes-too-early = Session #{ $number } starts <t:{ $ts }:F> (<t:{ $ts }:R>); notes can be written once it has started.
# $label is the button's label (label-we-met).
app-notes-missed = Session #{ $number } is marked as not having happened, so it takes no notes. If you did meet after all, press **{ $label }** in my follow-up message about it first.
app-attendance-cancelled = Session #{ $number } was cancelled, so there is nothing to confirm.
app-attendance-too-early = Session #{ $number } starts <t:{ $ts }:F> (<t:{ $ts }:R>); tell me whether it happened once it has started.
app-rate-after-met = Only someone who says session #{ $number } happened can rate it: press **{ $label }** in my follow-up message first.
app-moved-but-held = Session #{ $number } counts as held (one of you said you met, or notes were written), so it can't be moved. Book the next one with `/book`.
app-topic-too-long = That text is { $length } characters long; keep it to { $max }. Longer notes belong in the agenda.

## Refusals: action items and goals

app-unknown-action = I don't know that action item. Pick one from the list while typing, or see `/action list`.
app-ambiguous-action = `{ $typed }` matches items of more than one of your pairings; pick the item from the list while typing.
app-unknown-goal = I don't know that goal. Pick one from the list while typing, or see `/goal list`.
app-bad-owner = I can't tell who `{ $typed }` is. For owner write `me`, `partner`, or mention your partner (e.g. `@Mia`).
# $who is a mention.
app-owner-not-in-pair = { $who } is not part of this pairing; an action item belongs to you or your partner.
app-action-already = { $id } is { $status ->
        [open] open
        [done] done
        [blocked] blocked
       *[dropped] dropped
    } already.
# `status:open` is the option as typed.
app-action-closed = { $id } is { $status ->
        [open] open
        [done] done
        [blocked] blocked
       *[dropped] dropped
    }; reopen it with `/action update item:{ $id } status:open` before changing it.
app-reason-needed = Setting an item to { $status ->
        [open] open
        [done] done
        [blocked] blocked
       *[dropped] dropped
    } needs a reason (`reason:`), so your partner knows what is going on.
app-nothing-to-update = Nothing to change: give a new `deadline:` or a `status:`.
app-one-change-at-a-time = Change the deadline or the status, one at a time.
app-goal-closed = The goal "{ $title }" is { $status ->
        [open] open
        [achieved] achieved
       *[not_achieved] not achieved
    } already; add a new goal with `/goal add`.
app-no-goals-to-review = There are no goals for a { $kind ->
        [midpoint] midpoint
       *[final] final
    } review yet. Add one with `/goal add`.
app-unknown-milestone = I don't know that milestone. Pick one from the list while typing, or see `/goal list`.
# $milestone is the milestone's short id (M2).
app-milestone-done = { $milestone } is done already.
app-mentee-shares-background = The mentee shares their background; as the mentor you receive it by DM and see it in `/profile` and `/session summary`.
app-no-timeline = This program has no timeline yet, so there is no end to check in after. An admin sets one with `/program setup starts:… ends:…`.

## Refusals: availability and away periods

app-bad-minutes = `{ $typed }` is not a number of minutes; write e.g. `60`.
app-no-availability = { $name } is not in this server's mentoring program, so there is no availability to show.
# $option is the option (from or to), $problem says what is wrong with its date.
app-away-date = `{ $option }`: { $problem } For an away period give dates, e.g. `from:2026-12-21 to:2027-01-03`.
app-away-order = `to` is before `from`; give the first day away as `from` and the last as `to`, e.g. `from:2026-12-21 to:2027-01-03`.
app-away-too-long = An away period may last at most { $days } days; split a longer one in two.
# $who is "you" (the reader) or "partner" (then $name is the partner's name).
app-away = { $who ->
        [you] You are
       *[partner] { $name } is
    } away from <t:{ $start }:F> to <t:{ $end }:F>, so no sessions can be booked then; pick a time outside it (see `/availability show`).
app-away-gone = That away period is already removed; see `/availability show`.
app-not-your-away = Only the person who is away can remove that away period.
app-away-note-too-long = The note is too long; keep it within { $max } characters.
# Why an occurrence of a series is left out, as the series reply words it: "… away then".
app-left-out-away-you = you are
app-left-out-away-partner = { $name } is
# As the series reply words it: "overlaps session #3 of yours".
app-left-out-yours = yours

## Refusals: matching

# $option is an option of /join; $role who it is for.
app-matching-wrong-option = `{ $option }` is for { $role ->
        [mentor] mentors
       *[mentee] mentees
    }; leave it out.
app-matching-capacity = `capacity` is how many mentees you take at once: a number from 1 to { $max }.
app-matching-paired-before = { $mentor } and { $mentee } were paired before; suggestions never pair people again. Use `/pair` if you really mean it.

## An empty field of a form

app-required-title = Title is empty; please fill it in.
app-required-session-goal = Session goal is empty; please fill it in.
app-required-topic = Topic is empty; please fill it in.
app-required-current-role = Current role is empty; please fill it in.
app-required-reflection = The reflection is empty; please fill it in.

## The fields named when a text is too long ("The title is 250 characters long; …")

app-field-the-title = The title
app-field-the-success-indicator = The success indicator
app-field-the-reason = The reason
app-field-the-topics = The topics
app-field-the-evidence = The evidence
app-field-the-learnings = The learnings
app-field-an-answer = An answer
app-field-why = Why
app-field-measure = Measure
app-field-session-goal = Session goal
app-field-progress = Progress since last session
app-field-challenges = Challenges
app-field-topics-to-discuss = Topics to discuss
app-field-support = Support or decisions needed
app-field-key-takeaways = Key takeaways
app-field-resources-shared = Resources shared
app-field-obstacles = Obstacles
app-field-next-session = Next session
app-field-current-role = Current role
app-field-wants = What you want from mentoring
app-field-links = Links
app-field-communication = How you prefer to communicate
app-field-frequency = How often

## Words the use cases store or offer

# The reason stored when the +3 days button moves a deadline.
app-postponed-reason = postponed by { $days } days
# The reason stored for sessions cancelled because their pairing ended.
app-cancelled-member-left = left the mentoring program
app-cancelled-admin-ended = the pairing was ended by a program admin
# The progress evidence stored when a milestone is done.
app-milestone-evidence = Milestone { $milestone } done: { $title }
# What came of a booking request, for a later press of its buttons.
app-request-booked = Session #{ $number } was booked for <t:{ $ts }:F>.
app-request-series-booked = The series was booked ({ $booked } of { $count } sessions, from <t:{ $ts }:F>).
app-request-moved = Session #{ $number } was moved to <t:{ $ts }:F>.
# Autocomplete: a session ($when is its local start, e.g. "Mon 07 Dec 14:00").
app-session-choice = #{ $number } with { $partner } · { $when }
# Autocomplete for an action item's owner.
app-owner-choice-me = me
app-owner-choice-partner = partner: { $name }
# The title of the program report's chart.
app-report-chart-title = Mentoring program: the last { $weeks ->
        [one] week
       *[other] { $weeks } weeks
    }

## Errors the bot answers with

# $id ties the apology to the log.
app-apology = Sorry, something went wrong on my side (error id `{ $id }`). Please try again in a moment; if it keeps happening, tell a program admin and quote the id.
# $problem is what the parser said (English).
app-bad-option-value = I could not read the option `{ $value }`: { $problem }. Check the command's options and try again.
app-bad-option = I could not read the option: { $problem }. Check the command's options and try again.
app-old-command = I could not read this command's options: your Discord app may still have an older version of the command. Reload Discord (Ctrl+R) and try again.
app-guild-only = This command works inside a server with a mentoring program, not in direct messages.
