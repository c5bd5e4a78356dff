# Button labels: one name per action, wherever the button appears (replies, DMs, /help).
label-submit-agenda = Submit agenda
label-add-topic = Add topic
label-add-takeaways = Add takeaways
label-add-resources = Add resources
label-add-action = Add action item
label-book-next = Book next session
label-another-time = Another time…
label-we-met = We met
label-didnt-happen = It didn't happen
label-we-moved = We moved it
label-done = done
label-later = +3 days
label-blocked = blocked
label-share-background = Share background
