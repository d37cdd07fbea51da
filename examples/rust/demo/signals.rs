//! A year of signals and referrals at the Oude Bieb: what volunteers hear at
//! the table, who is referred where, and what came of it — then the
//! statistics as a researcher sees them (small cells hidden).

use crate::Dice;
use chrono::{Duration, NaiveDate, NaiveTime};
use kringloop::{
    Actor, CodeList, Consent, CountTable, FixedClock, Hub, NewPartner, NewPartnerService,
    NewReferral, NewSignal, Period, ReferralChange, ReferralOutcome, ReferralStatus, Role,
    SignalDomain, Urgency,
};
use std::error::Error;
use std::sync::Arc;

fn service(name: &str, domains: &[SignalDomain]) -> NewPartnerService {
    NewPartnerService {
        id: None,
        name: name.into(),
        description: None,
        domains: domains.to_vec(),
    }
}

fn partner(name: &str, website: &str, services: Vec<NewPartnerService>) -> NewPartner {
    NewPartner {
        name: name.into(),
        website: Some(website.into()),
        services,
        ..Default::default()
    }
}

/// The partners a Groningen hub refers to (public organisations; contact
/// details left out of the demo).
fn partners() -> Vec<NewPartner> {
    use SignalDomain::*;
    vec![
        partner(
            "WIJ Lewenborg",
            "https://wij.groningen.nl",
            vec![
                service(
                    "Maatschappelijk werk",
                    &[Loneliness, FamilyParenting, Housing, Other],
                ),
                service("Schuldhulp", &[MoneyDebt, Paperwork]),
                service("Werk en meedoen", &[WorkDaytime]),
            ],
        ),
        partner(
            "Humanitas Thuisadministratie",
            "https://www.humanitas.nl",
            vec![service("Thuisadministratie", &[Paperwork, MoneyDebt])],
        ),
        partner(
            "Voedselbank Groningen",
            "https://www.voedselbankgroningen.nl",
            vec![service("Voedselpakket", &[Food])],
        ),
        partner(
            "Huisartsenpraktijk Lewenborg",
            "https://www.thuisarts.nl",
            vec![service("Spreekuur", &[PhysicalHealth, MentalHealth])],
        ),
        partner(
            "Lentis",
            "https://www.lentis.nl",
            vec![service("Ggz-wijkteam", &[MentalHealth, Addiction])],
        ),
        partner(
            "Veilig Thuis Groningen",
            "https://www.veiligthuisgroningen.nl",
            vec![service(
                "Advies en melding",
                &[SafetyViolence, FamilyParenting],
            )],
        ),
    ]
}

/// Picks from weighted choices.
fn weighted<T: Copy>(dice: &mut Dice, choices: &[(T, u64)]) -> T {
    let total: u64 = choices.iter().map(|(_, w)| w).sum();
    let mut roll = dice.below(total.max(1));
    for (v, w) in choices {
        if roll < *w {
            return *v;
        }
        roll -= w;
    }
    choices[0].0
}

fn domain(dice: &mut Dice) -> SignalDomain {
    use SignalDomain::*;
    weighted(
        dice,
        &[
            (Loneliness, 30),
            (MoneyDebt, 24),
            (Paperwork, 10),
            (Housing, 8),
            (MentalHealth, 8),
            (PhysicalHealth, 6),
            (FamilyParenting, 4),
            (Food, 4),
            (WorkDaytime, 3),
            (SafetyViolence, 2),
            (Addiction, 1),
        ],
    )
}

const FIRST_NAMES: [&str; 12] = [
    "Truus", "Mo", "Henk", "Sanne", "Ahmed", "Greet", "Jos", "Leila", "Kees", "Wilma", "Ruud",
    "Dewi",
];

/// Records a year of signals ending `today` on a hub over the same store
/// whose clock walks through the year; returns (signals, referrals).
pub async fn seed(
    url: &str,
    today: NaiveDate,
    dice: &mut Dice,
) -> Result<(usize, usize), Box<dyn Error>> {
    let first = today - Duration::days(364);
    let noon = NaiveTime::from_hms_opt(11, 0, 0).unwrap_or_default();
    let clock = Arc::new(FixedClock::new(first.and_time(noon).and_utc()));
    let hub = Hub::open_with_clock(url, "oude-bieb", clock.clone()).await?;
    let coordinator = Actor::new("intern-coördinator", Role::Coordinator)?;
    let table = Actor::new("vrijwilliger-stamtafel", Role::Volunteer)?;
    let mut wij = None;
    for p in partners() {
        let p = hub.register_partner(&coordinator, p).await?;
        wij.get_or_insert(p.id);
    }
    let mut open: Vec<(kringloop::SignalId, NaiveDate, Option<kringloop::Referral>)> = Vec::new();
    let (mut signals, mut referrals) = (0, 0);
    let mut day = first;
    while day <= today {
        clock.set(day.and_time(noon).and_utc());
        let weekday = day.format("%u").to_string();
        let open_day = !matches!(weekday.as_str(), "1" | "7");
        // About four signals a week at the table, a few more in winter.
        let winter = matches!(
            day.format("%m").to_string().as_str(),
            "11" | "12" | "01" | "02"
        );
        if open_day && dice.chance(if winter { 95 } else { 75 }) {
            let mut domains = vec![domain(dice)];
            if dice.chance(30) {
                domains.push(domain(dice));
            }
            let urgency = weighted(
                dice,
                &[
                    (Urgency::Normal, 80),
                    (Urgency::High, 17),
                    (Urgency::Acute, 3),
                ],
            );
            let consent = weighted(
                dice,
                &[
                    (Consent::Given, 60),
                    (Consent::Refused, 15),
                    (Consent::NotAsked, 25),
                ],
            );
            let view = hub
                .record_signal(
                    &table,
                    NewSignal {
                        domains,
                        urgency: Some(urgency),
                        summary: "Vertelde aan de stamtafel over zorgen thuis".into(),
                        person: Some(FIRST_NAMES[dice.below(12) as usize].into()),
                        contact: None,
                        consent: Some(consent),
                        do_not_contact: dice.chance(5),
                    },
                )
                .await?;
            signals += 1;
            let s = view.signal;
            let may_refer = consent == Consent::Given || urgency == Urgency::Acute;
            let mut referral = None;
            if may_refer && dice.chance(85) {
                let best = hub.partner_suggestions(&coordinator, s.id).await?;
                let to = best.first().map(|b| b.partner.id).or(wij);
                if let Some(partner) = to {
                    let r = hub
                        .refer(
                            &coordinator,
                            NewReferral {
                                signal: s.id,
                                partner,
                                follow_up: Some(day + Duration::days(14)),
                                consent_exception: (consent != Consent::Given)
                                    .then(|| "Acute situatie; niet uit te stellen".into()),
                                request: false,
                            },
                        )
                        .await?;
                    referrals += 1;
                    referral = Some(r);
                }
            }
            open.push((s.id, day, referral));
        }
        // Follow up: referrals move on after a week or two; signals close when done.
        let mut still_open = Vec::new();
        for (id, since, referral) in open.drain(..) {
            let age = (day - since).num_days();
            let next = match referral {
                // Sent to the partner a day or a few after the talk at the table.
                Some(r) if age >= 1 && r.status == ReferralStatus::Draft && dice.chance(45) => {
                    Some(
                        hub.change_referral(
                            &coordinator,
                            r.id,
                            ReferralChange {
                                status: ReferralStatus::Requested,
                                outcome: None,
                                follow_up: None,
                            },
                        )
                        .await?,
                    )
                }
                Some(r) if age >= 5 && r.status == ReferralStatus::Requested => {
                    let change = if dice.chance(88) {
                        ReferralChange {
                            status: ReferralStatus::Accepted,
                            outcome: None,
                            follow_up: None,
                        }
                    } else {
                        let why = weighted(
                            dice,
                            &[
                                (ReferralOutcome::NoCapacity, 1),
                                (ReferralOutcome::NotEligible, 1),
                            ],
                        );
                        ReferralChange {
                            status: ReferralStatus::Rejected,
                            outcome: Some(why),
                            follow_up: None,
                        }
                    };
                    Some(hub.change_referral(&coordinator, r.id, change).await?)
                }
                Some(r) if age >= 7 && r.status == ReferralStatus::Accepted => Some(
                    hub.change_referral(
                        &coordinator,
                        r.id,
                        ReferralChange {
                            status: ReferralStatus::InProgress,
                            outcome: None,
                            follow_up: Some(day + Duration::days(21)),
                        },
                    )
                    .await?,
                ),
                Some(r)
                    if age >= 28 && r.status == ReferralStatus::InProgress && dice.chance(20) =>
                {
                    let (status, outcome) = weighted(
                        dice,
                        &[
                            ((ReferralStatus::Completed, ReferralOutcome::GotHelp), 70),
                            (
                                (ReferralStatus::Failed, ReferralOutcome::CouldNotContact),
                                12,
                            ),
                            (
                                (
                                    ReferralStatus::Completed,
                                    ReferralOutcome::ReferredElsewhere,
                                ),
                                8,
                            ),
                            (
                                (
                                    ReferralStatus::Cancelled,
                                    ReferralOutcome::NoLongerInterested,
                                ),
                                10,
                            ),
                        ],
                    );
                    Some(
                        hub.change_referral(
                            &coordinator,
                            r.id,
                            ReferralChange {
                                status,
                                outcome: Some(outcome),
                                follow_up: None,
                            },
                        )
                        .await?,
                    )
                }
                other => other,
            };
            let done = next.as_ref().is_none_or(|r| r.status.is_closed());
            if done && age >= 21 {
                hub.close_signal(&coordinator, id).await?;
            } else {
                still_open.push((id, since, next));
            }
        }
        open = still_open;
        day += Duration::days(1);
    }
    Ok((signals, referrals))
}

fn cell(v: Option<u64>) -> String {
    v.map_or_else(|| "<10".to_string(), |n| n.to_string())
}

/// Prints a count table with its columns as rows (months get wide).
fn transposed(t: &CountTable, label: impl Fn(&str) -> String) {
    let months: Vec<String> = t.rows.iter().map(|m| m[2..].replace('-', "/")).collect();
    println!(
        "  {:<28} {}  totaal",
        "",
        months.iter().map(|m| format!("{m:>6}")).collect::<String>()
    );
    for (j, col) in t.columns.iter().enumerate() {
        let cells: String = t
            .cells
            .iter()
            .map(|r| format!("{:>6}", cell(r[j])))
            .collect();
        println!(
            "  {:<28} {cells}  {:>6}",
            label(col),
            cell(t.column_totals[j])
        );
    }
}

/// What the researcher sees: statistics with small cells hidden.
pub async fn summary(hub: &Hub, today: NaiveDate) -> Result<(), Box<dyn Error>> {
    let researcher = Actor::new("onderzoeker", Role::Researcher)?;
    let year = Period::new(today - Duration::days(364), today)?;
    let stats = hub.signal_statistics(&researcher, year).await?;
    println!(
        "\nSignalen per domein per maand, zoals een onderzoeker ze ziet (aantallen 1–{} verborgen als <10):",
        stats.threshold.unwrap_or(10) - 1
    );
    transposed(&stats.by_domain, |code| {
        SignalDomain::parse(code).map_or_else(|_| code.to_string(), |d| d.label_nl().to_string())
    });
    println!("\nSignalen per urgentie per maand:");
    transposed(&stats.by_urgency, |code| {
        Urgency::parse(code).map_or_else(|_| code.to_string(), |u| u.label_nl().to_string())
    });
    println!("\nDoorverwijzingen per partner en uitkomst:");
    let t = &stats.referrals_by_outcome;
    let heads: String = t
        .columns
        .iter()
        .map(|c| format!("{:>10}", &c[..c.len().min(9)]))
        .collect();
    println!("  {:<30}{heads}", "");
    for (i, name) in t.rows.iter().enumerate() {
        let cells: String = t.cells[i]
            .iter()
            .map(|v| format!("{:>10}", cell(*v)))
            .collect();
        println!("  {name:<30}{cells}");
    }
    let days = |d: kringloop::PublishedDays| match (d.n, d.median) {
        (Some(n), Some(m)) => format!("{m:.1} dagen (n = {n})"),
        (Some(0), None) => "geen".to_string(),
        _ => "verborgen (n < 10)".to_string(),
    };
    println!(
        "\nMediaan van signaal tot doorverwijzing: {}",
        days(stats.days_to_referral)
    );
    println!(
        "Mediaan van signaal tot afsluiting:     {}",
        days(stats.days_to_closure)
    );
    Ok(())
}
