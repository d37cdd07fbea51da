//! A year of the Oude Bieb's five activities: crochet and knitting, painting,
//! the walk-in choir, film night and the walk-in idea evening — sessions,
//! attendance, residents' ideas and the daily table tally — then the
//! attendance summary and the ideas pipeline.

use crate::Dice;
use chrono::{Datelike, Duration, NaiveDate, NaiveTime};
use kringloop::{
    ActivityKind, Actor, CodeList, Hub, IdeaStatus, IdeaStatusChange, NewActivity, NewAttendance,
    NewIdea, NewSchedule, NewTally, Nth, Period, Recurrence, TimeSpan, Weekday,
};
use std::error::Error;

fn span(h1: u32, m1: u32, h2: u32, m2: u32) -> Result<TimeSpan, kringloop::Error> {
    let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default();
    TimeSpan::new(t(h1, m1), t(h2, m2))
}

struct Plan {
    name: &'static str,
    kind: ActivityKind,
    capacity: Option<u32>,
    recurrence: Recurrence,
    span: TimeSpan,
    /// Usual attendance: low, high, and first-timers at most.
    people: (u64, u64, u64),
}

fn plans() -> Result<Vec<Plan>, kringloop::Error> {
    let weekly = |day| Recurrence::Weekly {
        every: 1,
        weekdays: vec![day],
    };
    Ok(vec![
        Plan {
            name: "Haken en breien",
            kind: ActivityKind::Craft,
            capacity: Some(12),
            recurrence: weekly(Weekday::Tuesday),
            span: span(14, 0, 16, 0)?,
            people: (6, 12, 2),
        },
        Plan {
            name: "Schilderen",
            kind: ActivityKind::Creative,
            capacity: Some(10),
            recurrence: weekly(Weekday::Thursday),
            span: span(14, 0, 16, 30)?,
            people: (4, 10, 2),
        },
        Plan {
            name: "Inloopkoor",
            kind: ActivityKind::Music,
            capacity: None,
            recurrence: weekly(Weekday::Wednesday),
            span: span(19, 30, 21, 0)?,
            people: (12, 30, 4),
        },
        Plan {
            name: "Filmavond",
            kind: ActivityKind::Film,
            capacity: Some(40),
            recurrence: Recurrence::Monthly {
                every: 1,
                nth: Nth::Last,
                weekday: Weekday::Friday,
            },
            span: span(19, 30, 22, 0)?,
            people: (15, 40, 6),
        },
        Plan {
            name: "Inloopavond: jouw idee voor de wijk",
            kind: ActivityKind::IdeaEvening,
            capacity: None,
            recurrence: Recurrence::Monthly {
                every: 1,
                nth: Nth::First,
                weekday: Weekday::Monday,
            },
            span: span(19, 0, 21, 0)?,
            people: (5, 15, 4),
        },
    ])
}

const IDEAS: [(&str, &str); 12] = [
    (
        "Repair café",
        "Eens per maand samen kapotte spullen repareren.",
    ),
    (
        "Boekenruilkast",
        "Een kast bij de ingang waar je boeken ruilt.",
    ),
    ("Taalcafé", "Nederlands oefenen aan de stamtafel."),
    (
        "Moestuin",
        "Samen groente kweken in de tuin achter de Bieb.",
    ),
    (
        "Kinderkleding-ruil",
        "Twee keer per jaar kinderkleding ruilen.",
    ),
    ("Wandelgroep", "Elke zaterdag een rondje Lewenborg."),
    ("Spelletjesmiddag", "Sjoelen en klaverjassen op vrijdag."),
    ("Fietsenmaker", "Iemand die lekke banden plakt."),
    ("Kookavond", "Samen koken en eten voor weinig geld."),
    ("Computerhulp", "Hulp bij DigiD en mail."),
    ("Zwembad", "Een zwembad in de tuin."),
    ("Muziekles", "Gitaarles voor beginners."),
];

/// Seeds the five activities with a year of sessions and attendance ending
/// `today`, the ideas from the idea evenings and the daily tally; returns
/// (sessions, ideas).
pub async fn seed(
    hub: &Hub,
    c: &Actor,
    today: NaiveDate,
    dice: &mut Dice,
) -> Result<(usize, usize), Box<dyn Error>> {
    let first = today - Duration::days(364);
    let year = Period::new(first, today)?;
    let mut ideas_made = 0;
    let mut sessions_held = 0;
    for plan in plans()? {
        let mut input = NewActivity::new(plan.name, plan.kind);
        input.capacity = plan.capacity;
        input.location = Some("De Oude Bieb, Lewenborg".into());
        let a = hub.create_activity(c, input).await?;
        hub.set_schedule(
            c,
            a.id,
            NewSchedule {
                recurrence: plan.recurrence.clone(),
                starts_on: first,
                span: plan.span,
                until: None,
                count: None,
            },
        )
        .await?;
        hub.generate_sessions(c, Some(a.id), year).await?;
        let (lo, hi, new) = plan.people;
        for s in hub.sessions(c, Some(a.id), year).await? {
            // The choir takes a summer break; now and then something else intervenes.
            let summer =
                plan.kind == ActivityKind::Music && matches!(s.date.iso_week().week(), 29..=33);
            if summer {
                hub.cancel_session(c, s.id, "zomerstop").await?;
                continue;
            }
            if dice.chance(4) {
                hub.cancel_session(c, s.id, "begeleider ziek").await?;
                continue;
            }
            let headcount = lo + dice.below(hi - lo + 1);
            let first_timers = dice.below(new.min(headcount) + 1);
            hub.record_attendance(
                c,
                s.id,
                NewAttendance {
                    headcount: Some(headcount as u32),
                    first_timers: first_timers as u32,
                    participants: Vec::new(),
                },
            )
            .await?;
            sessions_held += 1;
            if plan.kind == ActivityKind::IdeaEvening {
                ideas_made += ideas_at(hub, c, s.date, today, dice).await?;
            }
        }
    }
    // The table tally, every opening day (Tuesday to Saturday).
    let mut day = first;
    while day <= today {
        if !matches!(Weekday::of(day), Weekday::Sunday | Weekday::Monday) {
            let winter = matches!(day.month(), 11 | 12 | 1 | 2);
            let visitors = 15 + dice.below(if winter { 30 } else { 20 }) as u32;
            hub.record_tally(
                c,
                NewTally {
                    date: Some(day),
                    visitors,
                    conversations: visitors / 3 + dice.below(8) as u32,
                },
            )
            .await?;
        }
        day += Duration::days(1);
    }
    Ok((sessions_held, ideas_made))
}

/// Ideas brought in at one idea evening; older ones move along the pipeline.
async fn ideas_at(
    hub: &Hub,
    c: &Actor,
    on: NaiveDate,
    today: NaiveDate,
    dice: &mut Dice,
) -> Result<usize, Box<dyn Error>> {
    let n = 1 + dice.below(2) as usize;
    for _ in 0..n {
        let (title, text) = IDEAS[dice.below(IDEAS.len() as u64) as usize];
        let idea = hub
            .submit_idea(
                c,
                NewIdea {
                    title: title.into(),
                    text: text.into(),
                    submitted_on: Some(on),
                    ..Default::default()
                },
            )
            .await?;
        // A month later it is discussed; then adopted or declined; some adopted ones are realised.
        let steps: &[(IdeaStatus, i64)] = match dice.below(10) {
            0..=1 => &[],
            2..=3 => &[(IdeaStatus::Discussed, 28)],
            4..=5 => &[(IdeaStatus::Discussed, 28), (IdeaStatus::Declined, 35)],
            6..=7 => &[(IdeaStatus::Discussed, 28), (IdeaStatus::Adopted, 35)],
            _ => &[
                (IdeaStatus::Discussed, 28),
                (IdeaStatus::Adopted, 35),
                (IdeaStatus::Realised, 90),
            ],
        };
        for (status, after) in steps {
            let when = on + Duration::days(*after);
            if when > today {
                break;
            }
            hub.change_idea(
                c,
                idea.id,
                IdeaStatusChange {
                    status: *status,
                    reason: (*status == IdeaStatus::Declined)
                        .then(|| "Geen vrijwilligers of ruimte voor".into()),
                    activity: None,
                    on: Some(when),
                },
            )
            .await?;
        }
    }
    Ok(n)
}

/// Prints the year's attendance per activity, the ideas pipeline and the tally.
pub async fn summary(hub: &Hub, c: &Actor, today: NaiveDate) -> Result<(), Box<dyn Error>> {
    let year = Period::new(today - Duration::days(364), today)?;
    let report = hub.activity_report(c, year).await?;
    println!("\nActiviteiten, afgelopen jaar:");
    println!(
        "  {:<36} {:>9} {:>9} {:>10} {:>8} {:>9} {:>9}",
        "", "gehouden", "afgelast", "bezoekers", "nieuw", "gem.", "bezetting"
    );
    let mut names: Vec<&str> = report
        .months
        .iter()
        .map(|m| m.activity_name.as_str())
        .collect();
    names.sort_unstable();
    names.dedup();
    for name in names {
        let rows: Vec<_> = report
            .months
            .iter()
            .filter(|m| m.activity_name == name)
            .collect();
        let sum = |f: &dyn Fn(&kringloop::ActivityMonth) -> Option<u64>| -> u64 {
            rows.iter().filter_map(|m| f(m)).sum()
        };
        let held = sum(&|m| m.held);
        let attendance = sum(&|m| m.attendance);
        let uses: Vec<f64> = rows.iter().filter_map(|m| m.capacity_use).collect();
        let use_text = if uses.is_empty() {
            "–".to_string()
        } else {
            format!(
                "{:.0}%",
                100.0 * uses.iter().sum::<f64>() / uses.len() as f64
            )
        };
        println!(
            "  {:<36} {:>9} {:>9} {:>10} {:>8} {:>9.1} {:>9}",
            name,
            held,
            sum(&|m| m.cancelled),
            attendance,
            sum(&|m| m.first_timers),
            if held > 0 {
                attendance as f64 / held as f64
            } else {
                0.0
            },
            use_text
        );
    }
    println!("\nIdeeën van bewoners:");
    for i in &report.ideas {
        println!(
            "  {:<14} {:>3}",
            i.status.label_nl(),
            i.count.map_or_else(|| "<10".into(), |n| n.to_string())
        );
    }
    let recent: Vec<_> = report.tally.iter().rev().take(8).collect();
    let visitors: u64 = recent.iter().map(|w| w.visitors).sum();
    let conversations: u64 = recent.iter().map(|w| w.conversations).sum();
    println!(
        "\nStamtafel, laatste {} weken: {} bezoekers, {} gesprekken (gemiddeld {:.0} bezoekers per week)",
        recent.len(),
        visitors,
        conversations,
        visitors as f64 / recent.len().max(1) as f64
    );
    Ok(())
}
