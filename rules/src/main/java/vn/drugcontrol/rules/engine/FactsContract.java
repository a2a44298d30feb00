package vn.drugcontrol.rules.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.commune.FactsColumn;
import vn.drugcontrol.rules.province.ProvinceFacts;

/**
 * The structural checks of the facts contract that do not depend on a source format: what
 * makes a batch unfit for the rules at all. The bounds are the declaration's
 * ({@link FactsColumn#min()}); only the checks across columns are written here. (Whether
 * a code exists in the 2025 list of units is the importer's check: the rules do not know
 * the list.)
 */
public final class FactsContract {

	private FactsContract() {
	}

	public static List<FactViolation> check(List<CommuneFacts> batch) {
		List<FactViolation> violations = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < batch.size(); i++) {
			CommuneFacts c = batch.get(i);
			String code = c.communeCode();
			if (code == null || code.isBlank()) {
				violations.add(new FactViolation(i, code, "communeCode", "is required"));
			}
			else if (!seen.add(code)) {
				violations.add(new FactViolation(i, code, "communeCode", "appears more than once in the batch"));
			}
			for (FactsColumn column : FactsColumn.MEASURES) {
				String problem = belowMinimum(column, column.valueOf(c));
				if (problem != null) {
					violations.add(new FactViolation(i, code, column.field(), problem));
				}
			}
			long exempt = exemptGroups(c);
			if (exempt > c.managedUsers()) {
				violations.add(new FactViolation(i, code, "managedUsers",
						"the exempt groups (substitution treatment + community rehab + post-rehab management = "
								+ exempt + ") exceed the users with records (" + c.managedUsers() + ")"));
			}
		}
		return violations;
	}

	/**
	 * The three exempt groups together; a sum beyond a long is more than any count of
	 * users.
	 */
	private static long exemptGroups(CommuneFacts c) {
		try {
			return Math.addExact(Math.addExact(c.inSubstitutionTreatment(), c.inCommunityRehab()),
					c.inPostRehabManagement());
		}
		catch (ArithmeticException overflow) {
			return Long.MAX_VALUE;
		}
	}

	/**
	 * What makes a province's facts unfit for Art. 5 and 6: rates need a population and
	 * units.
	 */
	public static List<FactViolation> check(ProvinceFacts p) {
		List<FactViolation> violations = new ArrayList<>();
		if (p.population() <= 0) {
			violations.add(new FactViolation(0, p.provinceCode(), "population", "must be greater than 0"));
		}
		if (p.communeUnits() <= 0) {
			violations.add(new FactViolation(0, p.provinceCode(), "communeUnits", "must be greater than 0"));
		}
		if (p.typeIAndIICommunes() > p.communeUnits()) {
			violations.add(new FactViolation(0, p.provinceCode(), "typeIAndIICommunes",
					"cannot exceed the province's commune-level units (" + p.communeUnits() + ")"));
		}
		return violations;
	}

	/**
	 * Why a number is below its column's minimum (the declaration's bounds), or null. The
	 * upper bounds are the importers': a value built in code may exceed them.
	 */
	private static String belowMinimum(FactsColumn column, Object value) {
		if (column.min() == null || !(value instanceof Number n)) {
			return null;
		}
		BigDecimal v = (n instanceof BigDecimal d) ? d : BigDecimal.valueOf(n.longValue());
		if (v.compareTo(BigDecimal.valueOf(column.min())) >= 0) {
			return null;
		}
		return (column.min() == 0) ? "must not be negative" : "must be greater than " + (column.min() - 1);
	}

}
