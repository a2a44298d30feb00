package vn.drugcontrol.rules.commune;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The facts contract ({@code docs/facts-contract.md}), declared once: one constant per
 * column of a commune's facts, in the contract's order, with everything the rest of the
 * product derives from it — the CSV/XLSX header, the JSON field, what it holds and its
 * bounds, the clauses of Decision 28/2025 it serves, the message keys of its label and
 * help text. The importers, the self-assessment form, the exports, the scenario tables,
 * the facts hash and the stored snapshot iterate these constants; none lists the facts by
 * hand.
 *
 * <p>
 * The Drools fact {@link CommuneFacts} keeps its fields explicitly (the rules read them
 * by name): its record components are these columns' {@link #field() fields} in this
 * order, with the types of their {@link #kind() kinds}. That is checked when this class
 * loads (and by {@code FactsColumnTest}), and it lets {@link #valueOf} and {@link #facts}
 * read and build a {@link CommuneFacts} by iteration. Adding a fact:
 * {@code docs/adding-a-fact.md}.
 */
public enum FactsColumn {

	COMMUNE_CODE("commune_code", "communeCode", Kind.TEXT, Role.IDENTITY, true, null, null, null,
			"5-digit code of the xã / phường / đặc khu (2025 list)"),

	COMMUNE_NAME("commune_name", "communeName", Kind.TEXT, Role.IDENTITY, true, null, null, null,
			"name, checked against the code"),

	PROVINCE_CODE("province_code", "provinceCode", Kind.TEXT, Role.IDENTITY, true, null, null, null,
			"2-digit province code"),

	PERIOD("period", "period", Kind.WHOLE_NUMBER, Role.IDENTITY, true, "year", (long) FactsColumn.FIRST_PERIOD,
			(long) FactsColumn.LAST_PERIOD, "evaluation period, e.g. 2025 = 15 Dec 2024 – 14 Dec 2025"),

	POPULATION("population", "population", Kind.WHOLE_NUMBER, Role.MEASURE, true, "people", 1L, FactsColumn.MAX_COUNT,
			"people currently residing; > 0", "4.1.a", "4.1.c", "4.2.a", "4.2.c", "4.3.a", "4.3.b", "5.1", "5.3"),

	MANAGED_USERS("managed_users", "managedUsers", Kind.WHOLE_NUMBER, Role.MEASURE, true, "people", 0L,
			FactsColumn.MAX_COUNT,
			"drug addicts and illegal users with a management record, incl. the three groups below (Art. 4 a)", "4.1.a",
			"4.2.a", "4.3.a", "5.1", "6.1"),

	IN_SUBSTITUTION_TREATMENT("in_substitution_treatment", "inSubstitutionTreatment", Kind.WHOLE_NUMBER, Role.MEASURE,
			true, "people", 0L, FactsColumn.MAX_COUNT, "of those: in opioid substitution treatment (Art. 6.1)", "6.1"),

	IN_COMMUNITY_REHAB("in_community_rehab", "inCommunityRehab", Kind.WHOLE_NUMBER, Role.MEASURE, true, "people", 0L,
			FactsColumn.MAX_COUNT, "of those: in family/community-based rehabilitation (Art. 6.1)", "6.1"),

	IN_POST_REHAB_MANAGEMENT("in_post_rehab_management", "inPostRehabManagement", Kind.WHOLE_NUMBER, Role.MEASURE, true,
			"people", 0L, FactsColumn.MAX_COUNT, "of those: under post-rehabilitation management (Art. 6.1)", "6.1"),

	DRUG_USE_POINTS("drug_use_points", "drugUsePoints", Kind.WHOLE_NUMBER, Role.MEASURE, true, "points", 0L,
			FactsColumn.MAX_COUNT, "points organising or harbouring illegal drug use (Art. 4 b, 6.3)", "4.1.b", "4.2.b",
			"5.2", "6.3"),

	ARRESTED_OFFENDERS("arrested_offenders", "arrestedOffenders", Kind.WHOLE_NUMBER, Role.MEASURE, true, "people", 0L,
			FactsColumn.MAX_COUNT, "drug offenders arrested in the commune (Art. 4 c)", "4.1.c", "4.2.c", "4.3.b",
			"5.3"),

	RESIDENT_VIOLATORS("resident_violators", "residentViolators", Kind.WHOLE_NUMBER, Role.MEASURE, true, "people", 0L,
			FactsColumn.MAX_COUNT, "residents who violated drug law in the commune (Art. 6.2)", "6.2"),

	WANTED_FUGITIVES("wanted_fugitives", "wantedFugitives", Kind.WHOLE_NUMBER, Role.MEASURE, true, "people", 0L,
			FactsColumn.MAX_COUNT, "fugitives wanted for drug crimes hiding in the commune (Art. 6.2)", "6.2"),

	PLANTS_DESTROYED("plants_destroyed", "plantsDestroyed", Kind.WHOLE_NUMBER, Role.MEASURE, true, "plants", 0L,
			FactsColumn.MAX_COUNT, "drug plants found and destroyed (Art. 4 d)", "4.1.d", "4.2.d", "4.3.c", "5.5"),

	PLANT_AREA_M2("plant_area_m2", "plantAreaM2", Kind.DECIMAL, Role.MEASURE, true, "m²", 0L, FactsColumn.MAX_AREA_M2,
			"area of drug plants found and destroyed, m² (Art. 4 d)", "4.1.d", "4.2.d", "4.3.c", "5.5"),

	/** May be left empty or out: derived from the route registry, else false. */
	ON_INTRA_PROVINCIAL_ROUTE("on_intra_provincial_route", "onIntraProvincialRoute", Kind.BOOLEAN, Role.MEASURE, false,
			null, null, null, "lies on an approved intra-provincial key route (Art. 4 đ)", "4.1.đ", "4.2.đ"),

	/** May be left empty or out: derived from the route registry, else false. */
	ON_INTER_PROVINCIAL_ROUTE("on_inter_provincial_route", "onInterProvincialRoute", Kind.BOOLEAN, Role.MEASURE, false,
			null, null, null, "lies on an approved inter-provincial key route (Art. 4 đ, 5.6)", "4.1.đ", "4.2.đ",
			"5.6"),

	/**
	 * May be left empty or out: 0. Recorded, counted in no criterion (the Decision is
	 * silent on them; docs/interpretation.md).
	 */
	HELD_IN_CENTRES_OR_PRISON("held_in_centres_or_prison", "heldInCentresOrPrison", Kind.WHOLE_NUMBER, Role.MEASURE,
			false, "people", 0L, FactsColumn.MAX_COUNT,
			"residents held in compulsory rehabilitation centres or prison at the period's end");

	/**
	 * The largest count a commune can report: ten times Vietnam's population. Any real
	 * count is far below it, and sums over a whole batch (a province's totals) stay far
	 * from a {@code long}'s limit.
	 */
	public static final long MAX_COUNT = 1_000_000_000L;

	/** The largest plant area, m²: 10,000 km², more than any commune's whole area. */
	public static final long MAX_AREA_M2 = 10_000_000_000L;

	/**
	 * The first period: earlier periods may be evaluated under the 2025 criteria, for
	 * comparison and transitions.
	 */
	public static final int FIRST_PERIOD = 2020;

	public static final int LAST_PERIOD = 2100;

	/** What a column holds. */
	public enum Kind {

		/** Text; codes are text too, so that their leading zeros stay. */
		TEXT,

		/** A whole number ≥ 0 (the period: a year). */
		WHOLE_NUMBER,

		/** A decimal ≥ 0 with a dot. */
		DECIMAL,

		/** true / false (also 1/0, yes/no, có/không). */
		BOOLEAN

	}

	/** Whether a column names the commune and period, or states a fact about them. */
	public enum Role {

		/**
		 * Which commune, province and period: the decision's own columns, not part of the
		 * stored snapshot, not entered in the self-assessment form.
		 */
		IDENTITY,

		/**
		 * A fact about the commune in the period: in the snapshot stored with each
		 * decision (a {@code decision} column named as the header), entered in the form.
		 */
		MEASURE

	}

	private final String header;

	private final String field;

	private final Kind kind;

	private final Role role;

	private final boolean required;

	private final String unit;

	private final Long min;

	private final Long max;

	private final String meaning;

	private final List<String> clauses;

	FactsColumn(String header, String field, Kind kind, Role role, boolean required, String unit, Long min, Long max,
			String meaning, String... clauses) {
		this.header = header;
		this.field = field;
		this.kind = kind;
		this.role = role;
		this.required = required;
		this.unit = unit;
		this.min = min;
		this.max = max;
		this.meaning = meaning;
		this.clauses = List.of(clauses);
	}

	/** All columns, in the contract's order. */
	public static final List<FactsColumn> ALL = List.of(values());

	/** The measures: what the snapshot stores and the form asks for, in order. */
	public static final List<FactsColumn> MEASURES = ALL.stream().filter((c) -> c.role == Role.MEASURE).toList();

	/**
	 * The CSV / XLSX header (snake_case); also the column of the {@code decision} table.
	 */
	public String header() {
		return header;
	}

	/** The JSON field (camelCase); also the {@link CommuneFacts} record component. */
	public String field() {
		return field;
	}

	public Kind kind() {
		return kind;
	}

	public Role role() {
		return role;
	}

	/** Whether the column must be present and filled in. */
	public boolean required() {
		return required;
	}

	/**
	 * What a number counts or measures ("people", "m²", …), or null for text and flags.
	 */
	public String unit() {
		return unit;
	}

	/** The smallest value a number may take, or null for text and flags. */
	public Long min() {
		return min;
	}

	/** The largest value a number may take, or null for text and flags. */
	public Long max() {
		return max;
	}

	/** What it means, in a few English words. */
	public String meaning() {
		return meaning;
	}

	/**
	 * The clauses of Decision 28/2025 this fact serves (ids of the clause register
	 * {@code law/clauses.csv}), for help texts: empty for the identifying columns and for
	 * what no criterion counts.
	 */
	public List<String> clauses() {
		return clauses;
	}

	/** The message key of the column's label (messages*.properties of the service). */
	public String labelKey() {
		return "fact." + header;
	}

	/** The message key of the column's help text, which cites its clauses. */
	public String helpKey() {
		return "fact.help." + header;
	}

	/**
	 * The column's value in a commune's facts: a String, Integer, Long, BigDecimal or
	 * Boolean.
	 */
	public Object valueOf(CommuneFacts facts) {
		try {
			return Components.ACCESSORS[ordinal()].invoke(facts);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("reading " + field + " of " + facts, ex);
		}
	}

	/**
	 * The value a column takes when left out: false for a flag, 0 for a count or an area,
	 * null for what must be given.
	 */
	public Object absent() {
		return switch (kind) {
			case BOOLEAN -> Boolean.FALSE;
			case WHOLE_NUMBER -> (role == Role.MEASURE) ? (Object) 0L : null;
			case DECIMAL -> BigDecimal.ZERO;
			case TEXT -> null;
		};
	}

	/**
	 * Builds a commune's facts from a value for each column (numbers of any boxed type, a
	 * {@code null} flag, count or area taking {@link #absent()}).
	 */
	public static CommuneFacts facts(Function<FactsColumn, Object> values) {
		Object[] args = new Object[Components.TYPES.length];
		for (FactsColumn column : ALL) {
			Object value = values.apply(column);
			args[column.ordinal()] = column.convert((value != null) ? value : column.absent());
		}
		try {
			return Components.CONSTRUCTOR.newInstance(args);
		}
		catch (InstantiationException | IllegalAccessException ex) {
			throw new IllegalStateException("building CommuneFacts", ex);
		}
		catch (InvocationTargetException ex) {
			throw (ex.getCause() instanceof RuntimeException r) ? r : new IllegalStateException(ex.getCause());
		}
	}

	/** A commune's facts with one column's value replaced. */
	public static CommuneFacts with(CommuneFacts facts, FactsColumn column, Object value) {
		return facts((c) -> (c == column) ? value : c.valueOf(facts));
	}

	private Object convert(Object value) {
		Class<?> type = Components.TYPES[ordinal()];
		if (value == null) {
			if (type.isPrimitive()) {
				throw new IllegalArgumentException(field + " is required");
			}
			return null;
		}
		if (type == long.class) {
			return ((Number) value).longValue();
		}
		if (type == int.class) {
			return ((Number) value).intValue();
		}
		if (type == BigDecimal.class && !(value instanceof BigDecimal)) {
			return new BigDecimal(value.toString());
		}
		return value;
	}

	/** The type a column's kind is held in, in {@link CommuneFacts}. */
	public boolean fits(Class<?> type) {
		return switch (kind) {
			case TEXT -> type == String.class;
			case WHOLE_NUMBER -> type == long.class || type == int.class;
			case DECIMAL -> type == BigDecimal.class;
			case BOOLEAN -> type == boolean.class;
		};
	}

	/**
	 * {@link CommuneFacts}' components, checked against the declaration once, when the
	 * first value is read or built.
	 */
	private static final class Components {

		static final Method[] ACCESSORS;

		static final Class<?>[] TYPES;

		static final Constructor<CommuneFacts> CONSTRUCTOR;

		static {
			RecordComponent[] components = CommuneFacts.class.getRecordComponents();
			List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
			List<String> fields = ALL.stream().map(FactsColumn::field).toList();
			if (!names.equals(fields)) {
				throw new IllegalStateException(
						"CommuneFacts' components " + names + " are not the facts contract's fields " + fields);
			}
			ACCESSORS = new Method[components.length];
			TYPES = new Class<?>[components.length];
			for (int i = 0; i < components.length; i++) {
				if (!ALL.get(i).fits(components[i].getType())) {
					throw new IllegalStateException("CommuneFacts." + names.get(i) + " is a "
							+ components[i].getType().getSimpleName() + ", not a " + ALL.get(i).kind());
				}
				ACCESSORS[i] = components[i].getAccessor();
				TYPES[i] = components[i].getType();
			}
			try {
				CONSTRUCTOR = CommuneFacts.class.getDeclaredConstructor(TYPES);
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalStateException("CommuneFacts has no canonical constructor", ex);
			}
		}

	}

}
