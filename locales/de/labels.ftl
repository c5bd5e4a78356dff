# Button-Beschriftungen: ein Name pro Aktion, wo immer der Button erscheint (Antworten, DMs, /hilfe).
label-submit-agenda = Agenda einreichen
label-add-topic = Thema hinzufügen
label-add-takeaways = Erkenntnisse eintragen
label-add-resources = Ressourcen hinzufügen
label-add-action = Aufgabe hinzufügen
label-book-next = Nächste Sitzung buchen
label-another-time = Andere Zeit…
label-we-met = Wir haben uns getroffen
label-didnt-happen = Hat nicht stattgefunden
label-we-moved = Wir haben verschoben
label-done = erledigt
label-later = +3 Tage
label-blocked = blockiert
label-share-background = Hintergrund teilen
