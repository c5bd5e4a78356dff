//! The program report's chart: twelve weeks of sessions (held, missed, agendas on time), action
//! items (done, overdue) and the weekly average rating where enough ratings exist, drawn with
//! `plotters` into an RGB buffer and encoded as PNG. The text uses `DejaVu Sans`, built into the
//! binary (`assets/`, Bitstream Vera licence), so no system font is needed at run time.

use std::sync::OnceLock;

use anyhow::anyhow;
use plotters::{
    prelude::*,
    style::{
        register_font,
        text_anchor::{HPos, Pos, VPos},
        FontStyle,
    },
};

use crate::{domain::report::WeekRow, tr};

/// The chart's size in pixels.
pub const WIDTH: u32 = 960;
/// The chart's size in pixels.
pub const HEIGHT: u32 = 720;

const FONT: &[u8] = include_bytes!("../assets/DejaVuSans.ttf");
const FAMILY: &str = "sans-serif";

const HELD: RGBColor = RGBColor(46, 160, 67);
const MISSED: RGBColor = RGBColor(218, 54, 51);
const AGENDA: RGBColor = RGBColor(56, 132, 244);
const DONE: RGBColor = RGBColor(46, 160, 67);
const OVERDUE: RGBColor = RGBColor(230, 138, 0);
const RATING: RGBColor = RGBColor(137, 87, 229);

fn font_ready() -> anyhow::Result<()> {
    static READY: OnceLock<bool> = OnceLock::new();
    if *READY.get_or_init(|| register_font(FAMILY, FontStyle::Normal, FONT).is_ok()) {
        Ok(())
    } else {
        Err(anyhow!("the built-in chart font does not load"))
    }
}

fn plot_err<E: std::fmt::Debug>(e: E) -> anyhow::Error {
    anyhow!("while drawing the report chart: {e:?}")
}

/// Draws the weeks (oldest first) with `title` above them and returns the PNG.
pub fn render_png(title: &str, weeks: &[WeekRow]) -> anyhow::Result<Vec<u8>> {
    font_ready()?;
    let (w, h) = (WIDTH as usize, HEIGHT as usize);
    let mut rgb = vec![0u8; w * h * 3];
    draw(&mut rgb, title, weeks)?;
    encode(&rgb)
}

#[allow(clippy::too_many_lines)] // three panels, drawn in order; splitting hides the layout
fn draw(rgb: &mut [u8], title: &str, weeks: &[WeekRow]) -> anyhow::Result<()> {
    let backend = BitMapBackend::with_buffer_and_format(rgb, (WIDTH, HEIGHT)).map_err(plot_err)?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE).map_err(plot_err)?;
    let root = root.titled(title, (FAMILY, 24)).map_err(plot_err)?;
    let panels = root.split_evenly((3, 1));
    let labels: Vec<String> = weeks.iter().map(|r| crate::domain::dates::week(r.monday)).collect();
    let label = |x: &f64| {
        let i = x.round();
        if (x - i).abs() < 0.01 && i >= 0.0 {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // 0..12
            labels.get(i as usize).cloned().unwrap_or_default()
        } else {
            String::new()
        }
    };
    #[allow(clippy::cast_precision_loss)] // twelve weeks
    let n = weeks.len().max(1) as f64;
    let bars = |panel: &DrawingArea<BitMapBackend<'_>, plotters::coord::Shift>,
                caption: &str,
                series: &[(String, RGBColor, Vec<i64>)]|
     -> anyhow::Result<()> {
        let top = series.iter().flat_map(|(_, _, v)| v.iter().copied()).max().unwrap_or(0).max(1);
        let mut chart = ChartBuilder::on(panel)
            .caption(caption, (FAMILY, 18))
            .margin(8)
            .x_label_area_size(22)
            .y_label_area_size(36)
            .build_cartesian_2d(-0.5..(n - 0.5), 0i64..(top + top / 5 + 1))
            .map_err(plot_err)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(weeks.len().max(2))
            .x_label_formatter(&label)
            .y_labels(5)
            .label_style((FAMILY, 12))
            .draw()
            .map_err(plot_err)?;
        #[allow(clippy::cast_precision_loss)] // a handful of series
        let width = 0.8 / series.len().max(1) as f64;
        for (k, (name, color, values)) in series.iter().enumerate() {
            let color = *color;
            #[allow(clippy::cast_precision_loss)]
            let offset = -0.4 + width * k as f64;
            chart
                .draw_series(values.iter().enumerate().map(|(i, v)| {
                    #[allow(clippy::cast_precision_loss)]
                    let x = i as f64 + offset;
                    Rectangle::new([(x, 0), (x + width * 0.9, *v)], color.filled())
                }))
                .map_err(plot_err)?
                .label(name.as_str())
                .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 12, y + 5)], color.filled()));
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .label_font((FAMILY, 12))
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK.mix(0.3))
            .draw()
            .map_err(plot_err)
    };
    let pick = |f: fn(&WeekRow) -> i64| weeks.iter().map(f).collect::<Vec<_>>();
    bars(
        &panels[0],
        &tr!("sched-chart-sessions"),
        &[
            (tr!("sched-chart-held"), HELD, pick(|r| r.held)),
            (tr!("sched-chart-missed"), MISSED, pick(|r| r.missed)),
            (tr!("sched-chart-agenda-on-time"), AGENDA, pick(|r| r.agendas_on_time)),
        ],
    )?;
    bars(
        &panels[1],
        &tr!("sched-chart-actions"),
        &[
            (tr!("sched-chart-actions-done"), DONE, pick(|r| r.actions_done)),
            (tr!("sched-chart-actions-overdue"), OVERDUE, pick(|r| r.actions_overdue)),
        ],
    )?;
    let mut chart = ChartBuilder::on(&panels[2])
        .caption(tr!("sched-chart-rating"), (FAMILY, 18))
        .margin(8)
        .x_label_area_size(22)
        .y_label_area_size(36)
        .build_cartesian_2d(-0.5..(n - 0.5), 0.0..5.5)
        .map_err(plot_err)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(weeks.len().max(2))
        .x_label_formatter(&label)
        .y_labels(6)
        .light_line_style(WHITE)
        .label_style((FAMILY, 12))
        .draw()
        .map_err(plot_err)?;
    #[allow(clippy::cast_precision_loss)]
    let points: Vec<(f64, f64)> =
        weeks.iter().enumerate().filter_map(|(i, r)| r.average_rating.map(|a| (i as f64, a))).collect();
    if points.is_empty() {
        let grey = BLACK.mix(0.5);
        let style = TextStyle::from((FAMILY, 16).into_font()).color(&grey).pos(Pos::new(HPos::Center, VPos::Center));
        chart
            .draw_series(std::iter::once(Text::new(tr!("sched-chart-no-rating"), ((n - 1.0) / 2.0, 2.75), style)))
            .map_err(plot_err)?;
    }
    chart.draw_series(LineSeries::new(points.iter().copied(), RATING.stroke_width(2))).map_err(plot_err)?;
    chart.draw_series(points.iter().map(|&(x, y)| Circle::new((x, y), 4, RATING.filled()))).map_err(plot_err)?;
    root.present().map_err(plot_err)?;
    Ok(())
}

fn encode(rgb: &[u8]) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, WIDTH, HEIGHT);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::High);
    let mut writer = encoder.write_header().map_err(|e| anyhow!("while encoding the chart: {e}"))?;
    writer.write_image_data(rgb).map_err(|e| anyhow!("while encoding the chart: {e}"))?;
    writer.finish().map_err(|e| anyhow!("while encoding the chart: {e}"))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::domain::report::weekly_rows;

    #[test]
    fn an_empty_program_draws_a_chart_of_the_stated_size() {
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap();
        let rows = weekly_rows(now, chrono_tz::Europe::Berlin, &[], &[]);
        let png = render_png("Acme", &rows).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(png));
        let reader = decoder.read_info().unwrap();
        assert_eq!((reader.info().width, reader.info().height), (WIDTH, HEIGHT));
    }
}
