package vn.drugcontrol.service.facts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.drugcontrol.rules.commune.FactsColumn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No class of the service lists the commune facts' columns by hand: a second list misses
 * the next fact added to {@link FactsColumn} and silently reads, stores or re-evaluates
 * without it ({@link StoredFacts} reads them all). Found in {@code run/RunReadings},
 * whose re-evaluation of a run's communes under another reading named fourteen columns
 * itself.
 */
class FactsColumnsNotSpelledByHandTest {

	/** Files that name many of the columns for another reason, and why. */
	private static final Map<String, String> ALLOWED = Map.of(
			// the province decision's own table: Art. 5's facts summed over the province
			"province/ProvinceClassifier.java", "the province_decision table's columns",
			// the report prints a chosen few facts per commune, not the contract
			"report/Reports.java", "the report's columns, chosen for people");

	/** Naming this many of the measures in code is a list of the contract. */
	private static final int A_LIST = 6;

	@Test
	void noMainClassListsTheFactsColumns() throws IOException {
		Path main = Path.of("src/main/java/vn/drugcontrol/service");
		Map<String, Integer> found = new TreeMap<>();
		try (Stream<Path> files = Files.walk(main)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String code = Files.readAllLines(file)
					.stream()
					.filter(line -> !line.strip().startsWith("*") && !line.strip().startsWith("//")
							&& !line.strip().startsWith("/*"))
					.collect(Collectors.joining("\n"));
				long named = FactsColumn.MEASURES.stream()
					.filter(c -> Pattern.compile("\\b" + c.header() + "\\b").matcher(code).find())
					.count();
				String name = main.relativize(file).toString().replace('\\', '/');
				if (named >= A_LIST && !ALLOWED.containsKey(name)) {
					found.put(name, (int) named);
				}
			}
		}
		assertThat(found).as("classes naming the facts' columns by hand (use StoredFacts or FactsColumn)").isEmpty();
	}

}
