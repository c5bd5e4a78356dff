# Wörter der Domänenregeln: Daten, Dauern, Beschreibungen und die Fehler, wenn getippte Eingaben
# nicht verwendbar sind. Text in `Backticks` ist das, was jemand tippt: Der Bot liest diese Wörter
# nur auf Englisch, also bleiben sie so, wie sie sind.

## Daten und Uhrzeiten (Uhrzeiten überall als HH:MM)

domain-weekday-short = { $day ->
    [mon] Mo
    [tue] Di
    [wed] Mi
    [thu] Do
    [fri] Fr
    [sat] Sa
   *[sun] So
}
domain-month-short = { $month ->
    [jan] Jan
    [feb] Feb
    [mar] Mär
    [apr] Apr
    [may] Mai
    [jun] Jun
    [jul] Jul
    [aug] Aug
    [sep] Sep
    [oct] Okt
    [nov] Nov
   *[dec] Dez
}
# Wie Daten und Uhrzeiten geschrieben werden: strftime-Muster von chrono
# (https://docs.rs/chrono/latest/chrono/format/strftime/), %a und %b sind die Wochentags- und
# Monatsnamen oben (ohne Punkt). Komma nach dem Wochentag, Punkt nach dem Tag, Komma vor der Uhrzeit.
# Mo, 1. Mär 2027
domain-pattern-date = %a, %-d. %b %Y
# Di, 1. Dez, 18:00
domain-pattern-day-time = %a, %-d. %b, %H:%M
# Di, 24. Nov 2026, 15:00 (danach folgt eine Zone, siehe domain-date-time-offset)
domain-pattern-date-time = %a, %-d. %b %Y, %H:%M
# Di, 01. Dez, 18:00 (Listen, in denen die Spalten bündig stehen)
domain-pattern-list-day-time = %a, %d. %b, %H:%M
# Di, 01. Dez 2026, 18:00
domain-pattern-list-date-time = %a, %d. %b %Y, %H:%M
# Di, 01. Dez 2026
domain-pattern-list-date = %a, %d. %b %Y
# 30. Nov (der Montag, mit dem eine Berichtswoche beginnt)
domain-pattern-week = %d. %b
# 1. Dez
domain-pattern-day-month = %-d. %b
# Di, 24. Nov 2026, 15:00 CET (UTC+01:00)
domain-date-time-offset = { $date_time } { $offset }
# Di 12:00
domain-weekday-time = { $weekday } { $time }
domain-time-in-gap = { $local } gibt es in { $zone } nicht: Die Uhren springen darüber hinweg (die Sommerzeit beginnt). Die erste gültige Zeit nach dem Sprung ist { $next_time }; versuch `{ $next }`.

## Getippte Zeiten (`/buchen wann:`, Fristen); $examples listet getippte Beispiele

domain-when-empty = Bitte gib ein Datum und eine Uhrzeit an, zum Beispiel { $examples }.
domain-when-unrecognized = `{ $text }` verstehe ich nicht. Versuch es zum Beispiel mit { $examples }.
domain-when-missing-time = `{ $date }` ist ein Datum ohne Uhrzeit; gib eine Uhrzeit dazu an, z. B. `tomorrow 15:00` oder `{ $date } 3pm`.
domain-when-slash-date = `{ $text }` ist mehrdeutig (Monat/Tag oder Tag/Monat?). Schreib das Datum als `24.11.` oder `2026-11-24`.
domain-when-dot-time = `{ $text }` sieht nach einer Uhrzeit mit Punkt aus; schreib Uhrzeiten mit Doppelpunkt, z. B. `15:00`, oder als `3pm`.
# $reason ist eine der domain-date-*-Nachrichten unten
domain-when-invalid-date = `{ $text }` ist kein gültiges Datum: { $reason }. Schreib z. B. `24.11.` oder `2026-11-24`.
# $reason ist eine der domain-time-*-Nachrichten unten
domain-when-invalid-time = `{ $text }` ist keine gültige Uhrzeit: { $reason }. Schreib z. B. `15:00`, `9:30` oder `3pm`.
domain-when-bad-relative = `{ $text }` verstehe ich nicht; schreib `in 90 minutes`, `in 3 hours`, `in 2 days 10am` oder `in 1 week 14:00`.
domain-when-bad-next = `{ $text }` verstehe ich nicht; schreib nach `next` einen Wochentag oder `week`, z. B. `next mon 9:30`.
domain-when-two-dates = Du hast zwei Daten angegeben (`{ $first }` und `{ $second }`); gib nur eins an, z. B. `tomorrow 15:00`.
domain-when-two-times = Du hast zwei Uhrzeiten angegeben (`{ $first }` und `{ $second }`); gib nur eine an, z. B. `tomorrow 15:00`.
domain-when-relative-with-date = `{ $relative }` legt die Zeit schon fest, daher passt `{ $other }` nicht dazu; nimm entweder `{ $relative }` oder z. B. `tomorrow 15:00`.
# $shown: z. B. Di, 24. Nov 2026, 15:00 CET (UTC+01:00)
domain-when-in-past = { $shown } liegt in der Vergangenheit. Wähl eine Zeit in der Zukunft, z. B. `tomorrow 15:00`.
domain-when-too-far = Das ist mehr als zehn Jahre entfernt; wähl eine nähere Zeit, z. B. `2026-11-24 15:00`.
domain-when-bad-instant = `{ $text }` ist keine der Zeiten, die ich vorschlage; wähl beim Tippen eine Zeit aus der Liste oder tippe eine, z. B. { $examples }.

## Warum es ein getipptes Datum oder eine Uhrzeit nicht gibt (der $reason der beiden Nachrichten oben)

domain-date-no-month = es gibt keinen Monat { $month }
domain-date-month-days = { $month ->
    [jan] Januar
    [feb] Februar
    [mar] März
    [apr] April
    [may] Mai
    [jun] Juni
    [jul] Juli
    [aug] August
    [sep] September
    [oct] Oktober
    [nov] November
   *[dec] Dezember
} hat { $days } Tage
# der 29. Februar in einem Jahr ohne ihn
domain-date-february-days = Der Februar { $year } hat { $days } Tage
domain-time-minute-digits = Minuten brauchen zwei Ziffern, etwa `9:05`
domain-time-bad-hour = ungültige Stunde
domain-time-bad-minute = ungültige Minute
domain-time-minute-range = Minuten gehen von 00 bis 59
domain-time-hour-range = Stunden gehen von 0 bis 23 (schreib `midnight` oder `00:00` für den Beginn eines Tages)
domain-time-meridiem-hour = mit am/pm geht die Stunde von 1 bis 12 (`12am` ist Mitternacht, `12pm` ist Mittag)
domain-time-not-a-time = keine Uhrzeit

## Wöchentliche Verfügbarkeit (`/verfügbarkeit`)

domain-slots-empty = Bitte gib deine wöchentlichen Zeiten an, z. B. `mon 18:00-20:00, thu 12:00-13:30, sat 10-12`, oder `none`, um sie zu leeren.
domain-slots-format = `{ $piece }` konnte ich nicht lesen: Schreib jede Zeit als Wochentag und Zeitspanne, z. B. `mon 18:00-20:00` oder `sat 10-12`, getrennt durch Kommas.
domain-slots-weekday = `{ $piece }`: `{ $day }` ist kein Wochentag; nimm `mon`, `tue`, `wed`, `thu`, `fri`, `sat` oder `sun`.
domain-slots-time = `{ $piece }`: `{ $time }` ist keine gültige Uhrzeit; nimm 24-Stunden-Format `HH:MM` (oder `24:00` als Ende), z. B. `mon 18:00-20:00`.
domain-slots-order = `{ $piece }`: Das Ende muss am selben Tag nach dem Beginn liegen; teile eine Zeit über Mitternacht in zwei, z. B. `fri 22:00-24:00, sat 00:00-01:00`.
domain-slots-too-many = Das sind { $count } Zeiten; gib höchstens { $max } an.
# Eine wöchentliche Zeit des Gegenübers in der Zone des Lesers: Mo 12:00-14:00
domain-weekly-slot = { $weekday } { $start }-{ $end }
# Eine freie Zeit als Auswahl: Di, 1. Dez, 18:00 (Mo: 12:00); $when ist die Zeit des Lesers,
# $their_time die des Gegenübers (mit Wochentag, wenn er abweicht: Mi 00:30)
domain-free-time-choice = { $when } ({ $name }: { $their_time })

## Agenden, Hintergründe, Ziele, Personen

domain-topic-high-priority = 🔴 **{ $text }** (hohe Priorität)
domain-background-current-role = Aktuelle Rolle
domain-background-wants = Wünsche an das Mentoring
domain-background-links = Links
domain-background-communication = Bevorzugte Kommunikation
domain-background-frequency = Wie oft
domain-action-status = { $status ->
    [done] erledigt
    [blocked] blockiert
    [dropped] verworfen
   *[open] offen
}
domain-session-status = { $status ->
    [cancelled] abgesagt
    [completed] abgeschlossen
   *[booked] gebucht
}
domain-goal-status = { $status ->
    [achieved] erreicht
    [not_achieved] nicht erreicht
   *[open] offen
}
domain-answer-bad-percent = Der Fortschritt ist eine ganze Zahl von 0 bis 100 (Prozent); `{ $text }` ist das nicht. Nichts wurde geändert.
domain-answer-bad-yes-no = Antworte bei „erreicht“ mit `yes` oder `no`; `{ $text }` ist keins von beiden. Nichts wurde geändert.
# ▰▰▰▱▱▱▱▱▱▱ 30%
domain-progress-bar = { $bar } { $percent }%
# Steht für ein Mitglied, das vergessen werden wollte, wo sein Name oder seine Erwähnung stünde.
domain-former-member = ein ehemaliges Mitglied

## Langer Text, in Discord-gerechte Stücke aufgeteilt

# Der Titel des zweiten und jedes weiteren Embeds eines Textes
domain-page-continued = { $title } (Fortsetzung)
# Ein Abschnitt, auf mehrere Felder verteilt: Herausforderungen (2/3)
domain-section-part = { $name } ({ $part }/{ $parts })
# $what nennt das Feld (eine Formulareingabe), am Satzanfang
domain-too-long = { $what } ist { $count } Zeichen lang; erlaubt sind { $max }. Kürze den Text und versuch es noch mal.

## Interessen-Schlagworte (`/programm schlagworte`, `/profil`)

domain-tags-empty = Gib mindestens ein Schlagwort an, mit Kommas getrennt, z. B. `schlagworte:"Führung, Berufswechsel, Reden halten"`.
domain-tags-too-many-for-program = Ein Programm kann höchstens { $max } Schlagworte haben; du hast { $count } angegeben.
domain-tags-too-many-for-person = Wähl höchstens { $max } Schlagworte; du hast { $count } angegeben.
domain-tags-too-long = `{ $tag }` ist länger als { $max } Zeichen; halte Schlagworte kurz.
# $tags: die Schlagworte des Programms, mit Kommas getrennt
domain-tags-unknown = `{ $tag }` ist keins der Schlagworte dieses Programms. Wähl beim Tippen aus der Liste (Schlagworte: { $tags }).
domain-tags-none-defined = Dieses Programm hat noch keine Interessen-Schlagworte, also gibt es nichts zu wählen. Ein Admin legt sie mit `/programm schlagworte setzen` fest.

## Sitzungsnotizen: Ressourcen (`Ressource | Typ | Zweck`) und Hindernisse

domain-resource-kind = { $kind ->
    [tool] Werkzeug
    [article] Artikel
    [intro] Vorstellung
   *[feedback] Feedback
}
# Was an einer Ressourcenzeile falsch ist; $names listet die Typen, wie sie getippt werden: tool, article, intro, feedback
domain-resource-no-type = kein Typ; schreib `Ressource | Typ | Zweck`, mit einem Typ aus { $names }
domain-resource-unknown-type = Typ `{ $kind }` ist keiner von { $names }
# An ein Hindernis angehängt: • Keine Zeit — Auswirkung: bremst das Lernen — mögliche Lösungen: Vormittage blocken
domain-obstacle-impact = — Auswirkung: { $impact }
domain-obstacle-solutions = — mögliche Lösungen: { $solutions }

## Der Sitzungsablauf (`/programm ablauf`)

domain-outline-default-1-title = Kennenlernen und Ziele
domain-outline-default-1-prompt = Erzählt von eurem Hintergrund, euren Zielen für das Mentoring und was der Mentee vom Mentor erwartet.
domain-outline-default-2-title = Den Fokus schärfen
domain-outline-default-2-prompt = Wählt das wichtigste Ziel und schreibt 2–3 Problemstellungen wie „Ich will meine Fähigkeiten in ___ ausbauen, damit ich ___ kann“; vereinbart einen Aktionsplan.
domain-outline-default-3-title = Eine Übung
domain-outline-default-3-prompt = Wählt eine Problemstellung und plant eine konkrete Übung: was, mit wem, bis wann. Hausaufgabe bis zum nächsten Mal.
domain-outline-default-4-title = Die Übung auswerten
domain-outline-default-4-prompt = Wie lief die Übung? Was habt ihr gelernt, und was kommt als Nächstes?
domain-outline-default-5-title = Mit neuen Schritten wiederholen
domain-outline-default-5-prompt = Schaut auf den Fortschritt bei euren Zielen, wählt die nächste Problemstellung und vereinbart neue Schritte.
# Die Überschrift über dem Impuls eines Schritts in Nachrichten
domain-outline-focus = **Fokus von Sitzung { $number } · { $title }**
domain-outline-empty = Der Ablauf ist leer. Schreib einen Schritt pro Zeile, `Titel: Impuls`. Nichts wurde geändert.
domain-outline-no-colon = In Zeile { $line } steht kein `:` zwischen Titel und Impuls (`{ $text }`). Schreib einen Schritt pro Zeile, `Titel: Impuls`. Nichts wurde geändert.
domain-outline-empty-part = Zeile { $line } hat { $what ->
    [title] einen leeren Titel
   *[prompt] einen leeren Impuls
}. Schreib einen Schritt pro Zeile, `Titel: Impuls`. Nichts wurde geändert.
domain-outline-too-long = Zeile { $line }: Der { $what ->
    [title] Titel
   *[prompt] Impuls
} hat { $len } Zeichen; erlaubt sind höchstens { $max }. Nichts wurde geändert.
domain-outline-too-many = Der Ablauf hat { $count } Schritte; erlaubt sind höchstens { $max } (der letzte wiederholt sich für spätere Sitzungen). Nichts wurde geändert.

## Programmeinstellungen: Zeitzone, Ruhezeiten, Zeitplan des wöchentlichen Anstoßes, Zeiten

domain-unknown-zone = `{ $zone }` ist keine Zeitzone, die ich kenne. Nimm einen IANA-Namen wie `Europe/Berlin`, `America/New_York` oder `Asia/Kolkata` (fang an zu tippen und wähl einen aus der Liste).
domain-quiet-hours-format = `{ $input }` ist keine Ruhezeit-Spanne; schreib sie als `21:00-08:00` (Beginn-Ende, darf über Mitternacht gehen) oder `off`.
domain-quiet-hours-time = `{ $text }` ist keine gültige Uhrzeit; nimm 24-Stunden-Format `HH:MM` zwischen 00:00 und 23:59, z. B. `21:00-08:00`.
domain-schedule-field-count = `{ $expr }` hat { $count } Feld(er); ein Zeitplan braucht 5 (`Minute Stunde Tag-des-Monats Monat Wochentag`, z. B. `0 9 * * Mon` für montags um 09:00) oder 6–7 mit Sekunden zuerst (z. B. `0 0 9 * * Mon`).
domain-schedule-day-of-week = `{ $field }` ist kein gültiger Wochentag; nimm Namen wie `Mon`, `Mon-Fri`, `Sat,Sun` oder Zahlen 0–7 (0 und 7 = Sonntag).
# $reason: die Erklärung der Cron-Bibliothek, auf Englisch
domain-schedule-invalid = `{ $expr }` ist kein gültiger Zeitplan: { $reason } Beispiel: `0 9 * * Mon` = montags um 09:00, `30 17 * * Mon-Fri` = werktags um 17:30.
domain-schedule-too-frequent = `{ $expr }` löst öfter als einmal pro Stunde aus; ein Anstoß-Zeitplan darf höchstens stündlich auslösen. Gib einen einzelnen Wert für die Minute (und die Sekunden) an, z. B. `0 9 * * Mon` = montags um 09:00.
domain-schedule-unknown-reason = unbekannter Fehler.

## Sitzungsserien (`/buchen wiederholen:`); $until, $second und $last sind Unix-Sekunden für <t:…:D>

domain-series-unknown-repeat = `wiederholen:` nimmt `weekly`, `every 2 weeks`, `every 3 weeks` oder `monthly`; wähl eins aus der Liste.
domain-series-count-out-of-range = Eine Serie hat { $min } bis { $max } Sitzungen; `anzahl:{ $given }` liegt außerhalb. Für eine einzelne Sitzung lass `wiederholen:` weg.
domain-series-count-and-until = Gib zu `wiederholen:` entweder `anzahl:` oder `bis:` an, nicht beides.
domain-series-no-end = Sag, wie lange die Serie läuft: `anzahl:` (2–52 Sitzungen) oder `bis:` ein Datum, z. B. `bis:2027-03-31`.
domain-series-end-without-repeat = `anzahl:` und `bis:` gehören zu einer Serie; ergänze `wiederholen:` (z. B. `wiederholen:weekly`) oder lass sie weg.
domain-series-until-too-soon = `bis:` (<t:{ $until }:D>) lässt weniger als zwei Sitzungen übrig; wähl ein späteres Datum, nach <t:{ $second }:D>.
domain-series-until-too-long = Bis `bis:` hätte die Serie { $count } Sitzungen; eine Serie hat höchstens { $max }. Wähl ein früheres Datum oder nimm `anzahl:`.
domain-series-nothing-free = Jede Sitzung dieser Serie überschneidet sich mit einer anderen Sitzung oder fällt in eine Zeitumstellungslücke, daher wurde nichts gebucht. Wähl eine andere Zeit oder schau in `/sitzungen`.
domain-series-not-a-series = Sitzung #{ $number } ist eine einzelne Sitzung, nicht Teil einer Serie; lass `umfang:` weg (oder nimm `umfang:this`).
domain-series-too-far-ahead = Die letzte Sitzung wäre am <t:{ $last }:D>, mehr als { $max_days } Tage im Voraus. Nimm eine kleinere `anzahl:` oder ein früheres `bis:`.
# So liest sich eine Serie: „alle 2 Wochen, Di 17:00“, „monatlich, jeden 2. Di 17:00“ ($week: welcher
# Wochentag im Monat, beim 5. der letzte)
domain-series-describe = { $repeat ->
    [monthly] monatlich, jeden { $week ->
        [first] 1.
        [second] 2.
        [third] 3.
        [fourth] 4.
       *[last] letzten
    } { $weekday } { $time }
    [every-2-weeks] alle 2 Wochen, { $weekday } { $time }
    [every-3-weeks] alle 3 Wochen, { $weekday } { $time }
   *[weekly] wöchentlich, { $weekday } { $time }
}
domain-sessions-count = { $count ->
    [one] { $count } Sitzung
   *[other] { $count } Sitzungen
}

## Eine Sitzung buchen; $start und $end sind Unix-Sekunden für <t:…:F> und <t:…:t>

domain-booking-in-the-past = Diese Zeit liegt in der Vergangenheit (<t:{ $start }:F>). Wähl eine Zeit, die noch bevorsteht, z. B. `tomorrow 15:00`.
domain-booking-too-far-ahead = Das ist mehr als { $max_days } Tage im Voraus. Sitzungen lassen sich bis zu { $max_days } Tage im Voraus buchen.
domain-booking-bad-duration = Eine Sitzung dauert zwischen { $min } und { $max } Minuten; { $given } liegt außerhalb.
domain-booking-overlap = Das überschneidet sich mit deiner Sitzung #{ $number } (<t:{ $start }:F> – <t:{ $end }:t>). Wähl eine Zeit, die für euch beide frei ist.
# $who: der Name des Gegenübers
domain-booking-partner-busy = { $who } hat dann keine Zeit. Wähl eine Zeit, die für euch beide frei ist (während du `wann:` in `/buchen` tippst, zeigt die Liste eure gemeinsamen freien Zeiten).
domain-booking-already-cancelled = Sitzung #{ $number } ist schon abgesagt.
domain-booking-already-completed = Sitzung #{ $number } ist abgeschlossen; sie lässt sich nicht mehr ändern.
domain-booking-already-started = Sitzung #{ $number } hat schon begonnen; sie lässt sich nicht mehr verschieben oder absagen.

## Zeiteinstellungen (`/programm einstellungen`); $key ist der Name einer Einstellung

# $keys: die Namen aller Einstellungen, mit Kommas getrennt
domain-setting-unknown-key = `{ $key }` ist keine Einstellung. Einstellungen: { $keys }.
domain-setting-bad-duration = `{ $value }` ist keine Dauer für `{ $key }`; schreib z. B. `24h`, `90m`, `2days` oder `1h 30m`.
domain-setting-out-of-range = `{ $key }` muss zwischen 0 und 30 Tagen liegen; `{ $value }` tut das nicht.

## Der Zeitrahmen des Programms (`/programm einrichten beginn: ende: dauer:`)

# $option: der Name der Option, starts oder ends (hier als beginn/ende gezeigt)
domain-timeline-bad-date = `{ $text }` ist kein Datum für `{ $option ->
        [starts] beginn
        [ends] ende
       *[other] { $option }
    }`. Schreib es als `2027-01-11` (Jahr-Monat-Tag, in der Zeitzone des Programms). Nichts wurde geändert.
domain-timeline-bad-length = `{ $text }` ist keine Dauer. Gib eine ganze Zahl von Wochen zwischen 1 und { $max } an, z. B. `dauer:12`. Nichts wurde geändert.
domain-timeline-ends-and-length = Gib entweder `ende` oder `dauer` an, nicht beides. Nichts wurde geändert.
domain-timeline-needs-start = Gib auch `beginn` an (den ersten Tag des Programms), z. B. `beginn:2027-01-11`. Nichts wurde geändert.
domain-timeline-needs-end = Gib zu `beginn` auch `ende` (den letzten Tag) oder `dauer` (in Wochen) an. Nichts wurde geändert.
# $starts und $ends: Daten wie 2027-01-11
domain-timeline-end-before-start = Das Programm muss nach seinem Beginn enden ({ $starts } liegt nicht vor { $ends }). Nichts wurde geändert.
domain-timeline-too-long = Ein Programm läuft höchstens { $max } Wochen. Nichts wurde geändert.
