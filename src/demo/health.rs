//! The demo's program-health part: interest tags, Leo (mentor) and Otto (mentee) join with
//! theirs, Ada accepts a `/match suggest` suggestion, then runs `/program report`, whose chart
//! is written to the temporary folder.

use std::path::PathBuf;

use anyhow::Context as _;

use crate::testkit::{
    cast::{ADA, LEO, OTTO},
    World,
};

/// Where the chart went.
pub struct Chart {
    pub path: PathBuf,
    pub bytes: usize,
    /// "drawn in N ms", as the report says.
    pub drawn: String,
}

/// Plays tags, a suggestion accepted and the report.
pub async fn play_health(w: &mut World) -> anyhow::Result<Chart> {
    let (ada, leo, otto) = (w.actor(ADA), w.actor(LEO), w.actor(OTTO));
    ada.slash("program tags set", &[("tags", "Leadership, Career change, Public speaking, Promotion")]).await?;
    leo.slash("join", &[("role", "mentor"), ("expertise", "Leadership, Public speaking"), ("capacity", "2")]).await?;
    otto.slash("join", &[("role", "mentee"), ("interests", "Public speaking")]).await?;
    let suggestions = ada.slash("match suggest", &[]).await?;
    let message = suggestions.message()?.clone();
    let pair = message
        .buttons()
        .into_iter()
        .find(|(id, _)| id.starts_with("match:pair:"))
        .context("a suggestion with a Pair button")?;
    let pressed = ada.press(&message, &pair.0).await?;
    w.sim.wait_for_dm(OTTO, |m| m.text().contains("new mentoring partner"), std::time::Duration::from_secs(5)).await?;
    drop(pressed);
    let report = ada.slash("program report", &[]).await?;
    let first = report.message()?;
    let png = first.attachments.iter().find(|a| a.filename == "program-report.png").context("the report's chart")?;
    let drawn = first
        .embeds
        .first()
        .and_then(|e| e["footer"]["text"].as_str())
        .unwrap_or_default()
        .trim_start_matches("Chart ")
        .to_owned();
    let path = std::env::temp_dir().join("mentor-bot-demo-report.png");
    std::fs::write(&path, &png.bytes).with_context(|| format!("while writing {}", path.display()))?;
    Ok(Chart { path, bytes: png.bytes.len(), drawn })
}
