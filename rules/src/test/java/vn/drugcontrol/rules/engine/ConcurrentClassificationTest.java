package vn.drugcontrol.rules.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.commune.CommuneOutcome;
import vn.drugcontrol.rules.crosscheck.CommuneGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One compiled rule set serves many threads at once: each classify call opens its own
 * session, so 8 threads classifying together get what one thread gets alone.
 */
class ConcurrentClassificationTest {

	private static final int THREADS = 8;

	private static final int BATCHES_PER_THREAD = 4;

	private static final int BATCH = 150;

	@Test
	@Timeout(value = 2, unit = TimeUnit.MINUTES)
	void eightThreadsAtOnceGetTheSingleThreadedOutcomes() throws Exception {
		for (RuleSet rules : List.of(ShippedRuleSets.defaultReading(), ShippedRuleSets.literalReading())) {
			CommuneGenerator generator = new CommuneGenerator(8L);
			List<List<CommuneFacts>> batches = new ArrayList<>();
			for (int i = 0; i < THREADS * BATCHES_PER_THREAD; i++) {
				batches.add(generator.next(BATCH));
			}
			List<List<CommuneOutcome>> alone = batches.stream().map(rules::classify).toList();

			ExecutorService pool = Executors.newFixedThreadPool(THREADS);
			try {
				CountDownLatch start = new CountDownLatch(1);
				List<Future<List<CommuneOutcome>>> together = new ArrayList<>();
				for (List<CommuneFacts> batch : batches) {
					together.add(pool.submit(() -> {
						start.await();
						return rules.classify(batch);
					}));
				}
				start.countDown();
				for (int i = 0; i < batches.size(); i++) {
					assertSameOutcomes(together.get(i).get(1, TimeUnit.MINUTES), alone.get(i), rules.name());
				}
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	private static void assertSameOutcomes(List<CommuneOutcome> actual, List<CommuneOutcome> expected, String name) {
		assertThat(actual).hasSameSizeAs(expected);
		for (int i = 0; i < expected.size(); i++) {
			CommuneOutcome a = actual.get(i);
			CommuneOutcome e = expected.get(i);
			assertThat(a.communeCode()).as(name).isEqualTo(e.communeCode());
			assertThat(a.classification()).as(name + " " + e.communeCode()).isEqualTo(e.classification());
			assertThat(a.decidedBy()).as(name + " " + e.communeCode()).isEqualTo(e.decidedBy());
			assertThat(a.evidence()).as(name + " " + e.communeCode()).isEqualTo(e.evidence());
			assertThat(new HashSet<>(a.warnings())).as(name + " " + e.communeCode())
				.isEqualTo(new HashSet<>(e.warnings()));
		}
	}

}
