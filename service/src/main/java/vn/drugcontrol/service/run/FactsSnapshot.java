package vn.drugcontrol.service.run;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.commune.FactsColumn;

/**
 * A commune's facts exactly as submitted for a run, kept with its decision so the
 * decision can be explained and re-evaluated years later. Spring Data maps it onto the
 * {@code decision} table's columns (embedded in {@link Decision}), so its components stay
 * explicit: they are the facts contract's measures ({@link FactsColumn#MEASURES}) in
 * order, which is checked when the class loads and by {@code FactsDeclaredOnceTest};
 * copying to and from {@link CommuneFacts} goes by the declaration.
 */
public record FactsSnapshot(long population, long managedUsers, long inSubstitutionTreatment, long inCommunityRehab,
		long inPostRehabManagement, long drugUsePoints, long arrestedOffenders, long residentViolators,
		long wantedFugitives, long plantsDestroyed, BigDecimal plantAreaM2, boolean onIntraProvincialRoute,
		boolean onInterProvincialRoute, long heldInCentresOrPrison) {

	static FactsSnapshot of(CommuneFacts f) {
		Object[] args = FactsColumn.MEASURES.stream().map((c) -> c.valueOf(f)).toArray();
		try {
			return Components.CONSTRUCTOR.newInstance(args);
		}
		catch (InstantiationException | IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("snapshot of " + f.communeCode(), ex);
		}
	}

	/** The value of one measure. */
	public Object valueOf(FactsColumn measure) {
		int i = FactsColumn.MEASURES.indexOf(measure);
		if (i < 0) {
			throw new IllegalArgumentException(measure + " is not in the snapshot");
		}
		try {
			return Components.ACCESSORS[i].invoke(this);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException(ex);
		}
	}

	CommuneFacts toFacts(String communeCode, String communeName, String provinceCode, int period) {
		return FactsColumn.facts((c) -> switch (c) {
			case COMMUNE_CODE -> communeCode;
			case COMMUNE_NAME -> communeName;
			case PROVINCE_CODE -> provinceCode;
			case PERIOD -> period;
			default -> valueOf(c);
		});
	}

	/** The components, checked against the declaration's measures. */
	private static final class Components {

		static final Method[] ACCESSORS;

		static final Constructor<FactsSnapshot> CONSTRUCTOR;

		static {
			RecordComponent[] components = FactsSnapshot.class.getRecordComponents();
			List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
			List<String> measures = FactsColumn.MEASURES.stream().map(FactsColumn::field).toList();
			if (!names.equals(measures)) {
				throw new IllegalStateException(
						"FactsSnapshot's components " + names + " are not the facts contract's measures " + measures);
			}
			ACCESSORS = Arrays.stream(components).map(RecordComponent::getAccessor).toArray(Method[]::new);
			try {
				CONSTRUCTOR = FactsSnapshot.class.getDeclaredConstructor(
						Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new));
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
