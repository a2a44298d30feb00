/**
 * The law as data, in every rule-set bundle: the clause register
 * ({@code law/clauses.csv}: each clause the rules implement, with the Decision's words,
 * an English gloss and its source) and the dated parameters ({@code law/parameters.csv}:
 * every number of the Decision, once). Analysts edit both in a spreadsheet; rules read
 * them through the {@link vn.drugcontrol.rules.law.Law} fact, resolved for the run's
 * evaluation period.
 */
package vn.drugcontrol.rules.law;
