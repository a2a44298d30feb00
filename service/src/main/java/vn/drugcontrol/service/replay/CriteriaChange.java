package vn.drugcontrol.service.replay;

import java.util.List;

/**
 * Criteria that moved between two evaluations of a commune.
 *
 * @param gained met now, not before
 * @param lost met before, not now
 */
public record CriteriaChange(List<String> gained, List<String> lost) {

	static CriteriaChange between(List<String> before, List<String> after) {
		return new CriteriaChange(after.stream().filter(id -> !before.contains(id)).toList(),
				before.stream().filter(id -> !after.contains(id)).toList());
	}

	public boolean unchanged() {
		return gained.isEmpty() && lost.isEmpty();
	}

}
