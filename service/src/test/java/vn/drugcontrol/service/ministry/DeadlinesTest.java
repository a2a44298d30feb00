package vn.drugcontrol.service.ministry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.drugcontrol.service.ministry.Deadlines.Deadline;
import vn.drugcontrol.service.ministry.Deadlines.Step;

import static org.assertj.core.api.Assertions.assertThat;

/** The deadlines of Art. 7, read from their data, on both sides of the day. */
class DeadlinesTest {

	private final Deadlines deadlines = new Deadlines(
			Optional.of(Clock.fixed(Instant.parse("2025-12-20T16:59:00Z"), ZoneOffset.UTC)));

	@Test
	void theProvinceReportsBy20DecemberAndTheMinistryDecidesBy30December() {
		Deadline report = deadlines.of(Step.PROVINCE_REPORT, 2025);
		assertThat(report.date()).isEqualTo(LocalDate.of(2025, 12, 20));
		assertThat(report.source()).startsWith("Art. 7.2");
		Deadline decision = deadlines.of(Step.MINISTRY_DECISION, 2030);
		assertThat(decision.date()).isEqualTo(LocalDate.of(2030, 12, 30));
		assertThat(decision.source()).startsWith("Art. 7.3");
	}

	@Test
	void aDayIsVietnamsAndTheDeadlinesDayIsStillInTime() {
		// 16:59 UTC on the 20th is 23:59 in Hà Nội: still the 20th
		assertThat(deadlines.today()).isEqualTo(LocalDate.of(2025, 12, 20));
		assertThat(Deadlines.day(Instant.parse("2025-12-20T17:00:00Z"))).isEqualTo(LocalDate.of(2025, 12, 21));
		Deadline report = deadlines.of(Step.PROVINCE_REPORT, 2025);
		assertThat(report.missedBy(null, LocalDate.of(2025, 12, 20))).isFalse();
		assertThat(report.missedBy(null, LocalDate.of(2025, 12, 21))).isTrue();
		assertThat(report.missedBy(LocalDate.of(2025, 12, 20), LocalDate.of(2026, 1, 5))).isFalse();
		assertThat(report.missedBy(LocalDate.of(2025, 12, 21), LocalDate.of(2025, 12, 21))).isTrue();
	}

}
