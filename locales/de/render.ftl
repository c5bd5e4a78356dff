# Was render/ schreibt: Mitteilungen (DMs), Agenden, Sitzungsprotokolle, Serien-Nachrichten, Buttons von
# Rückfragen, Titel von Kalenderterminen und die lesbaren Teile des Exports.

## Buttons und ihre Beschriftungen (components.rs, admin_buttons.rs)
render-show-free-times = Freie Zeiten zeigen
render-away-remove = { $dates } entfernen
render-confirm-leave = Verlassen
render-confirm-stay = Bleiben
render-confirm-unpair = Trennen
render-confirm-keep = Behalten
# Button einer Aufgabe: ihre kurze ID, dann was der Button tut (erledigt, +3 Tage, blockiert).
render-action-button = { $id } { $label }
render-next-goal = Nächstes Ziel: { $title }
render-nudge-both = Beide anstoßen: { $mentor } & { $mentee }

## Daten in Markdown-Dateien (Zone des Lesers), z. B. "Di, 24. Nov 2026 14:00"
render-plain-at = { $datetime } ({ $zone })

## Mitteilungen zu Sitzungen (notice.rs)
render-paired-title = 🤝 Du hast ein neues Mentoring-Gegenüber
render-paired-description =
    Du bildest jetzt ein Paar mit { $partner }, deinem { $role ->
        [mentee] Mentee
       *[mentor] Mentor
    }.
    Buche eure erste Sitzung mit `/buchen mit:@… wann:…`, z. B. `wann:tomorrow 15:00`.
render-unpaired-title = 👋 Paar beendet
render-unpaired-description = Dein Mentoring-Paar mit { $partner } wurde beendet ({ $why ->
        [left] dein Gegenüber hat das Mentoring-Programm verlassen
       *[admin] ein Admin des Programms hat es beendet
    }). Kommende Sitzungen des Paares wurden abgesagt.
render-session-booked-title = 📅 Sitzung #{ $number } gebucht
render-session-booked-description = { $by } hat eine Mentoring-Sitzung mit dir gebucht.
render-session-moved-title = 🔁 Sitzung #{ $number } verschoben
render-session-moved-description = { $by } hat deine Sitzung von { $previous } auf die Zeit unten verschoben.
render-session-cancelled-title = ❌ Sitzung #{ $number } abgesagt
render-session-cancelled-description = { $by } hat deine Sitzung am { $start } abgesagt.
render-field-reason = Grund
render-field-when = Wann
render-field-duration = Dauer
render-field-topic = Thema
render-minutes = { $count } Minuten
render-topics-added-title = ➕ Themen zu Sitzung #{ $number } hinzugefügt
render-topics-added-file-title = Themen zu Sitzung #{ $number } hinzugefügt
render-topics-added-intro = { $by } hat zur Agenda deiner Sitzung am { $when } hinzugefügt:
render-nudged-title = 👋 Zeit für eure nächste Mentoring-Sitzung?
render-nudged-description = Du und { $partner } habt euch schon eine Weile nicht getroffen. Ein kurzer Austausch hält die Sache in Schwung.
render-nudged-no-times = Sucht euch gemeinsam eine Zeit aus und bucht sie mit `/buchen mit:@… wann:…`; `/verfügbarkeit zeigen` zeigt, wann dein Gegenüber frei ist.
render-nudged-times-intro = Ein paar Zeiten, zu denen ihr beide frei seid:
render-nudged-times-outro = Buche eine mit `/buchen mit:@… wann:` und wähle sie aus der Liste.

## Titel von Kalenderterminen
render-calendar-series-title = Mentoring-Sitzung
render-calendar-session-title = Mentoring-Sitzung #{ $number }

## Agenden und Aufgaben (content.rs)
render-user-fallback = Mitglied { $id }
render-action-line = **{ $id }** { $title } — { $owner } · fällig am { $due } · { $status }
render-action-line-reason = { $line } ({ $reason })
render-action-success = Erledigt, wenn: { $success }
render-topic-added-by = { $topic } — hinzugefügt von { $by }
render-no-topics = Noch keine Themen.
render-agenda-title = 📝 Agenda für Sitzung #{ $number }
render-agenda-intro = { $mentee } mit { $mentor } (Mentor) · { $when } · { $minutes } Minuten
render-agenda-none-yet = Noch keine Agenda: Der Mentee schreibt sie mit `/agenda bearbeiten`.
render-agenda-shared = { $mentee } hat die Agenda für eure Sitzung { $how ->
        [updated] aktualisiert
       *[shared] geteilt
    }.
render-section-goal = 🎯 Ziel der Sitzung
render-section-progress = 📈 Fortschritt seit der letzten Sitzung
render-section-challenges = 🧱 Herausforderungen
render-section-topics = 🗣️ Themen zum Besprechen
render-section-support = 🆘 Nötige Unterstützung oder Entscheidungen
render-section-leftovers = ↩️ Offene Aufgaben der letzten Sitzung
render-none = Keine.
render-long-attached = Das ist lang: Der vollständige Text steht in der angehängten Datei `{ $file }`.

## Das Sitzungsprotokoll (summary.rs)
render-summary-title = 📒 Zusammenfassung von Sitzung #{ $number }
render-summary-date = **Datum:** { $date }
render-summary-mentor = **Mentor:** { $mentor }
render-summary-mentee = **Mentee:** { $mentee }
render-summary-number = **Sitzungsnummer:** { $number }
render-summary-duration = **Dauer:** { $minutes } Minuten
render-summary-status = **Status:** { $status }
render-summary-next-from-notes = **Nächste Sitzung (Notizen):** { $next }
render-summary-next-booked = **Nächste Sitzung gebucht:** #{ $number } am { $when }
render-summary-milestone = **Meilenstein:** { $title } — { $bar } · { $status }
render-summary-milestone-target = { $milestone } · Stichtag { $target }
render-summary-midpoint = Zwischen-Review von { $by }: { $progress } %
render-summary-adjustment = { $review } · Anpassung: { $adjustment }
render-summary-final = Abschluss-Review von { $by }: { $achieved ->
        [yes] erreicht
       *[no] nicht erreicht
    }
render-summary-next-steps = { $review } · nächste Schritte: { $steps }
render-summary-background-none = Noch nicht geteilt (der Mentee teilt ihn über den Button „Hintergrund teilen“ in der DM zum neuen Paar).
render-summary-background-field = **{ $name }:** { $value }
render-summary-section-details = 📅 Details der Sitzung
render-summary-section-background = 🧳 Hintergrund des Mentees
render-summary-no-agenda = Es wurde keine Agenda geschrieben.
render-summary-section-topics = 🗣️ Gesprächsthemen
render-summary-section-obstacles = 🚧 Hindernisse
render-summary-section-resources = 📚 Geteilte Ressourcen
render-summary-section-takeaways = 💡 Wichtigste Erkenntnisse
render-summary-section-next-steps = ✅ Nächste Schritte
render-summary-section-follow-up = 🔭 Wie es weitergeht
render-none-noted = Nichts festgehalten.
render-summary-no-actions = In dieser Sitzung wurden noch keine Aufgaben vereinbart.
render-summary-nothing-planned = Noch nichts geplant.
render-summary-no-notes = Noch keine Sitzungsnotizen: Schreib sie mit `/notizen`.
render-summary-not-started = Diese Sitzung hat noch nicht begonnen.

## Serien (render_series.rs)
render-series-cancelled-title = ❌ { $count ->
        [one] 1 Sitzung
       *[other] { $count } Sitzungen
    } deiner Serie abgesagt
render-series-cancelled-description = { $by } hat deine Serie ({ $series }, { $zone }) ab { $from } abgesagt.
render-series-field-cancelled = Abgesagt
render-series-moved-title = 🔁 { $count ->
        [one] 1 Sitzung
       *[other] { $count } Sitzungen
    } deiner Serie verschoben
render-series-moved-description = { $by } hat deine Serie ab der Sitzung unten verschoben: Sie ist jetzt { $series } ({ $zone }). Die Kalenderdateien ändern die alte Serie und fügen die neue hinzu.
render-series-field-next = Nächste Sitzungen
render-series-field-not-moved = Abgesagt (nicht verschiebbar)
render-series-booked-title = 🔁 { $count ->
        [one] 1 Sitzung
       *[other] { $count } Sitzungen
    } gebucht: eine Serie
render-series-booked-description = { $by } hat eine Serie mit dir gebucht: { $series } ({ $zone }), je { $minutes } Minuten. Die Kalenderdatei enthält die ganze Serie.
render-series-field-first = Erste Sitzungen
render-series-field-left-out = Ausgelassen
render-series-time = #{ $number } · { $when }
render-and-more = … und { $count } weitere
render-left-out-overlap-of = { $at }: überschneidet sich mit Sitzung #{ $number } von { $who }
render-left-out-busy = { $at }: { $who } ist dann beschäftigt
render-left-out-overlap = { $at }: überschneidet sich mit einer anderen Sitzung
render-left-out-away-who = { $at }: { $who } ist dann abwesend
render-left-out-away = { $at }: während einer Abwesenheit
render-left-out-gap = { $at }: Diese Ortszeit gibt es nicht (die Uhren werden vorgestellt)

## Vorbereitung (render_shape.rs)
render-prework-field = Vor eurer ersten Sitzung
render-prework-text = Teile deinen Hintergrund mit deinem Mentor: deine aktuelle Rolle, was du dir vom Mentoring wünschst, Links (ein Lebenslauf, eine Stellenbeschreibung) und wie du am liebsten kommunizierst. Nur ihr beide seht ihn.
render-background-title = 🧳 Der Hintergrund deines Mentees
render-background-description = { $mentee } hat den eigenen Hintergrund für euer Mentoring { $how ->
        [updated] aktualisiert
       *[shared] geteilt
    }. Nur ihr beide seht ihn.
render-background-continued = { $name } (Fortsetzung)

## /ich export (export.rs)
render-export-note = Zeitpunkte sind Unix-Sekunden (UTC). Bewertungen und Antworten zur Teilnahme gehören nur dir; Agenden, Notizen, Themen, Aufgaben, Ziele und Reviews gehören zu deinen Paaren.
render-export-heading = Deine Mentoring-Sitzungen
render-export-no-sessions = Es hat noch keine Sitzung stattgefunden.
