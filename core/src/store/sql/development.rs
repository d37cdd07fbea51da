//! The [`DevelopmentStore`](crate::DevelopmentStore) implementation of both
//! SQL backends, written once in [`impl_sql_development_store!`] (the SQL
//! text is the same for SQLite and PostgreSQL), plus the query text it uses.
//!
//! - **Schema** (migration 0006): `development_skills` (the hub's skills as
//!   a JSON array, one row per hub, through `put_setting` / `get_setting`),
//!   `assessments` with `assessment_scores` (one row per score, in the
//!   assessment's order, indexed by `(hub_id, measure)` for the cohort
//!   aggregate) and `coachings` (goals and sessions as JSON text). Every
//!   table carries `hub_id`, first in its primary key. `UNIQUE (hub_id,
//!   corrects)` on `assessments` lets each assessment be corrected once.
//! - **Locking**: every write is one unit (`begin_unit` / `finish_unit`):
//!   on SQLite it holds the database write lock (`BEGIN IMMEDIATE`), on
//!   PostgreSQL the hub row lock, so the existence checks, the "already
//!   corrected" and "already open" checks and the version compare-and-set of
//!   a coaching (`UPDATE … WHERE version = $n`; a stale version is a
//!   `Conflict`) cannot interleave with another write in the hub. Opening a
//!   coaching also row-locks the volunteer (`FOR UPDATE` on PostgreSQL)
//!   before looking for an open one.
//! - **Reads** of an assessment with its scores are one `LEFT JOIN`
//!   statement, so they see one snapshot.
//! - **Cohorts**: `cohort_counts` aggregates in SQL ([`COHORT_COUNTS_SQL`]);
//!   only the few (cohort, month) rows travel.

/// An assessment joined with its scores (one row per score, `measure` and
/// `value` NULL for an assessment without scores); binds `$1` hub. Append
/// the filter and the order.
pub(crate) const ASSESSMENT_SELECT: &str = "SELECT a.id AS id, a.volunteer_id AS volunteer_id, \
     a.assessed_on AS assessed_on, a.assessor AS assessor, a.instrument AS instrument, \
     a.note AS note, a.corrects AS corrects, a.recorded_at AS recorded_at, \
     s.measure AS measure, s.value AS value \
     FROM assessments a \
     LEFT JOIN assessment_scores s ON s.hub_id = a.hub_id AND s.assessment_id = a.id \
     WHERE a.hub_id = $1";

/// The columns of a coaching row, in `SELECT` order.
pub(crate) const COACHING_COLUMNS: &str = "id, volunteer_id, coach_id, goals, opened_on, status, \
     outcome, closed_on, sessions, version";

/// The integer year (`part = 1, 4`) or month (`part = 6, 2`) of a
/// `YYYY-MM-DD` column.
fn date_part(col: &str, part: &str) -> String {
    format!("CAST(substr({col}, {part}) AS BIGINT)")
}

/// `$1` hub, `$2` measure, `$3`/`$4` the joining period: the number and sum
/// of the scores of the measure per cohort (first day of the quarter the
/// volunteer joined in) and month of membership (calendar months from the
/// joining month to the assessment's, never negative), leaving out the
/// assessments a later one corrects. Ordered by cohort, then month.
pub(crate) fn cohort_counts_sql() -> String {
    let months = format!(
        "({} - {}) * 12 + {} - {}",
        date_part("a.assessed_on", "1, 4"),
        date_part("v.start_date", "1, 4"),
        date_part("a.assessed_on", "6, 2"),
        date_part("v.start_date", "6, 2"),
    );
    format!(
        "SELECT cohort, month, COUNT(*) AS n, CAST(SUM(value) AS BIGINT) AS total FROM ( \
           SELECT substr(v.start_date, 1, 5) || \
                  CASE WHEN substr(v.start_date, 6, 2) <= '03' THEN '01-01' \
                       WHEN substr(v.start_date, 6, 2) <= '06' THEN '04-01' \
                       WHEN substr(v.start_date, 6, 2) <= '09' THEN '07-01' \
                       ELSE '10-01' END AS cohort, \
                  CASE WHEN {months} < 0 THEN 0 ELSE {months} END AS month, \
                  s.value AS value \
           FROM assessment_scores s \
           JOIN assessments a ON a.hub_id = s.hub_id AND a.id = s.assessment_id \
           JOIN volunteers v ON v.hub_id = a.hub_id AND v.id = a.volunteer_id \
           WHERE s.hub_id = $1 AND s.measure = $2 \
             AND v.start_date >= $3 AND v.start_date <= $4 \
             AND NOT EXISTS (SELECT 1 FROM assessments c \
                             WHERE c.hub_id = a.hub_id AND c.corrects = a.id) \
         ) t \
         GROUP BY cohort, month \
         ORDER BY cohort, month"
    )
}

/// Instantiates [`DevelopmentStore`](crate::DevelopmentStore) for one SQL
/// backend. Next to what [`impl_sql_store!`](super::impl_sql_store) defines
/// (`begin_unit`, `finish_unit`, `require_hub`, `row_by_id`, `put_setting`,
/// `get_setting`, `unless_empty`), it takes `for_update`: the row-lock
/// suffix for the volunteer row that guards the open-coaching check
/// (`" FOR UPDATE"`, or `""` where the write transaction already excludes
/// other writers).
macro_rules! impl_sql_development_store {
    ($store:ident, $db:ty, for_update = $for_update:literal) => {
        impl $store {
            /// Whether the volunteer `id` exists in `hub` (inside the unit),
            /// row-locking it when `lock` (where the backend locks rows).
            async fn dev_volunteer_exists(
                tx: &mut sqlx::Transaction<'static, $db>,
                hub: $crate::HubId,
                id: $crate::VolunteerId,
                lock: bool,
            ) -> $crate::Result<bool> {
                let sql = if lock {
                    concat!("SELECT 1 FROM volunteers WHERE hub_id = $1 AND id = $2", $for_update)
                } else {
                    "SELECT 1 FROM volunteers WHERE hub_id = $1 AND id = $2"
                };
                let row = sqlx::query(sql)
                    .bind(hub.to_string())
                    .bind(id.to_string())
                    .fetch_optional(&mut **tx)
                    .await
                    .map_err($crate::store::sql::storage)?;
                Ok(row.is_some())
            }

            /// The id in the `id` column of `row`, parsed by `parse`.
            fn dev_id<T>(
                row: &<$db as sqlx::Database>::Row,
                entity: &'static str,
                parse: impl Fn(&str) -> $crate::Result<T>,
            ) -> $crate::Result<T> {
                use $crate::store::sql::SqlRow as _;
                let id = row.text("id").map_err($crate::store::sql::corrupt(entity))?;
                parse(&id).map_err(|e| $crate::store::sql::corrupt(entity)(format!("id: {e}")))
            }
        }

        #[cfg_attr(not(target_family = "wasm"), async_trait::async_trait)]
        #[cfg_attr(target_family = "wasm", async_trait::async_trait(?Send))]
        impl $crate::DevelopmentStore for $store {
            async fn set_skills(
                &self,
                hub: $crate::HubId,
                skills: &[$crate::Skill],
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let text = $crate::store::sql::development_rows::skills_json(skills)?;
                self.put_setting(
                    hub,
                    "INSERT INTO development_skills (hub_id, skills) VALUES ($1, $2) \
                     ON CONFLICT (hub_id) DO UPDATE SET skills = excluded.skills",
                    text,
                    entry,
                )
                .await
            }

            async fn skills(&self, hub: $crate::HubId) -> $crate::Result<Vec<$crate::Skill>> {
                Ok(self
                    .get_setting(hub, "SELECT skills FROM development_skills WHERE hub_id = $1")
                    .await?
                    .map(|row| $crate::store::sql::development_rows::skills_from_row(&row))
                    .transpose()?
                    .unwrap_or_default())
            }

            async fn insert_assessment(
                &self,
                hub: $crate::HubId,
                a: &$crate::Assessment,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                use $crate::AssessmentId;
                let (mut tx, seq) = self.begin_unit(hub).await?;
                if !Self::dev_volunteer_exists(&mut tx, hub, a.volunteer_id, false).await? {
                    return Err($crate::Error::not_found($crate::VolunteerId::ENTITY, a.volunteer_id));
                }
                if let Some(c) = a.corrects {
                    let corrected = sqlx::query("SELECT 1 FROM assessments WHERE hub_id = $1 AND id = $2")
                        .bind(hub.to_string())
                        .bind(c.to_string())
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err($crate::store::sql::storage)?;
                    if corrected.is_none() {
                        return Err($crate::Error::not_found(AssessmentId::ENTITY, c));
                    }
                    let by = sqlx::query("SELECT id FROM assessments WHERE hub_id = $1 AND corrects = $2")
                        .bind(hub.to_string())
                        .bind(c.to_string())
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err($crate::store::sql::storage)?;
                    if let Some(by) = by {
                        let by = Self::dev_id(&by, "assessment", AssessmentId::parse)?;
                        return Err($crate::Error::conflict(
                            $crate::store::corrected_twice_message(c, by),
                        ));
                    }
                }
                let inserted = sqlx::query(
                    "INSERT INTO assessments (hub_id, id, volunteer_id, assessed_on, assessor, \
                     instrument, note, corrects, recorded_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                )
                .bind(hub.to_string())
                .bind(a.id.to_string())
                .bind(a.volunteer_id.to_string())
                .bind($crate::store::sql::date_text(a.on))
                .bind(a.assessor.as_str())
                .bind(a.instrument.code())
                .bind(a.note.as_ref().map(|n| n.as_str().to_string()))
                .bind(a.corrects.map(|c| c.to_string()))
                .bind($crate::store::sql::micros(a.recorded_at))
                .execute(&mut *tx)
                .await;
                // The corrects check above ran under the unit's lock, so
                // a unique violation here is the id.
                $crate::store::sql::inserted(inserted, AssessmentId::ENTITY, a.id)?;
                for (pos, s) in a.scores.iter().enumerate() {
                    sqlx::query(
                        "INSERT INTO assessment_scores (hub_id, assessment_id, measure, value, pos) \
                         VALUES ($1, $2, $3, $4, $5)",
                    )
                    .bind(hub.to_string())
                    .bind(a.id.to_string())
                    .bind(s.measure.as_str())
                    .bind(i64::from(s.value))
                    .bind(i64::try_from(pos).map_err($crate::store::sql::storage)?)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::store::sql::storage)?;
                }
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn assessment(
                &self,
                hub: $crate::HubId,
                id: $crate::AssessmentId,
            ) -> $crate::Result<$crate::Assessment> {
                let sql = format!(
                    "{} AND a.id = $2 ORDER BY s.pos",
                    $crate::store::sql::development::ASSESSMENT_SELECT
                );
                let rows = sqlx::query(&sql)
                    .bind(hub.to_string())
                    .bind(id.to_string())
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::store::sql::storage)?;
                let found = $crate::store::sql::development_rows::assessments_from_rows(&rows)?;
                match found.into_iter().next() {
                    Some(a) => Ok(a),
                    None => {
                        self.require_hub(hub).await?;
                        Err($crate::Error::not_found($crate::AssessmentId::ENTITY, id))
                    }
                }
            }

            async fn assessments(
                &self,
                hub: $crate::HubId,
                volunteer: Option<$crate::VolunteerId>,
            ) -> $crate::Result<Vec<$crate::Assessment>> {
                let filter = if volunteer.is_some() { " AND a.volunteer_id = $2" } else { "" };
                let sql = format!(
                    "{}{filter} ORDER BY a.assessed_on, a.id, s.pos",
                    $crate::store::sql::development::ASSESSMENT_SELECT
                );
                let mut query = sqlx::query(&sql).bind(hub.to_string());
                if let Some(v) = volunteer {
                    query = query.bind(v.to_string());
                }
                let rows = query
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::store::sql::storage)?;
                let out = $crate::store::sql::development_rows::assessments_from_rows(&rows)?;
                self.unless_empty(hub, out).await
            }

            async fn cohort_counts(
                &self,
                hub: $crate::HubId,
                measure: &$crate::Measure,
                joined: $crate::Period,
            ) -> $crate::Result<Vec<$crate::CohortCount>> {
                let rows = sqlx::query(&$crate::store::sql::development::cohort_counts_sql())
                    .bind(hub.to_string())
                    .bind(measure.as_str())
                    .bind($crate::store::sql::date_text(joined.from()))
                    .bind($crate::store::sql::date_text(joined.to()))
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::store::sql::storage)?;
                let out = rows
                    .iter()
                    .map($crate::store::sql::development_rows::cohort_count_from_row)
                    .collect::<$crate::Result<Vec<_>>>()?;
                self.unless_empty(hub, out).await
            }

            async fn insert_coaching(
                &self,
                hub: $crate::HubId,
                c: &$crate::Coaching,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let json = $crate::store::sql::development_rows::CoachingJson::of(c)?;
                let (mut tx, seq) = self.begin_unit(hub).await?;
                // Lock the volunteer row before the open-coaching check, so
                // two concurrent opens for one volunteer cannot both pass it.
                if !Self::dev_volunteer_exists(&mut tx, hub, c.volunteer_id, true).await? {
                    return Err($crate::Error::not_found($crate::VolunteerId::ENTITY, c.volunteer_id));
                }
                if !Self::dev_volunteer_exists(&mut tx, hub, c.coach_id, false).await? {
                    return Err($crate::Error::not_found($crate::VolunteerId::ENTITY, c.coach_id));
                }
                let open = sqlx::query(
                    "SELECT id FROM coachings WHERE hub_id = $1 AND volunteer_id = $2 AND status = $3 \
                     ORDER BY opened_on, id LIMIT 1",
                )
                .bind(hub.to_string())
                .bind(c.volunteer_id.to_string())
                .bind($crate::CoachingStatus::Open.code())
                .fetch_optional(&mut *tx)
                .await
                .map_err($crate::store::sql::storage)?;
                if let Some(open) = open {
                    let open = Self::dev_id(&open, "coaching", $crate::CoachingId::parse)?;
                    return Err($crate::Error::conflict($crate::store::open_coaching_message(
                        c.volunteer_id,
                        open,
                    )));
                }
                let inserted = sqlx::query(
                    "INSERT INTO coachings (hub_id, id, volunteer_id, coach_id, goals, opened_on, \
                     status, outcome, closed_on, sessions, version) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                )
                .bind(hub.to_string())
                .bind(c.id.to_string())
                .bind(c.volunteer_id.to_string())
                .bind(c.coach_id.to_string())
                .bind(json.goals)
                .bind($crate::store::sql::date_text(c.opened_on))
                .bind(c.status.code())
                .bind(c.outcome.map(|o| o.code()))
                .bind(c.closed_on.map($crate::store::sql::date_text))
                .bind(json.sessions)
                .bind(c.version)
                .execute(&mut *tx)
                .await;
                $crate::store::sql::inserted(inserted, $crate::CoachingId::ENTITY, c.id)?;
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn update_coaching(
                &self,
                hub: $crate::HubId,
                c: &$crate::Coaching,
                expected_version: i64,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let json = $crate::store::sql::development_rows::CoachingJson::of(c)?;
                let (mut tx, seq) = self.begin_unit(hub).await?;
                let done = sqlx::query(
                    "UPDATE coachings SET volunteer_id = $3, coach_id = $4, goals = $5, opened_on = $6, \
                     status = $7, outcome = $8, closed_on = $9, sessions = $10, version = $11 \
                     WHERE hub_id = $1 AND id = $2 AND version = $12",
                )
                .bind(hub.to_string())
                .bind(c.id.to_string())
                .bind(c.volunteer_id.to_string())
                .bind(c.coach_id.to_string())
                .bind(json.goals)
                .bind($crate::store::sql::date_text(c.opened_on))
                .bind(c.status.code())
                .bind(c.outcome.map(|o| o.code()))
                .bind(c.closed_on.map($crate::store::sql::date_text))
                .bind(json.sessions)
                .bind(c.version)
                .bind(expected_version)
                .execute(&mut *tx)
                .await
                .map_err($crate::store::sql::storage)?;
                if done.rows_affected() == 0 {
                    let exists = sqlx::query("SELECT 1 FROM coachings WHERE hub_id = $1 AND id = $2")
                        .bind(hub.to_string())
                        .bind(c.id.to_string())
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err($crate::store::sql::storage)?;
                    return Err(match exists {
                        Some(_) => $crate::Error::conflict($crate::store::stale_message(
                            $crate::CoachingId::ENTITY,
                        )),
                        None => $crate::Error::not_found($crate::CoachingId::ENTITY, c.id),
                    });
                }
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn coaching(
                &self,
                hub: $crate::HubId,
                id: $crate::CoachingId,
            ) -> $crate::Result<$crate::Coaching> {
                let row = self
                    .row_by_id(
                        hub,
                        "coachings",
                        $crate::store::sql::development::COACHING_COLUMNS,
                        $crate::CoachingId::ENTITY,
                        id,
                    )
                    .await?;
                $crate::store::sql::development_rows::coaching_from_row(&row)
            }

            async fn coachings(
                &self,
                hub: $crate::HubId,
                volunteer: Option<$crate::VolunteerId>,
                open_only: bool,
            ) -> $crate::Result<Vec<$crate::Coaching>> {
                let mut sql = format!(
                    "SELECT {} FROM coachings WHERE hub_id = $1",
                    $crate::store::sql::development::COACHING_COLUMNS
                );
                let mut next = 2;
                if volunteer.is_some() {
                    sql.push_str(&format!(" AND volunteer_id = ${next}"));
                    next += 1;
                }
                if open_only {
                    sql.push_str(&format!(" AND status = ${next}"));
                }
                sql.push_str(" ORDER BY opened_on, id");
                let mut query = sqlx::query(&sql).bind(hub.to_string());
                if let Some(v) = volunteer {
                    query = query.bind(v.to_string());
                }
                if open_only {
                    query = query.bind($crate::CoachingStatus::Open.code());
                }
                let rows = query
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::store::sql::storage)?;
                let out = rows
                    .iter()
                    .map($crate::store::sql::development_rows::coaching_from_row)
                    .collect::<$crate::Result<Vec<_>>>()?;
                self.unless_empty(hub, out).await
            }
        }
    };
}
pub(crate) use impl_sql_development_store;

#[cfg(test)]
mod tests {
    //! Edge cases the Hub never produces (or produces only partly), run
    //! against the memory store and each SQL backend: every answer and
    //! every error must be the memory store's. PostgreSQL runs when
    //! `KRINGLOOP_TEST_POSTGRES_URL` is set.

    use crate::{
        Actor, ActorName, Assessment, AssessmentId, Coaching, CoachingId, CoachingOutcome,
        CoachingSession, CoachingStatus, FixedClock, HubId, HubSlug, Instrument, JournalEntry,
        Measure, NewVolunteer, Note, Period, Reason, Role, Score, Skill, Store, Volunteer,
        VolunteerId,
    };
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn entry(clock: &FixedClock) -> JournalEntry {
        let actor = Actor::new("anna", Role::Coordinator).unwrap();
        JournalEntry::new(
            clock,
            &actor,
            "test",
            "assessment",
            "x",
            serde_json::json!({}),
        )
    }

    /// The same values for every backend.
    struct Fixture {
        clock: FixedClock,
        hub: HubId,
        ghost: HubId,
        volunteers: Vec<Volunteer>,
        assessments: Vec<Assessment>,
        /// A correction of the first assessment (already corrected).
        again: Assessment,
        unknown_assessment: AssessmentId,
        unknown_volunteer: VolunteerId,
        coaching_ids: Vec<CoachingId>,
    }

    fn assessment(
        clock: &FixedClock,
        v: &Volunteer,
        on: NaiveDate,
        scores: &[(&str, u8)],
        corrects: Option<AssessmentId>,
    ) -> Assessment {
        Assessment {
            id: AssessmentId::generate(clock),
            volunteer_id: v.id,
            on,
            assessor: ActorName::parse("anna").unwrap(),
            instrument: Instrument::SelfSufficiency,
            scores: scores
                .iter()
                .map(|(m, value)| Score {
                    measure: Measure::parse(m).unwrap(),
                    value: *value,
                })
                .collect(),
            note: Some(Note::parse("bij de koffie").unwrap()),
            corrects,
            recorded_at: crate::Clock::now(clock),
        }
    }

    fn fixture() -> Fixture {
        let clock = FixedClock::at_date(d(2026, 6, 30));
        let starts = [
            d(2025, 2, 14),
            d(2025, 5, 31),
            d(2025, 12, 31),
            d(2024, 3, 31),
            d(2025, 10, 1),
            d(2025, 4, 1),
        ];
        let volunteers: Vec<Volunteer> = starts
            .iter()
            .enumerate()
            .map(|(i, start)| {
                let input = NewVolunteer {
                    display_name: format!("Vrijwilliger {i}"),
                    start_date: Some(*start),
                    ..Default::default()
                };
                Volunteer::register(VolunteerId::generate(&clock), input, d(2026, 6, 30)).unwrap()
            })
            .collect();
        let v = &volunteers;
        let mut a = Vec::new();
        // v0 (Q1): a chain of corrections (only the last counts), scores in
        // an order that is not the measures' order.
        let first = assessment(
            &clock,
            &v[0],
            d(2025, 3, 1),
            &[("ladder", 2), ("zrm.finances", 3)],
            None,
        );
        let second = assessment(
            &clock,
            &v[0],
            d(2025, 3, 2),
            &[("zrm.finances", 4), ("ladder", 3)],
            Some(first.id),
        );
        let third = assessment(
            &clock,
            &v[0],
            d(2025, 4, 30),
            &[("ladder", 5)],
            Some(second.id),
        );
        a.extend([first, second, third]);
        a.push(assessment(
            &clock,
            &v[0],
            d(2026, 4, 1),
            &[("ladder", 6), ("skill.koken", 2)],
            None,
        ));
        // v1 (Q2, joined on the 31st): next day is month 1.
        a.push(assessment(
            &clock,
            &v[1],
            d(2025, 5, 31),
            &[("ladder", 1)],
            None,
        ));
        a.push(assessment(
            &clock,
            &v[1],
            d(2025, 6, 1),
            &[("ladder", 2)],
            None,
        ));
        // Before joining: month 0, never negative.
        a.push(assessment(
            &clock,
            &v[1],
            d(2025, 1, 15),
            &[("ladder", 4)],
            None,
        ));
        // v2 (Q4, 31 Dec): across the year.
        a.push(assessment(
            &clock,
            &v[2],
            d(2026, 1, 1),
            &[("ladder", 3), ("zrm.finances", 2)],
            None,
        ));
        a.push(assessment(
            &clock,
            &v[2],
            d(2026, 1, 1),
            &[("ladder", 4)],
            None,
        ));
        // v3 joined outside the period.
        a.push(assessment(
            &clock,
            &v[3],
            d(2025, 6, 1),
            &[("ladder", 6)],
            None,
        ));
        // v4 (Q4, 1 Oct) and v5 (Q2, 1 Apr).
        a.push(assessment(
            &clock,
            &v[4],
            d(2026, 6, 30),
            &[("ladder", 2)],
            None,
        ));
        a.push(assessment(
            &clock,
            &v[5],
            d(2025, 4, 1),
            &[("skill.koken", 5)],
            None,
        ));
        // An assessment without scores (the store takes it as given).
        a.push(assessment(&clock, &v[5], d(2025, 4, 2), &[], None));
        let again = assessment(
            &clock,
            &v[0],
            d(2025, 5, 1),
            &[("ladder", 1)],
            Some(a[0].id),
        );
        Fixture {
            hub: HubId::generate(&clock),
            ghost: HubId::generate(&clock),
            again,
            unknown_assessment: AssessmentId::generate(&clock),
            unknown_volunteer: VolunteerId::generate(&clock),
            coaching_ids: (0..4).map(|_| CoachingId::generate(&clock)).collect(),
            clock,
            volunteers,
            assessments: a,
        }
    }

    fn coaching(
        f: &Fixture,
        id: CoachingId,
        v: usize,
        coach: usize,
        opened_on: NaiveDate,
    ) -> Coaching {
        Coaching {
            id,
            volunteer_id: f.volunteers[v].id,
            coach_id: f.volunteers[coach].id,
            goals: vec![
                Reason::parse("zelfstandig de kassa doen").unwrap(),
                Reason::parse("plannen").unwrap(),
            ],
            opened_on,
            status: CoachingStatus::Open,
            outcome: None,
            closed_on: None,
            sessions: Vec::new(),
            version: 1,
        }
    }

    /// Runs the scenario on `store`, returning every answer as text.
    async fn transcript(store: &dyn Store, f: &Fixture) -> Vec<String> {
        let clock = &f.clock;
        let e = || entry(clock);
        let mut out: Vec<String> = Vec::new();
        let slug = HubSlug::parse("oude-bieb").unwrap();
        let hub = store
            .ensure_hub(&slug, f.hub, crate::Clock::now(clock))
            .await
            .unwrap();
        assert_eq!(hub, f.hub);
        for v in &f.volunteers {
            store.insert_volunteer(hub, v, &e()).await.unwrap();
        }
        // Skills.
        out.push(format!("{:?}", store.skills(hub).await));
        let skills = vec![
            Skill::parse("koken").unwrap(),
            Skill::parse("bakken").unwrap(),
        ];
        out.push(format!("{:?}", store.set_skills(hub, &skills, &e()).await));
        out.push(format!("{:?}", store.skills(hub).await));
        out.push(format!("{:?}", store.skills(f.ghost).await));
        out.push(format!(
            "{:?}",
            store.set_skills(f.ghost, &skills, &e()).await
        ));
        // Assessments.
        out.push(format!("{:?}", store.assessments(hub, None).await));
        for a in &f.assessments {
            out.push(format!("{:?}", store.insert_assessment(hub, a, &e()).await));
        }
        let first = &f.assessments[0];
        let mut again = f.again.clone();
        out.push(format!(
            "corrected twice {:?}",
            store.insert_assessment(hub, &again, &e()).await
        ));
        again.corrects = Some(f.unknown_assessment);
        out.push(format!(
            "unknown corrected {:?}",
            store.insert_assessment(hub, &again, &e()).await
        ));
        again.corrects = None;
        again.volunteer_id = f.unknown_volunteer;
        out.push(format!(
            "unknown volunteer {:?}",
            store.insert_assessment(hub, &again, &e()).await
        ));
        let mut dup = f.assessments[4].clone();
        out.push(format!(
            "duplicate {:?}",
            store.insert_assessment(hub, &dup, &e()).await
        ));
        dup.corrects = Some(f.assessments[1].id);
        out.push(format!(
            "duplicate, corrected twice {:?}",
            store.insert_assessment(hub, &dup, &e()).await
        ));
        out.push(format!(
            "ghost {:?}",
            store
                .insert_assessment(f.ghost, &f.assessments[4], &e())
                .await
        ));
        out.push(format!("{:?}", store.assessments(hub, None).await));
        out.push(format!(
            "{:?}",
            store.assessments(hub, Some(f.volunteers[1].id)).await
        ));
        out.push(format!(
            "{:?}",
            store.assessments(hub, Some(f.unknown_volunteer)).await
        ));
        out.push(format!("{:?}", store.assessments(f.ghost, None).await));
        out.push(format!(
            "{:?}",
            store.assessment(hub, f.assessments[1].id).await
        ));
        out.push(format!(
            "{:?}",
            store.assessment(hub, f.assessments[12].id).await
        ));
        out.push(format!(
            "{:?}",
            store.assessment(hub, f.unknown_assessment).await
        ));
        out.push(format!("{:?}", store.assessment(f.ghost, first.id).await));
        // Cohorts.
        let year = Period::new(d(2025, 1, 1), d(2025, 12, 31)).unwrap();
        let q2 = Period::new(d(2025, 4, 1), d(2025, 5, 31)).unwrap();
        let all = Period::new(d(2000, 1, 1), d(2030, 12, 31)).unwrap();
        for m in [
            "ladder",
            "zrm.finances",
            "skill.koken",
            "skill.bakken",
            "zrm.housing",
        ] {
            let m = Measure::parse(m).unwrap();
            for p in [year, q2, all] {
                out.push(format!(
                    "{m} {p:?} {:?}",
                    store.cohort_counts(hub, &m, p).await
                ));
            }
        }
        out.push(format!(
            "{:?}",
            store.cohort_counts(f.ghost, &Measure::ladder(), year).await
        ));
        // Coaching.
        let ids = &f.coaching_ids;
        let c0 = coaching(f, ids[0], 1, 0, d(2025, 9, 1));
        out.push(format!("{:?}", store.coachings(hub, None, false).await));
        out.push(format!("{:?}", store.insert_coaching(hub, &c0, &e()).await));
        out.push(format!(
            "open twice {:?}",
            store
                .insert_coaching(hub, &coaching(f, ids[1], 1, 2, d(2025, 10, 1)), &e())
                .await
        ));
        out.push(format!(
            "open twice, same id {:?}",
            store.insert_coaching(hub, &c0, &e()).await
        ));
        let mut ghost_v = coaching(f, ids[1], 1, 0, d(2025, 10, 1));
        ghost_v.volunteer_id = f.unknown_volunteer;
        out.push(format!(
            "unknown volunteer {:?}",
            store.insert_coaching(hub, &ghost_v, &e()).await
        ));
        let mut ghost_c = coaching(f, ids[1], 2, 0, d(2025, 10, 1));
        ghost_c.coach_id = f.unknown_volunteer;
        out.push(format!(
            "unknown coach {:?}",
            store.insert_coaching(hub, &ghost_c, &e()).await
        ));
        out.push(format!(
            "ghost hub {:?}",
            store.insert_coaching(f.ghost, &c0, &e()).await
        ));
        let mut dup = coaching(f, ids[0], 2, 0, d(2025, 10, 1));
        out.push(format!(
            "duplicate {:?}",
            store.insert_coaching(hub, &dup, &e()).await
        ));
        dup.id = ids[1];
        out.push(format!(
            "{:?}",
            store.insert_coaching(hub, &dup, &e()).await
        ));
        let mut closed = c0.clone();
        closed.sessions = vec![
            CoachingSession {
                on: d(2025, 9, 8),
                note: Some(Note::parse("goed gesprek\nvervolg").unwrap()),
            },
            CoachingSession {
                on: d(2025, 9, 15),
                note: None,
            },
        ];
        closed.status = CoachingStatus::Closed;
        closed.outcome = Some(CoachingOutcome::PartlyMet);
        closed.closed_on = Some(d(2025, 12, 1));
        closed.version = 2;
        out.push(format!(
            "stale {:?}",
            store.update_coaching(hub, &closed, 2, &e()).await
        ));
        out.push(format!(
            "{:?}",
            store.update_coaching(hub, &closed, 1, &e()).await
        ));
        out.push(format!(
            "stale again {:?}",
            store.update_coaching(hub, &closed, 1, &e()).await
        ));
        let mut unknown = closed.clone();
        unknown.id = ids[3];
        out.push(format!(
            "unknown {:?}",
            store.update_coaching(hub, &unknown, 1, &e()).await
        ));
        out.push(format!(
            "ghost {:?}",
            store.update_coaching(f.ghost, &closed, 2, &e()).await
        ));
        // Reopened after closing: a new trajectory, opened earlier than the other.
        out.push(format!(
            "{:?}",
            store
                .insert_coaching(hub, &coaching(f, ids[2], 1, 0, d(2025, 6, 1)), &e())
                .await
        ));
        out.push(format!("{:?}", store.coaching(hub, ids[0]).await));
        out.push(format!("{:?}", store.coaching(hub, ids[3]).await));
        out.push(format!("{:?}", store.coaching(f.ghost, ids[0]).await));
        for v in [None, Some(f.volunteers[1].id), Some(f.volunteers[5].id)] {
            for open in [false, true] {
                out.push(format!(
                    "{v:?} {open} {:?}",
                    store.coachings(hub, v, open).await
                ));
            }
        }
        out.push(format!("{:?}", store.coachings(f.ghost, None, false).await));
        // Failed units journal nothing.
        out.push(format!(
            "journal {:?}",
            store.journal(hub, 0, 10_000).await.map(|j| j.len())
        ));
        out
    }

    async fn compare(sql: &dyn Store, name: &str) {
        let f = fixture();
        let mem = crate::MemoryStore::new();
        let want = transcript(&mem, &f).await;
        let got = transcript(sql, &f).await;
        assert_eq!(want.len(), got.len());
        for (w, g) in want.iter().zip(&got) {
            assert_eq!(w, g, "{name}");
        }
    }

    #[cfg(feature = "sqlite")]
    #[tokio::test]
    async fn sqlite_matches_the_memory_store() {
        let sql = crate::SqliteStore::connect(":memory:").await.unwrap();
        compare(&sql, "sqlite").await;
    }

    /// A fresh database on the server named by `KRINGLOOP_TEST_POSTGRES_URL`
    /// (with its admin URL and name, to drop it), or `None` when unset.
    #[cfg(feature = "postgres")]
    async fn scratch() -> Option<(String, String, String)> {
        let Ok(admin_url) = std::env::var("KRINGLOOP_TEST_POSTGRES_URL") else {
            eprintln!("KRINGLOOP_TEST_POSTGRES_URL unset: PostgreSQL test skipped");
            return None;
        };
        let name = format!("kringloop_test_{}", uuid::Uuid::new_v4().simple());
        crate::PostgresStore::create_database(&admin_url, &name)
            .await
            .unwrap();
        let base = admin_url.split('?').next().unwrap_or(&admin_url);
        let url = format!("{}/{name}", &base[..base.rfind('/').unwrap()]);
        Some((admin_url, name, url))
    }

    #[cfg(feature = "postgres")]
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres_matches_the_memory_store() {
        let Some((admin_url, name, url)) = scratch().await else {
            return;
        };
        let sql = crate::PostgresStore::connect(&url).await.unwrap();
        compare(&sql, "postgres").await;
        drop(sql);
        crate::PostgresStore::drop_database(&admin_url, &name)
            .await
            .unwrap();
    }

    /// Two separate pools (two processes) open coachings for one volunteer
    /// at once: exactly one of each round wins.
    #[cfg(feature = "postgres")]
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn concurrent_opens_admit_one() {
        use crate::DevelopmentStore as _;
        let Some((admin_url, name, url)) = scratch().await else {
            return;
        };
        let f = fixture();
        let e = || entry(&f.clock);
        let one = std::sync::Arc::new(crate::PostgresStore::connect(&url).await.unwrap());
        let two = std::sync::Arc::new(crate::PostgresStore::connect(&url).await.unwrap());
        let slug = HubSlug::parse("oude-bieb").unwrap();
        let hub = one
            .ensure_hub(&slug, f.hub, crate::Clock::now(&f.clock))
            .await
            .unwrap();
        for v in &f.volunteers[..3] {
            one.insert_volunteer(hub, v, &e()).await.unwrap();
        }
        for round in 0..10 {
            let mut tasks = Vec::new();
            for i in 0..6 {
                let store = if i % 2 == 0 { one.clone() } else { two.clone() };
                let c = coaching(&f, CoachingId::generate(&f.clock), 1, 0, d(2025, 9, 1));
                let e = e();
                tasks.push(tokio::spawn(async move {
                    store.insert_coaching(hub, &c, &e).await
                }));
            }
            let mut won = 0;
            for t in tasks {
                match t.await.unwrap() {
                    Ok(()) => won += 1,
                    Err(err) => assert_eq!(err.code().as_str(), "conflict", "{err:?}"),
                }
            }
            assert_eq!(won, 1, "round {round}");
            // Close the winner for the next round.
            let open = one
                .coachings(hub, Some(f.volunteers[1].id), true)
                .await
                .unwrap();
            assert_eq!(open.len(), 1);
            let mut closed = open[0].clone();
            closed.status = CoachingStatus::Closed;
            closed.outcome = Some(CoachingOutcome::Stopped);
            closed.closed_on = Some(d(2025, 12, 1));
            closed.version += 1;
            two.update_coaching(hub, &closed, open[0].version, &e())
                .await
                .unwrap();
        }
        drop((one, two));
        crate::PostgresStore::drop_database(&admin_url, &name)
            .await
            .unwrap();
    }
}
