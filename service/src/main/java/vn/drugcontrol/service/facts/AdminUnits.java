package vn.drugcontrol.service.facts;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The 2025 list of commune-level units (xã, phường, đặc khu) and their 34 provinces, read
 * from {@code vn-admin-units-2025.csv} next to this class. Immutable; {@link #load()}
 * reads the list once.
 */
public final class AdminUnits {

	static final String RESOURCE = "vn-admin-units-2025.csv";

	private final Map<String, AdminUnit> units;

	private final Map<String, String> provinces;

	private final Map<String, List<AdminUnit>> byProvince;

	private AdminUnits(List<AdminUnit> list) {
		Map<String, AdminUnit> units = new LinkedHashMap<>();
		Map<String, String> provinces = new LinkedHashMap<>();
		Map<String, List<AdminUnit>> byProvince = new LinkedHashMap<>();
		for (AdminUnit unit : list) {
			if (units.putIfAbsent(unit.code(), unit) != null) {
				throw new IllegalStateException("Unit code " + unit.code() + " appears twice in " + RESOURCE);
			}
			provinces.putIfAbsent(unit.provinceCode(), unit.provinceName());
			byProvince.computeIfAbsent(unit.provinceCode(), (p) -> new ArrayList<>()).add(unit);
		}
		this.units = Collections.unmodifiableMap(units);
		this.provinces = Collections.unmodifiableMap(provinces);
		byProvince.replaceAll((p, l) -> List.copyOf(l));
		this.byProvince = Collections.unmodifiableMap(byProvince);
	}

	/** The list shipped with the service (read on first use). */
	public static AdminUnits load() {
		return Shipped.LIST;
	}

	/** A list in the format of the shipped one (header row, then one unit a row). */
	static AdminUnits read(Reader reader) throws IOException {
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
		List<AdminUnit> list = new ArrayList<>();
		try (CSVParser parser = format.parse(reader)) {
			for (CSVRecord r : parser) {
				list.add(new AdminUnit(r.get("unit_code").strip(), UnitNames.clean(r.get("unit_name")),
						UnitNames.clean(r.get("unit_type")), r.get("province_code").strip(),
						UnitNames.clean(r.get("province_name")), UnitNames.clean(r.get("unit_name_en"))));
			}
		}
		return new AdminUnits(list);
	}

	public Optional<AdminUnit> find(String code) {
		return Optional.ofNullable((code != null) ? units.get(code.strip()) : null);
	}

	public Optional<String> provinceName(String provinceCode) {
		return Optional.ofNullable((provinceCode != null) ? provinces.get(provinceCode.strip()) : null);
	}

	/** The units of a province in the list's order; empty for an unknown province. */
	public List<AdminUnit> unitsOf(String provinceCode) {
		return (provinceCode != null) ? byProvince.getOrDefault(provinceCode.strip(), List.of()) : List.of();
	}

	/** Province codes and names in the list's order. */
	public Map<String, String> provinces() {
		return provinces;
	}

	/** The number of commune-level units. */
	public int count() {
		return units.size();
	}

	private static final class Shipped {

		static final AdminUnits LIST = readShipped();

		private static AdminUnits readShipped() {
			try (InputStream in = AdminUnits.class.getResourceAsStream(RESOURCE)) {
				if (in == null) {
					throw new IllegalStateException(RESOURCE + " is missing from the classpath");
				}
				return read(new InputStreamReader(in, StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read " + RESOURCE, ex);
			}
		}

	}

}
