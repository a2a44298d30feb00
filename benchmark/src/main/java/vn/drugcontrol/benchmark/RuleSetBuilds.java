package vn.drugcontrol.benchmark;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.engine.RuleSetSource;
import vn.drugcontrol.rules.engine.ShippedRuleSets;
import vn.drugcontrol.rules.law.LawBook;

/**
 * Rule-set builds from DRL text: how long compiling takes, first in this JVM (classes
 * loaded, nothing JIT-compiled: as at the service's start-up) and then at best of a few
 * repeats, and how much heap the compiled rule set keeps.
 */
final class RuleSetBuilds {

	/** One rule set's build. */
	record Build(String name, int files, int rules, long drlBytes, double firstMs, double bestMs, long retainedBytes) {
	}

	private RuleSetBuilds() {
	}

	/**
	 * The shipped default rule set {@code factor} times over: the original and
	 * {@code factor - 1} copies, each file of a copy in a package of its own
	 * ({@code vn.drugcontrol.rules.generated7}) so that its rules are new rules with the
	 * same conditions: the same kind of DRL, {@code factor} times as much of it.
	 */
	static RuleSetSource generated(int factor) {
		RuleSetSource shipped = ShippedRuleSets.source(ShippedRuleSets.DEFAULT);
		Map<String, String> files = new LinkedHashMap<>(shipped.files());
		for (int copy = 1; copy < factor; copy++) {
			for (Map.Entry<String, String> file : shipped.files().entrySet()) {
				if (LawBook.isLawFile(file.getKey())) {
					// the copies read the same law: one register and one set of
					// parameters
					continue;
				}
				String text = file.getValue()
					.replace("package vn.drugcontrol.rules;", "package vn.drugcontrol.rules.generated" + copy + ";");
				if (text.equals(file.getValue())) {
					throw new IllegalStateException(file.getKey() + " has no package line to rename");
				}
				files.put("generated" + copy + "/" + file.getKey(), text);
			}
		}
		return new RuleSetSource("default-x" + factor, shipped.label() + " ×" + factor, files);
	}

	/** Builds each source once, in order, then {@code repeats} more times each. */
	static List<Build> measure(List<RuleSetSource> sources, int repeats) {
		List<Build> builds = new ArrayList<>();
		for (RuleSetSource source : sources) {
			long before = usedHeapAfterGc();
			long started = System.nanoTime();
			RuleSet kept = RuleSet.compile(source);
			double firstMs = (System.nanoTime() - started) / 1e6;
			long retained = usedHeapAfterGc() - before;
			double best = firstMs;
			for (int i = 0; i < repeats; i++) {
				long t = System.nanoTime();
				RuleSet.compile(source);
				best = Math.min(best, (System.nanoTime() - t) / 1e6);
			}
			builds.add(new Build(source.name(), source.files().size(), rules(source), drlBytes(source), firstMs, best,
					retained));
			if (kept.contentHash().isEmpty()) {
				throw new IllegalStateException("keeps the rule set reachable until measured");
			}
		}
		return builds;
	}

	static long usedHeapAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static int rules(RuleSetSource source) {
		return source.files()
			.values()
			.stream()
			.mapToInt(text -> (int) text.lines().filter(line -> line.startsWith("rule ")).count())
			.sum();
	}

	private static long drlBytes(RuleSetSource source) {
		return source.files()
			.entrySet()
			.stream()
			.filter(f -> !LawBook.isLawFile(f.getKey()))
			.mapToLong(f -> f.getValue().length())
			.sum();
	}

}
