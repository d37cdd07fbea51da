//! The hub report's aggregates in SQL, shared by SQLite and PostgreSQL:
//! four aggregate queries, each returning one row of counts, run in one
//! read snapshot. Nothing is loaded to be counted in Rust.
//!
//! Every query binds `$1` hub, `$2`/`$3` the period's first and last day
//! (`YYYY-MM-DD`, compared as text like every date column).

/// Volunteers with a worked shift in the period, started in it, and left
/// in it (status `left` since a day in it).
pub(crate) const VOLUNTEER_COUNTS_SQL: &str = "SELECT \
     (SELECT COUNT(DISTINCT volunteer_id) FROM shifts \
        WHERE hub_id = $1 AND status = 'worked' AND date >= $2 AND date <= $3) AS active, \
     (SELECT COUNT(*) FROM volunteers \
        WHERE hub_id = $1 AND start_date >= $2 AND start_date <= $3) AS started, \
     (SELECT COUNT(*) FROM volunteers \
        WHERE hub_id = $1 AND status = 'left' AND status_since >= $2 AND status_since <= $3) AS left_";

/// Ladder movement: per volunteer, the latest uncorrected ladder step in the
/// period and the latest before it (latest by date, then id, as the memory
/// store), compared. `measured` counts volunteers with a step in the period.
pub(crate) const LADDER_COUNTS_SQL: &str = "WITH steps AS ( \
       SELECT a.volunteer_id AS volunteer, s.value AS value, \
              CASE WHEN a.assessed_on >= $2 THEN 1 ELSE 0 END AS inside, \
              ROW_NUMBER() OVER ( \
                PARTITION BY a.volunteer_id, CASE WHEN a.assessed_on >= $2 THEN 1 ELSE 0 END \
                ORDER BY a.assessed_on DESC, a.id DESC) AS rn \
       FROM assessment_scores s \
       JOIN assessments a ON a.hub_id = s.hub_id AND a.id = s.assessment_id \
       WHERE s.hub_id = $1 AND s.measure = 'ladder' AND a.assessed_on <= $3 \
         AND NOT EXISTS (SELECT 1 FROM assessments c \
                         WHERE c.hub_id = a.hub_id AND c.corrects = a.id) \
     ), latest AS ( \
       SELECT volunteer, \
              MAX(CASE WHEN inside = 1 THEN value END) AS now_step, \
              MAX(CASE WHEN inside = 0 THEN value END) AS before_step \
       FROM steps WHERE rn = 1 GROUP BY volunteer \
     ) \
     SELECT COUNT(now_step) AS measured, \
       CAST(COALESCE(SUM(CASE WHEN now_step > before_step THEN 1 ELSE 0 END), 0) AS BIGINT) AS up, \
       CAST(COALESCE(SUM(CASE WHEN now_step = before_step THEN 1 ELSE 0 END), 0) AS BIGINT) AS same, \
       CAST(COALESCE(SUM(CASE WHEN now_step < before_step THEN 1 ELSE 0 END), 0) AS BIGINT) AS down \
     FROM latest";

/// Courses running (their first to last session overlaps the period),
/// their places taken, and the completions of courses whose last session
/// lies in the period. `json_dates` is the dialect's table function over
/// the `c.sessions` JSON array (its column `value`): courses are few, so
/// reading their last date from the JSON costs little.
pub(crate) fn course_counts_sql(json_dates: &str) -> String {
    format!(
        "WITH spans AS ( \
           SELECT c.id AS id, c.first_session AS first_day, \
                  (SELECT MAX(value) FROM {json_dates}) AS last_day \
           FROM courses c WHERE c.hub_id = $1 AND c.first_session IS NOT NULL \
         ) \
         SELECT \
           (SELECT COUNT(*) FROM spans WHERE first_day <= $3 AND last_day >= $2) AS running, \
           (SELECT COUNT(*) FROM course_enrolments e JOIN spans p ON p.id = e.course_id \
              WHERE e.hub_id = $1 AND e.status = 'enrolled' \
                AND p.first_day <= $3 AND p.last_day >= $2) AS participants, \
           (SELECT COUNT(*) FROM course_enrolments e JOIN spans p ON p.id = e.course_id \
              WHERE e.hub_id = $1 AND e.completed = 1 \
                AND p.last_day >= $2 AND p.last_day <= $3) AS completions"
    )
}

/// Sales and refunds rung up in the period (on the `sales_by_date` index).
pub(crate) const SALE_COUNTS_SQL: &str = "SELECT \
     CAST(COALESCE(SUM(CASE WHEN reverses IS NULL THEN 1 ELSE 0 END), 0) AS BIGINT) AS sales, \
     CAST(COALESCE(SUM(CASE WHEN reverses IS NULL THEN 0 ELSE 1 END), 0) AS BIGINT) AS refunds \
     FROM sales WHERE hub_id = $1 AND date >= $2 AND date <= $3";

/// A non-negative count column as `u64` (a negative one is a corrupt row).
pub(crate) fn count(row: &impl super::SqlRow, col: &str) -> crate::Result<u64> {
    let n = row.int(col).map_err(super::corrupt("report"))?;
    u64::try_from(n).map_err(|_| super::corrupt("report")(format!("{col}: {n} is negative")))
}

/// Instantiates [`ReportStore`](crate::ReportStore) for one SQL backend.
/// Next to [`impl_sql_activity_store!`](super::activities::impl_sql_activity_store)'s
/// `act_snapshot` (one read snapshot after checking the hub), it takes
/// `json_dates`: the table function over a course's `c.sessions` array
/// (`json_each(c.sessions)` on SQLite, `jsonb_array_elements_text(…)` on
/// PostgreSQL).
macro_rules! impl_sql_report_store {
    ($store:ident, $db:ty, json_dates = $json_dates:literal) => {
        #[cfg_attr(not(target_family = "wasm"), async_trait::async_trait)]
        #[cfg_attr(target_family = "wasm", async_trait::async_trait(?Send))]
        impl $crate::ReportStore for $store {
            async fn hub_counts(
                &self,
                hub: $crate::HubId,
                period: $crate::Period,
            ) -> $crate::Result<$crate::HubCounts> {
                use $crate::store::sql::report as q;
                let from = $crate::store::sql::date_text(period.from());
                let to = $crate::store::sql::date_text(period.to());
                let mut tx = self.act_snapshot(hub).await?;
                let courses_sql = q::course_counts_sql($json_dates);
                let mut rows = Vec::with_capacity(4);
                for sql in [
                    q::VOLUNTEER_COUNTS_SQL,
                    q::LADDER_COUNTS_SQL,
                    courses_sql.as_str(),
                    q::SALE_COUNTS_SQL,
                ] {
                    let row = sqlx::query(sql)
                        .bind(hub.to_string())
                        .bind(from.clone())
                        .bind(to.clone())
                        .fetch_one(&mut *tx)
                        .await
                        .map_err($crate::store::sql::storage)?;
                    rows.push(row);
                }
                tx.commit().await.map_err($crate::store::sql::storage)?;
                let [v, l, c, s] = rows.as_slice() else {
                    return Err($crate::Error::storage("the report queries returned no row"));
                };
                Ok($crate::HubCounts {
                    volunteers: $crate::VolunteerCounts {
                        active: q::count(v, "active")?,
                        started: q::count(v, "started")?,
                        left: q::count(v, "left_")?,
                    },
                    ladder: $crate::LadderCounts {
                        measured: q::count(l, "measured")?,
                        up: q::count(l, "up")?,
                        same: q::count(l, "same")?,
                        down: q::count(l, "down")?,
                    },
                    courses: $crate::CourseCounts {
                        running: q::count(c, "running")?,
                        participants: q::count(c, "participants")?,
                        completions: q::count(c, "completions")?,
                    },
                    sales: $crate::SaleCounts {
                        sales: q::count(s, "sales")?,
                        refunds: q::count(s, "refunds")?,
                    },
                })
            }
        }
    };
}
pub(crate) use impl_sql_report_store;

#[cfg(test)]
mod tests {
    use crate::{EnrolmentStatus, ShiftStatus, VolunteerStatus};

    #[test]
    fn the_codes_in_the_sql_are_the_code_lists_codes() {
        assert_eq!(ShiftStatus::Worked.code(), "worked");
        assert_eq!(VolunteerStatus::Left.code(), "left");
        assert_eq!(EnrolmentStatus::Enrolled.code(), "enrolled");
        assert_eq!(crate::Measure::ladder().as_str(), "ladder");
    }
}
