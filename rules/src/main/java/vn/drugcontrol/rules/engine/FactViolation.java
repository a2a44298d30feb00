package vn.drugcontrol.rules.engine;

/**
 * One fact that breaks the facts contract.
 *
 * @param index the position of the commune in its batch, from 0
 * @param communeCode the commune it concerns
 * @param field the fact, by its JSON (camelCase) name
 * @param message why it is wrong
 */
public record FactViolation(int index, String communeCode, String field, String message) {

}
