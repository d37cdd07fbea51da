//! The hub report: one period's figures for the municipality, gathered
//! from the store's aggregates and published per role.

use super::Hub;
use crate::{
    Action, Actor, Bucket, HubReport, Period, ReportSources, Result, Role, Store, authorize,
    reuse_impact,
};

impl<S: Store + ?Sized> Hub<S> {
    /// The hub report of `period`: active volunteers, hours (total and by
    /// role), ladder movement, courses and completions, activity sessions
    /// and attendance, table visitors, signals by domain, referrals by
    /// status and outcome, sales, items sold, kilograms reused and CO2e
    /// avoided — every figure aggregated in the store. Coordinators and
    /// admins get exact figures; researchers get every count of people
    /// from 1 to the hub's suppression threshold − 1 hidden (`None`).
    /// Volunteers are refused. Render it with [`HubReport::to_markdown`]
    /// or [`HubReport::to_html`].
    pub async fn hub_report(&self, actor: &Actor, period: Period) -> Result<HubReport> {
        authorize(actor, Action::ReadHubReport)?;
        let policy = self.store.signal_policy(self.id).await?.unwrap_or_default();
        let threshold = match actor.role() {
            Role::Researcher => Some(policy.suppression_threshold()),
            _ => None,
        };
        let counts = self.store.hub_counts(self.id, period).await?;
        let hours = self.store.hours_by_role(self.id, period).await?;
        let activities = self.store.activity_counts(self.id, period).await?;
        let signals = self.store.signal_counts(self.id, period).await?;
        let sales = self
            .store
            .sales_by_category(self.id, period, Bucket::Month)
            .await?;
        let factors = self
            .store
            .impact_factors(self.id)
            .await?
            .unwrap_or_default();
        let impact = reuse_impact(&sales, &factors);
        let sources = ReportSources {
            counts: &counts,
            hours: &hours,
            activities: &activities,
            signals: &signals,
            sales: &sales,
            impact: &impact,
        };
        Ok(HubReport::publish(
            self.slug.as_str(),
            period,
            sources,
            threshold,
        ))
    }
}
