//! Research tables in memory: the same raw rows, positions and paging as
//! the SQL stores (`store/sql/research.rs`), built from the records.

use super::{HubData, MemoryStore, hub_mut, hub_ref};
use crate::code_list::CodeList;
use crate::research::{BatchBuilder, Cell, HubSecret, ResearchCursor, ResearchTable};
use crate::{HubId, Participant, Period, Result, SignalDomain, VolunteerRole};
use chrono::{DateTime, NaiveDate, Utc};

/// A raw row with its position (its sort key in the table).
type Positioned = (Vec<Cell>, Vec<Cell>);

fn within(period: Option<Period>, date: Option<NaiveDate>) -> bool {
    match (period, date) {
        (None, _) => true,
        (Some(p), Some(d)) => p.contains(d),
        (Some(_), None) => false,
    }
}

fn day(t: DateTime<Utc>) -> NaiveDate {
    t.date_naive()
}

fn micros(t: Option<DateTime<Utc>>) -> Cell {
    Cell::opt_int(t.map(|t| t.timestamp_micros()))
}

fn opt_date(d: Option<NaiveDate>) -> Cell {
    d.map_or(Cell::Null, Cell::date)
}

/// An identifier (or actor name) as text. Not generic, and never inlined:
/// formatting a UUID inline at each of the 30-odd call sites would add
/// several KB to the browser packages.
#[inline(never)]
fn id(x: &dyn std::fmt::Display) -> Cell {
    Cell::Text(x.to_string())
}

/// Every row of `table` in the hub (within `period`), unsorted.
fn all_rows(data: &HubData, table: ResearchTable, period: Option<Period>) -> Vec<Positioned> {
    let mut out = Vec::new();
    match table {
        ResearchTable::Volunteers => {
            for v in data.volunteers.values() {
                if !within(period, Some(v.start_date)) {
                    continue;
                }
                let mut row = vec![
                    id(&v.id),
                    Cell::date(v.start_date),
                    Cell::text(v.status.code()),
                    Cell::date(v.status_since),
                    opt_date(v.vog_date),
                ];
                row.extend(
                    VolunteerRole::ALL
                        .iter()
                        .map(|r| Cell::flag(v.roles.contains(r))),
                );
                out.push((vec![id(&v.id)], row));
            }
        }
        ResearchTable::Shifts => {
            for s in data.shifts.values() {
                if !within(period, Some(s.date)) {
                    continue;
                }
                let (start, end) = (s.span.start_minute(), s.span.end_minute());
                let row = vec![
                    id(&s.id),
                    id(&s.volunteer_id),
                    Cell::date(s.date),
                    Cell::text(s.role.code()),
                    Cell::text(s.status.code()),
                    Cell::Int(i64::from(start)),
                    Cell::Int(i64::from(end)),
                    Cell::Int(i64::from(end) - i64::from(start)),
                ];
                out.push((vec![id(&s.id)], row));
            }
        }
        ResearchTable::Assessments => {
            let all = &data.development.assessments;
            for a in all {
                if !within(period, Some(a.on)) {
                    continue;
                }
                let corrected = all.iter().any(|c| c.corrects == Some(a.id));
                for s in &a.scores {
                    let row = vec![
                        id(&a.id),
                        id(&a.volunteer_id),
                        Cell::date(a.on),
                        id(&a.assessor),
                        Cell::text(a.instrument.code()),
                        Cell::text(s.measure.as_str()),
                        Cell::Int(i64::from(s.value)),
                        Cell::opt_text(a.corrects),
                        Cell::flag(corrected),
                    ];
                    out.push((vec![id(&a.id), Cell::text(s.measure.as_str())], row));
                }
            }
        }
        ResearchTable::Courses => {
            for c in &data.courses.courses {
                let first = c.sessions.first().copied();
                if !within(period, first) {
                    continue;
                }
                let row = vec![
                    id(&c.id),
                    opt_date(first),
                    opt_date(c.sessions.iter().max().copied()),
                    Cell::Int(i64::try_from(c.sessions.len()).unwrap_or(i64::MAX)),
                    Cell::Int(i64::from(c.capacity)),
                ];
                out.push((vec![id(&c.id)], row));
            }
        }
        ResearchTable::Enrolments => {
            for e in &data.courses.enrolments {
                if !within(period, Some(day(e.enrolled_at))) {
                    continue;
                }
                let row = vec![
                    id(&e.course_id),
                    id(&e.volunteer_id),
                    Cell::text(e.status.code()),
                    micros(Some(e.enrolled_at)),
                    Cell::Int(i64::try_from(e.attended.len()).unwrap_or(i64::MAX)),
                    Cell::flag(e.completed),
                ];
                out.push((vec![id(&e.course_id), id(&e.volunteer_id)], row));
            }
        }
        ResearchTable::ActivitySessions => {
            let acts = &data.activities.activities;
            for s in &data.activities.sessions {
                if !within(period, Some(s.date)) {
                    continue;
                }
                let kind = acts
                    .iter()
                    .find(|a| a.id == s.activity_id)
                    .map(|a| a.kind.code());
                let att = s.attendance.as_ref();
                let row = vec![
                    id(&s.id),
                    id(&s.activity_id),
                    Cell::opt_text(kind),
                    Cell::date(s.date),
                    Cell::Int(i64::from(s.span.start_minute())),
                    Cell::Int(i64::from(s.span.end_minute())),
                    Cell::text(s.status.code()),
                    Cell::flag(s.schedule_id.is_some()),
                    Cell::opt_int(att.map(|a| i64::from(a.headcount))),
                    Cell::opt_int(att.map(|a| i64::from(a.first_timers))),
                    Cell::opt_text(att.map(|a| &a.recorded_by)),
                ];
                out.push((vec![id(&s.id)], row));
            }
        }
        ResearchTable::Attendance => {
            for s in &data.activities.sessions {
                if !within(period, Some(s.date)) {
                    continue;
                }
                for p in s.attendance.iter().flat_map(|a| &a.participants) {
                    let (kind, pid) = match p {
                        Participant::Volunteer(v) => ("volunteer", v.to_string()),
                        Participant::Resident(r) => ("resident", r.to_string()),
                    };
                    let row = vec![
                        id(&s.id),
                        Cell::date(s.date),
                        Cell::text(kind),
                        Cell::Text(format!("{kind}:{pid}")),
                    ];
                    out.push((vec![id(&s.id), Cell::text(kind), Cell::Text(pid)], row));
                }
            }
        }
        ResearchTable::StockMoves => {
            let items = &data.stock.items;
            for (pos, m) in data.stock.moves.iter().enumerate() {
                if !within(period, Some(m.date)) {
                    continue;
                }
                let item = items.get(m.item_id.as_uuid());
                let row = vec![
                    id(&m.id),
                    id(&m.item_id),
                    Cell::opt_text(item.map(|i| i.category.code())),
                    Cell::opt_text(item.map(|i| i.condition.code())),
                    Cell::text(m.kind.code()),
                    Cell::Int(m.quantity),
                    Cell::date(m.date),
                    Cell::opt_int(m.unit_price.map(|p| p.cents())),
                    Cell::opt_text(m.sale_id),
                    Cell::text(&m.actor),
                ];
                let pos = Cell::Int(i64::try_from(pos).unwrap_or(i64::MAX));
                out.push((vec![id(&m.item_id), pos, Cell::Int(0)], row));
            }
        }
        ResearchTable::SaleLines => {
            for s in data.stock.sales.values() {
                if !within(period, Some(s.date)) {
                    continue;
                }
                for (no, l) in (1_i64..).zip(&s.lines) {
                    let row = vec![
                        id(&s.id),
                        Cell::Int(no),
                        id(&l.item_id),
                        Cell::date(s.date),
                        Cell::text(l.category.code()),
                        Cell::Int(l.quantity),
                        Cell::Int(l.unit_price.cents()),
                        Cell::Int(l.line_total.cents()),
                        Cell::Int(l.net.cents()),
                        Cell::Int(l.weight_grams),
                        Cell::text(s.payment.code()),
                        Cell::flag(s.city_pass),
                        Cell::flag(s.reverses.is_some()),
                        Cell::text(&s.actor),
                    ];
                    out.push((vec![Cell::date(s.date), id(&s.id), Cell::Int(no)], row));
                }
            }
        }
        ResearchTable::Signals => {
            for g in &data.signals.signals {
                if !within(period, Some(g.recorded_on)) {
                    continue;
                }
                let mut row = vec![
                    id(&g.id),
                    Cell::date(g.recorded_on),
                    id(&g.recorded_by),
                    Cell::text(g.urgency.code()),
                    Cell::text(g.consent.code()),
                    Cell::flag(g.do_not_contact),
                    Cell::text(g.status.code()),
                    micros(g.closed_at),
                ];
                row.extend(
                    SignalDomain::ALL
                        .iter()
                        .map(|d| Cell::flag(g.domains.contains(d))),
                );
                out.push((vec![id(&g.id)], row));
            }
        }
        ResearchTable::Referrals => {
            for r in &data.signals.referrals {
                if !within(period, Some(r.created_on)) {
                    continue;
                }
                let row = vec![
                    id(&r.id),
                    id(&r.signal_id),
                    id(&r.partner_id),
                    Cell::text(r.status.code()),
                    Cell::date(r.created_on),
                    id(&r.created_by),
                    Cell::flag(r.consent_exception.is_some()),
                    micros(r.requested_at),
                    opt_date(r.follow_up),
                    Cell::opt_text(r.outcome.map(|o| o.code())),
                    micros(r.closed_at),
                ];
                out.push((vec![id(&r.id)], row));
            }
        }
    }
    out
}

#[cfg_attr(not(target_family = "wasm"), async_trait::async_trait)]
#[cfg_attr(target_family = "wasm", async_trait::async_trait(?Send))]
impl crate::ResearchStore for MemoryStore {
    async fn research_secret(&self, hub: HubId, candidate: &HubSecret) -> Result<HubSecret> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        Ok(data
            .research_secret
            .get_or_insert_with(|| candidate.clone())
            .clone())
    }

    async fn research_rows(
        &self,
        hub: HubId,
        table: ResearchTable,
        period: Option<Period>,
        after: Option<&ResearchCursor>,
        limit: usize,
        out: &mut BatchBuilder<'_>,
    ) -> Result<()> {
        let st = self.lock();
        let data = hub_ref(&st, hub)?;
        let mut rows: Vec<Positioned> = all_rows(data, table, period)
            .into_iter()
            .filter(|(pos, _)| after.is_none_or(|a| pos > &a.0))
            .collect();
        // The core's one compiled sort (`order`), not one more copy of the
        // standard sort for this row type.
        crate::order::sort_by(&mut rows, |a, b| a.0.cmp(&b.0));
        rows.truncate(limit);
        for (_, row) in &rows {
            for cell in row {
                out.cell(cell)?;
            }
            out.end_row()?;
        }
        if let Some((pos, _)) = rows.pop() {
            out.set_last(ResearchCursor(pos));
        }
        Ok(())
    }
}
