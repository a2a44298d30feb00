package vn.drugcontrol.service.facts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FactsFormatTest {

	@Test
	void knowsTheFormatFromTheFileName() {
		assertThat(FactsFormat.fromFileName("cao-bang-2025.CSV")).isEqualTo(FactsFormat.CSV);
		assertThat(FactsFormat.fromFileName("Cao Bằng 2025.xlsx")).isEqualTo(FactsFormat.XLSX);
		assertThat(FactsFormat.fromFileName("facts.json")).isEqualTo(FactsFormat.JSON);
		assertThatIllegalArgumentException().isThrownBy(() -> FactsFormat.fromFileName("facts.xls"))
			.withMessageContaining("save it as .xlsx");
		assertThatIllegalArgumentException().isThrownBy(() -> FactsFormat.fromFileName("facts.pdf"));
	}

	@Test
	void knowsTheFormatFromTheContentType() {
		assertThat(FactsFormat.fromContentType("text/csv; charset=UTF-8")).isEqualTo(FactsFormat.CSV);
		assertThat(FactsFormat.fromContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.isEqualTo(FactsFormat.XLSX);
		assertThat(FactsFormat.fromContentType("application/json")).isEqualTo(FactsFormat.JSON);
		assertThatIllegalArgumentException().isThrownBy(() -> FactsFormat.fromContentType("application/vnd.ms-excel"));
	}

	@Test
	void prefersTheFileNameToTheContentType() {
		assertThat(FactsFormat.of("facts.csv", "application/vnd.ms-excel")).isEqualTo(FactsFormat.CSV);
		assertThat(FactsFormat.of("upload", "application/json")).isEqualTo(FactsFormat.JSON);
	}

}
