//! The hub report: the municipality's view of one period — volunteers,
//! hours, ladder movement, courses, activities, the big table, signals,
//! referrals, sales and reuse. The store aggregates ([`HubCounts`] and the
//! existing reports' aggregates); [`HubReport::publish`] applies small-cell
//! suppression for researchers; [`HubReport::to_markdown`] and
//! [`HubReport::to_html`] render it in Dutch or English. Pure: no I/O.

mod counts;
mod figures;
mod html;
mod markdown;
mod sections;
mod svg;
mod text;

pub use counts::{CourseCounts, HubCounts, LadderCounts, SaleCounts, VolunteerCounts};
pub use figures::{
    ActivityFigures, Counted, CourseFigures, HoursFigures, HubReport, LadderFigures,
    ReferralFigures, ReportSources, ReuseFigures, SalesFigures, SalesMonth, SignalFigures,
    TableFigures, VolunteerFigures,
};

#[cfg(test)]
mod tests;
