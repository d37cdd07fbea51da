//! The conformance suite: the same behaviour tests, run unchanged against
//! every backend (memory, SQLite, and PostgreSQL when
//! `KRINGLOOP_TEST_POSTGRES_URL` points at a server where the user may
//! create databases). Each test gets a fresh store of its own.

mod support;

mod activities;
mod courses;
mod development;
mod isolation;
mod journal;
mod report;
mod research;
mod roster;
mod shifts;
mod signals;
mod stock;
mod sync;
mod volunteers;

/// Instantiates every listed test once per backend.
macro_rules! conformance {
    ($($module:ident :: $test:ident),* $(,)?) => {
        mod memory {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $test() {
                    let b = crate::support::Backend::memory().await;
                    crate::$module::$test(&b).await;
                    b.finish().await;
                }
            )*
        }
        #[cfg(feature = "sqlite")]
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $test() {
                    let b = crate::support::Backend::sqlite().await;
                    crate::$module::$test(&b).await;
                    b.finish().await;
                }
            )*
        }
        #[cfg(feature = "postgres")]
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $test() {
                    let Some(b) = crate::support::Backend::postgres().await else { return };
                    crate::$module::$test(&b).await;
                    b.finish().await;
                }
            )*
        }
    };
}

conformance! {
    research::tables_have_their_columns_and_rows,
    research::no_personal_data_in_volunteers,
    research::no_personal_data_in_shifts,
    research::no_personal_data_in_assessments,
    research::no_personal_data_in_courses,
    research::no_personal_data_in_enrolments,
    research::no_personal_data_in_activity_sessions,
    research::no_personal_data_in_attendance,
    research::no_personal_data_in_stock_moves,
    research::no_personal_data_in_sale_lines,
    research::no_personal_data_in_signals,
    research::no_personal_data_in_referrals,
    research::keys_are_stable_within_a_hub_and_differ_between_hubs,
    research::only_researchers_and_admins_get_tables,
    research::batches_return_every_row_exactly_once,
    sync::a_batch_applies_once_even_when_sent_again_or_cut_off,
    sync::the_same_unit_sold_at_two_tills_is_a_recorded_conflict,
    sync::unimportable_entries_are_conflicts_and_bad_batches_change_nothing,
    sync::two_imports_racing_apply_each_entry_once,
    sync::a_till_rebuilt_from_its_snapshot_is_the_same_till,
    sync::a_purged_signal_stays_erased_in_a_rebuilt_till,
    report::figures_add_up_exactly,
    report::researchers_get_small_counts_hidden_and_no_names,
    courses::enrolment_with_a_waiting_list,
    courses::concurrent_enrolments_never_overfill,
    courses::attendance_completion_and_effect,
    courses::conflict_register,
    courses::every_role_meets_the_course_matrix,
    development::assessments_and_bad_input,
    development::corrections_keep_history,
    development::trajectories_and_coaching_suggestions,
    development::cohort_curves,
    development::coaching_lifecycle,
    development::every_role_meets_the_development_matrix,
    activities::create_update_archive,
    activities::sessions_are_generated_idempotently,
    activities::monthly_schedules_and_bad_rules,
    activities::changing_a_schedule_keeps_the_past,
    activities::attendance_rules,
    activities::ideas_pipeline,
    activities::table_tally_once_a_day,
    activities::report_aggregates_and_suppresses,
    activities::every_role_meets_the_activity_matrix,
    signals::record_and_read_back,
    signals::bad_signals_change_nothing,
    signals::volunteers_see_only_their_own_open_signals,
    signals::personal_reads_are_journalled,
    signals::updating_a_signal,
    signals::partners_directory_and_suggestions,
    signals::consent_rule_and_its_acute_exception,
    signals::referral_lifecycle,
    signals::closing_a_signal_waits_for_its_referrals,
    signals::follow_ups_due,
    signals::purge_erases_personal_fields_after_retention,
    signals::statistics_are_aggregated_and_suppressed,
    signals::concurrent_referral_changes_admit_one,
    signals::every_role_meets_the_matrix,
    volunteers::register_and_read_back,
    volunteers::bad_registration_changes_nothing,
    volunteers::updates_apply_and_bump_the_version,
    volunteers::bad_update_changes_nothing,
    volunteers::status_follows_the_transition_table,
    volunteers::stale_version_is_a_conflict,
    volunteers::unknown_ids_are_not_found,
    volunteers::roles_are_enforced,
    volunteers::list_filters_by_status_and_sorts_by_name,
    shifts::plan_complete_cancel,
    shifts::overlapping_shifts_are_refused,
    shifts::completing_into_an_overlap_is_refused,
    shifts::who_may_work,
    shifts::concurrent_plans_for_one_slot_admit_exactly_one,
    shifts::hours_are_aggregated_per_volunteer_and_role,
    shifts::milestones_in_a_period,
    shifts::roster_listing_filters,
    roster::opening_hours_round_trip,
    roster::bad_opening_hours_change_nothing,
    roster::gaps_against_the_plan,
    roster::vog_expiry_list,
    isolation::hubs_never_see_each_other,
    isolation::reopening_a_slug_finds_the_same_hub,
    journal::every_change_is_journalled_and_failures_are_not,
    journal::only_admins_read_the_journal,
    stock::intake_and_read_back,
    stock::batch_intake_is_all_or_nothing,
    stock::bad_intake_changes_nothing,
    stock::ledger_moves_follow_the_rules,
    stock::pricing_policy_is_set_and_validated,
    stock::checkout_prices_discounts_and_rounds,
    stock::overselling_is_refused_and_writes_nothing,
    stock::two_tills_racing_for_the_last_unit_admit_exactly_one,
    stock::refunds_reverse_without_editing,
    stock::cash_up_counts_cash_of_one_till_and_day,
    stock::reports_aggregate_stock_and_sales,
    stock::stock_never_crosses_hubs,
    stock::reuse_impact_uses_the_hubs_factors,
    stock::in_stock_lists_sellable_items_and_suggest_price_writes_nothing,
}
