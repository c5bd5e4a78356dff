# Die Texte der Slash-Befehle (src/bot/commands/): Antworten, Embeds, Buttons, /hilfe.
# Jede ID beginnt mit cmd-. Discord-Markdown (Backticks, **fett**) bleibt, wie es ist.

# /hilfe (src/bot/commands/help.rs). Feldtexte sind Discord-Markdown; die Backticks bleiben.
cmd-help-title = mentor-bot: strukturiertes Mentoring
cmd-help-intro = Beide Seiten kommen vorbereitet und gehen mit konkreten Aufgaben. Buche Sitzungen mit deinem Gegenüber; ihr seht die Zeiten jeweils in eurer eigenen Zeitzone. Alles über ein Paar bleibt beim Paar.
cmd-help-everyone-name = Alle
cmd-help-everyone =
    `/beitreten rolle:mentee|mentor` dem Programm beitreten (Mentees: `interessen:`; Mentoren: `fachgebiete:` `kapazität:`)
    `/zeitzone zone:` deine Zeitzone setzen
    `/profil` deine Rolle, Zone und Paare
    `/verlassen` das Programm verlassen
    `/ich export` eine Kopie von allem, was über dich gespeichert ist · `/ich vergessen` alles löschen (fragt vorher)
cmd-help-pairs-name = Mentees und Mentoren
cmd-help-pairs =
    `/buchen mit:@partner wann:tomorrow 15:00` eine Sitzung buchen (deine Zone)
    `/buchen ... wiederholen:weekly anzahl:10` eine Serie zur selben Ortszeit buchen
    `/sitzungen` kommende und letzte Sitzungen
    `/verschieben sitzung: wann:` eine Sitzung verschieben
    `/absagen sitzung: grund:` eine Sitzung absagen
    `/verfügbarkeit setzen zeiten:mon 18:00-20:00, sat 10-12` deine wöchentlichen Zeiten (deine Zone)
    `/verfügbarkeit zeigen mitglied:@` die Zeiten von jemandem in deiner Zone (deine: mit Buttons „… entfernen“ für Abwesenheiten)
    `/verfügbarkeit abwesend von: bis:` ein Urlaub
cmd-help-content-name = Inhalte der Sitzungen (nur für euer Paar)
cmd-help-content =
    `/agenda bearbeiten` Mentee: die Agenda der nächsten Sitzung schreiben oder ändern (ein Formular)
    `/agenda thema` Mentor: Themen hinzufügen (eine Zeile mit `!` beginnen = hohe Priorität)
    `/agenda ansehen sitzung:` eine Agenda lesen, auch von vergangenen Sitzungen
    `/notizen sitzung:` nach einer Sitzung: Erkenntnisse, Ressourcen, Hindernisse, nächste Sitzung
    `/sitzung überblick sitzung:` alles zur Sitzung, auch als Markdown-Datei
cmd-help-actions-name = Aufgaben, Ziele und Reviews (nur für euer Paar)
cmd-help-actions =
    `/aufgabe hinzufügen titel: zuständig:me|partner frist:fri` eine Aufgabe (Zeitzone der zuständigen Person)
    `/aufgabe liste filter:` · `/aufgabe erledigt aufgabe:A3` · `/aufgabe ändern aufgabe:A3 frist:|status:` · `/aufgabe verlauf aufgabe:A3`
    `/ziel hinzufügen titel:` · `/ziel liste` · `/ziel fortschritt ziel: prozent:` · `/ziel abschließen ziel: erreicht:`
    `/ziel meilenstein ziel: titel: stichtag:` · `/ziel meilenstein_erledigt meilenstein:` Meilensteine zählen zum Fortschritt
    `/review zwischenstand` · `/review abschluss` ein Formular pro Ziel (das Abschluss-Review endet mit der Abschlussreflexion)
    `/programm ablauf` wofür jede Sitzung des Programms da ist
cmd-help-buttons-name = Buttons in meinen DMs
# $session, $attendance: Button-Beschriftungen, verbunden mit " · "; $items: die Buttons der Aufgaben.
cmd-help-buttons =
    { $session }
    Nach einer Sitzung: { $attendance }; eine Bewertung bleibt privat
    Erinnerungen an Aufgaben: { $items }
    Ein benutzter Button wird ausgegraut, und die Nachricht zeigt, was er bewirkt hat.
cmd-help-admins-name = Admins („Server verwalten“ oder die Koordinationsrolle)
cmd-help-admins =
    `/programm einrichten kanal: zeitzone: beginn: ende:|dauer: koordinationsrolle:? aufbewahrung:?` das Programm starten oder ändern
    `/programm ablauf ersetzen:true` den Sitzungsablauf ersetzen (ein Schritt pro Zeile, `Titel: Impuls`)
    `/paaren mentor:@ mentee:@` zwei Mitglieder zum Paar machen
    `/trennen mentor:@ mentee:@` ein Paar beenden
    `/programm einstellungen name: wert:` Erinnerungszeiten und Ruhezeiten
    `/programm anstöße zeitplan: kanal: aus:` der wöchentliche Anstoß
    `/programm status` wo das Programm steht (Woche 5 von 12), Zustellung, Sitzungen gehalten oder verpasst, die Durchschnittsbewertung
cmd-help-health-name = Admins: Zustand und Zuordnung
cmd-help-health =
    `/programm bericht` 12-Wochen-Diagramm, Zahlen, CSV und Zustand der Paare · `/programm zusammenfassung zustand:` wöchentliche DM
    `/programm schlagworte setzen schlagworte:` Interessen-Schlagworte · `/zuordnung vorschlagen` Paarvorschläge mit „… paaren“ / „Überspringen“
cmd-help-times-name = Zeiten, die du tippen kannst
cmd-help-times = `2026-11-24 15:00` · `24.11. 15:00` · `tomorrow 15:00` · `mon 9:30` · `in 2 days 10am` · `in 3 hours`

# /agenda (src/bot/commands/agenda.rs)
# $updated: yes, wenn eine Agenda geändert wurde, no, wenn sie neu ist.
cmd-agenda-saved = ✅ Agenda für Sitzung #{ $number } { $updated ->
        [yes] aktualisiert
       *[other] gespeichert
    }. { $told }
cmd-agenda-mentor-told = <@{ $mentor }> hat sie per DM bekommen.

# /paaren (src/bot/commands/pairing.rs)
cmd-pair-told = Beide wurden per DM informiert.
cmd-pair-done = 🤝 Mentor <@{ $mentor }> und Mentee <@{ $mentee }> sind jetzt ein Paar. { $told }

# /notizen und /sitzung überblick (src/bot/commands/notes.rs)
cmd-notes-saved = 📝 Notizen zu Sitzung #{ $number } gespeichert; die Sitzung ist als { $status } markiert. Alles siehst du mit `/sitzung überblick`.
cmd-notes-resources-kept = So gespeichert, wie getippt, aber nicht in der Form `Ressource | Typ | Zweck` (Typen: { $types }):
cmd-notes-resource-line = Ressourcen, Zeile { $line }: { $problem }
cmd-notes-resources-title = Ressourcen-Zeilen zum Prüfen
cmd-summary-attached = Der vollständige Bericht hängt als `{ $file }` an.

# /review (src/bot/commands/reviews.rs); $kind: midpoint oder final.
cmd-review-saved = ✅ { $kind ->
        [final] Abschluss
       *[other] Zwischen
    }-Review zu „{ $title }“ gespeichert ({ $progress } · { $status }). Es erscheint in `/ziel liste` und `/sitzung überblick`.
cmd-review-last-final = Das war das letzte Ziel. Schritt 2: die Abschlussreflexion.
cmd-review-reflection-button = Schritt 2: Reflexion
cmd-review-last = Das war das letzte Ziel für das { $kind ->
        [final] Abschluss-Review
       *[other] Zwischen-Review
    }.

# /aufgabe (src/bot/commands/actions.rs)
# $change: added, done, deadline (eine neue Frist), open, blocked oder dropped.
cmd-action-changed = ✅ { $id } { $change ->
        [done] ist erledigt 🎉
        [deadline] hat eine neue Frist
        [open] ist wieder offen
        [blocked] ist blockiert
        [dropped] ist verworfen
       *[added] hinzugefügt
    }.
cmd-action-owner-zone-note = (Frist in der Zeitzone der zuständigen Person.)
cmd-action-history-title = Verlauf von { $id } · { $title }
# $overdue: yes oder no; $changes: wie viele Änderungen aufgelistet sind.
cmd-action-history-intro =
    Zuständig: <@{ $owner }> · jetzt { $status }{ $overdue ->
        [yes] {" · ⚠️ überfällig"}
       *[other] {""}
    } · Frist <t:{ $deadline }:F>
    { $changes } Änderung(en), älteste zuerst; Zeiten in deiner Zeitzone.
cmd-action-event-created = { $n }. Angelegt
cmd-action-event-deadline-moved = { $n }. Frist verschoben
cmd-action-event-status = { $n }. Status: { $old } → { $new }
cmd-action-event-by = <t:{ $at }:f> (<t:{ $at }:R>) von <@{ $by }>
cmd-action-event-deadline = Frist: { $deadline }
cmd-action-event-moved = Von { $old } auf { $new }
cmd-action-event-why = Grund: { $reason }
# $local: die Frist als Ortszeit der zuständigen Person; $offset: z. B. UTC+1.
cmd-action-item =
    Zuständig: { $owner }
    Frist: <t:{ $deadline }:F> (<t:{ $deadline }:R>) · { $local } { $zone } ({ $offset })
    Status: { $status }
cmd-action-success = Erledigt, wenn: { $success }
cmd-action-empty-open = Keine offenen Aufgaben. Füge eine mit `/aufgabe hinzufügen` hinzu.
cmd-action-empty-overdue = Keine überfälligen Aufgaben. Füge eine mit `/aufgabe hinzufügen` hinzu.
cmd-action-empty-done = Noch keine erledigten Aufgaben. Füge eine mit `/aufgabe hinzufügen` hinzu.
cmd-action-empty-mine = Du hast keine offenen Aufgaben. Füge eine mit `/aufgabe hinzufügen` hinzu.
cmd-action-empty-all = Noch keine Aufgaben. Füge eine mit `/aufgabe hinzufügen` hinzu.
cmd-action-list-item = { $id } · { $title }
cmd-action-list-item-overdue = { $id } · { $title } ⚠️ überfällig
cmd-action-list-intro = Fristen stehen auch in deiner Zeitzone da.
cmd-action-list-open = Offene Aufgaben
cmd-action-list-overdue = Überfällige Aufgaben
cmd-action-list-done = Erledigte Aufgaben
cmd-action-list-mine = Deine offenen Aufgaben
cmd-action-list-all = Alle Aufgaben

# /verfügbarkeit (src/bot/commands/availability.rs)
cmd-availability-cleared = 🗓️ Deine wöchentliche Verfügbarkeit ist geleert: Dein Gegenüber kann jederzeit außerhalb deiner Ruhezeiten buchen.
# Danach folgen die Zeiten, eine pro Zeile.
cmd-availability-set = 🗓️ Deine wöchentliche Verfügbarkeit, in { $zone } (sie bleibt bei diesen Ortszeiten, wenn die Uhren umgestellt werden):
# $own: yes für die eigene Verfügbarkeit, no für die von jemand anderem (<@$owner>).
cmd-availability-not-set = { $own ->
        [yes] Deine wöchentliche Verfügbarkeit
       *[other] Wöchentliche Verfügbarkeit von <@{ $owner }>
    }: nicht gesetzt (jede Zeit außerhalb der Ruhezeiten).
cmd-availability-slots = { $own ->
        [yes] Deine wöchentliche Verfügbarkeit
       *[other] Wöchentliche Verfügbarkeit von <@{ $owner }>
    }, in { $zone }:
cmd-availability-slots-other-zone = { $own ->
        [yes] Deine wöchentliche Verfügbarkeit
       *[other] Wöchentliche Verfügbarkeit von <@{ $owner }>
    }, in deiner Zone { $zone } (festgelegt in { $owner_zone }):
cmd-availability-away-heading = Abwesend:
cmd-availability-away-period = • <t:{ $from }:D> bis <t:{ $to }:D>
cmd-availability-away-added = 🏖️ Du bist von <t:{ $from }:D> bis <t:{ $to }:D> abwesend ({ $zone }). In dieser Zeit kann niemand eine Sitzung mit dir buchen.
cmd-availability-away-sessions = ⚠️ Du hast in dieser Zeit { $count ->
        [one] { $count } Sitzung
       *[other] { $count } Sitzungen
    } gebucht; verschiebe { $count ->
        [one] sie
       *[other] sie
    } mit `/verschieben` oder sag sie mit `/absagen` ab.

# /buchen, /sitzungen, /verschieben, /absagen (src/bot/commands/booking.rs)
# $local: die getippte Zeit, wie sie gelesen wurde, z. B. Mo., 24. Nov 2026 15:00; $offset: z. B. CET (UTC+01:00).
cmd-book-read-as = Gelesen als **{ $local }** in { $zone } ({ $offset }).
cmd-book-ambiguous = ⚠️ Diese Ortszeit gibt es zweimal (in der Nacht werden die Uhren zurückgestellt). Ich habe die frühere genommen, <t:{ $chosen }:F>; die spätere wäre <t:{ $other }:F>.
cmd-book-series-told = <@{ $partner }> hat eine DM mit einer Kalenderdatei für die ganze Serie bekommen.
cmd-book-booked = 📅 Sitzung #{ $number } mit { $partner } gebucht
cmd-book-told = <@{ $partner }> hat eine DM mit einer Kalenderdatei bekommen.
cmd-book-with-pick = Wähle deinen Mentor oder Mentee: Rechtsklick auf die Person → Apps → **Sitzung buchen**.
cmd-book-series-title = 🔁 { $booked } von { $count } Sitzungen mit { $partner } gebucht
# $series: wie sie sich wiederholt, z. B. alle 2 Wochen, Di 17:00.
cmd-book-series-summary = { $series }, in { $zone }, je { $minutes } Minuten.
cmd-book-first-sessions = Erste Sitzungen
cmd-book-clocks-go-back = ⚠️ Die Uhren werden zurückgestellt
cmd-book-ambiguous-times = Diese Ortszeiten gibt es zweimal; ich habe jeweils die frühere genommen: { $times }
cmd-book-left-out = Ausgelassen ({ $count })
# Eine Sitzung in /sitzungen; $local: ihre Ortszeit in deiner Zone.
cmd-sessions-line = **#{ $number }** mit { $partner } · <t:{ $start }:F> ({ $local } { $zone }) · { $minutes } Min.
cmd-sessions-none = Keine.
cmd-sessions-none-upcoming = Keine. Buche eine mit `/buchen`.
cmd-sessions-title = Deine Sitzungen
cmd-sessions-upcoming = Kommende
cmd-sessions-series = Serien
cmd-sessions-recent = Letzte
cmd-sessions-series-line = 🔁 **{ $series }** ({ $zone }) mit { $partner } · noch { $left } von { $count } · nächste <t:{ $next }:F>
cmd-sessions-more = … und weitere (wähle aus der Liste von `/verschieben`)
cmd-reschedule-series-told = <@{ $partner }> wurde informiert, mit aktualisierten Kalenderdateien.
cmd-reschedule-series-title = 🔁 { $count ->
        [one] { $count } Sitzung
       *[other] { $count } Sitzungen
    } der Serie verschoben
cmd-reschedule-series-summary = Ab Sitzung #{ $number } ist die Serie jetzt { $series }, in { $zone }.
cmd-reschedule-next-sessions = Nächste Sitzungen
cmd-reschedule-left-out = Abgesagt, nicht verschiebbar ({ $count })
cmd-reschedule-moved = 🔁 Sitzung #{ $number } verschoben
# $to: die neue Zeit als Discord-Zeitstempel.
cmd-reschedule-from-to = Von <t:{ $from }:F> auf { $to }.
cmd-reschedule-told = <@{ $partner }> wurde informiert, mit einer aktualisierten Kalenderdatei.
cmd-cancel-series = ❌ { $count ->
        [one] { $count } Sitzung
       *[other] { $count } Sitzungen
    } der Serie ({ $series }, { $zone }) ab <t:{ $from }:F> abgesagt; die Serie endet jetzt davor. { $told }
cmd-cancel-series-told = <@{ $partner }> wurde informiert, mit der aktualisierten Kalenderdatei der Serie.
cmd-cancel-done = ❌ Sitzung #{ $number } am <t:{ $start }:F> abgesagt. { $told }
cmd-cancel-told = <@{ $partner }> wurde informiert.

# /ziel (src/bot/commands/goals.rs)
cmd-goal-why = Warum: { $why }
cmd-goal-measure = Messgröße: { $measure }
cmd-goal-target = Zieldatum: { $target }
cmd-goal-learnings = Erkenntnisse: { $learnings }
# $id: z. B. M2; $due: Unix-Sekunden für einen Discord-Zeitstempel.
cmd-goal-milestone-added = 🎯 { $id } „{ $title }“ zum Ziel „{ $goal }“ hinzugefügt, Stichtag <t:{ $due }:F>. Am Tag davor kommt eine Erinnerung; markiere ihn mit `/ziel meilenstein_erledigt` oder dem Button in der Erinnerung als erledigt.
# $change: added, updated oder closed.
cmd-goal-changed = 🎯 Ziel { $change ->
        [updated] aktualisiert
        [closed] abgeschlossen
       *[added] hinzugefügt
    }.
cmd-goal-none = Noch keine Ziele. Füge eins mit `/ziel hinzufügen titel:…` hinzu.
cmd-goal-update = • <t:{ $at }:d> { $by } { $percent } %
cmd-goal-midpoint-review = 🔎 Zwischen-Review von { $by }: { $percent } %
# $achieved: yes oder no.
cmd-goal-final-review = 🏁 Abschluss-Review von { $by }: { $achieved ->
        [yes] erreicht
       *[other] nicht erreicht
    }
cmd-goal-review-evidence = Belege: { $text }
cmd-goal-review-adjustment = Anpassung: { $text }
cmd-goal-review-learnings = Erkenntnisse: { $text }
cmd-goal-review-next-steps = nächste Schritte: { $text }
cmd-goal-milestone-done = ✅ erledigt <t:{ $at }:d>
cmd-goal-milestone-due = ◻️ fällig <t:{ $at }:d>
cmd-goal-reflection-changed = Was sich am meisten verändert hat
cmd-goal-reflection-skills = Verbesserte Fähigkeiten
cmd-goal-reflection-continue = Was weitergehen soll
cmd-goal-reflection-title = 🏁 Abschlussreflexion
cmd-goal-reflection-by = von { $by }
cmd-goal-list-intro = Ziele von { $mentee } mit { $mentor } (Mentor).
cmd-goal-list-title = 🎯 Ziele

# /programm schlagworte, /zuordnung vorschlagen (src/bot/commands/matching.rs)
# $tags: die Schlagworte in Backticks, mit Kommas getrennt.
cmd-tags-set = 🏷️ Die Schlagworte des Programms sind jetzt { $tags }. Mitglieder wählen daraus mit `/beitreten … interessen:` (Mentees) oder `fachgebiete:` (Mentoren); `/zuordnung vorschlagen` nutzt sie.
cmd-tags-none = Dieses Programm hat noch keine Interessen-Schlagworte; ein Admin setzt sie mit `/programm schlagworte setzen`.
cmd-tags-show = 🏷️ Schlagworte: { $tags }
cmd-match-none-all-paired = Keine Vorschläge. Jeder Mentee hat ein Paar.
cmd-match-none-no-mentor = Keine Vorschläge. Es gibt keinen Mentor mit freien Plätzen mehr, der mit diesen Mentees noch nicht gepaart war (oder übersprungen wurde).
cmd-match-tip = Tipp: Setze Interessen-Schlagworte mit `/programm schlagworte setzen`, dann passen die Vorschläge besser.
cmd-match-intro = 💡 { $suggestions } Vorschlag/Vorschläge für { $mentees } Mentee(s) ohne Paar, die besten zuerst: gemeinsame Schlagworte, dann überlappende Tageszeiten (09–18 Uhr Ortszeit), dann freie Plätze beim Mentor.
cmd-match-skip = Überspringen
cmd-match-pair = { $mentee } mit { $mentor } paaren
cmd-match-suggested = Vorgeschlagenes Paar
cmd-match-pair-who = Mentee <@{ $mentee }> mit Mentor <@{ $mentor }>
cmd-match-shared-tags = Gemeinsame Schlagworte
cmd-match-no-shared-tags = keine
cmd-match-overlap = Überschneidung tagsüber
# $hours: vorformatiert mit einer Nachkommastelle.
cmd-match-overlap-hours = { $hours } Std.
cmd-match-room = Plätze beim Mentor
cmd-match-places-left = { $count } Platz/Plätze frei

# /beitreten, /zeitzone, /profil (src/bot/commands/membership.rs); $role: mentee oder mentor.
cmd-join-already = Du bist schon als { $role ->
        [mentor] Mentor
       *[other] Mentee
    } im Programm. Deine Zeitzone ist { $zone }.
# $rejoined: yes, wenn das Mitglied vorher ausgetreten war.
cmd-join-joined =
    🎉 { $rejoined ->
        [yes] Willkommen zurück! Du
       *[other] Du
    } bist dem Mentoring-Programm als **{ $role ->
        [mentor] Mentor
       *[other] Mentee
    }** beigetreten. Zeiten siehst du in **{ $zone }**; ändern kannst du das mit `/zeitzone`.
    Ein Admin bildet dein Paar; danach buchst du Sitzungen mit `/buchen`.
# $tags: die Schlagworte in Backticks, mit Kommas getrennt.
cmd-join-interests = Deine Interessen: { $tags }.
cmd-join-capacity = Du begleitest bis zu { $capacity } Mentee(s) gleichzeitig.
cmd-join-expertise = Deine Fachgebiete: { $tags }; du begleitest bis zu { $capacity } Mentee(s) gleichzeitig.
# $now: die Uhrzeit dort, z. B. Mo., 24. Nov 15:00.
cmd-timezone-set = 🕒 Deine Zeitzone ist jetzt **{ $zone }** (dort ist es { $now }).
cmd-profile-pairing = • <@{ $partner }> (dein { $role ->
        [mentor] Mentor
       *[other] Mentee
    })
cmd-profile-no-pairings = Noch keine: Ein Admin bildet Paare mit `/paaren`.
cmd-profile-title = Profil von { $name }
cmd-profile-role-name = Rolle
cmd-profile-role = { $role ->
        [mentor] Mentor
       *[other] Mentee
    }
cmd-profile-zone-name = Zeitzone
cmd-profile-zone-program = { $zone } (die des Programms)
cmd-profile-upcoming = Kommende Sitzungen
cmd-profile-pairings = Paare
cmd-profile-background = 🧳 Hintergrund
cmd-profile-background-by = Geteilt von <@{ $by }> für euer Mentoring (nur ihr beide seht es).

# /ich export, /ich vergessen (src/bot/commands/privacy.rs)
# $records: Sitzungsberichte in sessions.md; $upcoming: Sitzungen in der Kalenderdatei.
cmd-export-done = 📦 Alles, was ich auf diesem Server über dich speichere: `mentor-bot-export.json` (dein Profil, Paare, Sitzungen, Agenden, Notizen, Themen, Aufgaben, Ziele, Reviews, deine eigenen Antworten zur Teilnahme und Bewertungen sowie die für dich geplanten Nachrichten), `sessions.md` ({ $records } Sitzungsbericht(e) in der Sitzungsvorlage) und `upcoming-sessions.ics` ({ $upcoming } kommende Sitzung(en) zum Import in einen Kalender).
cmd-export-parts = Eine Datei, die für eine Nachricht zu groß ist, kommt in nummerierten Teilen: Füge sie der Reihe nach zusammen.
cmd-forget-question =
    ⚠️ **Deine Daten im Mentoring-Programm dieses Servers löschen?**
    Gelöscht werden: dein Profil (Rolle, Zeitzone, wöchentliche Verfügbarkeit, Abwesenheiten), die Agenda-Felder, Notizen und Themen, die du geschrieben hast, deine Aufgaben, die Ziele, die du gesetzt hast (mit Fortschritt und Reviews), deine Reviews und Fortschrittsmeldungen sowie deine ausstehenden Erinnerungen. Deine Bewertungen nennen dich nicht mehr (sie zählen nur noch im anonymen Durchschnitt des Programms). Laufende Paare enden und kommende Sitzungen werden abgesagt; dein Gegenüber wird informiert.
    Dein Gegenüber behält die gemeinsamen Sitzungen (Zeiten, Status, was es geschrieben hat), mit dir als „ein früheres Mitglied“. Das lässt sich nicht rückgängig machen; mit `/ich export` bekommst du vorher eine Kopie.
cmd-forget-button = Vergessen
cmd-forget-keep-button = Behalten
cmd-forget-kept = 👍 Behalten: Nichts wurde gelöscht.
cmd-forget-done =
    🧹 **Gelöscht** sind deine Daten auf diesem Server: dein Profil, { $availability } Verfügbarkeits-/Abwesenheitseintrag/-einträge, { $agendas } Agenda/Agenden, { $topics } Thema/Themen, { $notes } Sitzungsnotiz(en), { $actions } Aufgabe(n), für die du zuständig warst, { $goals } Ziel(e), die du gesetzt hast, { $goal_updates } Fortschrittsmeldung(en) zu Zielen, { $reviews } Review(s) und { $jobs } ausstehende Erinnerung(en).
    Deine { $ratings } Bewertung(en) nennen dich nicht mehr: Sie zählen nur noch im anonymen Durchschnitt des Programms.
    Beendete Paare: { $ended_pairings }; abgesagte kommende Sitzungen: { $cancelled_sessions } (dein Gegenüber wurde per DM informiert).
    {"**"}Dein Gegenüber behält** { $kept_sessions } Sitzung(en) in { $partners } Paar(en): Zeiten, Status, was es geschrieben hat, und die Zahlen des Programms, mit dir als „ein früheres Mitglied“. Mit `/beitreten` fängst du neu an.

# /programm einrichten, ablauf, einstellungen, anstöße, status (src/bot/commands/program.rs)
# $created: yes für ein neues Programm; $coordinators: eine Rollen-Erwähnung oder cmd-setup-no-coordinator;
# $retention: wie lange, z. B. 365 Tage.
cmd-setup-done = ✅ Mentoring-Programm { $created ->
        [yes] gestartet
       *[other] aktualisiert
    }. Kanal: <#{ $channel }>, Zeitzone: { $zone }, Koordinationsrolle: { $coordinators }; die Inhalte beendeter Paare werden { $retention } nach ihrem Ende gelöscht.
cmd-setup-no-coordinator = keine
cmd-setup-next = Als Nächstes: Mentoren und Mentees nutzen `/beitreten`, dann du `/paaren mentor:@… mentee:@…`.
cmd-setup-retention-days = { $days } Tage
# $position: before (beginnt in $days Tagen), week ($week von $of) oder ended; $starts, $ends: Daten.
cmd-timeline = 📅 { $starts } – { $ends } ({ $weeks } Wochen) · **{ $position ->
        [before] beginnt in { $days ->
            [one] { $days } Tag
           *[other] { $days } Tagen
        }
        [week] Woche { $week } von { $of }
       *[ended] beendet
    }**. Jedes Paar bekommt zur Hälfte seiner Zeit ein Zwischen-Review und eine Woche vor dem Ende das Abschluss-Review, per DM.
cmd-settings-title = Einstellungen des Zeitplans
cmd-settings-changed = ✅ `{ $name }` ist jetzt `{ $value }`. Ab jetzt gebuchte Sitzungen verwenden das.
cmd-settings-give-value = Gib einen `wert` für `{ $name }` an.
cmd-nudges-off = 🔕 Der wöchentliche Anstoß ist aus. Schalte ihn mit `/programm anstöße zeitplan:…` wieder ein.
# Danach folgen die nächsten Zeiten, eine pro Zeile.
cmd-nudges-on = 📣 Wöchentlicher Anstoß `{ $schedule }` in <#{ $channel }>, berechnet in { $zone }. Als Nächstes:
cmd-status-nothing-planned = nichts geplant
cmd-status-to-channel = Kanal
# $who: eine Erwähnung oder cmd-status-to-channel.
cmd-status-failure = • { $kind } an { $who }: { $error }
cmd-status-unknown-error = unbekannter Fehler
cmd-status-unauthorized = ⛔ Discord lehnt das Token des Bots ab: Es wird nichts gesendet. Der Betreiber muss ein gültiges `DISCORD_TOKEN` setzen und den Bot neu starten; die Erinnerungen warten in der Warteschlange.
cmd-status-paused = ⏸️ Discord hat Störungen; die Zustellung pausiert und wird <t:{ $until }:R> erneut versucht. Nichts geht verloren.
cmd-status-delivering = ✅ Zustellung läuft.
cmd-status-title = Zustellung der Erinnerungen
cmd-status-pending = Offen
cmd-status-sent = Gesendet
cmd-status-failed = Fehlgeschlagen
cmd-status-skipped = Übersprungen
cmd-status-set-aside = Zurückgestellt (unbekannte Art; eine neuere Version sendet sie vielleicht)
cmd-status-sessions = gehalten { $held } · verpasst { $missed } · unbestätigt { $unconfirmed } · warten auf Antwort { $awaiting }
cmd-status-rating-hidden = wird ab { $min } Bewertungen gezeigt
# $average: vorformatiert mit einer Nachkommastelle.
cmd-status-rating = { $average } von 5 im Durchschnitt, im ganzen Programm
cmd-status-sessions-name = Beendete Sitzungen (letzte { $weeks } Wochen)
cmd-status-rating-name = Wie nützlich die Sitzungen waren
cmd-status-timeline-name = Zeitplan des Programms
cmd-status-no-dates = Noch keine Daten: `/programm einrichten beginn:… ende:…` (oder `dauer:`).
cmd-status-next-due = Als Nächstes fällig
cmd-status-failures-name = Zuletzt fehlgeschlagene Zustellungen
cmd-status-no-failures = Keine.

# /programm bericht, /programm zusammenfassung (src/bot/commands/report.rs)
# Die Spaltenköpfe der Tabelle mit den Wochenzahlen in fester Breite (Spaltenbreiten beibehalten:
# 8, 4, 6, 6, 4, 7, 6 Zeichen, durch je ein Leerzeichen getrennt).
cmd-report-table-head = Woche ab geh.  verp. Agenda erl.  überf. Nutzen
# $stale: yes oder no; $last, $next: Discord-Daten oder —.
cmd-report-pair = { $stale ->
        [yes] {"⚠️ inaktiv · "}
       *[other] {""}
    }<@{ $mentor }> & <@{ $mentee }>: zuletzt gehalten { $last }, nächste { $next }; gehalten { $held } · verpasst { $missed } · Agenden pünktlich { $agendas } · Aufgaben offen { $open } (überfällig { $overdue })
cmd-report-title = Zustand des Programms: die letzten { $weeks } Wochen
cmd-report-reading-name = So liest du es
cmd-report-reading = Wochen beginnen montags um 00:00 ({ $zone }). Sitzungen zählen in der Woche, in der sie begonnen haben, sobald sie vorbei sind; pünktliche Agenden beziehen sich auf gehaltene Sitzungen; überfällige Aufgaben waren in dieser Woche fällig und bis zur Frist nicht erledigt. Die Bewertung einer Woche erscheint erst ab { $min } Bewertungen.
cmd-report-active-pairs = Aktive Paare
cmd-report-active-pairs-count = { $pairs } ({ $stale } inaktiv)
cmd-report-footer = Diagramm in { $ms } ms gezeichnet, { $kb } KB
cmd-report-content = 📊 Programmbericht. Die Wochenzahlen stehen in `{ $weeks_file }`, der Zustand der Paare in `{ $pairs_file }`.
cmd-report-no-pairs = Noch keine aktiven Paare.
cmd-report-health-intro = Nur Metadaten: keine Agenden, Notizen, Aufgaben oder Bewertungen. Inaktiv: nichts gehalten innerhalb von `stale_after`.
cmd-report-health-title = Zustand der Paare
cmd-report-pairs = Paare
cmd-report-stale = Inaktive Paare: **Beide anstoßen** schickt beiden per DM einen freundlichen Anstoß mit ihren nächsten freien Zeiten (ohne zu sagen, wer gefragt hat).
cmd-digest-on = 📬 Du bekommst die wöchentliche Programm-Zusammenfassung per DM, montags um 09:00 ({ $zone }). Die nächste: <t:{ $next }:F>. Stoppen mit `/programm zusammenfassung zustand:off`.
cmd-digest-off = 🔕 Keine wöchentliche Zusammenfassung mehr für dich. Schalte sie mit `/programm zusammenfassung zustand:on` wieder ein.
