package vn.drugcontrol.service.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's two languages say the same things, and a name filter ignores diacritics.
 */
class ConsoleTextTest {

	@Test
	void everyLabelInBothLanguages() throws IOException {
		Properties vi = load("/messages.properties");
		Properties en = load("/messages_en.properties");

		assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(vi.stringPropertyNames());
		assertThat(vi.getProperty("class.DRUG_FREE")).isEqualTo("Không ma túy");
	}

	@Test
	void namesMatchWithoutDiacritics() {
		assertThat(RunPages.fold("Sơn Lộ")).isEqualTo("son lo");
		assertThat(RunPages.fold("Đức Long")).isEqualTo("duc long");
		assertThat(RunPages.fold("Thục Phán")).contains(RunPages.fold("thuc p"));
	}

	private static Properties load(String resource) throws IOException {
		Properties p = new Properties();
		try (InputStream in = ConsoleTextTest.class.getResourceAsStream(resource)) {
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return p;
	}

}
