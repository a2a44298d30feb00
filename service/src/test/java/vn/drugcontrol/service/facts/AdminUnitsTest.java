package vn.drugcontrol.service.facts;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdminUnitsTest {

	private final AdminUnits units = AdminUnits.load();

	@Test
	void holdsThe2025List() {
		assertThat(units.count()).isEqualTo(3321);
		assertThat(units.provinces()).hasSize(34);
		assertThat(units.provinceName("04")).hasValue("Cao Bằng");
		assertThat(units.provinceName("99")).isEmpty();
	}

	@Test
	void findsAUnitByItsCode() {
		assertThat(units.find("01360")).hasValue(new AdminUnit("01360", "Sơn Lộ", "Xã", "04", "Cao Bằng", "Son Lo"));
		assertThat(units.find("01999")).isEmpty();
		assertThat(units.find(null)).isEmpty();
	}

	@Test
	void listsTheUnitsOfAProvince() {
		assertThat(units.unitsOf("04")).hasSize(56)
			.allMatch((u) -> u.provinceCode().equals("04"))
			.extracting(AdminUnit::code)
			.contains("01273", "01290", "01360");
		assertThat(units.unitsOf("99")).isEmpty();
	}

	@Test
	void knowsAUnitByTheNamesPeopleWrite() {
		AdminUnit sonLo = units.find("01360").orElseThrow();
		assertThat(sonLo.isNamed("Sơn Lộ")).isTrue();
		assertThat(sonLo.isNamed("  xã  sơn lộ ")).isTrue();
		assertThat(sonLo.isNamed(Normalizer.normalize("Sơn Lộ", Normalizer.Form.NFD))).isTrue();
		assertThat(sonLo.isNamed("Son Lo")).isFalse();
		assertThat(sonLo.isNamed("Phường Sơn Lộ")).isFalse();
		AdminUnit hoaAn = units.find("01654").orElseThrow();
		assertThat(hoaAn.name()).isEqualTo("Hoà An");
		assertThat(hoaAn.isNamed("Hòa An")).isTrue();
	}

}
