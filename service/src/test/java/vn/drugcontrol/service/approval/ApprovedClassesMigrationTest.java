package vn.drugcontrol.service.approval;

import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration 7's views on H2 in MySQL mode (the quick start's database; MariaDB runs them
 * in every integration test): an override counts once confirmed and the run approved.
 */
class ApprovedClassesMigrationTest {

	@Test
	void aConfirmedOverrideOfAnApprovedRunIsTheApprovedClass() {
		try (SingleConnectionDataSource db = new SingleConnectionDataSource(
				"jdbc:h2:mem:v7;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE", "sa", "", true)) {
			Flyway.configure()
				.dataSource(db)
				.locations("classpath:db/migration")
				.javaMigrations(new V7__Approved_classes())
				.load()
				.migrate();
			JdbcTemplate jdbc = new JdbcTemplate(db);
			jdbc.update("""
					INSERT INTO classification_run (id, province_code, period, rule_set_name, rule_set_hash,
					  engine_version, facts_hash, source_name, source_format, started_by, started_at, finished_at,
					  commune_count, type_i_count, type_ii_count, type_iii_count, drug_free_count, unclassified_count)
					VALUES (1, '04', 2025, 'default', REPEAT('a', 64), 'Drools 10.2.0', REPEAT('b', 64), 'x.csv', 'CSV',
					  'officer', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 3, 1, 0, 0, 2, 0)""");
			decision(jdbc, 10, "01273", "TYPE_I");
			decision(jdbc, 11, "01360", "DRUG_FREE");
			decision(jdbc, 12, "01366", "DRUG_FREE");
			jdbc.update("""
					INSERT INTO run_approval (run_id, province_code, period, status, submitted_by, submitted_at)
					VALUES (1, '04', 2025, 'SUBMITTED', 'officer', CURRENT_TIMESTAMP)""");
			override(jdbc, 11, "01360", "approver-b");
			override(jdbc, 12, "01366", null);

			assertThat(classes(jdbc)).as("submitted: the recommendation stands, nothing is approved")
				.containsExactly(List.of("TYPE_I", "-", "TYPE_I", "-"), List.of("DRUG_FREE", "-", "DRUG_FREE", "-"),
						List.of("DRUG_FREE", "-", "DRUG_FREE", "-"));

			jdbc.update("UPDATE run_approval SET status = 'APPROVED', decision_number = '1/QĐ' WHERE run_id = 1");

			assertThat(classes(jdbc)).as("approved: the confirmed override's class, else the recommendation")
				.containsExactly(List.of("TYPE_I", "TYPE_I", "TYPE_I", "-"),
						List.of("DRUG_FREE", "TYPE_III", "TYPE_III", "reason"),
						List.of("DRUG_FREE", "DRUG_FREE", "DRUG_FREE", "-"));
			assertThat(jdbc.queryForList("SELECT decision_id FROM approved_override", Long.class)).containsExactly(11L);
		}
	}

	private static List<List<String>> classes(JdbcTemplate jdbc) {
		return jdbc.queryForList("""
				SELECT recommended_class, approved_class, standing_class, override_reason
				FROM decision_class ORDER BY decision_id""")
			.stream()
			.map(Map::values)
			.map(values -> values.stream().map(v -> v == null ? "-" : v.toString()).toList())
			.toList();
	}

	private static void decision(JdbcTemplate jdbc, long id, String commune, String classification) {
		jdbc.update(
				"""
						INSERT INTO decision (id, run_id, commune_code, commune_name, province_code, period, classification,
						  decided_by, criteria_met, population, managed_users, in_substitution_treatment, in_community_rehab,
						  in_post_rehab_management, drug_use_points, arrested_offenders, resident_violators, wanted_fugitives,
						  plants_destroyed, plant_area_m2, on_intra_provincial_route, on_inter_provincial_route,
						  held_in_centres_or_prison)
						VALUES (?, 1, ?, 'x', '04', 2025, ?, 'rule', '', 1000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, FALSE, FALSE, 0)""",
				id, commune, classification);
	}

	private static void override(JdbcTemplate jdbc, long decision, String commune, String confirmedBy) {
		jdbc.update("""
				INSERT INTO classification_override (run_id, decision_id, commune_code, recommended_class,
				  approved_class, reason, proposed_by, proposed_at, confirmed_by, confirmed_at)
				VALUES (1, ?, ?, 'DRUG_FREE', 'TYPE_III', 'reason', 'approver-a', CURRENT_TIMESTAMP, ?,
				  CASE WHEN ? IS NULL THEN NULL ELSE CURRENT_TIMESTAMP END)""", decision, commune, confirmedBy,
				confirmedBy);
	}

}
