//! Development at the Oude Bieb: participation-ladder assessments about
//! every four months since each volunteer joined — most rise a step or two
//! and then flatten, a few slide back — a coaching trajectory, and what the
//! coordinator sees: the coaching suggestions and the cohort curve.

use crate::Dice;
use chrono::{Duration, NaiveDate};
use kringloop::{
    Actor, CodeList, Hub, Intervention, LadderStep, Measure, NewAssessment, NewCoaching,
    NewConflict, NewConflictFollowUp, NewCourse, Period, TrajectoryClass, Volunteer, VolunteerRole,
    VolunteerStatus,
};
use std::error::Error;

/// Assesses every volunteer about every four months from joining (over the
/// last two years) and opens one coaching trajectory; returns the number of
/// assessments.
pub async fn seed(
    hub: &Hub,
    c: &Actor,
    today: NaiveDate,
    dice: &mut Dice,
) -> Result<usize, Box<dyn Error>> {
    let volunteers = hub.volunteers(c, None).await?;
    let mut count = 0;
    for v in &volunteers {
        let start = v.start_date.max(today - Duration::days(730));
        // Where they begin, how far they rise, and whether they slide back late.
        let mut step = 2 + dice.below(2) as usize; // 2 or 3
        let ceiling = (step + 1 + dice.below(2) as usize).min(5);
        let slides = dice.chance(15);
        let mut on = start + Duration::days(7);
        let mut n = 0;
        while on <= today {
            let late = (today - on).num_days() < 240;
            if slides && late && step > 2 {
                step -= 1;
            } else if step < ceiling && n > 0 && dice.chance(70) {
                step += 1;
            }
            let ladder = LadderStep::ALL[step.saturating_sub(1).min(5)];
            hub.record_assessment(c, NewAssessment::ladder(v.id, on, ladder))
                .await?;
            count += 1;
            n += 1;
            on += Duration::days(110 + dice.below(30) as i64);
        }
    }
    // The intern coaches the first volunteer the suggestions name.
    let coach = volunteers
        .iter()
        .find(|v| v.roles.contains(&VolunteerRole::Coordinator));
    let first = hub
        .coaching_suggestions(c, None)
        .await?
        .into_iter()
        .find(|s| coach.is_none_or(|k| k.id != s.volunteer_id));
    if let (Some(coach), Some(s)) = (coach, first) {
        let k = hub
            .open_coaching(
                c,
                NewCoaching {
                    volunteer: s.volunteer_id,
                    coach: coach.id,
                    goals: vec![
                        "Zelfstandig de kassa openen en opmaken".into(),
                        "Nieuwe vrijwilligers wegwijs maken".into(),
                    ],
                    opened_on: Some(today - Duration::days(42)),
                },
            )
            .await?;
        for days_ago in [35, 21, 7] {
            hub.add_coaching_session(
                c,
                k.id,
                Some(today - Duration::days(days_ago)),
                Some("Voortgang besproken"),
            )
            .await?;
        }
    }
    courses_and_conflicts(hub, c, &volunteers, today, dice).await?;
    Ok(count)
}

/// A course half a year ago (more volunteers than places, so a waiting
/// list), and a conflict at the till that went to mediation.
async fn courses_and_conflicts(
    hub: &Hub,
    c: &Actor,
    volunteers: &[Volunteer],
    today: NaiveDate,
    dice: &mut Dice,
) -> Result<(), Box<dyn Error>> {
    let first = today - Duration::days(200);
    let sessions: Vec<NaiveDate> = (0..4).map(|w| first + Duration::days(7 * w)).collect();
    let course = hub
        .create_course(
            c,
            NewCourse {
                title: "Omgaan met lastige situaties aan de kassa".into(),
                description: Some(
                    "Vier middagen: de-escaleren, grenzen stellen, doorverwijzen.".into(),
                ),
                sessions: sessions.clone(),
                capacity: 8,
            },
        )
        .await?;
    let active: Vec<&Volunteer> = volunteers
        .iter()
        .filter(|v| v.status == VolunteerStatus::Active)
        .collect();
    for v in active.iter().take(11) {
        hub.enrol(c, course.id, v.id).await?;
    }
    // Two drop out; the waiting list moves up.
    for v in active.iter().skip(2).take(2) {
        hub.withdraw(c, course.id, v.id).await?;
    }
    let enrolled: Vec<_> = hub
        .enrolments(c, course.id)
        .await?
        .into_iter()
        .filter(|e| e.status == kringloop::EnrolmentStatus::Enrolled)
        .map(|e| e.volunteer_id)
        .collect();
    for date in &sessions {
        let present: Vec<_> = enrolled
            .iter()
            .copied()
            .filter(|_| dice.chance(85))
            .collect();
        hub.record_course_attendance(c, course.id, *date, &present)
            .await?;
    }
    let finished: Vec<_> = enrolled
        .iter()
        .copied()
        .filter(|_| dice.chance(90))
        .collect();
    hub.complete_course(c, course.id, &finished).await?;

    if let [a, b, ..] = active.as_slice() {
        let k = hub
            .register_conflict(
                c,
                NewConflict {
                    parties: vec![a.id, b.id],
                    on: Some(today - Duration::days(60)),
                    description: "Onenigheid over wie de kas opmaakt en hoe".into(),
                    step: 3,
                    intervention: Intervention::AmongThemselves,
                },
            )
            .await?;
        hub.follow_up_conflict(
            c,
            k.id,
            NewConflictFollowUp {
                on: Some(today - Duration::days(45)),
                note: "Opgelopen; coördinator bemiddelt".into(),
                step: Some(4),
                intervention: Some(Intervention::Coordinator),
                status: Some(kringloop::ConflictStatus::InMediation),
            },
        )
        .await?;
    }
    Ok(())
}

fn name_of(volunteers: &[Volunteer], id: kringloop::VolunteerId) -> String {
    volunteers
        .iter()
        .find(|v| v.id == id)
        .map_or_else(|| id.to_string(), |v| v.display_name.to_string())
}

/// Prints the coaching suggestions, open coaching and the cohort curve.
pub async fn summary(hub: &Hub, c: &Actor, today: NaiveDate) -> Result<(), Box<dyn Error>> {
    let volunteers = hub.volunteers(c, Some(VolunteerStatus::Active)).await?;
    let mut by_class = [0usize; 4];
    for v in &volunteers {
        let t = hub.trajectory(c, v.id, &Measure::ladder(), None).await?;
        let i = TrajectoryClass::ALL
            .iter()
            .position(|x| *x == t.class)
            .unwrap_or(3);
        by_class[i] += 1;
    }
    println!(
        "\nParticipatieladder, verloop afgelopen 12 maanden ({} actieve vrijwilligers):",
        volunteers.len()
    );
    for (class, n) in TrajectoryClass::ALL.iter().zip(by_class) {
        println!("  {:<22} {n:>3}", class.label_nl());
    }
    let suggestions = hub.coaching_suggestions(c, None).await?;
    println!("\nCoachingsuggesties ({}):", suggestions.len());
    for s in &suggestions {
        println!("  {:<12} {}", s.display_name, s.reason);
    }
    for k in hub.coachings(c, None, true).await? {
        println!(
            "Lopende coaching: {} (coach {}), sinds {}, {} gesprekken, doelen: {}",
            name_of(&volunteers, k.volunteer_id),
            name_of(&volunteers, k.coach_id),
            k.opened_on,
            k.sessions.len(),
            k.goals
                .iter()
                .map(|g| g.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
    for course in hub.courses(c).await? {
        let e = hub
            .course_effect(c, course.id, &Measure::ladder(), None)
            .await?;
        println!(
            "\nCursus \"{}\" ({} t/m {}):",
            course.title,
            course.first().unwrap_or(today),
            course.last().unwrap_or(today)
        );
        match e.mean_change {
            Some(m) => println!(
                "  verschil op de Participatieladder (laatste meting vóór, eerste na de cursus), n = {}: gemiddeld {m:+.2} trede (sd {:.2}) — een voor/na-verschil, geen bewezen effect",
                e.n,
                e.sd_change.unwrap_or_default()
            ),
            None => println!("  te weinig gegevens: {}", e.note),
        }
    }
    let open_conflicts = hub.conflicts(c, true).await?;
    println!("Conflicten in behandeling: {}", open_conflicts.len());
    for k in &open_conflicts {
        println!(
            "  sinds {}: {} partijen, trede {} ({}), {}, {}",
            k.on,
            k.parties.len(),
            k.step,
            k.phase.label_nl(),
            k.intervention.label_nl(),
            k.status.label_nl()
        );
    }
    let joined = Period::new(today - Duration::days(6 * 365), today)?;
    let curve = hub.cohort_curve(c, &Measure::ladder(), joined).await?;
    println!(
        "\nCohortcurve Participatieladder (alle instromers samen), gemiddelde trede per halfjaar lidmaatschap:"
    );
    let mut line = String::new();
    for half in 0..5u32 {
        let (n, sum) = curve
            .points
            .iter()
            .filter(|p| p.month / 6 == half)
            .filter_map(|p| p.n.zip(p.mean))
            .fold((0u64, 0.0f64), |(n, s), (pn, m)| {
                (n + pn, s + m * pn as f64)
            });
        if n > 0 {
            line.push_str(&format!(
                "  {}–{} mnd: {:.2}",
                half * 6,
                half * 6 + 5,
                sum / n as f64
            ));
        }
    }
    println!("{line}");
    Ok(())
}
