//! The kringloop demo: fills an embedded SQLite file with the volunteers of
//! "de Oude Bieb", half a year of shifts, a year of the shop (donations,
//! sales at two tills), a year of signals and referrals and a year of the five
//! activities (sessions, attendance, ideas, the table tally), then prints the
//! roster summary, the shop's figures, the attendance summary with the ideas
//! pipeline, the signal statistics as a researcher sees them (small cells
//! hidden), and the year's hub report (Markdown, and an HTML page beside the
//! database file).
//!
//! ```text
//! cargo run -p kringloop --example demo -- [path.db] [--fresh]
//! ```
//!
//! Running it again reuses the file: it says so and prints the summary of
//! what is there, without adding anything (`--fresh` starts over).

use chrono::{Duration, NaiveDate, NaiveTime};
use kringloop::{
    Actor, AvailabilitySlot, CodeList, Hub, NewShift, NewVolunteer, OpeningSlot, Period, Role,
    TimeSpan, VolunteerRole, VolunteerStatus, Weekday,
};
use std::collections::{BTreeMap, HashMap};
use std::error::Error;

mod activities;
mod development;
mod report;
mod shop;
mod signals;

const NAMES: [&str; 30] = [
    "Anneke", "Bart", "Carla", "Dirk", "Els", "Fatima", "Gert", "Hanna", "Ingrid", "Jan", "Karin",
    "Lucas", "Marieke", "Nadia", "Otto", "Petra", "Quinten", "Rina", "Sander", "Tineke", "Umut",
    "Vera", "Willem", "Xandra", "Yusuf", "Zoë", "Bram", "Lotte", "Henk", "Ria",
];

/// A tiny deterministic generator, so every fresh demo tells the same story.
pub struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    /// A number in 0..n.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    /// True with the given percentage.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default()
}

fn span(a: u32, b: u32) -> Result<TimeSpan, kringloop::Error> {
    TimeSpan::new(time(a, 0), time(b, 0))
}

/// The Oude Bieb is open Tuesday to Saturday; mornings need more hands.
fn opening_hours() -> Result<Vec<OpeningSlot>, kringloop::Error> {
    use VolunteerRole::*;
    let mut slots = Vec::new();
    for day in [
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
    ] {
        let mut morning = BTreeMap::from([(Cashier, 1), (ShopFloor, 2), (CoffeeHost, 1)]);
        if matches!(day, Weekday::Tuesday | Weekday::Thursday) {
            morning.insert(IntakeSorting, 2);
        }
        slots.push(OpeningSlot {
            weekday: day,
            span: span(10, 13)?,
            staffing: morning,
        });
        slots.push(OpeningSlot {
            weekday: day,
            span: span(13, 16)?,
            staffing: BTreeMap::from([(Cashier, 1), (ShopFloor, 1), (CoffeeHost, 1)]),
        });
    }
    slots.push(OpeningSlot {
        weekday: Weekday::Saturday,
        span: span(10, 14)?,
        staffing: BTreeMap::from([(Cashier, 1), (ShopFloor, 2), (CoffeeHost, 1)]),
    });
    Ok(slots)
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let fresh = args.iter().any(|a| a == "--fresh");
    let path = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| "oude-bieb.db".into());
    if fresh {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{path}{suffix}"));
        }
    }
    let url = format!("sqlite:{path}");
    let started = std::time::Instant::now();
    let hub = Hub::open(&url, "oude-bieb").await?;
    let coordinator = Actor::new("demo-coördinator", Role::Coordinator)?;
    let today = hub.clock().today();

    let existing = hub.volunteers(&coordinator, None).await?.len();
    if existing > 0 {
        println!(
            "{path} already holds the Oude Bieb ({existing} volunteers): not seeding again (use --fresh to start over).\n"
        );
    } else {
        let shifts = seed(&hub, &coordinator, today).await?;
        let mut dice = Dice(0x7769_6e6b_656c_2121);
        let (items, sales) = shop::seed(&hub, &coordinator, today, &mut dice).await?;
        let (signals, referrals) = signals::seed(&url, today, &mut dice).await?;
        let (sessions, ideas) = activities::seed(&hub, &coordinator, today, &mut dice).await?;
        let assessments = development::seed(&hub, &coordinator, today, &mut dice).await?;
        println!(
            "Seeded {path}: {} volunteers, {shifts} shifts, {items} donated items, {sales} sales, {signals} signals, {referrals} referrals, {sessions} activity sessions, {ideas} ideas, {assessments} assessments in {:.1} s.\n",
            NAMES.len(),
            started.elapsed().as_secs_f64()
        );
    }
    summary(&hub, &coordinator, &url, today).await?;
    shop::summary(&hub, &coordinator, today).await?;
    development::summary(&hub, &coordinator, today).await?;
    activities::summary(&hub, &coordinator, today).await?;
    signals::summary(&hub, today).await?;
    report::summary(&hub, &coordinator, today, &path).await?;
    Ok(())
}

/// Registers the volunteers and fills the past four weeks (worked) and the
/// coming week (planned); earlier history goes back half a year.
async fn seed(hub: &Hub, c: &Actor, today: NaiveDate) -> Result<usize, Box<dyn Error>> {
    use VolunteerRole::*;
    let mut dice = Dice(0x6b72_696e_676c_6f70);
    hub.set_opening_hours(c, opening_hours()?).await?;
    let role_sets: [&[VolunteerRole]; 6] = [
        &[Cashier, ShopFloor],
        &[ShopFloor, IntakeSorting],
        &[CoffeeHost, ShopFloor],
        &[Cashier, CoffeeHost],
        &[IntakeSorting, Driver],
        &[ShopFloor, CoffeeHost, ActivityLead],
    ];
    let mut volunteers = Vec::new();
    for (i, name) in NAMES.iter().enumerate() {
        let years_in = dice.below(6) as i64;
        let start = today - Duration::days(60 + years_in * 300 + dice.below(200) as i64);
        let mut roles: Vec<VolunteerRole> = role_sets[i % role_sets.len()].to_vec();
        if i == 0 {
            roles.push(Coordinator);
        }
        let vog = match i % 10 {
            9 => None,
            _ => Some(today - Duration::days(30 + dice.below(1150) as i64)),
        };
        let days: Vec<Weekday> = Weekday::ALL
            .iter()
            .copied()
            .filter(|_| dice.chance(50))
            .collect();
        let availability = days
            .into_iter()
            .filter(|d| *d != Weekday::Sunday && *d != Weekday::Monday)
            .map(|weekday| {
                Ok(AvailabilitySlot {
                    weekday,
                    span: span(10, 16)?,
                })
            })
            .collect::<Result<Vec<_>, kringloop::Error>>()?;
        let v = hub
            .register_volunteer(
                c,
                NewVolunteer {
                    display_name: name.to_string(),
                    contact: (i % 3 == 0).then(|| format!("{}@example.nl", name.to_lowercase())),
                    start_date: Some(start.min(today)),
                    status: Some(if i >= 28 {
                        VolunteerStatus::Prospect
                    } else {
                        VolunteerStatus::Active
                    }),
                    roles,
                    skills: if i % 4 == 0 {
                        vec!["naaimachine".into()]
                    } else {
                        vec![]
                    },
                    availability,
                    vog_date: vog.map(|d| d.max(start.min(today))),
                },
            )
            .await?;
        volunteers.push(v);
    }
    // One volunteer takes a break, one has left.
    hub.change_volunteer_status(
        c,
        volunteers[7].id,
        VolunteerStatus::Paused,
        Some("mantelzorg voor haar moeder"),
        None,
    )
    .await?;
    hub.change_volunteer_status(
        c,
        volunteers[13].id,
        VolunteerStatus::Left,
        Some("betaald werk gevonden"),
        None,
    )
    .await?;

    let working: Vec<_> = volunteers
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != 7 && *i != 13)
        .map(|(_, v)| v.clone())
        .collect();
    let hours = opening_hours()?;
    let mut count = 0;
    // Half a year of history, then the coming week planned.
    let first = today - Duration::days(182);
    let last = today + Duration::days(7);
    let mut day = first;
    while day <= last {
        let mut busy: HashMap<kringloop::VolunteerId, Vec<TimeSpan>> = HashMap::new();
        for slot in hours.iter().filter(|s| s.weekday == Weekday::of(day)) {
            for (&role, &need) in &slot.staffing {
                for _ in 0..need {
                    // Leave about one place in twelve open, so the roster shows gaps.
                    if dice.chance(8) {
                        continue;
                    }
                    let able: Vec<_> = working
                        .iter()
                        .filter(|v| v.roles.contains(&role) && v.start_date <= day)
                        .filter(|v| {
                            busy.get(&v.id)
                                .is_none_or(|b| b.iter().all(|s| !s.overlaps(&slot.span)))
                        })
                        .collect();
                    if able.is_empty() {
                        continue;
                    }
                    let v = able[dice.below(able.len() as u64) as usize];
                    let input = NewShift {
                        volunteer_id: v.id,
                        role,
                        date: day,
                        span: slot.span,
                        note: None,
                    };
                    let shift = if day <= today {
                        hub.record_shift(c, input).await?
                    } else {
                        hub.plan_shift(c, input).await?
                    };
                    busy.entry(v.id).or_default().push(shift.span);
                    count += 1;
                }
            }
        }
        day += Duration::days(1);
    }
    Ok(count)
}

fn hours(minutes: i64) -> String {
    format!("{}:{:02} h", minutes / 60, minutes % 60)
}

/// Prints what a coordinator wants to see on Monday morning.
async fn summary(hub: &Hub, c: &Actor, url: &str, today: NaiveDate) -> Result<(), Box<dyn Error>> {
    let month = Period::new(today - Duration::days(27), today)?;
    let volunteers = hub.volunteers(c, None).await?;
    let mut by_status: BTreeMap<VolunteerStatus, usize> = BTreeMap::new();
    for v in &volunteers {
        *by_status.entry(v.status).or_default() += 1;
    }
    println!("Kringloop hub \"{}\" ({url})", hub.slug());
    let statuses: Vec<String> = by_status
        .iter()
        .map(|(s, n)| format!("{n} {}", s.label_nl()))
        .collect();
    println!(
        "Vrijwilligers: {} ({})",
        volunteers.len(),
        statuses.join(", ")
    );

    println!("\nUren per rol, {} t/m {}:", month.from(), month.to());
    let mut total = 0;
    for row in hub.hours_by_role(c, month).await? {
        total += row.minutes;
        println!(
            "  {:<26} {:>10}  {:>3} diensten",
            row.role.label_nl(),
            hours(row.minutes),
            row.shifts
        );
    }
    println!("  {:<26} {:>10}", "totaal", hours(total));

    println!("\nMeeste uren deze periode:");
    let mut top = hub.hours_by_volunteer(c, month).await?;
    top.sort_by_key(|h| std::cmp::Reverse(h.minutes));
    for row in top.iter().take(5) {
        println!(
            "  {:<26} {:>10}  {:>3} diensten",
            row.display_name,
            hours(row.minutes),
            row.shifts
        );
    }

    let next_week = Period::week_of(today + Duration::days(7));
    let gaps = hub.roster_gaps(c, next_week).await?;
    println!(
        "\nGaten in het rooster, week van {} ({}):",
        next_week.from(),
        gaps.len()
    );
    for g in gaps.iter().take(12) {
        println!(
            "  {:<9} {} {}–{}  {:<26} {} van {}",
            Weekday::of(g.date).label_nl(),
            g.date.format("%d-%m"),
            g.span.start().format("%H:%M"),
            g.span.end().format("%H:%M"),
            g.role.label_nl(),
            g.planned,
            g.required
        );
        let names: Vec<&str> = g
            .candidates
            .iter()
            .take(4)
            .map(|c| c.display_name.as_str())
            .collect();
        if !names.is_empty() {
            println!("      kan invallen: {}", names.join(", "));
        }
    }
    if gaps.len() > 12 {
        println!("  … en nog {}", gaps.len() - 12);
    }

    let vogs = hub.vog_expiring(c, 60).await?;
    println!("\nVOG vraagt aandacht (binnen 60 dagen): {}", vogs.len());
    for s in &vogs {
        let state = match s.state {
            kringloop::VogState::Missing => "ontbreekt".to_string(),
            kringloop::VogState::Expired => format!(
                "verlopen op {}",
                s.expires_on.map(|d| d.to_string()).unwrap_or_default()
            ),
            kringloop::VogState::Expiring => format!(
                "verloopt op {}",
                s.expires_on.map(|d| d.to_string()).unwrap_or_default()
            ),
        };
        println!("  {:<26} {state}", s.display_name);
    }

    let milestones = hub.milestones(c, month).await?;
    println!("\nMijlpalen bereikt in deze periode: {}", milestones.len());
    for m in &milestones {
        println!(
            "  {:<26} {} uur (nu {})",
            m.display_name,
            m.milestone_hours,
            hours(m.total_minutes)
        );
    }
    Ok(())
}
