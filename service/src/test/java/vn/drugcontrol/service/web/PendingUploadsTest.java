package vn.drugcontrol.service.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.drugcontrol.service.web.PendingUploads.Pending;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads wait between preview and confirmation under an unguessable token, and are gone
 * once used.
 */
class PendingUploadsTest {

	private final PendingUploads uploads;

	PendingUploadsTest() throws Exception {
		this.uploads = new PendingUploads();
	}

	@AfterEach
	void deleteFiles() {
		uploads.deleteAll();
	}

	@Test
	void keptUnderARandomTokenUntilDiscarded() throws Exception {
		Pending kept = keep("a,b\n1,2\n");

		assertThat(kept.token()).hasSize(43).isNotEqualTo(keep("other").token());
		Pending found = uploads.find(kept.token(), "officer-04").orElseThrow();
		try (var in = found.open()) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("a,b\n1,2\n");
		}
		uploads.discard(kept.token());
		assertThat(uploads.find(kept.token(), "officer-04")).isEmpty();
		assertThat(Files.exists(kept.file())).isFalse();
	}

	@Test
	void anythingButATokenFindsNothing() {
		keep("x");
		assertThat(uploads.find(null, "officer-04")).isEmpty();
		assertThat(uploads.find("../../etc/passwd", "officer-04")).isEmpty();
		assertThat(uploads.find("A".repeat(43), "officer-04")).isEmpty();
	}

	@Test
	void onlyItsUploaderFindsAnUpload() {
		Pending kept = keep("x");

		assertThat(uploads.find(kept.token(), "officer-01")).as("another user who learnt the token").isEmpty();
		assertThat(uploads.find(kept.token(), "officer-04")).isPresent();
	}

	@Test
	void theOldestIsDroppedBeyondCapacity() {
		Pending first = keep("first");
		for (int i = 0; i < PendingUploads.CAPACITY; i++) {
			keep("next " + i);
		}
		assertThat(uploads.find(first.token(), "officer-04")).isEmpty();
	}

	private Pending keep(String content) {
		return uploads.keep(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "f.csv", "officer-04");
	}

}
