# Die Nachrichten des Schedulers: Erinnerungen und Nachfragen per DM, der Wochenpost im Programmkanal,
# die Admin-Zusammenfassung, Review-Aufforderungen, Check-ins, Meilenstein-Erinnerungen und das Berichtsdiagramm.
# Sie gehen außerhalb jeder Interaktion raus und werden daher in der Standardsprache gelesen.
# Erwähnungen ($mentor, $mentee, $partner, $user) kommen als Discord-Erwähnungen; $when als Discord-
# Zeitstempel; $label als Beschriftung eines Buttons.

## Sitzungserinnerungen (src/scheduler/messages.rs)

sched-agenda-request-title = 📝 Zeit für die Agenda · Sitzung #{ $number }
sched-agenda-request =
    Deine Sitzung mit { $mentor } ist am { $when }.
    Nimm dir fünf Minuten zur Vorbereitung: Was würde sie zum Erfolg machen, was hat sich seit letztem Mal bewegt, wo hängst du fest? Reich deine Agenda über den Button oder mit `/agenda bearbeiten` ein.
sched-agenda-nudge-title = ⏰ Agenda fehlt noch · Sitzung #{ $number }
sched-agenda-nudge = Deine Sitzung mit { $mentor } beginnt am { $when }. Eine kurze Agenda hilft euch beiden, das Beste daraus zu machen.
sched-agenda-missing-title = 📭 Noch keine Agenda · Sitzung #{ $number }
sched-agenda-missing = { $mentee } hat für eure Sitzung am { $when } noch keine Agenda geschickt. Frag doch mal nach, worauf der Fokus liegen soll.
sched-follow-up-title = ✅ Wie lief's? · Sitzung #{ $number }
sched-follow-up-again-title = ✅ Noch nichts eingetragen · Sitzung #{ $number }
sched-follow-up-question = **Hat die Sitzung stattgefunden?** Ein „{ $label }“ von einem von euch reicht, dann zählt sie als gehalten.
sched-follow-up-mentor = Danke fürs Mentoring! Teile die Ressourcen, die du erwähnt hast, damit sie im Sitzungsprotokoll stehen.
sched-follow-up-mentee = Halte Erkenntnisse und Aufgaben fest, solange sie frisch sind, und buch die nächste Sitzung.

## Die Vorbereitungsnotiz für den Mentor

sched-prep-title = 🧭 Vorbereitung · Sitzung #{ $number }
sched-prep-open-actions = 📌 Offene Aufgaben
sched-prep-no-open-actions = Keine.
sched-prep-no-agenda = ❌ Es ist keine Agenda eingegangen.

## Erinnerungen an Aufgaben ($count ist im „many“-Titel mindestens 2)

sched-deadline-title-due = ⏳ Eine Aufgabe ist bald fällig
sched-deadline-title-overdue = ⚠️ Eine Aufgabe ist überfällig
sched-deadline-title-many =
    { $count ->
       *[other] ⏳ { $count } Aufgaben brauchen dich
    }
sched-deadline-due = fällig am { $when }
sched-deadline-overdue = überfällig seit { $when }
sched-deadline-done-when = Erledigt, wenn: { $success }
sched-deadline-continued = { $id } (Fortsetzung)
sched-deadline-intro = Markiere Aufgaben als erledigt, gib dir 3 Tage mehr oder sag, was dich blockiert.
sched-deadline-more = Weitere Aufgaben: `/aufgabe liste`.

## Der Wochenpost im Programmkanal (nur Summen)

sched-weekly-title = 📊 Mentoring diese Woche
sched-weekly-held = Gehaltene Sitzungen letzte Woche
sched-weekly-missed = Verpasst letzte Woche
sched-weekly-unconfirmed = Unbestätigt letzte Woche
sched-weekly-booked = Gebucht diese Woche
sched-weekly-agendas-on-time = Agenden rechtzeitig
sched-weekly-on-time-share = { $percent } % ({ $on_time } von { $held })
sched-weekly-no-sessions-held = keine Sitzungen gehalten
sched-weekly-actions-done = Erledigte Aufgaben letzte Woche
sched-weekly-actions-overdue = Überfällige Aufgaben
sched-weekly-stale-pairs = Inaktive Paare (länger nicht getroffen)
sched-weekly-stale-share = { $stale } von { $active }
sched-weekly-call-to-action = Noch keine Sitzung gebucht? Nutze `/buchen`. Steht eine Sitzung an? Schick deine Agenda mit `/agenda`.

## Wenn jemandes DMs geschlossen sind (eine Erwähnung im Programmkanal)

sched-dm-fallback = { $user }, ich konnte dir keine Mentoring-Erinnerung per Direktnachricht schicken. Bitte erlaube Direktnachrichten von Servermitgliedern (Servermenü → Privatsphäre-Einstellungen), damit Erinnerungen bei dir ankommen.

## Die wöchentliche Admin-Zusammenfassung (src/scheduler/digest.rs); $last und $next sind Daten oder „—“

sched-digest-title = Wöchentliche Programm-Zusammenfassung ({ $zone })
sched-digest-summary = { $pairs } aktive(s) Paar(e), { $stale } davon inaktiv (in letzter Zeit keine gehaltene Sitzung). Nur Zahlen und Daten.
sched-digest-pair = { $mentor } & { $mentee }: zuletzt gehalten { $last }, nächste { $next }; gehalten { $held } · verpasst { $missed } · überfällige Aufgaben { $overdue }
sched-digest-more = …und { $count } weitere: siehe `/programm bericht`.

## Vierteljährliche Check-ins nach dem Programm (src/scheduler/shape.rs)

sched-checkin-title = ☕ Quartals-Check-in ({ $quarter } von { $total })
sched-checkin-intro = Dein Mentoring-Programm ist jetzt { $months } Monate vorbei. **Wie läuft es mit deinen Zielen?** Was hat sich bewegt, wo hängt es, was kommt als Nächstes?
sched-checkin-book-active = Buch ein Wiedersehen mit { $partner }: `/buchen mit:@… wann:…` (deine freien Zeiten werden vorgeschlagen).
sched-checkin-book-ended = Schreib { $partner } eine Nachricht und vereinbart ein Wiedersehen.
sched-checkin-goals = Deine Ziele zum Programmende
sched-checkin-no-goals = Keine Ziele eingetragen.

## Review-Aufforderungen und ihre Erinnerungen

sched-review-midpoint-title = 🪞 Zwischen-Review
sched-review-midpoint-reminder-title = ⏰ Dein Zwischen-Review ist noch offen
sched-review-midpoint = Du hast die Hälfte deines Mentorings mit { $partner } geschafft. Nimm dir zehn Minuten für jedes Ziel: **Fortschritt** (0–100 %), die **Belege** und was du für die zweite Hälfte **anpassen** willst. Ihr antwortet jeweils für euch; nur ihr beide seht die Antworten.
sched-review-midpoint-start = Zwischen-Review starten
sched-review-final-title = 🏁 Abschluss-Review
sched-review-final-reminder-title = ⏰ Dein Abschluss-Review ist noch offen
sched-review-final = Das Programm endet am { $ends }. Blick in zwei Schritten auf dein Mentoring mit { $partner } zurück: **1.** für jedes Ziel: erreicht oder nicht, deine wichtigsten Erkenntnisse und nächsten Schritte; **2.** was sich für dich am meisten verändert hat, welche Fähigkeiten besser geworden sind und was weitergehen soll.
sched-review-final-check-ins = Willst du dranbleiben? Wähle **{ $label }** und ihr bekommt beide ein Jahr lang alle drei Monate einen kurzen Check-in.
sched-review-final-start = Abschluss-Review starten
sched-review-check-ins-button = Quartals-Check-ins

## Meilenstein-Erinnerungen

sched-milestone-due-title = 🎯 Ein Meilenstein ist bald fällig
sched-milestone-overdue-title = ⚠️ Ein Meilenstein ist überfällig
sched-milestone-due = **{ $id } · { $title }** (Ziel „{ $goal }“) ist fällig am { $when }.
    Erledigt? Drück den Button: Er zählt zum Fortschritt des Ziels.
sched-milestone-overdue = **{ $id } · { $title }** (Ziel „{ $goal }“) war fällig am { $when }.
    Erledigt? Drück den Button: Er zählt zum Fortschritt des Ziels.

## Das Diagramm im Programmbericht (src/chart.rs)

sched-chart-sessions = Sitzungen
sched-chart-held = gehalten
sched-chart-missed = verpasst
sched-chart-agenda-on-time = Agenda rechtzeitig
sched-chart-actions = Aufgaben
sched-chart-actions-done = erledigt
sched-chart-actions-overdue = überfällig (in der Woche fällig)
sched-chart-rating = Durchschnittsbewertung (Wochen mit mind. 5 Bewertungen)
sched-chart-no-rating = noch keine Woche mit 5 Bewertungen
