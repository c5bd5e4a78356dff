//! A readable record of what users did and what the bot showed them, with Discord markup
//! (timestamps, mentions) rendered the way the viewing user would see it.

use std::fmt::Write as _;

use chrono::{DateTime, TimeZone as _, Utc};
use chrono_tz::Tz;

use crate::{
    model::{embed_lines, Message, Modal},
    state::{ChannelKind, State},
};

/// One recorded event.
#[derive(Clone, Debug)]
pub(crate) struct TranscriptEvent {
    pub(crate) at: DateTime<Utc>,
    pub(crate) kind: EventKind,
}

/// What happened.
#[derive(Clone, Debug)]
pub(crate) enum EventKind {
    Slash { user: u64, channel: u64, command: String },
    Autocomplete { user: u64, command: String, focused: String },
    Press { user: u64, label: String },
    Submit { user: u64, title: String, fields: Vec<(String, String)> },
    Reply { user: u64, message: Message, edited: bool },
    Dm { user: u64, message: Message, edited: bool },
    Post { message: Message, edited: bool },
    ModalShown { user: u64, modal: Modal },
    Failed { what: String, code: u64, message: String },
}

/// Names and zones needed to render.
pub(crate) struct Renderer<'a> {
    pub(crate) state: &'a State,
    pub(crate) bot_id: u64,
    pub(crate) bot_name: &'a str,
    /// "Now" for relative timestamps: the time of the event being rendered, as its reader saw it.
    pub(crate) now: std::cell::Cell<DateTime<Utc>>,
}

impl Renderer<'_> {
    fn name(&self, user: u64) -> String {
        self.state.user_name(user, self.bot_id, self.bot_name)
    }

    fn zone(&self, user: Option<u64>) -> Tz {
        user.and_then(|u| self.state.users.get(&u)).and_then(|u| u.time_zone).unwrap_or(Tz::UTC)
    }

    fn channel(&self, id: u64) -> String {
        match self.state.channels.get(&id) {
            Some(ChannelKind::Guild { name, .. }) => format!("#{name}"),
            Some(ChannelKind::Dm { recipient }) => format!("DM with {}", self.name(*recipient)),
            None => format!("#{id}"),
        }
    }

    /// Renders the whole transcript.
    pub(crate) fn render(&self, events: &[TranscriptEvent]) -> String {
        let mut out = String::new();
        for event in events {
            self.now.set(event.at);
            let at = event.at.format("%Y-%m-%d %H:%M:%S UTC");
            let line = match &event.kind {
                EventKind::Slash { user, channel, command } => {
                    format!("{} in {}: {command}", self.name(*user), self.channel(*channel))
                }
                EventKind::Autocomplete { user, command, focused } => {
                    format!("{} types in {command} (autocomplete {focused})", self.name(*user))
                }
                EventKind::Press { user, label } => format!("{} presses [{label}]", self.name(*user)),
                EventKind::Submit { user, title, fields } => {
                    let fields: Vec<String> = fields.iter().map(|(k, v)| format!("{k}={v:?}")).collect();
                    format!("{} submits \"{title}\": {}", self.name(*user), fields.join(", "))
                }
                EventKind::Reply { user, message, edited } => {
                    let what = if message.ephemeral { "ephemeral reply" } else { "reply" };
                    let edited = if *edited { " (edited)" } else { "" };
                    let body = self.message(message, Some(*user));
                    format!("bot -> {} {what}{edited}:{body}", self.name(*user))
                }
                EventKind::Dm { user, message, edited } => {
                    let edited = if *edited { " (edited)" } else { "" };
                    format!("bot -> DM {}{edited}:{}", self.name(*user), self.message(message, Some(*user)))
                }
                EventKind::Post { message, edited } => {
                    let edited = if *edited { " (edited)" } else { "" };
                    format!("bot -> {}{edited}:{}", self.channel(message.channel_id), self.message(message, None))
                }
                EventKind::ModalShown { user, modal } => {
                    let fields: Vec<String> = modal.fields.iter().map(|f| f.label.clone()).collect();
                    format!("bot -> {} modal \"{}\" [{}]", self.name(*user), modal.title, fields.join(" | "))
                }
                EventKind::Failed { what, code, message } => {
                    format!("delivery failed: {what}: {code} {message}")
                }
            };
            let _ = writeln!(out, "[{at}] {line}");
        }
        out
    }

    fn message(&self, message: &Message, viewer: Option<u64>) -> String {
        let mut lines = Vec::new();
        if !message.content.is_empty() {
            lines.push(message.content.clone());
        }
        for embed in &message.embeds {
            lines.extend(embed_lines(embed));
        }
        let buttons: Vec<String> = message.buttons().into_iter().map(|(_, l)| format!("[{l}]")).collect();
        if !buttons.is_empty() {
            lines.push(buttons.join(" "));
        }
        lines.extend(message.attachments.iter().map(|a| format!("📎 {}", a.filename)));
        let mut out = String::new();
        for line in lines {
            for l in self.markup(&line, viewer).lines() {
                let _ = write!(out, "\n    {l}");
            }
        }
        out
    }

    /// Renders `<t:..>` timestamps and `<@..>`, `<#..>`, `<@&..>` mentions.
    pub(crate) fn markup(&self, text: &str, viewer: Option<u64>) -> String {
        let tz = self.zone(viewer);
        let mut out = String::new();
        let mut rest = text;
        while let Some(start) = rest.find('<') {
            out.push_str(&rest[..start]);
            let tail = &rest[start..];
            let Some(end) = tail.find('>') else {
                out.push_str(tail);
                return out;
            };
            let inner = &tail[1..end];
            match self.token(inner, tz) {
                Some(rendered) => out.push_str(&rendered),
                None => out.push_str(&tail[..=end]),
            }
            rest = &tail[end + 1..];
        }
        out.push_str(rest);
        out
    }

    fn token(&self, inner: &str, tz: Tz) -> Option<String> {
        if let Some(ts) = inner.strip_prefix("t:") {
            let (unix, style) = ts.split_once(':').unwrap_or((ts, "f"));
            let t = Utc.timestamp_opt(unix.parse().ok()?, 0).single()?;
            return Some(timestamp(t, style, tz, self.now.get()));
        }
        if let Some(role) = inner.strip_prefix("@&") {
            let id: u64 = role.parse().ok()?;
            let name = self.state.guilds.iter().flat_map(|g| &g.roles).find(|r| r.id == id)?.name.clone();
            return Some(format!("@{name}"));
        }
        if let Some(user) = inner.strip_prefix('@') {
            let id: u64 = user.trim_start_matches('!').parse().ok()?;
            return Some(format!("@{}", self.name(id)));
        }
        if let Some(channel) = inner.strip_prefix('#') {
            return Some(self.channel(channel.parse().ok()?));
        }
        None
    }
}

/// Renders a Discord timestamp in `tz` (`style` is one of t, T, d, D, f, F, R).
pub fn timestamp(t: DateTime<Utc>, style: &str, tz: Tz, now: DateTime<Utc>) -> String {
    let local = t.with_timezone(&tz);
    match style {
        "t" => local.format("%H:%M %Z").to_string(),
        "T" => local.format("%H:%M:%S %Z").to_string(),
        "d" => local.format("%d/%m/%Y").to_string(),
        "D" => local.format("%-d %B %Y").to_string(),
        "F" => local.format("%A %-d %B %Y %H:%M %Z").to_string(),
        "R" => relative(t, now),
        _ => local.format("%a %-d %b %Y %H:%M %Z").to_string(),
    }
}

/// "in 3 days" / "2 hours ago", rounded to the nearest unit like Discord clients.
pub fn relative(t: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let secs = (t - now).num_seconds();
    let abs = secs.unsigned_abs();
    let round = |unit: u64| (abs + unit / 2) / unit;
    let (n, unit) = if abs < 45 {
        (abs, "second")
    } else if abs < 45 * 60 {
        (round(60).max(1), "minute")
    } else if abs < 22 * 3600 {
        (round(3600).max(1), "hour")
    } else if abs < 26 * 86_400 {
        (round(86_400).max(1), "day")
    } else if abs < 320 * 86_400 {
        (round(30 * 86_400).max(1), "month")
    } else {
        (round(365 * 86_400).max(1), "year")
    };
    let plural = if n == 1 { "" } else { "s" };
    if secs >= 0 {
        format!("in {n} {unit}{plural}")
    } else {
        format!("{n} {unit}{plural} ago")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_render_in_the_viewers_zone() {
        let t = Utc.with_ymd_and_hms(2026, 11, 24, 14, 0, 0).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 14, 0, 0).unwrap();
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        assert_eq!(timestamp(t, "f", berlin, now), "Tue 24 Nov 2026 15:00 CET");
        assert_eq!(timestamp(t, "F", berlin, now), "Tuesday 24 November 2026 15:00 CET");
        assert_eq!(timestamp(t, "t", berlin, now), "15:00 CET");
        assert_eq!(timestamp(t, "R", berlin, now), "in 3 days");
        assert_eq!(relative(now, t), "3 days ago");
    }
}
