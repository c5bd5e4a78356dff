-- PostgreSQL version of the SQLite migration of the same name: keep the two in step.
-- A goal's target is a date, the same in every zone. It was stored as an instant (23:59 in the
-- zone of whoever set it), which a viewer in another zone saw as another day or a time.
ALTER TABLE goals ADD COLUMN target_date TEXT;
-- Existing targets: 23:59 local in any zone from UTC-9 to UTC+14 lies between 09:59 that day and
-- 08:59 the next day in UTC, so 9 h 59 min earlier it is on the intended date.
UPDATE goals SET target_date = to_char(to_timestamp(target_at - 35940) AT TIME ZONE 'UTC', 'YYYY-MM-DD')
WHERE target_at IS NOT NULL;
