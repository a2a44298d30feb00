package vn.drugcontrol.service.ruleset;

/**
 * An upload past the bounds of a bundle (a file's or the whole bundle's expanded size, an
 * archive's entries): reading stopped, nothing was stored.
 */
public class BundleTooLargeException extends RuntimeException {

	private final String entry;

	BundleTooLargeException(String entry, String message) {
		super(message);
		this.entry = entry;
	}

	/** The file or archive entry at which reading stopped. */
	public String entry() {
		return entry;
	}

}
