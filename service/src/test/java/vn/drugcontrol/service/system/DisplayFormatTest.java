package vn.drugcontrol.service.system;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one formatter for people: Vietnamese numbers and dates, evidence in one language.
 */
class DisplayFormatTest {

	private final DisplayFormat format = new DisplayFormat(messages());

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void numbersAndDatesTheVietnameseWay() {
		assertThat(DisplayFormat.vi(36850)).isEqualTo("36.850");
		assertThat(DisplayFormat.vi(new BigDecimal("8.50"))).isEqualTo("8,5");
		assertThat(DisplayFormat.vi(new BigDecimal("0.521"))).isEqualTo("0,521");
		assertThat(DisplayFormat.format(36850, Locale.ENGLISH)).isEqualTo("36,850");
		assertThat(format.date(LocalDate.of(2026, 11, 29))).isEqualTo("29/11/2026");
		LocaleContextHolder.setLocale(DisplayFormat.VIETNAMESE);
		assertThat(format.percent(new BigDecimal("0.521"))).isEqualTo("0,521%");
	}

	@Test
	void evidenceInOneLanguageWithItsNumbers() {
		assertThat(DisplayFormat.evidence("0.521% (192/36850)", DisplayFormat.VIETNAMESE))
			.isEqualTo("0,521% (192/36.850)");
		assertThat(DisplayFormat.evidence("0.521% (192/36850)", Locale.ENGLISH)).isEqualTo("0.521% (192/36,850)");
		assertThat(DisplayFormat.evidence("≥ 3000 cây/plants hoặc/or ≥ 750 m²", DisplayFormat.VIETNAMESE))
			.isEqualTo("≥ 3.000 cây hoặc ≥ 750 m²");
		assertThat(DisplayFormat.evidence("1200 cây/plants; 8.5 m²", DisplayFormat.VIETNAMESE))
			.isEqualTo("1.200 cây; 8,5 m²");
		assertThat(DisplayFormat.evidence(
				"tuyến nội tỉnh/intra-provincial route; 2 tiêu chí/criteria [DRUG_USE_POINTS, MANAGED_USERS]",
				DisplayFormat.VIETNAMESE))
			.isEqualTo("tuyến nội tỉnh; 2 tiêu chí (điểm sử dụng trái phép, người nghiện, sử dụng có hồ sơ)");
		assertThat(DisplayFormat.evidence("< 0.1% hoặc cao hơn/or higher", DisplayFormat.VIETNAMESE))
			.isEqualTo("< 0,1% hoặc mức cao hơn");
		// clause numbers and years are the law's, not figures
		assertThat(
				DisplayFormat.evidence("tiêu chí 6.1, 4.2.c, kỳ 2025 (hiện 0.6% (60/10000))", DisplayFormat.VIETNAMESE))
			.isEqualTo("tiêu chí 6.1, 4.2.c, kỳ 2025 (hiện 0,6% (60/10.000))");
	}

	@Test
	void ruleNamesAndTargetSourcesInVietnamese() {
		LocaleContextHolder.setLocale(DisplayFormat.VIETNAMESE);
		assertThat(format
			.ruleName("Art. 4.2 — type II: meets at least 3 of the 5 criteria of Art. 4.2, and is not type I"))
			.startsWith("Khoản 2 Điều 4");
		assertThat(format.targetSource("National target: at least 20% of commune-level units drug-free by end-2025"))
			.isEqualTo("Chỉ tiêu quốc gia: ít nhất 20% số đơn vị cấp xã không ma túy đến cuối năm 2025");
		assertThat(format.ruleSetName("default")).isEqualTo("mặc định");
		assertThat(format.ruleSetName("literal-2026")).isEqualTo("literal-2026");
	}

}
