package vn.drugcontrol.rules.engine;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps docs/rules-catalogue.md honest: every rule of every shipped rule set is listed
 * with its file, and every test it names exists and runs.
 */
class RulesCatalogueTest {

	private static final Pattern RULE = Pattern.compile("^rule \"(.+)\"", Pattern.MULTILINE);

	private static final Pattern TEST = Pattern.compile("`([A-Za-z_]+(?:\\.[A-Za-z_]+)?)#([A-Za-z_]+)`");

	private static final List<String> TEST_PACKAGES = List.of("commune", "province", "engine", "criteria", "crosscheck",
			"law");

	@Test
	void everyRuleOfEveryShippedRuleSetIsCatalogued() throws IOException {
		Map<String, String> catalogued = catalogue();
		List<String> missing = new ArrayList<>();
		for (String name : ShippedRuleSets.names()) {
			ShippedRuleSets.source(name).files().forEach((file, text) -> {
				Matcher rule = RULE.matcher(text);
				while (rule.find()) {
					if (!file.equals(catalogued.get(rule.group(1) + " @ " + file))) {
						missing.add(name + ": " + file + ": " + rule.group(1));
					}
				}
			});
		}
		assertThat(missing).as("rules missing from docs/rules-catalogue.md").isEmpty();
	}

	@Test
	void everyTestTheCatalogueNamesExistsAndIsEnabled() throws IOException {
		Matcher test = TEST.matcher(Files.readString(catalogueFile(), StandardCharsets.UTF_8));
		List<String> unknown = new ArrayList<>();
		int named = 0;
		while (test.find()) {
			named++;
			Method method = find(test.group(1), test.group(2));
			if (method == null || method.isAnnotationPresent(Disabled.class)) {
				unknown.add(test.group());
			}
		}
		assertThat(named).isGreaterThan(100);
		assertThat(unknown).as("tests named in docs/rules-catalogue.md that do not exist or are disabled").isEmpty();
	}

	/** "rule @ file" → file, from the catalogue's table rows. */
	private static Map<String, String> catalogue() throws IOException {
		Map<String, String> rows = new HashMap<>();
		for (String line : Files.readAllLines(catalogueFile(), StandardCharsets.UTF_8)) {
			if (line.startsWith("| `")) {
				String[] cells = line.split(" \\| ");
				if (cells.length >= 4) {
					String rule = strip(cells[0].substring(2));
					String file = strip(cells[1]);
					rows.put(rule + " @ " + file, file);
				}
			}
		}
		return rows;
	}

	private static String strip(String cell) {
		return cell.strip().replaceAll("^`|`$", "");
	}

	private static Method find(String classPath, String methodName) {
		String binaryName = classPath.replace('.', '$');
		for (String pkg : TEST_PACKAGES) {
			try {
				Class<?> type = Class.forName("vn.drugcontrol.rules." + pkg + "." + binaryName);
				return Arrays.stream(type.getDeclaredMethods())
					.filter(m -> m.getName().equals(methodName))
					.filter(m -> m.isAnnotationPresent(Test.class) || m.isAnnotationPresent(ParameterizedTest.class))
					.findFirst()
					.orElse(null);
			}
			catch (ClassNotFoundException ex) {
				// try the next package
			}
		}
		return null;
	}

	private static Path catalogueFile() {
		Path fromModule = Path.of("..", "docs", "rules-catalogue.md");
		return Files.exists(fromModule) ? fromModule : Path.of("docs", "rules-catalogue.md");
	}

}
