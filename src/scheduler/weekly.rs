//! The weeks a weekly nudge reports on, in the program's zone: last week and this week, each
//! from Monday 00:00 local time.

use chrono::{DateTime, Datelike, Days, Duration, NaiveTime, Utc};
use chrono_tz::Tz;

use crate::{
    domain::local_time::{resolve_local_lenient, to_local},
    store::Weeks,
};

/// The windows around `now` in `zone`; pairs count as stale when they last met before
/// `now - stale_after`.
pub fn weeks_around(now: DateTime<Utc>, zone: Tz, stale_after: Duration) -> Weeks {
    let today = to_local(now, zone).date();
    let monday = today - Days::new(u64::from(today.weekday().num_days_from_monday()));
    let at_midnight = |d: chrono::NaiveDate| resolve_local_lenient(d.and_time(NaiveTime::MIN), zone);
    Weeks {
        last_week_start: at_midnight(monday - Days::new(7)),
        this_week_start: at_midnight(monday),
        next_week_start: at_midnight(monday + Days::new(7)),
        now,
        stale_before: now - stale_after,
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use chrono_tz::Europe::Berlin;

    use super::*;

    #[test]
    fn weeks_start_on_local_mondays_even_across_a_dst_change() {
        // Monday 30 Mar 2026 09:00 CEST; the week before began in winter time.
        let now = Berlin.with_ymd_and_hms(2026, 3, 30, 9, 0, 0).unwrap().with_timezone(&Utc);
        let w = weeks_around(now, Berlin, Duration::days(21));
        assert_eq!(w.this_week_start, Berlin.with_ymd_and_hms(2026, 3, 30, 0, 0, 0).unwrap().with_timezone(&Utc));
        assert_eq!(w.last_week_start, Berlin.with_ymd_and_hms(2026, 3, 23, 0, 0, 0).unwrap().with_timezone(&Utc));
        assert_eq!(w.this_week_start - w.last_week_start, Duration::hours(167));
        assert_eq!(w.next_week_start, Berlin.with_ymd_and_hms(2026, 4, 6, 0, 0, 0).unwrap().with_timezone(&Utc));
    }
}
