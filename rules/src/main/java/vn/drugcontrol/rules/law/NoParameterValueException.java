package vn.drugcontrol.rules.law;

/**
 * A run's evaluation period comes before every value of a parameter: the law as the
 * bundle records it says nothing for that period, and no default stands in.
 */
public class NoParameterValueException extends RuntimeException {

	public NoParameterValueException(String message) {
		super(message);
	}

}
