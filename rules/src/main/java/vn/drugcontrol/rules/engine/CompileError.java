package vn.drugcontrol.rules.engine;

/**
 * One thing wrong in a DRL file, where it is and what it is.
 *
 * @param file the DRL file's path in its rule set
 * @param line the first line concerned, or 0 when the compiler gives none
 * @param message the compiler's message
 */
public record CompileError(String file, int line, String message) {

	@Override
	public String toString() {
		return file + ":" + line + ": " + message;
	}

}
