package vn.drugcontrol.service.system;

/**
 * Something asked for by id or code that is not stored.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super(what);
	}

}
