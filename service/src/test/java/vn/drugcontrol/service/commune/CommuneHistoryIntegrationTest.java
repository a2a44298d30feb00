package vn.drugcontrol.service.commune;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;

import vn.drugcontrol.service.DatabaseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Other systems ask for a commune's class in a given year.
 */
class CommuneHistoryIntegrationTest extends DatabaseTest {

	@Test
	void aCommunesClassesAcrossPeriodsNewestFirst() {
		upload(sample("cao-bang-2024.csv"));
		upload(sample("cao-bang-2025.csv"));

		JsonNode history = get("/api/v1/communes/01360/classifications");

		assertThat(history.get("communeName").asString()).isEqualTo("Sơn Lộ");
		assertThat(history.get("provinceName").asString()).isEqualTo("Cao Bằng");
		JsonNode periods = history.get("classifications");
		assertThat(periods).hasSize(2);
		assertThat(periods.get(0).get("period").asInt()).isEqualTo(2025);
		assertThat(periods.get(0).get("classification").asString()).isEqualTo("DRUG_FREE");
		assertThat(periods.get(1).get("period").asInt()).isEqualTo(2024);
		assertThat(periods.get(0).has("onInterProvincialRoute")).isTrue();
	}

	@Test
	void oneYearOnly() {
		upload(sample("cao-bang-2024.csv"));
		upload(sample("cao-bang-2025.csv"));

		assertThat(get("/api/v1/communes/01360/classifications?period=2024").get("classifications")).hasSize(1);
	}

	@Test
	void anUnknownCodeIsNotFound() {
		assertThat(http().get()
			.uri("/api/v1/communes/99999/classifications")
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

}
