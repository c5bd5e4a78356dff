# Anwendungsfälle (src/app) und die Fehlerantworten des Bots (src/bot/error.rs): was jemand erfährt, wenn
# eine Anfrage nicht ausgeführt werden kann, und die wenigen Wörter, die Anwendungsfälle selbst erzeugen.
# Text in `Backticks`, den Discord-Nutzer tippen: Befehls- und Optionsnamen auf Deutsch (wie in
# commands.toml), Optionswerte (`rolle:mentee`, `status:open`, `me`) bleiben englisch, weil der Bot nur sie liest.

## Ablehnungen: das Programm und seine Mitglieder

app-no-program = Dieser Server hat noch kein Mentoring-Programm. Ein Admin kann eins mit `/programm einrichten` starten.
app-not-joined = Du bist noch nicht im Mentoring-Programm dieses Servers. Tritt mit `/beitreten rolle:mentee` oder `/beitreten rolle:mentor` bei.
app-not-admin = Das können nur Programm-Admins (Berechtigung „Server verwalten“ oder die Koordinationsrolle des Programms).
app-bad-retention = Mit `{ $value }` als Aufbewahrung kann ich nichts anfangen: Gib eine Dauer von mindestens einem Tag an, z. B. `365days` oder `6months`, oder `default` für die Einstellung des Bots.
app-not-your-button = Nur wer gefragt hat, kann hierauf antworten.
app-nothing-stored = Ich speichere nichts über dich im Mentoring-Programm dieses Servers.
# $role ist der Optionswert von /beitreten (mentor oder mentee), wie getippt.
app-other-not-joined = { $name } ist dem Programm noch nicht beigetreten. Bitte die Person, `/beitreten rolle:{ $role }` auszuführen.
app-wrong-role = { $name } ist als { $actual ->
        [mentor] Mentor
       *[mentee] Mentee
    } beigetreten, nicht als { $expected ->
        [mentor] Mentor
       *[mentee] Mentee
    }.
app-is-bot = { $name } ist ein Bot; Mentoring ist für Menschen.
app-same-person = Mentor und Mentee müssen zwei verschiedene Personen sein.
app-already-paired = { $mentor } und { $mentee } sind schon ein Paar.
app-not-paired = { $mentor } und { $mentee } sind kein Paar.
app-not-your-partner = Du kannst nur mit deinem eigenen Mentor oder Mentee buchen, und mit { $name } bildest du kein Paar. Paare bildet ein Admin mit `/paaren`.
app-book-with-self = Du kannst keine Sitzung mit dir selbst buchen. Wähle mit `mit:` deinen Mentor oder Mentee.
app-role-change-while-paired = Du bist gerade als { $role ->
        [mentor] Mentor
       *[mentee] Mentee
    } in einem Paar; beende erst deine Paare (bitte einen Admin um `/trennen`), bevor du die Rolle wechselst.
app-unknown-session = Diese Sitzung kenne ich nicht. Wähle beim Tippen eine aus der Liste oder sieh in `/sitzungen` nach.
app-not-a-text-channel = <#{ $channel }> ist kein Textkanal dieses Servers. Wähle einen Textkanal.
app-no-partner = Du bist noch in keinem Paar. Ein Programm-Admin bringt Mentoren und Mentees mit `/paaren` zusammen.
app-which-partner = Du hast mehr als ein Gegenüber im Mentoring; sag mit der Option `mit:`, welches du meinst.
app-no-upcoming-session = Du hast keine kommende Sitzung. Buche eine mit `/buchen` oder wähle eine Sitzung mit `sitzung:`.
app-no-session-yet = Du hast noch keine Sitzungen. Buche eine mit `/buchen`.
# $name ist ein Anzeigename oder eine Erwähnung.
app-not-partner-of = Du bildest kein Paar mit { $name }; wähle deinen Mentor oder Mentee mit `mit:`.
app-pairing-ended = Dein Paar mit { $name } ist beendet, daher lassen sich seine Sitzungen, Notizen, Agenden, Ziele und Aufgaben nicht mehr ändern. Lesen kannst du sie weiter mit `/sitzungen`, `/aufgabe liste`, `/ziel liste`, `/agenda ansehen` und `/sitzung überblick`.
app-unknown-pairing = Dieses Mentoring-Paar kenne ich nicht, oder es ist beendet.
# Die Kapazität setzt ein Mentor mit /beitreten kapazität: (ein /profil-Unterbefehl zum Bearbeiten existiert nicht).
app-mentor-full = { $name } begleitet schon { $active } Mentee(s) und hat damit keine Kapazität mehr frei. Die Kapazität lässt sich mit `/beitreten rolle:mentor kapazität:` erhöhen, oder wähle einen anderen Mentor.

## Ablehnungen: Sitzungen, Agenden, Notizen und Teilnahme

app-agenda-cancelled = Sitzung #{ $number } ist abgesagt und bekommt daher keine Agenda. Wähle mit `sitzung:` eine kommende Sitzung.
app-agenda-past = Sitzung #{ $number } hat schon begonnen, ihre Agenda lässt sich nicht mehr ändern. Lies sie mit `/agenda ansehen` oder schreib Sitzungsnotizen mit `/notizen`.
app-mentee-writes-agenda = Die Agenda schreibt der Mentee. Als Mentor fügst du Themen mit `/agenda thema` hinzu (oder mit dem Button „Thema hinzufügen“ in meiner DM).
app-mentor-adds-topics = Themen zur Agenda fügt der Mentor hinzu. Als Mentee trägst du deine Themen mit `/agenda bearbeiten` in die Agenda ein.
app-notes-cancelled = Sitzung #{ $number } wurde abgesagt und bekommt daher keine Notizen.
# $ts ist ein Unix-Zeitstempel (Discord zeigt ihn in der Zone des Lesers).
app-notes-too-early = Sitzung #{ $number } beginnt am <t:{ $ts }:F> (<t:{ $ts }:R>); Notizen kannst du schreiben, sobald sie begonnen hat.
# $label ist die Beschriftung des Buttons (label-we-met).
app-notes-missed = Sitzung #{ $number } ist als nicht stattgefunden markiert und bekommt daher keine Notizen. Falls ihr euch doch getroffen habt, drück zuerst **{ $label }** in meiner Nachfrage dazu.
app-attendance-cancelled = Sitzung #{ $number } wurde abgesagt, es gibt also nichts zu bestätigen.
app-attendance-too-early = Sitzung #{ $number } beginnt am <t:{ $ts }:F> (<t:{ $ts }:R>); sag mir, ob sie stattgefunden hat, sobald sie begonnen hat.
app-rate-after-met = Nur wer sagt, dass Sitzung #{ $number } stattgefunden hat, kann sie bewerten: Drück zuerst **{ $label }** in meiner Nachfrage.
app-moved-but-held = Sitzung #{ $number } gilt als abgehalten (einer von euch hat gesagt, dass ihr euch getroffen habt, oder es gibt Notizen), daher lässt sie sich nicht verschieben. Buche die nächste mit `/buchen`.
app-topic-too-long = Dieser Text ist { $length } Zeichen lang; erlaubt sind höchstens { $max }. Längere Notizen gehören in die Agenda.

## Ablehnungen: Aufgaben und Ziele

app-unknown-action = Diese Aufgabe kenne ich nicht. Wähle beim Tippen eine aus der Liste oder sieh in `/aufgabe liste` nach.
app-ambiguous-action = `{ $typed }` passt zu Aufgaben aus mehr als einem deiner Paare; wähle die Aufgabe beim Tippen aus der Liste.
app-unknown-goal = Dieses Ziel kenne ich nicht. Wähle beim Tippen eins aus der Liste oder sieh in `/ziel liste` nach.
app-bad-owner = Ich weiß nicht, wer `{ $typed }` ist. Schreib bei `zuständig:` `me`, `partner` oder erwähne dein Gegenüber (z. B. `@Mia`).
# $who ist eine Erwähnung.
app-owner-not-in-pair = { $who } gehört nicht zu diesem Paar; eine Aufgabe gehört dir oder deinem Gegenüber.
app-action-already = { $id } ist schon { $status ->
        [open] offen
        [done] erledigt
        [blocked] blockiert
       *[dropped] verworfen
    }.
# `status:open` ist die Option, wie getippt.
app-action-closed = { $id } ist { $status ->
        [open] offen
        [done] erledigt
        [blocked] blockiert
       *[dropped] verworfen
    }; öffne sie mit `/aufgabe ändern aufgabe:{ $id } status:open` wieder, bevor du sie änderst.
app-reason-needed = Um eine Aufgabe auf { $status ->
        [open] offen
        [done] erledigt
        [blocked] blockiert
       *[dropped] verworfen
    } zu setzen, brauchst du einen Grund (`grund:`), damit dein Gegenüber weiß, was los ist.
app-nothing-to-update = Nichts zu ändern: Gib eine neue `frist:` oder einen `status:` an.
app-one-change-at-a-time = Ändere entweder die Frist oder den Status, eins nach dem anderen.
app-goal-closed = Das Ziel „{ $title }“ ist schon { $status ->
        [open] offen
        [achieved] erreicht
       *[not_achieved] nicht erreicht
    }; lege mit `/ziel hinzufügen` ein neues an.
app-no-goals-to-review = Es gibt noch keine Ziele für ein { $kind ->
        [midpoint] Zwischen-Review
       *[final] Abschluss-Review
    }. Lege eins mit `/ziel hinzufügen` an.
app-unknown-milestone = Diesen Meilenstein kenne ich nicht. Wähle beim Tippen einen aus der Liste oder sieh in `/ziel liste` nach.
# $milestone ist die Kurz-ID des Meilensteins (M2).
app-milestone-done = { $milestone } ist schon erledigt.
app-mentee-shares-background = Den Hintergrund teilt der Mentee; als Mentor bekommst du ihn per DM und siehst ihn in `/profil` und `/sitzung überblick`.
app-no-timeline = Dieses Programm hat noch keinen Zeitrahmen, also gibt es kein Ende, nach dem ich nachfragen könnte. Ein Admin legt ihn mit `/programm einrichten beginn:… ende:…` fest.

## Ablehnungen: Verfügbarkeit und Abwesenheiten

app-bad-minutes = `{ $typed }` ist keine Minutenzahl; schreib z. B. `60`.
app-no-availability = { $name } ist nicht im Mentoring-Programm dieses Servers, daher gibt es keine Verfügbarkeit zu zeigen.
# $option ist die Option (from oder to, hier als von/bis gezeigt), $problem sagt, was mit ihrem Datum nicht stimmt.
app-away-date = `{ $option ->
        [from] von
        [to] bis
       *[other] { $option }
    }`: { $problem } Gib für eine Abwesenheit Daten an, z. B. `von:2026-12-21 bis:2027-01-03`.
app-away-order = `bis` liegt vor `von`; gib den ersten freien Tag bei `von` und den letzten bei `bis` an, z. B. `von:2026-12-21 bis:2027-01-03`.
app-away-too-long = Eine Abwesenheit darf höchstens { $days } Tage dauern; teile eine längere in zwei auf.
# $who ist "you" (der Leser) oder "partner" (dann ist $name der Name des Gegenübers).
app-away = { $who ->
        [you] Du bist
       *[partner] { $name } ist
    } von <t:{ $start }:F> bis <t:{ $end }:F> abwesend, daher lassen sich dann keine Sitzungen buchen; wähle eine Zeit außerhalb davon (siehe `/verfügbarkeit zeigen`).
app-away-gone = Diese Abwesenheit ist schon entfernt; siehe `/verfügbarkeit zeigen`.
app-not-your-away = Nur wer abwesend ist, kann diese Abwesenheit entfernen.
app-away-note-too-long = Die Notiz ist zu lang; bleib bei höchstens { $max } Zeichen.
# Warum ein Termin einer Serie ausgelassen wird, wie die Serien-Antwort es sagt: "… dann abwesend".
app-left-out-away-you = du bist
app-left-out-away-partner = { $name } ist
# Wie die Serien-Antwort es sagt: "überschneidet sich mit Sitzung #3 von dir".
app-left-out-yours = dir

## Ablehnungen: Zuordnung

# $option ist eine Option von /beitreten (englischer Name, hier deutsch gezeigt); $role, für wen sie ist.
app-matching-wrong-option = `{ $option ->
        [interests] interessen
        [expertise] fachgebiete
        [capacity] kapazität
       *[other] { $option }
    }` ist für { $role ->
        [mentor] Mentoren
       *[mentee] Mentees
    }; lass es weg.
app-matching-capacity = `kapazität` gibt an, wie viele Mentees du gleichzeitig begleitest: eine Zahl von 1 bis { $max }.
app-matching-paired-before = { $mentor } und { $mentee } waren schon einmal ein Paar; Vorschläge bringen niemanden erneut zusammen. Nutze `/paaren`, wenn du das wirklich willst.

## Ein leeres Feld eines Formulars

app-required-title = Der Titel ist leer; bitte füll ihn aus.
app-required-session-goal = Das Sitzungsziel ist leer; bitte füll es aus.
app-required-topic = Das Thema ist leer; bitte füll es aus.
app-required-current-role = Die aktuelle Rolle ist leer; bitte füll sie aus.
app-required-reflection = Die Reflexion ist leer; bitte füll sie aus.

## Die Felder, die genannt werden, wenn ein Text zu lang ist („Der Titel ist 250 Zeichen lang; …“)

app-field-the-title = Der Titel
app-field-the-success-indicator = Das Erfolgskriterium
app-field-the-reason = Der Grund
app-field-the-topics = Die Themenliste
app-field-the-evidence = Der Beleg
app-field-the-learnings = Das Gelernte
app-field-an-answer = Eine Antwort
app-field-why = Warum
app-field-measure = Messgröße
app-field-session-goal = Sitzungsziel
app-field-progress = Fortschritt seit der letzten Sitzung
app-field-challenges = Herausforderungen
app-field-topics-to-discuss = Themen zum Besprechen
app-field-support = Nötige Unterstützung oder Entscheidungen
app-field-key-takeaways = Wichtigste Erkenntnisse
app-field-resources-shared = Geteilte Ressourcen
app-field-obstacles = Hindernisse
app-field-next-session = Nächste Sitzung
app-field-current-role = Aktuelle Rolle
app-field-wants = Was du dir vom Mentoring wünschst
app-field-links = Links
app-field-communication = Wie du am liebsten kommunizierst
app-field-frequency = Wie oft

## Wörter, die die Anwendungsfälle speichern oder anbieten

# Der gespeicherte Grund, wenn der Button +3 Tage eine Frist verschiebt.
app-postponed-reason = um { $days } Tage verschoben
# Der gespeicherte Grund für Sitzungen, die abgesagt wurden, weil ihr Paar beendet ist.
app-cancelled-member-left = hat das Mentoring-Programm verlassen
app-cancelled-admin-ended = das Paar wurde von einem Programm-Admin beendet
# Der gespeicherte Fortschrittsbeleg, wenn ein Meilenstein erledigt ist.
app-milestone-evidence = Meilenstein { $milestone } erledigt: { $title }
# Was aus einer Buchungsanfrage wurde, für einen späteren Druck auf ihre Buttons.
app-request-booked = Sitzung #{ $number } wurde für <t:{ $ts }:F> gebucht.
app-request-series-booked = Die Serie wurde gebucht ({ $booked } von { $count } Sitzungen, ab <t:{ $ts }:F>).
app-request-moved = Sitzung #{ $number } wurde auf <t:{ $ts }:F> verschoben.
# Autovervollständigung: eine Sitzung ($when ist ihr lokaler Beginn, z. B. "Mo 07 Dez 14:00").
app-session-choice = #{ $number } mit { $partner } · { $when }
# Autovervollständigung für die zuständige Person einer Aufgabe.
app-owner-choice-me = ich
app-owner-choice-partner = Gegenüber: { $name }
# Der Titel des Diagramms im Programmbericht.
app-report-chart-title = Mentoring-Programm: { $weeks ->
        [one] die letzte Woche
       *[other] die letzten { $weeks } Wochen
    }

## Fehler, mit denen der Bot antwortet

# $id verbindet die Entschuldigung mit dem Log.
app-apology = Entschuldige, bei mir ist etwas schiefgelaufen (Fehler-ID `{ $id }`). Versuch es gleich noch einmal; wenn es weiter passiert, sag einem Programm-Admin Bescheid und nenne die ID.
# $problem ist, was der Parser gesagt hat (englisch).
app-bad-option-value = Ich konnte die Option `{ $value }` nicht lesen: { $problem }. Prüf die Optionen des Befehls und versuch es noch einmal.
app-bad-option = Ich konnte die Option nicht lesen: { $problem }. Prüf die Optionen des Befehls und versuch es noch einmal.
app-old-command = Ich konnte die Optionen dieses Befehls nicht lesen: Deine Discord-App hat vielleicht noch eine ältere Version des Befehls. Lade Discord neu (Strg+R) und versuch es noch einmal.
app-guild-only = Dieser Befehl funktioniert nur auf einem Server mit Mentoring-Programm, nicht in Direktnachrichten.
