package vn.drugcontrol.service.facts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import vn.drugcontrol.rules.commune.CommuneFacts;

/**
 * Fixtures for the facts import tests: Cao Bằng (province 04) communes of the 2025 list.
 */
final class FactsFiles {

	static final String HEADER = FactsColumns.csvHeaderLine();

	/** 01273 Phường Thục Phán, as in {@code facts/cao-bang-2025.csv}. */
	static final String THUC_PHAN = "01273,Thục Phán,04,2025,24500,130,40,12,8,2,30,25,1,0,0,true,false,6";

	/** 01360 Xã Sơn Lộ, written with its type. */
	static final String SON_LO = "01360,Xã Sơn Lộ,04,2025,6200,12,0,3,1,0,4,3,0,1200,350.5,0,1,0";

	/** 01290 Xã Bảo Lâm, with Vietnamese booleans. */
	static final String BAO_LAM = "01290,Bảo Lâm,04,2025,9800,51,10,5,5,1,12,9,0,3500,12.5,có,không,2";

	static final FactsImporter IMPORTER = new FactsImporter(AdminUnits.load());

	private FactsFiles() {
	}

	/** The three communes of {@code facts/cao-bang-2025.*}. */
	static List<CommuneFacts> caoBang2025() {
		return List.of(
				CommuneFacts.builder("01273")
					.name("Thục Phán")
					.province("04")
					.period(2025)
					.population(24_500)
					.managedUsers(130)
					.inSubstitutionTreatment(40)
					.inCommunityRehab(12)
					.inPostRehabManagement(8)
					.drugUsePoints(2)
					.arrestedOffenders(30)
					.residentViolators(25)
					.wantedFugitives(1)
					.plantAreaM2("0")
					.onIntraProvincialRoute(true)
					.heldInCentresOrPrison(6)
					.build(),
				CommuneFacts.builder("01360")
					.name("Xã Sơn Lộ")
					.province("04")
					.period(2025)
					.population(6_200)
					.managedUsers(12)
					.inCommunityRehab(3)
					.inPostRehabManagement(1)
					.arrestedOffenders(4)
					.residentViolators(3)
					.plantsDestroyed(1_200)
					.plantAreaM2("350.5")
					.onInterProvincialRoute(true)
					.build(),
				CommuneFacts.builder("01290")
					.name("Bảo Lâm")
					.province("04")
					.period(2025)
					.population(9_800)
					.managedUsers(51)
					.inSubstitutionTreatment(10)
					.inCommunityRehab(5)
					.inPostRehabManagement(5)
					.drugUsePoints(1)
					.arrestedOffenders(12)
					.residentViolators(9)
					.plantsDestroyed(3_500)
					.plantAreaM2("12.5")
					.onIntraProvincialRoute(true)
					.heldInCentresOrPrison(2)
					.build());
	}

	static InputStream resource(String name) {
		InputStream in = FactsFiles.class.getResourceAsStream("/facts/" + name);
		if (in == null) {
			throw new IllegalStateException("no test resource facts/" + name);
		}
		return in;
	}

	static byte[] utf8(String... lines) {
		return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
	}

	static InputStream csv(String... lines) {
		return new ByteArrayInputStream(utf8(lines));
	}

	static FactsBatch readCsv(String... lines) {
		return IMPORTER.read("test.csv", csv(lines), FactsFormat.CSV, null, null, null);
	}

	static FactsBatch readResource(String name, FactsFormat format) {
		try (InputStream in = resource(name)) {
			return IMPORTER.read(name, in, format, "04", 2025, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The problems the call is rejected with. */
	static List<ImportProblem> rejected(Runnable call) {
		try {
			call.run();
		}
		catch (FactsRejectedException ex) {
			return ex.problems();
		}
		throw new AssertionError("expected the facts to be rejected");
	}

}
