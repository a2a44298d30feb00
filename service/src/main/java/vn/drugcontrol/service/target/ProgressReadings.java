package vn.drugcontrol.service.target;

import org.springframework.security.access.prepost.PreAuthorize;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.drugcontrol.service.facts.AdminUnits;
import vn.drugcontrol.service.province.PeriodRuns;
import vn.drugcontrol.service.province.PeriodRuns.PeriodRun;
import vn.drugcontrol.service.target.Targets.Target;

/**
 * A province's progress towards its drug-free targets: for each period with a standing
 * run (see {@link PeriodRuns}), the drug-free communes against the target of that year,
 * and the gap in communes; then the targets ahead, measured from the latest period. The
 * denominator is all the province's commune-level units in the 2025 list.
 */
@Component
public class ProgressReadings {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final PeriodRuns periods;

	private final Targets targets;

	private final AdminUnits units;

	ProgressReadings(PeriodRuns periods, Targets targets, AdminUnits units) {
		this.periods = periods;
		this.targets = targets;
		this.units = units;
	}

	/**
	 * @param required drug-free communes the target asks for (rounded up)
	 * @param gapCommunes how many more drug-free communes it takes (0 when met)
	 */
	public record TargetStatus(int year, BigDecimal drugFreePercent, String scope, String source, int required,
			int gapCommunes, boolean met) {
	}

	public record PeriodProgress(int period, long runId, int drugFree, BigDecimal drugFreePercent,
			TargetStatus target) {
	}

	public record Progress(String provinceCode, String provinceName, String ruleSet, int communeUnits,
			List<PeriodProgress> periods, List<TargetStatus> ahead) {
	}

	@PreAuthorize("@provinceScope.read(#province)")
	public Progress of(String province, String ruleSet) {
		int total = units.unitsOf(province).size();
		List<PeriodRun> runs = periods.periods(province, ruleSet);
		// the targets read once, not twice per period
		List<Target> all = targets.list(null);
		List<PeriodProgress> rows = runs.stream()
			.map(r -> new PeriodProgress(r.period(), r.runId(), r.drugFreeCount(), percent(r.drugFreeCount(), total),
					Targets.applicable(all, province, r.period())
						.map(t -> status(t, r.drugFreeCount(), total))
						.orElse(null)))
			.toList();
		int latestYear = runs.isEmpty() ? 0 : runs.get(runs.size() - 1).period();
		int latestDrugFree = runs.isEmpty() ? 0 : runs.get(runs.size() - 1).drugFreeCount();
		List<TargetStatus> ahead = targets.ahead(province, latestYear + 1)
			.stream()
			.map(t -> status(t, latestDrugFree, total))
			.toList();
		return new Progress(province, units.provinceName(province).orElse("?"), periods.ruleSetOrDefault(ruleSet),
				total, rows, ahead);
	}

	/** A target measured: the communes it requires (rounded up) and the gap. */
	public static TargetStatus status(Target t, int drugFree, int total) {
		int required = t.drugFreePercent()
			.multiply(BigDecimal.valueOf(total))
			.divide(HUNDRED, 0, RoundingMode.CEILING)
			.intValueExact();
		int gap = Math.max(0, required - drugFree);
		return new TargetStatus(t.year(), t.drugFreePercent(), t.scope(), t.source(), required, gap, gap == 0);
	}

	/** A share in percent, one decimal. */
	public static BigDecimal percent(int count, int total) {
		return (total == 0) ? BigDecimal.ZERO
				: BigDecimal.valueOf(count)
					.multiply(HUNDRED)
					.divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
	}

}
