package vn.drugcontrol.service.system;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.commune.FactsColumn;
import vn.drugcontrol.service.facts.FactsColumns;
import vn.drugcontrol.service.facts.ProblemsInVietnamese;

/**
 * The one formatter of numbers, dates and evidence texts for people, in the pages
 * ({@code ${@displayFormat.number(n)}}), the PDF and XLSX reports and the CSV meant for
 * people: Vietnamese writes 36.850 người, 0,521%, 8,5 m², 29/11/2026; English 36,850,
 * 0.521%, 8.5 m². Machine exports (the API's JSON, the CSV for other systems) keep plain
 * machine formats and do not come here. Times are in Vietnam's zone.
 * <p>
 * Evidence is stored as the rules wrote it (numbers with a decimal point, some words in
 * both languages, e.g. {@code 3000 cây/plants; 12.5 m²}): {@link #evidence} shows it in
 * one language with that language's numbers, without changing what it says.
 */
@Component
public class DisplayFormat {

	public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VIETNAM);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(VIETNAM);

	/**
	 * Words the rules write as "Vietnamese/English", longest first so that a longer pair
	 * is replaced before a shorter one inside it.
	 */
	private static final Map<String, String[]> PAIRS = new LinkedHashMap<>();

	static {
		pair("trên tuyến liên tỉnh/on an inter-provincial route", "trên tuyến liên tỉnh",
				"on an inter-provincial route");
		pair("tuyến liên tỉnh/inter-provincial route", "tuyến liên tỉnh", "inter-provincial route");
		pair("tuyến nội tỉnh/intra-provincial route", "tuyến nội tỉnh", "intra-provincial route");
		pair("không trên tuyến/not on a route", "không trên tuyến trọng điểm", "not on a key route");
		pair("trên tuyến/on a key route", "trên tuyến trọng điểm", "on a key route");
		pair("hoặc cao hơn/or higher", "hoặc mức cao hơn", "or a higher band");
		pair("có hồ sơ/with records", "có hồ sơ", "with records");
		pair("miễn trừ/exempt", "được trừ", "exempt");
		pair("vi phạm/violators", "người vi phạm", "violators");
		pair("truy nã/fugitives", "đối tượng truy nã", "fugitives");
		pair("tiêu chí/criteria", "tiêu chí", "criteria");
		pair("cây/plants", "cây", "plants");
		pair("hoặc/or", "hoặc", "or");
		pair("và/and", "và", "and");
	}

	/** What a key-route finding lists: the measures met, by their enum names. */
	private static final Map<String, String[]> MEASURES = Map.of("MANAGED_USERS",
			new String[] { "người nghiện, sử dụng có hồ sơ", "users with records" }, "DRUG_USE_POINTS",
			new String[] { "điểm sử dụng trái phép", "drug-use points" }, "ARRESTED_OFFENDERS",
			new String[] { "đối tượng bị bắt giữ", "offenders arrested" }, "DRUG_PLANTS",
			new String[] { "cây có chứa chất ma túy", "drug plants" }, "KEY_ROUTE",
			new String[] { "tuyến trọng điểm", "key route" }, "KEY_AREA_COMMUNES",
			new String[] { "xã loại I, II", "type I and II communes" }, "USERS_OUTSIDE_EXEMPTIONS",
			new String[] { "người sử dụng ngoài diện được trừ", "users outside the exemptions" },
			"VIOLATORS_AND_FUGITIVES", new String[] { "người vi phạm, đối tượng truy nã", "violators and fugitives" });

	/**
	 * A figure of the evidence: a decimal with a point before % or m² (0.521%, 8.5 m²),
	 * or a whole number; not a clause (4.2.c, 6.1) nor a year.
	 */
	private static final Pattern NUMBER = Pattern
		.compile("(?<![\\d.,])(\\d+)(?:\\.(\\d+)(?= ?(?:%|m²)))?(?![\\d]|\\.\\d|\\.\\p{L})");

	private static final Pattern MEASURE_LIST = Pattern.compile("\\[([A-Z_, ]*)\\]");

	private final MessageSource messages;

	DisplayFormat(MessageSource messages) {
		this.messages = messages;
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, null, LocaleContextHolder.getLocale());
	}

	/**
	 * A rule set's name as people read it: the shipped ones by their reading ("mặc
	 * định"), an analyst's version by the name it was given.
	 */
	public String ruleSetName(String name) {
		return ruleSetName(name, LocaleContextHolder.getLocale());
	}

	/**
	 * A rule set's name as people of a language read it: for files made outside a
	 * request.
	 */
	public String ruleSetName(String name, Locale locale) {
		String label = (name != null) ? messages.getMessage("ruleSet.name." + name, null, null, locale) : null;
		return (label != null) ? label : name;
	}

	/**
	 * A deciding rule's name (English, as the DRL names it) in the page's language: the
	 * class it gives and why (until the clause register names rules, by their article).
	 */
	public String ruleName(String rule) {
		return ruleName(rule, LocaleContextHolder.getLocale());
	}

	/** A deciding rule's name in a language: for files made outside a request. */
	public String ruleName(String rule, Locale locale) {
		if (rule == null) {
			return "";
		}
		Matcher article = RULE_ARTICLE.matcher(rule);
		String key = null;
		if (rule.startsWith("Art. 6 — province")) {
			key = "rule.decides.province.DRUG_FREE";
		}
		else if (rule.startsWith("Province neither")) {
			key = "rule.decides.province.NOT_KEY_AREA";
		}
		else if (article.find()) {
			key = switch (article.group(1)) {
				case "4.1" -> "rule.decides.TYPE_I";
				case "4.2" -> "rule.decides.TYPE_II";
				case "4.3" -> "rule.decides.TYPE_III";
				case "6" -> "rule.decides.DRUG_FREE";
				case "5" -> "rule.decides.province.KEY_AREA";
				default -> null;
			};
		}
		else if (rule.startsWith("No class")) {
			key = "rule.decides.UNCLASSIFIED";
		}
		String label = (key != null) ? messages.getMessage(key, null, null, locale) : null;
		return (label != null) ? label : rule;
	}

	/**
	 * Where a drug-free target comes from, in the page's language: the shipped national
	 * and provincial targets by their words, a target set by someone with the name given.
	 */
	public String targetSource(String source) {
		if (source == null) {
			return "";
		}
		if (source.startsWith("shipped: ")) {
			return targetSource(source.substring("shipped: ".length()));
		}
		Matcher national = NATIONAL_TARGET.matcher(source);
		if (national.matches()) {
			return message("target.source.national", national.group(1), national.group(2));
		}
		Matcher plan = PROVINCE_PLAN.matcher(source);
		if (plan.matches()) {
			return message("target.source.plan", plan.group(1), plan.group(2), plan.group(3));
		}
		Matcher setBy = SET_BY.matcher(source);
		if (setBy.matches()) {
			return (setBy.group(1) != null) ? message("target.source.givenSetBy", setBy.group(1), setBy.group(2))
					: message("target.source.setBy", setBy.group(2));
		}
		return source;
	}

	/**
	 * A column of a facts file as people read it: the fact it holds ("Dân số"); a column
	 * that is not in the contract says so. The header itself is for the technical
	 * details.
	 */
	public String column(String column) {
		if (column == null) {
			return "—";
		}
		String header = FactsColumns.byHeader(column)
			.or(() -> FactsColumns.byField(column))
			.map(FactsColumn::header)
			.orElse(null);
		if (header == null && "communes".equals(column)) {
			return message("upload.errors.communesField");
		}
		String label = (header != null) ? message("fact." + header) : null;
		return (label != null) ? label : message("upload.errors.otherColumn");
	}

	/** An import problem's reason in the page's language (the readers write English). */
	public String problem(String reason) {
		boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
		return english ? reason : ProblemsInVietnamese.of(reason);
	}

	/** Whether the reason reads in the page's language without the technical details. */
	public boolean problemKnown(String reason) {
		return "en".equals(LocaleContextHolder.getLocale().getLanguage()) || ProblemsInVietnamese.known(reason);
	}

	private static final Pattern RULE_ARTICLE = Pattern.compile("^Art\\. (\\d+(?:\\.\\d+)?)\\b");

	private static final Pattern NATIONAL_TARGET = Pattern
		.compile("National target: at least (\\d+)% of commune-level units drug-free by end-(\\d{4})");

	private static final Pattern PROVINCE_PLAN = Pattern
		.compile("(.+) plan: (\\d+)% of communes drug-free in (\\d{4})");

	private static final Pattern SET_BY = Pattern.compile("(?:(.+) \\()?set by ([^)]+)\\)?");

	private static void pair(String stored, String vi, String en) {
		PAIRS.put(stored, new String[] { vi, en });
	}

	/** The time, e.g. 29/11/2026 14:05 (Vietnam's time). */
	public String time(Instant instant) {
		return (instant != null) ? TIME.format(instant) : "";
	}

	/**
	 * The date, e.g. 29/11/2026, in both languages (the console's dates are dd/MM/yyyy).
	 */
	public String date(TemporalAccessor date) {
		return formatDate(date);
	}

	public static String formatDate(TemporalAccessor date) {
		if (date == null) {
			return "";
		}
		return (date instanceof LocalDate d) ? d.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) : DATE.format(date);
	}

	/** A time for people in files (reports, lists): 29/11/2026 14:05, Vietnam's time. */
	public static String formatTime(Instant instant) {
		return (instant != null) ? TIME.format(instant) : "";
	}

	/** The time as ISO-8601, for {@code <time datetime>}. */
	public String iso(Instant instant) {
		return (instant != null) ? instant.toString() : "";
	}

	public String shortHash(String hash) {
		return (hash != null && hash.length() > 12) ? hash.substring(0, 12) : hash;
	}

	/** A number in the page's language: 36.850 and 8,5 in Vietnamese. */
	public String number(Number number) {
		return format(number, LocaleContextHolder.getLocale());
	}

	/** A value of the facts: numbers in the page's language, anything else as it is. */
	public String value(Object value) {
		return (value instanceof Number n) ? number(n) : String.valueOf(value);
	}

	/** A percentage in the page's language: 0,521% in Vietnamese. */
	public String percent(Number number) {
		return (number == null) ? "" : format(number, LocaleContextHolder.getLocale()) + "%";
	}

	/**
	 * A number as people of the language write it: grouping by thousands, the language's
	 * decimal separator, no trailing zeros.
	 */
	public static String format(Number number, Locale locale) {
		if (number == null) {
			return "";
		}
		boolean english = "en".equals(locale.getLanguage());
		DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
		symbols.setGroupingSeparator(english ? ',' : '.');
		symbols.setDecimalSeparator(english ? '.' : ',');
		DecimalFormat format = new DecimalFormat("#,##0.###", symbols);
		format.setMaximumFractionDigits(6);
		if (number instanceof BigDecimal b) {
			return format.format(b.stripTrailingZeros());
		}
		return format.format(number);
	}

	/** Vietnamese numbers: 36.850, 0,521. */
	public static String vi(Number number) {
		return format(number, VIETNAMESE);
	}

	/**
	 * A text of the evidence (a value or a bound as the rules stored it) in the page's
	 * language.
	 */
	public String evidence(String stored) {
		return evidence(stored, LocaleContextHolder.getLocale());
	}

	/**
	 * A text of the evidence in one language: its "Vietnamese/English" pairs reduced to
	 * the language's half, its measures named, its numbers written the language's way. A
	 * number that counts (3000 people) is grouped; a year or a code is left alone only
	 * where it is not a figure of the evidence (evidence holds none).
	 */
	public static String evidence(String stored, Locale locale) {
		if (stored == null) {
			return "";
		}
		int lang = "en".equals(locale.getLanguage()) ? 1 : 0;
		String text = stored;
		for (Map.Entry<String, String[]> pair : PAIRS.entrySet()) {
			text = text.replace(pair.getKey(), pair.getValue()[lang]);
		}
		Matcher list = MEASURE_LIST.matcher(text);
		StringBuilder named = new StringBuilder();
		while (list.find()) {
			StringBuilder names = new StringBuilder();
			for (String measure : list.group(1).split(",\\s*")) {
				if (measure.isBlank()) {
					continue;
				}
				String[] name = MEASURES.get(measure.strip());
				names.append((names.length() > 0) ? ", " : "").append((name != null) ? name[lang] : measure.strip());
			}
			list.appendReplacement(named, Matcher.quoteReplacement((names.length() > 0) ? "(" + names + ")" : ""));
		}
		list.appendTail(named);
		text = named.toString().replace(" ()", "");
		Matcher numbers = NUMBER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (numbers.find()) {
			String whole = numbers.group(1);
			String fraction = numbers.group(2);
			boolean year = fraction == null && whole.length() == 4 && whole.compareTo("1990") >= 0
					&& whole.compareTo("2100") <= 0 && !text.startsWith(" m²", numbers.end())
					&& !text.startsWith(" cây", numbers.end()) && !text.startsWith(")", numbers.end());
			String shown = year ? whole
					: format(new BigDecimal((fraction != null) ? whole + "." + fraction : whole), locale);
			numbers.appendReplacement(out, Matcher.quoteReplacement(shown));
		}
		numbers.appendTail(out);
		return out.toString();
	}

}
