package vn.drugcontrol.service.facts;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipInputStreamZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an XLSX workbook: its first sheet, header in the first non-blank row (row 1).
 * Cells may be text or numbers; a formula counts by its last computed value; blank rows
 * are skipped.
 * <p>
 * The sheet is streamed (SAX over the sheet's XML, never a workbook in memory), so memory
 * does not grow with the rows: the rows stop at the batch limit (the caller's progress
 * callback throws) and every part read is bounded as it is inflated ({@link #bound}):
 * entries of at most {@value #MAX_ENTRY_BYTES} bytes expanded, expanding at most 100
 * times, at most {@value #MAX_ENTRIES} entries; shared strings at most
 * {@value #MAX_SHARED_STRINGS} and {@value #MAX_SHARED_CHARS} characters, counted as they
 * are read (the count the file declares is not trusted).
 */
final class XlsxFacts {

	/** The largest part of a workbook, expanded: far above 10,000 communes' sheet. */
	static final long MAX_ENTRY_BYTES = 100L << 20;

	/** Compressed size over expanded size, at least: a zip bomb expands far more. */
	static final double MIN_INFLATE_RATIO = 0.01;

	static final long MAX_ENTRIES = 1000;

	/** More than 10,000 communes' every text cell. */
	static final int MAX_SHARED_STRINGS = 500_000;

	static final long MAX_SHARED_CHARS = 20_000_000;

	/** Columns are A to XFD. */
	private static final int MAX_COLUMNS = 16_384;

	static {
		bound();
	}

	private XlsxFacts() {
	}

	/**
	 * Bounds every zip entry POI reads (JVM-wide settings of POI): counted as it is
	 * inflated, whatever size the entry declares.
	 */
	static void bound() {
		ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
		ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
		ZipSecureFile.setMaxFileCount(MAX_ENTRIES);
		// a zip whose directory is broken is read as a stream: its larger entries then go
		// to temporary files, not to memory
		ZipInputStreamZipEntrySource.setThresholdBytesForTempFiles(1 << 20);
	}

	static void read(InputStream input, Problems problems, CommuneRows rows) {
		Path copy = copy(input, problems);
		try (OPCPackage pkg = OPCPackage.open(copy.toFile(), PackageAccess.READ)) {
			readPackage(pkg, problems, rows);
		}
		catch (FactsRejectedException ex) {
			throw ex;
		}
		catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException ex) {
			unreadable(ex, problems);
		}
		catch (RuntimeException ex) {
			// POI's own failures (and a zip it refuses); anything else, e.g. the batch
			// limit of the progress callback, goes on to the caller
			if (!(ex.getClass().getName().startsWith("org.apache.poi.") || ex instanceof IllegalArgumentException
					|| ex instanceof IllegalStateException || ex instanceof IndexOutOfBoundsException)) {
				throw ex;
			}
			unreadable(ex, problems);
		}
		finally {
			try {
				Files.deleteIfExists(copy);
			}
			catch (IOException ex) {
				// a temporary file left behind: the system's temporary folder is cleaned
			}
		}
	}

	private static void unreadable(Exception ex, Problems problems) {
		problems.file("The file could not be read as an XLSX workbook: " + reason(ex));
		problems.throwIfAny();
	}

	private static String reason(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = (cause.getMessage() != null) ? cause.getMessage() : ex.getMessage();
		if (message != null && message.length() > 300) {
			message = message.substring(0, 300) + "…";
		}
		return message;
	}

	private static void readPackage(OPCPackage pkg, Problems problems, CommuneRows rows)
			throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
		XSSFReader reader = new XSSFReader(pkg);
		XSSFReader.SheetIterator sheets = reader.getSheetIterator();
		if (!sheets.hasNext()) {
			problems.file("The workbook has no sheet.");
			problems.throwIfAny();
		}
		List<String> strings = sharedStrings(pkg, problems);
		try (InputStream sheet = sheets.next()) {
			String sheetName = sheets.getSheetName();
			SheetHandler handler = new SheetHandler(strings, problems, rows);
			XMLReader xml = XMLHelper.newXMLReader();
			xml.setContentHandler(handler);
			xml.parse(new InputSource(sheet));
			if (handler.header == null) {
				problems.file("The first sheet of the workbook (\"" + sheetName + "\") is empty.");
				problems.throwIfAny();
			}
		}
	}

	/** The shared strings, counted as they are read. */
	private static List<String> sharedStrings(OPCPackage pkg, Problems problems)
			throws IOException, SAXException, ParserConfigurationException {
		List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
		List<String> strings = new ArrayList<>();
		if (parts.isEmpty()) {
			return strings;
		}
		SharedStringsHandler handler = new SharedStringsHandler(strings);
		try (InputStream in = parts.get(0).getInputStream()) {
			XMLReader xml = XMLHelper.newXMLReader();
			xml.setContentHandler(handler);
			xml.parse(new InputSource(in));
		}
		catch (TooMuchText ex) {
			problems.file("The workbook holds more than " + MAX_SHARED_STRINGS + " texts or " + MAX_SHARED_CHARS
					+ " characters of text; nothing was read.");
			problems.throwIfAny();
		}
		return strings;
	}

	/**
	 * Copies the upload to a temporary file: POI then reads its zip entries one by one.
	 */
	private static Path copy(InputStream input, Problems problems) {
		try {
			BufferedInputStream in = new BufferedInputStream(input);
			in.mark(8);
			byte[] head = in.readNBytes(4);
			in.reset();
			if (head.length == 0) {
				problems.file("The file is empty.");
			}
			else if (Signatures.isOle2(head)) {
				problems.file("The file is an Excel 97–2003 workbook (.xls), which is not accepted: "
						+ "save it as an Excel workbook (.xlsx).");
			}
			else if (!Signatures.isZip(head)) {
				problems.file("The file is not an XLSX workbook"
						+ (looksLikeText(head) ? " (it looks like text: upload it as .csv or .json)" : "") + ".");
			}
			else {
				Path copy = Files.createTempFile("facts-", ".xlsx");
				try {
					Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				}
				catch (IOException ex) {
					Files.deleteIfExists(copy);
					throw ex;
				}
				return copy;
			}
		}
		catch (IOException ex) {
			problems.file("The file could not be read as an XLSX workbook: " + ex.getMessage());
		}
		problems.throwIfAny();
		throw new IllegalStateException("unreachable");
	}

	private static boolean looksLikeText(byte[] head) {
		for (byte b : head) {
			if (b >= 0 && b < 9) {
				return false;
			}
		}
		return true;
	}

	/** Past the bounds of the shared strings. */
	private static final class TooMuchText extends SAXException {

		TooMuchText() {
			super("too much text");
		}

	}

	/** {@code <sst><si><t>…</t> or <r><t>…</t></r>…</si>}; phonetic runs left out. */
	private static final class SharedStringsHandler extends DefaultHandler {

		private final List<String> strings;

		private final StringBuilder text = new StringBuilder();

		private boolean inItem;

		private boolean inText;

		private int phonetic;

		private long chars;

		SharedStringsHandler(List<String> strings) {
			this.strings = strings;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes)
				throws SAXException {
			switch (local(localName, qName)) {
				case "si" -> {
					if (strings.size() >= MAX_SHARED_STRINGS) {
						throw new TooMuchText();
					}
					inItem = true;
					text.setLength(0);
				}
				case "rPh" -> phonetic++;
				case "t" -> inText = inItem && phonetic == 0;
				default -> {
				}
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) {
			switch (local(localName, qName)) {
				case "si" -> {
					strings.add(text.toString());
					inItem = false;
				}
				case "rPh" -> phonetic--;
				case "t" -> inText = false;
				default -> {
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) throws SAXException {
			if (inText) {
				chars += length;
				if (chars > MAX_SHARED_CHARS) {
					throw new TooMuchText();
				}
				text.append(ch, start, length);
			}
		}

	}

	/**
	 * The rows of a sheet: {@code <row r="5"><c r="B5" t="s"><v>3</v></c>…</row>}, each
	 * handed on as soon as it ends.
	 */
	private static final class SheetHandler extends DefaultHandler {

		private final List<String> strings;

		private final Problems problems;

		private final CommuneRows rows;

		private Header header;

		private int row;

		private List<Cell> values = new ArrayList<>();

		private int column;

		private String type;

		private boolean inValue;

		private boolean inInline;

		private int phonetic;

		private final StringBuilder text = new StringBuilder();

		SheetHandler(List<String> strings, Problems problems, CommuneRows rows) {
			this.strings = strings;
			this.problems = problems;
			this.rows = rows;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			switch (local(localName, qName)) {
				case "row" -> {
					String r = attributes.getValue("r");
					row = (r != null && r.matches("\\d{1,9}")) ? Integer.parseInt(r) : row + 1;
					values = new ArrayList<>();
					column = -1;
				}
				case "c" -> {
					String ref = attributes.getValue("r");
					int index = (ref != null) ? columnOf(ref) : -1;
					column = (index >= 0) ? index : column + 1;
					type = attributes.getValue("t");
					text.setLength(0);
					inValue = false;
					inInline = false;
				}
				case "v" -> {
					inValue = true;
					text.setLength(0);
				}
				case "is" -> {
					inInline = true;
					text.setLength(0);
				}
				case "rPh" -> phonetic++;
				default -> {
				}
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) {
			switch (local(localName, qName)) {
				case "v" -> inValue = false;
				case "is" -> inInline = false;
				case "rPh" -> phonetic--;
				case "c" -> cellEnded();
				case "row" -> rowEnded();
				default -> {
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if ((inValue || inInline && phonetic == 0) && text.length() < MAX_SHARED_CHARS) {
				text.append(ch, start, length);
			}
		}

		private void cellEnded() {
			if (column < 0 || column >= MAX_COLUMNS) {
				return;
			}
			Cell cell = value(type, text.toString());
			while (values.size() < column) {
				values.add(Cell.EMPTY);
			}
			if (values.size() == column) {
				values.add(cell);
			}
			else {
				values.set(column, cell);
			}
		}

		private Cell value(String type, String raw) {
			String t = (type == null) ? "n" : type;
			switch (t) {
				case "s": {
					int index;
					try {
						index = Integer.parseInt(raw.trim());
					}
					catch (NumberFormatException ex) {
						return Cell.EMPTY;
					}
					return (index >= 0 && index < strings.size()) ? Cell.text(strings.get(index)) : Cell.EMPTY;
				}
				case "inlineStr":
				case "str":
				case "d":
					return Cell.text(raw);
				case "b":
					return raw.isBlank() ? Cell.EMPTY : new Cell.Flag(!"0".equals(raw.trim()));
				case "e":
					return new Cell.Invalid("holds the spreadsheet error " + raw.trim() + "; enter a value instead.");
				default: {
					if (raw.isBlank()) {
						return Cell.EMPTY;
					}
					try {
						return new Cell.Numeric(BigDecimal.valueOf(Double.parseDouble(raw.trim())));
					}
					catch (NumberFormatException ex) {
						return Cell.text(raw);
					}
				}
			}
		}

		private void rowEnded() {
			List<Cell> cells = values;
			values = new ArrayList<>();
			if (cells.stream().allMatch(Cell::isBlank)) {
				return;
			}
			if (header == null) {
				header = Header.read(row, cells, problems);
				if (header == null) {
					problems.throwIfAny();
				}
				return;
			}
			rows.add(row, header.row(row, cells, problems));
		}

		/** A1 → 0; -1 when the reference is not one. */
		private static int columnOf(String ref) {
			int column = 0;
			int i = 0;
			while (i < ref.length() && Character.isLetter(ref.charAt(i)) && i < 3) {
				column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
				i++;
			}
			return (i == 0) ? -1 : column - 1;
		}

	}

	private static String local(String localName, String qName) {
		if (localName != null && !localName.isEmpty()) {
			return localName;
		}
		int colon = qName.indexOf(':');
		return (colon < 0) ? qName : qName.substring(colon + 1);
	}

}
