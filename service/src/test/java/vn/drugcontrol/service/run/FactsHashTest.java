package vn.drugcontrol.service.run;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.commune.FactsColumn;
import vn.drugcontrol.service.facts.AdminUnits;
import vn.drugcontrol.service.facts.FactsFormat;
import vn.drugcontrol.service.facts.FactsImporter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The facts hash of stored runs must never change: runs are found again (idempotency) and
 * verified by it. The hashes below were computed by the code before the facts contract
 * was declared once (commit c8a5307); a change to the declaration that changes them
 * breaks every stored run.
 */
class FactsHashTest {

	private static final Path CAO_BANG = Path.of("..", "data-samples", "cao-bang-2025.csv");

	@Test
	void theFirstCommuneOfCaoBang2025HashesAsItAlwaysDid() throws IOException {
		List<CommuneFacts> communes = caoBang();
		assertThat(communes.get(0).communeCode()).isEqualTo("01273");
		assertThat(FactsHash.of(List.of(communes.get(0))))
			.isEqualTo("883d0ef8bafb530acadaf704f468fa29ee58e2c039cb4b0319f2bd780859ccb2");
	}

	@Test
	void theWholeOfCaoBang2025HashesAsItAlwaysDid() throws IOException {
		assertThat(FactsHash.of(caoBang()))
			.isEqualTo("05fbd5b0b542072050d22ffb87082119a1f24fd8fb1a9aca138564c1f059c3bb");
	}

	@Test
	void aDecimalAreaAndBothRoutesHashAsTheyAlwaysDid() {
		CommuneFacts sonLo = new CommuneFacts("01360", "Xã Sơn Lộ", "04", 2025, 6200, 12, 0, 3, 1, 0, 4, 3, 1, 1200,
				new BigDecimal("350.50"), true, true, 7);
		assertThat(FactsHash.of(List.of(sonLo)))
			.isEqualTo("05e3133a1674d505fc768e1f191f7904556c73137ae004b5d1f0bfb740d9c294");
	}

	/** Walks the declaration: a change in any column is a change of the facts. */
	@Test
	void everyColumnOfTheContractIsHashed() throws IOException {
		CommuneFacts first = caoBang().get(0);
		String hash = FactsHash.of(List.of(first));
		for (FactsColumn column : FactsColumn.ALL) {
			Object value = column.valueOf(first);
			Object other = switch (column.kind()) {
				case TEXT -> value + "x";
				case WHOLE_NUMBER -> ((Number) value).longValue() + 1;
				case DECIMAL -> ((BigDecimal) value).add(new BigDecimal("0.5"));
				case BOOLEAN -> !((Boolean) value);
			};
			assertThat(FactsHash.of(List.of(FactsColumn.with(first, column, other)))).as(column.field())
				.isNotEqualTo(hash);
		}
	}

	private static List<CommuneFacts> caoBang() throws IOException {
		try (InputStream in = Files.newInputStream(CAO_BANG)) {
			return new FactsImporter(AdminUnits.load()).read("cao-bang-2025.csv", in, FactsFormat.CSV, null, null, null)
				.communes();
		}
	}

}
