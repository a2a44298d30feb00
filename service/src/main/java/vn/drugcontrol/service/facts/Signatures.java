package vn.drugcontrol.service.facts;

/** The first bytes that tell what a file really is. */
final class Signatures {

	private Signatures() {
	}

	/** A zip archive, as every XLSX workbook is. */
	static boolean isZip(byte[] head) {
		return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
	}

	/** An OLE2 compound document, as Excel 97–2003 (.xls) workbooks are. */
	static boolean isOle2(byte[] head) {
		return head.length >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
				&& (head[3] & 0xFF) == 0xE0;
	}

}
