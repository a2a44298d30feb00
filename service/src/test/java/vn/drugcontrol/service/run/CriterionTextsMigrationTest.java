package vn.drugcontrol.service.run;

import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration 6 on a database that already holds runs: every evidence row reads back
 * through the {@code decision_evidence} view exactly as it was stored, and texts that
 * differ only in a Vietnamese diacritic stay two texts. On the quick start's H2; the
 * database tests run the migration on MariaDB or MySQL on every build, with no rows to
 * carry over.
 */
class CriterionTextsMigrationTest {

	private static final String LABEL = "Người nghiện ma túy có hồ sơ quản lý chiếm từ 0,5% dân số trở lên";

	/** The same label with the tone mark placed on the other vowel: "ma tuý". */
	private static final String LABEL_OTHER_TONE_MARK = LABEL.replace("ma túy", "ma tuý");

	@Test
	void existingEvidenceReadsBackUnchangedWithEachTextStoredOnce() {
		try (SingleConnectionDataSource db = new SingleConnectionDataSource(
				"jdbc:h2:mem:v6;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE", "sa", "", true)) {
			flyway(db).target("5").load().migrate();
			JdbcTemplate jdbc = new JdbcTemplate(db);
			jdbc.update("""
					INSERT INTO classification_run (id, province_code, period, rule_set_name, rule_set_hash,
					  engine_version, facts_hash, source_name, source_format, started_by, started_at, finished_at,
					  commune_count, type_i_count, type_ii_count, type_iii_count, drug_free_count, unclassified_count)
					VALUES (1, '04', 2025, 'default', REPEAT('a', 64), 'Drools 10.2.0', REPEAT('b', 64), 'x.csv', 'CSV',
					  'officer', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 2, 0, 0, 0, 0, 2)""");
			for (long decision : new long[] { 10, 11 }) {
				jdbc.update(
						"""
								INSERT INTO decision (id, run_id, commune_code, commune_name, province_code, period,
								  classification, decided_by, criteria_met, population, managed_users, in_substitution_treatment,
								  in_community_rehab, in_post_rehab_management, drug_use_points, arrested_offenders,
								  resident_violators, wanted_fugitives, plants_destroyed, plant_area_m2, on_intra_provincial_route,
								  on_inter_provincial_route, held_in_centres_or_prison)
								VALUES (?, 1, ?, 'Sơn Lộ', '04', 2025, 'UNCLASSIFIED', 'rule', '', 1000, 0, 0, 0, 0, 0, 0, 0, 0, 0,
								  0, FALSE, FALSE, 0)""",
						decision, "0136" + decision % 10);
			}
			String evidence = """
					INSERT INTO decision_evidence (decision_id, position, criterion_id, measure, label_vi, label_en,
					  observed, threshold, met, rule_name)
					VALUES (?, ?, '4.1.a', 'MANAGED_USERS', ?, 'Users with records ≥ 0.5%', ?, '≥ 0.5%', ?, 'Art. 4.1.a')""";
			jdbc.update(evidence, 10, 0, LABEL, "0.6%", true);
			jdbc.update(evidence, 10, 1, LABEL_OTHER_TONE_MARK, "0.4%", false);
			jdbc.update(evidence, 11, 0, LABEL, "0.1%", false);
			List<Map<String, Object>> before = jdbc.queryForList("SELECT * FROM decision_evidence ORDER BY 1, 2");

			flyway(db).javaMigrations(new V6__Criterion_texts_stored_once()).load().migrate();

			assertThat(jdbc.queryForList("SELECT * FROM decision_evidence ORDER BY decision_id, position"))
				.isEqualTo(before);
			assertThat(jdbc.queryForList("SELECT label_vi FROM criterion_text", String.class))
				.containsExactlyInAnyOrder(LABEL, LABEL_OTHER_TONE_MARK);
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM decision_evidence_row", Integer.class)).isEqualTo(3);
		}
	}

	private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(SingleConnectionDataSource db) {
		return Flyway.configure().dataSource(db).locations("classpath:db/migration");
	}

}
