package vn.drugcontrol.service.province;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.service.province.PeriodRuns.CommuneClass;
import vn.drugcontrol.service.province.PeriodRuns.PeriodRun;

/**
 * How a province's communes moved between two periods: the from-class × to-class matrix
 * and the lists behind it. The scale runs type I &gt; type II &gt; type III &gt;
 * drug-free; <b>transformed</b> (chuyển hóa, Art. 2) = moved down it, <b>worsened</b>
 * (tái phức tạp) = moved up it; drug-free kept and lost. An UNCLASSIFIED commune is on no
 * scale: it shows in the matrix only.
 *
 * @param matrix from-class → to-class → communes, every class present (zeros included)
 * @param onlyInFrom communes of the earlier run missing from the later one (and the
 * reverse)
 */
public record Transitions(String provinceCode, int fromPeriod, int toPeriod, String ruleSet, long fromRunId,
		long toRunId, Map<Classification, Map<Classification, Integer>> matrix, List<Move> transformed,
		List<Move> worsened, List<Move> drugFreeKept, List<Move> drugFreeLost, List<String> onlyInFrom,
		List<String> onlyInTo) {

	/** One commune's move. */
	public record Move(String communeCode, String communeName, Classification from, Classification to) {
	}

	static Transitions between(PeriodRun from, List<CommuneClass> before, PeriodRun to, List<CommuneClass> after) {
		Map<Classification, Map<Classification, Integer>> matrix = new EnumMap<>(Classification.class);
		for (Classification f : Classification.values()) {
			Map<Classification, Integer> row = new EnumMap<>(Classification.class);
			for (Classification t : Classification.values()) {
				row.put(t, 0);
			}
			matrix.put(f, row);
		}
		Map<String, CommuneClass> earlier = before.stream()
			.collect(Collectors.toMap(CommuneClass::communeCode, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		List<Move> transformed = new ArrayList<>();
		List<Move> worsened = new ArrayList<>();
		List<Move> kept = new ArrayList<>();
		List<Move> lost = new ArrayList<>();
		List<String> onlyInTo = new ArrayList<>();
		for (CommuneClass now : after) {
			CommuneClass then = earlier.remove(now.communeCode());
			if (then == null) {
				onlyInTo.add(now.communeCode());
				continue;
			}
			Classification f = then.classification();
			Classification t = now.classification();
			matrix.get(f).merge(t, 1, Integer::sum);
			Move move = new Move(now.communeCode(), now.communeName(), f, t);
			Integer rf = rank(f);
			Integer rt = rank(t);
			if (rf != null && rt != null && rt < rf) {
				transformed.add(move);
			}
			if (rf != null && rt != null && rt > rf) {
				worsened.add(move);
			}
			if (f == Classification.DRUG_FREE) {
				(t == Classification.DRUG_FREE ? kept : lost).add(move);
			}
		}
		return new Transitions(to.provinceCode(), from.period(), to.period(), to.ruleSetName(), from.runId(),
				to.runId(), matrix, transformed, worsened, kept, lost, List.copyOf(earlier.keySet()), onlyInTo);
	}

	/** Position on the scale, drug-free lowest; null for UNCLASSIFIED. */
	static Integer rank(Classification k) {
		return switch (k) {
			case TYPE_I -> 3;
			case TYPE_II -> 2;
			case TYPE_III -> 1;
			case DRUG_FREE -> 0;
			case UNCLASSIFIED -> null;
		};
	}

}
