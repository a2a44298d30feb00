package vn.drugcontrol.service.run;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.swagger.v3.oas.annotations.media.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.commune.CommuneOutcome;
import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.engine.RuleSetCompilationException;
import vn.drugcontrol.rules.ledger.Alternative;
import vn.drugcontrol.rules.ledger.Ledger;
import vn.drugcontrol.rules.ledger.Switch;
import vn.drugcontrol.service.facts.StoredFacts;
import vn.drugcontrol.service.ruleset.CompiledRuleSets;
import vn.drugcontrol.service.ruleset.RuleSetCatalogue;
import vn.drugcontrol.service.system.NotFoundException;

/**
 * The interpretation ledger over a run (issue 15, item 2): for each switch of the ledger
 * with another option, the run's facts classified with the run's reading with that one
 * switch flipped — the same facts, the same law's parameters, the flipped bundle compiled
 * once per JVM by its content hash ({@link CompiledRuleSets}), never per run. Only the
 * counts are stored, with the run ({@code run_reading_alternative}); which communes
 * change is re-evaluated on demand from the decisions' stored facts: a few milliseconds
 * for a province, and nothing per commune to keep or migrate. A flip that cannot be
 * evaluated never fails the run: it is stored as not evaluated, with the reason.
 */
@Component
public class RunReadings {

	private static final Logger log = LoggerFactory.getLogger(RunReadings.class);

	private static final int MAX_TEXT = 1000;

	private final JdbcClient jdbc;

	private final CompiledRuleSets compiled;

	private final RuleSetCatalogue ruleSets;

	private final RunRepository runs;

	/**
	 * A switch over a run with its communes listed ({@link #ofSwitch}): a run's facts,
	 * rules and counts never change once stored, so the list is classified once, not on
	 * every page, report and call (a province's PDF report lists every switch). Bounded:
	 * a list is a few rows per commune that moves.
	 */
	private final Cache<String, SwitchReading> listed = Caffeine.newBuilder().maximumSize(500).build();

	RunReadings(JdbcClient jdbc, CompiledRuleSets compiled, RuleSetCatalogue ruleSets, RunRepository runs) {
		this.jdbc = jdbc;
		this.compiled = compiled;
		this.ruleSets = ruleSets;
		this.runs = runs;
	}

	/** One flip's counts as stored with a run. */
	record Counted(String switchId, String fromOption, String toOption, String alternativeHash, Integer changed,
			Map<Classification, Map<Classification, Integer>> matrix, String notEvaluated) {
	}

	/** A run's reading, switch by switch, and what each other option would change. */
	@Schema(name = "RunReadings")
	public record Readings(long runId, String ruleSetName, String ruleSetHash, int communeCount,
			List<SwitchReading> switches) {

		/** The switches another option of which was evaluated (or tried). */
		public List<SwitchReading> flipped() {
			return switches.stream().filter(s -> !s.alternatives().isEmpty()).toList();
		}

	}

	/**
	 * One switch of the ledger: the option the run's rules take, its sources and who
	 * decided it, and each other option's counts over the run.
	 *
	 * @param option the option the run's rules take, or null when its files show none
	 */
	@Schema(name = "RunSwitchReading")
	public record SwitchReading(String id, String questionVi, String questionEn, String option, String optionVi,
			String optionEn, String sources, String decidedBy, LocalDate decidedOn, List<Flip> alternatives) {
	}

	/**
	 * The run's reading with this switch set to another option.
	 *
	 * @param changed how many communes would change class; null when not evaluated
	 * @param matrix from-class (the run's) → to-class counts of the communes that change
	 * @param notEvaluated why there are no counts, or null
	 * @param alternativeHash the flipped bundle's content hash
	 * @param communes the communes that change, re-evaluated on demand; null unless asked
	 */
	@Schema(name = "RunReadingFlip")
	public record Flip(String option, String optionVi, String optionEn, Integer changed,
			Map<Classification, Map<Classification, Integer>> matrix, String notEvaluated, String alternativeHash,
			List<Change> communes) {

		public boolean evaluated() {
			return changed != null;
		}

	}

	/** A commune whose class the other option changes. */
	@Schema(name = "RunReadingChange")
	public record Change(String communeCode, String communeName, Classification from, Classification to) {
	}

	/**
	 * Every flip of the run's rules over its facts, counted. Never throws: what cannot be
	 * evaluated is counted as not evaluated, with the reason.
	 */
	List<Counted> evaluate(RuleSet ruleSet, List<CommuneFacts> communes, List<CommuneOutcome> outcomes) {
		List<Counted> counted = new ArrayList<>();
		List<Alternative> alternatives;
		try {
			alternatives = Ledger.shipped().alternatives(ruleSet.source(), Ledger::text);
		}
		catch (RuntimeException ex) {
			log.warn("the ledger's alternatives of rule set {} could not be made", ruleSet.name(), ex);
			return counted;
		}
		for (Alternative a : alternatives) {
			String from = a.from() == null ? null : a.from().id();
			String to = a.to() == null ? null : a.to().id();
			if (!a.evaluable()) {
				counted.add(new Counted(a.sw().id(), from, to, null, null, null, a.notEvaluated()));
				continue;
			}
			try {
				List<CommuneOutcome> flipped = compiled.of(a.source()).classify(communes);
				Map<Classification, Map<Classification, Integer>> matrix = new EnumMap<>(Classification.class);
				int changed = 0;
				for (int i = 0; i < outcomes.size(); i++) {
					Classification before = outcomes.get(i).classification();
					Classification after = flipped.get(i).classification();
					if (before != after) {
						changed++;
						matrix.computeIfAbsent(before, k -> new EnumMap<>(Classification.class))
							.merge(after, 1, Integer::sum);
					}
				}
				counted.add(new Counted(a.sw().id(), from, to, a.source().contentHash(), changed, matrix, null));
			}
			catch (RuleSetCompilationException ex) {
				counted.add(new Counted(a.sw().id(), from, to, a.source().contentHash(), null, null,
						"the rules with this option do not compile: " + ex.getMessage()));
			}
			catch (RuntimeException ex) {
				log.warn("rule set {} with {}: {} failed over the run's facts", ruleSet.name(), a.sw().id(), to, ex);
				counted.add(new Counted(a.sw().id(), from, to, a.source().contentHash(), null, null,
						"the rules with this option failed over the run's facts: " + ex.getMessage()));
			}
		}
		return counted;
	}

	/** Stores a run's counts, in the run's transaction. */
	void store(long runId, List<Counted> counted) {
		log.info("run {}: the other readings would change {}", runId, counted.stream()
			.map(c -> c.switchId() + " " + c.fromOption() + " → " + c.toOption() + ": "
					+ (c.changed() == null ? "not evaluated" : c.changed() + " {" + matrixText(c.matrix()) + "}"))
			.toList());
		for (int i = 0; i < counted.size(); i++) {
			Counted c = counted.get(i);
			jdbc.sql("""
					INSERT INTO run_reading_alternative (run_id, position, switch_id, from_option, to_option,
					    alternative_hash, changed_count, change_matrix, not_evaluated)
					VALUES (:run, :position, :switchId, :from, :to, :hash, :changed, :matrix, :reason)
					""")
				.param("run", runId)
				.param("position", i)
				.param("switchId", c.switchId())
				.param("from", c.fromOption())
				.param("to", c.toOption())
				.param("hash", c.alternativeHash())
				.param("changed", c.changed())
				.param("matrix", c.matrix() == null ? null : matrixText(c.matrix()))
				.param("reason", clip(c.notEvaluated()))
				.update();
		}
	}

	/** A run's reading and the stored counts of every other option. */
	@PreAuthorize("@provinceScope.readRun(#runId)")
	public Readings ofRun(long runId) {
		Run run = runs.findById(runId).orElseThrow(() -> new NotFoundException("no run " + runId));
		List<Counted> stored = jdbc.sql("""
				SELECT switch_id, from_option, to_option, alternative_hash, changed_count, change_matrix, not_evaluated
				FROM run_reading_alternative WHERE run_id = :run ORDER BY position
				""").param("run", runId).query(RunReadings::counted).list();
		List<SwitchReading> switches = new ArrayList<>();
		for (Switch s : Ledger.shipped().switches()) {
			List<Counted> mine = stored.stream().filter(c -> c.switchId().equals(s.id())).toList();
			Optional<Switch.Option> taken = s.hasAlternatives()
					? mine.stream().map(Counted::fromOption).filter(o -> o != null).findFirst().flatMap(s::option)
					: Optional.of(s.options().get(0));
			List<Flip> flips = new ArrayList<>();
			if (s.hasAlternatives() && mine.isEmpty()) {
				s.options()
					.stream()
					.filter(o -> taken.isEmpty() || o != taken.get())
					.forEach(o -> flips.add(new Flip(o.id(), o.labelVi(), o.labelEn(), null, null,
							"not evaluated: the run was stored before runs evaluated the ledger's alternatives", null,
							null)));
			}
			for (Counted c : mine) {
				Optional<Switch.Option> to = Optional.ofNullable(c.toOption()).flatMap(s::option);
				flips.add(new Flip(c.toOption(), to.map(Switch.Option::labelVi).orElse(null),
						to.map(Switch.Option::labelEn).orElse(null), c.changed(), c.matrix(), c.notEvaluated(),
						c.alternativeHash(), null));
			}
			switches.add(new SwitchReading(s.id(), s.questionVi(), s.questionEn(),
					taken.map(Switch.Option::id).orElse(null), taken.map(Switch.Option::labelVi).orElse(null),
					taken.map(Switch.Option::labelEn).orElse(null), taken.map(Switch.Option::sources).orElse(null),
					taken.map(Switch.Option::decidedBy).orElse(null), taken.map(Switch.Option::decidedOn).orElse(null),
					flips));
		}
		return new Readings(runId, run.ruleSetName(), run.ruleSetHash(), run.communeCount(), switches);
	}

	/**
	 * One switch over a run, with the communes each other option changes: the run's
	 * stored facts classified again with the flipped rules (compiled once per JVM),
	 * listed only when those rules are the ones the counts were made with.
	 * @throws NotFoundException for a switch the ledger does not have
	 */
	@PreAuthorize("@provinceScope.readRun(#runId)")
	public SwitchReading ofSwitch(long runId, String switchId) {
		SwitchReading cached = listed.getIfPresent(runId + "/" + switchId);
		if (cached != null) {
			return cached;
		}
		SwitchReading reading = listedOf(runId, switchId);
		if (reading.alternatives().stream().allMatch(f -> !f.evaluated() || f.communes() != null)) {
			// only what is final: a list that could not be made is tried again next time
			listed.put(runId + "/" + switchId, reading);
		}
		return reading;
	}

	private SwitchReading listedOf(long runId, String switchId) {
		Readings readings = ofRun(runId);
		SwitchReading reading = readings.switches()
			.stream()
			.filter(s -> s.id().equals(switchId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("no switch '" + switchId + "' in the ledger; there are "
					+ readings.switches().stream().map(SwitchReading::id).toList()));
		if (reading.alternatives().stream().noneMatch(Flip::evaluated)) {
			return reading;
		}
		Optional<RuleSetCatalogue.Pinned> pinned = ruleSets.byContentHash(readings.ruleSetHash(),
				readings.ruleSetName());
		List<Alternative> alternatives = pinned
			.map(p -> Ledger.shipped().alternatives(p.ruleSet().source(), Ledger::text))
			.orElse(List.of());
		List<StoredCommune> stored = null;
		List<Flip> flips = new ArrayList<>();
		for (Flip flip : reading.alternatives()) {
			Optional<Alternative> same = alternatives.stream()
				.filter(a -> a.evaluable() && a.sw().id().equals(switchId) && a.to().id().equals(flip.option())
						&& a.source().contentHash().equals(flip.alternativeHash()))
				.findFirst();
			if (!flip.evaluated() || same.isEmpty()) {
				flips.add(same.isPresent() || !flip.evaluated() ? flip
						: new Flip(flip.option(), flip.optionVi(), flip.optionEn(), flip.changed(), flip.matrix(),
								"the communes cannot be listed: the run's rules or this option's files are no longer "
										+ "the ones counted (" + flip.alternativeHash() + ")",
								flip.alternativeHash(), null));
				continue;
			}
			if (stored == null) {
				stored = storedCommunes(runId);
			}
			List<CommuneOutcome> outcomes = compiled.of(same.get().source())
				.classify(stored.stream().map(StoredCommune::facts).toList());
			List<Change> changes = new ArrayList<>();
			for (int i = 0; i < stored.size(); i++) {
				StoredCommune before = stored.get(i);
				Classification after = outcomes.get(i).classification();
				if (before.classification() != after) {
					changes.add(new Change(before.facts().communeCode(), before.facts().communeName(),
							before.classification(), after));
				}
			}
			flips.add(new Flip(flip.option(), flip.optionVi(), flip.optionEn(), flip.changed(), flip.matrix(),
					flip.notEvaluated(), flip.alternativeHash(), changes));
		}
		return new SwitchReading(reading.id(), reading.questionVi(), reading.questionEn(), reading.option(),
				reading.optionVi(), reading.optionEn(), reading.sources(), reading.decidedBy(), reading.decidedOn(),
				flips);
	}

	private record StoredCommune(CommuneFacts facts, Classification classification) {
	}

	/**
	 * The run's decisions: the facts they saw (the contract's columns) and their class.
	 */
	private List<StoredCommune> storedCommunes(long runId) {
		return jdbc
			.sql("SELECT classification, " + StoredFacts.allColumns(null)
					+ " FROM decision WHERE run_id = :run ORDER BY commune_code")
			.param("run", runId)
			.query((rs, n) -> new StoredCommune(StoredFacts.read(rs),
					Classification.valueOf(rs.getString("classification"))))
			.list();
	}

	private static Counted counted(ResultSet rs, int row) throws SQLException {
		int changed = rs.getInt("changed_count");
		boolean evaluated = !rs.wasNull();
		String matrix = rs.getString("change_matrix");
		return new Counted(rs.getString("switch_id"), rs.getString("from_option"), rs.getString("to_option"),
				rs.getString("alternative_hash"), evaluated ? changed : null, matrix == null ? null : matrixOf(matrix),
				rs.getString("not_evaluated"));
	}

	/** {@code TYPE_II>UNCLASSIFIED:1,TYPE_I>TYPE_II:2}: the off-diagonal cells. */
	static String matrixText(Map<Classification, Map<Classification, Integer>> matrix) {
		StringBuilder s = new StringBuilder();
		matrix.forEach((from, row) -> row.forEach((to, n) -> {
			if (!s.isEmpty()) {
				s.append(',');
			}
			s.append(from.name()).append('>').append(to.name()).append(':').append(n);
		}));
		return s.toString();
	}

	static Map<Classification, Map<Classification, Integer>> matrixOf(String text) {
		Map<Classification, Map<Classification, Integer>> matrix = new EnumMap<>(Classification.class);
		for (String cell : text.split(",")) {
			if (cell.isBlank()) {
				continue;
			}
			int arrow = cell.indexOf('>');
			int colon = cell.indexOf(':');
			matrix
				.computeIfAbsent(Classification.valueOf(cell.substring(0, arrow)),
						k -> new EnumMap<>(Classification.class))
				.put(Classification.valueOf(cell.substring(arrow + 1, colon)),
						Integer.parseInt(cell.substring(colon + 1)));
		}
		return matrix;
	}

	private static String clip(String text) {
		return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
	}

}
