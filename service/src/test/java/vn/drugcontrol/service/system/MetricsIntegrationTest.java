package vn.drugcontrol.service.system;

import java.nio.file.Files;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import vn.drugcontrol.service.DatabaseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The meters of docs/operations.md, read as Prometheus scrapes them after a run, an
 * evaluation and a rejected file, over real HTTP on a real database.
 */
class MetricsIntegrationTest extends DatabaseTest {

	private static final String DRUG_FREE_RULE = "Art. 6 — drug-free: meets all 3 conditions of Art. 6, and is neither type I nor type II";

	@Test
	void aRunAnEvaluationAndARejectionShowInThePrometheusScrape() throws Exception {
		assertThat(upload(sample("cao-bang-2025.csv")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(postJson("/api/v1/evaluations", Files.readString(sample("evaluation-request.json"))).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(upload(sample("cao-bang-2025-bad.csv")).getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);

		String scrape = http().get().uri("/actuator/prometheus").retrieve().body(String.class);

		assertThat(scrape).contains("classifier_ruleset_compile_seconds_count{ruleSet=\"default\"}",
				"classifier_ruleset_compile_seconds_count{ruleSet=\"literal\"}",
				"classifier_rules_evaluation_seconds_count{ruleSet=\"default\"}",
				"classifier_rules_evaluation_seconds_bucket{ruleSet=\"default\"",
				"classifier_rules_evaluation_communes_sum{ruleSet=\"default\"}",
				"classifier_run_duration_seconds_count{ruleSet=\"default\"} 1", "classifier_run_size_sum 56",
				"classifier_decisions_total{classification=\"DRUG_FREE\"} 14", "classifier_import_rejections_total 1");
		// every commune is decided by exactly one classification rule: Cao Bằng's 14
		// drug-free communes by the drug-free rule
		assertThat(scrape).containsPattern(
				Pattern.quote("classifier_rules_fired_total{rule=\"" + DRUG_FREE_RULE + "\",ruleSet=\"default\"} ")
						+ "(1[4-9]|[2-9][0-9])\\.0");
	}

}
