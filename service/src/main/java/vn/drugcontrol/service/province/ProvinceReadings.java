package vn.drugcontrol.service.province;

import org.springframework.security.access.prepost.PreAuthorize;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.drugcontrol.service.province.PeriodRuns.PeriodRun;

/**
 * What the province pages read: transitions between two periods' standing runs.
 */
@Component
public class ProvinceReadings {

	private final PeriodRuns periods;

	ProvinceReadings(PeriodRuns periods) {
		this.periods = periods;
	}

	/**
	 * Transitions from one period to another; {@code from} defaults to the latest period
	 * before {@code to}. Empty when either period has no run.
	 */
	@PreAuthorize("@provinceScope.read(#province)")
	public Optional<Transitions> transitions(String province, Integer from, int to, String ruleSet) {
		List<PeriodRun> runs = periods.periods(province, ruleSet);
		Optional<PeriodRun> after = runs.stream().filter(r -> r.period() == to).findFirst();
		Optional<PeriodRun> before = runs.stream()
			.filter(r -> (from != null) ? r.period() == from : r.period() < to)
			.reduce((a, b) -> b);
		if (after.isEmpty() || before.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(Transitions.between(before.get(), periods.classes(before.get().runId()), after.get(),
				periods.classes(after.get().runId())));
	}

	/**
	 * Transitions into a given run from the run standing for the latest earlier period of
	 * the same rule set; empty when there is none.
	 */
	public Optional<Transitions> transitionsInto(PeriodRun to) {
		Optional<PeriodRun> before = periods.periods(to.provinceCode(), to.ruleSetName())
			.stream()
			.filter(r -> r.period() < to.period())
			.reduce((a, b) -> b);
		return before.map(b -> Transitions.between(b, periods.classes(b.runId()), to, periods.classes(to.runId())));
	}

}
