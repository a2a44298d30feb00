package vn.drugcontrol.service.ruleset;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.drugcontrol.rules.law.LawBook;
import vn.drugcontrol.service.ruleset.RuleSetVersionProblems.VersionStateException;
import vn.drugcontrol.service.scenario.ScenarioTable;
import vn.drugcontrol.service.system.NotFoundException;

/**
 * The analyst's workbench: drafts started from any version, edited (parameters through a
 * checked form, DRL files, scenario rows or uploaded tables), checked on every save by
 * the upload's own checks ({@link RuleSetVersions#check}: the allow-list, the compiler,
 * the law's files, the scenarios and the class probe), compared with the version they
 * came from, and published as a new version by {@link RuleSetVersions#upload}, the path
 * every upload takes. Rule sets hold no province's data; analysts and administrators
 * only.
 */
@Service
@PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
public class RuleSetDrafts {

	private static final Logger log = LoggerFactory.getLogger(RuleSetDrafts.class);

	/** Checks kept by bundle hash: a page shown again does not compile again. */
	private static final int CHECKS_KEPT = 16;

	private final RuleSetDraftRepository drafts;

	private final RuleSetVersions lifecycle;

	private final ShippedVersions shipped;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Map<String, RuleSetVersions.Checked> checks = Collections
		.synchronizedMap(new LinkedHashMap<>(CHECKS_KEPT, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, RuleSetVersions.Checked> eldest) {
				return size() > CHECKS_KEPT;
			}
		});

	RuleSetDrafts(RuleSetDraftRepository drafts, RuleSetVersions lifecycle, ShippedVersions shipped,
			TransactionTemplate transactions, Optional<Clock> clock) {
		this.drafts = drafts;
		this.lifecycle = lifecycle;
		this.shipped = shipped;
		this.transactions = transactions;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** Starts a draft from a version: a copy of its files, by {@code who}. */
	public long start(long versionId, String who) {
		shipped.ensureStored();
		RuleSetVersion version = lifecycle.find(versionId);
		long id = transactions.execute(tx -> drafts.insert(versionId, who, now(), version.files()));
		log.info("draft {} started from rule set version {} '{}' by {}", id, versionId, version.name(), who);
		return id;
	}

	public RuleSetDraft find(long id) {
		return drafts.find(id).orElseThrow(() -> new NotFoundException("no rule set draft " + id));
	}

	/** The drafts started from a version, published or not. */
	public List<RuleSetDraft.Summary> ofVersion(long versionId) {
		return drafts.search(versionId);
	}

	/** Every draft not yet published. */
	public List<RuleSetDraft.Summary> open() {
		return drafts.search(null);
	}

	/**
	 * The draft checked as an upload of it would be, without storing anything: problems
	 * at their file and line, the scenarios' report, the status it would be published
	 * with.
	 */
	public RuleSetVersions.Checked check(RuleSetDraft draft) {
		Bundle bundle = draft.bundle();
		// under its parent's name: a draft's unchanged rules are the parent's, compiled
		// already
		String name = lifecycle.find(draft.parentVersionId()).name();
		String key = bundle.hash(name);
		RuleSetVersions.Checked kept = checks.get(key);
		if (kept != null) {
			return kept;
		}
		RuleSetVersions.Checked checked = lifecycle.check(bundle, name);
		checks.put(key, checked);
		return checked;
	}

	/** The draft's parameters, one row per dated value (none without the law's files). */
	public List<DraftParameters.Row> parameters(RuleSetDraft draft) {
		return draft.file(LawBook.PARAMETERS).map(f -> DraftParameters.read(f.content())).orElse(List.of());
	}

	/**
	 * Saves the parameters an analyst submitted, once every field is right: else nothing
	 * is saved and the errors say which field of which row is wrong and why.
	 */
	public List<DraftParameters.FieldError> saveParameters(long id, List<DraftParameters.Row> rows, String who) {
		RuleSetDraft draft = editable(id);
		BundleFile file = draft.file(LawBook.PARAMETERS)
			.orElseThrow(() -> new NotFoundException("draft " + id + " has no " + LawBook.PARAMETERS));
		List<DraftParameters.Row> known = DraftParameters.read(file.content());
		List<DraftParameters.FieldError> errors = DraftParameters.check(rows, known);
		if (errors.isEmpty()) {
			put(id, new BundleFile(LawBook.PARAMETERS, BundleFile.Kind.LAW, DraftParameters.write(rows, known)), who);
		}
		return errors;
	}

	/**
	 * Saves a DRL file of the draft (or the law's clause register) as typed; line breaks
	 * as {@code \n}, as the shipped files have them.
	 */
	public void saveText(long id, String path, String text, String who) {
		RuleSetDraft draft = editable(id);
		BundleFile file = draft.file(path)
			.filter(f -> f.kind() == BundleFile.Kind.DRL || f.kind() == BundleFile.Kind.LAW)
			.orElseThrow(() -> new NotFoundException("draft " + id + " has no DRL file " + path));
		String normalised = text.replace("\r\n", "\n");
		put(id, new BundleFile(file.path(), file.kind(), normalised.getBytes(StandardCharsets.UTF_8)), who);
	}

	/** A scenario table's cells, the header first. */
	public List<List<String>> scenarioCells(RuleSetDraft draft, String path) {
		BundleFile file = draft.file(path)
			.filter(f -> f.kind() == BundleFile.Kind.SCENARIO)
			.orElseThrow(() -> new NotFoundException("draft " + draft.id() + " has no scenario table " + path));
		try {
			return ScenarioTable.cells(path, file.content());
		}
		catch (IOException | RuntimeException ex) {
			return List.of();
		}
	}

	/**
	 * Saves a scenario table from the grid: its header and rows, as CSV (a spreadsheet
	 * edited in the grid becomes a CSV table of the same name). Returns its path.
	 */
	public String saveScenarios(long id, String path, List<String> header, List<List<String>> rows, String who) {
		RuleSetDraft draft = editable(id);
		draft.file(path)
			.filter(f -> f.kind() == BundleFile.Kind.SCENARIO)
			.orElseThrow(() -> new NotFoundException("draft " + id + " has no scenario table " + path));
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
			printer.printRecord(header);
			for (List<String> row : rows) {
				if (row.stream().anyMatch(c -> c != null && !c.isBlank())) {
					printer.printRecord(row.stream().map(c -> c == null ? "" : c.strip()).toList());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String csvPath = path.toLowerCase(Locale.ROOT).endsWith(".xlsx")
				? path.substring(0, path.length() - ".xlsx".length()) + ".csv" : path;
		transactions.executeWithoutResult(tx -> {
			if (!csvPath.equals(path)) {
				drafts.deleteFile(id, path);
			}
			drafts.putFile(id,
					new BundleFile(csvPath, BundleFile.Kind.SCENARIO, out.toString().getBytes(StandardCharsets.UTF_8)));
			drafts.touch(id, who, now());
		});
		return csvPath;
	}

	/**
	 * Adds an uploaded scenario table (CSV or XLSX) to the draft under
	 * {@code scenarios/}, replacing the table of the same name. Returns its path.
	 * @throws IllegalArgumentException for any other kind of file
	 */
	public String uploadScenarios(long id, String fileName, byte[] content, String who) {
		editable(id);
		String name = fileName == null ? "" : fileName.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).strip();
		if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,100}\\.(csv|xlsx|CSV|XLSX)")) {
			throw new IllegalArgumentException("a scenario table is a .csv or .xlsx file named with letters, digits, "
					+ "'.', '_' or '-'; got '" + fileName + "'");
		}
		if (content.length > Bundle.MAX_ENTRY_BYTES) {
			throw new BundleTooLargeException(name, name + " is larger than a file of a rule set may be");
		}
		String path = "scenarios/" + name;
		if (LawBook.isLawFile(path) || BundleFile.kindOf(path) != BundleFile.Kind.SCENARIO) {
			throw new IllegalArgumentException(path + " is not a scenario table");
		}
		put(id, new BundleFile(path, BundleFile.Kind.SCENARIO, content), who);
		return path;
	}

	/** What the draft changes in the version it came from. */
	public DraftDiff diff(RuleSetDraft draft) {
		return DraftDiff.of(lifecycle.find(draft.parentVersionId()).files(), draft.files());
	}

	/**
	 * Publishes the draft as a new version through the upload path (the same checks
	 * again, stored with its audit entry by {@code who}); the draft is then kept as it
	 * was, linked to its version, and no longer edited. Refused while the draft has
	 * problems: a draft that does not compile is fixed, not stored as rejected.
	 */
	public RuleSetVersions.Uploaded publish(long id, RuleSetVersions.Metadata meta, String who) {
		RuleSetDraft draft = editable(id);
		RuleSetVersions.Checked checked = check(draft);
		if (!checked.problems().isEmpty()) {
			throw new VersionStateException("draft " + id + " has " + checked.problems().size()
					+ " problem(s) (compile errors, refused constructs or unreadable tables); fix them before publishing");
		}
		RuleSetVersions.Uploaded uploaded = lifecycle.upload(draft.bundle(), meta, who);
		if (!drafts.markPublished(id, uploaded.version().id())) {
			throw new VersionStateException("draft " + id + " was published meanwhile");
		}
		log.info("draft {} published as rule set version {} '{}' ({}) by {}", id, uploaded.version().id(),
				uploaded.version().name(), uploaded.version().status(), who);
		return uploaded;
	}

	private RuleSetDraft editable(long id) {
		RuleSetDraft draft = find(id);
		if (draft.published()) {
			throw new VersionStateException("draft " + id + " was published as rule set version "
					+ draft.publishedVersionId() + " and is no longer edited; start a new draft from that version");
		}
		return draft;
	}

	private void put(long id, BundleFile file, String who) {
		transactions.executeWithoutResult(tx -> {
			drafts.putFile(id, file);
			drafts.touch(id, who, now());
		});
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
