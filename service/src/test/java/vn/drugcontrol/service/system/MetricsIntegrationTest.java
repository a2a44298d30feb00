package vn.drugcontrol.service.system;

import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import vn.drugcontrol.service.DatabaseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The meters of docs/operations.md, read as Prometheus scrapes them before and after a
 * run, an evaluation and a rejected file, over real HTTP on a real database (the
 * application, and so its counters, may be shared with other tests: the test compares).
 */
class MetricsIntegrationTest extends DatabaseTest {

	private static final String DRUG_FREE_RULE = "Art. 6 — drug-free: meets every condition of Art. 6, and is neither type I nor type II";

	@Test
	void aRunAnEvaluationAndARejectionShowInThePrometheusScrape() throws Exception {
		String before = scrape();

		assertThat(upload(sample("cao-bang-2025.csv")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(postJson("/api/v1/evaluations", Files.readString(sample("evaluation-request.json"))).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(upload(sample("cao-bang-2025-bad.csv")).getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		String after = scrape();

		assertThat(after).contains("classifier_ruleset_compile_seconds_count{ruleSet=\"default\"}",
				"classifier_ruleset_compile_seconds_count{ruleSet=\"literal\"}",
				"classifier_rules_evaluation_seconds_bucket{ruleSet=\"default\",le=");
		assertThat(increase(before, after, "classifier_rules_evaluation_seconds_count{ruleSet=\"default\"}"))
			.as("at least the run and the evaluation (seeding the shipped versions runs their scenarios too)")
			.isGreaterThanOrEqualTo(2);
		assertThat(increase(before, after, "classifier_rules_evaluation_communes_sum{ruleSet=\"default\"}"))
			.isGreaterThan(56);
		assertThat(increase(before, after, "classifier_run_duration_seconds_count{ruleSet=\"default\"}")).isEqualTo(1);
		assertThat(increase(before, after, "classifier_run_size_sum")).isEqualTo(56);
		assertThat(increase(before, after, "classifier_decisions_total{classification=\"DRUG_FREE\"}")).isEqualTo(14);
		assertThat(increase(before, after, "classifier_import_rejections_total")).isEqualTo(1);
		// Cao Bằng's 14 drug-free communes, and the evaluation's if any
		assertThat(increase(before, after,
				"classifier_rules_fired_total{rule=\"" + DRUG_FREE_RULE + "\",ruleSet=\"default\"}"))
			.isGreaterThanOrEqualTo(14);
	}

	private String scrape() {
		return http().get().uri("/actuator/prometheus").retrieve().body(String.class);
	}

	private static double increase(String before, String after, String series) {
		return value(after, series) - value(before, series);
	}

	/** A series' value in a scrape, 0 where absent. */
	private static double value(String scrape, String series) {
		Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
		return m.find() ? Double.parseDouble(m.group(1)) : 0;
	}

}
