package vn.drugcontrol.service.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.service.approval.ApprovedClasses.Basis;
import vn.drugcontrol.service.province.PeriodRuns.PeriodRun;
import vn.drugcontrol.service.province.ProvinceDecision;
import vn.drugcontrol.service.province.Transitions;
import vn.drugcontrol.service.run.RunReadings;
import vn.drugcontrol.service.target.ProgressReadings.Progress;
import vn.drugcontrol.service.system.DisplayFormat;

/**
 * Everything one report shows, read once from the database: a run, what its list stands
 * on (approved by the People's Committee, or a draft), its province decision, its
 * communes by class (approved classes once approved), the transitions from the previous
 * period, the province's periods and its progress towards targets, and what each other
 * reading of the Decision (the interpretation ledger) would change, with the communes.
 * {@code ruleSetLabel} is the rule set's name as people read it (messages.properties:
 * "mặc định").
 */
record Report(long runId, String provinceCode, String provinceName, int period, String ruleSetName, String ruleSetLabel,
		String ruleSetHash, String engineVersion, String startedBy, Instant startedAt, Basis basis, PeriodRun counts,
		ProvinceDecision province, Map<Classification, List<CommuneLine>> communes, Transitions transitions,
		List<PeriodRun> trend, Progress progress, List<RunReadings.SwitchReading> readings) {

	/** The list's sections, in the order the province publishes them. */
	static final List<Classification> SECTIONS = List.of(Classification.TYPE_I, Classification.TYPE_II,
			Classification.TYPE_III, Classification.DRUG_FREE, Classification.UNCLASSIFIED);

	/**
	 * Evidence as the rules stored it, written for people: the Vietnamese half of its
	 * "vi/en" pairs, Vietnamese numbers (as on the console's pages).
	 */
	static String people(String stored) {
		return DisplayFormat.evidence(stored, DisplayFormat.VIETNAMESE);
	}

	static List<String> people(List<String> stored) {
		return stored.stream().map(Report::people).toList();
	}

	/**
	 * What the readings' part says before the flips (PDF section 5, the XLSX's sheet).
	 */
	static final String READINGS_LEAD = "Cùng số liệu, cùng các ngưỡng của kỳ đánh giá, chỉ một câu hỏi về cách hiểu "
			+ "Quyết định được trả lời theo cách khác (sổ cách đọc: law/switches.csv).";

	/** The headings of a flip's list of communes. */
	static final String[] READING_COLUMNS = { "STT", "Mã", "Tên đơn vị", "Loại theo lần này",
			"Loại theo cách đọc khác" };

	/**
	 * What one other reading would change, in one sentence (the run page's, in the
	 * reports).
	 */
	static String readingSentence(RunReadings.SwitchReading s, RunReadings.Flip f) {
		if (!f.evaluated()) {
			return f.option() == null
					? "Chưa đánh giá được " + s.questionVi()
							+ ": các tệp quy tắc của lần này không theo cách nào đã ghi."
					: "Chưa đánh giá được cách đọc " + s.questionVi() + " theo cách «" + f.optionVi() + "».";
		}
		if (f.changed() == 0) {
			return "Nếu đọc " + s.questionVi() + " theo cách «" + f.optionVi() + "» thì không xã nào đổi loại.";
		}
		return "Nếu đọc " + s.questionVi() + " theo cách «" + f.optionVi() + "» thì " + DisplayFormat.vi(f.changed())
				+ " xã đổi loại.";
	}

	/** The communes a flip moves, when it was evaluated and moves some. */
	static List<RunReadings.Change> movedBy(RunReadings.Flip f) {
		return (f.evaluated() && f.changed() > 0 && f.communes() != null) ? f.communes() : List.of();
	}

	static String sectionTitle(Classification k) {
		return switch (k) {
			case TYPE_I -> "I. Địa bàn trọng điểm phức tạp về ma túy loại I";
			case TYPE_II -> "II. Địa bàn trọng điểm phức tạp về ma túy loại II";
			case TYPE_III -> "III. Địa bàn trọng điểm phức tạp về ma túy loại III";
			case DRUG_FREE -> "IV. Địa bàn không ma túy";
			case UNCLASSIFIED -> "V. Chưa phân loại — cần xem xét";
		};
	}

	/**
	 * One commune in the list: its class as the list stands, the rules' recommendation
	 * and the override's reason where they differ, the criteria met, the key facts and
	 * what it lacks.
	 */
	record CommuneLine(String communeCode, String communeName, Classification classification,
			Classification recommendedClassification, String overrideReason, String criteriaMet, long population,
			long managedUsers, long exemptUsers, long drugUsePoints, long arrestedOffenders, long plantsDestroyed,
			BigDecimal plantAreaM2, boolean onRoute, List<String> whatWouldItTake) {

		boolean overridden() {
			return classification != recommendedClassification;
		}

		/** "Đề xuất của bộ quy tắc: …; lý do điều chỉnh: …" where overridden, else "". */
		String override() {
			return overridden() ? "Đề xuất của bộ quy tắc: " + recommendedClassification.labelVi()
					+ "; lý do điều chỉnh: " + overrideReason : "";
		}

		/**
		 * The evidence in one line, e.g. "192 người có hồ sơ (0,521%); 2 điểm; 39 bắt
		 * giữ".
		 */
		String evidence() {
			StringBuilder s = new StringBuilder();
			s.append(DisplayFormat.vi(managedUsers))
				.append(" người có hồ sơ (")
				.append(percent(managedUsers))
				.append("%");
			if (exemptUsers > 0) {
				s.append(", ").append(exemptUsers).append(" miễn trừ");
			}
			s.append("); ").append(drugUsePoints).append(" điểm; ").append(arrestedOffenders).append(" bắt giữ (");
			s.append(percent(arrestedOffenders)).append("%)");
			if (plantsDestroyed > 0 || plantAreaM2.signum() > 0) {
				s.append("; ")
					.append(DisplayFormat.vi(plantsDestroyed))
					.append(" cây / ")
					.append(DisplayFormat.vi(plantAreaM2))
					.append(" m²");
			}
			if (onRoute) {
				s.append("; trên tuyến");
			}
			return s.toString();
		}

		private String percent(long count) {
			return DisplayFormat.vi(BigDecimal.valueOf(count)
				.multiply(BigDecimal.valueOf(100))
				.divide(BigDecimal.valueOf(population), 3, java.math.RoundingMode.HALF_UP));
		}

	}

	static String classVi(Classification k) {
		return k.labelVi();
	}

}
