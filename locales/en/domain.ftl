# Words of the domain rules: dates, durations, descriptions, and the errors shown when typed
# input cannot be used. Text in `backticks` is what a person types: the bot reads those words
# in English only, so keep them as they are.

## Dates and times (times of day are HH:MM everywhere)

domain-weekday-short = { $day ->
    [mon] Mon
    [tue] Tue
    [wed] Wed
    [thu] Thu
    [fri] Fri
    [sat] Sat
   *[sun] Sun
}
domain-month-short = { $month ->
    [jan] Jan
    [feb] Feb
    [mar] Mar
    [apr] Apr
    [may] May
    [jun] Jun
    [jul] Jul
    [aug] Aug
    [sep] Sep
    [oct] Oct
    [nov] Nov
   *[dec] Dec
}
# How dates and times are written: chrono's strftime patterns
# (https://docs.rs/chrono/latest/chrono/format/strftime/), where %a and %b are the weekday and
# month names above. Order and punctuate them as the language does.
# Mon 1 Mar 2027
domain-pattern-date = %a %-d %b %Y
# Tue 1 Dec 18:00
domain-pattern-day-time = %a %-d %b %H:%M
# Tue 24 Nov 2026 15:00 (a zone follows, see domain-date-time-offset)
domain-pattern-date-time = %a %-d %b %Y %H:%M
# Tue 01 Dec 18:00 (lists, where the columns line up)
domain-pattern-list-day-time = %a %d %b %H:%M
# Tue 01 Dec 2026 18:00
domain-pattern-list-date-time = %a %d %b %Y %H:%M
# Tue 01 Dec 2026
domain-pattern-list-date = %a %d %b %Y
# 30 Nov (the Monday a report week starts)
domain-pattern-week = %d %b
# 1 Dec
domain-pattern-day-month = %-d %b
# Tue 24 Nov 2026 15:00 CET (UTC+01:00)
domain-date-time-offset = { $date_time } { $offset }
# Tue 12:00
domain-weekday-time = { $weekday } { $time }
domain-time-in-gap = { $local } does not exist in { $zone }: the clocks jump forward over it (daylight saving time starts). The first valid time after the jump is { $next_time }; try `{ $next }`.

## Typed times (`/book when:`, deadlines); $examples lists typed examples

domain-when-empty = Please give a date and time, for example { $examples }.
domain-when-unrecognized = I don't understand `{ $text }`. Try for example { $examples }.
domain-when-missing-time = `{ $date }` is a date without a time; add a time, e.g. `tomorrow 15:00` or `{ $date } 3pm`.
domain-when-slash-date = `{ $text }` is ambiguous (month/day or day/month?). Write the date as `24.11.` or `2026-11-24`.
domain-when-dot-time = `{ $text }` looks like a time written with a dot; write times with a colon, e.g. `15:00`, or as `3pm`.
# $reason is one of the domain-date-* messages below
domain-when-invalid-date = `{ $text }` is not a valid date: { $reason }. Write e.g. `24.11.` or `2026-11-24`.
# $reason is one of the domain-time-* messages below
domain-when-invalid-time = `{ $text }` is not a valid time: { $reason }. Write e.g. `15:00`, `9:30` or `3pm`.
domain-when-bad-relative = I don't understand `{ $text }`; write `in 90 minutes`, `in 3 hours`, `in 2 days 10am` or `in 1 week 14:00`.
domain-when-bad-next = I don't understand `{ $text }`; after `next` write a weekday or `week`, e.g. `next mon 9:30`.
domain-when-two-dates = You gave two dates (`{ $first }` and `{ $second }`); give one, e.g. `tomorrow 15:00`.
domain-when-two-times = You gave two times (`{ $first }` and `{ $second }`); give one, e.g. `tomorrow 15:00`.
domain-when-relative-with-date = `{ $relative }` already fixes the time, so `{ $other }` doesn't fit; use either `{ $relative }` or e.g. `tomorrow 15:00`.
# $shown: e.g. Tue 24 Nov 2026 15:00 CET (UTC+01:00)
domain-when-in-past = { $shown } is in the past. Pick a time in the future, e.g. `tomorrow 15:00`.
domain-when-too-far = That is more than ten years ahead; pick a nearer time, e.g. `2026-11-24 15:00`.
domain-when-bad-instant = `{ $text }` is not one of the times I suggest; pick a time from the list while typing, or type one, e.g. { $examples }.

## Why a typed date or time does not exist (the $reason of the two messages above)

domain-date-no-month = there is no month { $month }
domain-date-month-days = { $month ->
    [jan] January
    [feb] February
    [mar] March
    [apr] April
    [may] May
    [jun] June
    [jul] July
    [aug] August
    [sep] September
    [oct] October
    [nov] November
   *[dec] December
} has { $days } days
# 29 February in a year without it
domain-date-february-days = February { $year } has { $days } days
domain-time-minute-digits = minutes need two digits, like `9:05`
domain-time-bad-hour = bad hour
domain-time-bad-minute = bad minute
domain-time-minute-range = minutes go from 00 to 59
domain-time-hour-range = hours go from 0 to 23 (write `midnight` or `00:00` for the start of a day)
domain-time-meridiem-hour = with am/pm the hour goes from 1 to 12 (`12am` is midnight, `12pm` is noon)
domain-time-not-a-time = not a time of day

## Weekly availability (`/availability`)

domain-slots-empty = Please give your weekly slots, e.g. `mon 18:00-20:00, thu 12:00-13:30, sat 10-12`, or `none` to clear them.
domain-slots-format = I could not read `{ $piece }`: write each slot as a weekday and a time range, e.g. `mon 18:00-20:00` or `sat 10-12`, separated by commas.
domain-slots-weekday = `{ $piece }`: `{ $day }` is not a weekday; use `mon`, `tue`, `wed`, `thu`, `fri`, `sat` or `sun`.
domain-slots-time = `{ $piece }`: `{ $time }` is not a valid time; use 24-hour `HH:MM` (or `24:00` as the end), e.g. `mon 18:00-20:00`.
domain-slots-order = `{ $piece }`: the end must be after the start on the same day; split a slot past midnight in two, e.g. `fri 22:00-24:00, sat 00:00-01:00`.
domain-slots-too-many = That is { $count } slots; give at most { $max }.
# A partner's weekly slot in the reader's zone: Mon 12:00-14:00
domain-weekly-slot = { $weekday } { $start }-{ $end }
# A free time offered as a choice: Tue 1 Dec 18:00 (Mo: 12:00); $when is the reader's time,
# $their_time the partner's (with its weekday when that differs: Wed 00:30)
domain-free-time-choice = { $when } ({ $name }: { $their_time })

## Agendas, backgrounds, goals, people

domain-topic-high-priority = 🔴 **{ $text }** (high priority)
domain-background-current-role = Current role
domain-background-wants = Wants from mentoring
domain-background-links = Links
domain-background-communication = Prefers to communicate
domain-background-frequency = How often
domain-action-status = { $status ->
    [done] done
    [blocked] blocked
    [dropped] dropped
   *[open] open
}
domain-session-status = { $status ->
    [cancelled] cancelled
    [completed] completed
   *[booked] booked
}
domain-goal-status = { $status ->
    [achieved] achieved
    [not_achieved] not achieved
   *[open] open
}
domain-answer-bad-percent = Progress is a whole number from 0 to 100 (percent); `{ $text }` is not. Nothing was changed.
domain-answer-bad-yes-no = Answer `yes` or `no` for achieved; `{ $text }` is neither. Nothing was changed.
# ▰▰▰▱▱▱▱▱▱▱ 30%
domain-progress-bar = { $bar } { $percent }%
# Stands for a member who asked to be forgotten, where their name or mention would be.
domain-former-member = a former member

## Long text laid out in Discord-sized pieces

# The title of the second and later embeds of one text
domain-page-continued = { $title } (continued)
# A section split over several fields: Challenges (2/3)
domain-section-part = { $name } ({ $part }/{ $parts })
# $what names the field (a form's input), at the start of the sentence
domain-too-long = { $what } is { $count } characters long; the limit is { $max }. Shorten it and try again.

## Interest tags (`/program tags`, `/profile`)

domain-tags-empty = Give at least one tag, separated by commas, e.g. `tags:"leadership, career change, public speaking"`.
domain-tags-too-many-for-program = A program can have at most { $max } tags; you gave { $count }.
domain-tags-too-many-for-person = Pick at most { $max } tags; you gave { $count }.
domain-tags-too-long = `{ $tag }` is longer than { $max } characters; keep tags short.
# $tags: the program's tags, comma-separated
domain-tags-unknown = `{ $tag }` is not one of this program's tags. Pick from the list while typing (tags: { $tags }).
domain-tags-none-defined = This program has no interest tags yet, so there is nothing to pick. An admin sets them with `/program tags set`.

## Session notes: resources (`resource | type | purpose`) and obstacles

domain-resource-kind = { $kind ->
    [tool] tool
    [article] article
    [intro] intro
   *[feedback] feedback
}
# What is wrong with one resource line; $names lists the types as typed: tool, article, intro, feedback
domain-resource-no-type = no type; write `resource | type | purpose` with type one of { $names }
domain-resource-unknown-type = type `{ $kind }` is not one of { $names }
# Appended to an obstacle: • No time — impact: slows learning — possible solutions: block mornings
domain-obstacle-impact = — impact: { $impact }
domain-obstacle-solutions = — possible solutions: { $solutions }

## The session outline (`/program outline`)

domain-outline-default-1-title = Introductions and goals
domain-outline-default-1-prompt = Share your backgrounds, your goals for the mentoring relationship, and what you expect of your mentor.
domain-outline-default-2-title = Narrow the focus
domain-outline-default-2-prompt = Pick the most important goal and write 2-3 problem statements, such as "I want to develop my skills in ___, so that I can ___"; agree an action plan.
domain-outline-default-3-title = An exercise
domain-outline-default-3-prompt = Choose one problem statement and plan a concrete exercise: what, with whom, by when. Homework until next time.
domain-outline-default-4-title = Debrief the exercise
domain-outline-default-4-prompt = How did the exercise go? What did you learn, and what comes next?
domain-outline-default-5-title = Repeat with new actions
domain-outline-default-5-prompt = Review progress on your goals, pick the next problem statement and agree new actions.
# The heading above a step's prompt in messages
domain-outline-focus = **Focus of session { $number } · { $title }**
domain-outline-empty = The outline is empty. Write one step a line, `Title: prompt`. Nothing was changed.
domain-outline-no-colon = Line { $line } has no `:` between the title and the prompt (`{ $text }`). Write one step a line, `Title: prompt`. Nothing was changed.
domain-outline-empty-part = Line { $line } has an empty { $what ->
    [title] title
   *[prompt] prompt
}. Write one step a line, `Title: prompt`. Nothing was changed.
domain-outline-too-long = Line { $line }: the { $what ->
    [title] title
   *[prompt] prompt
} is { $len } characters; keep it within { $max }. Nothing was changed.
domain-outline-too-many = The outline has { $count } steps; at most { $max } are allowed (the last one repeats for later sessions). Nothing was changed.

## Program settings: time zone, quiet hours, the weekly nudge's schedule, timings

domain-unknown-zone = `{ $zone }` is not a time zone I know. Use an IANA name such as `Europe/Berlin`, `America/New_York` or `Asia/Kolkata` (start typing and pick one from the list).
domain-quiet-hours-format = `{ $input }` is not a quiet-hours range; write it as `21:00-08:00` (start-end, may run past midnight) or `off`.
domain-quiet-hours-time = `{ $text }` is not a valid time; use 24-hour `HH:MM` between 00:00 and 23:59, e.g. `21:00-08:00`.
domain-schedule-field-count = `{ $expr }` has { $count } field(s); a schedule needs 5 (`minute hour day-of-month month day-of-week`, e.g. `0 9 * * Mon` for Mondays at 09:00) or 6–7 with seconds first (e.g. `0 0 9 * * Mon`).
domain-schedule-day-of-week = `{ $field }` is not a valid day of the week; use names like `Mon`, `Mon-Fri`, `Sat,Sun` or numbers 0–7 (0 and 7 = Sunday).
# $reason: the cron library's explanation, in English
domain-schedule-invalid = `{ $expr }` is not a valid schedule: { $reason } Example: `0 9 * * Mon` = Mondays at 09:00, `30 17 * * Mon-Fri` = weekdays at 17:30.
domain-schedule-too-frequent = `{ $expr }` fires more often than once an hour; a nudge schedule may fire at most hourly. Give one value for the minute (and the seconds), e.g. `0 9 * * Mon` = Mondays at 09:00.
domain-schedule-unknown-reason = unknown error.

## Series of sessions (`/book repeat:`); $until, $second and $last are Unix seconds for <t:…:D>

domain-series-unknown-repeat = `repeat:` takes one of `weekly`, `every 2 weeks`, `every 3 weeks` or `monthly`; pick one from the list.
domain-series-count-out-of-range = A series has { $min } to { $max } sessions; `count:{ $given }` is outside that range. For a single session leave out `repeat:`.
domain-series-count-and-until = Give either `count:` or `until:` with `repeat:`, not both.
domain-series-no-end = Say how long the series runs: `count:` (2–52 sessions) or `until:` a date, e.g. `until:2027-03-31`.
domain-series-end-without-repeat = `count:` and `until:` belong to a series; add `repeat:` (e.g. `repeat:weekly`) or leave them out.
domain-series-until-too-soon = `until:` (<t:{ $until }:D>) leaves fewer than two sessions; pick a later date, after <t:{ $second }:D>.
domain-series-until-too-long = Up to `until:` the series would have { $count } sessions; a series has at most { $max }. Pick an earlier date or use `count:`.
domain-series-nothing-free = Every session of that series overlaps another session or falls into a daylight-saving gap, so nothing was booked. Pick another time, or see `/sessions`.
domain-series-not-a-series = Session #{ $number } is a single session, not part of a series; leave out `scope:` (or use `scope:this`).
domain-series-too-far-ahead = The last session would be on <t:{ $last }:D>, more than { $max_days } days ahead. Use a smaller `count:` or an earlier `until:`.
# How a series reads: "every 2 weeks, Tue 17:00", "monthly, 2nd Tue 17:00" ($week: which
# weekday of the month, the last one for a 5th)
domain-series-describe = { $repeat ->
    [monthly] monthly, { $week ->
        [first] 1st
        [second] 2nd
        [third] 3rd
        [fourth] 4th
       *[last] last
    } { $weekday } { $time }
    [every-2-weeks] every 2 weeks, { $weekday } { $time }
    [every-3-weeks] every 3 weeks, { $weekday } { $time }
   *[weekly] weekly, { $weekday } { $time }
}
domain-sessions-count = { $count ->
    [one] { $count } session
   *[other] { $count } sessions
}

## Booking a session; $start and $end are Unix seconds for <t:…:F> and <t:…:t>

domain-booking-in-the-past = That time is in the past (<t:{ $start }:F>). Pick a time that is still ahead, e.g. `tomorrow 15:00`.
domain-booking-too-far-ahead = That is more than { $max_days } days ahead. Sessions can be booked up to { $max_days } days in advance.
domain-booking-bad-duration = A session lasts between { $min } and { $max } minutes; { $given } is outside that range.
domain-booking-overlap = That overlaps session #{ $number } of yours (<t:{ $start }:F> – <t:{ $end }:t>). Pick a time that is free for both of you.
# $who: the partner's name
domain-booking-partner-busy = { $who } is busy then. Pick a time that is free for both of you (while you type `when:` in `/book`, the list shows your free times together).
domain-booking-already-cancelled = Session #{ $number } is cancelled already.
domain-booking-already-completed = Session #{ $number } is completed; it can no longer be changed.
domain-booking-already-started = Session #{ $number } has already started; it can no longer be moved or cancelled.

## Timing settings (`/program settings`); $key is a setting's name

# $keys: every setting's name, comma-separated
domain-setting-unknown-key = `{ $key }` is not a setting. Settings: { $keys }.
domain-setting-bad-duration = `{ $value }` is not a duration for `{ $key }`; write e.g. `24h`, `90m`, `2days` or `1h 30m`.
domain-setting-out-of-range = `{ $key }` must be between 0 and 30 days; `{ $value }` is not.

## The program's timeline (`/program setup starts: ends: length:`)

# $option: the option's name, starts or ends
domain-timeline-bad-date = `{ $text }` is not a date for `{ $option }`. Write it as `2027-01-11` (year-month-day, the program's time zone). Nothing was changed.
domain-timeline-bad-length = `{ $text }` is not a length. Give a whole number of weeks from 1 to { $max }, e.g. `length:12`. Nothing was changed.
domain-timeline-ends-and-length = Give either `ends` or `length`, not both. Nothing was changed.
domain-timeline-needs-start = Give `starts` too (the program's first day), e.g. `starts:2027-01-11`. Nothing was changed.
domain-timeline-needs-end = Give `ends` (the last day) or `length` (in weeks) with `starts`. Nothing was changed.
# $starts and $ends: dates as 2027-01-11
domain-timeline-end-before-start = The program must end after it starts ({ $starts } is not before { $ends }). Nothing was changed.
domain-timeline-too-long = A program runs at most { $max } weeks. Nothing was changed.
