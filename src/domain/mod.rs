//! Pure domain rules: no Discord, no SQL, no system clock. Programs, members, pairings and
//! sessions; agendas, action items, notes, goals and reviews, and text layout within Discord's
//! limits; time rules (reading typed times in a zone, DST gaps and overlaps, quiet hours,
//! "the day before") and cron schedules evaluated in an IANA zone.

pub mod action;
pub mod agenda;
pub mod attendance;
pub mod availability;
pub mod background;
pub mod booking_request;
pub mod dates;
pub mod day_before;
pub mod goal;
pub mod ids;
pub mod jobs;
pub mod layout;
pub mod local_time;
pub mod matching;
pub mod member;
pub mod milestone;
pub mod notes;
pub mod outline;
pub mod pairing;
pub mod program;
pub mod quiet_hours;
pub mod report;
pub mod schedule;
pub mod series;
pub mod session;
pub mod settings;
pub mod text;
pub mod timeline;
pub mod when;
mod when_grammar;
