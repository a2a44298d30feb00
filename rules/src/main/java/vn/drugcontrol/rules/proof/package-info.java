/**
 * Proofs over a rule set: the Decision's classes depend only on which band each measure
 * falls in, so the whole input space is finite; the exhaustive check classifies one
 * commune per combination of bands (and on every edge) with the rule set's own rules and
 * reports what it finds (holes, ambiguous cells, monotonicity counterexamples, Art. 6
 * against Art. 4); the band search finds what it would take for a commune to move one
 * class down.
 */
package vn.drugcontrol.rules.proof;
