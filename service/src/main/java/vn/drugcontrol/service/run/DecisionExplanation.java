package vn.drugcontrol.service.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;

import vn.drugcontrol.service.system.DisplayFormat;
import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.service.run.Decision.EvidenceRow;

/**
 * Why a commune got its class, in one sentence and then criterion by criterion, read from
 * the decision's stored evidence (which criteria of which article were met): nothing is
 * assessed again here. The sentence's words, and how many criteria each class needs, are
 * the message bundle's ({@code reason.*}), as the law words them.
 *
 * @param reason e.g. "Loại II: đáp ứng 3/5 tiêu chí loại II (a, b, c); không đủ 3 tiêu
 * chí loại I (đáp ứng 2/5)"
 * @param because the reason without its class (in a list already grouped by class): "đáp
 * ứng 3/5 tiêu chí loại II (a, b, c); không đủ 3 tiêu chí loại I (đáp ứng 2/5)"
 * @param deciding the article whose criteria gave the class (type III's for an
 * unclassified commune: the one it missed last)
 * @param others the other articles, in the law's order of precedence
 */
public record DecisionExplanation(String reason, String because, Article deciding, List<Article> others) {

	/**
	 * The articles in the order the classes take precedence (classification.drl): type I,
	 * type II, drug-free, type III.
	 */
	static final List<String> PRECEDENCE = List.of("4.1", "4.2", "6", "4.3");

	static final Map<Classification, String> ARTICLE_OF = Map.of(Classification.TYPE_I, "4.1", Classification.TYPE_II,
			"4.2", Classification.DRUG_FREE, "6", Classification.TYPE_III, "4.3", Classification.UNCLASSIFIED, "4.3");

	/** One article's criteria as assessed. */
	public record Article(String article, String title, int met, int total, List<Criterion> criteria) {
	}

	/**
	 * One criterion, shown: its point, what it asks, the value and bound in the page's
	 * language, whether it was met and, where a bound counts higher bands too, whether
	 * the value met it in a higher band.
	 */
	public record Criterion(String id, String point, String label, String observed, String threshold, boolean met,
			String metText, String rule) {
	}

	public static DecisionExplanation of(Decision decision, MessageSource messages, Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		Map<String, List<EvidenceRow>> byArticle = new LinkedHashMap<>();
		for (EvidenceRow row : decision.evidence()) {
			byArticle.computeIfAbsent(articleOf(row.criterionId()), a -> new ArrayList<>()).add(row);
		}
		Map<String, Article> articles = new LinkedHashMap<>();
		for (String article : PRECEDENCE) {
			List<EvidenceRow> rows = byArticle.getOrDefault(article, List.of());
			List<Criterion> criteria = rows.stream().map(row -> {
				String metText = messages.getMessage(row.met() ? "evidence.yes" : "evidence.no", null, locale);
				String higher = row.met() ? higherBand(row, decision.evidence()) : null;
				if (higher != null) {
					metText = messages.getMessage("evidence.yesHigher", new Object[] { higher }, locale);
				}
				return new Criterion(row.criterionId(), pointOf(row.criterionId()),
						english ? row.labelEn() : row.labelVi(), DisplayFormat.evidence(row.observed(), locale),
						DisplayFormat.evidence(row.threshold(), locale), row.met(), metText, row.ruleName());
			}).toList();
			int met = (int) rows.stream().filter(EvidenceRow::met).count();
			articles.put(article, new Article(article, messages.getMessage("article." + article, null, locale), met,
					rows.size(), criteria));
		}
		Classification classification = decision.classification();
		String decidingArticle = ARTICLE_OF.get(classification);
		List<String> parts = new ArrayList<>();
		if (classification != Classification.UNCLASSIFIED) {
			Article a = articles.get(decidingArticle);
			parts.add(messages.getMessage("reason.met." + decidingArticle,
					new Object[] { a.met(), a.total(), points(a) }, locale));
		}
		// the classes that take precedence and were missed, in the law's order
		for (String article : PRECEDENCE) {
			if (article.equals(decidingArticle) && classification != Classification.UNCLASSIFIED) {
				break;
			}
			Article a = articles.get(article);
			parts.add(messages.getMessage("reason.short." + article, new Object[] { a.met(), a.total() }, locale));
		}
		String because = String.join("; ", parts);
		String reason = messages.getMessage("class." + classification.name(), null, locale) + ": " + because;
		List<Article> others = articles.values()
			.stream()
			.filter(a -> !a.article().equals(decidingArticle) && a.total() > 0)
			.toList();
		return new DecisionExplanation(reason, because, articles.get(decidingArticle), others);
	}

	/** "4.1.a" → "4.1"; "6.1" → "6". */
	static String articleOf(String criterionId) {
		return criterionId.substring(0, criterionId.lastIndexOf('.'));
	}

	static String pointOf(String criterionId) {
		return criterionId.substring(criterionId.lastIndexOf('.') + 1);
	}

	private static String points(Article article) {
		return article.criteria()
			.stream()
			.filter(Criterion::met)
			.map(Criterion::point)
			.collect(Collectors.joining(", "));
	}

	/**
	 * For a bound that counts higher bands too ("< 0.1% or higher"): the criterion of a
	 * higher band, on the same measure, that the value also met (e.g. 4.2.a), or null
	 * when the value lies in the bound's own band.
	 */
	private static String higherBand(EvidenceRow row, List<EvidenceRow> all) {
		if (row.threshold() == null || !row.threshold().contains("cao hơn/or higher")) {
			return null;
		}
		List<String> bands = List.of("4.1", "4.2", "4.3");
		int own = bands.indexOf(articleOf(row.criterionId()));
		// the highest band the value also met: type I's before type II's
		return all.stream()
			.filter(other -> other.met() && other.measure() != null && other.measure().equals(row.measure()))
			.filter(other -> {
				int band = bands.indexOf(articleOf(other.criterionId()));
				return band >= 0 && band < own;
			})
			.min(java.util.Comparator.comparingInt(other -> bands.indexOf(articleOf(other.criterionId()))))
			.map(EvidenceRow::criterionId)
			.orElse(null);
	}

}
