package vn.drugcontrol.service.report;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.service.approval.ApprovalStatus;
import vn.drugcontrol.service.approval.Approvals;
import vn.drugcontrol.service.approval.Approvals.Approval;
import vn.drugcontrol.service.approval.ApprovedClasses;
import vn.drugcontrol.service.approval.SignerPosition;
import vn.drugcontrol.service.audit.AuditTrail;
import vn.drugcontrol.service.facts.AdminUnit;
import vn.drugcontrol.service.facts.AdminUnits;
import vn.drugcontrol.service.report.OfficialDocument.Column;
import vn.drugcontrol.service.report.OfficialDocument.Part;
import vn.drugcontrol.service.report.OfficialDocument.Signature;
import vn.drugcontrol.service.report.OfficialDocument.Table;
import vn.drugcontrol.service.run.Decision;
import vn.drugcontrol.service.run.DecisionRepository;
import vn.drugcontrol.service.run.Run;
import vn.drugcontrol.service.run.RunQueries;
import vn.drugcontrol.service.run.RunQueries.DecisionSummary;
import vn.drugcontrol.service.run.RunRepository;
import vn.drugcontrol.service.system.NotFoundException;
import vn.drugcontrol.service.system.DisplayFormat;
import vn.drugcontrol.service.run.DecisionExplanation;

/**
 * The official documents of a run (issue 17, item 4): the province's list of communes by
 * class — the approved list once the People's Committee approved the run, else the draft
 * — and one commune's decision sheet, each an attachment to the People's Committee's
 * decision ({@link OfficialDocument}). Built once here from the run's list as it stands
 * ({@code decision_class}), the approval record and each decision's plain reason
 * ({@link DecisionExplanation}); the PDF and the print view only lay it out.
 */
@Service
public class OfficialDocuments {

	/** The centrally governed cities (thành phố trực thuộc trung ương) of 2025. */
	private static final Set<String> CITIES = Set.of("01", "31", "46", "48", "79", "92");

	private static final String BLANK = "……";

	private static final List<Classification> ORDER = List.of(Classification.TYPE_I, Classification.TYPE_II,
			Classification.TYPE_III, Classification.DRUG_FREE, Classification.UNCLASSIFIED);

	private static final Map<Classification, String> SECTION = Map.of(Classification.TYPE_I,
			"ĐỊA BÀN TRỌNG ĐIỂM, PHỨC TẠP VỀ MA TÚY LOẠI I", Classification.TYPE_II,
			"ĐỊA BÀN TRỌNG ĐIỂM, PHỨC TẠP VỀ MA TÚY LOẠI II", Classification.TYPE_III,
			"ĐỊA BÀN TRỌNG ĐIỂM, PHỨC TẠP VỀ MA TÚY LOẠI III", Classification.DRUG_FREE, "ĐỊA BÀN KHÔNG MA TÚY",
			Classification.UNCLASSIFIED, "ĐƠN VỊ CHƯA PHÂN LOẠI, CẦN XEM XÉT THÊM");

	private static final Map<Classification, String> CLASS_IN_WORDS = Map.of(Classification.TYPE_I,
			"Địa bàn trọng điểm, phức tạp về ma túy loại I", Classification.TYPE_II,
			"Địa bàn trọng điểm, phức tạp về ma túy loại II", Classification.TYPE_III,
			"Địa bàn trọng điểm, phức tạp về ma túy loại III", Classification.DRUG_FREE, "Địa bàn không ma túy",
			Classification.UNCLASSIFIED, "Chưa phân loại, cần xem xét thêm");

	private static final String[] ROMAN = { "I", "II", "III", "IV", "V" };

	private final RunRepository runs;

	private final DecisionRepository decisions;

	private final RunQueries queries;

	private final Approvals approvals;

	private final ApprovedClasses approved;

	private final AdminUnits units;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	OfficialDocuments(RunRepository runs, DecisionRepository decisions, RunQueries queries, Approvals approvals,
			ApprovedClasses approved, AdminUnits units, MessageSource messages, JdbcClient jdbc, AuditTrail audit) {
		this.audit = audit;
		this.runs = runs;
		this.decisions = decisions;
		this.queries = queries;
		this.approvals = approvals;
		this.approved = approved;
		this.units = units;
		this.messages = messages;
		this.jdbc = jdbc;
	}

	/**
	 * The run's list of communes by class: the approved list once approved, else the
	 * draft (marked so, number, date and signature blank).
	 */
	@PreAuthorize("@provinceScope.readRun(#runId)")
	public OfficialDocument listOf(long runId) {
		Run run = run(runId);
		Approval approval = approvals.of(runId);
		Issuer issuer = issuer(run.provinceCode());
		Map<Classification, List<DecisionSummary>> byClass = new EnumMap<>(Classification.class);
		for (DecisionSummary d : queries.decisionsOf(runId, null)) {
			byClass.computeIfAbsent(d.classification(), k -> new ArrayList<>()).add(d);
		}
		List<Part> parts = new ArrayList<>();
		List<String> counts = new ArrayList<>();
		for (Classification k : ORDER) {
			int n = byClass.getOrDefault(k, List.of()).size();
			if (n > 0 || k != Classification.UNCLASSIFIED) {
				counts.add(DisplayFormat.vi(n) + " " + lowerFirst(CLASS_IN_WORDS.get(k)));
			}
		}
		List<String> intro = new ArrayList<>();
		intro.add("Tổng số " + DisplayFormat.vi(run.communeCount()) + " đơn vị hành chính cấp xã, gồm: "
				+ String.join("; ", counts) + ".");
		intro.add("Kỳ đánh giá " + period(run.period())
				+ ", theo tiêu chí của Quyết định số 28/2025/QĐ-TTg của Thủ tướng Chính phủ.");
		if (approval.status() != ApprovalStatus.APPROVED) {
			intro.add("Bản dự thảo: danh sách chưa được Ủy ban nhân dân " + issuer.ofWhom()
					+ " phê duyệt; các loại là đề xuất theo tiêu chí.");
		}
		parts.add(new Part("summary", null, intro, null));
		int section = 0;
		for (Classification k : ORDER) {
			List<DecisionSummary> communes = byClass.getOrDefault(k, List.of());
			if (communes.isEmpty() && k == Classification.UNCLASSIFIED) {
				continue;
			}
			List<List<String>> rows = new ArrayList<>();
			int n = 1;
			for (DecisionSummary d : communes) {
				rows.add(List.of(String.valueOf(n++), d.communeCode(), unitName(d.communeCode(), d.communeName()),
						reasonOf(d)));
			}
			parts.add(new Part("class-" + k.name().toLowerCase(Locale.ROOT).replace('_', '-'),
					ROMAN[section++] + ". " + SECTION.get(k) + " (" + DisplayFormat.vi(communes.size()) + " đơn vị)",
					communes.isEmpty() ? List.of("Không có đơn vị nào.") : List.of(),
					communes.isEmpty() ? null
							: new Table(List.of(new Column("STT", 0.6f, true), new Column("Mã đơn vị", 1f, true),
									new Column("Tên đơn vị hành chính cấp xã", 2.2f, false),
									new Column("Căn cứ phân loại", 5.2f, false)), rows)));
		}
		String periodYear = String.valueOf(run.period());
		return document("official-list", run, approval, issuer,
				"Danh sách phân loại địa bàn về ma túy — " + issuer.ofWhom() + " — năm " + periodYear,
				"danh-sach-" + run.provinceCode() + "-" + run.period() + "-run-" + runId,
				List.of("DANH SÁCH ĐỊA BÀN TRỌNG ĐIỂM, PHỨC TẠP VỀ MA TÚY",
						"VÀ ĐỊA BÀN KHÔNG MA TÚY " + issuer.upper() + " NĂM " + periodYear),
				parts);
	}

	/** The list of the run the People's Committee approved for the province's period. */
	@PreAuthorize("@provinceScope.read(#province)")
	public OfficialDocument approvedListOf(String province, int period) {
		units.provinceName(province).orElseThrow(() -> new NotFoundException("no province " + province));
		long runId = jdbc.sql("SELECT run_id FROM run_approval WHERE approved_for = :key")
			.param("key", province + "-" + period)
			.query(Long.class)
			.list()
			.stream()
			.findFirst()
			.orElseThrow(
					() -> new NotFoundException("province " + province + " has no approved list for period " + period));
		return listOf(runId);
	}

	/** One commune's decision sheet: its class, the plain reason and its criteria. */
	@PreAuthorize("@provinceScope.readDecision(#decisionId)")
	public OfficialDocument sheetOf(long decisionId) {
		Decision decision = decisions.findById(decisionId)
			.orElseThrow(() -> new NotFoundException("no decision " + decisionId));
		Run run = run(decision.runId());
		Approval approval = approvals.of(run.id());
		Issuer issuer = issuer(run.provinceCode());
		ApprovedClasses.DecisionClass classes = approved.ofDecision(decisionId).orElseThrow();
		DecisionExplanation why = DecisionExplanation.of(decision, messages, DisplayFormat.VIETNAMESE);
		String name = unitName(decision.communeCode(), decision.communeName());
		List<Part> parts = new ArrayList<>();
		parts.add(new Part("unit", "1. Đơn vị được phân loại",
				List.of(name + " (mã " + decision.communeCode() + "), " + issuer.ofWhom() + ".",
						"Kỳ đánh giá " + period(run.period()) + "."),
				null));
		List<String> result = new ArrayList<>();
		result.add(CLASS_IN_WORDS.get(classes.standingClass()) + ".");
		if (classes.overridden()) {
			result.add("Ủy ban nhân dân " + issuer.ofWhom() + " phê duyệt khác với đề xuất theo tiêu chí ("
					+ lowerFirst(CLASS_IN_WORDS.get(classes.recommendedClass())) + "). Lý do: "
					+ classes.overrideReason());
		}
		else if (approval.status() != ApprovalStatus.APPROVED) {
			result.add("Đề xuất theo tiêu chí, chưa được Ủy ban nhân dân " + issuer.ofWhom() + " phê duyệt.");
		}
		parts.add(new Part("result", "2. Kết quả phân loại", result, null));
		List<List<String>> rows = new ArrayList<>();
		for (DecisionExplanation.Criterion c : why.deciding().criteria()) {
			rows.add(List.of(c.id(), c.label(), c.observed(), c.threshold(), c.metText()));
		}
		List<String> reasons = new ArrayList<>();
		reasons.add(why.reason() + ".");
		parts.add(new Part("reason", "3. Căn cứ phân loại", reasons,
				new Table(List.of(new Column("Tiêu chí", 0.9f, true), new Column("Nội dung", 3.4f, false),
						new Column("Số liệu", 2f, false), new Column("Ngưỡng", 1.8f, false),
						new Column("Kết quả", 1.2f, false)), rows)));
		List<String> others = why.others()
			.stream()
			.map(a -> "Tiêu chí " + a.title() + ": đáp ứng " + a.met() + "/" + a.total() + ".")
			.toList();
		if (!others.isEmpty()) {
			parts.add(new Part("others", "4. Tiêu chí của các loại khác", others, null));
		}
		return document("official-sheet", run, approval, issuer,
				"Kết quả phân loại địa bàn về ma túy — " + name + " — năm " + run.period(),
				"ket-qua-" + decision.communeCode() + "-" + run.period() + "-run-" + run.id(),
				List.of("KẾT QUẢ PHÂN LOẠI ĐỊA BÀN VỀ MA TÚY NĂM " + run.period(),
						name.toUpperCase(Locale.ROOT) + ", " + issuer.upper()),
				parts);
	}

	private OfficialDocument document(String kind, Run run, Approval approval, Issuer issuer, String documentTitle,
			String fileName, List<String> title, List<Part> parts) {
		boolean draft = approval.status() != ApprovalStatus.APPROVED;
		String number = draft ? "Số:           /QĐ-UBND" : "Số: " + approval.decisionNumber();
		String placeAndDate = issuer.place() + ", "
				+ (draft ? "ngày " + BLANK + " tháng " + BLANK + " năm " + BLANK : inWords(approval.decisionDate()));
		String attachedTo = "(Kèm theo Quyết định số "
				+ (draft ? BLANK + "/QĐ-UBND ngày " + BLANK
						: approval.decisionNumber() + " ngày " + DisplayFormat.formatDate(approval.decisionDate()))
				+ " của Ủy ban nhân dân " + issuer.ofWhom() + ")";
		boolean vice = !draft && approval.signerPosition() == SignerPosition.VICE_CHAIRMAN;
		Signature signature = new Signature("TM. ỦY BAN NHÂN DÂN", vice ? "KT. CHỦ TỊCH" : null,
				vice ? "PHÓ CHỦ TỊCH" : "CHỦ TỊCH", draft ? null : approval.signerName());
		return new OfficialDocument(kind, run.id(), run.provinceCode(), run.period(), draft, documentTitle, fileName,
				"ỦY BAN NHÂN DÂN", issuer.upper(), number, placeAndDate, "PHỤ LỤC", title, attachedTo, parts,
				signature);
	}

	/**
	 * The document as a PDF, recorded as an {@code EXPORT} entry of the audit trail (who,
	 * which kind, run, province, period, whether a draft) once it is rendered.
	 */
	public byte[] pdf(OfficialDocument document, String who) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		OfficialPdf.write(document, out);
		exported(document, "pdf", who);
		return out.toByteArray();
	}

	/**
	 * The print view was shown: an {@code EXPORT} entry too (it is printed from there).
	 */
	public void exported(OfficialDocument document, String format, String who) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("kind", document.kind());
		details.put("format", format);
		details.put("run", document.runId());
		details.put("province", document.provinceCode());
		details.put("period", document.period());
		details.put("draft", document.draft());
		audit.record(who, AuditTrail.Action.EXPORT, "run:" + document.runId(), details);
	}

	/**
	 * The issuing People's Committee: of a province ("tỉnh Cao Bằng") or of a centrally
	 * governed city ("thành phố Hà Nội"), and the place name of its documents.
	 */
	private record Issuer(String ofWhom, String upper, String place) {
	}

	private Issuer issuer(String provinceCode) {
		String name = units.provinceName(provinceCode).orElse(provinceCode);
		boolean city = CITIES.contains(provinceCode);
		String ofWhom = (city ? "thành phố " : "tỉnh ") + name;
		String place = "79".equals(provinceCode) ? "Thành phố " + name : name;
		return new Issuer(ofWhom, ofWhom.toUpperCase(Locale.ROOT), place);
	}

	/**
	 * "ngày 20 tháng 12 năm 2025"; days below 10 and the months January and February with
	 * a leading zero (Decree 30/2020/NĐ-CP).
	 */
	static String inWords(LocalDate date) {
		String day = (date.getDayOfMonth() < 10 ? "0" : "") + date.getDayOfMonth();
		String month = (date.getMonthValue() < 3 ? "0" : "") + date.getMonthValue();
		return "ngày " + day + " tháng " + month + " năm " + date.getYear();
	}

	/** The period of evaluation: 15 December of the year before to 14 December. */
	private static String period(int period) {
		return "từ ngày 15/12/" + (period - 1) + " đến ngày 14/12/" + period;
	}

	private String unitName(String code, String fallback) {
		return units.find(code).map(AdminUnit::fullName).orElse(fallback);
	}

	/**
	 * The plain reason of one commune of the list: the criteria that gave its class, or
	 * the approved class's own reason where the People's Committee decided otherwise.
	 */
	private String reasonOf(DecisionSummary d) {
		Decision decision = decisions.findById(d.id()).orElseThrow();
		DecisionExplanation why = DecisionExplanation.of(decision, messages, DisplayFormat.VIETNAMESE);
		String because = capitalised(why.because());
		if (!d.overridden()) {
			return because + ".";
		}
		return "Phê duyệt khác đề xuất (đề xuất: " + lowerFirst(CLASS_IN_WORDS.get(d.recommendedClassification()))
				+ "). Lý do: " + d.overrideReason() + ". Theo tiêu chí: " + why.because() + ".";
	}

	private static String lowerFirst(String text) {
		return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
	}

	private static String capitalised(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private Run run(long runId) {
		return runs.findById(runId).orElseThrow(() -> new NotFoundException("no run " + runId));
	}

}
