package vn.drugcontrol.service.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code classifier.*} setting is a {@code @ConfigurationProperties} record's, with
 * metadata the build generates from its Javadoc (IDEs complete and explain it): each one
 * {@code application.yml} sets is described there, and no code reads one with
 * {@code @Value}.
 */
class ConfigurationMetadataTest {

	@Test
	void everyClassifierSettingOfApplicationYmlIsDescribedInTheGeneratedMetadata() throws IOException {
		Map<String, String> described = classifierMetadata();
		List<String> settings = new ArrayList<>();
		for (var source : new YamlPropertySourceLoader().load("application.yml",
				new ClassPathResource("application.yml"))) {
			Collections.addAll(settings, ((EnumerablePropertySource<?>) source).getPropertyNames());
		}
		List<String> classifier = settings.stream().filter(name -> name.startsWith("classifier.")).toList();

		assertThat(classifier).contains("classifier.limits.max-rows", "classifier.console.pending-uploads.per-user");
		assertThat(classifier).allSatisfy(name -> assertThat(described).as(name).containsKey(name));
		assertThat(described).containsKeys("classifier.default-rule-set", "classifier.rules.watch-dir",
				"classifier.rules.watch-interval", "classifier.cli.command", "classifier.security.local-users");
		assertThat(described).allSatisfy((name, description) -> assertThat(description).as(name).isNotBlank());
	}

	@Test
	void noCodeReadsAClassifierSettingWithValue() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			List<Path> readers = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
				try {
					return Files.readString(p).contains("@Value(\"${classifier.");
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}).toList();
			assertThat(readers).isEmpty();
		}
	}

	/** name → description of the service's own generated metadata. */
	private static Map<String, String> classifierMetadata() throws IOException {
		Map<String, String> described = new HashMap<>();
		var resources = ConfigurationMetadataTest.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json");
		for (URL url : Collections.list(resources)) {
			try (InputStream in = url.openStream()) {
				JsonNode metadata = JsonMapper.builder().build().readTree(in);
				for (JsonNode property : metadata.path("properties")) {
					String name = property.get("name").asString();
					if (name.startsWith("classifier.")) {
						described.put(name, property.path("description").asString(""));
					}
				}
			}
		}
		assertThat(described).as("the service's generated metadata").isNotEmpty();
		return described;
	}

}
