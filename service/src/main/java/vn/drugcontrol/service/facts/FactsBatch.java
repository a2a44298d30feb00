package vn.drugcontrol.service.facts;

import java.util.List;

import vn.drugcontrol.rules.commune.CommuneFacts;

/**
 * The facts of one province for one evaluation period, as imported: every commune passed
 * the contract's checks.
 *
 * @param provinceCode 2-digit province code
 * @param period evaluation period (2025 = 15 Dec 2024 – 14 Dec 2025)
 * @param communes one entry per commune, in the file's order
 */
public record FactsBatch(String provinceCode, int period, List<CommuneFacts> communes) {

	public FactsBatch {
		communes = List.copyOf(communes);
	}

}
