package vn.drugcontrol.service.approval;

import org.springframework.security.access.prepost.PreAuthorize;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.service.run.Run;

/**
 * "The approved list is the list": once the People's Committee approves a run, a
 * commune's class is the approved one — a confirmed override's, else the rules'
 * recommendation — and that is what counts, lists, exports and reports show, with the
 * recommendation beside it where the two differ.
 * <p>
 * The rule itself is written once, as the views {@code approved_override} and
 * {@code decision_class} ({@link V7__Approved_classes}): lists that are read in SQL (a
 * run's decisions, a commune's history, reports) join {@code decision_class} and read its
 * {@code standing_class}; this class is the Java side of the same views, for a run's
 * counts, one decision, and the question other systems ask.
 */
@Component
public class ApprovedClasses {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final JdbcClient jdbc;

	private final Approvals approvals;

	ApprovedClasses(JdbcClient jdbc, Approvals approvals) {
		this.jdbc = jdbc;
		this.approvals = approvals;
	}

	/**
	 * What a run's list stands on: its approval status and, once approved, the People's
	 * Committee's decision (number and date); until then the list is a draft.
	 */
	public record Basis(ApprovalStatus status, String decisionNumber, LocalDate decisionDate) {

		public boolean approved() {
			return status == ApprovalStatus.APPROVED;
		}

		/**
		 * What the files (exports, reports) say of the list: the approving decision, or
		 * that it is a draft.
		 */
		public String statementVi() {
			return approved()
					? "Danh sách được UBND tỉnh phê duyệt theo Quyết định số " + decisionNumber + " ngày "
							+ DATE.format(decisionDate)
					: "BẢN DỰ THẢO — chưa được UBND tỉnh phê duyệt, chưa phải danh sách chính thức";
		}

	}

	/**
	 * A run's counts per class as its list stands ({@code counts}: approved classes once
	 * approved) and as the rules recommended.
	 */
	public record RunClasses(Basis basis, Map<Classification, Integer> counts,
			Map<Classification, Integer> recommendedCounts) {

		public int count(Classification k) {
			return counts.getOrDefault(k, 0);
		}

	}

	/**
	 * One decision's classes.
	 *
	 * @param standingClass the approved class once the run is approved, else the
	 * recommendation: what lists show
	 * @param approvedClass null until the run is approved
	 * @param overrideReason why the approved class differs from the recommendation
	 */
	public record DecisionClass(long decisionId, long runId, Classification recommendedClass,
			Classification approvedClass, Classification standingClass, String overrideReason) {

		/** The approved class differs from the rules' recommendation. */
		public boolean overridden() {
			return standingClass != recommendedClass;
		}

	}

	/**
	 * A commune's approved class for a period, as other systems ask it.
	 */
	public record ApprovedCommune(String communeCode, String communeName, String provinceCode, int period,
			Classification approvedClass, Classification recommendedClass, boolean overridden, String overrideReason,
			boolean onIntraProvincialRoute, boolean onInterProvincialRoute, long runId, long decisionId,
			String approvalDecisionNumber, LocalDate approvalDecisionDate) {
	}

	@PreAuthorize("@provinceScope.readRun(#runId)")
	public Basis basisOf(long runId) {
		Approvals.Approval a = approvals.of(runId);
		return a.status() == ApprovalStatus.APPROVED ? new Basis(a.status(), a.decisionNumber(), a.decisionDate())
				: new Basis(a.status(), null, null);
	}

	/**
	 * The run's counts: the stored (recommended) counts moved by the overrides in force.
	 * Cheaper than counting a national run's 100,000 decisions on every read, and still
	 * read from the one view that says which overrides are in force.
	 */
	public RunClasses ofRun(Run run) {
		Map<Classification, Integer> recommended = recommended(run);
		return new RunClasses(basisOf(run.id()), counts(run.id(), recommended), recommended);
	}

	/** The counts the run stored: the rules' recommendation. */
	private static Map<Classification, Integer> recommended(Run run) {
		Map<Classification, Integer> counts = new EnumMap<>(Classification.class);
		counts.put(Classification.TYPE_I, run.typeICount());
		counts.put(Classification.TYPE_II, run.typeIICount());
		counts.put(Classification.TYPE_III, run.typeIIICount());
		counts.put(Classification.DRUG_FREE, run.drugFreeCount());
		counts.put(Classification.UNCLASSIFIED, run.unclassifiedCount());
		return counts;
	}

	/** Counts per class as the run's list stands, from the recommendation's counts. */
	public Map<Classification, Integer> counts(long runId, Map<Classification, Integer> recommended) {
		Map<Classification, Integer> counts = new EnumMap<>(Classification.class);
		counts.putAll(recommended);
		for (Map.Entry<Classification, Classification> moved : jdbc
			.sql("SELECT recommended_class, approved_class FROM approved_override WHERE run_id = :run")
			.param("run", runId)
			.query((rs, n) -> Map.entry(Classification.valueOf(rs.getString(1)),
					Classification.valueOf(rs.getString(2))))
			.list()) {
			counts.merge(moved.getKey(), -1, Integer::sum);
			counts.merge(moved.getValue(), 1, Integer::sum);
		}
		return counts;
	}

	/**
	 * {@link #ofRun} for a list of runs the caller has already read (so within its
	 * scope): two queries whatever the number of runs, not two per run.
	 */
	public Map<Long, RunClasses> ofRuns(List<Run> runs) {
		Map<Long, Map<Classification, Integer>> recommended = new LinkedHashMap<>();
		for (Run run : runs) {
			recommended.put(run.id(), recommended(run));
		}
		Map<Long, Basis> bases = basesOf(recommended.keySet());
		Map<Long, Map<Classification, Integer>> standing = counts(recommended);
		Map<Long, RunClasses> classes = new LinkedHashMap<>();
		recommended
			.forEach((run, counts) -> classes.put(run, new RunClasses(bases.get(run), standing.get(run), counts)));
		return classes;
	}

	/** Each run's approval basis (a draft where none is recorded): one query. */
	private Map<Long, Basis> basesOf(Collection<Long> runIds) {
		Map<Long, Basis> bases = new LinkedHashMap<>();
		for (Long run : runIds) {
			bases.put(run, new Basis(ApprovalStatus.DRAFT, null, null));
		}
		for (List<Long> chunk : chunks(runIds)) {
			jdbc.sql("SELECT run_id, status, decision_number, decision_date FROM run_approval WHERE run_id IN (:runs)")
				.param("runs", chunk)
				.query((rs, n) -> {
					ApprovalStatus status = ApprovalStatus.valueOf(rs.getString(2));
					bases.put(rs.getLong(1),
							status == ApprovalStatus.APPROVED
									? new Basis(status, rs.getString(3),
											rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate())
									: new Basis(status, null, null));
					return null;
				})
				.list();
		}
		return bases;
	}

	/**
	 * {@link #counts(long, Map)} for many runs at once (run id → its recommended counts):
	 * one query for the overrides in force of them all.
	 */
	public Map<Long, Map<Classification, Integer>> counts(Map<Long, Map<Classification, Integer>> recommendedByRun) {
		Map<Long, Map<Classification, Integer>> counts = new LinkedHashMap<>();
		recommendedByRun.forEach((run, recommended) -> {
			Map<Classification, Integer> c = new EnumMap<>(Classification.class);
			c.putAll(recommended);
			counts.put(run, c);
		});
		for (List<Long> chunk : chunks(recommendedByRun.keySet())) {
			jdbc.sql("SELECT run_id, recommended_class, approved_class FROM approved_override WHERE run_id IN (:runs)")
				.param("runs", chunk)
				.query((rs, n) -> {
					Map<Classification, Integer> c = counts.get(rs.getLong(1));
					c.merge(Classification.valueOf(rs.getString(2)), -1, Integer::sum);
					c.merge(Classification.valueOf(rs.getString(3)), 1, Integer::sum);
					return null;
				})
				.list();
		}
		return counts;
	}

	/** Ids in lists short enough for an {@code IN} clause; none for none. */
	private static List<List<Long>> chunks(Collection<Long> ids) {
		List<Long> all = List.copyOf(ids);
		List<List<Long>> chunks = new java.util.ArrayList<>();
		for (int i = 0; i < all.size(); i += 500) {
			chunks.add(all.subList(i, Math.min(all.size(), i + 500)));
		}
		return chunks;
	}

	@PreAuthorize("@provinceScope.readDecision(#decisionId)")
	public Optional<DecisionClass> ofDecision(long decisionId) {
		return jdbc.sql("""
				SELECT decision_id, run_id, recommended_class, approved_class, standing_class, override_reason
				FROM decision_class WHERE decision_id = :id""")
			.param("id", decisionId)
			.query(DecisionClass.class)
			.optional();
	}

	/**
	 * The approved classes, read once for every question: a decision of a run the
	 * People's Committee approved, its approved class from {@code decision_class}, the
	 * approving decision, and the approval event that made it (the cursor of what
	 * changed).
	 */
	private static final String APPROVED_COLUMNS = """
			d.commune_code, d.commune_name, d.province_code, d.period, c.approved_class,
			       c.recommended_class, c.override_id IS NOT NULL AS overridden, c.override_reason,
			       d.on_intra_provincial_route, d.on_inter_provincial_route, d.run_id, d.id AS decision_id,
			       a.decision_number AS approval_decision_number, a.decision_date AS approval_decision_date
			""";

	private static final String APPROVED_FROM = """
			FROM decision d
			JOIN decision_class c ON c.decision_id = d.id
			JOIN run_approval a ON a.run_id = d.run_id
			""";

	private static final String APPROVED_COMMUNES = "SELECT " + APPROVED_COLUMNS + APPROVED_FROM;

	/**
	 * The commune's class in the run approved for its province and period (at most one
	 * run is), if any.
	 */
	@PreAuthorize("@provinceScope.readCommune(#communeCode)")
	public Optional<ApprovedCommune> approvedClassOf(String communeCode, int period) {
		List<ApprovedCommune> found = jdbc.sql(APPROVED_COMMUNES + """
				WHERE d.commune_code = :code AND d.period = :period AND c.approved_class IS NOT NULL
				""").param("code", communeCode).param("period", period).query(ApprovedCommune.class).list();
		return found.stream().findFirst();
	}

	/**
	 * An approved commune with the number of the approval event that made its class (the
	 * {@code since} cursor of other systems: what changed after a number).
	 */
	public record ChangedCommune(ApprovedCommune commune, long changeId) {
	}

	/** {@link #ofPeriod}'s query (its rows read are tested, not its time). */
	static final String OF_PERIOD = "SELECT e.id AS change_id, " + APPROVED_COLUMNS + APPROVED_FROM + """
			JOIN approval_event e ON e.run_id = d.run_id AND e.kind = 'RUN_APPROVED'
			WHERE a.period = :period AND a.status = 'APPROVED' AND d.period = :period
			  AND c.approved_class IS NOT NULL AND e.id > :since
			ORDER BY d.province_code, d.commune_code LIMIT :limit OFFSET :offset
			""";

	/**
	 * Every approved class of a period (the runs approved for it, one per province), by
	 * province and commune, whose approval came after the event {@code since} (0: all);
	 * read from the period's approvals ({@code run_approval} by period and status, V18),
	 * not from every approved run of every period; {@code offset} and {@code limit} page
	 * through them. Spans every province: national users only.
	 */
	@PreAuthorize("@provinceScope.national()")
	public List<ChangedCommune> ofPeriod(int period, long since, long offset, int limit) {
		return jdbc.sql(OF_PERIOD)
			.param("period", period)
			.param("since", since)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> new ChangedCommune(commune(rs, 1), rs.getLong(1)))
			.list();
	}

	/**
	 * The approved classes of a period in the named provinces only (e.g. those whose list
	 * the Ministry approved), by province and commune.
	 */
	@PreAuthorize("@provinceScope.national()")
	public List<ApprovedCommune> ofProvinces(int period, Collection<String> provinces) {
		if (provinces.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(APPROVED_COMMUNES + """
				WHERE a.period = :period AND a.status = 'APPROVED' AND a.province_code IN (:provinces)
				  AND d.period = :period AND c.approved_class IS NOT NULL
				ORDER BY d.province_code, d.commune_code
				""")
			.param("period", period)
			.param("provinces", List.copyOf(provinces))
			.query((rs, n) -> commune(rs, 0))
			.list();
	}

	/** How many approved classes {@link #ofPeriod} pages through. */
	@PreAuthorize("@provinceScope.national()")
	public long countOfPeriod(int period, long since) {
		return jdbc.sql("SELECT COUNT(*) FROM (" + APPROVED_COMMUNES + """
				JOIN approval_event e ON e.run_id = d.run_id AND e.kind = 'RUN_APPROVED'
				WHERE a.period = :period AND a.status = 'APPROVED' AND d.period = :period
				  AND c.approved_class IS NOT NULL AND e.id > :since) approved
				""").param("period", period).param("since", since).query(Long.class).single();
	}

	/** The columns of {@link #APPROVED_COLUMNS}, after {@code skip} others. */
	private static ApprovedCommune commune(java.sql.ResultSet rs, int skip) throws java.sql.SQLException {
		int i = skip;
		return new ApprovedCommune(rs.getString(i + 1), rs.getString(i + 2), rs.getString(i + 3), rs.getInt(i + 4),
				Classification.valueOf(rs.getString(i + 5)), Classification.valueOf(rs.getString(i + 6)),
				rs.getBoolean(i + 7), rs.getString(i + 8), rs.getBoolean(i + 9), rs.getBoolean(i + 10),
				rs.getLong(i + 11), rs.getLong(i + 12), rs.getString(i + 13),
				rs.getDate(i + 14) == null ? null : rs.getDate(i + 14).toLocalDate());
	}

}
