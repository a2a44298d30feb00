package vn.drugcontrol.service.report;

import org.springframework.security.access.prepost.PreAuthorize;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.service.approval.ApprovedClasses;
import vn.drugcontrol.service.facts.AdminUnits;
import vn.drugcontrol.service.province.PeriodRuns;
import vn.drugcontrol.service.province.PeriodRuns.PeriodRun;
import vn.drugcontrol.service.province.ProvinceClassifier;
import vn.drugcontrol.service.province.ProvinceReadings;
import vn.drugcontrol.service.run.Run;
import vn.drugcontrol.service.run.RunReadings;
import vn.drugcontrol.service.run.RunRepository;
import vn.drugcontrol.service.system.NotFoundException;
import vn.drugcontrol.service.target.ProgressReadings;
import vn.drugcontrol.service.system.DisplayFormat;

/**
 * Reads what a report shows: for a run, or for the run standing for a province's period.
 */
@Component
class Reports {

	private final RunRepository runs;

	private final PeriodRuns periods;

	private final ProvinceReadings readings;

	private final ProvinceClassifier provinces;

	private final ProgressReadings progress;

	private final AdminUnits units;

	private final JdbcClient jdbc;

	private final ApprovedClasses approved;

	private final DisplayFormat format;

	private final RunReadings runReadings;

	Reports(RunRepository runs, PeriodRuns periods, ProvinceReadings readings, ProvinceClassifier provinces,
			ProgressReadings progress, AdminUnits units, JdbcClient jdbc, ApprovedClasses approved,
			DisplayFormat format, RunReadings runReadings) {
		this.runReadings = runReadings;
		this.format = format;
		this.approved = approved;
		this.runs = runs;
		this.periods = periods;
		this.readings = readings;
		this.provinces = provinces;
		this.progress = progress;
		this.units = units;
		this.jdbc = jdbc;
	}

	@PreAuthorize("@provinceScope.readRun(#runId)")
	public Report ofRun(long runId) {
		Run run = runs.findById(runId).orElseThrow(() -> new NotFoundException("no run " + runId));
		PeriodRun counts = periods.run(runId).orElseThrow();
		Map<Long, List<String>> gaps = new HashMap<>();
		jdbc.sql("""
				SELECT g.decision_id, g.text_vi FROM decision_gap g JOIN decision d ON d.id = g.decision_id
				WHERE d.run_id = :run ORDER BY g.decision_id, g.position
				""")
			.param("run", runId)
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list()
			.forEach(e -> gaps.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		Map<Classification, List<Report.CommuneLine>> communes = new EnumMap<>(Classification.class);
		jdbc.sql("""
				SELECT d.id, d.commune_code, d.commune_name, c.standing_class, c.recommended_class, c.override_reason,
				       d.criteria_met, d.population, d.managed_users,
				       d.in_substitution_treatment + d.in_community_rehab + d.in_post_rehab_management AS exempt,
				       d.drug_use_points, d.arrested_offenders, d.plants_destroyed, d.plant_area_m2,
				       d.on_intra_provincial_route, d.on_inter_provincial_route
				FROM decision d JOIN decision_class c ON c.decision_id = d.id
				WHERE d.run_id = :run ORDER BY d.commune_code
				""").param("run", runId).query((rs, n) -> {
			Classification k = Classification.valueOf(rs.getString("standing_class"));
			return new Report.CommuneLine(rs.getString("commune_code"), rs.getString("commune_name"), k,
					Classification.valueOf(rs.getString("recommended_class")), rs.getString("override_reason"),
					rs.getString("criteria_met"), rs.getLong("population"), rs.getLong("managed_users"),
					rs.getLong("exempt"), rs.getLong("drug_use_points"), rs.getLong("arrested_offenders"),
					rs.getLong("plants_destroyed"), rs.getBigDecimal("plant_area_m2"),
					rs.getBoolean("on_intra_provincial_route") || rs.getBoolean("on_inter_provincial_route"),
					gaps.getOrDefault(rs.getLong("id"), List.of()));
		}).list().forEach(line -> communes.computeIfAbsent(line.classification(), k -> new ArrayList<>()).add(line));
		return new Report(runId, run.provinceCode(), units.provinceName(run.provinceCode()).orElse("?"), run.period(),
				run.ruleSetName(), format.ruleSetName(run.ruleSetName(), DisplayFormat.VIETNAMESE), run.ruleSetHash(),
				run.engineVersion(), run.startedBy(), run.startedAt(), approved.basisOf(runId), counts,
				provinces.ofRun(runId).orElse(null), communes, readings.transitionsInto(counts).orElse(null),
				periods.periods(run.provinceCode(), run.ruleSetName()),
				progress.of(run.provinceCode(), run.ruleSetName()),
				runReadings.ofRun(runId)
					.flipped()
					.stream()
					.map(sw -> sw.alternatives().stream().anyMatch(RunReadings.Flip::evaluated)
							? runReadings.ofSwitch(runId, sw.id()) : sw)
					.toList());
	}

	/** The report of the run standing for the province's period. */
	@PreAuthorize("@provinceScope.read(#province)")
	public Report ofProvince(String province, int period, String ruleSet) {
		units.provinceName(province).orElseThrow(() -> new NotFoundException("no province " + province));
		PeriodRun run = periods.of(province, period, ruleSet)
			.orElseThrow(() -> new NotFoundException("province " + province + " has no run of rule set '"
					+ periods.ruleSetOrDefault(ruleSet) + "' for period " + period));
		return ofRun(run.runId());
	}

	@PreAuthorize("@provinceScope.read(#province)")
	public List<PeriodRun> trend(String province, String ruleSet) {
		units.provinceName(province).orElseThrow(() -> new NotFoundException("no province " + province));
		return periods.periods(province, ruleSet);
	}

	String provinceName(String province) {
		return units.provinceName(province).orElseThrow(() -> new NotFoundException("no province " + province));
	}

	static BigDecimal zeroIfNull(BigDecimal n) {
		return (n == null) ? BigDecimal.ZERO : n;
	}

}
