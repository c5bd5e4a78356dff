# Die Worte der Discord-Anbindung (src/bot, außerhalb der Befehle): Antworten auf Buttons und Formulare,
# die Formulare selbst, Fragen beim Buchen und was aus den DMs einer Änderung wurde.
# Erwähnungen (<@{ $partner }>) und Zeitstempel (<t:{ $start }:F>) sind Discord-Markup: unverändert lassen.

## Was aus den DMs einer Änderung wurde (src/bot/reply.rs und die Antworten, die es nutzen)

bot-reply-dm-closed = ⚠️ Ich konnte <@{ $to }> keine DM schicken: Direktnachrichten von Servermitgliedern sind dort gesperrt. Bitte gib selbst Bescheid.
bot-reply-dm-refused = ⚠️ Ich konnte <@{ $to }> nicht per DM erreichen (Discord hat die Nachricht nicht angenommen). Bitte gib selbst Bescheid.
bot-reply-dm-on-its-way = ⏳ Meine DM an <@{ $to }> ist unterwegs; Discord ist gerade langsam, sie kommt an.
bot-told-calendar-dm = Dein Gegenüber hat eine DM mit einer Kalenderdatei bekommen.
bot-told-series-dm = Dein Gegenüber hat eine DM mit einer Kalenderdatei für die ganze Serie bekommen.
bot-told-updated-calendar = <@{ $partner }> wurde informiert, mit aktualisierter Kalenderdatei.
bot-told-both-dm = Beide wurden per DM informiert.

## Lange Antworten (src/bot/answer.rs)

# Der Titel der Embed-Seite, in die eine für eine Nachricht zu lange Antwort wandert.
bot-answer-reply-page = Antwort

## Buttons und Formulare von Nachrichten (src/bot/interactions.rs)

bot-interaction-expired = ⌛ Diese Auswahl ist abgelaufen; es wurde nichts gebucht. Nutze `/buchen` noch einmal.
bot-interaction-booked = 📅 Sitzung #{ $number } mit <@{ $partner }> am <t:{ $start }:F> gebucht ({ $minutes } Minuten). { $told }
bot-interaction-action-done = ✅ { $item } ist erledigt 🎉
bot-interaction-action-later = ⏩ { $item } um 3 Tage verschoben: jetzt fällig am { $due }.
bot-interaction-action-blocked = ⛔ { $item } ist blockiert: { $reason }
bot-interaction-away-removed = 🗑️ Abwesenheit entfernt.
bot-interaction-topics-added = ➕ Zur Agenda von Sitzung #{ $number } hinzugefügt. { $told }
bot-interaction-topics-added-page = Themen hinzugefügt
bot-interaction-mentee-told = Dein Mentee wurde informiert.

## Antworten zur Teilnahme (src/bot/attendance.rs)

# Eine neue Antwort ersetzt die Zeilen einer früheren, die mit einem dieser drei beginnen: jeder muss
# der Anfang seiner Zeile in den Nachrichten unten bleiben (die sie verwenden).
bot-attendance-line-thanks = ✅ Danke!
bot-attendance-line-rating = Wie nützlich
bot-attendance-line-noted = Notiert
bot-attendance-met = { bot-attendance-line-thanks } Sitzung #{ $number } zählt als stattgefunden.
    { bot-attendance-line-rating } war sie für dich? 1 = gar nicht, 5 = sehr. Deine Bewertung sieht niemand, nicht einmal dein Gegenüber; Admins sehen nur einen Durchschnitt über das ganze Programm, und erst ab { $min } Bewertungen.
bot-attendance-still-held = { bot-attendance-line-noted }. <@{ $partner }> hat angegeben, dass ihr euch getroffen habt (oder es gibt Notizen), daher zählt Sitzung #{ $number } weiter als stattgefunden. Falls das nicht stimmt, klärt es miteinander; ein „Wir haben uns getroffen“ genügt, damit eine Sitzung zählt.
# $another ist die fette Beschriftung des Buttons „Andere Zeit…“, $we_met die von „Wir haben uns getroffen“.
bot-attendance-missed = { bot-attendance-line-noted }: Sitzung #{ $number } hat nicht stattgefunden. { $pick } Falls ihr euch doch getroffen habt, drück { $we_met } in meiner Nachricht.
bot-attendance-no-free-time = Ich habe in den nächsten vier Wochen keine freie Zeit für euch beide gefunden; tippe eine mit { $another } ein (oder nutze `/buchen`).
bot-attendance-book-again = Neu buchen: Drück eine der freien Zeiten unten (deine Zeit, dann die von <@{ $partner }>; { $minutes } Minuten) oder { $another }, um eine einzutippen.
bot-attendance-rated = 🙏 Danke: Du hast Sitzung #{ $number } mit { $value } von 5 bewertet. Niemand sieht deine Bewertung; drück eine andere Zahl, um sie zu ändern.
bot-attendance-moved = 🔁 Sitzung #{ $number } auf { $when } verschoben ({ $minutes } Minuten). Erinnerungen und die Nachfrage kommen für die neue Zeit erneut. { $told }

## Die Rückfragen von /verlassen und /trennen (src/bot/confirm.rs)

bot-confirm-leave-question = ⚠️ **Das Mentoring-Programm verlassen?**
    { $pairings }
    Das sagt deine { $upcoming } kommende(n) Sitzung(en) und ihre Erinnerungen ab. Dein Verlauf bleibt erhalten und lesbar; mit `/beitreten` kannst du später wieder einsteigen.
    Nichts ändert sich, bis du **Verlassen** drückst.
bot-confirm-leave-no-pairing = Du bist gerade in keinem Paar.
bot-confirm-leave-ends-pairings = Das beendet dein Paar mit { $partners } (sie erfahren es per DM).
bot-confirm-left = Du hast das Mentoring-Programm verlassen. Beendete Paare: { $pairings }; abgesagte kommende Sitzungen: { $sessions }. Dein Verlauf bleibt erhalten; mit `/beitreten` kannst du jederzeit zurückkommen. { $told }
bot-confirm-partners-told = Deine Gegenüber wurden informiert.
bot-confirm-unpair-question = ⚠️ **Das Paar aus <@{ $mentor }> und <@{ $mentee }> beenden?**
    Das sagt ihre { $upcoming } kommende(n) Sitzung(en) und deren Erinnerungen ab; beide erfahren es per DM. Was sie geschrieben haben, bleibt für sie lesbar, lässt sich aber nicht mehr ändern.
    Nichts ändert sich, bis du **Trennen** drückst.
bot-confirm-unpaired = Paar aus <@{ $mentor }> und <@{ $mentee }> beendet; { $sessions } kommende Sitzung(en) abgesagt. { $told }
bot-confirm-not-the-asker = Nur wer gefragt hat, kann diese Frage beantworten; es hat sich nichts geändert.
bot-confirm-stayed = Du bleibst im Mentoring-Programm; es hat sich nichts geändert.
bot-confirm-pairing-stays = Das Paar aus <@{ $mentor }> und <@{ $mentee }> bleibt bestehen; es hat sich nichts geändert.

## Eine Buchung, die auf eine Antwort wartet (src/bot/requests.rs)

# $partner ist der Name oder die Erwähnung des Gegenübers; $slots seine wöchentliche Verfügbarkeit, eine Zeile pro Zeit.
bot-request-outside-book = ⚠️ <t:{ $start }:F> ({ $minutes } Minuten) liegt außerhalb der wöchentlichen Verfügbarkeit von { $partner }, die so aussieht (in deiner Zone { $zone }):
    { $slots }
    Trotzdem buchen oder freie Zeiten zeigen? Noch ist nichts gebucht.
bot-request-outside-series = ⚠️ { $outside } der { $total } Sitzungen dieser Serie (ab <t:{ $start }:F>, je { $minutes } Minuten) liegen außerhalb der wöchentlichen Verfügbarkeit von { $partner }, die so aussieht (in deiner Zone { $zone }):
    { $slots }
    Trotzdem buchen oder freie Zeiten zeigen? Noch ist nichts gebucht.
bot-request-outside-move-following = ⚠️ Wenn Sitzung #{ $number } und die folgenden ab <t:{ $start }:F> beginnen, lägen { $outside } der { $total } Sitzungen außerhalb der wöchentlichen Verfügbarkeit von { $partner }, die so aussieht (in deiner Zone { $zone }):
    { $slots }
    Trotzdem verschieben oder freie Zeiten zeigen? Noch ist nichts verschoben.
bot-request-outside-move = ⚠️ Auf <t:{ $start }:F> verschoben, läge Sitzung #{ $number } außerhalb der wöchentlichen Verfügbarkeit von { $partner }, die so aussieht (in deiner Zone { $zone }):
    { $slots }
    Trotzdem verschieben oder freie Zeiten zeigen? Noch ist nichts verschoben.
bot-request-book-anyway = Trotzdem buchen
bot-request-move-anyway = Trotzdem verschieben
bot-request-no-free-time = Ich habe in den nächsten vier Wochen keine freie Zeit mit <@{ $partner }> gefunden; sprecht euch ab oder tippe eine Zeit mit `/buchen` ein.
bot-request-free-times = Freie Zeiten mit <@{ $partner }> ({ $minutes } Minuten; deine Zeit, dann die deines Gegenübers). Drück eine, um { $kind ->
        [series] die Serie dann zu beginnen
        [move] die Sitzung dorthin zu verschieben
       *[book] sie zu buchen
    }:
bot-request-nothing-booked = Es wurde nichts gebucht.
bot-request-nothing-moved = Es wurde nichts verschoben.
# $outcome ist, was die frühere Antwort getan hat, ein eigener Satz.
bot-request-already-done = ✅ Schon erledigt: { $outcome } Sonst wurde nichts gebucht.
bot-request-already-answered = ✅ Das wurde schon beantwortet; sonst wurde nichts gebucht. Siehe `/sitzungen`.
bot-request-expired = ⌛ Diese Auswahl ist abgelaufen; es wurde nichts gebucht. Nutze `/buchen` (oder `/verschieben`) noch einmal.
bot-request-not-yours = Diese Buttons gehören zur Buchung von jemand anderem und tun für dich nichts. Buche deine eigene mit `/buchen`.
# $pattern beschreibt den Rhythmus der Serie, z. B. „jeden Dienstag um 15:00“.
bot-request-series-booked = 🔁 { $booked } von { $count } Sitzungen mit <@{ $partner }> gebucht: { $pattern }, in { $zone }, je { $minutes } Minuten. { $told }
bot-request-first-sessions = **Erste Sitzungen**
bot-request-left-out = **Ausgelassen ({ $count })**
bot-request-series-moved = 🔁 { $moved ->
        [one] 1 Sitzung
       *[other] { $moved } Sitzungen
    } der Serie verschoben: ab Sitzung #{ $number } jetzt { $pattern }, in { $zone }. { $told }
bot-request-next-sessions = **Nächste Sitzungen**
bot-request-could-not-move = **Abgesagt, nicht verschiebbar ({ $count })**
bot-request-moved = 🔁 Sitzung #{ $number } von <t:{ $from }:F> auf <t:{ $to }:F> verschoben. { $told }

## Buttons für die Organisation (src/bot/admin_buttons.rs)

bot-admin-nudged = 👋 <@{ $mentor }> und <@{ $mentee }> angestoßen. { $told }
bot-admin-nudge-told = Beide haben eine DM mit ihren nächsten freien Zeiten bekommen; sie verrät nicht, wer gefragt hat.
bot-admin-paired = 🤝 Mentor <@{ $mentor }> und Mentee <@{ $mentee }> sind jetzt ein Paar. { $told }
bot-admin-skipped = Übersprungen: Ich schlage <@{ $mentor }> nicht noch einmal für <@{ $mentee }> vor.

## Die Form des Programms: Reviews, Abschlussreflexion, Check-ins, Hintergrund, Ablauf (src/bot/shape.rs)

bot-shape-background-title = Teile deinen Hintergrund
bot-shape-background-role = Aktuelle Rolle
bot-shape-background-role-placeholder = z. B. Junior-Backend-Entwickler bei Acme
bot-shape-background-wants = Was du dir vom Mentoring wünschst
bot-shape-background-links = Links (Lebenslauf, Stellenanzeige, ...)
bot-shape-background-communication = Wie du am liebsten kommunizierst
bot-shape-background-communication-placeholder = z. B. Videocalls, DMs für kurze Fragen
bot-shape-background-frequency = Wie oft
bot-shape-background-frequency-placeholder = z. B. alle zwei Wochen
bot-shape-reflection-title = Abschlussreflexion (Schritt 2)
bot-shape-reflection-changed = Was hat sich für dich am meisten verändert?
bot-shape-reflection-skills = Welche Fähigkeiten haben sich verbessert?
bot-shape-reflection-keep = Was soll nach dem Programm weitergehen?
bot-shape-outline-title = Sitzungsablauf
# Das Format einer Zeile liest der Bot zurück: „Titel: Impuls“.
bot-shape-outline-field = Ein Schritt pro Zeile: Titel: Impuls
bot-shape-outline-placeholder = Vorstellung und Ziele: Erzählt von euren Hintergründen und Zielen
bot-shape-outline-heading = 🗺️ **Sitzungsablauf** ({ $origin ->
        [admin] von einem Admin festgelegt
       *[default] der Standard
    }). Sitzung N jedes Paares folgt Schritt N; der letzte Schritt wiederholt sich.
bot-shape-outline-saved = ✅ Ablauf gespeichert.
bot-shape-check-ins-on = 📆 Erledigt: Ihr beide bekommt nach dem Programm ein Jahr lang alle drei Monate einen Check-in, den ersten am { $first }.
bot-shape-check-ins-already = 📆 Euer Paar bekommt die vierteljährlichen Check-ins schon.
bot-shape-milestone-done = 🎯 { $milestone } „{ $title }“ ist erledigt. Ziel „{ $goal }“: { $progress }.
bot-shape-reflection-saved = ✅ Deine Abschlussreflexion ist gespeichert (nur du und dein Gegenüber könnt sie lesen). Danke fürs Mitmachen!
bot-shape-background-shared = 🧳 Hintergrund mit <@{ $mentor }> geteilt. { $told } Er erscheint in `/profil` und `/sitzung überblick` für euch beide.
bot-shape-mentor-told = Dein Mentor hat ihn per DM bekommen.

## Formulare (src/bot/modals.rs). Titel werden auf Discords 45 Zeichen gekürzt.

bot-modal-agenda-title = Agenda für Sitzung #{ $number }
bot-modal-agenda-goal = Sitzungsziel (was sie zum Erfolg macht)
bot-modal-agenda-goal-placeholder = z. B. Mit einem Plan für meine Beförderung rausgehen
bot-modal-agenda-progress = Fortschritt seit der letzten Sitzung
bot-modal-agenda-challenges = Herausforderungen
# „!“ markiert ein Thema mit hoher Priorität, wenn der Bot das Feld liest: beibehalten.
bot-modal-topics = Themen (eins pro Zeile, ! = hohe Priorität)
bot-modal-agenda-topics-placeholder = ! Gehaltsverhandlung
    Portfolio-Review
bot-modal-agenda-support = Nötige Unterstützung oder Entscheidungen
bot-modal-topic-title = Themen zu Sitzung #{ $number } hinzufügen
bot-modal-topic-placeholder = ! Feedback zu deinem Design-Dokument
bot-modal-notes-takeaways = Wichtigste Erkenntnisse
# „|“ trennt die Teile, die der Bot liest; die vier Typen sind ebenfalls Wörter, die der Bot liest (englisch lassen).
bot-modal-notes-resources = Ressourcen (Ressource | Typ | Zweck)
bot-modal-notes-resources-placeholder = rustlings | tool | Ownership üben
    Typen: tool, article, intro, feedback
bot-modal-notes-obstacles = Hindernisse (Problem | Auswirkung | Lösungen)
# „book later“ liest der Bot (englisch lassen).
bot-modal-notes-next = Nächste Sitzung (Datum oder "book later")
bot-modal-resources-title = Ressourcen der Sitzung #{ $number }
bot-modal-notes-title = Notizen zur Sitzung #{ $number }
bot-modal-action-title = Aufgabe aus Sitzung #{ $number }
bot-modal-action-what = Was wird getan?
# „me“ und „partner“ liest der Bot (englisch lassen).
bot-modal-action-owner = Zuständig: me oder partner
bot-modal-action-owner-mention = Zuständig: me, partner oder @Erwähnung
bot-modal-action-deadline = Frist (Zeitzone der Person), z. B. fri
bot-modal-action-success = Woran ihr erkennt, dass es erledigt ist
bot-modal-new-action-title = Neue Aufgabe
bot-modal-new-goal-title = Neues Ziel
bot-modal-goal-title = Das Ziel, konkret
bot-modal-goal-why = Warum es wichtig ist
bot-modal-goal-target = Zieldatum, z. B. 2027-03-01
bot-modal-goal-measure = Wie der Fortschritt gemessen wird
bot-modal-book-title = Nächste Sitzung buchen
bot-modal-book-when = Wann (deine Zeitzone), z. B. tue 15:00
bot-modal-book-minutes = Minuten (Standard 60)
bot-modal-book-with-title = Sitzung mit { $name } buchen
bot-modal-book-with-partner-title = Sitzung mit deinem Gegenüber buchen
bot-modal-moved-title = Sitzung #{ $number } verschieben
bot-modal-moved-when = Neue Zeit (deine Zeitzone), z. B. fri 15:00
bot-modal-blocked-title = { $item } ist blockiert
bot-modal-blocked-reason = Was blockiert es?
bot-modal-review-title = { $kind ->
        [midpoint] Zwischen-Review
       *[final] Abschluss-Review
    } { $position }/{ $total }: { $goal }
bot-modal-review-progress = Aktueller Fortschritt (0-100 %)
bot-modal-review-evidence = Belege
bot-modal-review-adjustment = Nötige Anpassung
# „yes“ und „no“ liest der Bot (englisch lassen).
bot-modal-review-achieved = Erreicht? (yes oder no)
bot-modal-review-learnings = Wichtigste Erkenntnisse
bot-modal-review-next-steps = Nächste Schritte
