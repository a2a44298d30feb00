package vn.drugcontrol.service.facts;

import vn.drugcontrol.rules.commune.FactsColumn;
import java.util.List;

import vn.drugcontrol.rules.commune.CommuneFacts;

/**
 * The facts of one province for one evaluation period, as imported: every commune passed
 * the contract's checks.
 *
 * @param provinceCode 2-digit province code
 * @param period evaluation period (2025 = 15 Dec 2024 – 14 Dec 2025)
 * @param communes one entry per commune, in the file's order
 * @param statedRoutes the route columns as the file gave them, one per commune, so that
 * an empty cell (derive it from the route registry) can be told from {@code false}
 */
public record FactsBatch(String provinceCode, int period, List<CommuneFacts> communes, List<StatedRoute> statedRoutes) {

	public FactsBatch {
		communes = List.copyOf(communes);
		statedRoutes = List.copyOf(statedRoutes);
	}

	/** Facts whose route flags were all stated, as the communes carry them. */
	public FactsBatch(String provinceCode, int period, List<CommuneFacts> communes) {
		this(provinceCode, period, communes, communes.stream().map(StatedRoute::of).toList());
	}

	/**
	 * One commune's route columns as given.
	 *
	 * @param row the row or JSON item (null when not from a file)
	 * @param intraColumn the intra-provincial column's name as the file writes it
	 * @param onIntra the value given, null when left empty or out
	 * @param interColumn the inter-provincial column's name as the file writes it
	 * @param onInter the value given, null when left empty or out
	 */
	public record StatedRoute(String communeCode, Integer row, String intraColumn, Boolean onIntra, String interColumn,
			Boolean onInter) {

		static StatedRoute of(CommuneFacts c) {
			return new StatedRoute(c.communeCode(), null, FactsColumn.ON_INTRA_PROVINCIAL_ROUTE.header(),
					c.onIntraProvincialRoute(), FactsColumn.ON_INTER_PROVINCIAL_ROUTE.header(),
					c.onInterProvincialRoute());
		}

	}

}
