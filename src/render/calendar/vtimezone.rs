//! A `VTIMEZONE` component for an IANA zone over a span of time, so a `TZID` in a calendar file
//! is defined in the file itself (RFC 5545 §3.6.5): one observance for the offset in effect at the
//! start and one for each change of offset within the span, found from chrono-tz's data.

use chrono::{DateTime, Duration, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

/// The `VTIMEZONE` text (CRLF lines) of `zone` covering `[from, to]`.
pub fn vtimezone(zone: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> String {
    let mut out = vec!["BEGIN:VTIMEZONE".to_owned(), format!("TZID:{}", zone.name())];
    let start = from - Duration::days(1);
    let mut offset = offset_at(zone, start);
    observance(&mut out, zone, start, offset, offset);
    let mut t = start;
    let end = to + Duration::days(1);
    while t < end {
        let next = t + Duration::hours(12);
        let next_offset = offset_at(zone, next);
        if next_offset != offset {
            let change = change_between(zone, t, next);
            observance(&mut out, zone, change, offset, next_offset);
            offset = next_offset;
        }
        t = next;
    }
    out.push("END:VTIMEZONE".to_owned());
    out.push(String::new());
    out.join("\r\n")
}

fn offset_at(zone: Tz, t: DateTime<Utc>) -> i32 {
    zone.offset_from_utc_datetime(&t.naive_utc()).fix().local_minus_utc()
}

/// The first second in `(lo, hi]` with the offset of `hi`.
fn change_between(zone: Tz, mut lo: DateTime<Utc>, mut hi: DateTime<Utc>) -> DateTime<Utc> {
    let before = offset_at(zone, lo);
    while hi - lo > Duration::seconds(1) {
        let mid = lo + (hi - lo) / 2;
        if offset_at(zone, mid) == before {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    hi
}

fn observance(out: &mut Vec<String>, zone: Tz, at: DateTime<Utc>, from: i32, to: i32) {
    let offset = zone.offset_from_utc_datetime(&at.naive_utc());
    let kind = if offset.dst_offset().is_zero() { "STANDARD" } else { "DAYLIGHT" };
    // DTSTART is the onset in the local time in effect before it (RFC 5545 §3.6.5).
    let local = (at + Duration::seconds(i64::from(from))).naive_utc();
    out.extend([
        format!("BEGIN:{kind}"),
        format!("DTSTART:{}", local.format("%Y%m%dT%H%M%S")),
        format!("TZOFFSETFROM:{}", utc_offset(from)),
        format!("TZOFFSETTO:{}", utc_offset(to)),
    ]);
    if let Some(name) = offset.abbreviation().filter(|n| !n.is_empty()) {
        out.push(format!("TZNAME:{name}"));
    }
    out.push(format!("END:{kind}"));
}

/// `+0100`, `-0500`, `+0530`.
fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    format!("{sign}{:02}{:02}", minutes / 60, minutes % 60)
}
