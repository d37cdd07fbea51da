//! The [`CourseStore`](crate::CourseStore) implementation of both SQL
//! backends, written once in [`impl_sql_course_store!`] (the SQL text is the
//! same for SQLite and PostgreSQL).
//!
//! - **Schema** (migration 0007): `courses` (session dates as JSON text,
//!   the first one repeated in `first_session` for the listing's order),
//!   `course_enrolments` (one row per hub, course and volunteer: enrolling
//!   again after withdrawing replaces the withdrawn row; attended dates as
//!   JSON text), `conflicts` (follow-ups as JSON text, the phase stored as
//!   given) and `conflict_parties` (one row per party, in the conflict's
//!   order). Every table carries `hub_id`, first in its primary key; parties
//!   and enrolled volunteers reference `volunteers`.
//! - **Locking**: every write is one unit (`begin_unit` / `finish_unit`):
//!   on SQLite it holds the database write lock (`BEGIN IMMEDIATE`), on
//!   PostgreSQL the hub row lock. `enrol` and `withdraw` also row-lock the
//!   course (`SELECT … FOR UPDATE` on PostgreSQL) before counting the places
//!   taken or promoting from the waiting list, so two concurrent requests
//!   can never both take the last place, whatever else holds. The version
//!   checks of `update_enrolments` all run before its first write;
//!   `update_conflict` is a compare-and-set (`UPDATE … WHERE version = $n`).
//! - **Reads** of a conflict with its parties are one `LEFT JOIN`
//!   statement, so they see one snapshot.

/// Instantiates [`CourseStore`](crate::CourseStore) for one SQL backend.
/// Next to what [`impl_sql_store!`](super::impl_sql_store) defines
/// (`begin_unit`, `finish_unit`, `require_hub`, `row_by_id`,
/// `unless_empty`), it takes `for_update`: the row-lock suffix for the
/// course row that guards the count of places taken (`" FOR UPDATE"`, or
/// `""` where the write transaction already excludes other writers).
macro_rules! impl_sql_course_store {
    ($store:ident, $db:ty, for_update = $for_update:literal) => {
        impl $store {
            /// The capacity of the course `id` in `hub` (inside the unit),
            /// row-locking it until commit; `None` for an unknown course.
            async fn lock_course(
                tx: &mut sqlx::Transaction<'static, $db>,
                hub: $crate::HubId,
                id: $crate::CourseId,
            ) -> $crate::Result<Option<i64>> {
                use $crate::store::sql::SqlRow as _;
                let row = sqlx::query(concat!(
                    "SELECT capacity FROM courses WHERE hub_id = $1 AND id = $2",
                    $for_update
                ))
                .bind(hub.to_string())
                .bind(id.to_string())
                .fetch_optional(&mut **tx)
                .await
                .map_err($crate::store::sql::storage)?;
                row.map(|r| r.int("capacity").map_err($crate::store::sql::corrupt("course")))
                    .transpose()
            }

            /// Whether the volunteer `id` exists in `hub` (inside the unit).
            async fn course_volunteer_exists(
                tx: &mut sqlx::Transaction<'static, $db>,
                hub: $crate::HubId,
                id: $crate::VolunteerId,
            ) -> $crate::Result<bool> {
                let row = sqlx::query("SELECT 1 FROM volunteers WHERE hub_id = $1 AND id = $2")
                    .bind(hub.to_string())
                    .bind(id.to_string())
                    .fetch_optional(&mut **tx)
                    .await
                    .map_err($crate::store::sql::storage)?;
                Ok(row.is_some())
            }

            /// The stored enrolment of `volunteer` in `course` (any status),
            /// inside the unit.
            async fn stored_enrolment(
                tx: &mut sqlx::Transaction<'static, $db>,
                hub: $crate::HubId,
                course: $crate::CourseId,
                volunteer: $crate::VolunteerId,
            ) -> $crate::Result<Option<$crate::Enrolment>> {
                let sql = format!(
                    "SELECT {} FROM course_enrolments \
                     WHERE hub_id = $1 AND course_id = $2 AND volunteer_id = $3",
                    $crate::store::sql::course_rows::ENROLMENT_COLUMNS
                );
                let row = sqlx::query(&sql)
                    .bind(hub.to_string())
                    .bind(course.to_string())
                    .bind(volunteer.to_string())
                    .fetch_optional(&mut **tx)
                    .await
                    .map_err($crate::store::sql::storage)?;
                row.map(|r| $crate::store::sql::course_rows::enrolment_from_row(&r))
                    .transpose()
            }

            /// Sets the status of a stored enrolment and raises its version
            /// (inside the unit); returns it as stored now.
            async fn set_enrolment_status(
                tx: &mut sqlx::Transaction<'static, $db>,
                hub: $crate::HubId,
                mut e: $crate::Enrolment,
                status: $crate::EnrolmentStatus,
            ) -> $crate::Result<$crate::Enrolment> {
                e.status = status;
                e.version += 1;
                sqlx::query(
                    "UPDATE course_enrolments SET status = $4, version = $5 \
                     WHERE hub_id = $1 AND course_id = $2 AND volunteer_id = $3",
                )
                .bind(hub.to_string())
                .bind(e.course_id.to_string())
                .bind(e.volunteer_id.to_string())
                .bind(e.status.code())
                .bind(e.version)
                .execute(&mut **tx)
                .await
                .map_err($crate::store::sql::storage)?;
                Ok(e)
            }

            /// Writes the parties of conflict `c` (inside the unit), in order.
            async fn insert_parties(
                tx: &mut sqlx::Transaction<'static, $db>,
                hub: $crate::HubId,
                c: &$crate::Conflict,
            ) -> $crate::Result<()> {
                for (pos, p) in c.parties.iter().enumerate() {
                    sqlx::query(
                        "INSERT INTO conflict_parties (hub_id, conflict_id, pos, volunteer_id) \
                         VALUES ($1, $2, $3, $4)",
                    )
                    .bind(hub.to_string())
                    .bind(c.id.to_string())
                    .bind(i64::try_from(pos).map_err($crate::store::sql::storage)?)
                    .bind(p.to_string())
                    .execute(&mut **tx)
                    .await
                    .map_err($crate::store::sql::storage)?;
                }
                Ok(())
            }
        }

        #[cfg_attr(not(target_family = "wasm"), async_trait::async_trait)]
        #[cfg_attr(target_family = "wasm", async_trait::async_trait(?Send))]
        impl $crate::CourseStore for $store {
            async fn insert_course(
                &self,
                hub: $crate::HubId,
                c: &$crate::Course,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let sessions = $crate::store::sql::course_rows::dates_json(&c.sessions)?;
                let (mut tx, seq) = self.begin_unit(hub).await?;
                let inserted = sqlx::query(
                    "INSERT INTO courses (hub_id, id, title, description, sessions, first_session, capacity) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(hub.to_string())
                .bind(c.id.to_string())
                .bind(c.title.as_str())
                .bind(c.description.as_ref().map(|d| d.as_str().to_string()))
                .bind(sessions)
                .bind(c.first().map($crate::store::sql::date_text))
                .bind(i64::from(c.capacity))
                .execute(&mut *tx)
                .await;
                $crate::store::sql::inserted(inserted, $crate::CourseId::ENTITY, c.id)?;
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn course(
                &self,
                hub: $crate::HubId,
                id: $crate::CourseId,
            ) -> $crate::Result<$crate::Course> {
                let row = self
                    .row_by_id(
                        hub,
                        "courses",
                        $crate::store::sql::course_rows::COURSE_COLUMNS,
                        $crate::CourseId::ENTITY,
                        id,
                    )
                    .await?;
                $crate::store::sql::course_rows::course_from_row(&row)
            }

            async fn courses(&self, hub: $crate::HubId) -> $crate::Result<Vec<$crate::Course>> {
                // A course without sessions sorts first (`None` < `Some`),
                // as in the memory store; '' sorts before every date.
                let sql = format!(
                    "SELECT {} FROM courses WHERE hub_id = $1 \
                     ORDER BY COALESCE(first_session, ''), id",
                    $crate::store::sql::course_rows::COURSE_COLUMNS
                );
                let rows = sqlx::query(&sql)
                    .bind(hub.to_string())
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::store::sql::storage)?;
                let out = rows
                    .iter()
                    .map($crate::store::sql::course_rows::course_from_row)
                    .collect::<$crate::Result<Vec<_>>>()?;
                self.unless_empty(hub, out).await
            }

            async fn enrol(
                &self,
                hub: $crate::HubId,
                e: &$crate::Enrolment,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<$crate::Enrolment> {
                use $crate::store::sql::SqlRow as _;
                use $crate::EnrolmentStatus;
                let attended = $crate::store::sql::course_rows::dates_json(&e.attended)?;
                let (mut tx, seq) = self.begin_unit(hub).await?;
                // Lock the course before counting its places, so two
                // concurrent requests can never both take the last one.
                let Some(capacity) = Self::lock_course(&mut tx, hub, e.course_id).await? else {
                    return Err($crate::Error::not_found($crate::CourseId::ENTITY, e.course_id));
                };
                if !Self::course_volunteer_exists(&mut tx, hub, e.volunteer_id).await? {
                    return Err($crate::Error::not_found($crate::VolunteerId::ENTITY, e.volunteer_id));
                }
                let old = Self::stored_enrolment(&mut tx, hub, e.course_id, e.volunteer_id).await?;
                if old.is_some_and(|o| o.status != EnrolmentStatus::Withdrawn) {
                    return Err($crate::Error::conflict($crate::store::already_enrolled_message(
                        e.volunteer_id,
                        e.course_id,
                    )));
                }
                let taken = sqlx::query(
                    "SELECT COUNT(*) AS n FROM course_enrolments \
                     WHERE hub_id = $1 AND course_id = $2 AND status = $3",
                )
                .bind(hub.to_string())
                .bind(e.course_id.to_string())
                .bind(EnrolmentStatus::Enrolled.code())
                .fetch_one(&mut *tx)
                .await
                .map_err($crate::store::sql::storage)?
                .int("n")
                .map_err($crate::store::sql::corrupt("enrolment"))?;
                let mut stored = e.clone();
                stored.status = if taken < capacity {
                    EnrolmentStatus::Enrolled
                } else {
                    EnrolmentStatus::Waiting
                };
                // A withdrawn volunteer enrolling again replaces their old row.
                sqlx::query(
                    "INSERT INTO course_enrolments (hub_id, course_id, volunteer_id, status, \
                     enrolled_at, attended, completed, version) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
                     ON CONFLICT (hub_id, course_id, volunteer_id) DO UPDATE SET \
                     status = excluded.status, enrolled_at = excluded.enrolled_at, \
                     attended = excluded.attended, completed = excluded.completed, \
                     version = excluded.version",
                )
                .bind(hub.to_string())
                .bind(stored.course_id.to_string())
                .bind(stored.volunteer_id.to_string())
                .bind(stored.status.code())
                .bind($crate::store::sql::micros(stored.enrolled_at))
                .bind(attended)
                .bind(i64::from(stored.completed))
                .bind(stored.version)
                .execute(&mut *tx)
                .await
                .map_err($crate::store::sql::storage)?;
                Self::finish_unit(tx, hub, seq, entry).await?;
                Ok(stored)
            }

            async fn withdraw(
                &self,
                hub: $crate::HubId,
                course: $crate::CourseId,
                volunteer: $crate::VolunteerId,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<($crate::Enrolment, Option<$crate::Enrolment>)> {
                use $crate::EnrolmentStatus;
                let (mut tx, seq) = self.begin_unit(hub).await?;
                // Same guard as enrol: the place freed here and the
                // promotion below cannot interleave with a request.
                Self::lock_course(&mut tx, hub, course).await?;
                let old = Self::stored_enrolment(&mut tx, hub, course, volunteer)
                    .await?
                    .filter(|o| o.status != EnrolmentStatus::Withdrawn);
                let Some(old) = old else {
                    return Err($crate::Error::not_found(
                        "enrolment",
                        format!("{course}/{volunteer}"),
                    ));
                };
                let held_place = old.status == EnrolmentStatus::Enrolled;
                let withdrawn =
                    Self::set_enrolment_status(&mut tx, hub, old, EnrolmentStatus::Withdrawn).await?;
                let mut promoted = None;
                if held_place {
                    let sql = format!(
                        "SELECT {} FROM course_enrolments \
                         WHERE hub_id = $1 AND course_id = $2 AND status = $3 \
                         ORDER BY enrolled_at, volunteer_id LIMIT 1",
                        $crate::store::sql::course_rows::ENROLMENT_COLUMNS
                    );
                    let next = sqlx::query(&sql)
                        .bind(hub.to_string())
                        .bind(course.to_string())
                        .bind(EnrolmentStatus::Waiting.code())
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err($crate::store::sql::storage)?;
                    if let Some(next) = next {
                        let next = $crate::store::sql::course_rows::enrolment_from_row(&next)?;
                        promoted = Some(
                            Self::set_enrolment_status(&mut tx, hub, next, EnrolmentStatus::Enrolled)
                                .await?,
                        );
                    }
                }
                Self::finish_unit(tx, hub, seq, entry).await?;
                Ok((withdrawn, promoted))
            }

            async fn enrolments(
                &self,
                hub: $crate::HubId,
                course: $crate::CourseId,
            ) -> $crate::Result<Vec<$crate::Enrolment>> {
                let sql = format!(
                    "SELECT {} FROM course_enrolments WHERE hub_id = $1 AND course_id = $2 \
                     ORDER BY enrolled_at, volunteer_id",
                    $crate::store::sql::course_rows::ENROLMENT_COLUMNS
                );
                let rows = sqlx::query(&sql)
                    .bind(hub.to_string())
                    .bind(course.to_string())
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::store::sql::storage)?;
                let out = rows
                    .iter()
                    .map($crate::store::sql::course_rows::enrolment_from_row)
                    .collect::<$crate::Result<Vec<_>>>()?;
                self.unless_empty(hub, out).await
            }

            async fn update_enrolments(
                &self,
                hub: $crate::HubId,
                changed: &[$crate::Enrolment],
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let (mut tx, seq) = self.begin_unit(hub).await?;
                // Every check against the rows as they were, before any write.
                for e in changed {
                    let ok = Self::stored_enrolment(&mut tx, hub, e.course_id, e.volunteer_id)
                        .await?
                        .is_some_and(|o| o.version + 1 == e.version && o.status == e.status);
                    if !ok {
                        return Err($crate::Error::conflict($crate::store::stale_message("enrolment")));
                    }
                }
                for e in changed {
                    sqlx::query(
                        "UPDATE course_enrolments SET status = $4, enrolled_at = $5, attended = $6, \
                         completed = $7, version = $8 \
                         WHERE hub_id = $1 AND course_id = $2 AND volunteer_id = $3",
                    )
                    .bind(hub.to_string())
                    .bind(e.course_id.to_string())
                    .bind(e.volunteer_id.to_string())
                    .bind(e.status.code())
                    .bind($crate::store::sql::micros(e.enrolled_at))
                    .bind($crate::store::sql::course_rows::dates_json(&e.attended)?)
                    .bind(i64::from(e.completed))
                    .bind(e.version)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::store::sql::storage)?;
                }
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn insert_conflict(
                &self,
                hub: $crate::HubId,
                c: &$crate::Conflict,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let follow_ups = $crate::store::sql::course_rows::follow_ups_json(c)?;
                let (mut tx, seq) = self.begin_unit(hub).await?;
                for p in &c.parties {
                    if !Self::course_volunteer_exists(&mut tx, hub, *p).await? {
                        return Err($crate::Error::not_found($crate::VolunteerId::ENTITY, p));
                    }
                }
                let inserted = sqlx::query(
                    "INSERT INTO conflicts (hub_id, id, arose_on, description, step, phase, \
                     intervention, status, follow_ups, version) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                )
                .bind(hub.to_string())
                .bind(c.id.to_string())
                .bind($crate::store::sql::date_text(c.on))
                .bind(c.description.as_str())
                .bind(i64::from(c.step))
                .bind(c.phase.code())
                .bind(c.intervention.code())
                .bind(c.status.code())
                .bind(follow_ups)
                .bind(c.version)
                .execute(&mut *tx)
                .await;
                $crate::store::sql::inserted(inserted, $crate::ConflictId::ENTITY, c.id)?;
                Self::insert_parties(&mut tx, hub, c).await?;
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn update_conflict(
                &self,
                hub: $crate::HubId,
                c: &$crate::Conflict,
                expected_version: i64,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                use $crate::store::sql::SqlRow as _;
                let follow_ups = $crate::store::sql::course_rows::follow_ups_json(c)?;
                let (mut tx, seq) = self.begin_unit(hub).await?;
                let done = sqlx::query(
                    "UPDATE conflicts SET arose_on = $3, description = $4, step = $5, phase = $6, \
                     intervention = $7, status = $8, follow_ups = $9, version = $10 \
                     WHERE hub_id = $1 AND id = $2 AND version = $11",
                )
                .bind(hub.to_string())
                .bind(c.id.to_string())
                .bind($crate::store::sql::date_text(c.on))
                .bind(c.description.as_str())
                .bind(i64::from(c.step))
                .bind(c.phase.code())
                .bind(c.intervention.code())
                .bind(c.status.code())
                .bind(follow_ups)
                .bind(c.version)
                .bind(expected_version)
                .execute(&mut *tx)
                .await
                .map_err($crate::store::sql::storage)?;
                if done.rows_affected() == 0 {
                    let exists = sqlx::query("SELECT 1 FROM conflicts WHERE hub_id = $1 AND id = $2")
                        .bind(hub.to_string())
                        .bind(c.id.to_string())
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err($crate::store::sql::storage)?;
                    return Err(match exists {
                        Some(_) => $crate::Error::conflict($crate::store::stale_message(
                            $crate::ConflictId::ENTITY,
                        )),
                        None => $crate::Error::not_found($crate::ConflictId::ENTITY, c.id),
                    });
                }
                // The parties are rewritten only when they changed (the Hub
                // never changes them).
                let rows = sqlx::query(
                    "SELECT volunteer_id FROM conflict_parties \
                     WHERE hub_id = $1 AND conflict_id = $2 ORDER BY pos",
                )
                .bind(hub.to_string())
                .bind(c.id.to_string())
                .fetch_all(&mut *tx)
                .await
                .map_err($crate::store::sql::storage)?;
                let stored = rows
                    .iter()
                    .map(|r| r.text("volunteer_id"))
                    .collect::<std::result::Result<Vec<_>, _>>()
                    .map_err($crate::store::sql::corrupt("conflict"))?;
                let given: Vec<String> = c.parties.iter().map(|p| p.to_string()).collect();
                if stored != given {
                    sqlx::query("DELETE FROM conflict_parties WHERE hub_id = $1 AND conflict_id = $2")
                        .bind(hub.to_string())
                        .bind(c.id.to_string())
                        .execute(&mut *tx)
                        .await
                        .map_err($crate::store::sql::storage)?;
                    Self::insert_parties(&mut tx, hub, c).await?;
                }
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn conflict(
                &self,
                hub: $crate::HubId,
                id: $crate::ConflictId,
            ) -> $crate::Result<$crate::Conflict> {
                let sql = format!(
                    "{} AND c.id = $2 ORDER BY p.pos",
                    $crate::store::sql::course_rows::CONFLICT_SELECT
                );
                let rows = sqlx::query(&sql)
                    .bind(hub.to_string())
                    .bind(id.to_string())
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::store::sql::storage)?;
                let found = $crate::store::sql::course_rows::conflicts_from_rows(&rows)?;
                match found.into_iter().next() {
                    Some(c) => Ok(c),
                    None => {
                        self.require_hub(hub).await?;
                        Err($crate::Error::not_found($crate::ConflictId::ENTITY, id))
                    }
                }
            }

            async fn conflicts(
                &self,
                hub: $crate::HubId,
                unresolved_only: bool,
            ) -> $crate::Result<Vec<$crate::Conflict>> {
                let filter = if unresolved_only { " AND c.status <> $2" } else { "" };
                let sql = format!(
                    "{}{filter} ORDER BY c.arose_on, c.id, p.pos",
                    $crate::store::sql::course_rows::CONFLICT_SELECT
                );
                let mut query = sqlx::query(&sql).bind(hub.to_string());
                if unresolved_only {
                    query = query.bind($crate::ConflictStatus::Resolved.code());
                }
                let rows = query
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::store::sql::storage)?;
                let out = $crate::store::sql::course_rows::conflicts_from_rows(&rows)?;
                self.unless_empty(hub, out).await
            }
        }
    };
}
pub(crate) use impl_sql_course_store;

#[cfg(test)]
mod tests {
    //! Edge cases the Hub never produces (or produces only partly), run
    //! against the memory store and each SQL backend: every answer and
    //! every error must be the memory store's. PostgreSQL runs when
    //! `KRINGLOOP_TEST_POSTGRES_URL` is set.

    use crate::{
        Actor, Conflict, ConflictFollowUp, ConflictId, ConflictStatus, Course, CourseId,
        CourseTitle, Description, Enrolment, EnrolmentStatus, FixedClock, GlaslPhase, HubId,
        HubSlug, Intervention, JournalEntry, NewVolunteer, Note, Role, Store, Volunteer,
        VolunteerId,
    };
    use chrono::{Duration, NaiveDate};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn entry(clock: &FixedClock) -> JournalEntry {
        let actor = Actor::new("anna", Role::Coordinator).unwrap();
        JournalEntry::new(clock, &actor, "test", "course", "x", serde_json::json!({}))
    }

    /// The same values for every backend.
    struct Fixture {
        clock: FixedClock,
        hub: HubId,
        ghost: HubId,
        /// Sorted by id, so ties on the request time are predictable.
        volunteers: Vec<Volunteer>,
        unknown_volunteer: VolunteerId,
        courses: Vec<Course>,
        unknown_course: CourseId,
        conflict_ids: Vec<ConflictId>,
    }

    fn course(id: CourseId, sessions: &[NaiveDate], capacity: u32) -> Course {
        Course {
            id,
            title: CourseTitle::parse("Kassatraining").unwrap(),
            description: Some(Description::parse("twee middagen\nmet koffie").unwrap()),
            sessions: sessions.to_vec(),
            capacity,
        }
    }

    fn fixture() -> Fixture {
        let clock = FixedClock::at_date(d(2026, 2, 1));
        let mut volunteers: Vec<Volunteer> = (0..6)
            .map(|i| {
                let input = NewVolunteer {
                    display_name: format!("Vrijwilliger {i}"),
                    start_date: Some(d(2025, 1, 1)),
                    ..Default::default()
                };
                Volunteer::register(VolunteerId::generate(&clock), input, d(2026, 2, 1)).unwrap()
            })
            .collect();
        volunteers.sort_by_key(|v| v.id);
        let mut ids: Vec<CourseId> = (0..4).map(|_| CourseId::generate(&clock)).collect();
        ids.sort();
        let courses = vec![
            // Same first date as the third, a later id.
            course(ids[3], &[d(2026, 3, 10), d(2026, 3, 17)], 2),
            course(ids[1], &[d(2026, 1, 13)], 1),
            course(ids[2], &[d(2026, 3, 10)], 5),
            // No sessions (the store takes it as given): first.
            course(ids[0], &[], 3),
        ];
        let mut conflict_ids: Vec<ConflictId> =
            (0..4).map(|_| ConflictId::generate(&clock)).collect();
        conflict_ids.sort();
        Fixture {
            hub: HubId::generate(&clock),
            ghost: HubId::generate(&clock),
            unknown_volunteer: VolunteerId::generate(&clock),
            unknown_course: CourseId::generate(&clock),
            clock,
            volunteers,
            courses,
            conflict_ids,
        }
    }

    fn request(f: &Fixture, course: CourseId, v: usize, minutes: i64) -> Enrolment {
        Enrolment {
            course_id: course,
            volunteer_id: f.volunteers[v].id,
            // The store decides; what is given is ignored.
            status: EnrolmentStatus::Withdrawn,
            enrolled_at: crate::Clock::now(&f.clock) + Duration::minutes(minutes),
            attended: Vec::new(),
            completed: false,
            version: 1,
        }
    }

    fn conflict(id: ConflictId, parties: &[VolunteerId], on: NaiveDate) -> Conflict {
        Conflict {
            id,
            parties: parties.to_vec(),
            on,
            description: Description::parse("ruzie over de kassa").unwrap(),
            step: 2,
            phase: GlaslPhase::WinWin,
            intervention: Intervention::AmongThemselves,
            status: ConflictStatus::Open,
            follow_ups: Vec::new(),
            version: 1,
        }
    }

    /// Runs the scenario on `store`, returning every answer as text.
    async fn transcript(store: &dyn Store, f: &Fixture) -> Vec<String> {
        let e = || entry(&f.clock);
        let mut out: Vec<String> = Vec::new();
        let slug = HubSlug::parse("oude-bieb").unwrap();
        let hub = store
            .ensure_hub(&slug, f.hub, crate::Clock::now(&f.clock))
            .await
            .unwrap();
        for v in &f.volunteers {
            store.insert_volunteer(hub, v, &e()).await.unwrap();
        }
        let v = |i: usize| f.volunteers[i].id;
        let [k0, k1, k2, k3] = [0, 1, 2, 3].map(|i| f.courses[i].id);
        // Courses.
        out.push(format!("{:?}", store.courses(hub).await));
        for c in &f.courses {
            out.push(format!("{:?}", store.insert_course(hub, c, &e()).await));
        }
        out.push(format!(
            "duplicate {:?}",
            store.insert_course(hub, &f.courses[0], &e()).await
        ));
        out.push(format!(
            "ghost {:?}",
            store.insert_course(f.ghost, &f.courses[0], &e()).await
        ));
        out.push(format!("{:?}", store.courses(hub).await));
        out.push(format!("{:?}", store.courses(f.ghost).await));
        out.push(format!("{:?}", store.course(hub, k0).await));
        out.push(format!("{:?}", store.course(hub, f.unknown_course).await));
        out.push(format!("{:?}", store.course(f.ghost, k0).await));
        // Enrolling: unknown course before unknown volunteer.
        let mut ghost = request(f, f.unknown_course, 0, 0);
        ghost.volunteer_id = f.unknown_volunteer;
        out.push(format!("{:?}", store.enrol(hub, &ghost, &e()).await));
        ghost.course_id = k0;
        out.push(format!("{:?}", store.enrol(hub, &ghost, &e()).await));
        out.push(format!(
            "{:?}",
            store.enrol(f.ghost, &request(f, k0, 0, 0), &e()).await
        ));
        // Capacity 2: two places, then a waiting list; two requests at one
        // time wait in volunteer order.
        for (i, minutes) in [(2, 1), (0, 2), (5, 3), (4, 3), (1, 4)] {
            out.push(format!(
                "{:?}",
                store.enrol(hub, &request(f, k0, i, minutes), &e()).await
            ));
        }
        out.push(format!(
            "twice {:?}",
            store.enrol(hub, &request(f, k0, 4, 9), &e()).await
        ));
        out.push(format!(
            "enrolled twice {:?}",
            store.enrol(hub, &request(f, k0, 2, 9), &e()).await
        ));
        out.push(format!("{:?}", store.enrolments(hub, k0).await));
        out.push(format!("{:?}", store.enrolments(hub, k1).await));
        out.push(format!(
            "{:?}",
            store.enrolments(hub, f.unknown_course).await
        ));
        out.push(format!("{:?}", store.enrolments(f.ghost, k0).await));
        // Withdrawing.
        out.push(format!("{:?}", store.withdraw(hub, k0, v(3), &e()).await));
        out.push(format!(
            "{:?}",
            store.withdraw(hub, f.unknown_course, v(3), &e()).await
        ));
        out.push(format!(
            "{:?}",
            store.withdraw(f.ghost, k0, v(0), &e()).await
        ));
        // Waiting: nobody promoted.
        out.push(format!("{:?}", store.withdraw(hub, k0, v(1), &e()).await));
        // Enrolled: the earliest waiting request (v4, by id) moves up.
        out.push(format!("{:?}", store.withdraw(hub, k0, v(0), &e()).await));
        out.push(format!(
            "again {:?}",
            store.withdraw(hub, k0, v(0), &e()).await
        ));
        // A withdrawn volunteer comes back: a new request, replacing the old.
        out.push(format!(
            "{:?}",
            store.enrol(hub, &request(f, k0, 0, 20), &e()).await
        ));
        out.push(format!("{:?}", store.enrolments(hub, k0).await));
        // The last enrolled place in k1 (capacity 1), then promotion of a
        // re-enrolled volunteer.
        for (i, minutes) in [(3, 1), (2, 2)] {
            out.push(format!(
                "{:?}",
                store.enrol(hub, &request(f, k1, i, minutes), &e()).await
            ));
        }
        out.push(format!("{:?}", store.withdraw(hub, k1, v(3), &e()).await));
        out.push(format!("{:?}", store.withdraw(hub, k1, v(2), &e()).await));
        out.push(format!("{:?}", store.enrolments(hub, k1).await));
        // Updating enrolments.
        let list = store.enrolments(hub, k0).await.unwrap();
        let enrolled: Vec<Enrolment> = list
            .iter()
            .filter(|x| x.status == EnrolmentStatus::Enrolled)
            .cloned()
            .collect();
        let mut good = enrolled[0].clone();
        good.attended = vec![d(2026, 3, 10), d(2026, 3, 17)];
        good.completed = true;
        good.version += 1;
        let mut stale = enrolled[1].clone();
        stale.version += 2;
        out.push(format!(
            "stale {:?}",
            store
                .update_enrolments(hub, &[good.clone(), stale], &e())
                .await
        ));
        let mut status = enrolled[1].clone();
        status.version += 1;
        status.status = EnrolmentStatus::Waiting;
        out.push(format!(
            "status {:?}",
            store
                .update_enrolments(hub, &[good.clone(), status], &e())
                .await
        ));
        let mut unknown = good.clone();
        unknown.course_id = k2;
        out.push(format!(
            "unknown {:?}",
            store
                .update_enrolments(hub, &[unknown, good.clone()], &e())
                .await
        ));
        out.push(format!("{:?}", store.enrolments(hub, k0).await));
        // The same enrolment twice: both checked against the stored row.
        let mut twice = good.clone();
        twice.attended = vec![d(2026, 3, 17)];
        out.push(format!(
            "{:?}",
            store
                .update_enrolments(hub, &[good.clone(), twice], &e())
                .await
        ));
        out.push(format!(
            "{:?}",
            store.update_enrolments(hub, &[], &e()).await
        ));
        out.push(format!(
            "{:?}",
            store.update_enrolments(f.ghost, &[], &e()).await
        ));
        out.push(format!("{:?}", store.enrolments(hub, k0).await));
        out.push(format!("{:?}", store.course(hub, k3).await));
        // Conflicts.
        let ids = &f.conflict_ids;
        out.push(format!("{:?}", store.conflicts(hub, false).await));
        let c0 = conflict(ids[2], &[v(1), v(0)], d(2026, 1, 5));
        out.push(format!(
            "unknown parties {:?}",
            store
                .insert_conflict(
                    hub,
                    &conflict(
                        ids[0],
                        &[v(0), f.unknown_volunteer, VolunteerId::generate(&f.clock)],
                        d(2026, 1, 5)
                    ),
                    &e()
                )
                .await
        ));
        out.push(format!("{:?}", store.insert_conflict(hub, &c0, &e()).await));
        out.push(format!(
            "duplicate {:?}",
            store.insert_conflict(hub, &c0, &e()).await
        ));
        let mut dup_ghost = c0.clone();
        dup_ghost.parties.push(f.unknown_volunteer);
        out.push(format!(
            "duplicate, unknown party {:?}",
            store.insert_conflict(hub, &dup_ghost, &e()).await
        ));
        out.push(format!(
            "ghost {:?}",
            store.insert_conflict(f.ghost, &c0, &e()).await
        ));
        for (id, on) in [(ids[3], d(2025, 12, 1)), (ids[1], d(2026, 1, 5))] {
            out.push(format!(
                "{:?}",
                store
                    .insert_conflict(hub, &conflict(id, &[v(2), v(3), v(4)], on), &e())
                    .await
            ));
        }
        let mut next = c0.clone();
        next.step = 7;
        next.phase = GlaslPhase::LoseLose;
        next.intervention = Intervention::Mediator;
        next.status = ConflictStatus::Resolved;
        next.parties = vec![v(0), v(5)];
        next.follow_ups = vec![
            ConflictFollowUp {
                on: d(2026, 1, 6),
                note: Note::parse("gesprek\nmet beiden").unwrap(),
                step: 7,
                status: ConflictStatus::InMediation,
            },
            ConflictFollowUp {
                on: d(2026, 1, 9),
                note: Note::parse("opgelost").unwrap(),
                step: 7,
                status: ConflictStatus::Resolved,
            },
        ];
        next.version = 2;
        out.push(format!(
            "stale {:?}",
            store.update_conflict(hub, &next, 2, &e()).await
        ));
        out.push(format!(
            "{:?}",
            store.update_conflict(hub, &next, 1, &e()).await
        ));
        let mut unknown = next.clone();
        unknown.id = ids[0];
        out.push(format!(
            "unknown {:?}",
            store.update_conflict(hub, &unknown, 1, &e()).await
        ));
        out.push(format!(
            "ghost {:?}",
            store.update_conflict(f.ghost, &next, 2, &e()).await
        ));
        out.push(format!("{:?}", store.conflict(hub, ids[2]).await));
        out.push(format!("{:?}", store.conflict(hub, ids[0]).await));
        out.push(format!("{:?}", store.conflict(f.ghost, ids[2]).await));
        out.push(format!("{:?}", store.conflicts(hub, false).await));
        out.push(format!("{:?}", store.conflicts(hub, true).await));
        out.push(format!("{:?}", store.conflicts(f.ghost, true).await));
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

    #[cfg(feature = "postgres")]
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres_matches_the_memory_store() {
        let Ok(admin_url) = std::env::var("KRINGLOOP_TEST_POSTGRES_URL") else {
            eprintln!("KRINGLOOP_TEST_POSTGRES_URL unset: PostgreSQL test skipped");
            return;
        };
        let name = format!("kringloop_test_{}", uuid::Uuid::new_v4().simple());
        crate::PostgresStore::create_database(&admin_url, &name)
            .await
            .unwrap();
        let base = admin_url.split('?').next().unwrap_or(&admin_url);
        let url = format!("{}/{name}", &base[..base.rfind('/').unwrap()]);
        let sql = crate::PostgresStore::connect(&url).await.unwrap();
        compare(&sql, "postgres").await;
        drop(sql);
        crate::PostgresStore::drop_database(&admin_url, &name)
            .await
            .unwrap();
    }
}
