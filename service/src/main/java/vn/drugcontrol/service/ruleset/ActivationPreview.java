package vn.drugcontrol.service.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.engine.ShippedRuleSets;

/**
 * What activating a version would change, before anyone confirms it: for each run of
 * evaluation periods, the version effective now and the one effective after. A version
 * activated for periods {@code from}–{@code to} is effective for all of them (the version
 * activated last wins), and for no other period: the versions it supersedes are those it
 * covers entirely. Reads the database only.
 */
@Component
public class ActivationPreview {

	private final JdbcClient jdbc;

	ActivationPreview(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A version as a preview names it; a null id means no version is active. */
	public record VersionRef(Long id, String name) {
	}

	/**
	 * Periods {@code fromPeriod}–{@code toPeriod} (open when null) change from
	 * {@code before} to {@code after}.
	 */
	public record PeriodChange(int fromPeriod, Integer toPeriod, VersionRef before, VersionRef after) {
	}

	/**
	 * @param changes the runs of periods whose effective version changes, in period
	 * order; empty when the version is already effective for all of them
	 * @param superseded active versions the activation retires (restored on rollback)
	 */
	@Schema(name = "ActivationPreview")
	public record Preview(long versionId, String name, int effectiveFrom, Integer effectiveTo,
			List<PeriodChange> changes, List<VersionRef> superseded) {
	}

	private record Active(long id, String name, int from, Integer to) {

		boolean covers(int period) {
			return from <= period && (to == null || period <= to);
		}

	}

	public Preview of(RuleSetVersion version, Integer effectiveFrom, Integer effectiveTo) {
		int from = effectiveFrom == null ? version.effectiveFrom() : effectiveFrom;
		Integer to = effectiveFrom == null && effectiveTo == null ? version.effectiveTo() : effectiveTo;
		List<Active> active = jdbc.sql("""
				SELECT id, name, effective_from, effective_to FROM rule_set_version WHERE status = 'ACTIVE'
				ORDER BY activated_at DESC, id DESC
				""")
			.query((r, n) -> new Active(r.getLong(1), r.getString(2), r.getInt(3),
					(Integer) r.getObject(4, Integer.class)))
			.list();
		VersionRef after = new VersionRef(version.id(), version.name());
		int last = to == null ? RuleSetVersions.LAST_PERIOD : to;
		List<PeriodChange> changes = new ArrayList<>();
		for (int period = from; period <= last; period++) {
			int p = period;
			VersionRef before = active.stream()
				.filter(a -> a.covers(p))
				.findFirst()
				.map(a -> new VersionRef(a.id(), a.name()))
				.orElse(new VersionRef(null, ShippedRuleSets.DEFAULT));
			if (Objects.equals(before.id(), version.id())) {
				continue;
			}
			PeriodChange previous = changes.isEmpty() ? null : changes.get(changes.size() - 1);
			if (previous != null && previous.before().equals(before) && previous.toPeriod() == p - 1) {
				// the same change as the period before: one run of periods
				changes.set(changes.size() - 1, new PeriodChange(previous.fromPeriod(), p, before, after));
			}
			else {
				changes.add(new PeriodChange(p, p, before, after));
			}
		}
		if (to == null && !changes.isEmpty() && changes.get(changes.size() - 1).toPeriod() == last) {
			// runs to the last period a version may have: open, as the version's own
			// periods
			PeriodChange open = changes.remove(changes.size() - 1);
			changes.add(new PeriodChange(open.fromPeriod(), null, open.before(), open.after()));
		}
		List<VersionRef> superseded = active.stream()
			.filter(a -> a.id() != version.id() && a.from() >= from && (to == null || (a.to() != null && a.to() <= to)))
			.map(a -> new VersionRef(a.id(), a.name()))
			.toList();
		return new Preview(version.id(), version.name(), from, to, List.copyOf(changes), superseded);
	}

}
