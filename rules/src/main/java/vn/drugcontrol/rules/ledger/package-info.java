/**
 * The interpretation ledger ({@code law/switches.csv}): each open question of reading
 * Decision 28/2025/QĐ-TTg is a named {@link vn.drugcontrol.rules.ledger.Switch} with its
 * options, their sources, who decided and when, and the DRL files that implement each
 * option. A {@link vn.drugcontrol.rules.ledger.Reading} takes one option of every switch;
 * the shipped rule sets are readings, composed from their options' files, and any bundle
 * with one switch flipped is an {@link vn.drugcontrol.rules.ledger.Alternative}.
 */
package vn.drugcontrol.rules.ledger;
