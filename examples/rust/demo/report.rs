//! The hub report of the past year: printed as Markdown (Dutch), written as
//! one standalone HTML page next to the database, and timed.

use chrono::{Duration, NaiveDate};
use kringloop::{Actor, Hub, Lang, Period};
use std::error::Error;

/// Prints the year's hub report and writes `<db>-rapport.html`.
pub async fn summary(
    hub: &Hub,
    c: &Actor,
    today: NaiveDate,
    db_path: &str,
) -> Result<(), Box<dyn Error>> {
    let year = Period::new(today - Duration::days(364), today)?;
    let started = std::time::Instant::now();
    let report = hub.hub_report(c, year).await?;
    let took = started.elapsed();
    println!("\n{}", report.to_markdown(Lang::Nl));
    let html_path = format!("{}-rapport.html", db_path.trim_end_matches(".db"));
    std::fs::write(&html_path, report.to_html(Lang::Nl))?;
    println!(
        "Wijkrapportage berekend in {:.0} ms; als webpagina: {html_path}",
        took.as_secs_f64() * 1000.0
    );
    Ok(())
}
