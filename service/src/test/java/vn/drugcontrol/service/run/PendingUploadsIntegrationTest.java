package vn.drugcontrol.service.run;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import vn.drugcontrol.service.DatabaseTest;
import vn.drugcontrol.service.run.PendingUploads.Pending;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's uploads wait between preview and confirmation in the database, under an
 * unguessable token, for their uploader only, until they expire or are used; each user
 * has at most {@code classifier.console.pending-uploads.per-user} (5) waiting, and one
 * more replaces only that user's oldest.
 */
class PendingUploadsIntegrationTest extends DatabaseTest {

	@Autowired
	private PendingUploads uploads;

	@Test
	void keptUnderARandomTokenUntilDiscarded() throws Exception {
		Pending kept = keep("a,b\n1,2\n", "officer-04");

		assertThat(kept.token()).hasSize(43).isNotEqualTo(keep("other", "officer-04").token());
		assertThat(jdbc.queryForList("SELECT token_hash FROM pending_upload", String.class))
			.as("only the token's hash is stored")
			.doesNotContain(kept.token());
		Pending found = uploads.find(kept.token(), "officer-04").orElseThrow();
		try (InputStream in = uploads.open(found)) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("a,b\n1,2\n");
		}
		uploads.discard(kept.token());
		assertThat(uploads.find(kept.token(), "officer-04")).isEmpty();
		assertThat(count("pending_upload")).isOne();
	}

	@Test
	void aLargeFileIsStoredInPartsAndReadBackWhole() throws Exception {
		byte[] content = new byte[PendingUploads.PART_SIZE * 2 + 12345];
		new Random(18).nextBytes(content);

		Pending kept = uploads.keep(new ByteArrayInputStream(content), "big.xlsx", "officer-04");

		assertThat(count("pending_upload_part")).isEqualTo(3);
		try (InputStream in = uploads.open(uploads.find(kept.token(), "officer-04").orElseThrow())) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
	}

	@Test
	void anythingButATokenFindsNothing() {
		keep("x", "officer-04");
		assertThat(uploads.find(null, "officer-04")).isEmpty();
		assertThat(uploads.find("../../etc/passwd", "officer-04")).isEmpty();
		assertThat(uploads.find("A".repeat(43), "officer-04")).isEmpty();
	}

	@Test
	void onlyItsUploaderFindsAnUpload() {
		Pending kept = keep("x", "officer-04");

		assertThat(uploads.find(kept.token(), "officer-01")).as("another user who learnt the token").isEmpty();
		assertThat(uploads.find(kept.token(), "OFFICER-04")).as("the name exactly").isEmpty();
		assertThat(uploads.find(kept.token(), "officer-04")).isPresent();
	}

	@Test
	void anExpiredUploadIsGoneAndForgottenAtTheNextUpload() {
		Pending kept = keep("x", "officer-04");
		jdbc.update("UPDATE pending_upload SET expires_at = kept_at");

		assertThat(uploads.find(kept.token(), "officer-04")).isEmpty();
		keep("y", "officer-01");
		assertThat(count("pending_upload")).isOne();
		assertThat(count("pending_upload_part")).isOne();
	}

	@Test
	void eachUserHasABoundAndOnlyTheirOwnOldestMakesRoom() {
		Pending othersFirst = keep("other's", "officer-01");
		Pending first = keep("first", "officer-04");
		for (int i = 1; i < 5; i++) {
			keep("next " + i, "officer-04");
		}
		assertThat(uploads.waiting("officer-04")).isEqualTo(5);
		assertThat(uploads.find(first.token(), "officer-04")).as("within the bound").isPresent();

		Pending sixth = keep("sixth", "officer-04");

		assertThat(uploads.waiting("officer-04")).isEqualTo(5);
		assertThat(uploads.find(first.token(), "officer-04")).as("the user's oldest made room").isEmpty();
		assertThat(uploads.find(sixth.token(), "officer-04")).isPresent();
		assertThat(uploads.find(othersFirst.token(), "officer-01")).as("another user's upload is kept").isPresent();
	}

	private Pending keep(String content, String user) {
		return uploads.keep(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "f.csv", user);
	}

}
