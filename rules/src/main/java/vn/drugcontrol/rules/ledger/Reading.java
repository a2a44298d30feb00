package vn.drugcontrol.rules.ledger;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * A reading of the Decision: one option of every switch of the ledger, e.g. the shipped
 * {@code default} and {@code literal} rule sets.
 *
 * @param name e.g. {@code default}
 * @param options option id by switch id, in the ledger's order
 */
public record Reading(String name, Map<String, String> options) {

	public Reading {
		options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
	}

	public String option(String switchId) {
		return options.get(switchId);
	}

	/** As a manifest writes it: {@code bands:cumulative, type3-zero:…}. */
	@Override
	public String toString() {
		return options.entrySet()
			.stream()
			.map(e -> e.getKey() + ":" + e.getValue())
			.collect(Collectors.joining(", ", name + " = ", ""));
	}

}
