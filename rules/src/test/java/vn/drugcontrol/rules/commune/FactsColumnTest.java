package vn.drugcontrol.rules.commune;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.drugcontrol.rules.engine.FactViolation;
import vn.drugcontrol.rules.engine.FactsContract;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The facts contract's one declaration ({@link FactsColumn}) against what must stay
 * explicit in the rules module: the Drools fact's fields and its builder, and the
 * structural checks that read the declaration's bounds.
 */
class FactsColumnTest {

	@Test
	void theDroolsFactHasOneComponentPerColumnInTheContractsOrderWithTheKindsType() {
		RecordComponent[] components = CommuneFacts.class.getRecordComponents();
		assertThat(Arrays.stream(components).map(RecordComponent::getName).toList())
			.containsExactlyElementsOf(FactsColumn.ALL.stream().map(FactsColumn::field).toList());
		for (int i = 0; i < components.length; i++) {
			assertThat(FactsColumn.ALL.get(i).fits(components[i].getType()))
				.as("CommuneFacts.%s is a %s", components[i].getName(), FactsColumn.ALL.get(i).kind())
				.isTrue();
		}
	}

	@Test
	void theBuilderSetsEveryColumnByTheDeclaration() {
		CommuneFacts.Builder builder = CommuneFacts.builder("00001");
		for (FactsColumn column : FactsColumn.MEASURES) {
			builder.set(column, (column.kind() == FactsColumn.Kind.BOOLEAN) ? (Object) true : column.min() + 1);
		}
		CommuneFacts built = builder.build();
		for (FactsColumn column : FactsColumn.MEASURES) {
			assertThat(column.valueOf(built)).as(column.field())
				.isEqualTo((column.kind() == FactsColumn.Kind.BOOLEAN) ? (Object) true
						: (column.kind() == FactsColumn.Kind.DECIMAL) ? new BigDecimal(column.min() + 1)
								: (Object) (column.min() + 1));
		}
	}

	@Test
	void everyColumnHasADistinctHeaderFieldAndMessageKeys() {
		assertThat(FactsColumn.ALL).extracting(FactsColumn::header)
			.doesNotHaveDuplicates()
			.allMatch((h) -> h.matches("[a-z0-9_]+"));
		assertThat(FactsColumn.ALL).extracting(FactsColumn::field)
			.doesNotHaveDuplicates()
			.allMatch((f) -> f.matches("[a-z][A-Za-z0-9]+"));
		assertThat(FactsColumn.ALL).allSatisfy((c) -> {
			assertThat(c.labelKey()).isEqualTo("fact." + c.header());
			assertThat(c.helpKey()).isEqualTo("fact.help." + c.header());
			assertThat(c.meaning()).isNotBlank();
			if (c.kind() == FactsColumn.Kind.WHOLE_NUMBER || c.kind() == FactsColumn.Kind.DECIMAL) {
				assertThat(c.min()).as("%s's lower bound", c).isNotNull();
				assertThat(c.max()).as("%s's upper bound", c).isNotNull();
				assertThat(c.unit()).as("%s's unit", c).isNotBlank();
			}
		});
	}

	@Test
	void readsAndBuildsEveryColumnByIteration() {
		CommuneFacts facts = new CommuneFacts("01360", "Sơn Lộ", "04", 2025, 6200, 12, 1, 2, 3, 4, 5, 6, 7, 8,
				new BigDecimal("350.5"), true, false, 9);
		Map<FactsColumn, Object> values = new EnumMap<>(FactsColumn.class);
		FactsColumn.ALL.forEach((c) -> values.put(c, c.valueOf(facts)));
		assertThat(values).containsEntry(FactsColumn.PERIOD, 2025)
			.containsEntry(FactsColumn.WANTED_FUGITIVES, 7L)
			.containsEntry(FactsColumn.PLANT_AREA_M2, new BigDecimal("350.5"))
			.containsEntry(FactsColumn.ON_INTRA_PROVINCIAL_ROUTE, true)
			.containsEntry(FactsColumn.HELD_IN_CENTRES_OR_PRISON, 9L);
		assertThat(FactsColumn.facts(values::get)).isEqualTo(facts);
		assertThat(FactsColumn.with(facts, FactsColumn.HELD_IN_CENTRES_OR_PRISON, 0))
			.isEqualTo(CommuneFacts.builder("01360")
				.name("Sơn Lộ")
				.province("04")
				.population(6200)
				.managedUsers(12)
				.inSubstitutionTreatment(1)
				.inCommunityRehab(2)
				.inPostRehabManagement(3)
				.drugUsePoints(4)
				.arrestedOffenders(5)
				.residentViolators(6)
				.wantedFugitives(7)
				.plantsDestroyed(8)
				.plantAreaM2("350.5")
				.onIntraProvincialRoute(true)
				.build());
	}

	@Test
	void leftOutFlagsCountsAndAreasTakeTheirAbsentValue() {
		Map<FactsColumn, Object> values = new EnumMap<>(FactsColumn.class);
		values.put(FactsColumn.COMMUNE_CODE, "01360");
		values.put(FactsColumn.COMMUNE_NAME, "Sơn Lộ");
		values.put(FactsColumn.PROVINCE_CODE, "04");
		values.put(FactsColumn.PERIOD, 2025L);
		values.put(FactsColumn.POPULATION, 100);
		assertThat(FactsColumn.facts(values::get))
			.isEqualTo(CommuneFacts.builder("01360").name("Sơn Lộ").province("04").population(100).build());
	}

	@Test
	void theStructuralChecksReadTheDeclaredLowerBoundOfEveryMeasure() {
		for (FactsColumn column : FactsColumn.MEASURES) {
			if (column.min() == null) {
				continue;
			}
			CommuneFacts valid = CommuneFacts.builder("00001").population(10_000).build();
			CommuneFacts below = FactsColumn.with(valid, column, (column.kind() == FactsColumn.Kind.DECIMAL)
					? new BigDecimal(column.min()).subtract(new BigDecimal("0.01")) : column.min() - 1);
			assertThat(FactsContract.check(List.of(below))).as(column.name())
				.extracting(FactViolation::field)
				.contains(column.field());
		}
	}

}
