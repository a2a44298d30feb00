package vn.drugcontrol.service.run;

import java.util.List;

import vn.drugcontrol.rules.commune.CommuneOutcome;
import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.service.facts.FactsBatch;

/**
 * A run and its decisions were just stored, in a transaction still open: listeners that
 * store more about the run (the province's decision under Art. 5 and 6, in
 * {@code province.ProvinceClassifier}) do it in the same transaction, so the run and all
 * it holds are stored together or not at all. Published by {@link RunService}; the run
 * feature does not know who listens.
 *
 * @param runId the stored run
 * @param ruleSet the rule set the run classified with
 * @param batch the facts, as classified (routes derived)
 * @param outcomes the communes' outcomes, in the batch's order
 */
public record RunStored(long runId, RuleSet ruleSet, FactsBatch batch, List<CommuneOutcome> outcomes) {
}
