package vn.drugcontrol.service.system;

/**
 * Free text longer than its column: refused before it reaches the database (which would
 * refuse it too, but as an error the client cannot tell from an outage). A 422 naming the
 * field.
 */
public class TextTooLongException extends IllegalArgumentException {

	private final String field;

	private final int maxLength;

	public TextTooLongException(String field, int maxLength, int length) {
		super(field + " is " + length + " characters long; at most " + maxLength + " are allowed");
		this.field = field;
		this.maxLength = maxLength;
	}

	public String field() {
		return this.field;
	}

	public int maxLength() {
		return this.maxLength;
	}

	/**
	 * The value, stripped, if it fits {@code maxLength} characters (null stays null).
	 * @throws TextTooLongException if it does not
	 */
	public static String check(String field, String value, int maxLength) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > maxLength) {
			throw new TextTooLongException(field, maxLength, stripped.length());
		}
		return stripped;
	}

}
