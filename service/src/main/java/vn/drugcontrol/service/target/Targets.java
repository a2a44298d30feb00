package vn.drugcontrol.service.target;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.drugcontrol.service.audit.AuditTrail;
import vn.drugcontrol.service.facts.AdminUnits;

/**
 * Yearly drug-free targets: the share of a province's commune-level units (or the
 * country's, scope {@code VN}) to be drug-free by the end of a year. The shipped examples
 * ({@code shipped-targets.csv}: national 20% by 2025 and 50% by 2030, Tuyên Quang 40–100%
 * in 2026–2030) apply unless the table {@code drug_free_target}, set through the API, has
 * a row for the same scope and year.
 */
@Component
public class Targets {

	/** The whole country's scope. */
	public static final String NATIONAL = "VN";

	private final JdbcClient jdbc;

	private final AdminUnits units;

	private final List<Target> shipped;

	private final AuditTrail audit;

	Targets(JdbcClient jdbc, AdminUnits units, AuditTrail audit) {
		this.jdbc = jdbc;
		this.units = units;
		this.audit = audit;
		this.shipped = readShipped();
	}

	/**
	 * @param scope a province code or {@code VN}
	 * @param year by the end of which period
	 * @param drugFreePercent share of commune-level units drug-free, 0–100
	 * @param source who or what set it
	 */
	public record Target(String scope, int year, BigDecimal drugFreePercent, String source) {
	}

	/** The targets of a scope (or all), by scope then year. */
	public List<Target> list(String scope) {
		Map<String, Target> merged = new TreeMap<>();
		shipped.stream().filter(t -> scope == null || t.scope().equals(scope)).forEach(t -> merged.put(key(t), t));
		// read by position: "year", the record's name for target_year, is a reserved word
		// of H2 (the quick start's database) and cannot be the column's alias there
		jdbc.sql("""
				SELECT scope, target_year, drug_free_percent, source FROM drug_free_target
				WHERE (:scope IS NULL OR scope = :scope)
				""")
			.param("scope", scope)
			.query((rs, n) -> new Target(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3), rs.getString(4)))
			.list()
			.forEach(t -> merged.put(key(t), t));
		List<Target> list = new ArrayList<>(merged.values());
		list.sort(Comparator.comparing(Target::scope).thenComparing(Target::year));
		return list;
	}

	/** The province's own target for the year, else the national one. */
	public Optional<Target> applicable(String province, int year) {
		return find(province, year).or(() -> find(NATIONAL, year));
	}

	/**
	 * {@link #applicable(String, int)} among targets already read ({@link #list}
	 * {@code (null)}), for reads that need it for many provinces or years.
	 */
	public static Optional<Target> applicable(List<Target> all, String province, int year) {
		return all.stream()
			.filter(t -> t.year() == year && t.scope().equals(province))
			.findFirst()
			.or(() -> all.stream().filter(t -> t.year() == year && t.scope().equals(NATIONAL)).findFirst());
	}

	/**
	 * The targets ahead of a year for the province: its own years, and the national years
	 * it has none for.
	 */
	public List<Target> ahead(String province, int fromYear) {
		Map<Integer, Target> byYear = new TreeMap<>();
		list(NATIONAL).stream().filter(t -> t.year() >= fromYear).forEach(t -> byYear.put(t.year(), t));
		list(province).stream().filter(t -> t.year() >= fromYear).forEach(t -> byYear.put(t.year(), t));
		return List.copyOf(byYear.values());
	}

	/**
	 * Sets a target, with its {@code TARGET_SET} entry by {@code who} (the value it
	 * replaces included) in the same transaction. Who sets it is who sets it in law: a
	 * province's target is its People's Committee's plan (its approvers, of that province
	 * only); the national one ({@value #NATIONAL}) is the Ministry's to keep. The path
	 * rule of {@code SecurityConfiguration} lets only those two roles through to here.
	 */
	@Transactional
	@PreAuthorize("#scope == 'VN' ? hasRole('MINISTRY') : (hasRole('APPROVER') and @provinceScope.write(#scope))")
	public Target set(String scope, int year, BigDecimal percent, String source, String who) {
		if (!NATIONAL.equals(scope) && units.provinceName(scope).isEmpty()) {
			throw new IllegalArgumentException(
					"scope must be a province code of the 2025 list or " + NATIONAL + ", got \"" + scope + "\"");
		}
		if (year < 2020 || year > 2100) {
			throw new IllegalArgumentException("year must be from 2020 to 2100, got " + year);
		}
		if (percent == null || percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new IllegalArgumentException("drugFreePercent must be from 0 to 100, got " + percent);
		}
		Optional<Target> before = find(scope, year);
		jdbc.sql("DELETE FROM drug_free_target WHERE scope = :scope AND target_year = :year")
			.param("scope", scope)
			.param("year", year)
			.update();
		jdbc.sql("""
				INSERT INTO drug_free_target (scope, target_year, drug_free_percent, source)
				VALUES (:scope, :year, :percent, :source)
				""")
			.param("scope", scope)
			.param("year", year)
			.param("percent", percent)
			.param("source", source)
			.update();
		audit.record(who, AuditTrail.Action.TARGET_SET, "target:" + scope + "/" + year,
				Map.of("scope", scope, "year", year, "drugFreePercent", plain(percent), "source", source,
						"previousPercent", before.map(t -> plain(t.drugFreePercent())).orElse("")));
		return new Target(scope, year, percent, source);
	}

	/** 40, not 40.00 as the column gives it back. */
	private static String plain(BigDecimal percent) {
		return percent.stripTrailingZeros().toPlainString();
	}

	private Optional<Target> find(String scope, int year) {
		return list(scope).stream().filter(t -> t.year() == year).findFirst();
	}

	private static String key(Target t) {
		return t.scope() + "/" + t.year();
	}

	private static List<Target> readShipped() {
		try (InputStream in = Targets.class.getResourceAsStream("shipped-targets.csv")) {
			List<Target> list = new ArrayList<>();
			String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
			for (int i = 1; i < lines.length; i++) {
				if (lines[i].isBlank()) {
					continue;
				}
				String[] cells = lines[i].split(",", 4);
				list.add(new Target(cells[0], Integer.parseInt(cells[1]), new BigDecimal(cells[2]),
						"shipped: " + cells[3]));
			}
			return List.copyOf(list);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
