package vn.drugcontrol.service.samples;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.commune.CommuneOutcome;
import vn.drugcontrol.rules.engine.FactsContract;
import vn.drugcontrol.rules.engine.ShippedRuleSets;
import vn.drugcontrol.service.facts.AdminUnit;
import vn.drugcontrol.service.facts.AdminUnits;
import vn.drugcontrol.service.facts.FactsColumns;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files in data-samples/ say what the README says they do, and the generator is
 * deterministic.
 */
class SampleDataTest {

	private static final Path SAMPLES = Path.of("../data-samples");

	/** The 14 communes Cao Bằng recognised drug-free for 2025. */
	private static final Set<String> CAO_BANG_DRUG_FREE_2025 = Set.of("Sơn Lộ", "Ca Thành", "Xuân Trường", "Tam Kim",
			"Cần Yên", "Thanh Long", "Lũng Nặm", "Tổng Cọt", "Bạch Đằng", "Thạch An", "Kim Đồng", "Đức Long",
			"Minh Khai", "Canh Tân");

	private static final AdminUnits UNITS = AdminUnits.load();

	@Nested
	class CaoBang2025 {

		private final List<CommuneFacts> communes = readCsv("cao-bang-2025.csv");

		private final List<CommuneOutcome> outcomes = ShippedRuleSets.defaultReading().classify(communes);

		@Test
		void holdsTheProvincesFiftySixUnitsAsListed() {
			assertThat(communes).hasSize(56).allSatisfy(c -> {
				AdminUnit unit = UNITS.find(c.communeCode()).orElseThrow();
				assertThat(c.communeName()).isEqualTo(unit.name());
				assertThat(c.provinceCode()).isEqualTo("04").isEqualTo(unit.provinceCode());
				assertThat(c.period()).isEqualTo(2025);
			});
			assertThat(communes).map(CommuneFacts::communeCode)
				.containsExactlyElementsOf(UNITS.unitsOf("04").stream().map(AdminUnit::code).toList());
		}

		@Test
		void exactlyTheFourteenRecognisedCommunesAreDrugFree() {
			assertThat(namesOf(communes, outcomes, Classification.DRUG_FREE))
				.containsExactlyInAnyOrderElementsOf(CAO_BANG_DRUG_FREE_2025);
		}

		@Test
		void theOthersSpreadOverTheThreeTypes() {
			Map<Classification, Long> counts = counts(outcomes);
			assertThat(counts.get(Classification.TYPE_I)).isGreaterThanOrEqualTo(3);
			assertThat(counts.get(Classification.TYPE_II)).isGreaterThanOrEqualTo(3);
			assertThat(counts.get(Classification.TYPE_III)).isGreaterThanOrEqualTo(3);
			assertThat(counts.get(Classification.UNCLASSIFIED)).isZero();
		}

		@Test
		void art61ExemptionMattersForSomeDrugFreeCommune() {
			List<CommuneFacts> drugFreeWithUsers = communes.stream()
				.filter(c -> CAO_BANG_DRUG_FREE_2025.contains(c.communeName()) && c.managedUsers() > 0)
				.toList();
			assertThat(drugFreeWithUsers).isNotEmpty()
				.allSatisfy(
						c -> assertThat(c.inSubstitutionTreatment() + c.inCommunityRehab() + c.inPostRehabManagement())
							.isEqualTo(c.managedUsers()));
		}

	}

	@Test
	void caoBang2024IsValidWithFewerDrugFreeCommunes() {
		List<CommuneFacts> communes = readCsv("cao-bang-2024.csv");
		assertThat(FactsContract.check(communes)).isEmpty();
		assertThat(communes).hasSize(56).allSatisfy(c -> assertThat(c.period()).isEqualTo(2024));
		assertThat(communes).map(CommuneFacts::communeCode)
			.containsExactlyElementsOf(readCsv("cao-bang-2025.csv").stream().map(CommuneFacts::communeCode).toList());
		List<CommuneOutcome> outcomes = ShippedRuleSets.defaultReading().classify(communes);
		assertThat(counts(outcomes).get(Classification.UNCLASSIFIED)).isZero();
		assertThat(namesOf(communes, outcomes, Classification.DRUG_FREE)).hasSize(8)
			.isSubsetOf(CAO_BANG_DRUG_FREE_2025);
	}

	@Test
	void runRequestHoldsTheSameCommunesAsTheCsv() throws IOException {
		JsonNode request = JsonMapper.builder().build().readTree(SAMPLES.resolve("run-request.json").toFile());
		assertThat(request.get("provinceCode").asString()).isEqualTo("04");
		assertThat(request.get("period").asInt()).isEqualTo(2025);
		assertThat(fromJson(request.get("communes"))).isEqualTo(normalised(readCsv("cao-bang-2025.csv")));
	}

	@Test
	void evaluationRequestShowsTypeIDrugFreeAndTheLiteralReadingsHole() throws IOException {
		JsonNode request = JsonMapper.builder().build().readTree(SAMPLES.resolve("evaluation-request.json").toFile());
		List<CommuneFacts> communes = fromJson(request.get("communes"));
		List<Classification> byDefault = ShippedRuleSets.defaultReading()
			.classify(communes)
			.stream()
			.map(CommuneOutcome::classification)
			.toList();
		List<Classification> literally = ShippedRuleSets.literalReading()
			.classify(communes)
			.stream()
			.map(CommuneOutcome::classification)
			.toList();
		assertThat(byDefault).containsExactly(Classification.TYPE_I, Classification.DRUG_FREE, Classification.TYPE_II,
				Classification.TYPE_III);
		assertThat(literally.get(2)).isEqualTo(Classification.UNCLASSIFIED);
	}

	@Test
	void badCsvKeepsItsDeliberateErrors() throws IOException {
		List<String> lines = Files.readAllLines(SAMPLES.resolve("cao-bang-2025-bad.csv"), StandardCharsets.UTF_8);
		assertThat(lines.get(0)).startsWith(FactsColumns.csvHeaderLine() + ",");
		assertThat(lines.stream().skip(1).map(l -> l.substring(0, 5)).distinct()).hasSizeLessThan(lines.size() - 1)
			.contains("00004", "01299");
		assertThat(lines).anyMatch(l -> l.contains(",-3,")).anyMatch(l -> l.contains("người,"));
	}

	@Nested
	class Generator {

		@Test
		void isDeterministicForASeed() {
			assertThat(SyntheticFacts.generate(7, 2025)).isEqualTo(SyntheticFacts.generate(7, 2025))
				.isNotEqualTo(SyntheticFacts.generate(8, 2025));
		}

		@Test
		void generatesEveryUnitOfTheListWithPlausibleClasses() {
			List<CommuneFacts> communes = SyntheticFacts.generate(2025, 2025);
			assertThat(communes).hasSize(3321)
				.allSatisfy(c -> assertThat(UNITS.find(c.communeCode())).get()
					.extracting(AdminUnit::provinceCode, AdminUnit::name)
					.containsExactly(c.provinceCode(), c.communeName()));
			assertThat(FactsContract.check(communes)).isEmpty();
			Map<Classification, Long> counts = counts(ShippedRuleSets.defaultReading().classify(communes));
			assertThat(counts.get(Classification.UNCLASSIFIED)).isZero();
			assertThat(counts.get(Classification.DRUG_FREE)).isBetween(664L, 1328L); // 20–40%
			assertThat(counts.get(Classification.TYPE_I)).isPositive().isLessThan(counts.get(Classification.TYPE_II));
			assertThat(counts.get(Classification.TYPE_II)).isLessThan(counts.get(Classification.TYPE_III));
		}

		@Test
		void beyondTheListCodesAreSyntheticAndTheListComesFirst() {
			List<CommuneFacts> communes = SyntheticFacts.generate(2025, 2025, 4000);
			assertThat(communes.subList(0, 3321)).isEqualTo(SyntheticFacts.generate(2025, 2025));
			assertThat(communes.subList(3321, 4000)).allSatisfy(c -> assertThat(c.communeCode()).matches("S\\d{7}"));
			assertThat(FactsContract.check(communes)).isEmpty();
		}

		@Test
		void theCommittedNationalFileIsSeed2025(@TempDir Path dir) throws IOException {
			Path file = dir.resolve("national-2025.csv");
			SyntheticFacts.main(new String[] { file.toString(), "2025" });
			assertThat(file).hasSameTextualContentAs(SAMPLES.resolve("national-2025.csv"));
		}

	}

	private static List<CommuneFacts> readCsv(String name) {
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
		try (Reader reader = Files.newBufferedReader(SAMPLES.resolve(name), StandardCharsets.UTF_8)) {
			List<CommuneFacts> communes = new ArrayList<>();
			for (CSVRecord r : format.parse(reader)) {
				assertThat(r.getParser().getHeaderNames()).isEqualTo(FactsColumns.headers());
				communes.add(CommuneFacts.builder(r.get("commune_code"))
					.name(r.get("commune_name"))
					.province(r.get("province_code"))
					.period(Integer.parseInt(r.get("period")))
					.population(Long.parseLong(r.get("population")))
					.managedUsers(Long.parseLong(r.get("managed_users")))
					.inSubstitutionTreatment(Long.parseLong(r.get("in_substitution_treatment")))
					.inCommunityRehab(Long.parseLong(r.get("in_community_rehab")))
					.inPostRehabManagement(Long.parseLong(r.get("in_post_rehab_management")))
					.drugUsePoints(Long.parseLong(r.get("drug_use_points")))
					.arrestedOffenders(Long.parseLong(r.get("arrested_offenders")))
					.residentViolators(Long.parseLong(r.get("resident_violators")))
					.wantedFugitives(Long.parseLong(r.get("wanted_fugitives")))
					.plantsDestroyed(Long.parseLong(r.get("plants_destroyed")))
					.plantAreaM2(r.get("plant_area_m2"))
					.onIntraProvincialRoute(Boolean.parseBoolean(r.get("on_intra_provincial_route")))
					.onInterProvincialRoute(Boolean.parseBoolean(r.get("on_inter_provincial_route")))
					.heldInCentresOrPrison(Long.parseLong(r.get("held_in_centres_or_prison")))
					.build());
			}
			return communes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<CommuneFacts> fromJson(JsonNode array) {
		List<CommuneFacts> communes = new ArrayList<>();
		for (JsonNode n : array) {
			communes.add(CommuneFacts.builder(n.get("communeCode").asString())
				.name(n.get("communeName").asString())
				.province(n.get("provinceCode").asString())
				.period(n.get("period").asInt())
				.population(n.get("population").asLong())
				.managedUsers(n.get("managedUsers").asLong())
				.inSubstitutionTreatment(n.get("inSubstitutionTreatment").asLong())
				.inCommunityRehab(n.get("inCommunityRehab").asLong())
				.inPostRehabManagement(n.get("inPostRehabManagement").asLong())
				.drugUsePoints(n.get("drugUsePoints").asLong())
				.arrestedOffenders(n.get("arrestedOffenders").asLong())
				.residentViolators(n.get("residentViolators").asLong())
				.wantedFugitives(n.get("wantedFugitives").asLong())
				.plantsDestroyed(n.get("plantsDestroyed").asLong())
				.plantAreaM2(n.get("plantAreaM2").decimalValue().toPlainString())
				.onIntraProvincialRoute(n.get("onIntraProvincialRoute").asBoolean())
				.onInterProvincialRoute(n.get("onInterProvincialRoute").asBoolean())
				.heldInCentresOrPrison(n.get("heldInCentresOrPrison").asLong())
				.build());
		}
		return normalised(communes);
	}

	/** Plant areas compared by value: 610.5 in JSON is 610.5 in CSV, 0 is 0. */
	private static List<CommuneFacts> normalised(List<CommuneFacts> communes) {
		return communes.stream().map(c -> {
			BigDecimal area = c.plantAreaM2().stripTrailingZeros();
			return new CommuneFacts(c.communeCode(), c.communeName(), c.provinceCode(), c.period(), c.population(),
					c.managedUsers(), c.inSubstitutionTreatment(), c.inCommunityRehab(), c.inPostRehabManagement(),
					c.drugUsePoints(), c.arrestedOffenders(), c.residentViolators(), c.wantedFugitives(),
					c.plantsDestroyed(), area.signum() == 0 ? BigDecimal.ZERO : area, c.onIntraProvincialRoute(),
					c.onInterProvincialRoute(), c.heldInCentresOrPrison());
		}).toList();
	}

	private static Map<Classification, Long> counts(List<CommuneOutcome> outcomes) {
		Map<Classification, Long> counts = new EnumMap<>(Classification.class);
		for (Classification c : Classification.values()) {
			counts.put(c, 0L);
		}
		outcomes.forEach(o -> counts.merge(o.classification(), 1L, Long::sum));
		return counts;
	}

	private static List<String> namesOf(List<CommuneFacts> communes, List<CommuneOutcome> outcomes,
			Classification classification) {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < communes.size(); i++) {
			if (outcomes.get(i).classification() == classification) {
				names.add(communes.get(i).communeName());
			}
		}
		return names;
	}

}
