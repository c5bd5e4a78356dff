//! When to send a reminder some time before a session.
//!
//! The lead is a real (elapsed) duration: a 24-hour lead is 24 real hours
//! even across a DST change, so on a spring-forward night the reminder's
//! wall-clock time is one hour EARLIER than the session's (e.g. session
//! Sunday 10:00 CEST, reminder Saturday 09:00 CET), and on a fall-back night
//! one hour LATER. The result is then moved out of the recipient's quiet
//! hours to the latest earlier allowed minute
//! ([`super::quiet_hours::latest_allowed_at_or_before`]), so a reminder is
//! never later than planned.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

use super::quiet_hours::{latest_allowed_at_or_before, QuietHours};

/// The longest lead honoured; longer leads are treated as this long.
pub const MAX_LEAD_DAYS: i64 = 366;

/// The instant `lead` before `session_start`, moved earlier out of the
/// recipient's quiet hours (read in `zone`). A negative lead counts as zero;
/// a lead above [`MAX_LEAD_DAYS`] days counts as that many days.
#[must_use]
pub fn before(session_start: DateTime<Utc>, lead: Duration, zone: Tz, quiet: &QuietHours) -> DateTime<Utc> {
    let lead = lead.clamp(Duration::zero(), Duration::days(MAX_LEAD_DAYS));
    let planned = session_start.checked_sub_signed(lead).unwrap_or(session_start);
    latest_allowed_at_or_before(planned, zone, quiet)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Timelike};
    use chrono_tz::America::New_York;
    use chrono_tz::Europe::Berlin;

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    fn local_hour(t: DateTime<Utc>, zone: Tz) -> u32 {
        t.with_timezone(&zone).hour()
    }

    const NONE: QuietHours = QuietHours::none();

    #[test]
    fn a_day_before_on_an_ordinary_week_is_the_same_local_time() {
        let session = utc(2026, 11, 24, 14, 0); // Tue 15:00 CET
        let at = before(session, Duration::hours(24), Berlin, &NONE);
        assert_eq!(at, utc(2026, 11, 23, 14, 0));
    }

    #[test]
    fn a_24h_lead_across_berlin_spring_forward_is_24_real_hours() {
        let session = utc(2026, 3, 29, 8, 0); // Sun 10:00 CEST
        let at = before(session, Duration::hours(24), Berlin, &NONE);
        assert_eq!(session - at, Duration::hours(24));
        assert_eq!(at, utc(2026, 3, 28, 8, 0));
        assert_eq!(local_hour(at, Berlin), 9); // Sat 09:00 CET
    }

    #[test]
    fn a_24h_lead_across_berlin_fall_back_is_24_real_hours() {
        let session = utc(2026, 10, 25, 9, 0); // Sun 10:00 CET
        let at = before(session, Duration::hours(24), Berlin, &NONE);
        assert_eq!(session - at, Duration::hours(24));
        assert_eq!(local_hour(at, Berlin), 11); // Sat 11:00 CEST
    }

    #[test]
    fn a_24h_lead_across_new_york_spring_forward_is_24_real_hours() {
        let session = utc(2026, 3, 8, 14, 0); // Sun 10:00 EDT
        let at = before(session, Duration::hours(24), New_York, &NONE);
        assert_eq!(at, utc(2026, 3, 7, 14, 0));
        assert_eq!(local_hour(at, New_York), 9); // Sat 09:00 EST
    }

    #[test]
    fn a_24h_lead_across_new_york_fall_back_is_24_real_hours() {
        let session = utc(2026, 11, 1, 15, 0); // Sun 10:00 EST
        let at = before(session, Duration::hours(24), New_York, &NONE);
        assert_eq!(at, utc(2026, 10, 31, 15, 0));
        assert_eq!(local_hour(at, New_York), 11); // Sat 11:00 EDT
    }

    #[test]
    fn a_reminder_in_quiet_hours_moves_to_the_evening_before() {
        let quiet = QuietHours::parse("21:00-08:00").unwrap();
        let session = utc(2026, 11, 23, 6, 30); // Mon 07:30 CET
        let at = before(session, Duration::hours(24), Berlin, &quiet);
        assert_eq!(at, utc(2026, 11, 21, 19, 59)); // Sat 20:59 CET
    }

    #[test]
    fn quiet_hours_across_berlin_spring_forward_move_to_winter_time_evening() {
        let quiet = QuietHours::parse("21:00-08:00").unwrap();
        let session = utc(2026, 3, 29, 5, 30); // Sun 07:30 CEST
        let at = before(session, Duration::hours(1), Berlin, &quiet);
        assert_eq!(at, utc(2026, 3, 28, 19, 59)); // Sat 20:59 CET
    }

    #[test]
    fn quiet_hours_across_new_york_spring_forward_move_to_standard_time_evening() {
        let quiet = QuietHours::parse("22:00-07:30").unwrap();
        let session = utc(2026, 3, 9, 11, 0); // Mon 07:00 EDT
        let at = before(session, Duration::hours(24), New_York, &quiet);
        assert_eq!(at, utc(2026, 3, 8, 2, 59)); // Sat 21:59 EST
    }

    #[test]
    fn quiet_hours_on_berlin_fall_back_night_are_read_on_the_wall_clock() {
        let quiet = QuietHours::parse("22:00-08:00").unwrap();
        let session = utc(2026, 10, 26, 6, 0); // Mon 07:00 CET
        let at = before(session, Duration::hours(24), Berlin, &quiet);
        assert_eq!(at, utc(2026, 10, 24, 19, 59)); // Sat 21:59 CEST
    }

    #[test]
    fn a_zero_or_negative_lead_means_the_session_start() {
        let session = utc(2026, 11, 24, 14, 0);
        assert_eq!(before(session, Duration::zero(), Berlin, &NONE), session);
        assert_eq!(before(session, Duration::hours(-3), Berlin, &NONE), session);
    }

    #[test]
    fn an_absurdly_long_lead_is_capped_without_panicking() {
        let session = utc(2026, 11, 24, 14, 0);
        let at = before(session, Duration::MAX, New_York, &NONE);
        assert_eq!(at, session - Duration::days(MAX_LEAD_DAYS));
    }
}
