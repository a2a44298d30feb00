package vn.drugcontrol.service.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.lowagie.text.pdf.BaseFont;

/**
 * The reports' typeface: DejaVu Sans (regular and bold), bundled under {@code fonts/}
 * with its licence (Bitstream Vera licence, DejaVu changes in the public domain) so that
 * Vietnamese diacritics render the same on every machine, with nothing to install.
 */
public final class ReportFonts {

	static final byte[] REGULAR = read("fonts/DejaVuSans.ttf");

	static final byte[] BOLD = read("fonts/DejaVuSans-Bold.ttf");

	private ReportFonts() {
	}

	/** For OpenPDF: embedded, Unicode (Identity-H). */
	public static BaseFont pdf(boolean bold) {
		try {
			return BaseFont.createFont(bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf", BaseFont.IDENTITY_H,
					BaseFont.EMBEDDED, true, bold ? BOLD : REGULAR, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** For charts (AWT). */
	static Font awt(boolean bold, float size) {
		try {
			return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bold ? BOLD : REGULAR))
				.deriveFont(size);
		}
		catch (FontFormatException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] read(String path) {
		try (InputStream in = ReportFonts.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("font " + path + " is missing from the classpath");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
