//! `/me export` as files: the stored rows as JSON, the session records as Markdown (the same
//! template as `/session summary`), the upcoming sessions as one `.ics`; and how files are
//! spread over messages within Discord's attachment limits.

use serde_json::{json, Value};

use super::{calendar::sessions_ics, summary::record_markdown};
use crate::{app::ExportData, domain::ids::UserId, tr};

/// Discord takes at most this many files per message.
pub const FILES_PER_MESSAGE: usize = 10;

/// A file to attach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The export's files: `mentor-bot-export.json`, `sessions.md`, `upcoming-sessions.ics`.
pub fn export_files(data: &ExportData, user: UserId, instance: &str) -> anyhow::Result<Vec<ExportFile>> {
    let mut document = json!({
        "format": "mentor-bot member export, version 1",
        "generated_at": data.generated_at.to_rfc3339(),
        "user_id": user.0.to_string(),
        "note": tr!("render-export-note"),
    });
    if let Value::Object(map) = &mut document {
        map.extend(data.sections.clone());
    }
    let mut markdown = format!("# {}\n\n", tr!("render-export-heading"));
    if data.records.is_empty() {
        markdown.push_str(&tr!("render-export-no-sessions"));
        markdown.push('\n');
    }
    let records: Vec<String> = data.records.iter().map(|r| record_markdown(r, data.zone)).collect();
    markdown.push_str(&records.join("\n\n---\n\n"));
    let events: Vec<_> = data
        .upcoming
        .iter()
        .map(|s| (s.clone(), tr!("render-calendar-session-title", number = s.number.to_string())))
        .collect();
    Ok(vec![
        ExportFile { name: "mentor-bot-export.json".into(), bytes: serde_json::to_vec_pretty(&document)? },
        ExportFile { name: "sessions.md".into(), bytes: markdown.into_bytes() },
        ExportFile {
            name: "upcoming-sessions.ics".into(),
            bytes: sessions_ics(&events, instance, data.generated_at).into_bytes(),
        },
    ])
}

/// Spreads files over messages: at most [`FILES_PER_MESSAGE`] and `limit` bytes in all per
/// message. A file larger than `limit` is sent in numbered parts (`name.part1`, ...) to join
/// again in order; nothing is cut away.
pub fn fit_attachments(files: Vec<ExportFile>, limit: usize) -> Vec<Vec<ExportFile>> {
    let limit = limit.max(1);
    let mut pieces = Vec::new();
    for file in files {
        if file.bytes.len() <= limit {
            pieces.push(file);
            continue;
        }
        for (i, chunk) in file.bytes.chunks(limit).enumerate() {
            pieces.push(ExportFile { name: format!("{}.part{}", file.name, i + 1), bytes: chunk.to_vec() });
        }
    }
    let mut messages: Vec<Vec<ExportFile>> = Vec::new();
    let mut size = 0;
    for piece in pieces {
        let fits = messages.last().is_some_and(|m| m.len() < FILES_PER_MESSAGE && size + piece.bytes.len() <= limit);
        if !fits {
            messages.push(Vec::new());
            size = 0;
        }
        size += piece.bytes.len();
        if let Some(m) = messages.last_mut() {
            m.push(piece);
        }
    }
    messages
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, len: usize) -> ExportFile {
        ExportFile { name: name.into(), bytes: vec![b'x'; len] }
    }

    #[test]
    fn files_that_fit_go_in_one_message() {
        let out = fit_attachments(vec![file("a", 10), file("b", 10), file("c", 10)], 100);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].len(), 3);
    }

    #[test]
    fn messages_stay_within_the_size_and_count_limits_and_big_files_come_in_parts() {
        let many: Vec<_> = (0..12).map(|i| file(&format!("f{i}"), 1)).collect();
        let out = fit_attachments(many, 100);
        assert_eq!(out.iter().map(Vec::len).collect::<Vec<_>>(), [10, 2]);
        let out = fit_attachments(vec![file("big", 250), file("small", 40)], 100);
        let names: Vec<Vec<&str>> = out.iter().map(|m| m.iter().map(|f| f.name.as_str()).collect()).collect();
        assert_eq!(names, [vec!["big.part1"], vec!["big.part2"], vec!["big.part3", "small"]]);
        assert!(out.iter().all(|m| m.iter().map(|f| f.bytes.len()).sum::<usize>() <= 100));
        assert_eq!(out.iter().flatten().map(|f| f.bytes.len()).sum::<usize>(), 290);
    }
}
