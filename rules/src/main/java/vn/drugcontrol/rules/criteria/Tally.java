package vn.drugcontrol.rules.criteria;

/**
 * How many criteria of one article a unit meets, once every one of them has been
 * assessed.
 *
 * @param unitCode the commune or province
 * @param article e.g. {@code 4.1}
 * @param met criteria met
 * @param assessed criteria assessed
 */
public record Tally(String unitCode, String article, int met, int assessed) {

}
